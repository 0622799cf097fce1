"""What a theme screen shows for a selection, in plain Python so it is testable without a terminal.

Every label taken from the data passes through `literal` here, so the widgets only ever receive
text that is safe to show as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.app.state import ViewState
from tui.core.dataset import Dataset, is_eurostat
from tui.core.model import BREAKDOWNS, Figure, Row, Slice
from tui.core.numbers import format_points, format_value
from tui.core.text import literal
from tui.core.words import reason, say

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


def sep(ascii_mode: bool) -> str:
    return " | " if ascii_mode else " · "


def origin_text(dataset: Dataset, lang: str) -> str:
    return say("embedded", lang) if dataset.origin == "embedded" else literal(dataset.origin)


def title_text(dataset: Dataset, state: ViewState, ascii_mode: bool = False) -> str:
    """Theme, year, breakdown and country (or the compared category), and where the data is from."""
    lang = state.lang
    year = str(state.year) if state.year is not None else "-"
    parts = [literal(dataset.labels.get("theme", state.theme, lang)), year]
    if state.compare is not None:
        name = literal(dataset.labels.get("indicator", state.compare.indicator, lang))
        if state.compare.group != "total":
            name += ", " + literal(dataset.labels.get("group", state.compare.group, lang))
        parts.append(f"{say('compare', lang)}: {name}")
    else:
        parts.append(literal(dataset.labels.get("breakdown", state.breakdown, lang)))
        parts.append(literal(dataset.labels.get("geo", state.geo, lang)))
    parts.append(origin_text(dataset, lang))
    return sep(ascii_mode).join(parts)


def figure_name(dataset: Dataset, view: TableView, row: int, lang: str) -> str:
    """The selected row as a person would name it: category (and group), or category and country."""
    if view.comparing and 0 <= row < len(view.rows):
        indicator = literal(dataset.labels.get("indicator", view.rows[row].indicator, lang))
        return f"{indicator}, {view.labels[row]}"
    return view.name(row)


def value_text(dataset: Dataset, figure: Figure, lang: str) -> str:
    """The value, or the missing symbol with its meaning."""
    if figure.missing:
        meaning = literal(dataset.labels.get("status", figure.status, lang))
        return f"{figure.status} ({meaning})"
    return cell_text(figure, lang)


def short_source(dataset: Dataset, source_id: str) -> str:
    source = dataset.sources[source_id]
    return literal(f"{source.publisher} {source.released}".strip())


def change_text(dataset: Dataset, figure: Figure, lang: str) -> str:
    change = dataset.change(figure)
    if change.points is not None and change.previous is not None:
        return (
            f"{format_points(change.points, lang)} {say('since', lang)} {change.previous.ref_year}"
        )
    return reason(change.reason, lang)


def source_line(
    dataset: Dataset, view: TableView, state: ViewState, ascii_mode: bool = False
) -> str:
    """One or two lines under the chart: the selected figure, its source, base and change."""
    lang = state.lang
    # when comparing, the title names the category: the country is enough here
    name = view.name(state.row) if view.comparing else figure_name(dataset, view, state.row, lang)
    if not view.rows or state.year is None:
        return say("no_data", lang)
    figure = view.figure(state.row, state.year)
    head = f"{name}, {state.year}: "
    if figure is None:
        return head + say("no_figure", lang)
    parts = [head + value_text(dataset, figure, lang)]
    parts.append(f"{say('source', lang)}: {short_source(dataset, figure.source_id)}")
    if figure.corroborating:
        parts[-1] += f" (+{len(figure.corroborating)} {say('corroborating', lang)})"
    for source_id, other in figure.disagreeing:
        parts.append(
            f"{say('disagrees', lang)}: {literal(other)} ({short_source(dataset, source_id)})"
        )
    parts.append(literal(dataset.labels.get("base", figure.base, lang)))
    if not figure.missing:
        parts.append(change_text(dataset, figure, lang))
    return sep(ascii_mode).join(parts)


def copy_text(dataset: Dataset, view: TableView, state: ViewState) -> str | None:
    """'label year: value (publisher, title, url)' for the clipboard, None without a figure."""
    figure = view.figure(state.row, state.year)
    if figure is None:
        return None
    lang = state.lang
    source = dataset.sources[figure.source_id]
    name = figure_name(dataset, view, state.row, lang)
    return (
        f"{name} {state.year}: {value_text(dataset, figure, lang)} "
        f"({literal(source.publisher)}, {literal(source.title)}, {literal(source.url)})"
    )


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
