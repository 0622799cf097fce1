"""The chart's lines turned into strips directly, through Widget's private render cache.

Textual turns the Text from `render` into its own Content, lays that out and styles it piece by
piece; for a 100x57 line chart that cost three times the plot itself. `chart_strips` makes the
same strips from the runs of styled text with the public Strip and Style API; only storing them
(Widget._render_content, _render_cache, _dirty_regions) is private, and done for textual 8.2.8.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from rich.text import Text
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import _RenderCache
from textual_plotext import PlotextPlot

from tui.app.fastpaths.versions import fast


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


class DirectStripsPlot(PlotextPlot):
    """A plot whose subclass may hand its lines over as strips (`direct_strips`), skipping layout."""

    def direct_strips(self) -> list[Strip] | None:
        """The widget's strips when they need no layout, else None (Textual renders as usual)."""
        return None

    def _render_content(self) -> None:
        """Render into strips directly when the chart is plain lines of styled runs.

        Textual turns the Text from `render` into its own Content, lays that out and styles it
        piece by piece; for a 100x57 line chart that cost three times the plot itself. The
        chart's Text needs none of the layout (no wrapping, no tabs, spans that do not overlap),
        so `chart_strips` makes the same strips, with the same styles, straight from the runs.
        Anything else (a mouse selection, a line wider than the widget) goes Textual's way.
        """
        strips = self.direct_strips() if fast("textual") else None
        if strips is None:
            super()._render_content()
            return
        self._render_cache = _RenderCache(self.size, strips)
        self._dirty_regions.clear()
