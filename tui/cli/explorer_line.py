"""The explorer's own options, read without argparse when typed in their two plain spellings.

Opening the explorer is the common case and every millisecond of its start-up shows: importing
argparse and building even the top-level parser costs ~10 ms. A line of the explorer's options
only, each as `--flag value` or `--flag=value` (a switch alone), is read here from the same data
(tui/cli/spec.py), into the values argparse gives it (tests/cli/test_explorer_line.py compares
the two on generated lines). Anything else (a command word, help, a value that starts with `-`,
a missing value, an unknown word) is left to argparse, which answers as always.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from tui.cli.spec import EXPLORER, Option

if TYPE_CHECKING:
    import argparse


def read_explorer_line(words: Sequence[str]) -> argparse.Namespace | None:
    """The explorer's options as argparse would read `words`, or None when that takes argparse."""
    options = {flag: option for option in EXPLORER.options for flag in option.flags}
    values: dict[str, object] = {
        _dest(option): (False if option.switch else option.default) for option in EXPLORER.options
    }
    at = 0
    while at < len(words):
        flag, equals, attached = words[at].partition("=")
        option = options.get(flag)
        if option is None:
            return None
        if option.switch:
            if equals:
                return None  # argparse refuses a value for a switch
            values[_dest(option)] = True
            at += 1
            continue
        if equals:
            value, at = attached, at + 1
        elif at + 1 < len(words):
            value, at = words[at + 1], at + 2
        else:
            return None  # a missing value: argparse says so
        if value.startswith("-"):
            return None  # argparse may take it for an option, or drop a "--"
        values[_dest(option)] = value
    # argparse's Namespace is a plain bag of attributes, like SimpleNamespace
    return cast("argparse.Namespace", SimpleNamespace(**values, command=EXPLORER))


def explorer_options_given(args: argparse.Namespace) -> list[str]:
    """Explorer options typed before a command: they would be silently ignored otherwise."""
    given = []
    for option in EXPLORER.options:
        value = getattr(args, _dest(option), None)
        if (value is not None and not option.switch) or (option.switch and value):
            given.append(option.flags[0])
    return given


def _dest(option: Option) -> str:
    """The attribute an option's value goes to, named as argparse names it."""
    return option.dest or option.flags[0].lstrip("-").replace("-", "_")
