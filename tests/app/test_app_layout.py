"""Layout by terminal size, ASCII mode, and what the first frame does not import."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.helpers.app_pilot import (
    chart_of,
    make_app,
    press,
    screen_text,
    settle,
    table_of,
    theme_screen,
)
from tui.app.screens.theme import ThemeScreen


async def test_80x24_shows_title_table_chart_and_source() -> None:
    app = make_app(screen="ecommerce", year=2012)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        title, source = screen.query_one("#title"), screen.query_one("#source")
        table, chart = table_of(app), chart_of(app)
        for widget in (title, table, chart, source):
            assert widget.display and widget.region.height > 0, widget
        assert title.region.y < table.region.y < chart.region.y < source.region.y
        assert chart.region.height >= 6 and table.region.height >= 6
        assert table.region.width == chart.region.width == 80
        text = screen_text(app)
        assert "E-commerce · 2012 · Total · Norway · embedded snapshot" in text
        assert "Bars 2012" in text and "Source: SSB" in text


async def test_140_columns_side_by_side() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        table, chart = table_of(app), chart_of(app)
        assert theme_screen(app).has_class("-wide")
        assert chart.region.x >= table.region.right
        assert chart.region.y == table.region.y
        assert chart.region.width >= 60 and table.region.width >= 60
        # the cursor's year stays in view when the table is only half the width
        assert table.selected_year in table.visible_years()
        assert str(theme_screen(app).state.year) in screen_text(app).splitlines()[1]


async def test_under_60_columns_the_chart_gives_way() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot)
        chart = chart_of(app)
        assert not chart.display
        assert chart.region.width == 0 or chart.region.height == 0
        assert table_of(app).region.width == 50
        await press(pilot, "left", "down", "c")  # the state still follows, the chart too
        screen = theme_screen(app)
        assert chart.data is not None and chart.data.year == screen.state.year
        # c has nothing to show here: not offered, and pressed all the same it says why
        assert chart.data.mode == "bars" and screen.state.chart == "bars"
        assert any("too small for the chart" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("size", [(20, 8), (30, 10), (60, 12), (100, 9), (140, 14)])
async def test_tiny_and_odd_sizes_do_not_crash(size: tuple[int, int]) -> None:
    app = make_app(screen="social_media")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key in (
            "right",
            "left",
            "down",
            "c",
            "end",
            "b",
            "3",
            "down",
            "g",
            "2",
            "s",
            "escape",
            "question_mark",
            "escape",
            "L",
        ):
            await press(pilot, key)
        assert app.is_running
        assert screen_text(app).strip()


async def test_resize_keeps_working() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(150, 40)
        await settle(pilot)
        assert theme_screen(app).has_class("-wide")
        await pilot.resize_terminal(40, 12)
        await press(pilot, "down")
        assert not chart_of(app).display and theme_screen(app).state.row == 1
        await press(pilot, "1")  # resized while another screen is shown
        await pilot.resize_terminal(150, 40)
        await press(pilot, "3")
        assert theme_screen(app).has_class("-wide") and chart_of(app).display
        assert chart_of(app).region.x >= table_of(app).region.right
        assert table_of(app).label_column > 12


async def test_ascii_mode_draws_no_box_or_block_characters() -> None:
    app = make_app(screen="ecommerce", year=2012, ascii_mode=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bars = screen_text(app)
        await press(pilot, "c")
        line = screen_text(app)
        await press(pilot, "s")
        details = screen_text(app)
    for text in (bars, line, details):
        drawing = {ch for ch in text if 0x2500 <= ord(ch) <= 0x28FF or ch in "…·←→↑↓"}
        assert not drawing, sorted(drawing)
    assert bars.isascii() and line.isascii()  # (the notes in the details are Norwegian text)
    assert "#" in bars and "*" in line and "|" in line
    assert "E-commerce | 2012 | Total" in bars


async def test_no_color_keeps_selection_visible_without_colour(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(screen="ecommerce", year=2012)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "down")
        assert app.no_color
        text = screen_text(app)
    # the selection is named in words and marked in the chart, not only coloured
    assert "Sales via own website, 2012: 25%" in text
    assert ">Sales via own website" in text


def test_first_frame_imports_no_plotext_or_pandas() -> None:
    code = textwrap.dedent("""
        import sys
        from tui.app.run import run_app
        from tui.app.app import IktApp
        from tui.app.screens.theme import ThemeScreen
        from tui.core import load_dataset
        load_dataset()
        heavy = [m for m in ("plotext", "textual_plotext", "pandas", "tui.app.widgets.chart")
                 if m in sys.modules]
        print(",".join(heavy))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


async def test_first_frame_has_a_placeholder_and_the_chart_comes_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[bool] = []

    async def hold(self: ThemeScreen) -> None:  # keep the chart away to see the first frame
        calls.append(self.is_mounted)

    monkeypatch.setattr(ThemeScreen, "_mount_chart", hold)
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = theme_screen(app)
        assert calls == [True]
        assert screen.chart is None and screen.query_one("#chart").has_class("placeholder")
        assert "chart …" in screen_text(app)
        await pilot.press("left")  # keys work without the chart
        assert screen.state.year is not None and table_of(app).selected_year == screen.state.year
