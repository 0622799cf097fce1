"""The `n` dialog: the screen's headlines, each with its sources; Enter jumps to its figure."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.keys import HEADLINES_KEYS
from tui.app.present.headline_list import HeadlineGroup, sources_text
from tui.core.dataset import Dataset
from tui.core.headlines import Headline
from tui.core.model import Figure
from tui.core.words import say

SOURCE_INDENT = "  "


def headline_prompt(text: str, sources: str) -> Text:
    """A headline and, beneath it, its sources: literal text, nothing read as markup."""
    return Text.assemble(text, "\n", (SOURCE_INDENT + sources, "dim"))


class HeadlinesScreen(ModalScreen[Figure | None]):
    """A modal list over the screen: ↑/↓ choose, Enter gives the headline's figure, Esc or q
    closes without one."""

    BINDINGS: ClassVar[list[BindingType]] = HEADLINES_KEYS

    def __init__(
        self,
        dataset: Dataset,
        title: str,
        groups: list[HeadlineGroup],
        lang: str,
        ascii_mode: bool = False,
    ) -> None:
        super().__init__(classes="-ascii" if ascii_mode else "")
        self.title_text = title
        self.lang = lang
        self.headlines: dict[str, Headline] = {}
        """The headline of each option, by the option's id."""
        self.options: list[Option | None] = []
        for group in groups:
            if self.options:
                self.options.append(None)  # a separator between breakdowns
            self.options.append(Option(Text(group.name, style="bold underline"), disabled=True))
            for headline in group.headlines:
                ident = f"headline-{len(self.headlines)}"
                self.headlines[ident] = headline
                prompt = headline_prompt(headline.text, sources_text(dataset, headline, lang))
                self.options.append(Option(prompt, id=ident))

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text, style="bold"), id="headlines-title")
            yield OptionList(*self.options, id="headlines", markup=False)
            yield Static(Text(say("headlines_hint", self.lang), style="dim"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        headline = self.headlines.get(event.option.id or "")
        self.dismiss(headline.focus if headline is not None else None)

    def action_close(self) -> None:
        self.dismiss(None)
