"""The `G` chooser: every geography of the table, filtered as one types; Enter shows the one chosen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.keys import GEO_KEYS
from tui.app.widgets.choice_list import ChoiceList
from tui.core.words import say


def matching(names: Sequence[str], query: str) -> Sequence[int]:
    """The indexes of the names that contain `query` (any case), all of them for no query."""
    needle = query.strip().casefold()
    if not needle:
        return range(len(names))
    return [i for i, name in enumerate(names) if needle in name.casefold()]


class GeoScreen(ModalScreen[str | None]):
    """A modal, so letters typed filter the list and never reach the table; dismissed with the
    chosen geography's code, or None (Esc, or Enter with nothing matching)."""

    BINDINGS: ClassVar[list[BindingType]] = GEO_KEYS

    def __init__(
        self,
        codes: Sequence[str],
        names: Sequence[str],
        current: str,
        lang: str,
        ascii_mode: bool = False,
    ) -> None:
        super().__init__(classes="-ascii" if ascii_mode else "")
        self.codes = codes
        self.names = names  # shown as typed: literal text, one per code
        self.current = current
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="geo"):
            yield Static(say("geo_prompt", self.lang), markup=False)
            yield Input(id="geo-input")
            yield Static("", id="geo-count", markup=False)
            yield ChoiceList(self.names, id="geo-list")

    def on_mount(self) -> None:
        self._filter("")
        if self.current in self.codes:
            self.query_one(ChoiceList).move(self.codes.index(self.current))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def _filter(self, query: str) -> None:
        shown = matching(self.names, query)
        self.query_one(ChoiceList).show(shown)
        count = (
            f"{len(shown)} {say('of', self.lang)} {len(self.names)}"
            if shown
            else say("geo_none", self.lang)
        )
        self.query_one("#geo-count", Static).update(count)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        chosen = self.query_one(ChoiceList).chosen
        self.dismiss(None if chosen is None else self.codes[chosen])

    def action_move(self, step: int) -> None:
        self.query_one(ChoiceList).move(step)

    def action_page(self, step: int) -> None:
        self.query_one(ChoiceList).page(step)

    def action_cancel(self) -> None:
        self.dismiss(None)
