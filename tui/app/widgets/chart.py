"""The chart: plotext through textual-plotext, drawn from ChartData; imported after the first frame.

Each chart draws on its own `self.plt`; no module-level plotext state is used.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from time import perf_counter

from rich.cells import cell_len
from rich.text import Text
from textual.app import RenderResult
from textual.strip import Strip

from tui.app.fastpaths.chart_render import DirectStripsPlot, chart_strips
from tui.app.fastpaths.plotext_cells import matrix_text, plot_colours, size_plot
from tui.app.present.chart_data import ChartData
from tui.app.present.chart_scale import Scale, value_scale
from tui.app.widgets.chart_bars import (
    BarLook,
    axis_line,
    axis_slots,
    bar_anchor,
    bar_labels,
    bar_lines,
    bar_rows,
    bar_window,
    shorten,
)
from tui.app.widgets.chart_lines import draw_lines, legend_lines
from tui.app.widgets.chart_multiples import Multiples, multiples
from tui.core.words import say

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
PLOT_ROWS_APART = 12
"""Plot rows from which one plot shows several countries' lines apart (see _several_countries)."""
MIN_WIDTH = 20
MIN_HEIGHT = 3


_BAR_LOOKS: dict[tuple[str, bool], BarLook] = {}


@dataclass(frozen=True)
class BarLayout:
    """How the bars sit in the chart: see FigureChart._bar_layout."""

    labels: list[str]
    start: int
    stop: int
    scale: Scale
    room_x: int
    per_bar: int
    axis: bool


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
        self.renders = 0
        self.render_seconds = 0.0  # how long the last render took (the screen paces costly ones)
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
        started = perf_counter()
        self.renders += 1
        try:
            return self._render_chart()
        finally:
            self.render_seconds = perf_counter() - started

    def _render_chart(self) -> RenderResult:
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
        bars = self.data.mode == "bars"
        plot = self._bars_text(room, width) if bars else self._multiples_text(room, width)
        if plot is None:
            plt = self.plt
            plt.clear_figure()
            lines = self._bars(room, width) if bars else self._lines(room, width)
            plot = self._plotext_text(width, lines) if lines else Text()
            if bars and plot:
                plot.append_text(self._axis_text(room, width))
        if not plot:
            out.append("\n" + say("chart_none", self.lang))
            return out
        out.append("\n")
        out.append_text(plot)
        return out

    def _several_countries(self, room: int, width: int) -> bool:
        """Three or more countries' lines where one plot cannot keep them apart: small multiples.

        One plot serves when it is tall (PLOT_ROWS_APART rows) and each year wide enough for
        the countries' points side by side; otherwise each country gets a row of its own.
        """
        data = self.data
        if data is None or data.mode != "line" or not data.countries or len(data.lines) < 3:
            return False
        year_cells = (width - 8) / max(1, len(data.years))
        return room - 3 < PLOT_ROWS_APART or year_cells < len(data.lines) + 2

    def _multiples(self, room: int, width: int) -> Multiples | None:
        if not self._several_countries(room, width):
            return None
        assert self.data is not None
        return multiples(self.data, width, room, self.lang, self.ascii_mode)

    def _multiples_text(self, room: int, width: int) -> Text | None:
        """Each country's row of columns, or None for plotext's lines (one or two series)."""
        drawn = self._multiples(room, width)
        return None if drawn is None else Text("\n".join(drawn.lines), no_wrap=True)

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
            start, stop = self.window_for(room, width)
            if (start, stop) != (0, len(data.bars)):
                title += f" {start + 1}-{stop} {say('of', self.lang)} {len(data.bars)}"
        notes = data.notes
        if any(bar.other_key for bar in data.bars):
            notes.append(say("other_key", self.lang))
        drawn = self._multiples(room, width)
        if drawn is not None:
            if (drawn.start, drawn.stop) != (0, len(data.lines)):
                title += f" {drawn.start + 1}-{drawn.stop} {say('of', self.lang)} {len(data.lines)}"
            low, top = (drawn.scale.label(t, self.lang) for t in (drawn.scale.low, drawn.scale.top))
            notes.append(f"{say('rows_scale', self.lang)} {low}-{top}")
        lines = textwrap.wrap(title, width) or [""]
        if data.mode == "line" and len(data.lines) > 1 and drawn is None:
            legend = legend_lines(data.lines, width)
            # every series is named, even if the plot gets fewer lines for it
            max_lines = max(max_lines, min(len(lines) + len(legend), room - 4))
            lines += legend
        if notes:
            lines += textwrap.wrap("; ".join(notes), width)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = shorten(lines[-1] + " …", width)
        if self.ascii_mode:
            lines = [line.translate(ASCII) for line in lines]
        return lines

    def window_for(self, room: int, width: int) -> tuple[int, int]:
        """The bars shown in `room` lines: all of them, or those around the selected row."""
        layout = self._bar_layout(room, width)
        return (0, 0) if layout is None else (layout.start, layout.stop)

    def _bar_layout(
        self, room: int, width: int, *, thick: bool = True, axis: bool = True
    ) -> BarLayout | None:
        """Labels, the bars in view, the scale and the lines each bar takes; None without bars.

        The labels and the scale come from every bar, not only those in view, so scrolling
        moves the bars without changing the axis.
        """
        assert self.data is not None
        data = self.data
        bars = data.bars
        if not bars:
            return None
        labels = bar_labels(bars, width)
        room_x = width - len(labels[0])
        with_axis = axis and room >= 2
        plot_room = max(1, room - with_axis)
        per_bar = bar_lines(len(bars), plot_room) if thick else 1
        anchor = bar_anchor(bars, data.selected_bar, data.row)
        start, stop = bar_window(len(bars), anchor, max(1, plot_room // per_bar))
        values = [bar.value for bar in bars if bar.value is not None]
        finest = value_scale(values, data.unit, 11, bars=True)
        widest = max(len(finest.label(tick, self.lang)) for tick in finest.ticks)
        for most in range(axis_slots(room_x, widest), 1, -1):
            scale = value_scale(values, data.unit, most, bars=True)
            if axis_line(scale, room_x, self.lang) is not None:
                break
        return BarLayout(labels, start, stop, scale, room_x, per_bar, with_axis)

    def _bars(self, room: int, width: int, *, axis: bool = True) -> int:
        """Draw the bars that fit with plotext, one line each; the lines they take, 0 for none.

        The reference the direct drawing follows, and the way for what it leaves to plotext.
        """
        layout = self._bar_layout(room, width, thick=False, axis=axis)
        if layout is None:
            return 0
        assert self.data is not None
        self.window = (layout.start, layout.stop)
        shown = self.data.bars[layout.start : layout.stop]
        labels = layout.labels[layout.start : layout.stop]
        plt = self.plt
        # plotext draws the first horizontal bar at the bottom: reverse to read like the table
        # (a bar without a value is drawn at 0: plotext has no empty bar)
        plt.bar(
            labels[::-1],
            [0.0 if bar.value is None else bar.value for bar in shown][::-1],
            orientation="horizontal",
            width=0.1,
            marker=self._bar_marker(),
        )
        plt.frame(False)
        plt.xticks([])
        plt.xlim(float(layout.scale.low), float(layout.scale.top))
        return len(shown)

    def _axis_text(self, room: int, width: int) -> Text:
        """'\n' and the tick labels under the bars, or nothing when there is no line for them."""
        layout = self._bar_layout(room, width, thick=False)
        if layout is None or not layout.axis:
            return Text()
        pad = " " * len(layout.labels[0])
        ticks = axis_line(layout.scale, layout.room_x, self.lang)
        return Text("\n" + pad + ticks) if ticks is not None else Text()

    def _bars_text(
        self, room: int, width: int, *, thick: bool = True, axis: bool = True
    ) -> Text | None:
        """The bars that fit and the axis under them, drawn here; None when plotext must.

        Labels of characters wider than one cell, and values below 0, are left to plotext.
        """
        layout = self._bar_layout(room, width, thick=thick, axis=axis)
        if layout is None:
            return Text()
        assert self.data is not None
        shown = self.data.bars[layout.start : layout.stop]
        labels = layout.labels[layout.start : layout.stop]
        label_width = len(labels[0])
        values = [bar.value for bar in shown]
        if (
            layout.room_x < 2
            or layout.scale.low < 0
            or any(len(label) != label_width or cell_len(label) != label_width for label in labels)
            or not all(math.isfinite(value) for value in values if value is not None)
        ):
            return None
        self.window = (layout.start, layout.stop)
        look = self._bar_look()
        if self.ascii_mode:
            labels = [label.translate(ASCII) for label in labels]
        top = float(layout.scale.top)
        rows = bar_rows(labels, values, top, layout.room_x, look, layout.per_bar)
        ticks = axis_line(layout.scale, layout.room_x, self.lang) if layout.axis else None
        if ticks is not None:
            rows.append(Text(" " * label_width + ticks, look.label or "", no_wrap=True))
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
        """Draw every segment on `self.plt`; the lines the plot takes, 0 when it cannot."""
        assert self.data is not None
        colours = plot_colours(self.plotext_theme())
        return draw_lines(self.plt, self.data, room, width, self.lang, self.ascii_mode, colours)
