"""The chart's place on the first frame: one line saying it is coming, until plotext has loaded.

Drawn through the line API: a Static would take its one line through Textual's general text
layout, ~2 ms of the first frame.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from tui.core.text import shown


class ChartWaiting(Widget, can_focus=False):
    """A literal line of text at the top of an otherwise empty area (never markup)."""

    ALLOW_SELECT = False

    def __init__(self, text: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = shown(text)  # ASCII only, in ASCII mode

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y != 0 or width <= 0:
            return Strip.blank(width, base)
        return Strip([Segment(self.text, base)]).crop(0, width)
