"""The explorer's plain command line, read without argparse, reads as argparse reads it.

tui/cli/explorer_line.py takes a line only when it can; every line it takes, generated from
flags, values and stray words, must give argparse's values for every option (argparse's `word`,
the command word typed, is None then) through the whole parser and through `parse_arguments`.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.cli.explorer_line import read_explorer_line
from tui.cli.parser import build_parser, parse_arguments
from tui.cli.resolve import CliError
from tui.cli.spec import EXPLORER

FLAGS = [flag for option in EXPLORER.options for flag in option.flags]
VALUES = ["ecommerce", "2012", "size", "en", "SE", "", "-5", "-", "--", "show", "x=y", " -1"]
STRAYS = ["list", "show", "-h", "--help", "--version", "--scr", "--", "ecommerce", "-x"]
WORD = st.one_of(
    st.sampled_from(FLAGS),
    st.builds(
        lambda flag, value: f"{flag}={value}", st.sampled_from(FLAGS), st.sampled_from(VALUES)
    ),
    st.sampled_from(VALUES),
    st.sampled_from(STRAYS),
    st.text(max_size=6),
)


def argparse_values(words: list[str], reader: Any) -> dict[str, object] | None:
    """argparse's reading of `words` without its `word` entry, or None when argparse refuses."""
    try:
        values = vars(reader(words))
    except (CliError, SystemExit):
        return None
    assert values.pop("word", None) is None
    return values


@settings(max_examples=400, deadline=None)
@given(st.lists(WORD, max_size=7))
def test_every_line_read_without_argparse_reads_as_argparse_reads_it(words: list[str]) -> None:
    quick = read_explorer_line(words)
    if quick is None:
        return
    expected = vars(quick)
    assert argparse_values(words, build_parser().parse_args) == expected
    assert argparse_values(words, parse_arguments) == expected


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["--screen", "ecommerce", "--year", "2012", "--by", "size"],
        ["--lang=en", "--geo", "SE", "--ascii"],
        ["--screen=policy", "--screen", "social-media"],
    ],
)
def test_the_explorers_usual_lines_are_read_without_argparse(words: list[str]) -> None:
    quick = read_explorer_line(words)
    assert quick is not None and quick.command is EXPLORER
    assert vars(quick) == argparse_values(words, build_parser().parse_args)


@pytest.mark.parametrize(
    "words",
    [["show"], ["--help"], ["--version"], ["--year", "-5"], ["--ascii=yes"], ["--year"], ["x"]],
)
def test_anything_else_is_left_to_argparse(words: list[str]) -> None:
    assert read_explorer_line(words) is None


def test_opening_the_explorer_does_not_import_argparse() -> None:
    script = (
        "import sys\n"
        "import tui.cli.commands.explore as explore\n"
        "explore.launch = lambda dataset, **options: print('argparse' in sys.modules) or 0\n"
        "explore.require_terminal = lambda instead: None\n"
        "from tui.cli.main import main\n"
        "main(['--screen', 'ecommerce', '--lang', 'en'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"
