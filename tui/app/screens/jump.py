"""The `/` prompt: type part of a category's name or a four-digit year, Enter jumps there."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.keys import JUMP_KEYS
from tui.core.words import say


class JumpScreen(ModalScreen[str | None]):
    """A one-line prompt at the bottom; it is a modal so letters typed never reach the table."""

    BINDINGS: ClassVar[list[BindingType]] = JUMP_KEYS

    def __init__(self, lang: str, ascii_mode: bool = False) -> None:
        super().__init__(classes="-ascii" if ascii_mode else "")
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="jump"):
            yield Static(say("jump_prompt", self.lang), markup=False)
            yield Input(id="jump-input", placeholder="/")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
