"""Which keys can do something on a theme screen right now: only those are offered.

Textual asks `check_action` before it runs a key's action and when it lists the keys (the key
line, the help): False hides the key and the key does nothing. When a hidden key is pressed all
the same, the screen says in one short line why it does nothing here.
"""

from __future__ import annotations

from textual import events, on
from textual.actions import parse
from textual.binding import Binding

from tui.app.keys import THEME_KEYS
from tui.app.present.table import TableView, compare_refusal
from tui.app.screens.host import Host
from tui.app.screens.notices import NoticeScreen
from tui.app.state import ViewState
from tui.core.model import Row
from tui.core.words import say

CHART_HIDDEN = ("-narrow", "-short")
"""The screen's size classes (ThemeScreen's breakpoints) under which app.tcss hides the chart."""

_KEY_ACTIONS: dict[str, list[str]] = {}
for _binding in Binding.make_bindings(THEME_KEYS):
    _KEY_ACTIONS.setdefault(_binding.key, []).append(_binding.action)


class OfferingScreen(NoticeScreen):
    """A theme screen's rules for its keys; the screen itself provides `ikt`, `state` and `view`."""

    ikt: Host
    state: ViewState
    view: TableView

    def __init__(self, name: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, classes=classes)
        self._comparable: dict[Row, bool] = {}
        """Rows known to be comparable across countries (or not): the key line asks on every move."""
        self._geos: list[str] | None = None

    def refusal(self, action: str, parameters: tuple[object, ...]) -> str | None:
        """Why `action` can do nothing here now, or None when it can."""
        state, view = self.state, self.view
        if action == "chart" and any(self.has_class(name) for name in CHART_HIDDEN):
            return say("chart_small", state.lang)
        if action == "breakdown" and state.comparing:
            return say("compare_leave_first", state.lang)
        if action == "compare" and not state.comparing:
            if not view.rows:
                return say("nothing_selected", state.lang)
            row = view.rows[min(state.row, len(view.rows) - 1)]
            refusal = compare_refusal(self.ikt.dataset, row, state.lang)
            self._comparable[row] = refusal is None
            return refusal
        if action == "geo" and len(self.geo_codes()) < 2:
            return say("geo_one", state.lang)
        if action == "theme" and parameters and isinstance(parameters[0], int):
            return self.ikt.missing_theme(parameters[0])
        return None

    def geo_codes(self) -> list[str]:
        """The geographies of this screen's theme, found once (`G` chooses among them)."""
        if self._geos is None:
            self._geos = self.ikt.dataset.theme_geos(self.state.theme)
        return self._geos

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide (False) a key that can do nothing here now; Textual then does not run it either."""
        if action == "compare" and not self.state.comparing and self.view.rows:
            row = self.view.rows[min(self.state.row, len(self.view.rows) - 1)]
            if row in self._comparable:  # asked on every move: answer without the words
                return self._comparable[row]
        return self.refusal(action, parameters) is None

    def on_key(self, event: events.Key) -> None:
        """A hidden key reaches the screen unhandled: say why it does nothing here."""
        for action in _KEY_ACTIONS.get(event.key, ()):
            _destination, name, parameters = parse(action)
            refusal = self.refusal(name, parameters)
            if refusal is not None:
                event.stop()
                self.notify(refusal, markup=False, severity="warning")
                return

    # Textual runs these beside the screen's own handlers of the same events (decorated handlers)
    @on(events.Resize)
    def _offer_for_size(self) -> None:
        """The chart may have given way or come back: list the keys again once the size is set."""
        self.call_next(self.refresh_bindings)

    @on(events.ScreenResume)
    def _offer_on_return(self) -> None:
        """The language may have changed on another screen, the size while away."""
        self.call_next(self.refresh_bindings)
