"""The Eurostat client against the loopback stand-in: filtered, split, cached, and its faults."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.eurostat_data import answer
from tests.helpers.eurostat_server import EurostatServer
from tui.core.cache import read_entry
from tui.core.cube import Cube
from tui.core.errors import NetworkError
from tui.core.eurostat_api import EurostatAnswer, EurostatClient, fetch_dataset
from tui.core.ssb_query import RateLimiter


def client(server: EurostatServer, **kwargs: Any) -> EurostatClient:
    """A client with its own pacing, so tests never wait on one another."""
    return EurostatClient(
        server.api_url, limiter=RateLimiter(1000, 1.0), sleep=lambda s: None, **kwargs
    )


def cells_by_codes(doc: dict[str, Any]) -> dict[tuple[str, ...], tuple[Any, str]]:
    """Every cell of a JSON-stat answer keyed by its codes, read straight from the document."""
    codes = [list(doc["dimension"][d]["category"]["index"]) for d in doc["id"]]
    out = {}
    for flat, combo in enumerate(itertools.product(*codes)):
        value, status = doc["value"].get(str(flat)), doc.get("status", {}).get(str(flat), "")
        if value is not None or status:
            out[combo] = (value, status)
    return out


def cube_cells(cube: Cube) -> dict[tuple[str, ...], tuple[Any, str]]:
    return {codes: (v, s) for codes, v, s in cube.cells() if v is not None or s}


def test_a_dataset_is_asked_for_the_geographies_only(eurostat_api: EurostatServer) -> None:
    got = fetch_dataset("isoc_cismt", ("NO", "SE"), client=client(eurostat_api))
    seen = eurostat_api.state.requests[-1]
    assert seen.dataset == "isoc_cismt" and seen.query["geo"] == ["NO", "SE"]
    assert seen.query["format"] == ["JSON"] and seen.query["lang"] == ["EN"]
    geo = got.cube.dimension("geo")
    assert geo is not None and geo.codes == ("NO", "SE")
    assert cube_cells(got.cube) == cells_by_codes(answer("isoc_cismt", ["NO", "SE"]))
    assert not got.from_cache and got.url.endswith("&geo=NO&geo=SE")


def test_flags_and_absent_values_are_kept(eurostat_api: EurostatServer) -> None:
    cube = fetch_dataset("isoc_cisce_ra", ("DK", "NO", "IS"), client=client(eurostat_api)).cube
    statuses = {s for _codes, v, s in cube.cells() if s}
    assert {"b", "u", "c"} <= statuses  # break (NO 2019), low reliability (IS), confidential (DK)
    confidential = [v for _codes, v, s in cube.cells() if s == "c"]
    assert confidential and all(v is None for v in confidential)


def test_a_413_is_asked_again_in_halves_and_merged_cell_by_cell(
    eurostat_api: EurostatServer,
) -> None:
    geos = ("NO", "SE", "DK", "FI", "IS", "EU27_2020")
    eurostat_api.state.max_geos = 2
    got = fetch_dataset("isoc_cismp", geos, client=client(eurostat_api))
    asked = [r.query["geo"] for r in eurostat_api.state.requests]
    assert asked == [
        list(geos),
        ["NO", "SE", "DK"],  # still too broad: halved again
        ["NO"],
        ["SE", "DK"],
        ["FI", "IS", "EU27_2020"],
        ["FI"],
        ["IS", "EU27_2020"],
    ]
    whole = cells_by_codes(answer("isoc_cismp", list(geos)))
    assert cube_cells(got.cube) == whole
    cached = read_entry("eurostat-isoc_cismp.json")
    assert cached is not None
    extension = json.loads(cached.body)["extension"]
    assert (
        extension["status"]["label"]
        == answer("isoc_cismp", list(geos))["extension"]["status"]["label"]
    )
    assert "positions-with-no-data" not in extension  # they were one part's positions
    assert math.prod(got.cube.size) == math.prod(
        len(d["category"]["index"]) for d in answer("isoc_cismp", list(geos))["dimension"].values()
    )


def test_a_413_for_one_geography_is_one_line(eurostat_api: EurostatServer) -> None:
    eurostat_api.state.max_geos = 0
    with pytest.raises(NetworkError) as caught:
        fetch_dataset("tin00110", ("NO",), client=client(eurostat_api))
    assert "413" in str(caught.value) and "ASYNCHRONOUS_RESPONSE" in str(caught.value)
    assert not isinstance(caught.value, EurostatAnswer)


def test_error_answers_are_eurostats_own_words(eurostat_api: EurostatServer) -> None:
    with pytest.raises(EurostatAnswer) as unknown:
        fetch_dataset("isoc_nothing", ("NO",), client=client(eurostat_api))
    assert str(unknown.value) == (
        "Eurostat dataset isoc_nothing: 404 ERR_NOT_FOUND_4: ISOC_NOTHING (DATA_FLOW:ALL,1.0)"
        " is not available for dissemination."
    )
    with pytest.raises(EurostatAnswer, match="400 INVALID_QUERY_DIMENSION_VALUE"):
        fetch_dataset("isoc_cismt", ("XX",), client=client(eurostat_api))


def test_server_faults_are_retried_then_answered(eurostat_api: EurostatServer) -> None:
    eurostat_api.state.faults["tin00110"] = ["500", "429", "ok"]
    got = fetch_dataset("tin00110", ("NO",), client=client(eurostat_api))
    assert len(eurostat_api.state.requests) == 3 and got.cube.values
    eurostat_api.state.faults["tin00110"] = ["html200"]
    with pytest.raises(NetworkError, match="expected JSON but got text/html"):
        fetch_dataset("tin00110", ("NO",), client=client(eurostat_api))


def test_a_timeout_is_one_line_and_leaves_the_cache(
    eurostat_api: EurostatServer, tmp_path: Path
) -> None:
    fetch_dataset("tin00110", ("NO",), client=client(eurostat_api))
    entry = tmp_path / "cache" / "eurostat-tin00110.json"
    before = entry.read_bytes()
    eurostat_api.state.faults["tin00110"] = ["slow"]
    with pytest.raises(NetworkError) as caught:
        fetch_dataset("tin00110", ("NO",), client=client(eurostat_api, timeout=0.3))
    assert "read timed out after 0.3 s" in str(caught.value) and "\n" not in str(caught.value)
    assert entry.read_bytes() == before


def test_the_cache_answers_offline_and_when_young(eurostat_api: EurostatServer) -> None:
    fresh = fetch_dataset("isoc_cismt", ("NO", "SE"), client=client(eurostat_api))
    count = len(eurostat_api.state.requests)
    offline = fetch_dataset("isoc_cismt", ("NO", "SE"), offline=True)
    young = fetch_dataset("isoc_cismt", ("NO", "SE"), client=client(eurostat_api), max_age=3600)
    assert len(eurostat_api.state.requests) == count  # neither asked the network
    for hit in (offline, young):
        assert hit.from_cache and hit.url == fresh.url
        assert cube_cells(hit.cube) == cube_cells(fresh.cube)
    with pytest.raises(NetworkError, match="no cached copy of Eurostat dataset tin00110"):
        fetch_dataset("tin00110", offline=True)
