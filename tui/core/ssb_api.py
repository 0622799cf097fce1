"""Fetches whole SSB tables from PxWebApi v2 (v0 as fallback) politely, safely and as one Cube."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Sequence
from typing import Any, Literal

import httpx

from tui.core import ssb_query as q
from tui.core.cached_fetch import Fetched, FetchResult, cache_first, kept
from tui.core.cube import Cube
from tui.core.errors import DataError, NetworkError
from tui.core.polite_send import Politeness, refused, send_politely
from tui.core.ssb_query import Dims, RateLimiter, Selection
from tui.core.version import __version__
from tui.core.waits import WaitWatcher

plan_urls = q.plan_urls  # public here too: the --dry-run plan

MAX_CELLS = 800_000  # SSB's maxDataCells per request
MAX_ATTEMPTS = 4
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
JSON_CONTENT_TYPE = "application/json; charset=UTF-8"
HEADERS = {"Accept": "application/json, */*;q=0.5", "User-Agent": f"ikt-explorer/{__version__}"}
SHARED_LIMITER = RateLimiter()  # one budget for every client in the process

Api = Literal["v2", "v0"]
_Answer = tuple[bytes, str, str, Any]  # body, content type, URL, parsed JSON


def cache_key(table_id: str, lang: str) -> str:
    """The cache entry name of one table in one language."""
    return f"ssb-{table_id}-{lang}.json"


class _NotFound(Exception):
    """The API does not know the table, so the caller can try the older API."""


class UnknownTable(NetworkError):
    """SSB knows no table with this id in either API: bad input, not a network fault."""


UNKNOWN_TABLE_WORDS = ("non-existent table", "table does not exist", "table not found")


def _unknown_table(resp: httpx.Response) -> bool:
    """SSB's 400 for data of a table it does not know (its metadata answers 404 instead)."""
    if resp.status_code != 400:
        return False
    try:
        problem = json.loads(resp.content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    if not isinstance(problem, dict):
        return False
    said = " ".join(str(problem.get(key, "")) for key in ("title", "detail")).casefold()
    return any(words in said for words in UNKNOWN_TABLE_WORDS)


def _parse(data: bytes | dict[str, Any], source: str) -> Cube:
    """Parse JSON-stat2 with the shared reader, imported late so this module loads on its own."""
    from tui.core.formats.jsonstat import parse_jsonstat

    return parse_jsonstat(data, source)


def _answered(resp: httpx.Response, url: str) -> str:
    """One line naming the URL, the status and what came back."""
    status = f"{resp.status_code} {resp.reason_phrase}"
    return f"{url}: SSB API answered {status}{q.describe_body(resp.content)}"


class SsbClient:
    """One connection pool with the limiter, retry policy and cell limit every request obeys."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        v0_url: str | None = None,
        timeout: httpx.Timeout | float | None = None,
        limiter: RateLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
        max_cells: int = MAX_CELLS,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: float = 1.0,
    ) -> None:
        self.base_url = q.resolve_base_url(base_url)
        self.v0_url = q.resolve_v0_url(self.base_url, v0_url)
        self.timeout = (
            timeout
            if isinstance(timeout, httpx.Timeout)
            else (DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout))
        )
        self.limiter = limiter or SHARED_LIMITER
        self.max_cells, self.max_attempts, self.backoff = max_cells, max_attempts, backoff
        self._sleep = sleep
        self._sent = 0
        self._http = httpx.Client(timeout=self.timeout, headers=HEADERS)
        self.on_cells: Callable[[int], None] | None = None
        """Told the cells of each data answer as it arrives, for a progress display."""
        self.on_wait: WaitWatcher | None = None
        """Told each wait for the pacing or a retry, for a countdown."""

    def close(self) -> None:
        """Release the connection pool."""
        self._http.close()

    def __enter__(self) -> SsbClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, method: str, url: str, body: Any = None) -> httpx.Response:
        """Send one request within the rate limit, retrying 429 and 5xx with backoff."""
        manners = Politeness(
            "SSB", "SSB API", self.limiter, self.max_attempts, self.backoff, self._sleep
        )
        resp = send_politely(
            self._http,
            method,
            url,
            manners,
            body=body,
            on_wait=self.on_wait,
            on_send=self._sent_one,
        )
        if refused(resp):
            raise NetworkError(f"{_answered(resp, url)} after {self.max_attempts} attempts")
        return resp

    def _sent_one(self) -> None:
        self._sent += 1

    def _json(self, resp: httpx.Response, url: str) -> tuple[bytes, str, Any]:
        """Insist on 200 + JSON content type + complete JSON; anything else is one clear line."""
        if resp.status_code == 404 or _unknown_table(resp):
            raise _NotFound(f"{resp.status_code} from {url}")
        if resp.status_code != 200:
            raise NetworkError(_answered(resp, url))
        ctype = resp.headers.get("content-type", "")
        if not q.is_json_type(ctype):
            raise NetworkError(
                f"{url}: expected JSON but got {ctype or 'no content type'}"
                f"{q.describe_body(resp.content)}"
            )
        body = resp.content
        try:
            return body, ctype, json.loads(body.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise DataError(url, f"response is not UTF-8 text (byte {exc.start})") from exc
        except json.JSONDecodeError as exc:
            raise DataError(
                url,
                f"response is not valid JSON, cut off or malformed ({exc.msg} at"
                f" byte {exc.pos} of {len(body)})",
            ) from exc

    def get_json(self, url: str) -> Any:
        """One GET answered with JSON, under the same limits, retries and checks as table data."""
        try:
            return self._json(self._request("GET", url), url)[2]
        except _NotFound:
            raise NetworkError(f"{url}: SSB API answered 404 Not Found") from None

    def _url(self, api: Api, table_id: str, lang: str, sel: Selection | None = None) -> str:
        """v2: the metadata URL (no selection) or the data URL; v0: its one URL for both."""
        if api == "v0":
            return q.v0_table_url(self.v0_url, table_id, lang)
        if sel is None:
            return q.metadata_url(self.base_url, table_id, lang)
        return q.data_url(self.base_url, table_id, lang, sel)

    def _metadata(self, api: Api, table_id: str, lang: str) -> tuple[Dims, str | None]:
        """Every dimension with its codes, so we can select all and count cells."""
        url = self._url(api, table_id, lang)
        _, _, doc = self._json(self._request("GET", url), url)
        return q.dims_from_metadata(doc, url)

    def _data(self, api: Api, table_id: str, lang: str, sel: Selection) -> _Answer:
        """One data request: v2 GET with valueCodes, or v0 POST with a query body."""
        url = self._url(api, table_id, lang, sel)
        v0_body = q.v0_query(sel) if api == "v0" else None
        body, ctype, doc = self._json(
            self._request("POST" if v0_body else "GET", url, v0_body), url
        )
        values = doc.get("value") if isinstance(doc, dict) else None
        if self.on_cells is not None and isinstance(values, list | dict):
            self.on_cells(len(values))
        return body, ctype, url, doc

    def _split(
        self, api: Api, table_id: str, lang: str, sel: Dims, meta: Dims, time_id: str | None
    ) -> Any:
        """Fetch `sel` in pieces under the cell limit, cut along the largest dimension."""
        cells = math.prod(len(codes) for _, codes in sel)
        splittable = [(len(c), d == time_id, i) for i, (d, c) in enumerate(sel) if len(c) > 1]
        if cells <= self.max_cells or not splittable:
            whole = dict(meta)
            piece = [(d, None if codes == whole[d] else codes) for d, codes in sel]
            _, _, url, doc = self._data(api, table_id, lang, piece)
            _parse(doc, url)  # check every piece as it arrives
            return doc
        axis = max(splittable)[2]
        dim, codes = sel[axis]
        per = max(1, self.max_cells // (cells // len(codes)))
        pieces = [
            [*sel[:axis], (dim, codes[i : i + per]), *sel[axis + 1 :]]
            for i in range(0, len(codes), per)
        ]
        parts = [self._split(api, table_id, lang, p, meta, time_id) for p in pieces]
        return q.merge_parts(parts, dim, self._url(api, table_id, lang, sel))

    def _fetch_via(self, api: Api, table_id: str, lang: str, dims: Sequence[str] | None) -> Fetched:
        """Fetch the whole table through one API version; _NotFound when it does not know it."""
        start = self._sent
        if dims is None:
            meta, time_id = self._metadata(api, table_id, lang)
            if math.prod(len(codes) for _, codes in meta) > self.max_cells:
                doc = self._split(api, table_id, lang, meta, meta, time_id)
                url = self._url(api, table_id, lang, [(d, None) for d, _ in meta])
                cube = _parse(doc, url)
                body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
                return Fetched(body, JSON_CONTENT_TYPE, url, cube, self._sent - start)
            dims = [d for d, _ in meta]
        body, ctype, url, doc = self._data(api, table_id, lang, [(d, None) for d in dims])
        return Fetched(body, ctype, url, _parse(doc, url), self._sent - start)

    def fetch(self, table_id: str, lang: str, dimensions: Sequence[str] | None = None) -> Fetched:
        """The whole table (every code of every dimension); v0 is used when v2 answers 404."""
        q.check_ids(table_id, lang)
        try:
            return self._fetch_via("v2", table_id, lang, dimensions)
        except _NotFound as v2_missing:
            try:
                return self._fetch_via("v0", table_id, lang, dimensions)
            except _NotFound as v0_missing:
                raise UnknownTable(
                    f"SSB has no table {table_id}: {v2_missing} and {v0_missing}"
                ) from None


def fetch_table(
    table_id: str,
    lang: str,
    *,
    client: SsbClient | None = None,
    cache: bool = True,
    offline: bool = False,
    dimensions: Sequence[str] | None = None,
    max_age: float | None = None,
) -> FetchResult:
    """A whole table: from the network (cached on success), or from the cache when offline.

    `max_age` (seconds) serves a cached copy younger than that without asking the network.
    A failed fetch raises and leaves the previous cache entry exactly as it was.
    """
    q.check_ids(table_id, lang)
    key = cache_key(table_id, lang)
    notes: list[str] = []
    what = f"SSB table {table_id} ({lang})"
    young = cache_first(
        key, notes, _parse, offline=offline, cache=cache, max_age=max_age, what=what
    )
    if young is not None:
        return young
    api = client or SsbClient()
    try:
        got = api.fetch(table_id, lang, dimensions)
    finally:
        if client is None:
            api.close()
    return kept(key, got, notes, cache, f"table {table_id}")
