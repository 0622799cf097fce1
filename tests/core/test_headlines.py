"""The headlines the article's figures call for, and the parts that decide what is compared."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tui.core.dataset import Dataset, load_dataset
from tui.core.headlines import Headline, headlines
from tui.core.headlines.rankings import family_of
from tui.core.headlines.sizes import ladder, size_range
from tui.core.headlines.wording import Wording
from tui.core.model import Row
from tui.core.table import theme_table


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def of_kind(found: list[Headline], kind: str) -> list[Headline]:
    return [h for h in found if h.kind == kind]


def cited(headline: Headline) -> list[tuple[str, int, str]]:
    return [(f.indicator, f.ref_year, f.value_text) for f in headline.figures]


def test_web_sales_and_e_commerce_fell_in_2012(dataset: Dataset) -> None:
    found = headlines(dataset, "ecommerce", "en", year=2012)
    web = next(h for h in of_kind(found, "change") if h.focus.indicator == "ec_sales_web")
    assert (
        web.text
        == "Sales via own website fell from 35% in 2011 to 25% in 2012, 10 percentage points."
    )
    assert cited(web) == [("ec_sales_web", 2011, "35"), ("ec_sales_web", 2012, "25")]
    assert web.source_ids == ("digi-2013",)
    trade = next(h for h in of_kind(found, "change") if h.focus.indicator == "ec_any")
    assert cited(trade) == [("ec_any", 2011, "62"), ("ec_any", 2012, "58")]
    assert "from 62% in 2011 to 58% in 2012, 4 percentage points" in trade.text
    edi = next(h for h in of_kind(found, "change") if h.focus.indicator == "ec_edi")
    assert edi.text == "E-commerce via EDI was 7% in both 2011 and 2012."


def test_the_most_moved_of_2012_is_web_sales(dataset: Dataset) -> None:
    ssb = of_kind(headlines(dataset, "ecommerce", "en", year=2012), "moved_most")[0]
    assert [f.indicator for f in ssb.figures[::2]] == [
        "ec_sales_web",
        "ec_any",
        "ec_purchases_internet",
    ]
    assert "Sales via own website (-10 pp, from 35% to 25%)" in ssb.text


def test_bokmal_sentences_with_decimal_commas(dataset: Dataset) -> None:
    found = headlines(dataset, "ecommerce", "nb", year=2012)
    web = next(h for h in of_kind(found, "change") if h.focus.indicator == "ec_sales_web")
    assert (
        web.text == "Salg via egne nettsider falt fra 35 % i 2011 til 25 % i 2012, 10 prosentpoeng."
    )
    policy = headlines(dataset, "policy", "nb", year=2024)
    assert any("31,52 %" in h.text and "Norge" in h.text for h in policy)


def test_the_2013_purposes_are_ranked_and_never_set_against_2017(dataset: Dataset) -> None:
    found = headlines(dataset, "social_media", "en")
    purposes = [
        h for h in of_kind(found, "ranking") if family_of(h.focus.indicator) == "sm_purpose_"
    ]
    by_year = {h.year: h for h in purposes}
    assert [f.value_text for f in by_year[2013].figures] == ["31", "24", "22", "18", "13", "12"]
    assert by_year[2013].text.startswith("Most common in 2013 (base: All enterprises")
    assert (
        "Purpose: marketing or image (31%), then Purpose: recruitment (24%)" in by_year[2013].text
    )
    assert {f.base for f in by_year[2017].figures} == {"ssb_sm_users"}
    assert "base: Enterprises using social media" in by_year[2017].text
    for h in found:
        bases = {f.base for f in h.figures}
        assert len(bases) == 1, h.text
    assert not [
        h
        for h in found
        if h.kind in ("change", "moved_most")
        and {f.ref_year for f in h.figures} >= {2017}
        and any(f.indicator.startswith("sm_purpose_") for f in h.figures)
    ]


def test_a_lower_bound_is_never_ranked(dataset: Dataset) -> None:
    """Three industries published as 'over 70 %': no ranking may order them."""
    found = headlines(dataset, "social_media", "en", year=2013, breakdown="industry")
    assert not [h for h in found if h.focus.indicator == "sm_social_networks_or_any_ambiguous"]
    equal = headlines(dataset, "social_media", "en", year=2019, breakdown="industry")
    assert [h.text for h in equal] == [
        "Uses social media (one or more types) in 2019, by industry: the same in Trade and "
        "repair of motor vehicles (45) and Information and communication (58-63) (92%)."
    ]


def test_size_classes_that_overlap_stay_out_of_the_gradient() -> None:
    assert size_range("10-49") == (10, 49) and size_range("250+") == (250, float("inf"))
    assert size_range("total") is None and size_range("58-63x") is None
    assert ladder(["total", "10-49", "50-249", "250+", "10-249"]) == ["10-49", "50-249", "250+"]
    assert ladder(["10-19", "20-49", "50-99", "100+"]) == ["10-19", "20-49", "50-99", "100+"]
    assert ladder(["100+"]) == ["100+"]


def test_the_size_gradient_of_security_documents(dataset: Dataset) -> None:
    found = of_kind(
        headlines(dataset, "policy", "en", year=2024, breakdown="size"), "size_gradient"
    )
    documents = next(h for h in found if h.focus.indicator == "eu_e_secpol2")
    assert documents.text == (
        "Has documents on ICT security (Eurostat) in 2024 rises with the size of the enterprise: "
        "27.07% (10-49 employed), 51.35% (50-249 employed) and 79.05% (250+ employed)."
    )
    assert [f.group for f in documents.figures] == ["10-49", "50-249", "250+"]


def test_norway_against_its_neighbours_and_the_eu(dataset: Dataset) -> None:
    found = of_kind(headlines(dataset, "policy", "en", year=2024), "countries")
    documents = next(h for h in found if h.focus.indicator == "eu_e_secpol2")
    assert documents.text == (
        "Has documents on ICT security (Eurostat) in 2024: Norway 31.52%, the lowest among the "
        "countries compared (Sweden 46.56%, Denmark 59.11%, Finland 59.41%); below EU (27 "
        "countries from 2020) (35.50%)."
    )
    only_sweden = headlines(dataset, "policy", "en", year=2024, geos=["NO", "SE"])
    pair = next(h for h in of_kind(only_sweden, "countries") if h.focus.indicator == "eu_e_secpol2")
    assert [f.geo for f in pair.figures] == ["NO", "SE"]


def test_ssb_figures_are_not_compared_across_countries(dataset: Dataset) -> None:
    found = headlines(dataset, "ecommerce", "en")
    assert not [h for h in of_kind(found, "countries") if not h.focus.indicator.startswith("eu_")]


def test_a_screen_can_jump_to_the_figure_of_a_headline(dataset: Dataset) -> None:
    """The focus names a row and a year of the screen's table, holding that very figure."""
    for breakdown in ("total", "size", "industry"):
        table = theme_table(dataset, "policy", breakdown, "NO", "en")
        for h in headlines(dataset, "policy", "en", breakdown=breakdown):
            row = Row(h.focus.indicator, h.focus.group, h.focus.geo)
            assert table.slice.get(row, h.focus.ref_year) == h.focus


def test_a_year_without_figures_has_no_headlines(dataset: Dataset) -> None:
    assert headlines(dataset, "policy", "en", year=2013, breakdown="size") == []
    assert headlines(dataset, "social_media", "en", year=2030) == []


def test_differences_in_points_only_between_percentages(dataset: Dataset) -> None:
    en, nb = Wording(dataset.labels, "en"), Wording(dataset.labels, "nb")
    assert en.difference(Decimal("-10"), "percent") == "10 percentage points"
    assert en.difference(Decimal("1"), "percent") == "1 percentage point"
    assert nb.difference(Decimal("0.20"), "percent") == "0,20 prosentpoeng"
    assert en.difference(Decimal("-12.5"), "nok_bn") == "NOK 12.5 bn"
    assert nb.difference(Decimal("12.5"), "nok_bn") == "12,5 mrd. kr"
    assert en.signed(Decimal("-12"), "nok_bn") == "-NOK 12 bn"
    assert en.signed(Decimal("3"), "percent") == "+3 pp"
