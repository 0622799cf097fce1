"""Hostile and broken files: every reader refuses them with one clear line, never a traceback.

Each file in tests/fixtures/bad/ has its expected problem in EXPECTED below, so a file refused
for the wrong reason fails the test. The command line must say the same in one line on stderr,
with exit code 2, for `ikt show --file F` and for `ikt open F` (before any interface starts).
Large and expanding inputs are generated in a temporary folder, never committed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.core.cube import Cube
from tui.core.errors import DataError
from tui.core.formats import DEFAULT_MAX_BYTES, read_table

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BAD = FIXTURES / "bad"
TOLERATED = FIXTURES / "tolerated"
FORMATS = FIXTURES / "formats"
TIMEOUT = 20.0
MB = 1024 * 1024

# file name -> a piece of the problem the reader must report (not just "some error")
EXPECTED: dict[str, str] = {
    # found by content before any reader runs
    "empty.json": "file is empty",
    "whitespace_only.px": "file is empty",
    "binary_garbage.dat": "binary data, not a statistics file",
    "zip_archive_as_csv.csv": "binary data, not a statistics file",
    "utf16_jsonstat.json": "binary data, not a statistics file",
    "unknown_plain_text.txt": "unknown format",
    "html_error_page.json": "looks like an HTML page",
    "xml_document.json": "unknown format",
    "plain_csv_without_obs_value.csv": "unknown format",
    "json_top_level_string.json": "unknown format",
    "json_top_level_null.json": "unknown format",
    # gzip (any format inside)
    "estat_tsv_truncated.tsv.gz": "broken gzip data: Compressed file ended",
    "gzip_header_then_garbage.tsv.gz": "broken gzip data",
    "gzip_bad_crc.tsv.gz": "broken gzip data: CRC check failed",
    "gzip_of_binary_garbage.gz": "binary data, not a statistics file",
    "gzip_of_nothing.tsv.gz": "file is empty",
    "gzip_of_bad_tsv.tsv.gz": "value 'abc' is not a number",
    # JSON and JSON-stat
    "jsonstat_truncated.json": "invalid JSON:",
    "json_top_level_array.json": "JSON-stat must be an object at the top level",
    "json_deeply_nested.json": "JSON is nested too deeply",
    "jsonstat_latin1_bytes.json": "not UTF-8 text",
    "jsonstat_not_json_stat.json": "not a JSON-stat dataset",
    "jsonstat_1x_bundle.json": "JSON-stat 1.x bundles are not supported",
    "jsonstat_1x_dataset_without_version.json": "this is a JSON-stat 1.x dataset (it has no 'version')",
    "jsonstat_2_bundle_without_class.json": "this is a JSON-stat 2.0 bundle of 2 datasets (sales, edi)",
    "jsonstat_pxwebapi_metadata.json": "its data endpoint (/tables/10974/data) gives the values",
    "jsonstat_version_1.json": "JSON-stat version '1.0' is not supported",
    "jsonstat_class_collection.json": "JSON-stat class 'collection' is not supported",
    "jsonstat_class_dimension.json": "JSON-stat class 'dimension' is not supported",
    "jsonstat_size_mismatch_value.json": "'value' has 5 entries but the sizes multiply to 6",
    "jsonstat_size_mismatch_categories.json": "dimension 'Tid' has 3 categories but size says 2",
    "jsonstat_size_mismatch_id.json": "'size' has 1 entries but 'id' has 2",
    "jsonstat_negative_size.json": "'size' must be a list of non-negative integers",
    "jsonstat_repeated_dimension_id.json": "'id' names a dimension twice",
    "jsonstat_string_value.json": "value at position 1 is '29,5', not a number or null",
    "jsonstat_boolean_value.json": "value at position 4 is 'True', not a number or null",
    "jsonstat_duplicate_code_array.json": "duplicate category code '2021'",
    "jsonstat_duplicate_code_object.json": "duplicate key 'NettSalg'",
    "jsonstat_index_positions_gap.json": "category index positions must be 0..2",
    "jsonstat_nan_literal.json": "NaN is not a valid value",
    "jsonstat_infinity_literal.json": "Infinity is not a valid value",
    "jsonstat_negative_infinity_literal.json": "-Infinity is not a valid value",
    "jsonstat_overflow_1e999.json": "value at position 1 is inf, not a finite number",
    "jsonstat_missing_dimension.json": "dimension 'Tid' is missing or has no 'category'",
    "jsonstat_missing_value.json": "'value' must be a list or an object",
    "jsonstat_sparse_value_out_of_range.json": "'value' key '6' is not a position below 6",
    "jsonstat_huge_position_key.json": "'value' key '99999",
    "jsonstat_sparse_too_many_cells.json": "would have 777600000 cells (limit 20000000)",
    "jsonstat_status_wrong_length.json": "'status' has 3 entries but there are 6 values",
    "jsonstat_status_not_text.json": "status 7 is not a string",
    "jsonstat_role_unknown_dimension.json": "role 'time' names unknown dimension 'Year'",
    # PX
    "px_no_data.px": "no DATA keyword",
    "px_truncated_in_data.px": "DATA is not ended by ';'",
    "px_too_few_cells.px": "DATA has 3 cells but the table needs 4 (2 x 2)",
    "px_too_many_cells.px": "DATA has 5 cells but the table needs 4 (2 x 2)",
    "px_unknown_symbol.px": "DATA cell 2 is '..x', not a number",
    "px_word_in_data.px": "DATA cell 2 is 'n/a', not a number",
    "px_overflow_1e999.px": "DATA cell 2 is '1e999', not a number",
    "px_unterminated_string.px": "keyword VALUES is not ended by ';'",
    "px_declared_utf8_windows1252_bytes.px": "text is not valid utf-8",
    "px_unknown_codepage.px": "unknown CODEPAGE 'klingon-8'",
    "px_no_stub_or_heading.px": "no STUB or HEADING variables",
    "px_missing_values.px": "no VALUES for variable 'år'",
    "px_codes_values_mismatch.px": "variable 'år' has 3 CODES but 2 VALUES",
    "px_duplicate_code.px": "variable 'år' has duplicate code '2022'",
    "px_keys_sparse_data.px": "KEYS (sparse DATA) are not supported",
    "px_missing_comma.px": "missing comma in list",
    "px_garbage_line.px": "cannot read keyword at '%%% ???",
    # Eurostat TSV
    "estat_tsv_unknown_flag.tsv": "unknown flag 'q'",
    "estat_tsv_unknown_conf_status.tsv": "unknown flag '@X'",
    "estat_tsv_row_too_short.tsv": "line has 3 cells but the header has 4",
    "estat_tsv_row_too_long.tsv": "line has 5 cells but the header has 4",
    "estat_tsv_truncated_last_line.tsv": "the last line is cut short: truncated file?",
    "estat_tsv_non_numeric.tsv": "value 'n/a' is not a number",
    "estat_tsv_decimal_comma.tsv": "value '27,52' is not a number",
    "estat_tsv_overflow_1e999.tsv": "value '1e999' is not a number",
    "estat_tsv_empty_cell.tsv": "empty cell for 2018",
    "estat_tsv_header_only.tsv": "header only, no data lines",
    "estat_tsv_series_twice.tsv": "series 'E_AESELL,PC_ENT,NO' is given twice",
    "estat_tsv_key_parts.tsv": "series key 'E_AESELL,NO' has 2 parts, expected 3",
    "estat_tsv_repeated_column.tsv": "header has empty or repeated column codes",
    "estat_tsv_latin1_bytes.tsv": "text is not valid UTF-8",
    # SDMX-CSV
    "sdmx_missing_obs_value_column.csv": "unknown format",
    "sdmx_wrong_column_count.csv": "line has 7 columns but the header has 9",
    "sdmx_unclosed_quote.csv": "line has 3 columns but the header has 9",
    "sdmx_non_numeric_obs_value.csv": "value 'twenty' is not a number",
    "sdmx_unknown_flag.csv": "unknown flag 'zz!'",
    "sdmx_duplicate_observation.csv": "observation A,E_AESELL,PC_ENT,NO,2019 is given twice",
    "sdmx_repeated_header_name.csv": "header needs one OBS_VALUE column and no repeated names",
    "sdmx_no_dimension_columns.csv": "no dimension columns",
    "sdmx_header_only.csv": "header only, no data lines",
    "sdmx_nul_in_text.csv": "binary data, not a statistics file",
}

# the line number a reader gives, where it gives one
LINES: dict[str, int] = {
    "px_too_few_cells.px": 16,
    "px_unknown_symbol.px": 17,
    "px_declared_utf8_windows1252_bytes.px": 5,
    "estat_tsv_row_too_short.tsv": 3,
    "estat_tsv_non_numeric.tsv": 2,
    "sdmx_non_numeric_obs_value.csv": 3,
}

BAD_FILES = sorted(p.name for p in BAD.iterdir() if p.name != "README.md")


def test_every_bad_file_has_an_expected_problem() -> None:
    assert len(BAD_FILES) >= 40
    assert set(BAD_FILES) == set(EXPECTED)
    readme = (BAD / "README.md").read_text(encoding="utf-8")
    assert [name for name in BAD_FILES if f"`{name}`" not in readme] == []


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_files_are_small(name: str) -> None:
    assert (BAD / name).stat().st_size < 10 * 1024


@pytest.mark.parametrize("name", BAD_FILES)
def test_read_table_names_the_file_and_the_problem(name: str) -> None:
    path = BAD / name
    with pytest.raises(DataError) as caught:
        read_table(path)
    err = caught.value
    assert err.source == str(path)
    assert EXPECTED[name] in err.problem
    assert str(err).startswith(f"{path}:")
    assert "\n" not in str(err)
    if name in LINES:
        assert err.line == LINES[name]


@pytest.mark.parametrize(
    ("name", "same_as"),
    [
        ("jsonstat_utf8_bom.json", "ssb_10978_v0.json"),
        ("estat_tsv_crlf.tsv", "estat_bulk_flavour.tsv"),
        ("sdmx_utf8_bom_crlf.csv", "estat_sdmx.csv"),
    ],
)
def test_tolerated_files_read_like_the_clean_original(name: str, same_as: str) -> None:
    tolerated, original = read_table(TOLERATED / name), read_table(FORMATS / same_as)
    assert tolerated.dimensions == original.dimensions
    assert tolerated.values == original.values
    assert tolerated.statuses == original.statuses


def test_px_with_utf8_bom_reads_its_text_and_symbols() -> None:
    cube = read_table(TOLERATED / "px_utf8_bom.px")
    assert [d.label for d in cube.dimensions] == ["statistikkvariabel", "år"]
    assert cube.dimensions[1].id == "Tid" and cube.dimensions[1].role == "time"
    assert cube.values == (28.0, None, 61.0, 63.2)
    assert cube.statuses == ("", "..", "", "")


def test_every_tolerated_file_is_tested() -> None:
    assert sorted(p.name for p in TOLERATED.iterdir()) == [
        "estat_tsv_crlf.tsv",
        "jsonstat_utf8_bom.json",
        "px_utf8_bom.px",
        "sdmx_utf8_bom_crlf.csv",
    ]
    assert all(isinstance(read_table(p), Cube) for p in TOLERATED.iterdir())


# --- the command line, in fresh processes that are not attached to a terminal


@dataclass(frozen=True)
class Finished:
    code: int
    out: str
    err: str
    peak_kb: int  # largest resident set of the command, in KB


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("IKT_", "PYTEST_"))}
    env.update(LANG="C.UTF-8", PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
    env.pop("LC_ALL", None)
    return env


# A process starts with its parent's peak memory (ru_maxrss survives fork and exec), so the
# command runs under this small launcher, which reports the command's own peak and exit code.
LAUNCHER = """
import os, subprocess, sys
report, *argv = sys.argv[1:]
command = subprocess.Popen(argv)
_, status, usage = os.wait4(command.pid, 0)
with open(report, "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def ikt(*argv: str, timeout: float = TIMEOUT) -> Finished:
    """Run `python -m tui ARGV` with no terminal at all; measure its peak memory."""
    with tempfile.TemporaryDirectory() as folder:
        report, out_path, err_path = (Path(folder) / name for name in ("peak", "out", "err"))
        with out_path.open("wb") as out, err_path.open("wb") as err:
            launcher = subprocess.Popen(
                [sys.executable, "-c", LAUNCHER, str(report), sys.executable, "-m", "tui", *argv],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                cwd=ROOT,
                env=environment(),
                start_new_session=True,  # its own process group, and no controlling terminal
            )
            try:
                code = launcher.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(launcher.pid, signal.SIGKILL)
                launcher.wait()
                raise AssertionError(
                    f"ikt {' '.join(argv)} still running after {timeout:.0f} s"
                ) from None
        return Finished(
            code,
            out_path.read_text(encoding="utf-8", errors="replace"),
            err_path.read_text(encoding="utf-8", errors="replace"),
            int(report.read_text()),
        )


COMMANDS: dict[str, Callable[[Path], tuple[str, ...]]] = {
    "show": lambda path: ("show", "--file", str(path), "--format", "csv"),
    "open": lambda path: ("open", str(path)),
}


@pytest.fixture(scope="module")
def cli_results() -> dict[tuple[str, str], Finished]:
    """Every bad file through both commands, run side by side to keep the suite quick."""
    jobs = [(command, name) for command in COMMANDS for name in BAD_FILES]
    with ThreadPoolExecutor(max_workers=8) as pool:
        done = pool.map(lambda job: ikt(*COMMANDS[job[0]](BAD / job[1])), jobs)
        return dict(zip(jobs, done, strict=True))


def assert_one_line_naming(result: Finished, path: Path, problem: str) -> None:
    assert "Traceback" not in result.err, result.err
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("ikt: "), lines[0]
    assert path.name in lines[0], lines[0]
    assert problem in lines[0], lines[0]
    assert result.code == 2, result.err


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("name", BAD_FILES)
def test_cli_refuses_a_bad_file_in_one_line(
    cli_results: dict[tuple[str, str], Finished], command: str, name: str
) -> None:
    assert_one_line_naming(cli_results[(command, name)], BAD / name, EXPECTED[name])


# --- inputs too large to commit, written in chunks and removed afterwards

ROW = b"E_AESELL,PC_ENT,NO\t27.52 \t28.64 \t30.21".ljust(63) + b"\n"  # 64 bytes: chunks align
HEADER = b"indic_is,unit,geo\\time\t2019 \t2018 \t2017 \n"
CHUNK = ROW * (MB // len(ROW))


@pytest.fixture
def huge_tsv(tmp_path: Path) -> Iterator[Path]:
    """A 300 MB Eurostat TSV of repeated valid rows, never held in memory at once."""
    path = tmp_path / "huge.tsv"
    with path.open("wb") as handle:
        handle.write(HEADER)
        for _ in range(300):
            handle.write(CHUNK)
    yield path
    path.unlink()


def test_read_table_refuses_a_file_over_the_limit_quickly(huge_tsv: Path) -> None:
    size = huge_tsv.stat().st_size
    assert size > DEFAULT_MAX_BYTES
    started = time.monotonic()
    with pytest.raises(DataError) as caught:
        read_table(huge_tsv)
    assert time.monotonic() - started < 1.0
    assert caught.value.source == str(huge_tsv)
    problem = caught.value.problem
    assert f"file is {size / MB:.1f} MB" in problem
    assert f"the {DEFAULT_MAX_BYTES / MB:.1f} MB limit" in problem


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_refuses_a_file_over_the_limit_in_little_memory(huge_tsv: Path, command: str) -> None:
    size = huge_tsv.stat().st_size
    result = ikt(*COMMANDS[command](huge_tsv))
    assert_one_line_naming(result, huge_tsv, f"file is {size / MB:.1f} MB")
    assert "200.0 MB limit" in result.err
    assert result.peak_kb < 100 * 1024, f"peak memory {result.peak_kb // 1024} MB"


@pytest.fixture
def gzip_bomb(tmp_path: Path) -> Iterator[Path]:
    """About 1.5 MB of gzip that expands to 512 MB of valid rows, past the 200 MB limit."""
    path = tmp_path / "bomb.tsv.gz"
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31: gzip header and trailer
    with path.open("wb") as handle:
        handle.write(packer.compress(HEADER))
        for _ in range(512):
            handle.write(packer.compress(CHUNK))
        handle.write(packer.flush())
    yield path
    path.unlink()


def test_gzip_bomb_is_refused_with_a_clear_message(gzip_bomb: Path) -> None:
    assert gzip_bomb.stat().st_size < 2 * MB
    with pytest.raises(DataError) as caught:
        read_table(gzip_bomb)
    assert caught.value.source == str(gzip_bomb)
    assert caught.value.problem == "gzip content is larger than the 200.0 MB limit"


def test_cli_refuses_a_gzip_bomb_without_expanding_all_of_it(gzip_bomb: Path) -> None:
    result = ikt(*COMMANDS["show"](gzip_bomb))
    assert_one_line_naming(result, gzip_bomb, "gzip content is larger than the 200.0 MB limit")
    # decompression stops at the limit: far less memory than the 512 MB the file expands to
    assert result.peak_kb < 350 * 1024, f"peak memory {result.peak_kb // 1024} MB"
