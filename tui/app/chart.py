"""The chart: plotext through textual-plotext, drawn from ChartData; imported after the first frame.

Each chart draws on its own `self.plt`; no module-level plotext state is used.
"""

from __future__ import annotations

import math
import textwrap

from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot

from tui.app.plotdata import ChartData
from tui.app.words import say

LINE_MARKERS = ("o", "x", "+", "#", "@", "%", "=")
ASCII = str.maketrans(
    {
        "─": "-",
        "━": "-",
        "│": "|",
        "┃": "|",
        "┌": "+",
        "┐": "+",
        "└": "+",
        "┘": "+",
        "├": "+",
        "┤": "+",
        "┬": "+",
        "┴": "+",
        "┼": "+",
        "█": "#",
        "▌": "#",
        "▐": "#",
        "▀": "#",
        "▄": "#",
        "…": "~",
        "·": "|",
    }
)
MIN_WIDTH = 20
MIN_HEIGHT = 3


def shorten(text: str, width: int) -> str:
    """Fit `text` in `width` characters, ending with … when it is cut."""
    if len(text) <= width:
        return text
    if width <= 1:
        return text[:width]
    return text[: width - 1] + "…"


def bar_window(count: int, selected: int | None, room: int) -> tuple[int, int]:
    """Which bars fit in `room` lines, keeping the selected one in view."""
    if count <= room:
        return 0, count
    centre = selected if selected is not None else 0
    start = max(0, min(count - room, centre - room // 2))
    return start, start + room


class FigureChart(PlotextPlot):
    """Bars of a year or lines across years; `data` is what was last drawn (tests read it)."""

    def __init__(
        self, *, ascii_mode: bool = False, lang: str = "nb", id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.ascii_mode = ascii_mode
        self.lang = lang
        self.data: ChartData | None = None
        self.draws = 0
        self.window: tuple[int, int] = (0, 0)

    def show(self, data: ChartData, lang: str) -> None:
        """Draw new data (the widget re-renders on the next frame)."""
        self.data = data
        self.lang = lang
        self.draws += 1
        self.refresh()

    def render(self) -> RenderResult:
        width, height = self.size
        if self.data is None:
            return Text(say("chart_waiting", self.lang))
        if width < MIN_WIDTH or height < MIN_HEIGHT:
            return Text(say("chart_small", self.lang), no_wrap=True, overflow="ellipsis")
        most = 1 if height < 8 else (2 if height < 10 else 3)
        caption = self._caption(width, height - 1, most)
        caption = self._caption(width, height - len(caption), len(caption))
        room = height - len(caption)
        plt = self.plt
        plt.clear_figure()
        lines = self._bars(room, width) if self.data.mode == "bars" else self._lines(room, width)
        out = Text("\n".join(caption), no_wrap=True, overflow="ellipsis")
        if not lines:
            out.append("\n" + say("chart_none", self.lang))
            return out
        plt.plotsize(width, lines)
        plt._set_size(width, lines)
        plt.theme(self._get_plotext_theme_name(self.app.theme))
        built: str = plt.build().rstrip("\n")
        if self.ascii_mode:
            built = built.translate(ASCII)
        out.append("\n")
        out.append_text(Text.from_ansi(built, no_wrap=True))
        return out

    def _caption(self, width: int, room: int, max_lines: int) -> list[str]:
        """Title (and which bars are shown), legend, then what is left out, in max_lines lines."""
        assert self.data is not None
        data = self.data
        title = data.title
        if data.mode == "bars" and len(data.bars) > 0:
            start, stop = self.window_for(room)
            if (start, stop) != (0, len(data.bars)):
                title += f" {start + 1}-{stop} {say('of', self.lang)} {len(data.bars)}"
        notes = data.notes
        if any(bar.other_key for bar in data.bars):
            notes.append(say("other_key", self.lang))
        paragraphs = [title]
        if data.mode == "line" and len(data.lines) > 1:
            pick = not all(line.selected for line in data.lines)
            paragraphs.append(
                "  ".join(
                    f"{'>' if pick and line.selected else ''}"
                    f"{LINE_MARKERS[index % len(LINE_MARKERS)]} {line.code}"
                    for index, line in enumerate(data.lines)
                )
            )
        if notes:
            paragraphs.append("; ".join(notes))
        lines = [line for text in paragraphs for line in textwrap.wrap(text, width)] or [""]
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = shorten(lines[-1] + " …", width)
        if self.ascii_mode:
            lines = [line.translate(ASCII) for line in lines]
        return lines

    def window_for(self, room: int) -> tuple[int, int]:
        assert self.data is not None
        return bar_window(len(self.data.bars), self.data.selected_bar, max(1, room))

    def _bars(self, room: int, width: int) -> int:
        """Draw the bars that fit; the number of lines they take (one per bar), 0 for none."""
        assert self.data is not None
        bars = self.data.bars
        if not bars:
            return 0
        start, stop = self.window = self.window_for(room)
        shown = bars[start:stop]
        value_width = max(len(bar.text) for bar in shown)
        name_width = max(8, min(width // 3, max(len(bar.label) for bar in shown) + 2))
        labels = []
        for bar in shown:
            mark = ">" if bar.selected else " "
            star = "*" if bar.other_key else " "
            name = shorten(bar.label, name_width - 2)
            labels.append(f"{mark}{name:<{name_width - 2}}{star} {bar.text:>{value_width}}")
        plt = self.plt
        # plotext draws the first horizontal bar at the bottom: reverse to read like the table
        plt.bar(
            labels[::-1],
            [bar.value for bar in shown][::-1],
            orientation="horizontal",
            width=0.1,
            marker="#" if self.ascii_mode else "sd",
        )
        plt.frame(False)
        plt.xticks([])
        top = max(bar.value for bar in bars)
        plt.xlim(0, top if top > 0 else 1)
        return len(shown)

    def _lines(self, room: int, width: int) -> int:
        """Draw every segment; the lines the plot takes (all the room), 0 when it cannot."""
        assert self.data is not None
        data = self.data
        if not data.segments or room < 4:
            return 0
        plt = self.plt
        single = len(data.lines) == 1
        # the selected line last, so it is drawn over the others where they cross
        order = sorted(data.segments, key=lambda seg: data.lines[seg.line].selected)
        for segment in order:
            if single:
                marker = "*" if self.ascii_mode else "hd"
            else:
                marker = LINE_MARKERS[segment.line % len(LINE_MARKERS)]
            # the legend is in the caption, where it covers no data
            plt.plot(list(segment.years), list(segment.values), marker=marker)
        years = list(data.years)
        if data.year is not None:
            plt.vline(data.year)
        step = max(1, math.ceil(len(years) * 6 / max(1, width - 8)))
        ticks = years[::step]
        plt.xticks([float(year) for year in ticks], [str(year) for year in ticks])
        lowest, highest = min(years), max(years)
        plt.xlim(lowest - 0.5, highest + 0.5)
        top = max(max(segment.values) for segment in data.segments)
        plt.ylim(0, top * 1.1 if top > 0 else 1)
        return room
