"""The table a theme screen shows for a selection: rows, year columns and every cell's text.

Every label taken from the data passes through `literal` here, so the widgets only ever receive
text that is safe to show as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.app.state import ViewState
from tui.core.dataset import Dataset, is_eurostat
from tui.core.model import BREAKDOWNS, Figure, Row, Slice
from tui.core.numbers import format_value
from tui.core.text import literal
from tui.core.words import say

YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class TableView:
    """The table of one selection: row names, year columns and the text of every cell."""

    slice: Slice
    labels: tuple[str, ...]
    groups: tuple[str, ...] | None
    cells: tuple[tuple[str, ...], ...]
    comparing: bool

    @property
    def rows(self) -> tuple[Row, ...]:
        return self.slice.rows

    @property
    def years(self) -> tuple[int, ...]:
        return self.slice.years

    @property
    def label_columns(self) -> int:
        """Columns before the first year: the category, and the group when there are groups."""
        return 1 if self.groups is None else 2

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


def compare_slice(dataset: Dataset, row: Row) -> Slice:
    """One Eurostat indicator across the countries that have it; any other figure is left out."""
    geos = dataset.geos(row.indicator)
    raw = dataset.compare(row.indicator, geos, row.group)
    cells = {key: f for key, f in raw.cells.items() if is_eurostat(dataset, f)}
    rows = tuple(r for r in raw.rows if any(key[0] == r for key in cells))
    years = tuple(sorted({year for (_row, year) in cells}))
    return Slice(raw.theme, raw.breakdown, rows, years, cells)


def compare_refusal(dataset: Dataset, row: Row, lang: str) -> str | None:
    """Why this category cannot be compared across countries, or None when it can."""
    name = literal(dataset.labels.get("indicator", row.indicator, lang))
    indicator = dataset.indicators.get(row.indicator)
    if indicator is None or indicator.publisher != "eurostat":
        return f"{name} {say('compare_ssb', lang)}"
    if len(compare_slice(dataset, row).rows) < 2:
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


def build_table(dataset: Dataset, state: ViewState) -> TableView:
    """The rows, years and cell texts for the state's theme, breakdown and country (or comparison)."""
    lang = state.lang
    if state.compare is not None:
        table = compare_slice(dataset, state.compare)
        labels = tuple(literal(dataset.labels.get("geo", r.geo, lang)) for r in table.rows)
        groups = None
    else:
        table = dataset.slice(state.theme, state.breakdown, state.geo)
        labels = tuple(
            literal(dataset.labels.get("indicator", r.indicator, lang)) for r in table.rows
        )
        groups = (
            None
            if state.breakdown == "total"
            else tuple(literal(dataset.labels.get("group", r.group, lang)) for r in table.rows)
        )
    cells = []
    for row in table.rows:
        reference = reference_key(table, row)
        cells.append(
            tuple(
                cell_text(fig, lang, fig is not None and fig.comparable_key != reference)
                for fig in (table.get(row, year) for year in table.years)
            )
        )
    return TableView(table, labels, groups, tuple(cells), state.compare is not None)


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
    return text + (" *" if other_key else "")


def jump_target(query: str, view: TableView, current: int) -> tuple[str, int] | None:
    """Where `/query` goes: ('year', year) for four digits, ('row', index) for a name.

    Names are searched from the row after the current one, so repeating a jump visits every
    match in turn. A year the table lacks gives ('no-year', year).
    """
    text = query.strip()
    if not text:
        return None
    if YEAR.fullmatch(text):
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
