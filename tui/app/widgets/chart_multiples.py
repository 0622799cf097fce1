"""Small multiples: one row of columns per compared country, all on one scale from 0.

Six countries' lines in one plot a few rows high overprint one another until some vanish. A row
per country, a column per year (its height that year's value, a gap where the figure is missing)
keeps every series visible at any size, and costs a fraction of a plot.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.app.present.chart_data import ChartData
from tui.app.present.chart_scale import Scale, value_scale

LEVELS = " ▁▂▃▄▅▆▇█"
"""Eighths of a cell, from empty to full."""
ASCII_LEVELS = " ...:::##"
ZERO = "_"
"""A value of exactly 0: on the baseline, and unlike the gap a missing figure leaves."""
MOST_PANEL_LINES = 6
WIDEST_COLUMN = 3
"""Cells per year at most: wider columns read as bands, not as a year's value."""


@dataclass(frozen=True)
class Multiples:
    """The drawn rows, the series in view and the scale they share."""

    lines: list[str]
    start: int
    stop: int
    scale: Scale


def panel_lines(count: int, room: int) -> int:
    """Lines per country: the room shared out, at most MOST_PANEL_LINES, at least 1."""
    return max(1, min(MOST_PANEL_LINES, room // max(1, count)))


def column_width(years: int, room: int) -> int:
    """Cells per year with one blank between years when there is room for it; 0 if none fit."""
    if years <= 0 or room < years:
        return 0
    return min(WIDEST_COLUMN, max(1, room // years - 1)) if room // years >= 2 else 1


def multiples(
    data: ChartData, width: int, room: int, lang: str, ascii_mode: bool
) -> Multiples | None:
    """Rows of columns for every series in `room` lines (the years beneath); None if none fit."""
    years = list(data.years)
    count = len(data.lines)
    if not years or count == 0 or room < 2:
        return None
    scale = multiples_scale(data)
    labels = [
        f"{'>' if line.selected else ' '}{line.code} {line.text}".rstrip() for line in data.lines
    ]
    label_width = max(len(label) for label in labels) + 1
    cw = column_width(len(years), width - label_width)
    if cw == 0:
        return None
    gap = 1 if (cw + 1) * len(years) <= width - label_width else 0
    per = panel_lines(count, room - 1)
    shown = max(1, (room - 1) // per)
    selected = next((i for i, line in enumerate(data.lines) if line.selected), 0)
    start = max(0, min(count - shown, selected - shown // 2)) if count > shown else 0
    stop = min(count, start + shown)
    by_year = _values_by_line(data)
    levels = ASCII_LEVELS if ascii_mode else LEVELS
    top = float(scale.top) if scale.top > 0 else 1.0
    drawn_lines = per - 1 if per >= 3 else per  # a blank line between countries from 3 lines
    lines: list[str] = []
    for index in range(start, stop):
        eighths = {
            year: max(1, round(value / top * drawn_lines * 8)) if value > 0 else 0
            for year, value in by_year.get(index, {}).items()
        }
        for row in range(drawn_lines - 1, -1, -1):  # top line first
            label = labels[index] if row == 0 else ""
            cells = []
            for year in years:
                cells.append(_cell(year, eighths, row, levels, year in by_year.get(index, {})) * cw)
            lines.append(f"{label:<{label_width}}" + (" " * gap).join(cells))
        if per >= 3:
            lines.append("")
    lines.append(" " * label_width + _year_axis(years, cw + gap, data))
    return Multiples(lines, start, stop, scale)


def multiples_scale(data: ChartData) -> Scale:
    """The scale every row shares: from 0 (or a round low) to a round top."""
    values = [v for segment in data.segments for v in segment.values]
    return value_scale(values, data.unit, 5, bars=False)


def _values_by_line(data: ChartData) -> dict[int, dict[int, float]]:
    found: dict[int, dict[int, float]] = {}
    for segment in data.segments:
        found.setdefault(segment.line, {}).update(zip(segment.years, segment.values, strict=True))
    return found


def _cell(year: int, eighths: dict[int, int], row: int, levels: str, has_value: bool) -> str:
    """One cell of a year's column, `row` lines above the baseline."""
    if not has_value:
        return " "
    level = eighths[year]
    if level == 0:
        return ZERO if row == 0 else " "
    filled = level - row * 8
    return levels[max(0, min(8, filled))]


def _year_axis(years: list[int], step: int, data: ChartData) -> str:
    """The first and last year (or period) and the selected one, under their columns if they fit."""
    selected = data.year
    line = [" "] * (step * len(years) + 4)
    for year in dict.fromkeys([years[0], years[-1], *([selected] if selected in years else [])]):
        assert year is not None
        at = years.index(year) * step
        text = data.year_name(year)
        if all(c == " " for c in line[max(0, at - 1) : at + len(text) + 1]):
            line[at : at + len(text)] = text
    return "".join(line).rstrip()
