"""Help generated from the bindings themselves, so it cannot drift from the real keys."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.screen import ThemeScreen
from tui.core.words import say

if TYPE_CHECKING:
    from textual.app import App


def key_rows(app: App[object], bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, description) per binding id, keys shown as the footer shows them."""
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in Binding.make_bindings(bindings):
        ident = binding.id or binding.action
        keys, _description = rows.setdefault(ident, ([], binding.description))
        keys.append(app.get_key_display(binding))
    return [(" ".join(keys), description) for keys, description in rows.values()]


def help_text(app: App[object], extra: Iterable[BindingType] = ()) -> Text:
    """Every key of the theme screens, the app and the dialogs, with its description."""
    from tui.app.jump import JumpView
    from tui.app.sources_view import SourcesView

    out = Text()
    rows = key_rows(
        app,
        [
            *ThemeScreen.BINDINGS,
            *type(app).BINDINGS,
            *SourcesView.BINDINGS,
            *JumpView.BINDINGS,
            *extra,
        ],
    )
    width = max(len(keys) for keys, _ in rows) + 2
    for keys, description in rows:
        out.append(f"{keys:<{width}}", style="bold")
        out.append(description + "\n")
    return out


class HelpView(ModalScreen[None]):
    """The key list, with the names of the screens the digit keys open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help-close", priority=True),
    ]

    def __init__(self, ascii_mode: bool = False) -> None:
        super().__init__(classes="-ascii" if ascii_mode else "")

    def compose(self) -> ComposeResult:
        from tui.app.app import IktApp

        app = self.app
        lang = app.lang if isinstance(app, IktApp) else "en"
        text = Text(say("help_title", lang) + "\n", style="bold underline")
        text.append_text(help_text(app, self.BINDINGS))
        if isinstance(app, IktApp):
            text.append(f"\n{say('screens', lang)}: ", style="bold")
            text.append_text(Text("  ").join(app.theme_names()))
            text.append("\n")
        with VerticalScroll(id="dialog"):
            yield Static(text, id="help-text")
            yield Static(Text(say("close", lang), style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
