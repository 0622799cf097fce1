"""A list of names to choose from, drawn line by line: only the lines on screen are ever rendered,
so a list of thousands of geographies costs what the few visible ones cost."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class ChoiceList(ScrollView, can_focus=False):
    """Some of `names` (those `show` is given), one highlighted; the input beside it keeps focus."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-list--cursor"}
    DEFAULT_CSS = """
    ChoiceList {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    ChoiceList > .choice-list--cursor { text-style: reverse bold; }
    """

    def __init__(self, names: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.names = names
        self.shown: Sequence[int] = range(len(names))  # indexes into `names`, in list order
        self.cursor = 0  # the highlighted line of `shown`

    @property
    def chosen(self) -> int | None:
        """The index (into `names`) of the highlighted name, None when nothing is shown."""
        return self.shown[self.cursor] if self.shown else None

    def show(self, shown: Sequence[int]) -> None:
        """Show only these names (indexes into `names`), the first one highlighted."""
        self.shown = shown
        self.cursor = 0
        self.virtual_size = Size(self.size.width, len(shown))
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def move(self, step: int) -> None:
        """Highlight the name `step` lines away, stopping at the first and last."""
        if not self.shown:
            return
        self.cursor = max(0, min(len(self.shown) - 1, self.cursor + step))
        top = self.scroll_offset.y
        height = max(1, self.size.height)
        if self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + height:
            top = self.cursor - height + 1
        self.scroll_to(y=top, animate=False, immediate=True)
        self.refresh()

    def page(self, step: int) -> None:
        """Move by a screenful."""
        self.move(step * max(1, self.size.height - 1))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.shown))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        line = self.scroll_offset.y + y
        base = self.rich_style
        if not 0 <= line < len(self.shown):
            return Strip.blank(width, base)
        text = " " + self.names[self.shown[line]]
        style = (
            self.get_component_rich_style("choice-list--cursor") if line == self.cursor else base
        )
        if cell_len(text) > width:
            return Strip([Segment(text, style)]).crop(0, width)
        return Strip([Segment(text + " " * (width - cell_len(text)), style)], width)
