"""The table a theme screen shows for a selection, built by core's one table builder.

The cells are `tui.core.table`'s, exactly what `ikt show` prints; the labels pass through
`literal` there, so the widgets only ever receive text that is safe to show as typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from tui.app.present.order_filter import arranged
from tui.app.present.period_view import period_axis, period_columns
from tui.app.state import ViewState
from tui.core.dataset import Dataset, compares_geographies
from tui.core.model import BREAKDOWNS, EMPTY_MAPPING, Figure, Row, Slice
from tui.core.periods import ANNUAL, period_order
from tui.core.table import (
    OTHER_KEY_MARK,
    FigureTable,
    comparable_geos,
    compared_indicator,
    theme_table,
)
from tui.core.table import cell_text as cell_text  # the screen's cells are core's
from tui.core.text import literal
from tui.core.words import say

YEAR = re.compile(r"\d{4}")
MARK_ORDER = ("*", ">", "b", "u", "e", "p", "c", "..", ":", ":u", ":c", ".")


class TableView(NamedTuple):
    """The table of one selection: row names, time columns and the text of every cell.

    The columns are keyed by an int: the year in an annual table; in a sub-annual one the
    period's place in the theme's time order, `names` giving the period as published.
    """

    table: FigureTable
    labels: tuple[str, ...]  # the indicator of each row, or its country when comparing
    groups: tuple[str, ...] | None  # the group of each row in a breakdown, else None
    cells: tuple[tuple[str, ...], ...]
    marks: tuple[tuple[tuple[str, ...], ...], ...]  # per cell, the marks its text carries
    meanings: dict[str, str]  # mark -> its legend entry, for every mark in the table
    names: Mapping[int, str] = EMPTY_MAPPING  # column key -> period as published
    frequency: str = ANNUAL  # annual, or how often a sub-annual table's periods come

    @property
    def slice(self) -> Slice:
        return self.table.slice

    @property
    def comparing(self) -> bool:
        return self.table.comparing

    @property
    def rows(self) -> tuple[Row, ...]:
        return self.table.slice.rows

    @property
    def years(self) -> tuple[int, ...]:
        return self.table.slice.years

    def column_name(self, key: int | None) -> str:
        """A column's heading: its year, or its period as published ('-' for no column)."""
        if key is None:
            return "-"
        return self.names.get(key, str(key))

    def figure(self, row: int, year: int | None) -> Figure | None:
        if year is None or not 0 <= row < len(self.rows):
            return None
        return self.slice.get(self.rows[row], year)

    def name(self, row: int) -> str:
        """The row's name with its group, as one line (literal text)."""
        if not 0 <= row < len(self.labels):
            return ""
        if self.groups is None:
            return self.labels[row]
        return f"{self.labels[row]}, {self.groups[row]}"

    def short_name(self, row: int) -> str:
        """The row's name with its group first, for chart labels that get cut at the end."""
        if self.groups is None or not 0 <= row < len(self.labels):
            return self.name(row)
        return f"{self.groups[row]}: {self.labels[row]}"


def cell_marks(figure: Figure | None, text: str) -> tuple[str, ...]:
    """The marks a cell's text carries: another series (*), a flag, or a missing symbol."""
    if figure is None:
        return ()
    marks = ["*"] if text.endswith(OTHER_KEY_MARK) else []
    if figure.missing:
        marks.append(figure.status or "..")
    elif figure.status:
        marks.append(figure.status)
    return tuple(marks)


def table_view(dataset: Dataset, table: FigureTable, lang: str) -> TableView:
    """The screen's view of one of core's tables: countries name the rows when comparing."""
    rows = table.rows
    cells = tuple(r.cells for r in rows)
    marks = tuple(
        tuple(cell_marks(f, text) for f, text in zip(r.figures, r.cells, strict=True)) for r in rows
    )
    found = {mark for row in marks for cell in row for mark in cell}
    meanings = {
        mark: say("other_key", lang)
        if mark == "*"
        else f"{mark} {literal(dataset.labels.get('status', mark, lang))}"
        for mark in sorted(found, key=mark_order)
    }
    if table.comparing:
        return TableView(table, tuple(r.geo for r in rows), None, cells, marks, meanings)
    groups = tuple(r.group for r in rows) if table.by_group else None
    labels = tuple(r.indicator for r in rows)
    return TableView(table, labels, groups, cells, marks, meanings)


def mark_order(mark: str) -> tuple[int, str]:
    """Legend order: another series first, then flags, then the missing symbols."""
    return (MARK_ORDER.index(mark) if mark in MARK_ORDER else len(MARK_ORDER), mark)


def build_table(dataset: Dataset, state: ViewState) -> TableView:
    """The rows, years (or periods) and cell texts for the state's theme, breakdown and country
    (or comparison); the theme's rows in the state's order and filter."""
    lang = state.lang
    axis = period_axis(dataset, state.theme)
    if axis is not None:
        table, names = period_columns(dataset, state, axis)
        return table_view(dataset, table, lang)._replace(names=names, frequency=axis.frequency)
    if state.compare is not None:
        return table_view(dataset, compared_indicator(dataset, state.compare, lang), lang)
    table = theme_table(dataset, state.theme, state.breakdown, state.geo, lang)
    return table_view(dataset, arranged(table, state.arrangement), lang)


def compare_refusal(dataset: Dataset, row: Row, lang: str) -> str | None:
    """Why this category cannot be compared across countries, or None when it can."""
    name = literal(dataset.labels.get("indicator", row.indicator, lang))
    if not compares_geographies(dataset, row.indicator):
        return f"{name} {say('compare_ssb', lang)}"
    if len(comparable_geos(dataset, row.indicator, row.group)) < 2:
        elsewhere = sorted(
            {
                f.breakdown
                for f in dataset.figures
                if f.indicator == row.indicator and f.geo != row.geo and f.group != row.group
            }
        )
        hint = ""
        if elsewhere:
            names = ", ".join(literal(dataset.labels.get("breakdown", b, lang)) for b in elsewhere)
            hint = f" ({say('compare_try', lang)}: {names})"
        return f"{name} {say('compare_one', lang)}{hint}"
    return None


def available_breakdowns(dataset: Dataset, theme: str, geo: str) -> list[str]:
    """Breakdowns with at least one row of figures for this theme and country."""
    found = {f.breakdown for f in dataset.figures if f.theme == theme and f.geo == geo}
    return [b for b in BREAKDOWNS if b in found]


def jump_target(query: str, view: TableView, current: int) -> tuple[str, int] | None:
    """Where `/query` goes: ('year', year) for four digits, ('row', index) for a name.

    In a sub-annual table a period as published (2004M09) goes to its column, four digits to
    the year's first period (('year', key) both).

    Names are searched from the row after the current one, so repeating a jump visits every
    match in turn. A year the table lacks gives ('no-year', year).
    """
    text = query.strip()
    if not text:
        return None
    if view.names:  # a sub-annual table: a period as published, or a year's first period
        named = {name.casefold(): key for key, name in view.names.items()}
        if text.casefold() in named:
            return ("year", named[text.casefold()])
        if YEAR.fullmatch(text):
            year = int(text)
            in_year = [k for k in view.years if period_order(view.names[k], 0)[0] == year]
            return ("year", in_year[0]) if in_year else ("no-year", year)
    elif YEAR.fullmatch(text):
        year = int(text)
        return ("year", year) if year in view.years else ("no-year", year)
    needle = text.casefold()
    count = len(view.rows)
    for offset in range(1, count + 1):
        index = (current + offset) % count
        if needle in view.name(index).casefold():
            return ("row", index)
    return None


def initial_row_year(view: TableView, wanted: int | None) -> int | None:
    """The year to start on: the one asked for when the table has it, else the first row's latest."""
    if wanted is not None and wanted in view.years:
        return wanted
    if not view.rows:
        return None
    valued = [y for y in view.years if (f := view.figure(0, y)) is not None and not f.missing]
    present = [y for y in view.years if view.figure(0, y) is not None]
    for years in (valued, present, list(view.years)):
        if years:
            return years[-1]
    return None
