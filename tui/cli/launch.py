"""Hands a checked question to the explorer: the command line's one import of the interface."""

from __future__ import annotations

import codecs
import sys

from tui.cli.resolve import CliError
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


def on_terminal() -> bool:
    """True when a person can both see the interface and type into it."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def require_terminal(instead: str) -> None:
    """Refuse, before Textual loads, to draw the interface into a pipe or a file.

    `instead` is the command that prints the same figures as text.
    """
    if not on_terminal():
        command = instead.split()[1]
        raise CliError(
            f"the explorer needs a terminal; for text use '{instead}' (see 'ikt {command} --help')"
        )


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
