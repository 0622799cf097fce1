"""A table with one column per period as published: months, quarters, weeks or years.

`ikt show --file` prints it for a sub-annual table and for several geographies of one file,
whoever published it; the columns are the table's own periods, never merged into years.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from tui.core.dataset import Dataset, geo_comparable, group_order
from tui.core.model import Figure, Row, Slice
from tui.core.table import TableRow, YearRange, cell_text, comparable_geos
from tui.core.text import literal


class PeriodTable(NamedTuple):
    """Indicator (group, geography) rows and one column per period that has a figure."""

    slice: Slice
    periods: tuple[str, ...]
    rows: tuple[TableRow, ...]
    by_group: bool
    comparing: bool


def period_table(
    dataset: Dataset,
    theme: str,
    breakdown: str,
    geos: list[str],
    lang: str,
    years: YearRange | None = None,
) -> PeriodTable:
    """A theme's rows for each geography asked for, by indicator, then group, then geography."""
    rows: list[Row] = []
    for indicator in dataset.theme_indicators(theme):
        groups = group_order(g for geo in geos for g in dataset.groups(indicator, breakdown, geo))
        rows += [
            Row(indicator, group, geo)
            for group in groups
            for geo in geos
            if dataset.series(indicator, group, geo)
        ]
    full = dataset.table(theme, breakdown, rows, years)
    built = table_rows(dataset, full, lang)
    return PeriodTable(full, full.periods, built, breakdown != "total", len(geos) > 1)


def compared_periods(dataset: Dataset, row: Row, lang: str) -> PeriodTable:
    """One indicator (in the row's group) by period, a row per geography with comparable figures;
    the figures that do not compare (another publisher's) are left out, as by year."""
    geos = comparable_geos(dataset, row.indicator, row.group)
    full = dataset.compare(row.indicator, geos, row.group)
    built = table_rows(dataset, full, lang, keep=lambda f: geo_comparable(dataset, f))
    used = [i for i in range(len(full.periods)) if any(r.figures[i] is not None for r in built)]
    if len(used) < len(full.periods):
        built = tuple(_narrowed(r, used) for r in built)
    periods = tuple(full.periods[i] for i in used)
    return PeriodTable(full, periods, built, row.group != "total", True)


def table_rows(
    dataset: Dataset, full: Slice, lang: str, keep: Callable[[Figure], bool] | None = None
) -> tuple[TableRow, ...]:
    """A row per row of `full` with a figure (one `keep` accepts), a column per period of `full`."""
    labels = dataset.labels
    built: list[TableRow] = []
    for row in full.rows:
        figures = tuple(
            f if f is not None and (keep is None or keep(f)) else None
            for f in (full.at(row, period) for period in full.periods)
        )
        if not any(f is not None for f in figures):
            continue
        built.append(
            TableRow(
                row=row,
                indicator=literal(labels.get("indicator", row.indicator, lang)),
                group=literal(labels.get("group", row.group, lang)),
                geo=literal(labels.get("geo", row.geo, lang)),
                figures=figures,
                cells=tuple(cell_text(f, lang) for f in figures),
            )
        )
    return tuple(built)


def _narrowed(row: TableRow, used: list[int]) -> TableRow:
    """The row with only the columns at `used` (periods without a comparable figure go)."""
    return row._replace(
        figures=tuple(row.figures[i] for i in used),
        cells=tuple(row.cells[i] for i in used),
    )
