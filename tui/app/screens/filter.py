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
        self.closed = False
        """True once Enter or Esc closed the prompt: a letter typed after it changes nothing."""

    def compose(self) -> ComposeResult:
        with Vertical(id="filter"):
            yield Static(say("filter_prompt", self.lang), markup=False)
            yield Input(self.text, id="filter-input", placeholder="f", compact=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if not self.closed:
            self.typed(event.value)

    def action_keep(self) -> None:
        """Enter: keep the filter as typed up to Enter.

        Enter is a priority key, handled the moment it arrives, while letters typed just before
        it may still wait in the prompt's queue: the prompt closes once it has taken them in.
        """
        field = self.query_one(Input)
        field.call_later(lambda: self._close(field.value))

    def action_clear(self) -> None:
        self._close("")

    def _close(self, text: str) -> None:
        if not self.closed:
            self.closed = True
            self.dismiss(text)
