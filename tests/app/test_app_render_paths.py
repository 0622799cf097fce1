"""The explorer's direct drawing gives exactly what the general Rich, Textual and plotext code does.

Bars, plotext's cells and the chart's strips are drawn directly for speed, and the table keeps
its drawn lines; each test draws the same thing both ways, in several sizes, themes and modes,
and compares the result.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from rich.text import Text
from textual.visual import Visual, visualize

from tests.helpers.app_pilot import (
    chart_of,
    make_app,
    press,
    screen_segments,
    settle,
    table_of,
    theme_screen,
)
from tui.app.fastpaths.plotext_cells import matrix_text, size_plot
from tui.app.fastpaths.versions import FAST
from tui.app.present.chart_data import Bar, ChartData
from tui.app.widgets.chart import ASCII, FigureChart

KEYS = ("left", "right", "up", "down", "c", "home", "end")


def spans(text: Text) -> list[tuple[int, int, str]]:
    return [(span.start, span.end, str(span.style)) for span in text.spans]


async def test_table_lines_from_the_cache_equal_lines_drawn_afresh() -> None:
    """The table keeps drawn lines and repaints only the lines a key changes: the screen is the
    same as when every line is drawn again from nothing."""
    for theme, size, by, ascii_mode in (
        ("ecommerce", (80, 24), "total", False),
        ("ecommerce", (80, 24), "size", False),
        ("policy", (140, 36), "size", True),
    ):
        app = make_app(screen=theme, by=by, ascii_mode=ascii_mode)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            table = table_of(app)
            rnd = random.Random(2)
            for _ in range(24):
                await press(pilot, rnd.choice((*KEYS[:4], "home", "end")))
                shown = screen_segments(app)
                cached = [list(table.render_line(y)) for y in range(table.size.height)]
                table._strips.clear()
                fresh = [list(table.render_line(y)) for y in range(table.size.height)]
                assert cached == fresh
                table.refresh()
                await pilot.pause()
                assert screen_segments(app) == shown


async def test_bars_match_plotext() -> None:
    for ascii_mode, app_theme in ((False, None), (True, None), (False, "textual-light")):
        app = make_app(screen="ecommerce", ascii_mode=ascii_mode)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            if app_theme:
                app.theme = app_theme
                await pilot.pause()
            chart = chart_of(app)
            rnd = random.Random(3)
            for case in range(60):
                count = rnd.randint(1, 10)
                values = [
                    rnd.choice([0.0, 1e-9, rnd.uniform(0, 100), 12.5, 37.5, rnd.uniform(0, 1e6)])
                    for _ in range(count)
                ]
                bars = tuple(
                    Bar(f"Name {'x' * rnd.randint(0, 30)}{i}", v, f"{v:.1f} %", i == 0, i == 1)
                    for i, v in enumerate(values)
                )
                chart.data = ChartData("bars", "t", 2015, "%", bars=bars, selected_bar=0)
                width, room = rnd.randint(20, 120), rnd.randint(1, 12)
                # the bars themselves, one line each (the axis beneath is the chart's own)
                mine = chart._bars_text(room, width, thick=False, axis=False)
                assert mine is not None, case
                chart.plt.clear_figure()
                want = chart._plotext_ansi(width, chart._bars(room, width, axis=False))
                assert (mine.plain, spans(mine)) == (want.plain, spans(want)), case


async def test_plotext_cells_and_chart_strips_match_the_general_path() -> None:
    for theme, size, ascii_mode in (("policy", (200, 60), False), ("ecommerce", (80, 24), True)):
        app = make_app(screen=theme, ascii_mode=ascii_mode)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            rnd = random.Random(4)
            for _ in range(10):
                await press(pilot, rnd.choice(KEYS))
                chart = theme_screen(app).chart
                assert chart is not None
                width, height = chart.size
                strips = chart.direct_strips()
                assert strips is not None
                visual = visualize(chart, chart.render(), markup=False)
                want = Visual.to_strips(chart, visual, width, height, chart.visual_style)
                assert [list(strip) for strip in strips] == [list(strip) for strip in want]
                if chart.data is not None and chart.data.mode == "line":
                    chart.plt.clear_figure()
                    lines = chart._lines(height - 3, width)
                    if lines:
                        mine = _matrix(chart, width, lines)
                        ansi = chart._plotext_ansi(width, lines)
                        assert (mine.plain, spans(mine)) == (ansi.plain, spans(ansi))


def _matrix(chart: FigureChart, width: int, lines: int) -> Text:
    plt: Any = chart.plt
    size_plot(plt, width, lines)
    plt.theme(chart.plotext_theme())
    drawn = matrix_text(plt, ASCII if chart.ascii_mode else None)
    assert drawn is not None
    return drawn


async def _screens(fast: bool, theme: str, size: tuple[int, int], keys: str) -> list[list[Any]]:
    """The whole screen as styled segments after each key, with every fast path on or off."""
    shown = []
    with pytest.MonkeyPatch.context() as patch:
        for package in FAST:
            patch.setitem(FAST, package, fast)
        app = make_app(screen=theme)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            for key in keys.split():
                await press(pilot, key)
                shown.append(screen_segments(app))
    return shown


@pytest.mark.parametrize(
    ("theme", "size", "keys"),
    [
        ("ecommerce", (80, 24), "right down c left down b"),
        ("policy", (150, 40), "down c down left b g"),
    ],
)
async def test_fast_paths_and_public_paths_show_the_same(
    theme: str, size: tuple[int, int], keys: str
) -> None:
    fast = await _screens(True, theme, size, keys)
    public = await _screens(False, theme, size, keys)
    assert len(fast) == len(keys.split())
    assert fast == public
