"""What a theme screen needs from the app that shows it, so that the screen never imports the app."""

from __future__ import annotations

from typing import Protocol

from textual.binding import Binding

from tui.core.dataset import Dataset


class Host(Protocol):
    """The app's settings shared by the theme screens, and the moves between screens."""

    dataset: Dataset
    lang: str
    ascii_mode: bool
    geo: str
    breakdown: str
    start_year: int | None
    started: bool
    """True once the first screen has drawn its first frame."""

    def first_frame_drawn(self) -> None: ...

    def show_theme_at(self, index: int) -> None: ...

    def missing_theme(self, index: int) -> str | None:
        """Why screen `index` has nothing to show, or None when it has figures."""
        ...

    def describe_key(self, binding: Binding) -> str:
        """What a key does, in the language on screen."""
        ...

    def step_theme(self, current: str, step: int) -> None: ...

    def toggle_lang(self) -> None: ...
