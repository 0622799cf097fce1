"""Rows ordered by a year's values and filtered by part of their name, as people read a table.

Plain Python on core's table, so the rules are tested without a terminal. Only the rows move or
go: the year columns, the cells and their marks stay exactly what core built.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby

from tui.app.state import Arrangement
from tui.core.model import Figure, Row, Slice
from tui.core.table import FigureTable, TableRow
from tui.core.text import literal
from tui.core.values import usable
from tui.core.words import say

VALUED, BOUND, MISSING = 0, 1, 2
"""Where a row goes when ordered: a value first, then a lower bound ("over 70", not a value to
rank), then a missing or absent figure."""


def row_name(row: TableRow, table: FigureTable) -> str:
    """The row's name as the reader sees it: country, category, or category and group."""
    if table.comparing:
        return row.geo
    return f"{row.indicator}, {row.group}" if table.by_group else row.indicator


def matches(name: str, text: str) -> bool:
    """True when `text` is part of `name`, whatever the case ('' is part of every name)."""
    return text.casefold() in name.casefold()


def order_key(figure: Figure | None, units: Sequence[str]) -> tuple[int, int, object]:
    """Largest value first, each unit apart (per cent never ranked against NOK); stable ties."""
    if figure is None or figure.missing:
        return (MISSING, 0, 0)
    if not usable(figure) or figure.exact is None:
        return (BOUND, 0, 0)
    return (VALUED, units.index(figure.unit), -figure.exact)


def ordered(rows: Sequence[TableRow], column: int, by_group: bool) -> list[TableRow]:
    """`rows` by their value in `column`, descending, missing last; in a breakdown the groups
    are ordered within their indicator, and the indicators keep the table's own order."""
    units = list(
        dict.fromkeys(f.unit for r in rows if (f := r.figures[column]) is not None and usable(f))
    )

    def by_value(run: Sequence[TableRow]) -> list[TableRow]:
        return sorted(run, key=lambda r: order_key(r.figures[column], units))

    if not by_group:
        return by_value(rows)
    out: list[TableRow] = []
    for _indicator, run in groupby(rows, key=lambda r: r.row.indicator):
        out += by_value(list(run))
    return out


def arranged(table: FigureTable, arrangement: Arrangement) -> FigureTable:
    """The table with only the rows whose name holds the filter, ordered by `order_year`.

    A year the table lacks orders nothing: every row is missing there, so each keeps its place.
    """
    rows = [r for r in table.rows if matches(row_name(r, table), arrangement.filter)]
    if arrangement.order_year in table.years:
        rows = ordered(rows, table.years.index(arrangement.order_year), table.by_group)
    if len(rows) == len(table.rows) and all(a is b for a, b in zip(rows, table.rows, strict=True)):
        return table
    kept = {r.row for r in rows}
    full = table.slice
    cells = {key: f for key, f in full.cells.items() if key[0] in kept}
    by_period = {key: f for key, f in full.by_period.items() if key[0] in kept}
    narrowed = Slice(
        full.theme,
        full.breakdown,
        tuple(r.row for r in rows),
        full.years,
        cells,
        full.periods,
        by_period,
    )
    return FigureTable(narrowed, tuple(rows), table.by_group, table.comparing)


def row_index(rows: Sequence[Row], *wanted: Row | None) -> int:
    """The index of the first of `wanted` among `rows`, else 0: the cursor stays on its row."""
    for row in wanted:
        if row is not None and row in rows:
            return rows.index(row)
    return 0


def arrangement_text(
    arrangement: Arrangement, lang: str, column_name: Callable[[int], str] = str
) -> list[str]:
    """The title's words for the order and the filter in force: '', one or both; the ordering
    column by its heading (a year, or a period as published)."""
    parts = []
    if arrangement.order_year is not None:
        parts.append(f"{say('ordered_by', lang)} {column_name(arrangement.order_year)}")
    if arrangement.filter:
        parts.append(f'{say("filter_on", lang)} "{literal(arrangement.filter)}"')
    return parts


def empty_text(arrangement: Arrangement, lang: str) -> str:
    """What the table says when the filter leaves no row ('' when there is no filter)."""
    if not arrangement.filter:
        return ""
    return say("filter_empty", lang).format(text=literal(arrangement.filter))
