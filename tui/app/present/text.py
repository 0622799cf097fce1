"""The lines around the table (title, source line, clipboard text), in plain Python for tests.

Every label taken from the data passes through `literal` here, so the widgets only ever receive
text that is safe to show as typed.
"""

from __future__ import annotations

from tui.app.present.order_filter import arrangement_text
from tui.app.present.table import TableView, cell_text
from tui.app.state import ViewState
from tui.core.dataset import Dataset, is_eurostat_indicator
from tui.core.model import Figure
from tui.core.numbers import format_difference
from tui.core.provenance import population_text, publisher_text, revision_text
from tui.core.text import literal
from tui.core.words import reason, say


def sep(ascii_mode: bool) -> str:
    return " | " if ascii_mode else " · "


def origin_text(dataset: Dataset, lang: str) -> str:
    return say("embedded", lang) if dataset.origin == "embedded" else literal(dataset.origin)


def title_text(
    dataset: Dataset, state: ViewState, ascii_mode: bool = False, view: TableView | None = None
) -> str:
    """Theme, year (or period, and how often periods come), breakdown and country (or the
    compared category), the order and filter in force, and where the data is from."""
    lang = state.lang
    year = str(state.year) if state.year is not None else "-"
    if view is not None and view.names:
        year = f"{view.column_name(state.year)} ({say('frequency_' + view.frequency, lang)})"
    parts = [literal(dataset.labels.get("theme", state.theme, lang)), year]
    if state.compare is not None:
        name = literal(dataset.labels.get("indicator", state.compare.indicator, lang))
        if state.compare.group != "total":
            name += ", " + literal(dataset.labels.get("group", state.compare.group, lang))
        parts.append(f"{say('compare', lang)}: {name}")
    else:
        parts.append(literal(dataset.labels.get("breakdown", state.breakdown, lang)))
        parts.append(literal(dataset.labels.get("geo", state.geo, lang)))
        parts += arrangement_text(
            state.arrangement, lang, view.column_name if view is not None else str
        )
    parts.append(origin_text(dataset, lang))
    return sep(ascii_mode).join(parts)


def eurostat_scope(dataset: Dataset, state: ViewState) -> bool:
    """True when Eurostat's scope (the enterprises its figures cover) belongs under the title:
    in a comparison of a Eurostat indicator, not of a file's geographies."""
    return state.compare is not None and is_eurostat_indicator(dataset, state.compare.indicator)


def figure_name(dataset: Dataset, view: TableView, row: int, lang: str) -> str:
    """The selected row as a person would name it: category (and group), or category and country."""
    if view.comparing and 0 <= row < len(view.rows):
        indicator = literal(dataset.labels.get("indicator", view.rows[row].indicator, lang))
        return f"{indicator}, {view.labels[row]}"
    return view.name(row)


def value_text(dataset: Dataset, figure: Figure, lang: str) -> str:
    """The value, or the missing symbol with its meaning."""
    if figure.missing:
        meaning = literal(dataset.labels.get("status", figure.status, lang))
        return f"{figure.status} ({meaning})"
    return cell_text(figure, lang)


def short_source(dataset: Dataset, source_id: str) -> str:
    source = dataset.sources[source_id]
    return literal(f"{source.publisher} {source.released}".strip())


def primary_source(dataset: Dataset, figure: Figure, lang: str) -> str:
    """The figure's own publisher (with the country's data provider) and release."""
    released = dataset.sources[figure.source_id].released
    return literal(f"{publisher_text(dataset, figure, lang)} {released}".strip())


def change_text(dataset: Dataset, figure: Figure, lang: str) -> str:
    """'+8 pp since 2017', '+12 NOK bn (+2.2%) since 2017', or why there is no change."""
    change = dataset.change(figure)
    previous = change.previous
    if change.difference is None or previous is None or previous.exact is None:
        return reason(change.reason, lang)
    difference = format_difference(change.difference, previous.exact, figure.unit, lang)
    return f"{difference} {say('since', lang)} {previous.period}"


def source_line(
    dataset: Dataset, view: TableView, state: ViewState, ascii_mode: bool = False
) -> str:
    """One or two lines under the chart: the selected figure, its source, base and change."""
    lang = state.lang
    # when comparing, the title names the category: the country is enough here
    name = view.name(state.row) if view.comparing else figure_name(dataset, view, state.row, lang)
    if not view.rows or state.year is None:
        return say("no_data", lang)
    figure = view.figure(state.row, state.year)
    head = f"{name}, {view.column_name(state.year)}: "
    if figure is None:
        return head + say("no_figure", lang)
    parts = [head + value_text(dataset, figure, lang)]
    parts.append(f"{say('source', lang)}: {primary_source(dataset, figure, lang)}")
    if figure.corroborating:
        parts[-1] += f" (+{len(figure.corroborating)} {say('corroborating', lang)})"
    revised = revision_text(dataset, figure, lang)  # before other sources: it is this figure's
    if revised:
        parts.append(revised)
    for source_id, other in figure.disagreeing:
        parts.append(
            f"{say('disagrees', lang)}: {literal(other)} ({short_source(dataset, source_id)})"
        )
    parts.append(literal(population_text(dataset, figure, lang)))
    if not figure.missing:
        parts.append(change_text(dataset, figure, lang))
    return sep(ascii_mode).join(parts)


def copy_text(dataset: Dataset, view: TableView, state: ViewState) -> str | None:
    """'label year: value (publisher, title, url)' for the clipboard, None without a figure."""
    figure = view.figure(state.row, state.year)
    if figure is None:
        return None
    lang = state.lang
    source = dataset.sources[figure.source_id]
    name = figure_name(dataset, view, state.row, lang)
    return (
        f"{name} {view.column_name(state.year)}: {value_text(dataset, figure, lang)} "
        f"({literal(publisher_text(dataset, figure, lang))}, {literal(source.title)}, "
        f"{literal(source.url)})"
    )
