"""One word table: every word once, every reason code worded in both languages."""

from __future__ import annotations

from collections import Counter

import pytest

from tui.core import load_dataset
from tui.core.model import LANGS
from tui.core.words import REASONS, WORDS, default_lang, reason, say


def test_each_word_is_written_once() -> None:
    pairs = Counter(WORDS.values())
    assert [pair for pair, count in pairs.items() if count > 1] == []
    assert say("base", "nb") == "Populasjon" and say("base", "en") == "Base population"


def test_every_reason_the_core_gives_is_worded() -> None:
    dataset = load_dataset()
    codes = {dataset.change(f).reason for f in dataset.figures} - {""}
    assert codes <= set(REASONS), codes - set(REASONS)
    assert {"no_value", "no_earlier_figure", "different_series", "different_base"} <= codes
    for code in REASONS:
        nb, en = (reason(code, lang) for lang in LANGS)
        assert nb and en and nb != en and " " in en  # a sentence, not the code itself
    assert reason("different_base", "nb") == "ikke sammenlignbart: annen populasjon"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "nb_NO.UTF-8"}, "nb"),
        ({"LANG": "nn_NO.UTF-8"}, "nb"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "nb_NO.UTF-8", "LANG": "en_GB.UTF-8"}, "nb"),
        ({"LC_ALL": "C", "LANG": "nb_NO.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "no_NO", "LANG": "en_US"}, "nb"),
        ({}, "en"),
    ],
)
def test_default_language_follows_the_locale(environ: dict[str, str], lang: str) -> None:
    assert default_lang(environ) == lang
