"""Each change is worded in its figures' own unit; each figure names its own base and publisher."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tui.core import load_dataset
from tui.core.dataset import Dataset
from tui.core.model import Figure
from tui.core.numbers import format_difference
from tui.core.provenance import population_text, publisher_text
from tui.core.words import reason


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset()


def _with(data: Dataset, figures: list[Figure]) -> Dataset:
    return Dataset(figures, data.labels, data.sources, data.indicators)


def _nok_pair(data: Dataset, earlier: str, later: str) -> tuple[Dataset, Figure]:
    """Two NOK billion figures of one series a year apart (the catalogue has one such figure)."""
    nok = data.figure("ec_sales_turnover_value", 2014)
    assert nok is not None and nok.unit == "nok_bn"
    before = nok._replace(ref_year=2013, survey_year=2014, period="2013", value_text=earlier)
    after = nok._replace(value_text=later)
    return _with(data, [before, after]), after


def _change_words(dataset: Dataset, figure: Figure, lang: str) -> str:
    change = dataset.change(figure)
    assert change.difference is not None and change.previous is not None
    assert change.previous.exact is not None
    return format_difference(change.difference, change.previous.exact, figure.unit, lang)


def test_a_percentage_changes_in_points(data: Dataset) -> None:
    web = data.figure("ec_sales_web", 2012)
    assert web is not None and web.unit == "percent"
    assert _change_words(data, web, "en") == "-10 pp"
    assert _change_words(data, web, "nb") == "-10 p.p."
    eu_web = data.figure("eu_e_awsell", 2012)
    assert eu_web is not None
    assert _change_words(data, eu_web, "nb") == "-10,36 p.p."


def test_nok_changes_in_nok_with_the_relative_change(data: Dataset) -> None:
    dataset, after = _nok_pair(data, "556", "568")
    assert dataset.change(after).difference == Decimal("12")
    assert _change_words(dataset, after, "en") == "+12 NOK bn (+2.2%)"
    assert _change_words(dataset, after, "nb") == "+12 mrd. kr (+2,2 %)"
    dataset, after = _nok_pair(data, "568.5", "556")
    words = _change_words(dataset, after, "en")
    assert words.startswith("-12.5 NOK bn") and "pp" not in words


def test_a_difference_keeps_every_decimal_both_figures_carry() -> None:
    difference = Decimal("26.50") - Decimal("26.20")
    assert format_difference(difference, Decimal("26.20"), "percent", "en") == "+0.30 pp"
    assert format_difference(Decimal("0"), Decimal("7"), "percent", "en") == "±0 pp"


def test_a_value_of_another_unit_never_says_points(data: Dataset) -> None:
    words = format_difference(Decimal("396701"), Decimal("8229224"), "value", "en")
    assert words == "+396701 (+4.8%)"
    assert "pp" not in words
    assert format_difference(Decimal("-3"), Decimal("0"), "value", "en") == "-3"


def test_a_different_base_is_not_comparable(data: Dataset) -> None:
    purpose_2017 = data.figure("sm_purpose_marketing", 2017)
    assert purpose_2017 is not None
    change = data.change(purpose_2017)
    assert change.difference is None
    assert reason(change.reason, "en") == "not comparable: different base population"


def test_a_size_class_figure_names_its_class(data: Dataset) -> None:
    large = [f for f in data.figures if f.group == "100+" and f.geo == "NO"]
    assert large
    for figure in large:
        assert population_text(data, figure, "en") == "Enterprises, 100+ employed"
        assert population_text(data, figure, "nb") == "Foretak med 100 sysselsatte og over"
    total = data.figure("ec_any", 2012)
    assert total is not None
    assert population_text(data, total, "en") == "All enterprises with at least 10 employees"


def test_an_industry_figure_names_its_industry(data: Dataset) -> None:
    for figure in (f for f in data.figures if f.breakdown == "industry"):
        group = data.labels.get("group", figure.group, "en")
        assert group in population_text(data, figure, "en")
        assert data.labels.get("group", figure.group, "nb") in population_text(data, figure, "nb")


def test_a_group_without_a_pattern_still_names_its_group(data: Dataset) -> None:
    figure = next(f for f in data.figures if f.group == "100+")
    odd = figure._replace(base="ssb_sm_users")
    assert population_text(data, odd, "en") == (
        "Enterprises using social media (base unclear); 100+ employed"
    )


def test_eurostat_names_the_provider_of_norway_only(data: Dataset) -> None:
    norway = next(f for f in data.figures if f.geo == "NO" and f.series == "isoc_cisce_ra")
    denmark = next(f for f in data.figures if f.geo == "DK" and f.series == "isoc_cisce_ra")
    assert publisher_text(data, norway, "en") == "Eurostat (data provider for NO: SSB)"
    assert publisher_text(data, norway, "nb") == "Eurostat (dataleverandør for NO: SSB)"
    assert publisher_text(data, denmark, "en") == "Eurostat"
    ssb = data.figure("ec_any", 2012)
    assert ssb is not None and publisher_text(data, ssb, "en") == "SSB"
    for figure in data.figures:
        if figure.geo != "NO":
            assert "SSB" not in publisher_text(data, figure, "en")
