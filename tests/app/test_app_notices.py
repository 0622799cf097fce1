"""Messages never cover the source line or the keys, and stay on the screen that raised them."""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast

from tests.helpers.app_pilot import make_app, press, screen_text, settle, theme_screen
from tui.app.app import IktApp


def toasts(app: IktApp) -> list[Toast]:
    return list(app.screen.query(Toast))


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40), (60, 15)])
async def test_a_message_leaves_the_source_line_and_keys_readable(size: tuple[int, int]) -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        top = theme_screen(app).query_one("#source").region.y
        source = screen_text(app).splitlines()[top:]
        await press(pilot, "g", "g", "g")  # three refusals stacked
        await pilot.pause(0.3)
        shown = toasts(app)
        assert len(shown) == 3
        screen = theme_screen(app)
        kept = [screen.query_one("#source").region, screen.query_one("#keys").region]
        for toast in shown:
            for region in kept:
                assert not toast.region.overlaps(region), (toast.region, region)
        assert screen_text(app).splitlines()[top:] == source


async def test_messages_stay_on_their_screen() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(pilot, "g")
        await pilot.pause(0.3)
        assert len(toasts(app)) == 1 and "SSB figure" in screen_text(app)
        await press(pilot, "1")  # another screen: the message stays behind
        await pilot.pause(0.3)
        assert toasts(app) == [] and "SSB figure" not in screen_text(app)
        assert list(app._notifications) == []
        await press(pilot, "3")  # back: the message is there again, for the time it has left
        await pilot.pause(0.3)
        assert len(toasts(app)) == 1 and "SSB figure" in screen_text(app)
        await press(pilot, "question_mark")  # a dialog over it: not over the dialog either
        await pilot.pause(0.3)
        assert toasts(app) == [] and "SSB figure" not in screen_text(app)
        await press(pilot, "escape")
        await pilot.pause(0.3)
        assert len(toasts(app)) == 1


async def test_an_expired_message_does_not_come_back() -> None:
    app = make_app(screen="ecommerce")
    app.NOTIFICATION_TIMEOUT = 0.3
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(pilot, "g", "1")
        await pilot.pause(0.5)
        await press(pilot, "3")
        await pilot.pause(0.3)
        assert toasts(app) == [] and theme_screen(app).notices == []
