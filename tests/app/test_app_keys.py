"""Every key on every screen really changes the selection, the table and the chart."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.app_pilot import (
    chart_of,
    make_app,
    press,
    row_label,
    screen_text,
    settle,
    table_of,
    theme_screen,
)
from tui.app.screens.help import HelpScreen
from tui.app.screens.jump import JumpScreen
from tui.app.screens.sources import SourcesScreen
from tui.core import Dataset
from tui.core.model import THEMES


@pytest.mark.parametrize("theme", THEMES)
async def test_year_keys_move_cursor_and_chart(theme: str) -> None:
    app = make_app(screen=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        assert screen.view is not None
        years = screen.view.years
        assert len(years) >= 3
        steps = [
            ("home", 0),
            ("right", 1),
            ("l", 2),
            ("h", 1),
            ("left", 0),
            ("end", len(years) - 1),
            ("circumflex_accent", 0),
            ("dollar_sign", len(years) - 1),
        ]
        for key, index in steps:
            await press(pilot, key)
            assert screen.state.year == years[index], key
            assert table_of(app).selected_year == years[index], key
            assert years[index] in table_of(app).visible_years(), key
            assert chart_of(app).data is not None
            assert chart_of(app).data.year == years[index], key
            assert str(years[index]) in screen.query_one("#title").render().plain  # type: ignore[attr-defined]


@pytest.mark.parametrize("theme", THEMES)
async def test_category_keys_move_cursor_and_chart(theme: str) -> None:
    app = make_app(screen=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "c")  # the line chart names the selected category
        screen = theme_screen(app)
        assert screen.view is not None
        for key, row in [("down", 1), ("j", 2), ("k", 1), ("up", 0), ("j", 1)]:
            await press(pilot, key)
            assert screen.state.row == row, key
            assert table_of(app).row == row, key
            data = chart_of(app).data
            assert data is not None and data.mode == "line"
            assert screen.view.name(row) in data.title, key
            assert row_label(app, row) == screen.view.labels[row]


async def test_keys_do_not_rebuild_the_table_and_redraws_coalesce() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        table, chart = table_of(app), chart_of(app)
        loads = table.loads
        await press(pilot, "left", "down", "right", "up")
        assert table.loads == loads
        renders = chart.renders
        for _ in range(8):  # a held-down key: many presses before the next frame
            screen.action_year(-1)
        await settle(pilot)
        assert chart.renders == renders + 1  # one frame, of the latest selection
        assert chart.data is not None and chart.data.year == screen.state.year


async def test_default_selection_is_first_category_latest_year(dataset: Dataset) -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        first = dataset.theme_indicators("ecommerce")[0]
        latest = [f.ref_year for f in dataset.series(first) if not f.missing][-1]
        assert (screen.state.row, screen.state.year) == (0, latest)


async def test_year_given_is_the_start(dataset: Dataset) -> None:
    app = make_app(screen="ecommerce", year=2012)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert theme_screen(app).state.year == 2012


async def test_path_to_web_sales_2012_with_arrows_and_digits() -> None:
    """From the first screen to 'E-commerce, 2012, Sales via own website 25 %' and its source."""
    app = make_app(screen="social_media")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "3", "down", "left", "left", "left")
        text = screen_text(app)
        assert "E-commerce · 2012" in text
        assert "Sales via own website, 2012: 25%" in text
        assert "Source: digi.no 2013" in text


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("1", "social_media"),
        ("2", "policy"),
        ("3", "ecommerce"),
        ("tab", "social_media"),
        ("shift+tab", "policy"),
    ],
)
async def test_screen_keys(key: str, expected: str) -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, key)
        screen = theme_screen(app)
        assert screen.state.theme == expected
        assert chart_of(app).data is not None
        assert (
            screen.query_one("#title")
            .render()
            .plain.startswith(  # type: ignore[attr-defined]
                app.dataset.labels.get("theme", expected, "en")
            )
        )


async def test_screens_keep_their_own_selection() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "down", "down", "1", "down", "3")
        assert theme_screen(app).state.row == 2
        await press(pilot, "1")
        assert theme_screen(app).state.row == 1


@pytest.mark.parametrize(
    ("theme", "cycle"),
    [
        ("social_media", ["size", "industry", "total"]),
        ("policy", ["size", "total"]),
        ("ecommerce", ["size", "industry", "total"]),
    ],
)
async def test_breakdown_key(theme: str, cycle: list[str]) -> None:
    app = make_app(screen=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        for breakdown in cycle:
            before = table_of(app).loads
            await press(pilot, "b")
            assert screen.state.breakdown == breakdown
            assert table_of(app).loads == before + 1
            assert screen.view is not None
            assert all(r.group == "total" for r in screen.view.rows) == (breakdown == "total")
            assert (screen.view.groups is None) == (breakdown == "total")
            assert chart_of(app).data is not None
        if theme == "policy":  # industry has no figures: skipped, and the screen says so
            assert any("Industry" in str(n.message) for n in app._notifications)


async def test_chart_key_switches_bars_and_line() -> None:
    app = make_app(screen="ecommerce", year=2012)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        data = chart_of(app).data
        assert data is not None and data.mode == "bars" and data.bars
        await press(pilot, "c")
        data = chart_of(app).data
        assert data is not None and data.mode == "line" and data.segments and not data.bars
        await press(pilot, "c")
        assert chart_of(app).data is not None and chart_of(app).data.mode == "bars"


async def test_language_key_switches_labels(dataset: Dataset) -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = dataset.theme_indicators("ecommerce")[0]
        assert row_label(app, 0) == dataset.labels.get("indicator", first, "en")
        await press(pilot, "L")
        assert theme_screen(app).state.lang == "nb"
        assert row_label(app, 0) == dataset.labels.get("indicator", first, "nb")
        assert "E-handel" in screen_text(app)
        data = chart_of(app).data
        assert data is not None and "Søyler" in data.title
        await press(pilot, "1")  # other screens follow the language
        assert theme_screen(app).state.lang == "nb"
        assert row_label(app, 0) == dataset.labels.get(
            "indicator", dataset.theme_indicators("social_media")[0], "nb"
        )
        await press(pilot, "L")
        assert row_label(app, 0) == dataset.labels.get(
            "indicator", dataset.theme_indicators("social_media")[0], "en"
        )


async def test_quit_and_escape() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "q")
    assert app.return_code == 0 and not app.is_running
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape")
    assert not app.is_running


async def test_mouse_click_selects_cell() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.click(table, offset=(2, 3))  # third row: EDI, on the category column
        await settle(pilot)
        screen = theme_screen(app)
        assert screen.state.row == 2
        assert table.row == 2 and table.selected_year == screen.state.year


@pytest.mark.parametrize("theme", THEMES)
async def test_every_other_key_on_every_screen(
    theme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dataset: Dataset
) -> None:
    """c, L, s, y, e, /, ?, g and b on each screen: each one visibly does its job."""
    monkeypatch.chdir(tmp_path)
    copied: list[str] = []
    app = make_app(screen=theme)
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        figure = screen.view.figure(screen.state.row, screen.state.year)
        assert figure is not None  # the start is a cell with a figure

        await press(pilot, "c")
        assert screen.state.chart == "line" and chart_of(app).data.mode == "line"  # type: ignore[union-attr]
        await press(pilot, "c")
        assert chart_of(app).data.mode == "bars"  # type: ignore[union-attr]

        english = row_label(app, 0)
        await press(pilot, "L")
        assert row_label(app, 0) != english and screen.state.lang == "nb"
        await press(pilot, "L")
        assert row_label(app, 0) == english

        await press(pilot, "s")
        assert isinstance(app.screen, SourcesScreen) and app.screen.figure == figure
        await press(pilot, "escape")

        await press(pilot, "y")
        source = dataset.sources[figure.source_id]
        assert len(copied) == 1 and copied[0].endswith(
            f"({source.publisher}, {source.title}, {source.url})"
        )

        await press(pilot, "e")
        assert [p.name for p in tmp_path.iterdir()] == [
            f"ikt-{theme.replace('_', '-')}-total-NO.csv"
        ]

        await press(pilot, "slash")
        assert isinstance(app.screen, JumpScreen)
        await press(pilot, "escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")

        await press(pilot, "g")  # the first category of every theme is an SSB figure
        assert screen.state.compare is None
        assert any("SSB figure" in str(n.message) for n in app._notifications)

        await press(pilot, "b")
        assert screen.state.breakdown == "size" and screen.view.groups is not None
        assert row_label(app, 0) == dataset.labels.get("group", screen.view.rows[0].group, "en")


async def test_keys_arriving_together_keep_their_order() -> None:
    """A burst of keys (paste, tmux send-keys, fast typing) acts in the order typed."""
    from textual import events

    app = make_app(screen="social_media")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("3", "down", "left", "left", "left", "2", "down", "down", "3"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settle(pilot)
        await pilot.pause(0.1)
        await settle(pilot)
        screen = theme_screen(app)
        assert (screen.state.theme, screen.state.row, screen.state.year) == ("ecommerce", 1, 2012)
        await press(pilot, "2")
        assert theme_screen(app).state.row == 2
