"""The SSB client against a loopback stand-in: tables, fallbacks, faults, pacing, splitting."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.helpers.ssb_server import (
    CODES,
    DATA_IDS,
    MISSING,
    TOTAL,
    SsbServer,
    dataset,
    value_at,
)
from tui.core import cache
from tui.core.errors import DataError, NetworkError
from tui.core.ssb_api import SsbClient, cache_key, fetch_table, plan_urls
from tui.core.ssb_query import (
    RateLimiter,
    data_url,
    dims_from_metadata,
    merge_parts,
    resolve_v0_url,
    retry_delay,
    v0_query,
)

DIMS = ("NACE2007", "SyssGrpIKT", "ContentsCode", "Tid")
KEY = cache_key("10974", "no")
PRIOR = b'{"prior": "copy", "keep": "me"}'


class FakeClock:
    """Time that only moves when someone sleeps, so pacing tests never wait."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IKT_CACHE_DIR", str(tmp_path / "cache"))
    # A client built without a base URL lands on the loopback discard port, never on SSB.
    monkeypatch.setenv("IKT_SSB_API_URL", "http://127.0.0.1:9/api/pxwebapi/v2")
    monkeypatch.delenv("IKT_SSB_API_V0_URL", raising=False)


@pytest.fixture
def ssb() -> Iterator[SsbServer]:
    server = SsbServer()
    yield server
    server.stop()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def make_client(ssb: SsbServer, sleeps: list[float]) -> Iterator[Callable[..., SsbClient]]:
    made: list[SsbClient] = []

    def make(**kwargs: Any) -> SsbClient:
        kwargs.setdefault("limiter", RateLimiter(10_000, 60.0))
        kwargs.setdefault("sleep", sleeps.append)
        client = SsbClient(ssb.base_url, **kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., SsbClient]) -> SsbClient:
    return make_client()


@pytest.fixture
def prior() -> Path:
    """An earlier cached copy whose bytes every failed fetch must leave untouched."""
    return cache.write_entry(KEY, PRIOR, "https://example.invalid/old", "application/json")


def assert_intact(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    entry = cache.read_entry(KEY)
    assert entry is not None and entry.body == PRIOR


def full_url(base: str, lang: str = "no") -> str:
    stars = "".join(f"&valueCodes[{d}]=*" for d in DIMS)
    return f"{base}/tables/10974/data?lang={lang}&outputFormat=json-stat2{stars}"


def expected_cells(lang: str = "no") -> dict[tuple[str, ...], tuple[float | None, str]]:
    codes = CODES
    out = {}
    for flat in range(TOTAL):
        rest, combo = flat, []
        for dim_codes in reversed(codes):
            combo.append(dim_codes[rest % len(dim_codes)])
            rest //= len(dim_codes)
        out[tuple(reversed(combo))] = (value_at(flat), MISSING.get(flat, ""))
    return out


def cells_by_metadata_order(cube: Any) -> dict[tuple[str, ...], tuple[float | None, str]]:
    """The cube's cells keyed by their codes in the metadata's order, whatever the answer's."""
    ids = [d.id for d in cube.dimensions]
    return {tuple(codes[ids.index(d)] for d in DIMS): (v, s) for codes, v, s in cube.cells()}


def test_whole_table_from_v2_in_ssb_shape(ssb: SsbServer, client: SsbClient) -> None:
    result = fetch_table("10974", "no", client=client)
    cube = result.cube
    assert not result.from_cache and result.notes == ()
    assert result.url == full_url(ssb.base_url)
    assert [d.id for d in cube.dimensions] == DATA_IDS  # the answer's order, not the metadata's
    time_dim, metric_dim = cube.dimension("time"), cube.dimension("metric")
    assert time_dim is not None and time_dim.id == "Tid"
    assert metric_dim is not None and metric_dim.id == "ContentsCode"
    assert "E-handel gjennom EDI" in metric_dim.labels
    assert cube.dimensions[3].label == "næring (SN2007)"
    assert cube.dimensions[3].codes == ("Total+K", "Total-K", "10-39", "47")
    assert cube.dimensions[2].codes == ("00", "02", "03", "04", "05")
    assert metric_dim.units == ("prosent", "prosent")
    assert cube.updated == "2024-11-28T07:00:00Z"
    assert cells_by_metadata_order(cube) == expected_cells()
    assert {s for s in cube.statuses if s} == {"..", ":"}
    paths = [(r.method, r.path) for r in ssb.state.requests]
    assert paths == [
        ("GET", "/api/pxwebapi/v2/tables/10974/metadata"),
        ("GET", "/api/pxwebapi/v2/tables/10974/data"),
    ]
    assert ssb.state.requests[0].query == {"lang": ["no"], "outputFormat": ["json-stat2"]}
    entry = cache.read_entry(KEY)
    assert entry is not None and entry.url == result.url and entry.fetched_at == result.fetched_at
    assert json.loads(entry.body) == dataset("no")
    assert entry.content_type.startswith("application/json")


def test_english_labels_and_known_dimensions_skip_metadata(
    ssb: SsbServer, client: SsbClient
) -> None:
    result = fetch_table("10974", "en", client=client, dimensions=DIMS)
    assert [r.path.rsplit("/", 1)[1] for r in ssb.state.requests] == ["data"]
    assert result.cube.dimensions[0].labels == (
        "Carried out e-commerce (sales or purchases)",
        "E-commerce via EDI",
    )
    assert result.cube.dimensions[0].units == ("per cent", "per cent")
    assert cache.read_entry(cache_key("10974", "en")) is not None


def test_offline_uses_cache_and_never_the_network(ssb: SsbServer, client: SsbClient) -> None:
    online = fetch_table("10974", "no", client=client)
    before = len(ssb.state.requests)
    offline = fetch_table("10974", "no", client=client, offline=True)
    assert len(ssb.state.requests) == before
    assert offline.from_cache and offline.cube == online.cube and offline.url == online.url
    assert offline.fetched_at == online.fetched_at


def test_offline_without_cache_is_one_clear_line(ssb: SsbServer, client: SsbClient) -> None:
    with pytest.raises(NetworkError, match="offline and no cached copy of SSB table 10974"):
        fetch_table("10974", "no", client=client, offline=True)
    assert ssb.state.requests == []


def test_corrupt_cache_is_reported_offline_and_refetched_online(
    ssb: SsbServer, client: SsbClient
) -> None:
    path = cache.entry_path(KEY)
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"format": "ikt-explorer-cache", "vers')
    with pytest.raises(NetworkError) as err:
        fetch_table("10974", "no", client=client, offline=True)
    assert f"corrupt cache entry {path}: bad JSON" in str(err.value)
    result = fetch_table("10974", "no", client=client, max_age=3600)
    assert not result.from_cache
    assert result.notes and result.notes[0].startswith(f"corrupt cache entry {path}: bad JSON")
    assert cache.read_entry(KEY) is not None
    again = fetch_table("10974", "no", client=client, max_age=3600)
    assert again.from_cache and again.notes == ()


def test_cached_body_that_is_not_a_table_counts_as_corrupt(client: SsbClient) -> None:
    cache.write_entry(KEY, b'{"class": "dataset"}', "u", "application/json")
    with pytest.raises(NetworkError, match=r"corrupt cache entry .*JSON-stat"):
        fetch_table("10974", "no", client=client, offline=True)


def test_429_waits_retry_after_then_succeeds(
    ssb: SsbServer, client: SsbClient, sleeps: list[float]
) -> None:
    ssb.state.faults["10974"] = ["429", "ok"]
    result = fetch_table("10974", "no", client=client)
    assert sleeps == [1.0]
    assert len(ssb.state.data_requests()) == 2
    assert result.cube.size == (2, 4, 5, 4)


def test_500_then_success_backs_off(ssb: SsbServer, client: SsbClient, sleeps: list[float]) -> None:
    ssb.state.faults["10974"] = ["500", "ok"]
    assert fetch_table("10974", "no", client=client).cube.size == (2, 4, 5, 4)
    assert sleeps == [1.0]


def test_500_forever_gives_up_after_four_attempts(
    ssb: SsbServer, client: SsbClient, sleeps: list[float], prior: Path
) -> None:
    before = prior.read_bytes()
    ssb.state.faults["10974"] = ["500"]
    with pytest.raises(NetworkError) as err:
        fetch_table("10974", "no", client=client)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{full_url(ssb.base_url)}: SSB API answered 500")
    assert message.endswith("(empty body) after 4 attempts")
    assert sleeps == [1.0, 2.0, 4.0]
    assert len(ssb.state.data_requests()) == 4
    assert_intact(prior, before)


@pytest.mark.parametrize(
    ("fault", "error", "pattern"),
    [
        ("truncated", NetworkError, r": response truncated, connection closed early \("),
        (
            "cutjson",
            DataError,
            r": response is not valid JSON, cut off or malformed \(.* of \d+\)$",
        ),
        (
            "html200",
            NetworkError,
            r": expected JSON but got text/html; charset=utf-8 \(HTML page: Statistikkbanken er ",
        ),
        ("textplain", NetworkError, r": expected JSON but got text/plain; charset=utf-8 \("),
        (
            "html503",
            NetworkError,
            r": SSB API answered 503 Service Unavailable \(HTML page: .*\) after 4 attempts$",
        ),
    ],
)
def test_bad_answers_are_one_line_and_keep_the_cache(
    ssb: SsbServer,
    client: SsbClient,
    prior: Path,
    fault: str,
    error: type[Exception],
    pattern: str,
) -> None:
    before = prior.read_bytes()
    ssb.state.faults["10974"] = [fault]
    with pytest.raises(error, match=pattern) as err:
        fetch_table("10974", "no", client=client)
    assert "\n" not in str(err.value)
    assert str(err.value).startswith(full_url(ssb.base_url))
    assert_intact(prior, before)


def test_slow_answer_times_out_with_host(
    ssb: SsbServer, make_client: Callable[..., SsbClient], prior: Path
) -> None:
    before = prior.read_bytes()
    client = make_client(timeout=0.2)
    ssb.state.faults["10974"] = ["slow"]
    host = ssb.origin.removeprefix("http://")
    with pytest.raises(NetworkError) as err:
        fetch_table("10974", "no", client=client)
    assert str(err.value) == f"cannot reach SSB API at {host}: read timed out after 0.2 s"
    assert_intact(prior, before)


def test_unreachable_host_is_one_line(prior: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before use: nothing listens there
    before = prior.read_bytes()
    base = f"http://127.0.0.1:{port}/api/pxwebapi/v2"
    with (
        SsbClient(base, limiter=RateLimiter(100, 60.0)) as client,
        pytest.raises(NetworkError) as err,
    ):
        fetch_table("10974", "no", client=client)
    message = str(err.value)
    assert message.startswith(f"cannot reach SSB API at 127.0.0.1:{port}: ")
    assert "\n" not in message
    assert_intact(prior, before)


def test_v2_404_falls_back_to_v0_post(ssb: SsbServer, client: SsbClient) -> None:
    expected = fetch_table("10974", "no", client=client, cache=False).cube
    ssb.state.requests.clear()
    ssb.state.v2_missing.add("10974")
    result = fetch_table("10974", "no", client=client)
    assert result.url == f"{ssb.v0_url}/no/table/10974"
    assert [(r.method, r.path) for r in ssb.state.requests] == [
        ("GET", "/api/pxwebapi/v2/tables/10974/metadata"),
        ("GET", "/api/v0/no/table/10974"),
        ("POST", "/api/v0/no/table/10974"),
    ]
    assert ssb.state.requests[-1].body == {
        "query": [{"code": d, "selection": {"filter": "all", "values": ["*"]}} for d in DIMS],
        "response": {"format": "json-stat2"},
    }
    assert result.cube.values == expected.values and result.cube.statuses == expected.statuses
    assert result.cube.dimensions == expected.dimensions


def test_v2_400_on_data_of_an_unknown_table_posts_to_v0(ssb: SsbServer, client: SsbClient) -> None:
    ssb.state.v2_missing.add("10974")  # SSB answers its data with 400, not 404
    result = fetch_table("10974", "no", client=client, dimensions=DIMS)
    assert [(r.method, r.path.rsplit("/", 1)[1]) for r in ssb.state.requests] == [
        ("GET", "data"),
        ("POST", "10974"),
    ]
    assert result.cube.size == (2, 4, 5, 4)


def test_unknown_everywhere_names_both_urls(ssb: SsbServer, client: SsbClient, prior: Path) -> None:
    before = prior.read_bytes()
    ssb.state.v2_missing.add("10974")
    ssb.state.v0_missing.add("10974")
    with pytest.raises(
        NetworkError,
        match=r"^SSB has no table 10974: 404 from http.*/v2/.* and "
        r"404 from http.*/api/v0/no/table/10974$",
    ):
        fetch_table("10974", "no", client=client)
    assert_intact(prior, before)


@pytest.mark.parametrize("limit", [10, 24, 50])
@pytest.mark.parametrize("fallback", [False, True])
def test_large_tables_are_split_and_merged_in_place(
    ssb: SsbServer, make_client: Callable[..., SsbClient], limit: int, fallback: bool
) -> None:
    whole = fetch_table("10974", "no", client=make_client(), cache=False).cube
    ssb.state.requests.clear()
    ssb.state.max_cells = limit  # the stand-in refuses anything bigger, like SSB does
    if fallback:
        ssb.state.v2_missing.add("10974")
    result = fetch_table("10974", "no", client=make_client(max_cells=limit))
    parts = ssb.state.data_requests()
    assert len(parts) >= -(-TOTAL // limit)
    assert result.cube.dimensions == whole.dimensions
    assert result.cube.values == whole.values and result.cube.statuses == whole.statuses
    assert cells_by_metadata_order(result.cube) == expected_cells()
    assert result.url == (f"{ssb.v0_url}/no/table/10974" if fallback else full_url(ssb.base_url))
    entry = cache.read_entry(KEY)
    assert entry is not None
    from tui.core.formats.jsonstat import parse_jsonstat

    assert parse_jsonstat(entry.body, "cache").values == whole.values


def test_split_requests_name_their_codes(
    ssb: SsbServer, make_client: Callable[..., SsbClient]
) -> None:
    ssb.state.max_cells = 24
    fetch_table("10974", "no", client=make_client(max_cells=24))
    asked = ssb.state.data_requests()
    sizes = [r.query["valueCodes[SyssGrpIKT]"][0] for r in asked]
    assert sizes == [code for code in CODES[1] for _ in range(2)]  # the largest is cut first
    tids = [r.query["valueCodes[Tid]"][0] for r in asked]
    # then time, which ties with industry for largest: 8 cells a year, 3 years a piece
    assert tids == ["2012,2013,2014", "2015"] * len(CODES[1])
    assert all(r.query["valueCodes[NACE2007]"] == ["*"] for r in ssb.state.data_requests())


def test_rate_limiter_31st_call_waits_for_the_window() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, 60.0, clock=clock, sleep=clock.sleep)
    for i in range(30):
        clock.now = float(i)
        assert limiter.acquire() == 0.0
    assert limiter.acquire() == pytest.approx(31.0)  # the first call (t=0) leaves at t=60
    assert clock.now == pytest.approx(60.0)
    assert limiter.acquire() == pytest.approx(1.0)  # then the t=1 call must leave
    clock.now = 500.0
    assert limiter.acquire() == 0.0


def test_client_requests_go_through_the_limiter(
    ssb: SsbServer, make_client: Callable[..., SsbClient]
) -> None:
    clock = FakeClock()
    client = make_client(limiter=RateLimiter(1, 60.0, clock=clock, sleep=clock.sleep))
    fetch_table("10974", "no", client=client)
    assert clock.sleeps == [60.0]  # metadata, then data one window later


def test_plan_urls_are_exact_and_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IKT_SSB_API_URL")  # the public API is the default
    base = "https://data.ssb.no/api/pxwebapi/v2"
    assert plan_urls(["10974"], "en", dimensions={"10974": DIMS}) == [full_url(base, "en")]
    assert plan_urls(["10974", "10978"], "no", base="http://127.0.0.1:9/x/") == [
        "http://127.0.0.1:9/x/tables/10974/metadata?lang=no&outputFormat=json-stat2",
        "http://127.0.0.1:9/x/tables/10974/data?lang=no&outputFormat=json-stat2"
        "&valueCodes[<dimension>]=*",
        "http://127.0.0.1:9/x/tables/10978/metadata?lang=no&outputFormat=json-stat2",
        "http://127.0.0.1:9/x/tables/10978/data?lang=no&outputFormat=json-stat2"
        "&valueCodes[<dimension>]=*",
    ]


def test_base_urls_come_from_argument_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IKT_SSB_API_URL", "http://127.0.0.1:8/api/pxwebapi/v2/")
    assert plan_urls(["1"], "no")[0].startswith("http://127.0.0.1:8/api/pxwebapi/v2/tables/1/")
    assert resolve_v0_url("https://data.ssb.no/api/pxwebapi/v2") == "https://data.ssb.no/api/v0"
    monkeypatch.setenv("IKT_SSB_API_V0_URL", "http://127.0.0.1:8/v0/")
    assert resolve_v0_url("https://data.ssb.no/api/pxwebapi/v2") == "http://127.0.0.1:8/v0"
    with SsbClient(limiter=RateLimiter(1, 1.0)) as client:
        assert client.base_url == "http://127.0.0.1:8/api/pxwebapi/v2"
        assert client.timeout.connect == 5.0 and client.timeout.read == 30.0


@pytest.mark.parametrize(("table", "lang"), [("../x", "no"), ("10974", "de"), ("", "no")])
def test_bad_ids_are_refused_before_any_request(table: str, lang: str) -> None:
    with pytest.raises(DataError):
        plan_urls([table], lang)
    with pytest.raises(DataError):
        fetch_table(table, lang, offline=True)


def test_long_code_lists_become_ranges_and_codes_are_escaped() -> None:
    codes = tuple(f"{n:04d}" for n in range(600))
    url = data_url("https://h/v2", "1", "no", [("Region", codes), ("Tid", ("2024",))])
    assert url.endswith("&valueCodes[Region]=[range(0000,0599)]&valueCodes[Tid]=2024")
    short = data_url("https://h/v2", "1", "no", [("SyssGrpIKT", ("250+", "10-19"))])
    assert short.endswith("valueCodes[SyssGrpIKT]=250%2B,10-19")


def test_retry_delay_reads_seconds_and_dates() -> None:
    assert retry_delay("3", 1, 1.0) == 3.0
    assert retry_delay(None, 3, 0.5) == 2.0
    assert retry_delay("Wed, 21 Oct 2015 07:28:00 GMT", 1, 1.0) == 0.0  # already past
    assert retry_delay("soon", 2, 1.0) == 2.0
    assert retry_delay("99999", 1, 1.0) == 120.0


def test_v0_query_selects_items_or_all() -> None:
    assert v0_query([("Tid", ("2023",)), ("NACE2007", None)])["query"] == [
        {"code": "Tid", "selection": {"filter": "item", "values": ["2023"]}},
        {"code": "NACE2007", "selection": {"filter": "all", "values": ["*"]}},
    ]


def test_metadata_of_both_apis_gives_dimensions_and_time() -> None:
    from tests.helpers.ssb_server import metadata, v0_metadata

    v2 = dims_from_metadata(metadata("no"), "m")
    v0 = dims_from_metadata(v0_metadata("no"), "m")
    assert v2 == v0 == (list(zip(DIMS, CODES, strict=True)), "Tid")
    with pytest.raises(DataError, match=r"^m: metadata does not list"):
        dims_from_metadata({"id": ["A"]}, "m")


def test_merge_accepts_sparse_values_and_list_statuses() -> None:
    def part(codes: list[str], values: dict[str, float], status: list[Any]) -> dict[str, Any]:
        return {
            "version": "2.0",
            "class": "dataset",
            "id": ["A", "T"],
            "size": [2, len(codes)],
            "dimension": {
                "A": {"category": {"index": ["a", "b"]}},
                "T": {"category": {"index": codes}},
            },
            "value": values,
            "status": status,
        }

    first = part(["1"], {"0": 1.0}, [None, ".."])
    second = part(["2", "3"], {"0": 2.0, "3": 6.0}, [None, None, ":", None])
    merged = merge_parts([first, second], "T", "s")
    assert merged["size"] == [2, 3]
    assert merged["dimension"]["T"]["category"]["index"] == {"1": 0, "2": 1, "3": 2}
    assert merged["value"] == [1.0, 2.0, None, None, None, 6.0]
    assert merged["status"] == {"3": "..", "4": ":"}
    with pytest.raises(DataError, match=r"^s: split answers repeat"):
        merge_parts([part(["1"], {}, []), part(["1"], {}, [])], "T", "s")


def test_httpx_is_never_pointed_outside_loopback(ssb: SsbServer) -> None:
    assert httpx.URL(ssb.base_url).host == "127.0.0.1"


def test_the_stand_in_answers_as_ssb_does(ssb: SsbServer) -> None:
    base = ssb.base_url
    with httpx.Client() as http:
        default = http.get(f"{base}/tables/10974/data?lang=no&outputFormat=json-stat2").json()
        assert default["size"] == [2, 1, 1, 1]  # no valueCodes: the default selection only
        half = http.get(f"{base}/tables/10974/data?lang=no&valueCodes[NACE2007]=*")
        assert half.status_code == 400 and "mandatory" in half.json()["title"]
        unknown = http.get(f"{base}/tables/99999/metadata?lang=no")
        assert unknown.status_code == 404 and unknown.json()["status"] == 404
        unknown_data = http.get(f"{base}/tables/99999/data?lang=no")
        assert unknown_data.status_code == 400 and unknown_data.json()["status"] == 400


def test_every_request_selects_every_dimension(ssb: SsbServer, client: SsbClient) -> None:
    fetch_table("10974", "no", client=client)
    (data,) = ssb.state.data_requests()
    assert {k for k in data.query if k.startswith("valueCodes")} == {
        f"valueCodes[{d}]" for d in DIMS
    }


def test_403_for_too_many_cells_is_one_line_and_leaves_the_cache(
    ssb: SsbServer, client: SsbClient
) -> None:
    prior = cache.write_entry(KEY, PRIOR, "http://prior", "application/json")
    before = prior.read_bytes()
    ssb.state.faults["10974"] = ["403"]
    with pytest.raises(NetworkError, match=r"answered 403") as err:
        fetch_table("10974", "no", client=client)
    assert "\n" not in str(err.value)
    assert_intact(prior, before)
