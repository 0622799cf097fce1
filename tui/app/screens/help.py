"""Help generated from the key list itself (tui.app.keys), so it cannot drift from the real keys."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.keys import HELP_KEYS, key_rows
from tui.core.words import say


def help_text(rows: list[tuple[str, str]]) -> Text:
    """One line per key: the keys in bold, padded to one width, then what they do."""
    out = Text()
    width = max(len(keys) for keys, _ in rows) + 2
    for keys, description in rows:
        out.append(f"{keys:<{width}}", style="bold")
        out.append(description + "\n")
    return out


class HelpScreen(ModalScreen[None]):
    """Every key, with the names of the screens the digit keys open (handed in by the app)."""

    BINDINGS: ClassVar[list[BindingType]] = HELP_KEYS

    def __init__(self, lang: str, screens: list[Text], ascii_mode: bool = False) -> None:
        super().__init__(classes="-ascii" if ascii_mode else "")
        self.lang = lang
        self.screens = screens

    def compose(self) -> ComposeResult:
        lang = self.lang
        text = Text(say("help_title", lang) + "\n", style="bold underline")
        text.append_text(help_text(key_rows(self.app.get_key_display)))
        if self.screens:
            text.append(f"\n{say('screens', lang)}: ", style="bold")
            text.append_text(Text("  ").join(self.screens))
            text.append("\n")
        with VerticalScroll(id="dialog"):
            yield Static(text, id="help-text")
            yield Static(Text(say("close", lang), style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
