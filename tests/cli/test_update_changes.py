"""`ikt update --changes`: every new and revised figure, checked one by one against SSB's answers."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from tests.helpers.cli import Run, read_csv
from tests.helpers.ssb_server import SsbServer, answer_at, table_codes
from tui.core import load_dataset

SIZE_CODES = {"10-19": "02", "20-49": "03", "50-99": "04", "100+": "05"}  # DATA.md's SyssGrpIKT
SUMMARY = re.compile(r"^(\d+) new, (\d+) revised, (\d+) unchanged figures$", re.M)


def ssb_cell(record: dict[str, object]) -> dict[str, str]:
    """The stand-in's codes of one listed figure: size class and industry back to SSB's codes."""
    breakdown, group = str(record["breakdown"]), str(record["group"])
    size, nace = "00", "Total-K"
    if breakdown == "size":
        size = SIZE_CODES[group]
    elif breakdown == "industry":
        first, _, rest = group.partition(" ")
        size, nace = (SIZE_CODES[first], rest) if rest else ("00", group)
    code = str(record["indicator"]).removeprefix("ssb10974:").split("/")[0]
    return {"NACE2007": nace, "SyssGrpIKT": size, "ContentsCode": code, "Tid": str(record["year"])}


def counts(err: str) -> tuple[int, int, int]:
    found = SUMMARY.search(err)
    assert found, err
    new, revised, unchanged = (int(n) for n in found.groups())
    return new, revised, unchanged


def test_changes_as_json_are_the_stand_ins_figures_one_by_one(run: Run, ssb_api: SsbServer) -> None:
    result = run("update", "--tables", "10974", "--changes", "--format", "json")
    assert result.code == 0, result.err
    records = json.loads(result.out)  # stdout holds the list alone; the lines went to stderr
    new, revised, unchanged = counts(result.err)
    assert (new, revised, unchanged) == (155, 3, 2)
    assert len(records) == new + revised
    cells = 1
    for codes in table_codes("10974"):
        cells *= len(codes)
    assert new + revised + unchanged == cells  # every cell SSB gave is counted once
    snapshot = load_dataset()
    seen = set()
    for record in records:
        cell = ssb_cell(record)
        value, status = answer_at("10974", cell)
        expected = None if value is None else Decimal(str(value))
        got = None if record["new_value"] is None else Decimal(str(record["new_value"]))
        assert (got, record["new_status"]) == (expected, status), record
        key = tuple(cell.values())
        assert key not in seen, record
        seen.add(key)
        assert record["table"] == "10974" and record["source_id"] == "ssb-api-10974"
        before = None
        if record["embedded_indicator"]:
            before = snapshot.figure(
                str(record["embedded_indicator"]), int(str(record["year"])), str(record["group"])
            )
        if record["change"] == "revised":
            assert before is not None and before.series == "ssb", record
            assert Decimal(str(record["old_value"])) == before.exact
            assert (before.exact, before.status) != (got, status)
        else:
            assert record["change"] == "new"
            assert before is None or before.series != "ssb", record
            assert record["old_value"] is None and record["old_status"] is None
    revised_ones = {
        (r["embedded_indicator"], r["year"]) for r in records if r["change"] == "revised"
    }
    assert revised_ones == {("ec_any", 2012), ("ec_any", 2014), ("ec_edi", 2012)}


def test_changes_as_csv_hold_the_same_records(run: Run, ssb_api: SsbServer) -> None:
    as_json = json.loads(run("update", "--tables", "10974", "--changes", "--format", "json").out)
    result = run("update", "--tables", "10974", "--changes", "--format", "csv")
    assert result.code == 0, result.err
    rows = read_csv(result.out)
    assert len(rows) == len(as_json)
    for row, record in zip(rows, as_json, strict=True):
        assert list(row) == list(record)
        for key, value in record.items():
            assert row[key] == ("" if value is None else str(value)), (key, row, record)


def test_changes_as_text_give_before_and_now(run: Run, ssb_api: SsbServer) -> None:
    result = run("update", "--tables", "10974", "--changes", "--lang", "en")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "New and revised figures from SSB's API"
    value, _ = answer_at(
        "10974",
        {"NACE2007": "Total-K", "SyssGrpIKT": "00", "ContentsCode": "EhandelAll", "Tid": "2014"},
    )
    revised = [line for line in lines if line.startswith("revised ")]
    assert len(revised) == 3
    row_2014 = [line for line in revised if " 2014 " in line]
    assert len(row_2014) == 1
    assert re.search(rf"\s66%\s+{re.escape(str(value))}%\s+ssb-api-10974$", row_2014[0])
    new_rows = [line for line in lines if line.startswith("new ")]
    assert len(new_rows) == 155


def test_changes_in_bokmal_have_a_decimal_comma(run: Run, ssb_api: SsbServer) -> None:
    result = run("update", "--tables", "10974", "--changes")  # SSB's labels in Norwegian
    assert result.code == 0, result.err
    revised = [line for line in result.out.splitlines() if line.startswith("revidert ")]
    assert any(re.search(r"\s66 %\s+\d+,\d %\s", line) for line in revised), revised


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["--format", "csv"], "ikt: --format applies to --changes only"),
        (["--changes", "--format", "xlsx"], "ikt: invalid --format xlsx"),
        (["--changes", "--format", "yaml"], "ikt: invalid --format yaml"),
    ],
)
def test_a_bad_changes_format_is_one_line_exit_2(
    run: Run, ssb_api: SsbServer, argv: list[str], problem: str
) -> None:
    result = run("update", "--tables", "10974", *argv)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(problem) and result.err.count("\n") == 1, result.err
    assert ssb_api.state.requests == []  # refused before anything was fetched
