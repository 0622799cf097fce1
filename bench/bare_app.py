"""The baseline: a bare Textual app that paints one line and redraws it on every right arrow."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static


class BareApp(App[None]):
    """Nothing but Textual itself, to compare the explorer's start-up and redraws against."""

    BINDINGS: ClassVar[list[BindingType]] = [("right", "bump", "Bump"), ("q", "quit", "Quit")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Static("bare-textual-ready 0", id="line")

    def action_bump(self) -> None:
        self.count += 1
        self.query_one("#line", Static).update(f"bare-textual-ready {self.count}")


if __name__ == "__main__":
    BareApp().run()
