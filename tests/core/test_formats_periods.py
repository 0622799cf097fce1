"""Monthly, half-year, weekly and quarterly tables: every period its own figure, cell by cell.

Each fixture under tests/fixtures/periods is decoded twice: by the product (reader, then the
figures model) and by tests/helpers/independent.py, which shares none of its code. Every cell
must agree, and the figures must keep the period as published, never one value per year.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.independent import Cell, jsonstat_cells, px_cells
from tui.core.formats import read_table
from tui.core.from_cube import cube_to_dataset
from tui.core.model import Figure

PERIODS = Path(__file__).resolve().parents[1] / "fixtures" / "periods"

# fixture -> (its time variable, its frequency, its periods in time order)
TABLES: dict[str, tuple[str, str, list[str]]] = {
    "px_monthly.px": (
        "måned",
        "monthly",
        ["2004M09", "2004M10", "2004M11", "2004M12", "2005M01", "2005M02"],
    ),
    "px_half_year.px": (
        "halvår",
        "half-yearly",
        ["1995H1", "1995H2", "1996H1", "1996H2", "1997H1", "1997H2"],
    ),
    "px_weekly.px": ("week", "weekly", ["2015W05", "2015W06", "2015W07", "2015W08"]),
    "px_quarterly.px": (
        "kvartal",
        "quarterly",
        ["2005Q1", "2005Q2", "2005Q3", "2005Q4", "2006Q1", "2006Q2"],
    ),
    "jsonstat_monthly.json": (
        "Tid",
        "monthly",
        ["2004M09", "2004M10", "2004M11", "2004M12", "2005M01", "2005M02"],
    ),
    "jsonstat_half_year.json": ("Halvaar", "half-yearly", ["1995H1", "1995H2", "1996H1", "1996H2"]),
    "jsonstat_weekly.json": ("Uke", "weekly", ["2015W05", "2015W06", "2015W07", "2015W08"]),
    "jsonstat_quarterly.json": (
        "quarter",
        "quarterly",
        ["2005", "2005 - 1", "2005 - 2", "2005 - 3", "2005 - 4", "2006", "2006 - 1", "2006 - 2"],
    ),
}


def independent(name: str) -> tuple[list[str], list[Cell]]:
    path = PERIODS / name
    return px_cells(path) if name.endswith(".px") else jsonstat_cells(path)


def mark(value: float | None, status: str) -> str:
    """The status a figure carries: the file's own, or ':' for a missing value without one."""
    return status if (status or value is not None) else ":"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_cell_reads_as_the_independent_decoding(name: str) -> None:
    names, expected = independent(name)
    cube = read_table(PERIODS / name)
    assert len(cube.dimensions) == len(names)
    got = [(codes, value, status) for codes, value, status in cube.cells()]
    assert got == expected


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_period_is_its_own_figure(name: str) -> None:
    time_name, _frequency, periods = TABLES[name]
    names, expected = independent(name)
    dataset = cube_to_dataset(read_table(PERIODS / name))
    # one figure per cell, in cell order: nothing collapses to one value per year
    assert len(dataset.figures) == len(expected)
    at = names.index(time_name)
    for (codes, value, status), figure in zip(expected, dataset.figures, strict=True):
        assert figure.period == codes[at]
        assert figure.ref_year == int(codes[at][:4])
        assert figure.value == value
        assert figure.status == mark(value, status)
    keys = {(f.indicator, f.geo, f.group, f.period) for f in dataset.figures}
    assert len(keys) == len(dataset.figures)
    assert {f.period for f in dataset.figures} == set(periods)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_dataset_knows_its_periods_and_frequency(name: str) -> None:
    _time, frequency, periods = TABLES[name]
    dataset = cube_to_dataset(read_table(PERIODS / name))
    assert dataset.periods() == periods
    assert dataset.frequency() == frequency
    assert dataset.frequency("file") == frequency


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_slice_has_every_period_and_no_month_as_its_year(name: str) -> None:
    _time, _frequency, periods = TABLES[name]
    dataset = cube_to_dataset(read_table(PERIODS / name))
    geo = dataset.geos()[0]
    table = dataset.slice("file", "total", geo)
    assert table.rows
    assert list(table.periods) == [p for p in periods if any(table.at(r, p) for r in table.rows)]
    for row in table.rows:
        for figure in dataset.series(row.indicator, row.group, row.geo):
            assert table.at(row, figure.period) is figure
            assert dataset.figure_at(row.indicator, figure.period, row.group, row.geo) is figure
    # year columns hold annual figures only: a month or a quarter never stands for its year
    assert all(f.annual for f in table.cells.values())
    assert set(table.years) == {f.ref_year for f in table.cells.values()}


def test_series_run_in_time_order_and_change_is_from_the_previous_period() -> None:
    dataset = cube_to_dataset(read_table(PERIODS / "px_monthly.px"))
    series = dataset.series("KpiIndMnd/TOTAL", "total", "file")
    assert [f.period for f in series] == TABLES["px_monthly.px"][2]
    change = dataset.change(series[4])  # 2005M01 against 2004M12
    assert change.previous is series[3]
    assert change.difference is not None and str(change.difference) == "-0.36"
    food = dataset.series("KpiIndMnd/01", "total", "file")
    assert food[1].missing and food[1].status == ".."
    assert dataset.change(food[2]).previous is food[0]  # the missing month is skipped


def test_quarters_beside_an_empty_annual_column_keep_their_values() -> None:
    dataset = cube_to_dataset(read_table(PERIODS / "jsonstat_quarterly.json"))
    by_period = {(f.indicator, f.period): f for f in dataset.figures}
    assert by_period[("UNR/M", "2005 - 1")].value == 7.5
    assert by_period[("UNR/F", "2006 - 2")].value == 7.0
    assert by_period[("UNR/M", "2005")].missing and by_period[("UNR/M", "2005")].status == ":"
    assert all(f.unit == "percent" for f in dataset.figures)


def test_a_figure_is_annual_when_its_period_is_its_year() -> None:
    figure = Figure(
        "t", "i", "NO", "total", "total", 2012, 2013, "1", "", "percent", "b", "s", "x", (), (), "",
        "2012",
    )  # fmt: skip
    assert figure.annual
    assert not figure._replace(period="2012M01").annual
    assert not figure._replace(period="2013").annual


def test_the_data_frame_of_a_monthly_file_has_its_months() -> None:
    import tui

    frame = tui.frame(file=PERIODS / "px_monthly.px")
    assert list(frame["period"])[:6] == TABLES["px_monthly.px"][2]
    assert list(frame["year"])[:6] == [2004, 2004, 2004, 2004, 2005, 2005]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_time_axis_is_every_period_in_time_order(name: str) -> None:
    _time, _frequency, periods = TABLES[name]
    dataset = cube_to_dataset(read_table(PERIODS / name))
    assert dataset.time_axis("file") == tuple(periods)
    assert dataset.time_axis("other") == ()
