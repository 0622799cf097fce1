"""The one table builder: every cell text is the figure as published, with its flag and mark."""

from __future__ import annotations

import pytest

from tui.core import load_dataset
from tui.core.dataset import Dataset, is_eurostat
from tui.core.model import BREAKDOWNS, THEMES, Figure
from tui.core.numbers import format_value
from tui.core.table import FigureTable, compared_indicator, compared_table, theme_table


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def latest_key(figures: list[Figure]) -> tuple[str, str, str]:
    with_value = [f for f in figures if not f.missing] or figures
    return with_value[-1].comparable_key


def check_cells(dataset: Dataset, table: FigureTable, lang: str) -> int:
    """Every cell against its figure; returns how many cells carry the other-series mark."""
    marks = 0
    for row in table.rows:
        series = dataset.series(row.row.indicator, row.row.group, row.row.geo)  # every year
        assert len(row.cells) == len(row.figures) == len(table.years)
        for year, figure, cell in zip(table.years, row.figures, row.cells, strict=True):
            assert figure is table.slice.get(row.row, year)
            if figure is None:
                assert cell == ""
                continue
            text = format_value(figure, lang)
            if not figure.missing and figure.status not in ("", ">"):
                text += f" {figure.status}"
            if figure.comparable_key != latest_key(series):
                text += " *"
                marks += 1
            assert cell == text
    return marks


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("breakdown", BREAKDOWNS)
@pytest.mark.parametrize("theme", THEMES)
def test_cells_are_the_published_figures(
    dataset: Dataset, theme: str, breakdown: str, lang: str
) -> None:
    for geo in dataset.geos():
        table = theme_table(dataset, theme, breakdown, geo, lang)
        check_cells(dataset, table, lang)
        assert [r.row for r in table.rows] == list(dataset.slice(theme, breakdown, geo).rows)


def test_other_series_is_marked(dataset: Dataset) -> None:
    table = theme_table(dataset, "social_media", "total", "NO", "en")
    assert check_cells(dataset, table, "en") > 0 and table.marked
    assert not theme_table(dataset, "ecommerce", "total", "NO", "en").marked


def test_narrowed_years_keep_the_whole_table_cells(dataset: Dataset) -> None:
    whole = theme_table(dataset, "social_media", "total", "NO", "en")
    narrowed = theme_table(dataset, "social_media", "total", "NO", "en", (2014, 2015))
    assert narrowed.years == (2014, 2015)
    by_row = {r.row: r for r in whole.rows}
    assert narrowed.rows
    for row in narrowed.rows:
        full = by_row[row.row]
        assert row.cells == tuple(full.cells[whole.years.index(y)] for y in narrowed.years)
        assert any(f is not None for f in row.figures)
    assert (
        check_cells(dataset, narrowed, "en") > 0
    )  # the mark compares with the latest figure of every year
    assert len(narrowed.rows) < len(whole.rows)  # rows without a figure in 2014-2015 go


def test_labels_are_literal(dataset: Dataset) -> None:
    dataset.labels.add("indicator", "ec_sales_web", "\x1b[31mnb", "\x1b[31men")
    try:
        row = next(
            r
            for r in theme_table(dataset, "ecommerce", "total", "NO", "en").rows
            if r.row.indicator == "ec_sales_web"
        )
    finally:
        fresh = load_dataset()
        dataset.labels.names.update(fresh.labels.names)
    assert row.indicator == "\\x1b[31men"


def test_comparison_keeps_only_eurostat_figures(dataset: Dataset) -> None:
    geos = ["NO", "SE", "DK", "FI", "IS"]
    table = compared_table(dataset, "ecommerce", "total", geos, "en")
    assert table.comparing and not table.by_group
    assert {r.row.geo for r in table.rows} == set(geos)
    figures = [f for r in table.rows for f in r.figures if f is not None]
    assert figures and all(is_eurostat(dataset, f) for f in figures)
    eurostat = [f for f in dataset.figures if f.theme == "ecommerce" and f.group == "total"]
    assert len(figures) == sum(1 for f in eurostat if f.geo in geos and is_eurostat(dataset, f))
    check_cells(dataset, table, "en")


def test_one_indicator_across_every_country(dataset: Dataset) -> None:
    row = theme_table(dataset, "ecommerce", "total", "NO", "en").rows
    eurostat_row = next(r.row for r in row if r.row.indicator == "eu_e_aesell")
    table = compared_indicator(dataset, eurostat_row, "nb")
    assert [r.row.geo for r in table.rows] == [
        g for g in dataset.geos("eu_e_aesell") if dataset.series("eu_e_aesell", "total", g)
    ]
    assert {r.geo for r in table.rows} >= {"Norge", "Sverige"}
    check_cells(dataset, table, "nb")
