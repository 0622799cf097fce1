"""A key that can do nothing here is not offered; pressed all the same, it says why and does nothing."""

from __future__ import annotations

from tests.app.test_app_literal import hostile_dataset
from tests.helpers.app_pilot import make_app, press, settle, theme_screen
from tui.app.app import IktApp
from tui.app.present.table import compare_refusal
from tui.app.screens.help import HelpScreen
from tui.app.widgets.keyline import KeyLine


def key_line(app: IktApp) -> list[str]:
    """The keys on the key line, as pressed."""
    return [
        key for key, _shown, _description, _enabled in theme_screen(app).query_one(KeyLine).keys
    ]


def messages(app: IktApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_chart_key_is_offered_only_where_the_chart_shows() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "c" in key_line(app)
        await pilot.resize_terminal(59, 24)
        await settle(pilot)
        assert "c" not in key_line(app)
        await press(pilot, "c")
        assert theme_screen(app).state.chart == "bars"
        assert messages(app) == ["too small for the chart"]
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen) and "Bars/line" not in app.screen.text()
        await press(pilot, "escape")
        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        assert "c" in key_line(app)
        await press(pilot, "c")
        assert theme_screen(app).state.chart == "line"
        await pilot.resize_terminal(80, 15)  # too low for the chart: gone again
        await settle(pilot)
        assert "c" not in key_line(app)


async def test_compare_key_follows_the_selected_row() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        rows = screen.view.rows
        comparable = [compare_refusal(app.dataset, row, "en") is None for row in rows]
        assert True in comparable and False in comparable
        for index, can in enumerate(comparable):
            assert screen.state.row == index
            assert ("g" in key_line(app)) == can, rows[index]
            await press(pilot, "down")
        first = comparable.index(True)
        await press(pilot, "home", *["up"] * len(rows))
        await press(pilot, "g")  # an SSB figure: nothing happens, the message says why
        assert not screen.state.comparing
        assert messages(app)[-1].endswith("countries can be compared only on Eurostat figures")
        await press(pilot, *["down"] * first, "g")
        assert screen.state.comparing
        assert "g" in key_line(app) and "b" not in key_line(app)  # g leaves, b cannot work
        await press(pilot, "b")
        assert screen.state.comparing and screen.state.breakdown == "total"
        assert messages(app)[-1] == "Leave the comparison with g first"
        await press(pilot, "g")
        assert not screen.state.comparing and "b" in key_line(app)


async def test_digit_keys_of_absent_screens_are_not_offered() -> None:
    app = make_app(hostile_dataset(), screen="social_media")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text()
        assert "[b]Theme[/b]" in text  # the one screen there is, named as its data names it
        assert "Policy" not in text and "E-commerce" not in text
        await press(pilot, "escape", "2")
        assert theme_screen(app).state.theme == "social_media"
        assert messages(app) == ["No figures for policy"]  # the data has no name for it
