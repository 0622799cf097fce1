"""Lines across the years through plotext: one series as a line, several with markers apart.

Several series in one plot are thin lines in their own colours with each year's point in the
series' own marker on top, the points of one year side by side (one cell apart) where there is
room, so that no series hides another; the legend in the caption names each marker and value.
"""

from __future__ import annotations

import math
from typing import Any

from tui.app.present.chart_data import ChartData, Line
from tui.app.present.chart_scale import row_scale
from tui.app.widgets.chart_bars import shorten

LINE_MARKERS = ("o", "x", "+", "#", "@", "%", "=", "&", "$", "?")
MOST_Y_TICKS = 8
Colour = str | int | tuple[int, int, int]


def legend_lines(lines: tuple[Line, ...], width: int) -> list[str]:
    """'>o NO 32.09%  x SE 52.00%': each series' marker, code and value, never split."""
    pick = not all(line.selected for line in lines)
    entries = [
        f"{'>' if pick and line.selected else ''}"
        f"{LINE_MARKERS[index % len(LINE_MARKERS)]} {line.code}"
        + (f" {line.text}" if line.text else "")
        for index, line in enumerate(lines)
    ]
    packed: list[str] = []
    for entry in entries:
        if packed and len(packed[-1]) + 2 + len(entry) <= width:
            packed[-1] += "  " + entry
        else:
            packed.append(shorten(entry, width))
    return packed


def draw_lines(
    plt: Any,
    data: ChartData,
    room: int,
    width: int,
    lang: str,
    ascii_mode: bool,
    colours: list[Colour],
) -> int:
    """Draw every segment; the lines the plot takes (all the room), 0 when it cannot."""
    if not data.segments or room < 4:
        return 0
    years = list(data.years)
    lowest, highest = min(years), max(years)
    values = [value for segment in data.segments for value in segment.values]
    # plotext's plot area: all the room but the frame's two lines and the years beneath
    scale = row_scale(values, data.unit, room - 3, MOST_Y_TICKS)
    ticks = scale.ticks
    plt.yticks([float(t) for t in ticks], [scale.label(t, lang) for t in ticks])
    plt.ylim(float(scale.low), float(scale.top))
    label_room = max(len(scale.label(t, lang)) for t in ticks) + 2
    if len(data.lines) == 1:
        marker = "*" if ascii_mode else "hd"
        for segment in data.segments:
            plt.plot(list(segment.years), list(segment.values), marker=marker)
    else:
        _several(plt, data, width - label_room, ascii_mode, colours)
    if data.year is not None:
        plt.vline(data.year)
    wide = max(len(data.year_name(year)) for year in years) + 2  # a year's label: 4 + 2
    step = max(1, math.ceil(len(years) * wide / max(1, width - 8)))
    shown = years[::step]
    plt.xticks([float(year) for year in shown], [data.year_name(year) for year in shown])
    plt.xlim(lowest - 0.5, highest + 0.5)
    return room


def _several(
    plt: Any, data: ChartData, columns: int, ascii_mode: bool, colours: list[Colour]
) -> None:
    """Lines first, then the points over them, the selected series last (on top)."""
    years = list(data.years)
    count = len(data.lines)
    cell = (max(years) - min(years) + 1) / max(1, columns)  # one column, in years
    dodge = cell if cell > 0 and 1 / cell >= count + 2 else 0.0
    order = sorted(data.segments, key=lambda seg: data.lines[seg.line].selected)
    line_marker = "." if ascii_mode else "braille"
    placed = []
    for segment in order:
        shift = (segment.line - (count - 1) / 2) * dodge
        xs = [year + shift for year in segment.years]
        colour = colours[segment.line % len(colours)]
        placed.append((segment, xs, colour))
        if len(xs) > 1:
            plt.plot(xs, list(segment.values), marker=line_marker, color=colour)
    for segment, xs, colour in placed:
        marker = LINE_MARKERS[segment.line % len(LINE_MARKERS)]
        plt.scatter(xs, list(segment.values), marker=marker, color=colour)
