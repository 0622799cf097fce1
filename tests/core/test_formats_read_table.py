"""read_table: format found by content, size limits, and nothing but DataError for bad files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.cube import Cube
from tui.core.errors import DataError
from tui.core.formats import DEFAULT_MAX_BYTES, read_table

FIXTURES = Path(__file__).parent.parent / "fixtures" / "formats"
ALL = sorted(FIXTURES.iterdir())


@pytest.mark.parametrize(
    ("name", "first_dimension", "cells"),
    [
        ("ssb_10974_v2.json", "NACE2007", 16),
        ("ssb_10978_v0.json", "NACE2007", 6),
        ("ssb_10974.px", "NACE2007", 16),
        ("estat_bulk_flavour.tsv", "indic_is", 24),
        ("estat_sdmx_flavour.tsv", "freq", 36),
        ("estat_sdmx.csv", "freq", 16),
    ],
)
def test_each_fixture_is_detected_by_content(
    tmp_path: Path, name: str, first_dimension: str, cells: int
) -> None:
    original = read_table(FIXTURES / name)
    assert original.dimensions[0].id == first_dimension
    assert len(original.values) == cells
    renamed = tmp_path / "table.dat"  # the extension says nothing
    renamed.write_bytes((FIXTURES / name).read_bytes())
    again = read_table(renamed)
    assert (again.values, again.statuses, again.dimensions) == (
        original.values,
        original.statuses,
        original.dimensions,
    )
    assert again.source == str(renamed)


def test_gzip_is_found_by_magic_bytes_for_any_format(tmp_path: Path) -> None:
    target = tmp_path / "table.json"  # gzip despite the name
    target.write_bytes(gzip.compress((FIXTURES / "ssb_10974_v2.json").read_bytes()))
    assert read_table(target).values == read_table(FIXTURES / "ssb_10974_v2.json").values


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    target = tmp_path / "bom.csv"
    target.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "estat_sdmx.csv").read_bytes())
    assert read_table(target).dimensions[0].id == "freq"


def write(tmp_path: Path, data: bytes, name: str = "input") -> Path:
    target = tmp_path / name
    target.write_bytes(data)
    return target


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "file is empty"),
        (b"  \n\t\n", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary data"),
        (b"geo,time,value\nNO,2024,1\n", "unknown format"),
        (b"hello world", "unknown format"),
        (b"\x1f\x8b\x08\x00garbage", "broken gzip data"),
        (gzip.compress(b"geo\\time\t2024 \nNO\t1 \n")[:-6], "broken gzip data"),
        (gzip.compress(b""), "file is empty"),
        (b'{"version": "2.0", "class": "dataset", "id": ["a"', "invalid JSON"),
    ],
)
def test_bad_files_raise_data_error_naming_the_file(
    tmp_path: Path, data: bytes, problem: str
) -> None:
    target = write(tmp_path, data)
    with pytest.raises(DataError) as err:
        read_table(target)
    assert err.value.source == str(target)
    assert problem in err.value.problem
    assert str(err.value).startswith(str(target))


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    target = write(tmp_path, b"x" * 2048)
    with pytest.raises(DataError) as err:
        read_table(target, max_bytes=1000)
    assert err.value.problem == "file is 2048 bytes, larger than the 1000 bytes limit"
    assert DEFAULT_MAX_BYTES == 200 * 1024 * 1024


def test_limit_message_in_megabytes(tmp_path: Path) -> None:
    target = write(tmp_path, b"x" * (3 * 1024 * 1024))
    with pytest.raises(DataError, match=r"file is 3\.0 MB, larger than the 2\.0 MB limit"):
        read_table(target, max_bytes=2 * 1024 * 1024)


def test_gzip_that_expands_past_the_limit_is_refused(tmp_path: Path) -> None:
    target = write(tmp_path, gzip.compress(b"0 " * 50_000))
    with pytest.raises(DataError, match="gzip content is larger than the 1000 bytes limit"):
        read_table(target, max_bytes=1000)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read file: No such file or directory"):
        read_table(tmp_path / "nope.px")
    with pytest.raises(DataError, match="is a folder, not a file"):
        read_table(tmp_path)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    source=st.sampled_from(ALL),
    cut=st.integers(min_value=0, max_value=4000),
    junk=st.binary(max_size=8),
    where=st.floats(min_value=0, max_value=1),
)
def test_damaged_fixtures_only_ever_raise_data_error(
    tmp_path: Path, source: Path, cut: int, junk: bytes, where: float
) -> None:
    data = source.read_bytes()[:cut]
    at = int(len(data) * where)
    target = write(tmp_path, data[:at] + junk + data[at + len(junk) :], "fuzz")
    try:
        assert isinstance(read_table(target), Cube)
    except DataError as err:
        assert err.source == str(target)
        assert err.problem and "\n" not in err.problem
