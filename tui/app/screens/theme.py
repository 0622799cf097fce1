"""One screen class for every theme: title, table, chart, source line and the keys that drive them."""

from __future__ import annotations

from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.timer import Timer

from tui.app.keys import THEME_KEYS
from tui.app.present.geos import choose_geo, geo_names
from tui.app.present.table import (
    TableView,
    available_breakdowns,
    build_table,
    compare_refusal,
    initial_row_year,
    jump_target,
)
from tui.app.present.text import copy_text, eurostat_scope, source_line, title_text
from tui.app.screens.host import Host
from tui.app.screens.reading import ReadingScreen
from tui.app.state import (
    ViewState,
    fit_year,
    next_breakdown,
    other_chart,
    skipped_breakdowns,
    step_index,
    step_year,
)
from tui.app.widgets.keyline import KeyLine
from tui.app.widgets.table import FigureTable
from tui.app.widgets.text_line import TextLine
from tui.app.widgets.waiting import ChartWaiting
from tui.core.text import literal
from tui.core.words import say

if TYPE_CHECKING:
    from tui.app.widgets.chart import FigureChart

CHART_QUIET = 0.05
"""Seconds between two costly chart redraws at least (a held-down key redraws one this often);
every other chart is redrawn in the same frame as the table."""
CHART_COSTLY = 0.008
"""Seconds of drawing from which a chart is costly: only a large plotext line chart takes that
long (bars, and countries in rows, take about 1 ms)."""
FIRST_FRAME_GRACE = 0.04
"""Seconds between the first frame and the chart's import in a terminal: Textual's writer thread
needs the interpreter to write the frame out, and the import would hold it for ~60 ms."""


class ThemeScreen(ReadingScreen):
    """Figures of one theme; the three themes are three instances of this class."""

    # Textual declares these two as plain attributes (a ClassVar here would not type-check)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-normal"), (140, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-low"), (32, "-tall")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = THEME_KEYS

    def __init__(self, theme: str, app: Host) -> None:
        super().__init__(name=theme, classes=f"theme-{theme}")
        self.ikt = app
        # Styles are applied once, at mount, and the first frame is drawn right after: every
        # class is set before then (QuickStartScreen).
        self.set_class(app.ascii_mode, "-ascii", update=False)
        self.style_before_mount()
        self._first_frame = False
        available = available_breakdowns(app.dataset, theme, app.geo)
        self.state = ViewState(
            theme=theme,
            lang=app.lang,
            geo=app.geo,
            breakdown=app.breakdown if app.breakdown in available else "total",
        )
        self.view: TableView = build_table(app.dataset, self.state)
        self.state.year = initial_row_year(self.view, app.start_year)
        self._chart_timer: Timer | None = None
        self._showing = False  # the selection waits to be shown, right after the current key
        self._chart_drawn_at = -CHART_QUIET
        self._started = False

    # --- layout
    def compose(self) -> ComposeResult:
        texts = self._texts()
        yield TextLine(texts["title"], id="title")
        with Container(id="body"):
            yield FigureTable(id="table", ascii_mode=self.ikt.ascii_mode)
            yield ChartWaiting(
                say("chart_waiting", self.state.lang), id="chart", classes="placeholder"
            )
        yield TextLine(texts["source"], id="source", steady=True)
        yield KeyLine(self.ikt.describe_key, id="keys")

    def on_mount(self) -> None:
        self._started = True
        self.reload(self.view)
        self._show()  # the first frame does not wait
        self.call_after_refresh(self._first_frame_drawn)

    def starting_app(self) -> bool:
        return not self.ikt.started

    def _first_frame_drawn(self) -> None:
        if self.in_start_batch():  # not drawn yet (QuickStartScreen)
            self.app.call_later(self.call_after_refresh, self._first_frame_drawn)
            return
        self._first_frame = True
        self.ikt.first_frame_drawn()
        # plotext costs ~60 ms to import: let the first frame reach the terminal before that
        if self.app.is_headless:  # nothing to write out
            self.call_later(self._mount_chart)
        else:
            self.set_timer(FIRST_FRAME_GRACE, self._mount_chart)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Back on this screen: follow a language switched elsewhere."""
        if not self._first_frame:
            self.keep_start_styles(event)
        if self.state.lang != self.ikt.lang:
            self.state.lang = self.ikt.lang
            self.reload()

    async def _mount_chart(self) -> None:
        """Import plotext and mount the chart only after the first frame is on screen."""
        from tui.app.widgets.chart import FigureChart

        if self._quitting():
            return
        placeholder = self.query_one("#chart")
        chart = FigureChart(ascii_mode=self.ikt.ascii_mode, lang=self.state.lang, id="chart")
        await placeholder.remove()
        if self._quitting():
            return
        await self.query_one("#body").mount(chart)
        self._draw_chart()

    def _quitting(self) -> bool:
        """True once the app is closing (`q` right after the first frame): mount nothing more."""
        return self.app.return_code is not None or not self.is_attached

    @property
    def chart(self) -> FigureChart | None:
        """The chart widget once mounted, else None."""
        found = self.query("#chart")
        if not found or found.first().has_class("placeholder"):
            return None
        return cast("FigureChart", found.first())

    @property
    def chart_settled(self) -> bool:
        """True when the chart is mounted and no redraw is waiting."""
        return self.chart is not None and self._chart_timer is None and not self._showing

    # --- redrawing
    def reload(self, view: TableView | None = None) -> None:
        """New table (theme, breakdown, language or comparison changed); keeps the selection."""
        state = self.state
        self.view = view = view or build_table(self.ikt.dataset, state)
        state.row = step_index(state.row, 0, len(view.rows))
        state.year = fit_year(view.years, state.year)
        if not self._started:
            return  # keys pressed before the first frame: on_mount shows the result
        self.set_class(state.comparing, "-comparing")
        scoped = eurostat_scope(self.ikt.dataset, state)
        self.set_class(scoped, "-eurostat-scope")
        if scoped and state.comparing and not self.query("#scope"):  # made when first needed
            self.mount(TextLine(say("scope", state.lang), id="scope"), after="#title")
        self.load_table(view)
        self.select()

    def select(self) -> None:
        """Show the current selection once the actions at hand are done (one key, or several in
        one handler): chart, table, title and source line together, so one frame has them all."""
        if not self._started or self._showing:
            return
        self._showing = True
        self.call_next(self._show)

    def _show(self) -> None:
        if not self._showing:
            return  # shown already (the first frame does not wait)
        self._showing = False
        self._schedule_chart()  # first: its redraw is asked for before the table's
        self.query_one(FigureTable).select(self.state.row, self.state.year)
        for ident, text in self._texts().items():
            for line in self.query(f"#{ident}").results(TextLine):  # no scope line until needed
                line.show(text)
        self.refresh_bindings()  # the keys offered follow the selection (OfferingScreen)

    def _texts(self) -> dict[str, str]:
        """The title, scope and source line of the current selection, by widget id."""
        app, state = self.ikt, self.state
        return {
            "title": title_text(app.dataset, state, app.ascii_mode, self.view),
            "scope": say("scope", state.lang),
            "source": source_line(app.dataset, self.view, state, app.ascii_mode),
        }

    def _schedule_chart(self) -> None:
        """Redraw the chart with the table; a costly one once CHART_QUIET has passed since the last.

        The data is handed over here, beside the table's: the chart renders once in the next
        frame however often it gets data before then (handed over after this handler, the frame
        would go out without it). A costly chart waits for its timer, which reads the selection.
        """
        chart = self.chart
        if chart is None or self._chart_timer is not None:
            return
        wait = self._chart_drawn_at + CHART_QUIET - monotonic()
        if wait > 0 and chart.render_seconds >= CHART_COSTLY:
            self._chart_timer = self.set_timer(wait, self._draw_chart)
        else:
            self._draw_chart()

    def _draw_chart(self) -> None:
        self._chart_timer = None
        chart = self.chart
        if chart is None:
            return
        self._chart_drawn_at = monotonic()
        from tui.app.present.chart_data import chart_data

        chart.show(chart_data(self.ikt.dataset, self.view, self.state), self.state.lang)

    def on_figure_table_clicked(self, event: FigureTable.Clicked) -> None:
        """Follow the mouse: a click on a row (and a year) selects it."""
        self.state.row = event.row
        if event.year is not None:
            self.state.year = event.year
        self.select()

    # --- actions
    def action_year(self, step: int) -> None:
        self.state.year = step_year(self.view.years, self.state.year, step)
        self.select()

    def action_year_edge(self, last: int) -> None:
        if self.view.years:
            self.state.year = self.view.years[-1 if last else 0]
            self.select()

    def action_category(self, step: int) -> None:
        self.state.row = step_index(self.state.row, step, len(self.view.rows))
        self.select()

    def action_theme(self, index: int) -> None:
        self.ikt.show_theme_at(index)

    def action_theme_step(self, step: int) -> None:
        self.ikt.step_theme(self.state.theme, step)

    def action_breakdown(self) -> None:
        dataset, state = self.ikt.dataset, self.state
        if state.comparing:
            self.notify(say("compare_leave_first", state.lang), markup=False)
            return
        available = available_breakdowns(dataset, state.theme, state.geo)
        target = next_breakdown(state.breakdown, available)
        skipped = skipped_breakdowns(state.breakdown, target)
        if skipped:
            theme = literal(dataset.labels.get("theme", state.theme, state.lang))
            names = ", ".join(
                literal(dataset.labels.get("breakdown", b, state.lang)) for b in skipped
            )
            self.notify(
                f"{names}: {theme} {say('breakdown_none', state.lang)} "
                f"{literal(dataset.labels.get('geo', state.geo, state.lang))}",
                markup=False,
            )
        if target == state.breakdown:
            return
        indicator = self.view.rows[state.row].indicator if self.view.rows else None
        state.breakdown = target
        view = build_table(dataset, state)
        rows = [r.indicator for r in view.rows]
        state.row = rows.index(indicator) if indicator in rows else 0
        self.reload(view)

    def action_chart(self) -> None:
        self.state.chart = other_chart(self.state.chart)
        self._schedule_chart()

    def action_compare(self) -> None:
        state, view = self.state, self.view
        if not view.rows:
            return
        if state.compare is not None:
            self._leave_compare()
            return
        row = view.rows[state.row]
        refusal = compare_refusal(self.ikt.dataset, row, state.lang)
        if refusal is not None:
            self.notify(refusal, markup=False, severity="warning")
            return
        state.compare, state.return_row = row, state.row
        view = build_table(self.ikt.dataset, state)
        geos = [r.geo for r in view.rows]
        state.row = geos.index(state.geo) if state.geo in geos else 0
        self.reload(view)

    def _leave_compare(self) -> None:
        self.state.compare = None
        self.state.row = self.state.return_row
        self.reload()

    def action_geo(self) -> None:
        from tui.app.screens.geo import GeoScreen

        codes = self.geo_codes()
        names = geo_names(self.ikt.dataset, codes, self.state.lang)
        chooser = GeoScreen(codes, names, self.state.geo, self.state.lang, self.ikt.ascii_mode)
        self.app.push_screen(chooser, self._show_geo)

    def _show_geo(self, geo: str | None) -> None:
        if geo is None or (geo == self.state.geo and not self.state.comparing):
            return
        choose_geo(self.ikt.dataset, self.state, self.view, geo)
        self.reload()

    def action_sources(self) -> None:
        from tui.app.screens.sources import SourcesScreen

        figure = self.view.figure(self.state.row, self.state.year)
        if figure is None:
            self.notify(say("nothing_selected", self.state.lang), markup=False)
            return
        self.app.push_screen(
            SourcesScreen(self.ikt.dataset, self.view, self.state, figure, self.ikt.ascii_mode)
        )

    def action_jump(self) -> None:
        from tui.app.screens.jump import JumpScreen

        self.app.push_screen(JumpScreen(self.state.lang, self.ikt.ascii_mode), self._jump_to)

    def _jump_to(self, query: str | None) -> None:
        if not query:
            return
        target = jump_target(query, self.view, self.state.row)
        lang = self.state.lang
        if target is None:
            self.notify(
                f"{say('no_match', lang)} {literal(query)!r}", markup=False, severity="warning"
            )
        elif target[0] == "no-year":
            self.notify(f"{say('year_absent', lang)} {target[1]}", markup=False, severity="warning")
        elif target[0] == "year":
            self.state.year = target[1]
            self.select()
        else:
            self.state.row = target[1]
            self.select()

    def action_export(self) -> None:
        from tui.core.export import export_stem, write_slice_csv

        state, view = self.state, self.view
        if state.compare is not None:
            compared = state.compare.indicator
            if state.compare.group != "total":
                compared += f"-{state.compare.group}"
            stem = export_stem(state.theme, "compare", compared)
        else:
            stem = export_stem(state.theme, state.breakdown, state.geo)
        try:
            path = write_slice_csv(self.ikt.dataset, view.slice, Path.cwd(), stem, state.lang)
        except OSError as err:
            self.notify(literal(str(err)), markup=False, severity="error")
            return
        self.notify(f"{say('exported', state.lang)} {literal(str(path))}", markup=False)

    def action_copy(self) -> None:
        text = copy_text(self.ikt.dataset, self.view, self.state)
        if text is None:
            self.notify(say("nothing_selected", self.state.lang), markup=False)
            return
        self.app.copy_to_clipboard(text)
        self.notify(f"{say('copied', self.state.lang)}: {text}", markup=False)

    def action_language(self) -> None:
        self.ikt.toggle_lang()
        self.state.lang = self.ikt.lang
        self.reload()
        self.notify(say("language", self.state.lang), markup=False)

    def action_back(self) -> None:
        if self.state.comparing:
            self._leave_compare()
        else:
            self.app.exit()
