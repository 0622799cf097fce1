"""Eurostat TSV (bulk and SDMX flavours, plain and gzip) and SDMX-CSV: full cubes, flags kept."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tui.core.cube import Cube
from tui.core.errors import DataError
from tui.core.formats import eurostat, read_table
from tui.core.formats.eurostat import parse_eurostat_tsv, parse_sdmx_csv

FIXTURES = Path(__file__).parent.parent / "fixtures" / "formats"
BULK = FIXTURES / "estat_bulk_flavour.tsv"
SDMX_TSV = FIXTURES / "estat_sdmx_flavour.tsv"
SDMX_CSV = FIXTURES / "estat_sdmx.csv"


def cells(cube: Cube) -> dict[tuple[str, ...], tuple[float | None, str]]:
    return {codes: (value, status) for codes, value, status in cube.cells()}


@pytest.fixture
def sdmx_gz(tmp_path: Path) -> Path:
    """The SDMX-flavour TSV as Eurostat's API delivers it: gzip-compressed."""
    target = tmp_path / "estat_isoc_cisce_ra.tsv.gz"
    target.write_bytes(gzip.compress(SDMX_TSV.read_bytes(), mtime=0))
    return target


def test_gzip_sdmx_tsv_dimensions_and_roles(sdmx_gz: Path) -> None:
    cube = read_table(sdmx_gz)
    assert [d.id for d in cube.dimensions] == [
        "freq", "size_emp", "nace_r2", "indic_is", "unit", "geo", "TIME_PERIOD",
    ]  # fmt: skip
    assert [d.role for d in cube.dimensions] == [None, None, None, "metric", None, "geo", "time"]
    by_id = {d.id: d for d in cube.dimensions}
    assert by_id["size_emp"].codes == ("10-49", "50-249", "GE10")
    assert by_id["indic_is"].codes == ("E_SECPOL2", "E_SECMALL")
    assert by_id["geo"].codes == ("NO", "SE")
    assert by_id["TIME_PERIOD"].codes == ("2019", "2022", "2024")
    assert by_id["geo"].labels == by_id["geo"].codes  # the file has no labels
    assert cube.size == (1, 3, 1, 2, 1, 2, 3)
    assert cube.label == "estat_isoc_cisce_ra"


def test_gzip_sdmx_tsv_values_flags_and_filled_gaps(sdmx_gz: Path) -> None:
    got = cells(read_table(sdmx_gz))
    key = ("A", "GE10", "C10-S951_X_K", "E_SECPOL2", "PC_ENT")
    assert got[(*key, "NO", "2019")] == (32.09, "")
    assert got[(*key, "SE", "2022")] == (8.89, "b")
    assert got[(*key, "SE", "2019")] == (None, ":")
    assert got[(*key, "SE", "2024")] == (None, "@C")
    assert got[("A", "50-249", "C10-S951_X_K", "E_SECPOL2", "PC_ENT", "NO", "2022")] == (48.73, "b")
    assert got[("A", "GE10", "C10-S951_X_K", "E_SECMALL", "PC_ENT", "NO", "2019")] == (None, "u")
    # a series the file leaves out is filled in as missing
    assert got[("A", "10-49", "C10-S951_X_K", "E_SECMALL", "PC_ENT", "NO", "2022")] == (None, ":")
    assert sum(status == ":" for _, status in got.values()) == 22


def test_plain_and_gzip_give_the_same_cube(sdmx_gz: Path) -> None:
    plain, packed = read_table(SDMX_TSV), read_table(sdmx_gz)
    assert (plain.values, plain.statuses, plain.dimensions) == (
        packed.values,
        packed.statuses,
        packed.dimensions,
    )


def test_bulk_tsv_years_come_ascending_with_flags() -> None:
    cube = read_table(BULK)
    time = cube.dimension("time")
    assert time is not None and time.id == "time" and time.codes == ("2017", "2018", "2019")
    assert [d.id for d in cube.dimensions] == ["indic_is", "unit", "sizen_r2", "geo", "time"]
    got = cells(cube)
    no = ("E_AESELL", "PC_ENT", "10_C10_S951_XK", "NO")
    assert [got[(*no, y)] for y in ("2017", "2018", "2019")] == [
        (30.21, ""),
        (28.64, ""),
        (27.52, ""),
    ]
    large = ("E_AESELL", "PC_ENT", "L_C10_S951_XK", "NO")
    assert got[(*large, "2019")] == (None, "c")
    assert got[(*large, "2018")] == (12.3, "u")
    assert got[(*large, "2017")] == (0.0, "n")
    assert got[("E_AESELL", "PC_ENT", "10_C10_S951_XK", "SE", "2017")] == (32.0, "b")
    assert got[("E_AESELL", "PC_ENT", "10_C10_S951_XK", "SE", "2018")] == (None, ":")
    assert got[("E_AESEU", "PC_ENT", "10_C10_S951_XK", "NO", "2018")] == (9.0, "bu")
    assert got[("E_AESEU", "PC_ENT", "L_C10_S951_XK", "SE", "2019")] == (None, ":")
    assert len(cube.values) == 2 * 1 * 2 * 2 * 3


def test_sdmx_csv_full_cube_and_metadata() -> None:
    cube = read_table(SDMX_CSV)
    assert cube.label == "ESTAT:ISOC_EC_ESELS(1.0)"
    assert cube.updated == "2026-02-27T11:00:00"
    assert [d.id for d in cube.dimensions] == [
        "freq", "size_emp", "nace_r2", "indic_is", "unit", "geo", "TIME_PERIOD",
    ]  # fmt: skip
    assert cube.size == (1, 2, 1, 2, 1, 1, 4)
    got = cells(cube)
    ge10 = ("A", "GE10", "C10-S951_X_K", "E_AESELL", "PC_ENT", "NO")
    assert got[(*ge10, "2019")] == (27.52, "b")
    assert got[(*ge10, "2020")] == (21.99, "")
    ge250 = ("A", "GE250", "C10-S951_X_K", "E_AESELL", "PC_ENT", "NO")
    assert got[(*ge250, "2020")] == (None, "@C")  # CONF_STATUS C, as the TSV writes it
    assert got[(*ge250, "2018")] == (45.1, "u")
    assert got[(*ge250, "2017")] == (None, ":")  # absent from the file
    assert got[("A", "GE10", "C10-S951_X_K", "E_ESELL", "PC_ENT", "NO", "2020")] == (None, ":")


def test_sdmx_csv_without_last_update_and_conf_status() -> None:
    raw = (
        b"DATAFLOW,freq,indic_is,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
        b"ESTAT:ISOC_CISCE_RA(1.0),A,E_SECPOL2,NO,2024,31.52,\n"
        b"ESTAT:ISOC_CISCE_RA(1.0),A,E_SECPOL2,NO,2019,32.09,p\n"
        b"ESTAT:ISOC_CISCE_RA(1.0),A,E_SECPOL2,SE,2019,,c\n"
    )
    cube = parse_sdmx_csv(raw, "small.csv")
    assert cube.updated is None
    assert cube.dimensions[-1].codes == ("2019", "2024")
    assert cube.values == (32.09, 31.52, None, None)
    assert cube.statuses == ("p", "", "c", ":")


def tsv(*rows: str, header: str = "unit,geo\\TIME_PERIOD\t2023 \t2024 ") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


@pytest.mark.parametrize(
    ("raw", "problem", "line"),
    [
        (tsv("PC,NO\t1.5 x\t2 "), "unknown flag 'x'", 2),
        (tsv("PC,NO\t1.5 \t2 ", "PC,SE\t1 @Q\t2 "), "unknown flag '@Q'", 3),
        (tsv("PC,NO\t1.5 \t2 \t3 "), "line has 4 cells but the header has 3", 2),
        (tsv("PC,NO\tabc \t2 "), "value 'abc' is not a number", 2),
        (tsv("PC,NO\tNaN0 \t2 "), "value 'NaN0' is not a number", 2),
        (tsv("PC,NO\t1e999 \t2 "), "value '1e999' is not a number", 2),
        (tsv("PC,NO\t1 \t2 ", "PC,NO\t3 \t4 "), "series 'PC,NO' is given twice", 3),
        (tsv("PC,NO,X\t1 \t2 "), "series key 'PC,NO,X' has 3 parts, expected 2", 2),
        (tsv("PC,NO\t1 \t "), "empty cell for 2024", 2),
        (b"unit,geo\\TIME_PERIOD\t2023 \t2024 \nPC,NO\t1 \t", "cut short: truncated file?", 2),
        (tsv("PC,NO\t1 \t2 ", header="unit,geo\\TIME_PERIOD\t2023 \t2023 "), "repeated column", 1),
        (tsv("PC,NO\t1 \t2 ", header="unit,geo\tTIME\t2023 "), "no '\\'", 1),
        (tsv(), "header only, no data lines", 1),
        (tsv("NO\t1 \t2 ", header="geo,geo\\TIME_PERIOD\t2023 \t2024 "), "repeated dimensions", 1),
        (
            tsv("PC,NO\t1 \t2 ", "PC,SE\t1 "),
            "line has 2 cells but the header has 3 (the last line is cut",
            3,
        ),
        (b"\n\n", "file is empty", None),
        (b"unit,geo\\TIME_PERIOD\t2023 \nPC,N\xf8\t1 \n", "not valid UTF-8 (byte 31)", 2),
    ],
)
def test_broken_tsv_is_refused(raw: bytes, problem: str, line: int | None) -> None:
    with pytest.raises(DataError) as err:
        parse_eurostat_tsv(raw, "bad.tsv")
    assert err.value.source == "bad.tsv"
    assert problem in err.value.problem
    assert err.value.line == line


def test_truncated_gzip_tsv_names_the_cut_line(tmp_path: Path) -> None:
    text = SDMX_TSV.read_bytes()
    cut = text[: text.rindex(b"\t") + 1]  # the last line stops right after a tab
    target = tmp_path / "cut.tsv.gz"
    target.write_bytes(gzip.compress(cut))
    with pytest.raises(DataError) as err:
        read_table(target)
    assert err.value.line == 6
    assert "the last line is cut short" in err.value.problem
    assert str(err.value).startswith(f"{target}:6: ")


@pytest.mark.parametrize(
    ("raw", "problem", "line"),
    [
        (b"DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nX,NO,2024,1,9\n", "line has 5 columns", 2),
        (
            b"geo,TIME_PERIOD,OBS_VALUE\nNO,2024,1\nNO,2024,2\n",
            "observation NO,2024 is given twice",
            3,
        ),
        (b"geo,TIME_PERIOD,OBS_VALUE\nNO,2024,12,5\n", "line has 4 columns", 2),
        (b"geo,TIME_PERIOD,OBS_VALUE\nNO,2024,twelve\n", "value 'twelve' is not a number", 2),
        (b"geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\nNO,2024,1,q\n", "unknown flag 'q'", 2),
        (b"geo,TIME_PERIOD,OBS_VALUE,CONF_STATUS\nNO,2024,,X\n", "unknown flag '@X'", 2),
        (b"geo,geo,OBS_VALUE\nNO,NO,1\n", "no repeated names", 1),
        (b"DATAFLOW,OBS_VALUE\nX,1\n", "no dimension columns", 1),
        (b'geo,TIME_PERIOD,OBS_VALUE\nNO,"2024,1\n', "line has 2 columns", 2),
    ],
)
def test_broken_sdmx_csv_is_refused(raw: bytes, problem: str, line: int) -> None:
    with pytest.raises(DataError) as err:
        parse_sdmx_csv(raw, "bad.csv")
    assert err.value.source == "bad.csv"
    assert problem in err.value.problem
    assert err.value.line == line


def test_too_sparse_a_cube_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eurostat, "MAX_CELLS", 10)
    with pytest.raises(DataError, match=r"would have 36 cells \(limit 10\)"):
        parse_eurostat_tsv(SDMX_TSV.read_bytes(), "big.tsv")


def test_rows_of_plain_numbers_read_as_rows_with_flags_do() -> None:
    """A row of numbers and ':' only is read at once; it must read as cell by cell would."""
    plain = parse_eurostat_tsv(tsv("PC,NO\t1.5 \t: ", "PC,SE\t-2 \t30 "), "plain.tsv")
    flagged = parse_eurostat_tsv(tsv("PC,NO\t1.5 \t: ", "PC,SE\t-2 \t30 b"), "flagged.tsv")
    assert plain.values == flagged.values == (1.5, None, -2.0, 30.0)
    assert plain.statuses == ("", ":", "", "")
    assert flagged.statuses == ("", ":", "", "b")


@pytest.mark.parametrize("cell", ["9" * 400, "1.2.3", "1_000", "nan", "1e999"])
def test_a_plain_looking_row_with_a_bad_number_is_refused(cell: str) -> None:
    with pytest.raises(DataError, match="is not a number"):
        parse_eurostat_tsv(tsv(f"PC,NO\t{cell} \t2 "), "bad.tsv")
