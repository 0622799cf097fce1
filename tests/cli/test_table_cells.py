"""`ikt show` prints the cells of core's table builder, the one the screen draws from."""

from __future__ import annotations

import pytest

from tests.helpers.cli import Run, read_markdown, read_plain
from tui.core.dataset import Dataset
from tui.core.model import BREAKDOWNS, THEMES
from tui.core.table import compared_table, theme_table


@pytest.mark.parametrize("breakdown", BREAKDOWNS)
@pytest.mark.parametrize("theme", THEMES)
def test_show_prints_the_core_table(run: Run, dataset: Dataset, theme: str, breakdown: str) -> None:
    table = theme_table(dataset, theme, breakdown, "NO", "en")
    result = run("show", theme, "--by", breakdown)
    if not table.rows:
        assert result.code == 1 and result.out == ""
        return
    assert result.code == 0, result.err
    printed = read_plain(result.out)
    names = ["Indicator", "Group"] if table.by_group else ["Indicator"]
    assert printed[0] == names + [str(year) for year in table.years]
    expected = [
        [row.indicator, *([row.group] if table.by_group else []), *row.cells] for row in table.rows
    ]
    assert printed[1:] == expected


@pytest.mark.parametrize("theme", THEMES)
def test_bokmal_cells_in_markdown(run: Run, dataset: Dataset, theme: str) -> None:
    table = theme_table(dataset, theme, "total", "NO", "nb")
    printed = read_markdown(run("show", theme, "--lang", "nb", "--format", "markdown").out)
    assert printed[1:] == [[row.indicator, *row.cells] for row in table.rows]


def test_marks_and_flags_reach_the_command_line(run: Run, dataset: Dataset) -> None:
    """The cells that differ from a bare value: another series (*) and a break in series (b)."""
    marked = theme_table(dataset, "social_media", "total", "NO", "en")
    assert marked.marked
    result = run("show", "social-media")
    assert any(line.endswith("*") for row in read_plain(result.out) for line in row)
    assert "* other series, base or unit" in result.out
    flagged = theme_table(dataset, "policy", "total", "SE", "en")
    assert any(cell.endswith(" b") for row in flagged.rows for cell in row.cells)
    printed = read_plain(run("show", "policy", "--geo", "SE").out)
    assert printed[1:] == [[row.indicator, *row.cells] for row in flagged.rows]


@pytest.mark.parametrize("breakdown", ["total", "size"])
def test_comparison_prints_the_core_table(run: Run, dataset: Dataset, breakdown: str) -> None:
    geos = ["NO", "SE", "DK"]
    table = compared_table(dataset, "ecommerce", breakdown, geos, "en")
    printed = read_plain(run("show", "ecommerce", "--geo", ",".join(geos), "--by", breakdown).out)
    assert printed[1:] == [
        [row.indicator, *([row.group] if table.by_group else []), row.geo, *row.cells]
        for row in table.rows
    ]
