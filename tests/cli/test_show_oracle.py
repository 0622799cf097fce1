"""`ikt show` on a terminal of 60, 80 and 120 columns prints every figure whole and true.

Run on a real pseudo-terminal of that width (tests/helpers/terminal.py), every table it
prints is read back (boxed or in aligned blocks) and judged like a screen: whole year headers,
each cell the exact published figure of its row, rows that can be told apart; and every
published figure of the theme and breakdown is printed somewhere, no line wider than the
terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.printed_table import printed_tables
from tests.helpers.published import Theme, is_whole_year, theme_figures
from tests.helpers.screen_checks import check_table
from tests.helpers.terminal import run_on_terminal
from tests.helpers.walk import screens

WIDTHS = [60, 80, 120]
CASES = [(theme, by, width) for theme, by in screens() for width in WIDTHS]


def show_problems(text: str, figures: Theme, width: int) -> list[str]:
    """Everything wrong with one `ikt show` answer as printed."""
    tables = printed_tables(text, figures)
    if not tables:
        return ["no table with year headers in the output:\n" + text]
    problems: list[str] = []
    printed: set[tuple[str, str, int]] = set()
    for table in tables:
        found, identities = check_table(table, figures)
        problems += found
        for row, ident in zip(table.rows, identities, strict=True):
            if ident.indicator is None or ident.group is None or ident.heading:
                continue
            for header in row.cells:
                if is_whole_year(header, figures.years):
                    printed.add((ident.indicator, ident.group, int(header)))
    published = {(i, g, y) for (i, g), cells in figures.figures.items() for y in cells}
    missing = sorted(published - printed)
    if missing:
        problems.append(
            f"{len(missing)} of {len(published)} figures not printed, e.g. {missing[:3]}"
        )
    wide = [line for line in text.split("\n") if len(line) > width]
    if wide:
        problems.append(f"{len(wide)} lines wider than {width} columns, e.g. {wide[0]!r}")
    return problems


@pytest.mark.parametrize(
    ("theme", "breakdown", "width"), CASES, ids=[f"{t}-{b}-{w}" for t, b, w in CASES]
)
def test_show_on_a_terminal_prints_whole_true_figures(
    theme: str, breakdown: str, width: int, tmp_path: Path
) -> None:
    args = ["show", theme.replace("_", "-"), "--by", breakdown, "--lang", "en"]
    code, text = run_on_terminal(args, width, tmp_path)
    assert code == 0, text
    problems = show_problems(text, theme_figures(theme, breakdown), width)
    shown = "\n  ".join(dict.fromkeys(problems))
    assert not problems, f"ikt {' '.join(args)} at {width} columns:\n  {shown}"
