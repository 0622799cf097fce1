"""The keys that help read a theme's table: order (o), filter (f), label width (< >), headlines (n).

A theme screen inherits these; each key changes the state's `Arrangement` (or, for `n`, the
selection) and the screen shows the result as it shows any other selection.
"""

from __future__ import annotations

from tui.app.present.label_column import LABEL_STEP
from tui.app.present.order_filter import empty_text, row_index
from tui.app.present.table import TableView, build_table
from tui.app.present.text import sep
from tui.app.screens.offers import OfferingScreen
from tui.app.state import Arrangement
from tui.app.widgets.table import FigureTable
from tui.core.model import Figure, Row
from tui.core.text import literal
from tui.core.words import say

ARRANGING = ("order", "filter")
"""Actions that arrange the theme's rows: a comparison of countries is not arranged."""


class ReadingScreen(OfferingScreen):
    """A theme screen's reading keys; the screen provides `reload` and `select`."""

    _filter_anchor: Row | None = None
    """The row selected when the filter prompt opened: selected again once it shows again."""

    def reload(self, view: TableView | None = None) -> None:
        raise NotImplementedError

    def select(self) -> None:
        raise NotImplementedError

    def refusal(self, action: str, parameters: tuple[object, ...]) -> str | None:
        if action in ARRANGING and self.state.comparing:
            return say("compare_leave_first", self.state.lang)
        return super().refusal(action, parameters)

    def load_table(self, view: TableView) -> None:
        """Show `view` in the table, saying so when the filter leaves no row."""
        empty = empty_text(self.state.arrangement, self.state.lang)
        self.query_one(FigureTable).load(view, self.state.lang, empty)

    def _selected_row(self) -> Row | None:
        rows = self.view.rows
        return rows[self.state.row] if 0 <= self.state.row < len(rows) else None

    def rearrange(self, arrangement: Arrangement, *keep: Row | None) -> None:
        """Lay the rows out anew; the cursor stays on its row (or the first of `keep` shown)."""
        state = self.state
        current = self._selected_row()
        state.arrangement = arrangement
        view = build_table(self.ikt.dataset, state)
        state.row = row_index(view.rows, *keep, current)
        self.reload(view)

    # --- o
    def action_order(self) -> None:
        """Order by the selected year; again on that year, back to the table's own order."""
        state = self.state
        arrangement = state.arrangement
        year = None if arrangement.order_year == state.year else state.year
        self.rearrange(arrangement._replace(order_year=year))

    # --- f
    def action_filter(self) -> None:
        from tui.app.screens.filter import FilterScreen

        self._filter_anchor = self._selected_row()
        prompt = FilterScreen(
            self.state.lang, self.state.arrangement.filter, self._filter_typed, self.ikt.ascii_mode
        )
        self.app.push_screen(prompt, self._filter_done)

    def _filter_typed(self, text: str) -> None:
        if text != self.state.arrangement.filter:
            self.rearrange(self.state.arrangement._replace(filter=text), self._filter_anchor)

    def _filter_done(self, text: str | None) -> None:
        self._filter_typed(text or "")
        self._filter_anchor = None

    # --- < and >
    def action_labels(self, step: int) -> None:
        """Narrow (-1) or widen (1) the label column; at its bound, say so."""
        table = self.query_one(FigureTable)
        current = table.label_column
        wanted = table.label_width_for(current + step * LABEL_STEP)
        if (wanted - current) * step <= 0:
            word = "labels_narrowest" if step < 0 else "labels_widest"
            self.notify(say(word, self.state.lang), markup=False)
            return
        self.state.arrangement = self.state.arrangement._replace(label_cells=wanted)
        table.set_label_cells(wanted)

    # --- n
    def action_headlines(self) -> None:
        from tui.app.present.headline_list import screen_headlines
        from tui.app.screens.headlines import HeadlinesScreen

        dataset, state = self.ikt.dataset, self.state
        groups = screen_headlines(dataset, state)
        theme = literal(dataset.labels.get("theme", state.theme, state.lang))
        where = sep(self.ikt.ascii_mode).join(
            [
                theme,
                self.view.column_name(state.year),
                literal(dataset.labels.get("geo", state.geo, state.lang)),
            ]
        )
        if not groups:
            self.notify(f"{say('headlines_none', state.lang)} {where}", markup=False)
            return
        title = f"{say('headlines_title', state.lang)}{sep(self.ikt.ascii_mode)}{where}"
        dialog = HeadlinesScreen(dataset, title, groups, state.lang, self.ikt.ascii_mode)
        self.app.push_screen(dialog, self.show_figure)

    def show_figure(self, figure: Figure | None) -> None:
        """Select `figure` in its own table: its breakdown and country, out of any comparison,
        and without a filter that would hide its row."""
        if figure is None:
            return
        state = self.state
        wanted = Row(figure.indicator, figure.group, figure.geo)
        state.compare = None
        state.breakdown, state.geo = figure.breakdown, figure.geo
        view = build_table(self.ikt.dataset, state)
        if wanted not in view.rows and state.arrangement.filter:
            state.arrangement = state.arrangement._replace(filter="")
            view = build_table(self.ikt.dataset, state)
            self.notify(say("filter_cleared", state.lang), markup=False)
        state.row = row_index(view.rows, wanted)
        state.year = figure.ref_year
        self.reload(view)
