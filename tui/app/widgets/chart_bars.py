"""Horizontal bars drawn as plotext would draw them: a label, the exact value, a run of cells.

plotext fills every bar cell by cell in Python, which made it most of the cost of a key press.
A horizontal bar chart without frame is a label and a run of bar cells per line, so it is drawn
here directly, with plotext's own rounding and in its colours (taken once per theme from a bar
plotext draws), on a round scale from 0 with its ticks on a line beneath.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from tui.app.present.chart_data import Bar
from tui.app.present.chart_scale import Scale

MAX_BAR_LINES = 2
"""Lines one bar takes at most when there is room to spare (then one blank line follows)."""
MIN_NAME = 4
MOST_TICKS = 6
"""Ticks on a bar chart's axis at most: 0 20 40 60 80 100 reads at a glance, 0 10 ... 100 less."""


def shorten(text: str, width: int) -> str:
    """Fit `text` in `width` characters, ending with … when it is cut."""
    if len(text) <= width:
        return text
    if width <= 1:
        return text[:width]
    return text[: width - 1] + "…"


def bar_window(count: int, anchor: int | None, room: int) -> tuple[int, int]:
    """Which bars fit in `room` lines, keeping the anchor (the selected row's bar) in view."""
    if count <= room:
        return 0, count
    centre = anchor if anchor is not None else 0
    start = max(0, min(count - room, centre - room // 2))
    return start, start + room


def bar_anchor(bars: tuple[Bar, ...], selected_bar: int | None, row: int) -> int | None:
    """The bar to keep in view: the selected row's, else the first one after the selected row."""
    if selected_bar is not None:
        return selected_bar
    after = [i for i, bar in enumerate(bars) if bar.row > row]
    return after[0] if after else (len(bars) - 1 if bars else None)


def bar_labels(bars: tuple[Bar, ...], width: int) -> list[str]:
    """'>Name…      * 12.5%' per bar: selection mark, name, other-series star, value; one width.

    The value is the figure's whole text: only the name is cut to leave room for the bars.
    """
    value_width = max(len(bar.text) for bar in bars)
    longest = max(len(bar.label) for bar in bars) + 2
    name_width = max(MIN_NAME, min(width // 3, longest, width - value_width - 4))
    labels = []
    for bar in bars:
        mark = ">" if bar.selected else " "
        star = "*" if bar.other_key else " "
        name = shorten(bar.label, name_width - 2)
        labels.append(f"{mark}{name:<{name_width - 2}}{star} {bar.text:>{value_width}}")
    return labels


def bar_cells(value: float, top: float, room: int) -> int:
    """How many of `room` cells plotext fills for a bar from 0 to `value` on an axis to `top`.

    plotext maps x to the cell floor(0.5 + (room - 1) * x / top), rounded to 8 decimals first,
    and fills from the cell of 0 to the cell of x. (A bar of 0 is one blank cell in the bar's
    colours: see bar_rows.)
    """
    return min(room, math.floor(round(0.5 + (room - 1) * value / top, 8)) + 1)


def bar_lines(count: int, room: int) -> int:
    """Lines per bar (a blank one included once there are two): the room, shared out."""
    return max(1, min(MAX_BAR_LINES + 1, room // max(1, count)))


def axis_line(scale: Scale, room: int, lang: str) -> str | None:
    """The tick labels under the bars, each at its tick's cell; None when two would touch.

    A label starts at its tick's cell (the last one ends there, to stay inside the room).
    """
    top = float(scale.top)
    line = [" "] * room
    end = -1  # the cell after the last label placed
    for tick in scale.ticks:
        label = scale.label(tick, lang)
        cell = bar_cells(float(tick), top, room) - 1 if tick > 0 else 0
        start = max(0, min(cell, room - len(label)))
        if start <= end or start + len(label) > room:
            return None
        line[start : start + len(label)] = label
        end = start + len(label)
    return "".join(line)


def axis_slots(room: int, label_width: int) -> int:
    """How many ticks fit in `room` cells with blanks between their labels (MOST_TICKS at most)."""
    return max(2, min(MOST_TICKS, (room - 1) // (label_width + 3) + 1))


@dataclass(frozen=True)
class BarLook:
    """The styles of a bar chart line as plotext draws it: label, bar cells, blank cells."""

    label: Style | None
    bar: Style | None
    pad: Style | None
    char: str

    @classmethod
    def of(cls, drawn: Text) -> BarLook:
        """From plotext's 'AB' + 5 bar cells + 3 blank cells."""

        def style_at(offset: int) -> Style | None:
            styles = [span.style for span in drawn.spans if span.start <= offset < span.end]
            style = styles[-1] if styles else None
            return style if isinstance(style, Style) else None

        return cls(style_at(0), style_at(2), style_at(9), drawn.plain[2])


def bar_rows(
    labels: list[str], values: list[float | None], top: float, room: int, look: BarLook, lines: int
) -> list[Text]:
    """Each bar's label and cells, `lines` lines a bar (the last one blank when there are two+).

    A bar without a value (a missing figure, another unit) keeps its label and draws no cell.
    """
    rows = []
    blank = Text(no_wrap=True)
    blank.append(" " * len(labels[0]) if labels else "", look.label)
    blank.append(" " * room, look.pad)
    for label, value in zip(labels, values, strict=True):
        if value is None:
            cells = 0
        elif value == 0:
            cells = 1
        else:
            cells = bar_cells(value, top, room)
        run = Text(no_wrap=True)
        if value == 0:
            run.append(" ", look.bar)
        elif cells:
            run.append(look.char * cells, look.bar)
        if cells < room:
            run.append(" " * (room - cells), look.pad)
        drawn = lines - 1 if lines > 1 else 1
        for line in range(drawn):
            row = Text(no_wrap=True)
            row.append(label if line == 0 else " " * len(label), look.label)
            row.append_text(run)
            rows.append(row)
        if lines > 1:
            rows.append(blank)
    return rows
