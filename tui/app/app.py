"""The explorer application: three theme screens as modes, plus the settings they share."""

from __future__ import annotations

import sys
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.app import App
from textual.binding import Binding, BindingType
from textual.driver import Driver

from tui.app.screen import ThemeScreen
from tui.app.state import default_lang, other_lang
from tui.app.words import say
from tui.core.dataset import Dataset
from tui.core.model import THEMES
from tui.core.text import literal


class IktApp(App[int]):
    """Keyboard-first explorer of SSB's enterprise ICT figures."""

    CSS_PATH = "app.tcss"
    TITLE = "ikt-explorer"
    ENABLE_COMMAND_PALETTE = False
    # the keys live on the screens (ThemeScreen.BINDINGS), where they run in the order typed
    BINDINGS: ClassVar[list[BindingType]] = []

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
    ) -> None:
        super().__init__()
        self.dataset = dataset
        self.lang = lang if lang in ("nb", "en") else default_lang()
        self.ascii_mode = ascii_mode
        self.geo = geo
        self.breakdown = by
        self.start_year = year
        present = dataset.themes()
        self.themes = [t for t in THEMES if t in present] or present
        self.start_theme = screen if screen in self.themes else self.themes[0]
        for theme in self.themes:
            self.add_mode(theme, partial(ThemeScreen, theme, self))

    def on_mount(self) -> None:
        if self.ascii_mode:
            self.add_class("-ascii")
        self.switch_mode(self.start_theme)

    # --- shared by the theme screens
    def show_theme_at(self, index: int) -> None:
        """Switch to screen 1, 2 or 3 (THEMES order); say so when that theme has no figures."""
        if not 0 <= index < len(THEMES):
            return
        theme = THEMES[index]
        if theme not in self.themes:
            name = literal(self.dataset.labels.get("theme", theme, self.lang))
            self.notify(f"{say('theme_none', self.lang)} {name}", markup=False)
            return
        self.switch_mode(theme)

    def step_theme(self, current: str, step: int) -> None:
        index = self.themes.index(current) if current in self.themes else 0
        self.switch_mode(self.themes[(index + step) % len(self.themes)])

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the footer and help show them; plain key names in ASCII mode."""
        display = super().get_key_display(binding)
        if self.ascii_mode and not display.isascii():
            return binding.key
        return display

    def toggle_lang(self) -> None:
        self.lang = other_lang(self.lang)

    def action_help(self) -> None:
        from tui.app.help_view import HelpView

        if isinstance(self.screen, HelpView):
            return
        self.push_screen(HelpView(self.ascii_mode))

    def theme_names(self) -> list[Text]:
        """'1 Social media' ... for the help: the screens the digit keys open."""
        return [
            Text(f"{number} {literal(self.dataset.labels.get('theme', t, self.lang))}")
            for number, t in (
                ((THEMES.index(t) if t in THEMES else i) + 1, t) for i, t in enumerate(self.themes)
            )
        ]

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this platform, with the fast-quit one in place of LinuxDriver."""
        default = super().get_driver_class()
        if sys.platform == "win32":
            return default
        from tui.app.fast_quit import fast_driver_class

        return fast_driver_class(default)
