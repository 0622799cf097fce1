"""`ikt tables`: SSB's table list as text, CSV and JSON, against the loopback SSB API."""

from __future__ import annotations

import csv
import io
import json

from tests.helpers.cli import Run
from tests.helpers.ssb_server import SsbServer
from tests.helpers.ssb_table_list import LISTED


def test_the_text_list_shows_each_tables_facts(run: Run, ssb_api: SsbServer) -> None:
    result = run("tables", "sosiale", "medium")
    assert result.code == 0, result.err
    lines = {line.split()[0]: line for line in result.out.splitlines() if line[:5].isdigit()}
    assert set(lines) == {"10977", "10978", "14933"}
    assert "2026-2026" in lines["14933"] and "continued" in lines["14933"]
    assert "2013-2025  2025-11-27  discontinued" in lines["10977"]
    assert LISTED["10978"][0] in lines["10978"]


def test_csv_and_json_have_one_record_per_table(run: Run, ssb_api: SsbServer) -> None:
    rows = list(csv.DictReader(io.StringIO(run("tables", "--format", "csv").out)))
    assert [r["id"] for r in rows] == list(LISTED)
    assert {r["id"]: r["discontinued"] for r in rows}["14933"] == "false"
    records = json.loads(run("tables", "--format", "json", "--lang", "en").out)
    assert records[-1] == {
        "id": "14933",
        "title": LISTED["14933"][1],
        "first_period": "2026",
        "last_period": "2026",
        "updated": "2026-11-26T07:00:00Z",
        "discontinued": False,
    }


def test_bad_options_and_no_answer(run: Run, ssb_api: SsbServer) -> None:
    bad = run("tables", "--format", "xlsx")
    assert bad.code == 2 and bad.err.startswith("ikt: invalid --format xlsx")
    assert run("tables", "--lang", "de").code == 2
    down = run("tables", "--api-url", "http://127.0.0.1:9/api/pxwebapi/v2")
    assert down.code == 1 and down.err.count("\n") == 1 and "cannot reach SSB API" in down.err
