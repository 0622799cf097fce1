"""A slice as the cell texts people read: `ikt show` prints them and the screen draws them.

Labels pass through `literal` here, so whoever shows a table receives text that is safe as typed.
"""

from __future__ import annotations

from typing import NamedTuple

from tui.core.dataset import Dataset, compares_geographies, geo_comparable, group_order
from tui.core.model import Figure, Row, Slice
from tui.core.numbers import format_value
from tui.core.text import literal

OTHER_KEY_MARK = " *"  # another series, base or unit than the row's latest figure
YearRange = tuple[int, int]


class TableRow(NamedTuple):
    """One row: what it is, its names in one language, and per column (year or period) its figure
    and cell text."""

    row: Row
    indicator: str
    group: str
    geo: str
    figures: tuple[Figure | None, ...]
    cells: tuple[str, ...]


class FigureTable(NamedTuple):
    """A table of figures with indicator (group, country) rows and one column per year."""

    slice: Slice
    rows: tuple[TableRow, ...]
    by_group: bool  # a breakdown other than total: the group names the row too
    comparing: bool  # rows are countries of one Eurostat series

    @property
    def years(self) -> tuple[int, ...]:
        return self.slice.years

    @property
    def marked(self) -> bool:
        """True when some cell carries the other-series mark, so its legend must be shown."""
        return any(cell.endswith(OTHER_KEY_MARK) for row in self.rows for cell in row.cells)


def theme_table(
    dataset: Dataset,
    theme: str,
    breakdown: str,
    geo: str,
    lang: str,
    years: YearRange | None = None,
) -> FigureTable:
    """A theme's table for one country: the screen's rows, narrowed to `years` when given."""
    full = dataset.slice(theme, breakdown, geo)
    return build(dataset, full, lang, years, by_group=breakdown != "total", comparing=False)


def compared_table(
    dataset: Dataset,
    theme: str,
    breakdown: str,
    geos: list[str],
    lang: str,
    years: YearRange | None = None,
) -> FigureTable:
    """Every indicator of a theme whose geographies compare, a row per country; SSB's stay out."""
    rows: list[Row] = []
    cells: dict[tuple[Row, int], Figure] = {}
    for indicator in dataset.theme_indicators(theme):
        if not compares_geographies(dataset, indicator):
            continue
        groups = {g for geo in geos for g in dataset.groups(indicator, breakdown, geo)}
        for group in group_order(groups):
            part = comparable_slice(dataset, indicator, geos, group)
            rows += part.rows
            cells.update(part.cells)
    full = Slice(theme, breakdown, tuple(rows), _years_of(cells), cells)
    return build(dataset, full, lang, years, by_group=breakdown != "total", comparing=True)


def compared_indicator(dataset: Dataset, row: Row, lang: str) -> FigureTable:
    """One indicator (in the row's group) across every geography with comparable figures."""
    full = comparable_slice(dataset, row.indicator, dataset.geos(row.indicator), row.group)
    return build(dataset, full, lang, None, by_group=row.group != "total", comparing=True)


def comparable_slice(dataset: Dataset, indicator: str, geos: list[str], group: str) -> Slice:
    """One indicator with a row per country, comparable figures only (others are left out)."""
    raw = dataset.compare(indicator, geos, group)
    cells = {key: f for key, f in raw.cells.items() if geo_comparable(dataset, f)}
    kept = {row for (row, _year) in cells}
    rows = tuple(r for r in raw.rows if r in kept)
    return Slice(raw.theme, raw.breakdown, rows, _years_of(cells), cells)


def build(
    dataset: Dataset,
    full: Slice,
    lang: str,
    years: YearRange | None,
    *,
    by_group: bool,
    comparing: bool,
) -> FigureTable:
    """The cell texts of `full`, its columns narrowed to `years`; rows left without figures go.

    The other-series mark compares with the row's latest figure over every year, so a narrowed
    table marks exactly the cells the whole table marks.
    """
    labels = dataset.labels
    shown = tuple(y for y in full.years if years is None or years[0] <= y <= years[1])
    rows: list[TableRow] = []
    for row in full.rows:
        figures = tuple(full.get(row, year) for year in shown)
        if not any(f is not None for f in figures):
            continue
        reference = reference_key(full, row)
        rows.append(
            TableRow(
                row=row,
                indicator=literal(labels.get("indicator", row.indicator, lang)),
                group=literal(labels.get("group", row.group, lang)),
                geo=literal(labels.get("geo", row.geo, lang)),
                figures=figures,
                cells=tuple(
                    cell_text(f, lang, f is not None and f.comparable_key != reference)
                    for f in figures
                ),
            )
        )
    # every year of `full` has a figure on some row, and that row is kept: `shown` stays whole
    kept = {r.row for r in rows}
    cells = {
        (row, year): f for (row, year), f in full.cells.items() if row in kept and year in shown
    }
    narrowed = Slice(full.theme, full.breakdown, tuple(r.row for r in rows), shown, cells)
    return FigureTable(narrowed, tuple(rows), by_group, comparing)


def comparable_geos(dataset: Dataset, indicator: str, group: str) -> list[str]:
    """The geographies with at least one figure of the indicator (in `group`) that compares."""
    return [
        geo
        for geo in dataset.geos(indicator)
        if any(geo_comparable(dataset, f) for f in dataset.series(indicator, group, geo))
    ]


def reference_key(table: Slice, row: Row) -> tuple[str, str, str] | None:
    """The series/base/unit of the row's latest figure with a value: others are marked with *."""
    figures = [f for f in (table.get(row, y) for y in table.years) if f is not None]
    with_value = [f for f in figures if not f.missing] or figures
    return with_value[-1].comparable_key if with_value else None


def cell_text(figure: Figure | None, lang: str, other_key: bool = False) -> str:
    """A cell: the value, or its missing symbol (never 0); a flag letter; * for another series."""
    if figure is None:
        return ""
    text = format_value(figure, lang)
    if not figure.missing and figure.status not in ("", ">"):
        text += f" {figure.status}"
    return text + (OTHER_KEY_MARK if other_key else "")


def _years_of(cells: dict[tuple[Row, int], Figure]) -> tuple[int, ...]:
    return tuple(sorted({year for (_row, year) in cells}))
