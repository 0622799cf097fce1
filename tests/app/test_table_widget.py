"""The figure table on screen: core's cells, whole year columns, markers, legend, selection."""

from __future__ import annotations

import pytest

from tests.helpers.app_pilot import make_app, press, screen_text, settle, table_of, theme_screen
from tests.helpers.table_text import find_table
from tests.helpers.walk import screens
from tui.core import Dataset
from tui.core.table import TableRow, theme_table


def expected_lines(rows: tuple[TableRow, ...], by_group: bool) -> list[TableRow | None]:
    """Core's rows as the screen lists them: in a breakdown, a heading (None) per indicator."""
    lines: list[TableRow | None] = []
    previous = None
    for row in rows:
        if by_group and row.indicator != previous:
            lines.append(None)
        previous = row.indicator
        lines.append(row)
    return lines


@pytest.mark.parametrize(("theme", "by"), screens())
async def test_the_screen_draws_exactly_core_table_cells(
    dataset: Dataset, theme: str, by: str
) -> None:
    core = theme_table(dataset, theme, by, "NO", "en")
    lines = expected_lines(core.rows, core.by_group)
    app = make_app(screen=theme, by=by)
    compared: set[tuple[int, int]] = set()
    async with app.run_test(size=(120, 60)) as pilot:
        await press(pilot, "home")
        for _step in core.years:
            table = find_table(screen_text(app).splitlines())
            assert table is not None and len(table.rows) == len(lines)
            for shown, row in zip(table.rows, lines, strict=True):
                for header, text in shown.cells.items():
                    if row is None:
                        assert text == "", (shown.labels, header)
                        continue
                    column = core.years.index(int(header))
                    assert text == row.cells[column], (row.indicator, row.group, header)
                    compared.add((core.rows.index(row), column))
            await press(pilot, "right")
    assert compared == {(r, c) for r in range(len(core.rows)) for c in range(len(core.years))}


async def test_markers_say_where_more_years_lie() -> None:
    for ascii_mode, left, right in ((False, "\u2039", "\u203a"), (True, "<", ">")):
        app = make_app(screen="ecommerce", ascii_mode=ascii_mode)
        async with app.run_test(size=(80, 24)) as pilot:
            await press(pilot, "end")
            header = screen_text(app).splitlines()[1]
            assert f"{left} " in header and not header.rstrip().endswith(right)
            await press(pilot, "home")
            header = screen_text(app).splitlines()[1]
            assert f"{left} " not in header and header.rstrip().endswith(right)
            table = table_of(app)
            assert table.visible_years()[0] == theme_screen(app).view.years[0]


async def test_legend_names_only_the_marks_in_view_in_the_screen_language() -> None:
    app = make_app(screen="social_media")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "home")
        table = table_of(app)
        assert table.legend == ["* other series, base or unit"]
        assert "* other series, base or unit" in screen_text(app)
        await press(pilot, "end", "down", "down", "down", "down")  # the 2017-2019 columns
        shown = table.visible_years()
        view = theme_screen(app).view
        marked = any(
            mark
            for row in view.marks
            for mark in row[view.years.index(shown[0]) : view.years.index(shown[-1]) + 1]
        )
        assert bool(table.legend) == marked
        await press(pilot, "home", "L")
        assert table.legend == ["* annen serie, populasjon eller enhet"]


async def test_legend_explains_flags_and_missing_symbols() -> None:
    app = make_app(screen="social_media", by="industry")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "home")
        assert table_of(app).legend == ['> Lower bound ("over")']
    app = make_app(screen="policy")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        row = [r.indicator for r in screen.view.rows].index("eu_e_secpol2")
        await press(pilot, *["down"] * row, "g", "end")
        assert screen.state.comparing
        legend = " ".join(table_of(app).legend)
        assert "b Break in time series" in legend
        assert ": Not available or confidential" in legend
        assert "*" not in legend


async def test_the_selected_cell_is_reversed_and_its_row_marked() -> None:
    app = make_app(screen="ecommerce", year=2012)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "down")
        table = table_of(app)
        y = 1 + table.row - table.scroll_offset.y
        strip = table.render_line(y)
        assert strip.text.startswith(" \u25b8 Sales via own website")
        reversed_text = "".join(s.text for s in strip if s.style is not None and s.style.reverse)
        assert reversed_text.strip() == "25%"
