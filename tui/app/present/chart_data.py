"""What the chart draws for a selection, as plain data: tests read it, the chart widget draws it.

Missing values never become bars or points; figures of another series, base or unit are marked
(bars) or start a line of their own (lines), so nothing incomparable is joined.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from tui.app.present.table import TableView, cell_text
from tui.app.state import ViewState
from tui.core.dataset import Dataset
from tui.core.model import Figure
from tui.core.text import literal
from tui.core.words import say


@dataclass(frozen=True)
class Bar:
    """One row of the table (category or country) in the selected year.

    `value` is None when there is no bar to draw: a missing figure (`text` is its symbol) or a
    figure in another unit than the chart's (`text` is the figure, `other_key` is set).
    """

    label: str
    value: float | None
    text: str
    selected: bool
    other_key: bool
    row: int = 0


@dataclass(frozen=True)
class Segment:
    """Consecutive years of one line with values of one series/base/unit; never bridges a gap."""

    line: int
    years: tuple[int, ...]
    values: tuple[float, ...]


@dataclass(frozen=True)
class Line:
    """A legend entry: one country, or one series/base/unit of the selected category."""

    name: str
    selected: bool
    code: str
    text: str = ""  # a country's figure in the selected year, as the table shows it


@dataclass(frozen=True)
class ChartData:
    """Everything one chart frame shows."""

    mode: str
    title: str
    year: int | None
    unit: str
    bars: tuple[Bar, ...] = ()
    selected_bar: int | None = None
    row: int = 0
    lines: tuple[Line, ...] = ()
    segments: tuple[Segment, ...] = ()
    years: tuple[int, ...] = ()
    missing: tuple[str, ...] = ()
    countries: bool = False  # the lines are countries compared (each with its own row)
    names: Mapping[int, str] = field(default_factory=dict)  # a period's name by its column key

    def year_name(self, key: int) -> str:
        """A column's name on the axis: its year, or its period as published."""
        return self.names.get(key, str(key))

    @property
    def notes(self) -> list[str]:
        """What the chart leaves out or marks, for the caption."""
        return list(self.missing)


def chart_data(dataset: Dataset, view: TableView, state: ViewState) -> ChartData:
    """Bars of every row in the selected year, or lines across the years."""
    if state.chart == "line":
        return line_data(dataset, view, state)
    return bar_data(dataset, view, state)


def _unit_of(view: TableView, state: ViewState) -> str:
    selected = view.figure(state.row, state.year)
    if selected is not None:
        return selected.unit
    units = Counter(
        f.unit for i in range(len(view.rows)) if (f := view.figure(i, state.year)) is not None
    )
    return units.most_common(1)[0][0] if units else "percent"


def bar_data(dataset: Dataset, view: TableView, state: ViewState) -> ChartData:
    """A bar per table row with a figure in the year, in the table's order.

    A missing figure keeps its row with its symbol and no bar; so does a figure in another unit
    than the selected one, marked as another series, base or unit (it has no place on the scale).
    """
    lang = state.lang
    unit = _unit_of(view, state)
    chosen = view.figure(state.row, state.year)
    bars: list[Bar] = []
    selected_bar: int | None = None
    for index in range(len(view.rows)):
        figure = view.figure(index, state.year)
        if figure is None:
            continue
        if index == state.row:
            selected_bar = len(bars)
        other_key = chosen is not None and figure.comparable_key != chosen.comparable_key
        on_scale = not figure.missing and figure.unit == unit
        bars.append(
            Bar(
                label=view.short_name(index),
                value=figure.value if on_scale else None,
                text=cell_text(figure, lang),
                selected=index == state.row,
                other_key=other_key or (not figure.missing and figure.unit != unit),
                row=index,
            )
        )
    unit_name = literal(dataset.labels.get("unit", unit, lang))
    title = f"{say('bars', lang)} {view.column_name(state.year)} ({unit_name})"
    return ChartData(
        "bars",
        title,
        state.year,
        unit,
        bars=tuple(bars),
        selected_bar=selected_bar,
        row=state.row,
        years=view.years,
        names=view.names,
    )


Run = tuple[tuple[str, str, str], list[tuple[int, Figure]]]
"""One series/base/unit and its figures, each under its column's key (year or period)."""


def _runs(view: TableView, row: int) -> list[Run]:
    """Runs of consecutive table columns with values of one series/base/unit and no break."""
    runs: list[Run] = []
    current: list[tuple[int, Figure]] = []
    for year in view.years:
        figure = view.figure(row, year)
        if figure is None or figure.missing or figure.value is None:
            if current:
                runs.append((current[0][1].comparable_key, current))
            current = []
            continue
        # a new series, base or unit, or a break in series, starts a new segment
        first = current[0][1] if current else None
        if first is not None and (
            figure.comparable_key != first.comparable_key or "b" in figure.status
        ):
            runs.append((first.comparable_key, current))
            current = []
        current.append((year, figure))
    if current:
        runs.append((current[0][1].comparable_key, current))
    return runs


def _segment(line: int, figures: list[tuple[int, Figure]]) -> Segment:
    values = tuple(f.value for _key, f in figures if f.value is not None)
    return Segment(line, tuple(key for key, _f in figures), values)


def _key_name(
    dataset: Dataset, key: tuple[str, str, str], keys: list[tuple[str, str, str]], lang: str
) -> str:
    """Name a series/base/unit by what sets it apart from the other lines of the same category."""
    kinds = ("series", "base", "unit")
    differing = [i for i in range(3) if len({k[i] for k in keys}) > 1] or [0]
    return ", ".join(literal(dataset.labels.get(kinds[i], key[i], lang)) for i in differing)


def line_data(dataset: Dataset, view: TableView, state: ViewState) -> ChartData:
    lang = state.lang
    unit = _unit_of(view, state)
    lines: list[Line] = []
    segments: list[Segment] = []
    missing: list[str] = []
    if view.comparing:
        for index in range(len(view.rows)):
            for _key, figures in _runs(view, index):
                segments.append(_segment(index, figures))
            figure = view.figure(index, state.year)
            code = literal(view.rows[index].geo)
            lines.append(
                Line(view.labels[index], index == state.row, code, cell_text(figure, lang))
            )
        name = (
            literal(dataset.labels.get("indicator", view.rows[0].indicator, lang))
            if view.rows
            else ""
        )
    else:
        runs = _runs(view, state.row)
        keys: list[tuple[str, str, str]] = []
        for key, _figures in runs:
            if key not in keys:
                keys.append(key)
        for key in keys:
            name = _key_name(dataset, key, keys, lang)
            lines.append(Line(name, True, name))
        for key, figures in runs:
            segments.append(_segment(keys.index(key), figures))
        name = view.name(state.row)
        for year in view.years:
            figure = view.figure(state.row, year)
            if figure is not None and figure.missing:
                missing.append(
                    f"{say('missing', lang)}: {view.column_name(year)} ({figure.status})"
                )
    unit_name = literal(dataset.labels.get("unit", unit, lang))
    title = f"{say('line', lang)}: {name} ({unit_name})"
    return ChartData(
        "line",
        title,
        state.year,
        unit,
        lines=tuple(lines),
        segments=tuple(segments),
        years=_span(view, state),
        missing=tuple(missing),
        countries=view.comparing,
        names=view.names,
    )


def _span(view: TableView, state: ViewState) -> tuple[int, ...]:
    """The table years from the first to the last figure drawn, and the selected year."""
    rows = range(len(view.rows)) if view.comparing else [state.row]
    used = [y for y in view.years for i in rows if view.figure(i, y) is not None]
    if state.year is not None:
        used.append(state.year)
    if not used:
        return view.years
    first, last = min(used), max(used)
    return tuple(y for y in view.years if first <= y <= last)
