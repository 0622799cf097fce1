"""Fetches Eurostat datasets (JSON-stat 2.0, filtered by geography) politely, safely and cached."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from tui.core import eurostat_query as q
from tui.core.cached_fetch import Fetched, FetchResult, cache_first, kept
from tui.core.cube import Cube
from tui.core.errors import DataError, NetworkError
from tui.core.polite_send import Politeness, refused, send_politely
from tui.core.ssb_api import DEFAULT_TIMEOUT, HEADERS, JSON_CONTENT_TYPE
from tui.core.ssb_query import RateLimiter, describe_body, is_json_type
from tui.core.waits import WaitWatcher

MAX_ATTEMPTS = 4
SHARED_LIMITER = RateLimiter()  # Eurostat states no limit; we keep to SSB's 30 a minute


class EurostatAnswer(NetworkError):
    """Eurostat's own error answer (unknown dataset, invalid filter): bad input, exit 2."""


def _parse(data: bytes | dict[str, Any], source: str) -> Cube:
    """Parse JSON-stat 2.0 with the shared reader, imported late so this module loads on its own."""
    from tui.core.formats.jsonstat import parse_jsonstat

    return parse_jsonstat(data, source)


class EurostatClient:
    """One connection pool with the pacing, retry policy and timeouts every request obeys."""

    def __init__(
        self,
        api_url: str | None = None,
        *,
        timeout: httpx.Timeout | float | None = None,
        limiter: RateLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: float = 1.0,
    ) -> None:
        self.api_url = q.resolve_api_url(api_url)
        self.timeout = (
            timeout
            if isinstance(timeout, httpx.Timeout)
            else (DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout))
        )
        self.limiter = limiter or SHARED_LIMITER
        self.max_attempts, self.backoff = max_attempts, backoff
        self._sleep = sleep
        self._sent = 0
        self.on_cells: Callable[[int], None] | None = None  # told how many cells each part gave
        self.on_wait: WaitWatcher | None = None  # told each wait for the pacing or a retry
        self._http = httpx.Client(timeout=self.timeout, headers=HEADERS)

    def close(self) -> None:
        """Release the connection pool."""
        self._http.close()

    def __enter__(self) -> EurostatClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, url: str) -> httpx.Response:
        """One GET within the pacing, retrying 429 and 5xx with backoff or Retry-After."""
        manners = Politeness(
            "Eurostat", "Eurostat", self.limiter, self.max_attempts, self.backoff, self._sleep
        )
        resp = send_politely(
            self._http, "GET", url, manners, on_wait=self.on_wait, on_send=self._sent_one
        )
        if refused(resp):
            raise NetworkError(
                f"{url}: Eurostat answered {resp.status_code} {resp.reason_phrase}"
                f"{describe_body(resp.content)} after {self.max_attempts} attempts"
            )
        return resp

    def _sent_one(self) -> None:
        self._sent += 1

    def _answer(self, dataset: str, geos: tuple[str, ...]) -> dict[str, Any]:
        """The dataset for these geographies; a 413 (too broad) is asked again in two halves."""
        url = q.data_url(self.api_url, dataset, geos)
        resp = self._request(url)
        label = q.error_label(resp.content) if resp.status_code != 200 else None
        if resp.status_code == 413 and len(geos) > 1:
            first, second = q.halves(geos)
            parts = [self._answer(dataset, first), self._answer(dataset, second)]
            return q.merge_answers(parts, url)
        if resp.status_code == 413:
            raise NetworkError(
                f"Eurostat dataset {dataset}: 413 even for {geos[0]} alone"
                f" ({label or 'too broad'}); try again later"
            )
        if label is not None and 400 <= resp.status_code < 500:
            raise EurostatAnswer(f"Eurostat dataset {dataset}: {resp.status_code} {label}")
        if resp.status_code != 200:
            raise NetworkError(
                f"{url}: Eurostat answered {resp.status_code} {resp.reason_phrase}"
                f"{describe_body(resp.content)}"
            )
        ctype = resp.headers.get("content-type", "")
        if not is_json_type(ctype):
            raise NetworkError(
                f"{url}: expected JSON but got {ctype or 'no content type'}"
                f"{describe_body(resp.content)}"
            )
        said = q.error_label(resp.content)
        if said is not None:
            raise EurostatAnswer(f"Eurostat dataset {dataset}: {said}")
        try:
            doc = json.loads(resp.content.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise DataError(url, f"response is not UTF-8 text (byte {exc.start})") from exc
        except json.JSONDecodeError as exc:
            raise DataError(
                url,
                f"response is not valid JSON, cut off or malformed ({exc.msg} at byte {exc.pos})",
            ) from exc
        if not isinstance(doc, dict):
            raise DataError(url, "response is not a JSON-stat dataset")
        _parse(doc, url)  # check every part as it arrives
        values = doc.get("value")
        if self.on_cells is not None and isinstance(values, list | dict):
            self.on_cells(len(values))
        return doc

    def fetch(self, dataset: str, geos: Sequence[str]) -> Fetched:
        """The dataset for every geography asked, as one JSON-stat body ready for the cache."""
        asked = tuple(dict.fromkeys(geos))
        q.check_codes(dataset, asked)
        start = self._sent
        url = q.data_url(self.api_url, dataset, asked)
        doc = self._answer(dataset, asked)
        body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        return Fetched(body, JSON_CONTENT_TYPE, url, _parse(doc, url), self._sent - start)


def fetch_dataset(
    dataset: str,
    geos: Sequence[str] = q.DEFAULT_GEOS,
    *,
    client: EurostatClient | None = None,
    cache: bool = True,
    offline: bool = False,
    max_age: float | None = None,
) -> FetchResult:
    """A dataset from the network (cached on success), or from the cache when offline.

    `max_age` (seconds) serves a cached copy younger than that without asking the network.
    A failed fetch raises and leaves the previous cache entry exactly as it was.
    """
    q.check_codes(dataset, geos)
    key = q.cache_key(dataset)
    notes: list[str] = []
    what = f"Eurostat dataset {dataset}"
    young = cache_first(
        key, notes, _parse, offline=offline, cache=cache, max_age=max_age, what=what
    )
    if young is not None:
        return young
    api = client or EurostatClient()
    try:
        got = api.fetch(dataset, geos)
    finally:
        if client is None:
            api.close()
    return kept(key, got, notes, cache, f"dataset {dataset}")
