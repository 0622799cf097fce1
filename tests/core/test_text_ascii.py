"""ASCII mode writes ASCII only: Norwegian letters as Norwegians write them without, marks as ASCII."""

from __future__ import annotations

import contextvars

import pytest

from tui.core.text import ASCII_ONLY, ascii_text, literal, shown
from tui.core.words import REASONS, WORDS, reason, say


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        ("innebygd øyeblikksbilde", "innebygd oyeblikksbilde"),
        ("Næring, Størrelse, år", "Naering, Storrelse, aar"),
        ("ÆØÅ æøå", "AeOAa aeoaa"),
        ("Ærlig Østfold Ålesund", "Aerlig Ostfold Aalesund"),
        ("café, Müller, naïve, Łódź, Straße", "cafe, Muller, naive, Lodz, Strasse"),
        ("diagram …", "diagram ..."),
        ("a \u00b7 b \u2013 c \u2014 d", "a | b - c - d"),
        ("\u2039 2011  2019 \u203a", "< 2011  2019 >"),
        ("\u201csitat\u201d \u00absitat\u00bb \u2018x\u2019", '"sitat" "sitat" \'x\''),
        ("±0 p.p.", "+/-0 p.p."),
        ("24,3\u00a0%", "24,3 %"),
        ("plain ASCII [red]x[/red]", "plain ASCII [red]x[/red]"),
    ],
)
def test_ascii_text(text: str, ascii: str) -> None:
    assert ascii_text(text) == ascii
    assert ascii_text(text).isascii()


def test_anything_unknown_still_comes_out_ascii() -> None:
    odd = "中文 ✓ 😀 ⅓ ﬁ"
    out = ascii_text(odd)
    assert out.isascii() and "fi" in out and "1/3" in out


def test_words_and_names_follow_the_context_only() -> None:
    assert say("embedded", "nb") == "innebygd øyeblikksbilde"
    assert literal("Næring\x1b") == "Næring\\x1b"

    def inside() -> tuple[str, str, str, str]:
        ASCII_ONLY.set(True)
        return (
            say("embedded", "nb"),
            literal("Næring\x1b"),
            shown("Søyler …"),
            reason("lower_bound", "nb"),
        )

    words = contextvars.copy_context().run(inside)
    assert words[:3] == ("innebygd oyeblikksbilde", "Naering\\x1b", "Soyler ...")
    assert all(word.isascii() for word in words)
    # the caller's context is untouched
    assert say("embedded", "nb") == "innebygd øyeblikksbilde" and shown("å") == "å"


def test_every_word_has_an_ascii_spelling() -> None:
    def every_word() -> list[str]:
        ASCII_ONLY.set(True)
        return [say(key, lang) for key in WORDS for lang in ("nb", "en")] + [
            reason(code, lang) for code in REASONS for lang in ("nb", "en")
        ]

    assert all(word.isascii() for word in contextvars.copy_context().run(every_word))
