"""How the `G` chooser names a theme's geographies, and what choosing one does to the selection."""

from __future__ import annotations

from tui.app.present.table import TableView, available_breakdowns, build_table
from tui.app.state import ViewState
from tui.core.dataset import Dataset
from tui.core.text import literal


def geo_names(dataset: Dataset, codes: list[str], lang: str) -> list[str]:
    """Each geography as the chooser lists it: its name and, when that differs, its code."""
    names = []
    for code in codes:
        name = literal(dataset.labels.get("geo", code, lang))
        names.append(name if name == literal(code) else f"{name} ({literal(code)})")
    return names


def choose_geo(dataset: Dataset, state: ViewState, view: TableView, geo: str) -> None:
    """Show `geo`: a comparison ends, the breakdown stays when the geography has it, and the
    cursor stays on the same indicator (and group) when the new table has it."""
    selected = view.rows[state.row] if view.rows and not view.comparing else None
    if state.compare is not None:
        selected = state.compare
    state.compare = None
    state.geo = geo
    available = available_breakdowns(dataset, state.theme, geo)
    if state.breakdown not in available and available:
        state.breakdown = available[0]
    state.return_row = 0
    state.row = 0
    if selected is not None:
        rows = [(r.indicator, r.group) for r in build_table(dataset, state).rows]
        wanted = (selected.indicator, selected.group)
        state.row = rows.index(wanted) if wanted in rows else 0
