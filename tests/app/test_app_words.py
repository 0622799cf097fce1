"""Bokmål everywhere when the language is bokmål, English everywhere in English: `L` switches all.

The walk visits every key of the key line, the help, both dialogs and every message a key can give,
in one language, and looks for any word of the other language the interface could have written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot

from tests.helpers.app_pilot import make_app, press, screen_text, settle, theme_screen
from tui.app.keys import ALL_KEYS, describe
from tui.app.present.table import compare_refusal
from tui.app.screens.help import HelpScreen
from tui.app.screens.notices import NoticeScreen
from tui.app.widgets.keyline import KeyLine
from tui.core.model import LANGS
from tui.core.words import REASONS, WORDS

OTHER = {"nb": "en", "en": "nb"}


def phrases(lang: str) -> set[str]:
    """The interface's words that exist only in `lang` (not written the same in the other)."""
    index = LANGS.index(lang)
    pairs = [*WORDS.values(), *REASONS.values()]
    own = {pair[index] for pair in pairs if pair[0] != pair[1]}
    other = {pair[1 - index] for pair in pairs}
    return {p for p in own if len(p) >= 4 and p not in other}


def foreign(text: str, lang: str) -> list[str]:
    """Words of the other language than `lang` found in `text`, whole words only."""
    return sorted(
        p for p in phrases(OTHER[lang]) if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)
    )


def test_every_key_is_described_in_both_languages() -> None:
    for binding in Binding.make_bindings(ALL_KEYS):
        nb, en = describe(binding, "nb"), describe(binding, "en")
        assert nb and en and nb != en, binding.id
        assert binding.description == en  # Textual's own fallback is the English word


async def walk(pilot: Pilot[Any], lang: str) -> list[str]:
    """Every screen and dialog of the walk, as the terminal shows them."""
    app = pilot.app
    texts: list[str] = []
    await settle(pilot)
    texts.append(screen_text(app))
    for keys in (["question_mark"], ["s"], ["slash"]):  # help, sources, jump
        await press(pilot, *keys)
        texts.append(screen_text(app))
        await press(pilot, "escape")
    await press(pilot, "g")  # an SSB figure: refused, and says why
    await press(pilot, "down", "s")  # no figure for this year
    await press(pilot, "up", "y", "e")  # copied, exported
    await press(pilot, "slash", *"zzz", "enter")  # no match
    await press(pilot, "slash", *"1999", "enter")  # no such year
    screen = theme_screen(app)
    comparable = next(
        index
        for index, row in enumerate(screen.view.rows)
        if compare_refusal(app.dataset, row, lang) is None  # type: ignore[attr-defined]
    )
    await press(pilot, "up", *["down"] * comparable, "g")  # a comparison: the countries
    assert screen.state.comparing
    texts.append(screen_text(app))
    await press(pilot, "b")  # refused while comparing
    await press(pilot, "escape", "2", "b", "b")  # policy: industry has no figures
    texts.append(screen_text(app))
    await pilot.resize_terminal(50, 20)
    await press(pilot, "c")  # the chart gave way: says so
    texts.append(screen_text(app))
    return texts


@pytest.mark.parametrize("lang", LANGS)
async def test_screens_dialogs_and_messages_speak_one_language(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    messages: list[str] = []
    raise_notice = NoticeScreen.notify

    def record(screen: NoticeScreen, message: str, **options: Any) -> None:
        messages.append(message)
        raise_notice(screen, message, **options)

    monkeypatch.setattr(NoticeScreen, "notify", record)
    app = make_app(screen="ecommerce", lang=lang)
    monkeypatch.setattr(app, "copy_to_clipboard", lambda text: None)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        texts = await walk(pilot, lang)
    assert len(set(messages)) == 9, messages
    for text in [*texts, *messages]:
        assert foreign(text, lang) == [], (foreign(text, lang), text)


@pytest.mark.parametrize("lang", LANGS)
async def test_language_key_switches_key_line_help_and_messages_live(lang: str) -> None:
    app = make_app(screen="ecommerce", lang=OTHER[lang])
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "L")
        screen = theme_screen(app)
        line = screen.query_one(KeyLine)
        described = [description for _key, _shown, description, _on in line.keys]
        assert described and all(
            description == describe(binding, lang)
            for binding in Binding.make_bindings(ALL_KEYS)
            for key, _shown, description, _on in line.keys
            if binding.key == key and binding.show
        )
        assert foreign(screen_text(app).splitlines()[-1], lang) == []
        assert (
            str(app._notifications.__iter__().__next__().message)
            == WORDS["language"][LANGS.index(lang)]
        )
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert foreign(app.screen.text(), lang) == []
        assert foreign(screen_text(app), lang) == []
