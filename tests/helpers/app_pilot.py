"""Driving the explorer headless in tests: build it, wait for the chart, read the screen."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.segment import Segment
from textual.pilot import Pilot

from tui.app.app import IktApp
from tui.app.screens.theme import ThemeScreen
from tui.app.widgets.chart import FigureChart
from tui.app.widgets.table import FigureTable
from tui.core import Dataset, load_dataset

_DATASET: Dataset | None = None


def embedded() -> Dataset:
    """The embedded dataset, loaded once for the whole run (tests never change it)."""
    global _DATASET
    if _DATASET is None:
        _DATASET = load_dataset()
    return _DATASET


def make_app(dataset: Dataset | None = None, **options: Any) -> IktApp:
    settings: dict[str, Any] = {
        "screen": "ecommerce",
        "year": None,
        "by": "total",
        "lang": "en",
        "ascii_mode": False,
        "geo": "NO",
    }
    settings.update(options)
    return IktApp(dataset or embedded(), **settings)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until the theme screen's chart is mounted and no redraw is pending."""
    await pilot.pause()
    for _ in range(200):
        screen = pilot.app.screen
        if not isinstance(screen, ThemeScreen) or screen.chart_settled:
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def press(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


def theme_screen(app: IktApp) -> ThemeScreen:
    screen = app.screen
    assert isinstance(screen, ThemeScreen), f"{screen!r} is not a theme screen"
    return screen


def table_of(app: IktApp) -> FigureTable:
    return theme_screen(app).query_one(FigureTable)


def chart_of(app: IktApp) -> FigureChart:
    chart = theme_screen(app).chart
    assert chart is not None, "the chart is not mounted"
    return chart


def _record(app: IktApp) -> Console:
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    screen = app.screen
    console.print(screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console


def screen_text(app: IktApp) -> str:
    """What the terminal shows, as plain text lines."""
    return _record(app).export_text(styles=False)


def screen_segments(app: IktApp) -> list[Segment]:
    """What the terminal shows, as styled segments."""
    return list(_record(app)._record_buffer)


def row_label(app: IktApp, row: int) -> str:
    """The whole label the table draws (cut to fit) for `row`: its category, or its group."""
    return table_of(app).label_of(row)
