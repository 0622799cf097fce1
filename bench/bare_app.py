"""The baseline: a bare Textual app that paints one line and redraws it on every right arrow."""

from __future__ import annotations

import os
from typing import ClassVar

from textual import events
from textual._time import get_time
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static


class BareApp(App[None]):
    """Nothing but Textual itself, to compare the explorer's start-up and redraws against.

    Like the explorer, it appends per key the milliseconds from the key's arrival to the end of
    the next frame to the file named by IKT_KEY_TIMINGS, when that is set (bench/bench_keys.py).
    """

    BINDINGS: ClassVar[list[BindingType]] = [("right", "bump", "Bump"), ("q", "quit", "Quit")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.key_timings = os.environ.get("IKT_KEY_TIMINGS") or None

    def compose(self) -> ComposeResult:
        yield Static("bare-textual-ready 0", id="line")

    def action_bump(self) -> None:
        self.count += 1
        self.query_one("#line", Static).update(f"bare-textual-ready {self.count}")

    async def on_event(self, event: events.Event) -> None:
        if self.key_timings is None or not isinstance(event, events.Key):
            await super().on_event(event)
            return
        arrived = event.time
        await super().on_event(event)
        self.call_after_refresh(self._log_key, event.key, arrived)

    def _log_key(self, key: str, arrived: float) -> None:
        assert self.key_timings is not None
        with open(self.key_timings, "a", encoding="utf-8") as log:
            log.write(f"{key}\t{(get_time() - arrived) * 1000:.2f}\n")


if __name__ == "__main__":
    BareApp().run()
