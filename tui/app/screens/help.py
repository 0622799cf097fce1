"""Help generated from the key list itself (tui.app.keys), so it cannot drift from the real keys."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from tui.app.keys import HELP_KEYS, KeyRow
from tui.core.words import say

KeyGroups = list[tuple[str, list[KeyRow]]]
"""(group word id, (keys, what they do) rows), as tui.app.keys.key_groups gives them."""


def groups_text(groups: KeyGroups, lang: str) -> Text:
    """Each group's name, then one line per key: the keys in bold, padded to one width."""
    out = Text()
    rows = [row for _group, group_rows in groups for row in group_rows]
    width = max((len(keys) for keys, _ in rows), default=0) + 2
    for group, group_rows in groups:
        out.append(("\n" if out else "") + say(group, lang), style="bold underline")
        for keys, description in group_rows:
            out.append(f"\n{keys:<{width}}", style="bold")
            out.append(description)
    return out


def marks_lines(marks: list[tuple[str, str]], width: int) -> Text:
    """The marks with their meanings, as many to a line as fit: a mark never parts from its meaning."""
    out = Text()
    line = 0
    for mark, meaning in marks:
        item = len(mark) + 1 + len(meaning)
        if line and line + 3 + item > width:
            out.append("\n")
            line = 0
        elif line:
            out.append("   ")
            line += 3
        out.append(mark, style="bold")
        out.append(f" {meaning}")
        line += item
    return out


class MarkList(Widget):
    """What the table's marks mean, laid out anew for the width it gets."""

    DEFAULT_CSS = "MarkList { height: auto; }"

    def __init__(self, marks: list[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marks = marks

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(marks_lines(self.marks, width).wrap(self.app.console, width)) if width else 0

    def render(self) -> Text:
        return marks_lines(self.marks, self.content_size.width)


def split_groups(groups: KeyGroups) -> tuple[KeyGroups, KeyGroups]:
    """Two columns of about the same height, the groups kept whole and in order."""
    heights = [len(rows) + 1 for _group, rows in groups]
    half = sum(heights) / 2
    seen = 0
    for index, height in enumerate(heights):
        if seen + height / 2 > half:
            return groups[:index], groups[index:]
        seen += height
    return groups, []


class HelpScreen(ModalScreen[None]):
    """The keys that work on the screen below, grouped, and what the table's marks mean."""

    BINDINGS: ClassVar[list[BindingType]] = HELP_KEYS

    def __init__(
        self,
        lang: str,
        groups: KeyGroups,
        marks: list[tuple[str, str]],
        ascii_mode: bool = False,
    ) -> None:
        super().__init__(classes="-ascii" if ascii_mode else "")
        self.lang = lang
        self.groups = groups
        self.marks = marks
        self.texts: list[str | Text] = []

    def compose(self) -> ComposeResult:
        lang = self.lang
        left, right = (groups_text(half, lang) for half in split_groups(self.groups))
        marks = marks_lines(self.marks, 10**6)
        self.texts = [say("help_title", lang), left, right, say("marks", lang), marks]
        self.texts.append(say("close", lang))
        with VerticalScroll(id="dialog") as dialog:
            dialog.border_title = say("help_title", lang)
            dialog.border_subtitle = say("close", lang)
            with Horizontal(id="help-keys"):
                yield Static(left, id="help-left", classes="help-column")
                yield Static(right, id="help-right", classes="help-column")
            yield Static(Text(say("marks", lang), style="bold underline"), id="help-marks")
            yield MarkList(self.marks)

    def text(self) -> str:
        """Everything the help says, as plain text (for tests and for reading it whole)."""
        return "\n".join(str(part) for part in self.texts)

    def action_close(self) -> None:
        self.dismiss(None)
