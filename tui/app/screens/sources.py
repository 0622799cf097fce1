"""Source details of the selected figure: every source with its role, and what the figure means."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.keys import SOURCES_KEYS
from tui.app.present.table import TableView
from tui.app.present.text import change_text, figure_name, value_text
from tui.app.state import ViewState
from tui.core.dataset import Dataset
from tui.core.model import Figure
from tui.core.provenance import population_text, publisher_text, revision_text
from tui.core.text import literal
from tui.core.words import say


def sources_text(dataset: Dataset, view: TableView, state: ViewState, figure: Figure) -> Text:
    """The details as literal Text: nothing from the data is read as markup or escape codes."""
    lang = state.lang
    out = Text()
    out.append(f"{figure_name(dataset, view, state.row, lang)}, {figure.period}: ", style="bold")
    out.append(value_text(dataset, figure, lang) + "\n", style="bold")
    revised = revision_text(dataset, figure, lang)  # first: both figures are kept, this says why
    if revised:
        out.append(revised + "\n", style="bold")
    out.append("\n")
    indicator = dataset.indicators.get(figure.indicator)
    period = say(f"period_{indicator.period}", lang) if indicator else ""
    facts = [
        (
            say("reference_year", lang),
            f"{figure.ref_year} ({period})" if period else str(figure.ref_year),
        ),
        (say("survey_year", lang), str(figure.survey_year)),
        (say("status", lang), literal(dataset.labels.get("status", figure.status, lang))),
        (say("base", lang), literal(population_text(dataset, figure, lang))),
        (say("series", lang), literal(dataset.labels.get("series", figure.series, lang))),
        (say("unit", lang), literal(dataset.labels.get("unit", figure.unit, lang))),
    ]
    if not figure.missing:
        facts.append((say("change", lang), change_text(dataset, figure, lang)))
    for name, value in facts:
        out.append(f"{name}: ", style="bold")
        out.append(value + "\n")
    out.append(f"\n{say('sources', lang)}\n", style="bold underline")
    for role, source, other in dataset.sources_of(figure):
        out.append(f"- {say('role_' + role, lang)}", style="bold")
        if other is not None:
            out.append(f" ({say('gives', lang)} {literal(other)})", style="bold")
        publisher = publisher_text(dataset, figure, lang) if role == "primary" else source.publisher
        out.append(f": {literal(publisher)}, {literal(source.title)}")
        if source.released:
            out.append(f" ({say('released', lang)} {literal(source.released)})")
        out.append(f"\n  {literal(source.url)}\n")
        if source.scope:
            out.append(f"  {say('scope_of_source', lang)}: {literal(source.scope)}\n")
    if figure.note:
        out.append(f"\n{say('note', lang)}: ", style="bold")
        out.append(literal(figure.note) + "\n")
    return out


class SourcesScreen(ModalScreen[None]):
    """A modal over the screen; Esc or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = SOURCES_KEYS

    def __init__(
        self,
        dataset: Dataset,
        view: TableView,
        state: ViewState,
        figure: Figure,
        ascii_mode: bool = False,
    ) -> None:
        super().__init__(classes="-ascii" if ascii_mode else "")
        self.figure = figure
        self.text = sources_text(dataset, view, state, figure)
        self.lang = state.lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(self.text, id="sources-text")
            yield Static(Text(say("close", self.lang), style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
