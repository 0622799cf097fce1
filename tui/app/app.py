"""The explorer application: three theme screens as modes, plus the settings they share."""

from __future__ import annotations

import gc
import os
import sys
import time
from functools import partial
from pathlib import Path
from typing import ClassVar, cast

from textual import events
from textual.actions import parse
from textual.app import App
from textual.binding import Binding, BindingType
from textual.driver import Driver

from tui.app.fastpaths.css_cache import CSS_CACHE_NAME, ParsedCss
from tui.app.keys import APP_KEYS, describe, key_groups, offered_on
from tui.app.screens.theme import ThemeScreen
from tui.app.state import default_lang, other_lang
from tui.core.dataset import Dataset
from tui.core.model import LANGS, THEMES
from tui.core.text import ASCII_ONLY, literal
from tui.core.words import say

KEY_TIMINGS_ENV = "IKT_KEY_TIMINGS"
"""A file to append, per key, the milliseconds from the key's arrival to the frame after it."""
EVENT_CLOCK = time.perf_counter if sys.platform == "win32" else time.monotonic
"""The clock Textual stamps `event.time` with (the choice textual._time makes)."""


class IktApp(App[int]):
    """Keyboard-first explorer of SSB's enterprise ICT figures."""

    CSS_PATH = "app.tcss"
    TITLE = "ikt-explorer"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = APP_KEYS

    def __init__(
        self,
        dataset: Dataset,
        *,
        screen: str = "social_media",
        year: int | None = None,
        by: str = "total",
        lang: str | None = None,
        ascii_mode: bool = False,
        geo: str = "NO",
        start_folder: Path | None = None,
    ) -> None:
        """`start_folder` is the cache's folder for files that make a start faster (None: none)."""
        present = dataset.themes()
        # the three screens, then any other (a fetched table's measures that fit none of them)
        self.themes = [t for t in THEMES if t in present] + [t for t in present if t not in THEMES]
        self.start_theme = screen if screen in self.themes else self.themes[0]
        # The app starts in the first screen's mode: switching to it from Textual's default
        # mode on mount would hold the first frame back (switch_mode delays updates 50 ms).
        self.DEFAULT_MODE = self.start_theme  # type: ignore[misc]  # read by App.__init__ only
        super().__init__()
        self.parsed_css = (
            ParsedCss(start_folder / CSS_CACHE_NAME, self.stylesheet) if start_folder else None
        )
        if self.parsed_css is not None:
            self.parsed_css.load()
        self.dataset = dataset
        self.lang = lang if lang in LANGS else default_lang()
        self.ascii_mode = ascii_mode
        self.geo = geo
        self.breakdown = by
        self.start_year = year
        self.resume_gc = False
        """True when garbage collection was paused for start-up and waits for the first frame."""
        self.started = False
        """True once the first screen has drawn its first frame."""
        self.key_timings = os.environ.get(KEY_TIMINGS_ENV) or None
        for theme in self.themes:
            self.add_mode(theme, partial(ThemeScreen, theme, self))

    def on_load(self) -> None:
        """Style the app itself before its first screen is built.

        Textual styles the app only after that screen has mounted and drawn, and then restyles
        every widget with all CSS parsed again: the screen is styled right the first time here.
        """
        self.set_class(self.ascii_mode, "-ascii", update=False)
        self.stylesheet.apply(self)
        # the app's own context (its message loop and every widget's): words and names from the
        # data are written in ASCII from here on, the caller's context is left as it was
        ASCII_ONLY.set(self.ascii_mode)

    def first_frame_drawn(self) -> None:
        """The first screen is on the terminal: resume garbage collection paused for start-up.

        (`tui.cli.main` pauses it.) Everything allocated so far (modules, the figures, the
        screen) lives as long as the app: frozen, later collections never scan it again, so
        none of them pauses a key press for long.
        """
        self.started = True
        if self.parsed_css is not None:
            self.parsed_css.save_if_new()
        if self.resume_gc:
            self.resume_gc = False
            gc.freeze()
            gc.enable()

    async def on_event(self, event: events.Event) -> None:
        """With IKT_KEY_TIMINGS set, time each key from its arrival to the end of the next frame."""
        if self.key_timings is None or not isinstance(event, events.Key):
            await super().on_event(event)
            return
        arrived = event.time  # when the input thread read the key
        await super().on_event(event)
        self.call_after_refresh(self._log_key, event.key, arrived)

    def _log_key(self, key: str, arrived: float) -> None:
        assert self.key_timings is not None
        with open(self.key_timings, "a", encoding="utf-8") as log:
            log.write(f"{key}\t{(EVENT_CLOCK() - arrived) * 1000:.2f}\n")

    # --- shared by the theme screens
    def missing_theme(self, index: int) -> str | None:
        """Why the digit key for screen `index` (THEMES order) can show nothing, or None."""
        if not 0 <= index < len(THEMES):
            return f"{say('theme_none', self.lang)} {index + 1}"
        theme = THEMES[index]
        if theme in self.themes:
            return None
        name = literal(self.dataset.labels.get("theme", theme, self.lang))
        return f"{say('theme_none', self.lang)} {name}"

    def show_theme_at(self, index: int) -> None:
        """Switch to screen 1, 2 or 3 (THEMES order); say so when that theme has no figures."""
        refusal = self.missing_theme(index)
        if refusal is not None:
            self.screen.notify(refusal, markup=False)
            return
        self.switch_mode(THEMES[index])

    def step_theme(self, current: str, step: int) -> None:
        index = self.themes.index(current) if current in self.themes else 0
        self.switch_mode(self.themes[(index + step) % len(self.themes)])

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the footer and help show them; plain key names in ASCII mode."""
        display = super().get_key_display(binding)
        if self.ascii_mode and not display.isascii():
            return binding.key
        return display

    def describe_key(self, binding: Binding) -> str:
        """What a key does, in the language on screen; a digit key names its screen's theme."""
        _destination, action, parameters = parse(binding.action)
        if action == "theme" and parameters and parameters[0] in range(len(THEMES)):
            theme = THEMES[cast(int, parameters[0])]
            return literal(self.dataset.labels.get("theme", theme, self.lang))
        screen = self.screen
        by_period = isinstance(screen, ThemeScreen) and bool(screen.view.names)
        return describe(binding, self.lang, by_period)

    def toggle_lang(self) -> None:
        self.lang = other_lang(self.lang)

    def action_help(self) -> None:
        """The keys that work on the screen below the help, and what the table's marks mean."""
        from tui.app.present.marks import mark_meanings  # the first frame does without both
        from tui.app.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        below = self.screen
        groups = key_groups(
            self.get_key_display,
            self.describe_key,
            below.BINDINGS,
            offered=lambda binding: offered_on(below, binding),
        )
        marks = mark_meanings(self.dataset, self.lang)
        self.push_screen(HelpScreen(self.lang, groups, marks, self.ascii_mode))

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this platform; on Linux one that gives the terminal back at once."""
        default = super().get_driver_class()
        if sys.platform == "win32":
            return default
        from tui.app.fastpaths.input_stop import quick_stop_driver

        return quick_stop_driver(default)
