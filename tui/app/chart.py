"""The chart: plotext through textual-plotext, drawn from ChartData; imported after the first frame.

Each chart draws on its own `self.plt`; no module-level plotext state is used.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from rich.text import Text
from textual.app import RenderResult
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import _RenderCache
from textual_plotext import PlotextPlot

from tui.app.plotdata import Bar, ChartData
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


def chart_strips(
    text: Text, width: int, height: int, base: VisualStyle, ansi_theme: TerminalTheme
) -> list[Strip] | None:
    """The strips Textual makes of `text` in a widget of this size and style, or None.

    The same as Textual's Content does for text that needs no layout: per line, one segment
    per span and per stretch between spans, styled (base + (base + span)) with the offset of
    the segment in its meta (text selection reads it). None when a line is wider than `width`,
    holds a tab, or when spans overlap or name a style by string.
    """
    pieces: dict[Style | None, VisualStyle] = {}
    strips = []
    for y, line in enumerate(text.split("\n", allow_blank=True)[:height]):
        plain = line.plain
        if "\t" in plain or cell_len(plain) > width:
            return None
        try:
            runs = _runs(line)
        except _Unsupported:
            return None
        segments = []
        x = 0
        for start, end, rich in runs:
            piece = pieces.get(rich)
            if piece is None:
                if rich is None:
                    piece = base + VisualStyle.combine([base])
                else:
                    piece = base + VisualStyle.combine(
                        [base, VisualStyle.from_rich_style(rich, ansi_theme)]
                    )
                pieces[rich] = piece
            key = (piece, x, y)
            style = _PLACED.get(key)
            if style is None:
                if len(_PLACED) > 50_000:
                    _PLACED.clear()
                style = _PLACED[key] = piece.rich_style_with_offset(x, y)
            segments.append(Segment(plain[start:end], style))
            x += end - start
        strips.append(Strip(segments, cell_len(plain)))
    return strips


_PLACED: dict[tuple[VisualStyle, int, int], Style] = {}
"""Segment styles by (style, x, y): from one frame to the next most of a chart stays put."""


def _runs(line: Text) -> list[tuple[int, int, Style | None]]:
    """(start, end, style) of the spans of one line and of the stretches between them."""
    runs: list[tuple[int, int, Style | None]] = []
    at = 0
    for span in sorted(line.spans, key=lambda span: span.start):
        style = span.style
        if span.start < at or not isinstance(style, Style):
            raise _Unsupported
        if span.start > at:
            runs.append((at, span.start, None))
        if span.end > span.start:
            runs.append((span.start, span.end, style))
        at = max(at, span.end)
    if at < len(line.plain) or not runs:
        runs.append((at, len(line.plain), None))
    return runs


class _Unsupported(Exception):
    """Text that chart_strips leaves to Textual."""


def matrix_text(plt: Any, table: dict[int, str] | None = None) -> Text | None:
    """What `plt.build()` then `Text.from_ansi` give, from plotext's matrix of cells directly.

    plotext writes its cells out as one string of ANSI codes, which Rich then parses back into
    styled text: at 200x60 that round trip cost more than drawing the plot. Here each run of
    cells with the same colours becomes one styled piece of text, as the parse would have made
    it (the style of a run is what Rich reads from plotext's codes for those colours). None when
    this plotext has no such matrix; `table` translates the characters (ASCII mode).
    """
    try:
        plt._set_sizes()
        plt._build_matrix()
        matrix = plt.monitor.matrix
        markers, fullground, style, background = (
            matrix.marker,
            matrix.fullground,
            matrix.style,
            matrix.background,
        )
        rows: int = matrix.rows
        cols: int = matrix.cols
    except AttributeError:
        return None
    lines = []
    for row in reversed(range(rows)):
        line = Text()
        marks, fg, st, bg = markers[row], fullground[row], style[row], background[row]
        start = 0
        while start < cols:
            colours = (fg[start], st[start], bg[start])
            stop = start + 1
            while stop < cols and (fg[stop], st[stop], bg[stop]) == colours:
                stop += 1
            run = "".join(marks[start:stop])
            line.append(run.translate(table) if table else run, _run_style(colours))
            start = stop
        lines.append(line)
    return Text("\n", no_wrap=True).join(lines)


_RUN_STYLES: dict[tuple[Any, Any, Any], Style | None] = {}


def _run_style(colours: tuple[Any, Any, Any]) -> Style | None:
    """The style Rich reads from plotext's ANSI codes for cells of these colours."""
    try:
        return _RUN_STYLES[colours]
    except KeyError:
        pass
    except TypeError:  # an unhashable colour (a list of RGB values)
        return _style_of(colours)
    style = _RUN_STYLES[colours] = _style_of(colours)
    return style


def _style_of(colours: tuple[Any, Any, Any]) -> Style | None:
    from plotext._utility import ansi_end, colors_to_ansi

    fullground, style, background = colours
    decoded = Text.from_ansi(colors_to_ansi(fullground, style, background) + "x" + ansi_end)
    spans = decoded.spans
    found = spans[0].style if spans else None
    return found if isinstance(found, Style) else None


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

    def _render_content(self) -> None:
        """Render into strips directly when the chart is plain lines of styled runs.

        Textual turns the Text from `render` into its own Content, lays that out and styles it
        piece by piece; for a 100x57 line chart that cost three times the plot itself. The
        chart's Text needs none of the layout (no wrapping, no tabs, spans that do not overlap),
        so `chart_strips` makes the same strips, with the same styles, straight from the runs.
        Anything else (a mouse selection, a line wider than the widget) goes Textual's way.
        """
        strips = self._chart_strips()
        if strips is None:
            super()._render_content()
            return
        self._render_cache = _RenderCache(self.size, strips)
        self._dirty_regions.clear()

    def _chart_strips(self) -> list[Strip] | None:
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
        plt = self.plt
        plt.plotsize(width, lines)
        plt._set_size(width, lines)
        plt.theme(self._get_plotext_theme_name(self.app.theme))

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
        theme = self._get_plotext_theme_name(self.app.theme)
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
