"""A line of literal text above or below the table (title, scope, source line)."""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual.css.styles import RulesMap
from textual.visual import visualize
from textual.widgets import Static

from tui.core.text import shown


class TextLine(Static):
    """Literal text, never markup, that lays the screen out again only when its height changes.

    Title and source line are as high as their text wraps to, so Textual lays out the whole
    screen on every update, and once more after that (the sizes it computes are reactive).
    A key press mostly changes the words and not the number of lines: then a repaint does.
    A `steady` line never shrinks (until the width changes), so a shorter text repaints too.
    """

    def __init__(self, text: str, *, id: str | None = None, steady: bool = False) -> None:
        text = shown(text)  # ASCII only, in ASCII mode
        super().__init__(Text(text), id=id, markup=False)
        self.text = text
        self.steady = steady
        self._tallest = 0
        self._tallest_at = 0  # the width the tallest height was seen at

    def on_resize(self) -> None:
        """Another width wraps differently: the height seen so far no longer holds."""
        if self.steady and self._tallest and self.content_size.width != self._tallest_at:
            self._tallest = 0
            self.styles.min_height = None

    def show(self, text: str) -> None:
        """Put `text` in the line, unless it is already there."""
        text = shown(text)
        old = self.text
        if old == text:
            return
        self.text = text
        content = Text(text)
        width = self.content_size.width
        fixed = self.styles.height
        layout = fixed is None or fixed.is_auto  # a line of fixed height only repaints
        if layout and width > 0:
            styles = cast("RulesMap", self.styles)  # what Textual passes for its own widgets
            height = visualize(self, content, markup=False).get_height(styles, width)
            before = visualize(self, Text(old), markup=False).get_height(styles, width)
            layout = height != before
            if self.steady:
                # keep the tallest height seen: a shorter text then needs no new layout, and
                # what lies above and below (table, chart) stays put from one key to the next
                self._tallest = max(self._tallest, before)
                self._tallest_at = width
                layout = height > self._tallest
                if layout:
                    self._tallest = height
                    self.styles.min_height = height
        self.update(content, layout=layout)
