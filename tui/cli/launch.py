"""Hands a checked question to the explorer: the command line's one import of the interface."""

from __future__ import annotations

import codecs
import sys

from tui.core.dataset import Dataset


def utf8(stream: object) -> bool:
    """True when both the stream and the locale speak UTF-8 (LC_ALL=C means an ASCII terminal)."""
    try:
        if codecs.lookup(getattr(stream, "encoding", None) or "ascii").name != "utf-8":
            return False
        import locale

        codeset = locale.nl_langinfo(locale.CODESET) if hasattr(locale, "nl_langinfo") else "utf-8"
        return codecs.lookup(codeset or "ascii").name == "utf-8"
    except LookupError:
        return False


def launch(
    dataset: Dataset,
    *,
    screen: str,
    year: int | None,
    by: str,
    lang: str,
    ascii_only: bool,
    geo: str,
) -> int:
    """Run the explorer until the person quits and return its exit status.

    Textual is loaded here, after every check of the command line has passed, and only here.
    """
    from tui.app.run import run_app

    return run_app(
        dataset,
        screen=screen,
        year=year,
        by=by,
        lang=lang,
        ascii_mode=ascii_only or not utf8(sys.stdout),
        geo=geo,
    )
