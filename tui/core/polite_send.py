"""One request to a statistics API within the pacing, retried on 429 and 5xx: SSB's and
Eurostat's clients send through it, so both fail and wait in the same words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from tui.core.errors import NetworkError
from tui.core.ssb_query import RateLimiter, one_line
from tui.core.waits import WaitWatcher, paced, retry_later


@dataclass
class Politeness:
    """How a client treats a server: whose it is, its pace, and how often and long it retries."""

    publisher: str  # in "SSB asks: Retry-After"
    reached_as: str  # in "cannot reach SSB API at host"
    limiter: RateLimiter
    attempts: int
    backoff: float
    sleep: Callable[[float], None]


def refused(resp: httpx.Response) -> bool:
    """True for an answer worth asking again later: too many requests, or a server fault."""
    return resp.status_code == 429 or resp.status_code >= 500


def send_politely(
    http: httpx.Client,
    method: str,
    url: str,
    manners: Politeness,
    *,
    body: Any = None,
    on_wait: WaitWatcher | None = None,
    on_send: Callable[[], None] = lambda: None,
) -> httpx.Response:
    """The answer to one request; the last refused one when every attempt was refused (the
    caller words that failure). A timeout or a broken connection is one NetworkError line."""
    host = urlsplit(url).netloc
    for attempt in range(1, manners.attempts + 1):
        paced(manners.limiter, on_wait)
        on_send()
        try:
            resp = http.request(method, url, json=body)
        except httpx.TimeoutException as exc:
            kind = type(exc).__name__.removesuffix("Timeout").lower()
            limit = getattr(http.timeout, kind, None)
            after = f" after {limit:g} s" if isinstance(limit, float | int) else ""
            raise NetworkError(
                f"cannot reach {manners.reached_as} at {host}: {kind} timed out{after}"
            ) from exc
        except httpx.RemoteProtocolError as exc:
            raise NetworkError(
                f"{url}: response truncated, connection closed early ({one_line(str(exc))})"
            ) from exc
        except httpx.TransportError as exc:
            why = one_line(str(exc)) or type(exc).__name__
            raise NetworkError(f"cannot reach {manners.reached_as} at {host}: {why}") from exc
        if not refused(resp) or attempt == manners.attempts:
            return resp
        retry_later(manners.publisher, resp, attempt, manners.backoff, manners.sleep, on_wait)
    raise AssertionError("unreachable: at least one attempt is made")  # pragma: no cover
