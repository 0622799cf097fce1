"""The embedded dataset: every seed figure with its source, series kept apart, honest changes."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.scripts.reference import reference_dir
from tui.core import DataError, load_dataset
from tui.core.dataset import Dataset
from tui.core.loader import default_data_dir
from tui.core.model import Figure
from tui.core.numbers import format_value
from tui.core.words import reason

DATA = default_data_dir()

# The seed article's figures (shared/seed): indicator, reference year, value.
SEED_FIGURES = [
    ("sm_purpose_marketing", 2013, "31"),
    ("sm_purpose_recruitment", 2013, "24"),
    ("sm_purpose_customer_opinions", 2013, "22"),
    ("sm_purpose_internal_collaboration", 2013, "18"),
    ("sm_purpose_customer_product_dev", 2013, "13"),
    ("sm_purpose_partner_collaboration", 2013, "12"),
    ("policy_social_media_formal", 2013, "18"),
    ("ec_any", 2011, "62"),
    ("ec_any", 2012, "58"),
    ("ec_sales_web", 2011, "35"),
    ("ec_sales_web", 2012, "25"),
    ("ec_edi", 2011, "7"),
    ("ec_edi", 2012, "7"),
    ("ec_purchases_internet", 2011, "44"),
    ("ec_purchases_internet", 2012, "47"),
]


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset()


@pytest.mark.parametrize(("indicator", "year", "value"), SEED_FIGURES)
def test_every_seed_figure_is_there_with_the_article_among_its_sources(
    data: Dataset, indicator: str, year: int, value: str
) -> None:
    figure = data.figure(indicator, year)
    assert figure is not None
    assert figure.value_text == value
    assert figure.series == "ssb"
    roles = {source.source_id: role for role, source, _ in data.sources_of(figure)}
    assert roles.get("digi-2013") in ("primary", "corroborating")
    assert all(source.url.startswith("http") for _, source, _ in data.sources_of(figure))


def test_ssb_release_is_primary_over_copies(data: Dataset) -> None:
    figure = data.figure("sm_purpose_marketing", 2013)
    assert figure is not None
    assert figure.source_id == "ssb-release-2013"
    assert {"digi-2013", "nforeningen-2013"} <= set(figure.corroborating)


def test_disagreement_is_kept_and_marked(data: Dataset) -> None:
    figure = data.figure("sm_type_social_networks", 2013)
    assert figure is not None
    assert figure.value_text == "45"
    assert figure.disagreeing == (("ssb-article-2017", "44"),)
    assert "DISAGREEMENT" in figure.note


def test_ssb_and_eurostat_series_stay_apart(data: Dataset) -> None:
    for figure in data.figures:
        eurostat_source = figure.source_id.startswith("eurostat-")
        is_eu_indicator = data.indicators[figure.indicator].publisher == "eurostat"
        assert eurostat_source == is_eu_indicator, figure
        assert figure.series.startswith(("isoc_", "tin")) == is_eu_indicator, figure
        for other in figure.corroborating:
            assert other.startswith("eurostat-") == is_eu_indicator, figure


def test_eurostat_survey_year_maps_to_reference_year(data: Dataset) -> None:
    web = data.figure("eu_e_awsell", 2012)  # sales in 2012, asked in the 2013 survey
    assert web is not None and (web.survey_year, web.value_text) == (2013, "24.33")
    policy = data.figure("eu_e_secpol2", 2019)  # January 2019
    assert policy is not None and (policy.survey_year, policy.value_text) == (2019, "32.09")


def test_no_missing_value_is_stored_or_returned_as_zero(data: Dataset) -> None:
    with (DATA / "figures.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing_rows = [r for r in rows if r["status"].startswith((":", ".", "-"))]
    assert missing_rows, "the dataset has figures Eurostat did not publish"
    assert all(r["value"] == "" for r in missing_rows)
    missing = [f for f in data.figures if f.missing]
    assert len(missing) == len(missing_rows)
    for figure in missing:
        assert figure.value is None and figure.exact is None
        assert format_value(figure, "nb") == figure.status
        assert data.change(figure).difference is None
    table = data.slice("ecommerce", "total", "IS")
    shown = [table.get(row, year) for row in table.rows for year in table.years]
    assert any(f is not None and f.missing for f in shown)
    assert all(f is None or f.value != 0 or f.value_text == "0" for f in shown)


def test_change_between_comparable_figures_is_exact(data: Dataset) -> None:
    web = data.figure("ec_sales_web", 2012)
    assert web is not None
    change = data.change(web)
    assert change.difference == Decimal("-10")
    assert change.previous is not None and change.previous.ref_year == 2011
    eu_web = data.figure("eu_e_awsell", 2012)
    assert eu_web is not None
    assert data.change(eu_web).difference == Decimal("-10.36")


def test_change_is_refused_across_a_base_change(data: Dataset) -> None:
    purpose_2017 = data.figure("sm_purpose_marketing", 2017)
    assert purpose_2017 is not None
    change = data.change(purpose_2017)
    assert change.difference is None
    assert change.reason == "different_base"
    assert reason(change.reason, "en") == "not comparable: different base population"
    assert change.previous is not None and change.previous.ref_year == 2015


def test_change_is_refused_across_source_series(data: Dataset) -> None:
    any_2017 = data.figure("sm_any", 2017)  # SSB; 2014 is the EU scoreboard's 52.7
    assert any_2017 is not None
    change = data.change(any_2017)
    assert change.difference is None
    assert change.reason == "different_series"
    assert reason(change.reason, "en") == "not comparable: different source series"


def test_change_is_refused_at_a_break_in_series(data: Dataset) -> None:
    broken = [f for f in data.figures if f.status == "b"]
    assert broken
    for figure in broken:
        assert data.change(figure).difference is None


def test_slice_by_size_has_groups_of_each_indicator(data: Dataset) -> None:
    table = data.slice("ecommerce", "size")
    groups = {row.group for row in table.rows if row.indicator == "eu_e_awsell"}
    assert groups == {"10-49", "50-249", "250+", "10-249"}
    figure = table.get(
        next(r for r in table.rows if r.group == "250+" and r.indicator == "eu_e_awsell"), 2012
    )
    assert figure is not None and figure.breakdown == "size"


def test_compare_lists_countries_of_one_eurostat_series(data: Dataset) -> None:
    table = data.compare("eu_e_secpol2", ["NO", "SE", "DK", "FI", "IS", "EU27_2020"])
    assert [row.geo for row in table.rows][:4] == ["NO", "SE", "DK", "FI"]
    assert {f.series for f in table.cells.values()} == {"isoc_cisce_ra"}


def test_labels_exist_in_both_languages(data: Dataset) -> None:
    for kind, ident in data.labels.names:
        assert data.labels.get(kind, ident, "nb") and data.labels.get(kind, ident, "en")
    for theme in data.themes():
        for indicator in data.theme_indicators(theme):
            assert data.labels.has("indicator", indicator)


def test_core_imports_no_textual() -> None:
    code = (
        "import sys, tui.core, tui.core.dataset, tui.core.numbers;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'plotext', 'pandas')];"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _corrupt_copy(tmp_path: Path, line: int, old: str, new: str) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    path = target / "figures.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("line", "old", "new", "problem"),
    [
        (2, "ecommerce,", "e-handel,", "unknown theme 'e-handel'"),
        (40, ",industry,", ",everyone,", "unknown breakdown"),
        (100, ",DK,", ",DK,extra,", "fields, expected 16"),
        (1, "theme", "tema", "header should be"),
    ],
)
def test_corrupted_figures_file_names_file_and_line(
    tmp_path: Path, line: int, old: str, new: str, problem: str
) -> None:
    folder = _corrupt_copy(tmp_path, line, old, new)
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    assert caught.value.line == line
    assert str(folder / "figures.csv") in str(caught.value)
    assert problem in str(caught.value)


def test_a_value_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / "figures.csv"
    text = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(text) if ",2012,2013,25," in line)
    text[number] = text[number].replace(",2012,2013,25,", ",2012,2013,2S,")
    path.write_text("\n".join(text), encoding="utf-8")
    with pytest.raises(DataError, match=r"figures.csv:\d+: value '2S' is not a number"):
        load_dataset(folder)


def test_bytes_that_are_not_utf8_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "labels.csv").write_bytes(b"kind,id,nb,en\ntheme,x,\xff\xfe,y\n")
    with pytest.raises(DataError, match=r"labels\.csv: not UTF-8"):
        load_dataset(folder)


def test_a_duplicate_figure_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / "figures.csv"
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines.append(lines[5])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"figures.csv:{len(lines)}: second figure"):
        load_dataset(folder)


def test_build_script_reproduces_the_committed_data(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [
            sys.executable,
            str(root / "scripts" / "build_data.py"),
            "--from",
            str(reference_dir()),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "figures.csv").read_bytes() == (DATA / "figures.csv").read_bytes()
    # the catalogue is edited by hand: the build reads it and writes nothing else
    assert [p.name for p in tmp_path.iterdir()] == ["figures.csv"]


def test_the_quick_reading_makes_the_same_figures_as_the_careful_one() -> None:
    """The quick reading (every field at once, checks in bulk) and the careful one (row by row,
    naming each problem) make the same figures."""
    from tui.core import loader

    folder = loader.default_data_dir()
    labels = loader.load_labels(folder / "labels.csv")
    sources = loader.load_sources(folder / "sources.csv")
    indicators = loader.load_indicators(folder / "indicators.csv")
    quick = loader._figures_if_valid(folder / "figures.csv", labels, sources, indicators)
    careful = loader._checked_figures(folder / "figures.csv", labels, sources, indicators)
    assert quick is not None and len(quick) == len(careful) > 1000
    assert quick == careful
    assert [hash(f) for f in quick] == [hash(f) for f in careful]
    assert all(type(f) is Figure and f.period == str(f.ref_year) for f in quick)
    with pytest.raises(AttributeError):
        quick[0].value_text = "1"  # type: ignore[misc]
