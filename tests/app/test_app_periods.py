"""A sub-annual file in the explorer, read off the screen: every period a column, cell by cell.

The tables are the period fixtures (monthly, quarterly, half-year, weekly, PX and JSON-stat).
What the screen shows is parsed as text, by the positions of the period headings, and each cell
is compared with the file's figure of that row and period (its value as a number, or its
missing symbol); the figures themselves are checked against an independent decoding of the
same files in tests/core/test_formats_periods.py.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.core.test_formats_periods import TABLES
from tests.helpers.screen_oracle import Explorer, ScreenText, open_file_explorer
from tui.app.present.table import TableView, build_table, jump_target
from tui.app.screens.geo import matching
from tui.app.screens.theme import ThemeScreen
from tui.app.state import ViewState
from tui.cli.data import file_dataset
from tui.core.dataset import Dataset
from tui.core.export import write_slice_csv
from tui.core.model import Figure, Row

PERIODS = Path(__file__).resolve().parents[1] / "fixtures" / "periods"
FORMATS = PERIODS.parent / "formats"
WIDE = (138, 50)  # the chart below the table (from 140 columns it stands beside it)
LAST_PHRASE = re.compile(r"(\S+(?: \S+)*)$")  # the words (single spaces apart) ending a text


@dataclass
class ShownTable:
    """The table as the screen shows it: the line of the headings, each period's column end,
    and the line of each row, in order."""

    header: int
    ends: dict[str, int]
    rows: list[int]

    def cell(self, screen: ScreenText, row: int, period: str) -> str:
        """The text right-aligned under the period's heading on the row's line ('' if none)."""
        line = screen.lines[self.rows[row]][: self.ends[period]]
        if not line or line[-1] == " ":
            return ""
        found = LAST_PHRASE.search(line)
        return found.group(1) if found else ""


def shown_table(screen: ScreenText, periods: list[str]) -> ShownTable:
    """Find the headings line (it starts with the label heading) and the columns shown on it."""
    headings = [
        y
        for y, line in enumerate(screen.lines)
        if line.startswith((" Cat", " Cou", " Kat", " Lan"))  # the heading may be cut
    ]
    assert headings, "no table heading on screen:\n" + "\n".join(screen.lines)
    y = headings[0]
    line = screen.lines[y]
    ends: dict[str, int] = {}
    at = 0
    for period in periods:
        # whole headings only: "2005" is not the start of "2005 - 1"
        found = re.compile(rf"(?<=\s){re.escape(period)}(?=\s\s|\s*$|\s[\u203a>])").search(line, at)
        if found:
            ends[period] = found.end()
            at = found.end()
    rows = [
        i
        for i in range(y + 1, len(screen.lines))
        if re.match(r" [▸> ] \S", screen.lines[i]) and i < _table_end(screen, y)
    ]
    return ShownTable(y, ends, rows)


def _table_end(screen: ScreenText, header: int) -> int:
    """The first line after the rows: blank, or the legend (which starts in the first column)."""
    for y in range(header + 1, len(screen.lines)):
        line = screen.lines[y]
        if not line.strip() or not line.startswith(" "):
            return y
    return len(screen.lines)


def cell_matches(text: str, figure: Figure | None) -> bool:
    """The screen's text says the figure: its value as a number, or its missing symbol."""
    if figure is None:
        return text == ""
    if figure.missing:
        return text == figure.status
    number = text.split(" ")[0].removesuffix("%")
    return figure.value is not None and float(number) == figure.value


def screen_of(explorer: Explorer) -> ThemeScreen:
    screen = explorer.app.screen
    assert isinstance(screen, ThemeScreen)
    return screen


def rows_of(explorer: Explorer) -> tuple[Row, ...]:
    return screen_of(explorer).view.rows


def check_cells(
    dataset: Dataset, screen: ScreenText, table: ShownTable, rows: tuple[Row, ...]
) -> int:
    """Every cell shown against its figure; the number of cells compared."""
    assert len(table.rows) == len(rows), "\n".join(screen.lines)
    compared = 0
    for index, row in enumerate(rows):
        for period in table.ends:
            text = table.cell(screen, index, period)
            figure = dataset.figure_at(row.indicator, period, row.group, row.geo)
            assert cell_matches(text, figure), (row, period, text, figure)
            compared += 1
    return compared


def selected_period(explorer: Explorer, screen: ScreenText, table: ShownTable) -> str:
    """The period whose cell on the selected row is drawn unlike the same row's other cells."""
    y = table.rows[screen_of(explorer).state.row]
    styles = {period: screen.style_at(y, end - 1) for period, end in table.ends.items()}
    unique = [p for p, style in styles.items() if list(styles.values()).count(style) == 1]
    assert len(unique) == 1, styles
    return unique[0]


@pytest.mark.parametrize("name", sorted(TABLES))
async def test_every_period_is_a_column_and_every_cell_its_figure(name: str) -> None:
    _time, frequency, periods = TABLES[name]
    dataset = file_dataset(str(PERIODS / name))
    async with open_file_explorer(dataset, WIDE) as explorer:
        screen = explorer.read()
        table = shown_table(screen, periods)
        # the columns are the periods as published, in time order, none merged into a year
        shown = [
            p
            for p in periods
            if any(dataset.figure_at(r.indicator, p, r.group, r.geo) for r in rows_of(explorer))
        ]
        assert list(table.ends) == shown, screen.lines[table.header]
        assert check_cells(dataset, screen, table, rows_of(explorer)) == len(shown) * len(
            table.rows
        )
        title = screen.lines[0]
        assert f"{shown[-1]} ({frequency})" in title
        assert selected_period(explorer, screen, table) == shown[-1]


@pytest.mark.parametrize("name", ["px_monthly.px", "jsonstat_quarterly.json", "px_weekly.px"])
async def test_arrows_step_one_period_and_land_on_its_figure(name: str) -> None:
    periods = TABLES[name][2]
    dataset = file_dataset(str(PERIODS / name))
    async with open_file_explorer(dataset, WIDE) as explorer:
        table = shown_table(explorer.read(), periods)
        columns = list(table.ends)
        row = rows_of(explorer)[0]
        expected_walk = [("home", 0), ("right", 1), ("right", 2), ("end", -1), ("left", -2)]
        for key, index in expected_walk:
            screen = await explorer.press(key)
            period = columns[index]
            assert selected_period(explorer, screen, shown_table(screen, periods)) == period
            assert f" {period} (" in screen.lines[0]  # the title names the period
            figure = dataset.figure_at(row.indicator, period, row.group, row.geo)
            assert figure is not None
            source = " ".join(screen.lines[-5:])
            assert f", {period}: " in source
            shown = source.split(f", {period}: ", 1)[1].split(" · ")[0]
            assert cell_matches(shown.split(" (")[0], figure), (shown, figure)
        screen = await explorer.press("home")
        screen = await explorer.press("left")  # the first period is an edge, not a wrap
        assert selected_period(explorer, screen, shown_table(screen, periods)) == columns[0]


async def test_the_line_chart_draws_the_periods() -> None:
    name = "px_monthly.px"
    periods = TABLES[name][2]
    dataset = file_dataset(str(PERIODS / name))
    async with open_file_explorer(dataset, WIDE) as explorer:
        await explorer.press("c")
        chart = screen_of(explorer).chart
        assert chart is not None and chart.data is not None
        data = chart.data
        assert [data.year_name(k) for k in data.years] == periods
        row = rows_of(explorer)[0]
        values = [v for segment in data.segments for v in segment.values]
        wanted = [dataset.figure_at(row.indicator, p, row.group, row.geo) for p in periods]
        assert values == [f.value for f in wanted if f is not None and not f.missing]
        text = "\n".join(explorer.read().lines)
        for period in periods:  # every tick names its month at 200 columns
            assert period in text


def monthly_view() -> tuple[Dataset, TableView]:
    dataset = file_dataset(str(PERIODS / "px_monthly.px"))
    return dataset, build_table(dataset, ViewState(theme="file", geo="file", lang="en"))


def test_jump_goes_to_a_period_or_to_the_first_period_of_a_year() -> None:
    _dataset, view = monthly_view()
    for query, period in (("2005M01", "2005M01"), ("2004m11", "2004M11"), ("2005", "2005M01")):
        target = jump_target(query, view, 0)
        assert target is not None and target[0] == "year", query
        assert view.column_name(target[1]) == period
    assert jump_target("2003", view, 0) == ("no-year", 2003)


def test_an_annual_file_keeps_its_year_columns() -> None:
    dataset = file_dataset(str(FORMATS / "estat_bulk_flavour.tsv"))
    view = build_table(dataset, ViewState(theme="file", geo="NO", lang="en"))
    assert view.years == (2017, 2018, 2019) and not view.names and view.frequency == "annual"


def test_the_export_of_a_monthly_table_names_each_figures_month(tmp_path: Path) -> None:
    dataset, view = monthly_view()
    path = write_slice_csv(dataset, view.slice, tmp_path, "monthly", "en")
    with path.open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    assert len(records) == 12
    row = view.rows[0]
    for record in records[:6]:
        figure = dataset.figure_at(row.indicator, record["period"], row.group, row.geo)
        assert figure is not None and record["value"] == str(figure.exact or "")
    assert [r["period"] for r in records[:6]] == TABLES["px_monthly.px"][2]


def test_the_chooser_filters_by_any_part_of_a_name() -> None:
    names = ["Oslo (0301)", "Tromsø (1902)", "Troms (54)"]
    assert list(matching(names, "")) == [0, 1, 2]
    assert list(matching(names, "TROM")) == [1, 2]
    assert list(matching(names, "1902")) == [1]
    assert list(matching(names, "bergen")) == []


async def test_the_help_says_the_arrows_move_by_period() -> None:
    dataset = file_dataset(str(PERIODS / "px_weekly.px"))
    async with open_file_explorer(dataset, WIDE) as explorer:
        text = "\n".join((await explorer.press("question_mark")).lines)
        for words in ("Previous period", "Next period", "First period", "Last period"):
            assert words in text, text
        assert "Previous year" not in text
