"""A table on a terminal is a Rich table; piped it is plain text; NO_COLOR is honoured."""

from __future__ import annotations

import re

import pytest

from tests.helpers.cli import ANSI, Run, read_plain, read_rich
from tui.core.dataset import Dataset
from tui.core.numbers import format_value

COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;[0-9;]*)?m")


def test_terminal_gets_a_rich_table(tty: Run, dataset: Dataset) -> None:
    result = tty("show", "ecommerce", "--year", "2012")
    assert result.code == 0
    assert "\x1b[" in result.out  # styled
    assert "┏" in result.out and "┃" in result.out  # Rich box
    rows = read_rich(result.out)
    assert rows[0] == ["Indicator", "2012"]
    table = dataset.slice("ecommerce", years=(2012, 2012))
    shown = {r[0]: r[1] for r in rows[1:]}
    for row in table.rows:
        figure = table.get(row, 2012)
        if figure is not None:
            label = dataset.labels.get("indicator", row.indicator, "en")
            assert shown[label] == format_value(figure, "en")


def test_piped_table_has_no_escape_codes(run: Run, tty: Run) -> None:
    for argv, headings in (
        (["list"], False),
        (["list", "policy"], False),
        (["show", "policy"], False),
        (["get", "eu_e_secpol2"], False),
        (["show", "policy", "--geo", "NO,SE"], True),
    ):
        piped = run(*argv)
        assert piped.code == 0
        assert "\x1b" not in piped.out
        assert not any(ch in piped.out for ch in "┏┃│━")
        shown = read_rich(tty(*argv).out)[1:]
        assert (under_headings(shown) if headings else shown) == read_plain(piped.out)[1:]


def under_headings(rows: list[list[str]]) -> list[list[str]]:
    """A terminal table's indicator headings put back in front of each row beneath them."""
    flat: list[list[str]] = []
    heading = ""
    for row in rows:
        if not any(row[1:]):
            heading = row[0]
        else:
            flat.append([heading, *row])
    return flat


def test_no_color_keeps_the_table_without_colour(tty: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = tty("get", "ec_any")
    monkeypatch.setenv("NO_COLOR", "1")
    plain = tty("get", "ec_any")
    assert plain.code == 0
    assert "┃" in plain.out
    assert not COLOUR.search(plain.out)
    assert ANSI.sub("", plain.out) == ANSI.sub("", coloured.out)


def test_terminal_without_utf8_gets_ascii_lines(tty: Run) -> None:
    result = tty("get", "ec_any", encoding="ascii")
    assert result.code == 0
    assert not any(ch in result.out for ch in "┏┃│━")
    assert "|" in result.out


def test_csv_and_json_on_a_terminal_stay_data(tty: Run) -> None:
    result = tty("get", "ec_any", "--format", "csv")
    assert "\x1b" not in result.out
    assert result.out.startswith("theme,indicator,label,")
    result = tty("get", "ec_any", "--format", "json")
    assert "\x1b" not in result.out
    assert result.out.startswith("[")


def test_bokmal_from_lang(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    for locale, heading in (
        ("nb_NO.UTF-8", "År"),
        ("nn_NO.UTF-8", "År"),
        ("no_NO", "År"),
        ("en_GB.UTF-8", "Year"),
        ("C", "Year"),
        ("", "Year"),
    ):
        monkeypatch.setenv("LANG", locale)
        assert read_plain(run("get", "ec_any").out)[0][0] == heading, locale
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    assert read_plain(run("get", "ec_any", "--lang", "en").out)[0][0] == "Year"
