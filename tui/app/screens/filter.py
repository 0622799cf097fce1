"""The `f` prompt: the rows are filtered as the person types; Enter keeps the filter, Esc clears it."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.keys import FILTER_KEYS
from tui.core.words import say


class FilterScreen(ModalScreen[str]):
    """A small prompt above the source line (app.tcss), which stays in view with the selected
    row's full name: the table beneath follows every letter typed (`typed`); it is a modal so
    those letters never reach the table's keys."""

    BINDINGS: ClassVar[list[BindingType]] = FILTER_KEYS

    def __init__(
        self, lang: str, text: str, typed: Callable[[str], None], ascii_mode: bool = False
    ) -> None:
        super().__init__(classes="-ascii" if ascii_mode else "")
        self.lang = lang
        self.text = text
        self.typed = typed

    def compose(self) -> ComposeResult:
        with Vertical(id="filter"):
            yield Static(say("filter_prompt", self.lang), markup=False)
            yield Input(self.text, id="filter-input", placeholder="f", compact=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.typed(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_clear(self) -> None:
        self.dismiss("")
