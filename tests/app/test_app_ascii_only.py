"""ASCII mode writes ASCII only: every screen, dialog and message, in both languages."""

from __future__ import annotations

import pytest

from tests.helpers.app_pilot import make_app, press, screen_text, settle
from tui.core.model import LANGS, THEMES
from tui.core.text import ASCII_ONLY


def odd_characters(text: str) -> list[str]:
    return sorted({c for c in text if not c.isascii()})


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
@pytest.mark.parametrize("lang", LANGS)
async def test_every_screen_and_dialog_is_ascii(lang: str, size: tuple[int, int]) -> None:
    app = make_app(screen="social_media", lang=lang, ascii_mode=True, year=2013)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        seen: list[str] = []
        for number, _theme in enumerate(THEMES, start=1):
            await press(pilot, str(number))
            for keys in ([], ["c"], ["b"], ["b"], ["question_mark"], ["escape", "s"], ["escape"]):
                await press(pilot, *keys)
                seen.append(screen_text(app))
            await press(pilot, "slash", *"ø")
            seen.append(screen_text(app))
            await press(pilot, "escape", "g")  # refused: an SSB figure, the toast says why
            await pilot.pause(0.2)
            seen.append(screen_text(app))
            await press(pilot, "b", "b")  # back to the total
        for text in seen:
            assert odd_characters(text) == [], text
    assert not ASCII_ONLY.get()  # the test's own context never was in ASCII mode


async def test_bokmal_letters_are_spelled_out() -> None:
    app = make_app(screen="ecommerce", lang="nb", ascii_mode=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "innebygd oyeblikksbilde" in text and "Soyler" in text
        assert "Utfort e-handel (salg eller kjop)" in text
        await press(pilot, "question_mark")
        assert "Forrige aar" in screen_text(app)


async def test_the_unicode_mode_keeps_its_letters() -> None:
    app = make_app(screen="ecommerce", lang="nb")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "innebygd øyeblikksbilde" in screen_text(app)
