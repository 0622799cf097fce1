"""SDMX-CSV as Eurostat also writes it: labels=both, ';' between fields, time not named
TIME_PERIOD, OBS_STATUS beside OBS_FLAG; compared row by row with a plain `csv` reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.independent import sdmx_rows
from tui.core.formats import read_table
from tui.core.from_cube import cube_to_dataset

PERIODS = Path(__file__).resolve().parents[1] / "fixtures" / "periods"
NOT_DIMENSIONS = {"DATAFLOW", "LAST UPDATE", "OBS_VALUE", "OBS_FLAG", "OBS_STATUS", "CONF_STATUS"}


def expected_status(row: dict[str, str]) -> str:
    """Eurostat's flag, then SDMX's status unless 'A' (normal), then '@' and confidentiality."""
    flag = row.get("OBS_FLAG", "")
    status = row.get("OBS_STATUS", "")
    if status and status != "A":
        flag += status
    if row.get("CONF_STATUS"):
        flag += "@" + row["CONF_STATUS"]
    return flag or ("" if row["OBS_VALUE"] else ":")


@pytest.mark.parametrize(
    ("name", "delimiter", "time_id"),
    [("sdmx_labels_both.csv", ",", "TIME_PERIOD"), ("sdmx_semicolon.csv", ";", "TIME")],
)
def test_every_observation_reads_as_plain_csv(name: str, delimiter: str, time_id: str) -> None:
    rows = sdmx_rows(PERIODS / name, delimiter)
    cube = read_table(PERIODS / name)
    dims = [key for key in rows[0] if key not in NOT_DIMENSIONS]
    assert [d.id for d in cube.dimensions] == dims
    assert cube.dimension("time") is cube.dimension(time_id)
    cells = {codes: (value, status) for codes, value, status in cube.cells()}
    for row in rows:
        value, status = cells[tuple(row[d] for d in dims)]
        assert value == (float(row["OBS_VALUE"]) if row["OBS_VALUE"] else None)
        assert status == expected_status(row)
    # every cell the file does not give is missing with ':' (the full table is filled in)
    given = {tuple(row[d] for d in dims) for row in rows}
    assert all(cells[k] == (None, ":") for k in cells if k not in given)


def test_labels_both_keeps_codes_and_their_labels() -> None:
    cube = read_table(PERIODS / "sdmx_labels_both.csv")
    geo = cube.dimension("geo")
    assert geo is not None and geo.codes == ("NO", "SE") and geo.labels == ("Norway", "Sweden")
    assert geo.label == "Geopolitical entity (reporting)"
    indicator = cube.dimension("indic_is")
    assert indicator is not None
    assert indicator.labels == ("Enterprises with e-commerce sales, last calendar year",)
    assert cube.label == "ESTAT:ISOC_EC_ESELS(1.0)"
    assert cube.updated == "2026-02-27T11:00:00"


def test_eurostat_statuses_are_kept_never_turned_into_colons() -> None:
    dataset = cube_to_dataset(read_table(PERIODS / "sdmx_semicolon.csv"))
    by_cell = {(f.geo, f.period): f for f in dataset.figures}
    assert by_cell[("NO", "2024-03")].missing and by_cell[("NO", "2024-03")].status == "M"
    assert by_cell[("SE", "2024-02")].missing and by_cell[("SE", "2024-02")].status == "c"
    assert by_cell[("SE", "2024-01")].value == 104.2 and by_cell[("SE", "2024-01")].status == "E"
    assert by_cell[("NO", "2024-02")].status == "p"
    assert by_cell[("NO", "2024-01")].status == ""  # OBS_STATUS A: a normal value
    assert dataset.frequency() == "monthly"
    assert dataset.periods() == ["2024-01", "2024-02", "2024-03"]
    both = cube_to_dataset(read_table(PERIODS / "sdmx_labels_both.csv"))
    statuses = {(f.geo, f.group, f.period): f.status for f in both.figures}
    assert statuses[("SE", "total", "2020")] == "@C"
    assert statuses[("NO", "total", "2019")] == "b"
    assert statuses[("NO", "10-49", "2020")] == "u"
