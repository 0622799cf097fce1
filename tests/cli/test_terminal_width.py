"""`ikt list` and `ikt get` on terminals of 60, 80 and 120 columns: ids and values stay whole.

Run on a real pseudo-terminal of that width (the width the program asks the terminal for);
`ikt show` is judged figure by figure in test_show_oracle.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.terminal import run_on_terminal
from tui.cli.resolve import theme_word
from tui.cli.terminal import fit, year_blocks
from tui.cli.terminal import terminal_grid as grid_of
from tui.core.dataset import Dataset
from tui.core.numbers import format_value

WIDTHS = [60, 80, 120]
GET_CASES = [
    ["get", "ec_sales_web"],
    ["get", "eu_e_esell", "--geo", "NO,SE,DK"],
    ["get", "ec_sales_turnover_value", "--group", "total"],
    ["get", "eu_e_secpol2", "--group", "250+"],
]


def whole(text: str, output: str) -> bool:
    """True when `text` is printed on one line with nothing of the same word glued to it."""
    pattern = rf"(?<![\w.,%-]){re.escape(text)}(?![\w.,%…-])"
    return any(re.search(pattern, line) for line in output.split("\n"))


def too_wide(output: str, width: int) -> list[str]:
    return [line for line in output.split("\n") if len(line) > width]


@pytest.mark.parametrize("width", WIDTHS)
def test_list_never_cuts_a_theme_or_an_id(width: int, tmp_path: Path, dataset: Dataset) -> None:
    code, text = run_on_terminal(["list", "--lang", "en"], width, tmp_path)
    assert code == 0, text
    assert all(whole(theme_word(theme), text) for theme in dataset.themes()), text
    assert not too_wide(text, width)
    for theme in dataset.themes():
        code, text = run_on_terminal(["list", theme_word(theme), "--lang", "en"], width, tmp_path)
        assert code == 0, text
        cut = [i for i in dataset.theme_indicators(theme) if not whole(i, text)]
        assert not cut, f"ids not whole at {width} columns: {cut}\n{text}"
        assert not too_wide(text, width), text


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("argv", GET_CASES, ids=[" ".join(a[1:]) for a in GET_CASES])
def test_get_never_cuts_a_value_a_year_or_a_source(
    argv: list[str], width: int, tmp_path: Path, dataset: Dataset
) -> None:
    code, text = run_on_terminal([*argv, "--lang", "en"], width, tmp_path)
    assert code == 0, text
    indicator = argv[1]
    group = argv[argv.index("--group") + 1] if "--group" in argv else "total"
    geos = argv[argv.index("--geo") + 1].split(",") if "--geo" in argv else ["NO"]
    figures = [f for geo in geos for f in dataset.series(indicator, group, geo)]
    assert figures
    for figure in figures:
        for shown in (format_value(figure, "en"), str(figure.ref_year), figure.source_id):
            assert whole(shown, text), f"{shown!r} not whole at {width} columns:\n{text}"
    assert not too_wide(text, width), text


def test_blocks_are_as_few_as_fit_and_near_equal(dataset: Dataset) -> None:
    from tui.cli.reports import table_report
    from tui.core.table import theme_table

    table = theme_table(dataset, "ecommerce", "size", "NO", "en")
    grid = grid_of(table_report(dataset, table, ["NO"], "en"))
    for width in (60, 80, 120, 250):
        blocks = year_blocks(grid, width)
        sizes = [len(block) for block in blocks]
        assert sum(sizes) == len(table.years)
        assert max(sizes) - min(sizes) <= 1, (width, sizes)
        assert [i for block in blocks for i in block] == list(range(len(table.years)))
    assert len(year_blocks(grid, 60)) > len(year_blocks(grid, 120))
    assert len(year_blocks(grid, 10_000)) == 1


def test_fit_shares_the_room_and_never_goes_below_the_least() -> None:
    assert fit([(5, 10), (3, 3)], 20) == [10, 3]
    assert fit([(5, 10), (3, 3)], 7) is None
    widths = fit([(4, 24), (4, 14), (6, 6)], 30)
    assert widths is not None and sum(widths) == 30
    assert widths[2] == 6 and widths[0] > widths[1] >= 4
