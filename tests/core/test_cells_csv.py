"""`ikt show --file F --all --format csv` writes exactly what csv.writer makes of the cell rows.

cells_csv puts whole lines together from ready pieces for speed; cell_table builds the same rows
one field at a time. Both must give the same bytes for every kind of table, and the benchmark's
300,000-cell file must print byte for byte as it did before the faster writing.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
from pathlib import Path

import pytest

from tui.core.cells import cell_table, cells_csv
from tui.core.formats import read_table

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = sorted(
    path
    for folder in ("formats", "periods", "tolerated")
    for path in (TESTS / "fixtures" / folder).iterdir()
    if path.suffix in {".json", ".px", ".tsv", ".csv", ".gz"}
)
BENCH_FILE = TESTS.parent / "bench" / "bench_file.py"
BENCH_CSV_SHA256 = "c523a29661158395f18dc9107a87616bb93afe675bf33df46ed3bbebe0fb82d4"
"""sha256 of the CSV printed for bench/bench_file.py's table before lines were built whole."""


def writer_csv(path: Path) -> str:
    """The cell rows of `path` through csv.writer, one field at a time."""
    table = cell_table(read_table(path))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.keys)
    writer.writerows(table.rows)
    return buffer.getvalue()


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_every_fixture_prints_as_csv_writer_writes_its_cells(path: Path) -> None:
    assert cells_csv(read_table(path)) == writer_csv(path)


def test_zeros_flags_gaps_and_quoted_codes_print_as_csv_writer_writes_them(
    tmp_path: Path,
) -> None:
    # time last (as TSV columns newest first), zeros of both signs, tiny and huge values,
    # repeated values with different flags, a missing cell with a flag, codes needing quotes
    rows = [
        'A,E"1,PC\t0 \t-0 \t1.5 b\t1.5 \t: c',
        "A,E2,PC\t0.0000001 \t123456789012345678 \t: \t-2.25 u\t1.5 b",
        "A,E 3,PC\t:\t7 \t7 p\t-0.0 \t0 ",
    ]
    path = tmp_path / "mixed.tsv"
    header = "freq,indic_is,unit\\TIME_PERIOD\t2024 \t2023 \t2022 \t2021 \t2020 "
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    printed = cells_csv(read_table(path))
    assert printed == writer_csv(path)
    assert "0.0000001" in printed and ",-0," in printed and '"E""1"' in printed


def test_the_benchmark_table_prints_byte_for_byte_as_before(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_file", BENCH_FILE)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    path = bench.write_tsv(tmp_path)
    printed = cells_csv(read_table(path)).encode("utf-8")
    assert printed.count(b"\r\n") == bench.CELLS + 1
    assert hashlib.sha256(printed).hexdigest() == BENCH_CSV_SHA256
