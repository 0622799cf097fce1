"""`--format xlsx`: the table as shown, the figures as --format json has them, their sources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.helpers.cli import FakeTTY, Run, read_plain, set_label
from tui.core.dataset import Dataset
from tui.core.records import FIGURE_KEYS

CASES = [
    ["show", "ecommerce", "--by", "size"],
    ["show", "policy", "--geo", "NO,SE"],  # Sweden's 2024 figures are missing (:)
    ["show", "social-media", "--years", "2013-2015"],
    ["get", "ec_sales_turnover_value"],
    ["get", "eu_e_secpol2", "--geo", "NO,SE", "--group", "250+"],
]
NOT_CITED = {"source_id", "publisher", "title", "released", "url"}


def workbook(run: Run, folder: Path, argv: list[str]) -> dict[str, list[list[Any]]]:
    """Every sheet of the workbook `ikt ARGV --format xlsx` writes, as rows of cell values."""
    target = folder / "answer.xlsx"
    result = run(*argv, "--format", "xlsx", "--output", str(target))
    assert result.code == 0, result.err
    assert result.out == ""
    book = load_workbook(target)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def empty_as_none(value: Any) -> Any:
    """A cell has no empty text: json's "" and null both read back as an empty cell."""
    return None if value == "" else value


@pytest.mark.parametrize("argv", CASES, ids=[" ".join(a) for a in CASES])
def test_figures_sheet_equals_json_cell_by_cell(run: Run, tmp_path: Path, argv: list[str]) -> None:
    records = json.loads(run(*argv, "--format", "json").out)
    sheets = workbook(run, tmp_path, argv)
    header, *rows = sheets["figures"]
    assert header == list(FIGURE_KEYS)
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row == [empty_as_none(record[key]) for key in FIGURE_KEYS]
        value, status = row[FIGURE_KEYS.index("value")], row[FIGURE_KEYS.index("status")]
        if record["value"] is None:
            assert value is None and status  # missing: an empty cell, its symbol beside it
        else:
            assert isinstance(value, int | float) and not isinstance(value, bool)


def test_missing_values_are_empty_cells_with_their_symbol(run: Run, tmp_path: Path) -> None:
    sheets = workbook(run, tmp_path, ["show", "policy", "--geo", "NO,SE"])
    header, *rows = sheets["figures"]
    missing = [r for r in rows if r[header.index("value")] is None]
    assert missing, "the case should hold a missing figure"
    assert {r[header.index("status")] for r in missing} <= {":", "..", ".", ":u"}


@pytest.mark.parametrize("argv", CASES[:3], ids=[" ".join(a) for a in CASES[:3]])
def test_table_sheet_is_the_table_as_shown(run: Run, tmp_path: Path, argv: list[str]) -> None:
    piped = run(*argv).out
    shown = read_plain(piped)
    sheets = workbook(run, tmp_path, argv)
    rows = [["" if cell is None else cell for cell in row] for row in sheets["table"]]
    above, _table, *below = piped.rstrip("\n").split("\n\n")  # plain: title, table, notes
    assert [row[0] for row in rows[: len(above.splitlines())]] == above.splitlines()
    start = next(i for i, row in enumerate(rows) if row[: len(shown[0])] == shown[0])
    assert rows[start : start + len(shown)] == shown
    notes = [row[0] for row in rows[start + len(shown) :] if row[0]]
    assert notes == (below[0].splitlines() if below else [])


@pytest.mark.parametrize("argv", CASES, ids=[" ".join(a) for a in CASES])
def test_sources_sheet_names_every_source_cited(
    run: Run, tmp_path: Path, argv: list[str], dataset: Dataset
) -> None:
    records = json.loads(run(*argv, "--format", "json").out)
    header, *rows = workbook(run, tmp_path, argv)["sources"]
    assert set(header) == NOT_CITED
    cited = list(dict.fromkeys(r["source_id"] for r in records))
    assert [row[header.index("source_id")] for row in rows] == cited
    for row in rows:
        source = dataset.sources[row[header.index("source_id")]]
        for key in NOT_CITED:
            assert row[header.index(key)] == empty_as_none(getattr(source, key))


def test_xlsx_needs_a_file(run: Run, tty: Run, tmp_path: Path) -> None:
    line = "ikt: --format xlsx writes a workbook: name it with --output FILE.xlsx"
    for runner in (run, tty):
        result = runner("show", "ecommerce", "--format", "xlsx")
        assert (result.code, result.out, result.err.splitlines()) == (2, "", [line])


def test_xlsx_never_overwrites(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine.xlsx"
    target.write_bytes(b"not a workbook")
    result = run("show", "ecommerce", "--format", "xlsx", "--output", str(target))
    assert result.code == 2 and str(target) in result.err
    assert target.read_bytes() == b"not a workbook"
    result = run("show", "ecommerce", "--format", "xlsx", "--output", str(target), "--force")
    assert result.code == 0
    assert load_workbook(target).sheetnames == ["table", "figures", "sources"]


def test_a_label_like_a_formula_stays_text(
    run: Run, tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    formula = '=HYPERLINK("http://example.invalid","x")'
    set_label(data_copy, "indicator", "ec_sales_web", formula, formula)
    target = tmp_path / "tricky.xlsx"
    monkeypatch.setattr("sys.stdout", FakeTTY())  # a terminal on stdout changes nothing
    assert run("get", "ec_sales_web", "--format", "xlsx", "--output", str(target)).code == 0
    book = load_workbook(target)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c for c in cells if c.data_type == "f"]
    assert any(c.value == formula for c in cells)
