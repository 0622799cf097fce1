"""A table with one column per period as published: months, quarters, weeks or years.

`ikt show --file` prints it for a sub-annual table and for several geographies of one file,
whoever published it; the columns are the table's own periods, never merged into years.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.dataset import Dataset, group_order
from tui.core.model import Row, Slice
from tui.core.table import TableRow, YearRange, cell_text
from tui.core.text import literal


@dataclass(frozen=True)
class PeriodTable:
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
    labels = dataset.labels
    built: list[TableRow] = []
    for row in rows:
        figures = tuple(full.at(row, period) for period in full.periods)
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
    return PeriodTable(full, full.periods, tuple(built), breakdown != "total", len(geos) > 1)
