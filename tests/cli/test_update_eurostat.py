"""`ikt update` with Eurostat: the source choice, faults as one line, countries compared after."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from tests.helpers.cli import Run
from tests.helpers.eurostat_data import DATASETS, answer
from tests.helpers.eurostat_server import EurostatServer
from tests.helpers.ssb_server import SsbServer
from tui.core.cache import read_entry
from tui.core.formats.jsonstat import parse_jsonstat


def test_update_source_eurostat_fetches_every_registered_dataset(
    run: Run, eurostat_api: EurostatServer, tmp_path: Path
) -> None:
    result = run("update", "--source", "eurostat", "--geo", "NO,SE")
    assert result.code == 0, result.err
    *lines, summary = result.out.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"dataset {code}" for code in DATASETS]
    assert all("in NO, SE (fetched " in line for line in lines)
    assert re.fullmatch(r"\d+ new, \d+ revised, \d+ unchanged figures", summary), summary
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(
        f"eurostat-{code}.json" for code in DATASETS
    )


def test_update_alone_asks_both_sources(
    run: Run, ssb_api: SsbServer, eurostat_api: EurostatServer
) -> None:
    result = run("update")
    assert result.code == 0, result.err
    assert "table 10974:" in result.out and "dataset isoc_cismt:" in result.out
    assert ssb_api.state.data_requests() and eurostat_api.state.requests
    tables_only = run("update", "--tables", "10974")
    assert "dataset" not in tables_only.out


def test_show_compares_countries_with_the_fetched_figures(
    run: Run, eurostat_api: EurostatServer
) -> None:
    assert run("update", "--datasets", "isoc_cismt", "--geo", "NO,SE").code == 0
    result = run("show", "social-media", "--geo", "NO,SE", "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    doc = answer("isoc_cismt", ["NO", "SE"])
    time = list(doc["dimension"]["time"]["category"]["index"])
    geos = list(doc["dimension"]["geo"]["category"]["index"])
    indics = list(doc["dimension"]["indic_is"]["category"]["index"])
    # GE10 total, the only nace_r2 and unit: the flat position is (indic, geo, time)
    expected = {}
    for i, indic in enumerate(indics):
        for g, geo in enumerate(geos):
            for t, year in enumerate(time):
                key = str((i * len(geos) + g) * len(time) + t)
                if key in doc["value"]:
                    expected[(indic, geo, year)] = doc["value"][key]
    shown = {
        (r["indicator"].split(":")[2].split("/")[0], r["geo"], r["year"]): float(r["value"])
        for r in rows
        if r["indicator"].startswith("eurostat:isoc_cismt:") and r["value"]
    }
    assert shown == expected and len(shown) == len(indics) * 2 * len(time)


def test_an_unknown_dataset_is_one_line_exit_2(run: Run, eurostat_api: EurostatServer) -> None:
    result = run("update", "--datasets", "isoc_cismt,isoc_nothing", "--geo", "NO")
    assert result.code == 2
    assert result.err == (
        "ikt: Eurostat dataset isoc_nothing: 404 ERR_NOT_FOUND_4: ISOC_NOTHING"
        " (DATA_FLOW:ALL,1.0) is not available for dissemination.\n"
    )
    assert "dataset isoc_cismt: " in result.out


def test_a_413_is_split_and_a_fault_leaves_the_cache(
    run: Run, eurostat_api: EurostatServer, tmp_path: Path
) -> None:
    eurostat_api.state.max_geos = 3
    assert run("update", "--datasets", "tin00110").code == 0
    entry = tmp_path / "cache" / "eurostat-tin00110.json"
    before = entry.read_bytes()
    cached = read_entry("eurostat-tin00110.json", tmp_path / "cache")
    assert cached is not None
    geo = parse_jsonstat(cached.body, "cache").dimension("geo")
    assert geo is not None and sorted(geo.codes) == ["DK", "EU27_2020", "FI", "IS", "NO", "SE"]
    assert len([r for r in eurostat_api.state.requests if len(r.query["geo"]) > 3]) == 1
    eurostat_api.state.faults["tin00110"] = ["html200"]
    failed = run("update", "--datasets", "tin00110")
    assert failed.code == 1 and failed.err.count("\n") == 1
    assert entry.read_bytes() == before
    offline = run("update", "--datasets", "tin00110", "--offline")
    assert offline.code == 0 and "(cache)" in offline.out


def test_dry_run_and_bad_options(run: Run, eurostat_api: EurostatServer) -> None:
    dry = run(
        "update", "--source", "eurostat", "--datasets", "isoc_cismt", "--geo", "no,se", "--dry-run"
    )
    assert dry.out == f"{eurostat_api.api_url}/isoc_cismt?format=JSON&lang=EN&geo=NO&geo=SE\n"
    assert eurostat_api.state.requests == []
    for argv, problem in (
        (["--source", "both"], "invalid --source both"),
        (["--api-url", "http://x"], "--api-url names one API"),
        (["--source", "eurostat", "--geo", "N O"], "invalid --geo"),
        (["--datasets", ","], "invalid --datasets"),
    ):
        bad = run("update", *argv)
        assert bad.code == 2 and bad.err.startswith("ikt: ") and problem in bad.err, bad.err
