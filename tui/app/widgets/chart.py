"""The chart: plotext through textual-plotext, drawn from ChartData; imported after the first frame.

Each chart draws on its own `self.plt`; no module-level plotext state is used.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.strip import Strip

from tui.app.fastpaths.chart_render import DirectStripsPlot, chart_strips
from tui.app.fastpaths.plotext_cells import matrix_text, size_plot
from tui.app.present.chart_data import Bar, ChartData
from tui.core.words import say

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


def bar_labels(shown: tuple[Bar, ...], width: int) -> list[str]:
    """'>Name…      * 12 %' per bar: selection mark, name, other-series star, value; one width."""
    value_width = max(len(bar.text) for bar in shown)
    name_width = max(8, min(width // 3, max(len(bar.label) for bar in shown) + 2))
    labels = []
    for bar in shown:
        mark = ">" if bar.selected else " "
        star = "*" if bar.other_key else " "
        name = shorten(bar.label, name_width - 2)
        labels.append(f"{mark}{name:<{name_width - 2}}{star} {bar.text:>{value_width}}")
    return labels


def bar_cells(value: float, top: float, room: int) -> int:
    """How many of `room` cells plotext fills for a bar from 0 to `value` on an axis to `top`.

    plotext maps x to the cell floor(0.5 + (room - 1) * x / top), rounded to 8 decimals first,
    and fills from the cell of 0 to the cell of x. (A bar of 0 is one blank cell in the bar's
    colours: see FigureChart._bars_text.)
    """
    return min(room, math.floor(round(0.5 + (room - 1) * value / top, 8)) + 1)


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


_BAR_LOOKS: dict[tuple[str, bool], BarLook] = {}


class FigureChart(DirectStripsPlot):
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

    def direct_strips(self) -> list[Strip] | None:
        """The chart's lines as strips when they need no layout: plain lines of styled runs."""
        width, height = self.size
        styles = self.styles
        if (
            width <= 0
            or self.text_selection is not None
            or styles.content_align != ("left", "top")
            or styles.line_pad
        ):
            return None
        text = self.render()
        if not isinstance(text, Text) or text.style:
            return None
        return chart_strips(text, width, height, self.visual_style, self.app.ansi_theme)

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
        out = Text("\n".join(caption), no_wrap=True, overflow="ellipsis")
        plot = self._bars_text(room, width) if self.data.mode == "bars" else None
        if plot is None:
            plt = self.plt
            plt.clear_figure()
            bars = self.data.mode == "bars"
            lines = self._bars(room, width) if bars else self._lines(room, width)
            plot = self._plotext_text(width, lines) if lines else Text()
        if not plot:
            out.append("\n" + say("chart_none", self.lang))
            return out
        out.append("\n")
        out.append_text(plot)
        return out

    def _plotext_text(self, width: int, lines: int) -> Text:
        """What plotext draws on `self.plt`, `lines` high, as Text."""
        self._plot_size(width, lines)
        drawn = matrix_text(self.plt, ASCII if self.ascii_mode else None)
        return self._plotext_ansi(width, lines) if drawn is None else drawn

    def _plotext_ansi(self, width: int, lines: int) -> Text:
        """The same through plotext's ANSI output, parsed by Rich (slower; the reference)."""
        self._plot_size(width, lines)
        built: str = self.plt.build().rstrip("\n")
        if self.ascii_mode:
            built = built.translate(ASCII)
        return Text.from_ansi(built, no_wrap=True)

    def _plot_size(self, width: int, lines: int) -> None:
        size_plot(self.plt, width, lines)
        self.plt.theme(self.plotext_theme())

    def plotext_theme(self) -> str:
        """The plotext theme for the app's theme, as textual-plotext names it ('auto' follows)."""
        return f"textual-auto-{self.app.theme}" if self.theme == "auto" else self.theme

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
        labels = bar_labels(shown, width)
        plt = self.plt
        # plotext draws the first horizontal bar at the bottom: reverse to read like the table
        plt.bar(
            labels[::-1],
            [bar.value for bar in shown][::-1],
            orientation="horizontal",
            width=0.1,
            marker=self._bar_marker(),
        )
        plt.frame(False)
        plt.xticks([])
        top = max(bar.value for bar in bars)
        plt.xlim(0, top if top > 0 else 1)
        return len(shown)

    def _bars_text(self, room: int, width: int) -> Text | None:
        """The bars that fit, drawn here as plotext would draw them; None when plotext must.

        plotext fills every bar cell by cell in Python, which made it most of the cost of a
        key press. A horizontal bar chart without frame or ticks is a label and a run of bar
        cells per line, so it is drawn here directly, with plotext's own rounding, and in its
        colours (taken once per theme from a bar plotext draws). Labels of characters wider
        than one cell, and negative values, are left to plotext.
        """
        assert self.data is not None
        bars = self.data.bars
        if not bars:
            return Text()
        start, stop = window = self.window_for(room)
        shown = bars[start:stop]
        labels = bar_labels(shown, width)
        label_width = len(labels[0])
        room_x = width - label_width
        top = max(bar.value for bar in bars)
        values = [bar.value for bar in shown]
        if (
            room_x < 2
            or any(len(label) != label_width or cell_len(label) != label_width for label in labels)
            or not all(math.isfinite(value) and value >= 0 for value in (top, *values))
        ):
            return None
        self.window = window
        look = self._bar_look()
        top = top if top > 0 else 1.0
        rows = []
        for label, value in zip(labels, values, strict=True):
            if self.ascii_mode:
                label = label.translate(ASCII)
            row = Text()
            row.append(label, look.label)
            if value == 0:
                cells = 1
                row.append(" ", look.bar)
            else:
                cells = bar_cells(value, top, room_x)
                row.append(look.char * cells, look.bar)
            if cells < room_x:
                row.append(" " * (room_x - cells), look.pad)
            rows.append(row)
        return Text("\n", no_wrap=True).join(rows)

    def _bar_look(self) -> BarLook:
        """The styles and bar character plotext uses in this theme, from a bar it draws."""
        theme = self.plotext_theme()
        key = (theme, self.ascii_mode)
        look = _BAR_LOOKS.get(key)
        if look is None:
            plt = self.plt
            plt.clear_figure()
            plt.bar(["AB"], [1.0], orientation="horizontal", width=0.1, marker=self._bar_marker())
            plt.frame(False)
            plt.xticks([])
            plt.xlim(0, 2)
            drawn = self._plotext_text(10, 1)  # "AB", 5 bar cells, 3 blank
            plt.clear_figure()
            look = _BAR_LOOKS[key] = BarLook.of(drawn)
        return look

    def _bar_marker(self) -> str:
        return "#" if self.ascii_mode else "sd"

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
