"""Labels with markup, pipes or terminal escapes stay literal text in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli import (
    ANSI,
    Run,
    read_csv,
    read_json,
    read_markdown,
    read_plain,
    read_rich,
    set_label,
)
from tui.core.text import literal

TRICKY_EN = "[bold red]Web | sales[/] \x1b[2J*star* <b>x</b> \x9b31m"
TRICKY_NB = "[red]Salg | nett[/red] \x1b]52;c;aGk=\x07"
TRICKY_GEO = "[link=http://x]Norway[/link]"


@pytest.fixture
def tricky(data_copy: Path) -> Path:
    set_label(data_copy, "indicator", "ec_sales_web", TRICKY_NB, TRICKY_EN)
    set_label(data_copy, "geo", "NO", "Norge", TRICKY_GEO)
    return data_copy


def no_raw_controls(text: str) -> bool:
    return (
        "\x1b[2J" not in text
        and "\x9b" not in text
        and "\x07" not in text
        and "\x1b]52" not in text
    )


@pytest.mark.usefixtures("tricky")
def test_json_keeps_the_label_exact_and_escaped(run: Run) -> None:
    result = run("get", "ec_sales_web", "--format", "json")
    assert result.code == 0
    assert "\x1b" not in result.out and no_raw_controls(result.out)
    assert {r["label"] for r in read_json(result.out)} == {TRICKY_EN}


@pytest.mark.usefixtures("tricky")
def test_csv_shows_control_characters_as_escapes(run: Run) -> None:
    result = run("show", "ecommerce", "--format", "csv")
    assert no_raw_controls(result.out) and "\x1b" not in result.out
    labels = {r["label"] for r in read_csv(result.out) if r["indicator"] == "ec_sales_web"}
    assert labels == {literal(TRICKY_EN)}
    assert "[bold red]Web | sales[/]" in labels.pop()


@pytest.mark.usefixtures("tricky")
def test_markdown_escapes_pipes(run: Run) -> None:
    result = run("show", "ecommerce", "--format", "markdown", "--year", "2012")
    assert no_raw_controls(result.out)
    rows = read_markdown(result.out)
    assert all(len(row) == 2 for row in rows)
    assert literal(TRICKY_EN) in [row[0] for row in rows]
    assert "Web \\| sales" in result.out


@pytest.mark.usefixtures("tricky")
def test_plain_table_is_literal(run: Run) -> None:
    result = run("show", "ecommerce", "--year", "2012")
    assert "\x1b" not in result.out and no_raw_controls(result.out)
    assert literal(TRICKY_EN) in [row[0] for row in read_plain(result.out)]
    assert TRICKY_GEO in result.out.splitlines()[0]


@pytest.mark.usefixtures("tricky")
def test_rich_table_is_literal(tty: Run) -> None:
    result = tty("show", "ecommerce", "--year", "2012")
    assert result.code == 0
    assert no_raw_controls(result.out)
    visible = ANSI.sub("", result.out)
    assert "[bold red]Web | sales[/]" in visible
    assert "\\x1b[2J*star* <b>x</b> \\x9b31m" in visible
    assert TRICKY_GEO in visible  # not turned into a hyperlink
    assert "\x1b]8;" not in result.out
    assert literal(TRICKY_EN) in [row[0] for row in read_rich(result.out)]


@pytest.mark.usefixtures("tricky")
def test_bokmal_label_and_get_title(run: Run, tty: Run) -> None:
    result = run("get", "ec_sales_web", "--lang", "nb")
    assert result.code == 0 and no_raw_controls(result.out)
    assert result.out.splitlines()[0].startswith(literal(TRICKY_NB))
    shown = tty("get", "ec_sales_web", "--lang", "nb", "--format", "table")
    assert no_raw_controls(shown.out)
    assert "[red]Salg | nett[/red]" in ANSI.sub("", shown.out)
