"""`ikt update` with Eurostat against the stand-in: --changes figure by figure, and `ikt show`
with one row per measure, the fetched values where fetched and the snapshot's elsewhere."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

import pytest

from tests.helpers.cli import Run
from tests.helpers.eurostat_expected import embedded_places, own_row_cell
from tests.helpers.eurostat_server import EurostatServer
from tui.core import eurostat_api as eurostat_api_module
from tui.core import load_dataset
from tui.core.cache import read_entry
from tui.core.numbers import format_value
from tui.core.ssb_query import RateLimiter

GEOS = ["NO", "SE"]
SUMMARY = re.compile(r"^(\d+) new, (\d+) revised, (\d+) unchanged figures$", re.M)


@pytest.fixture(autouse=True)
def unpaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test fetches all seven datasets from the loopback stand-in: no minute's pause."""
    monkeypatch.setattr(eurostat_api_module, "SHARED_LIMITER", RateLimiter(1000, 1.0))


def number(text: object) -> Decimal | None:
    return None if text in (None, "") else Decimal(str(text))


def test_changes_list_every_new_and_revised_eurostat_figure(
    run: Run, eurostat_api: EurostatServer
) -> None:
    result = run(
        "update", "--source", "eurostat", "--geo", "NO,SE", "--changes", "--format", "json"
    )
    assert result.code == 0, result.err
    records = json.loads(result.out)
    found = SUMMARY.search(result.err)
    assert found, result.err
    new, revised, _unchanged = (int(n) for n in found.groups())
    assert len(records) == new + revised and revised > 10
    entry = read_entry("eurostat-isoc_ec_esels.json")
    assert entry is not None
    day = entry.fetched_at[:10]
    snapshot = load_dataset()
    expected = embedded_places(GEOS)
    seen: set[tuple[str, str, str, int]] = set()
    for record in records:
        indicator, geo, group = str(record["indicator"]), str(record["geo"]), str(record["group"])
        year, breakdown = int(str(record["year"])), str(record["breakdown"])
        place = (indicator, geo, group, year)
        assert place not in seen, record
        seen.add(place)
        assert record["fetched_on"] == day
        if record["embedded_indicator"]:
            assert record["embedded_indicator"] == indicator
            value, status, code = expected[(indicator, geo, breakdown, group, year)]
        else:
            assert indicator.startswith("eurostat:"), record
            value, status, code = own_row_cell(indicator, geo, breakdown, group, year)
        assert (number(record["new_value"]), record["new_status"]) == (value, status), record
        assert record["table"] == code and record["source_id"] == f"eurostat-api-{code}"
        before = snapshot.figure(indicator, year, group, geo)
        if record["change"] == "revised":
            assert before is not None, record
            assert (number(record["old_value"]), record["old_status"]) == (
                before.exact,
                before.status,
            )
            assert (before.exact, before.status) != (value, status)
        else:
            assert record["change"] == "new"
            assert before is None, record
            assert record["old_value"] is None
    # every listed place the snapshot has with another value is listed as revised
    for (indicator, geo, _b, group, year), (value, status, _code) in expected.items():
        before = snapshot.figure(indicator, year, group, geo)
        if before is not None and (before.exact, before.status) != (value, status):
            assert (indicator, geo, group, year) in seen


def test_the_changes_table_names_the_country_and_both_values(
    run: Run, eurostat_api: EurostatServer
) -> None:
    result = run(
        "update", "--datasets", "isoc_ec_esels", "--geo", "NO,SE", "--changes", "--lang", "en"
    )
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "New and revised figures from Eurostat's API"
    snapshot = load_dataset()
    expected = embedded_places(GEOS, ["isoc_ec_esels"])
    revised = [
        (place, value, before)
        for place, (value, _status, _code) in expected.items()
        if place[1] == "SE"
        and value is not None
        and (before := snapshot.figure(place[0], place[4], place[3], "SE")) is not None
        and before.exact is not None
        and before.exact != value
    ]
    assert revised
    (indicator, _geo, _b, group, year), value, before = revised[0]
    name = snapshot.labels.get("indicator", indicator, "en")
    where = f"{snapshot.labels.get('group', group, 'en')}, SE"
    line = next(
        row
        for row in result.out.splitlines()
        if f" {name} " in row and f" {where} " in row and f" {year} " in row
    )
    assert line.split()[0] == "revised"
    assert f" {format_value(before, 'en')} " in line and f" {value}% " in line


def test_show_gives_one_row_per_measure_with_the_fetched_values(
    run: Run, eurostat_api: EurostatServer
) -> None:
    assert run("update", "--source", "eurostat", "--geo", "NO,SE").code == 0
    result = run("show", "ecommerce", "--geo", "NO,SE", "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    snapshot = load_dataset()
    expected = embedded_places(GEOS)
    places = [(r["indicator"], r["geo"], r["group"], int(r["year"])) for r in rows]
    assert len(places) == len(set(places))  # one figure per measure, country and year
    assert not [r for r in rows if r["indicator"].startswith("eurostat:")]
    fetched = 0
    for row, (indicator, geo, group, year) in zip(rows, places, strict=True):
        shown = (number(row["value"]), row["status"])
        if (indicator, geo, "total", group, year) in expected:
            value, status, code = expected[(indicator, geo, "total", group, year)]
            assert shown == (value, status), row
            assert row["source_id"] == f"eurostat-api-{code}"
            fetched += 1
        else:
            before = snapshot.figure(indicator, year, group, geo)
            assert before is not None and shown == (before.exact, before.status), row
            assert row["source_id"] == before.source_id
    # every fetched total of an e-commerce measure is shown, once
    on_screen = {
        p for p in expected if p[2] == "total" and snapshot.indicators[p[0]].theme == "ecommerce"
    }
    assert fetched == len(on_screen) > 0
