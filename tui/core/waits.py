"""Waits a client makes, told to whoever shows progress, so a person sees why nothing moves."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tui.core.ssb_query import RateLimiter, retry_delay

WaitWatcher = Callable[[float, str], None]
"""Told before a wait (its seconds and why, in words), and told 0 s and "" when it is over."""


def pacing_reason(limiter: RateLimiter) -> str:
    """Why the limiter holds a request back: the pace it keeps."""
    per = "minute" if limiter.period == 60.0 else f"{limiter.period:g} s"
    return f"pacing: at most {limiter.max_calls} requests a {per}"


def retry_reason(source: str, resp: httpx.Response) -> str:
    """Why a request is sent again later: the server's Retry-After, or the answer it gave."""
    if resp.headers.get("retry-after", "").strip():
        return f"{source} asks: Retry-After"
    return f"{source} answered {resp.status_code} {resp.reason_phrase}; trying again"


def paced(limiter: RateLimiter, watcher: WaitWatcher | None) -> None:
    """Take one request's place in the limiter, telling the watcher while it waits."""
    if watcher is None:
        limiter.acquire()
        return
    reason = pacing_reason(limiter)
    if limiter.acquire(lambda seconds: watcher(seconds, reason)):
        watcher(0.0, "")


def retry_later(
    source: str,
    resp: httpx.Response,
    attempt: int,
    backoff: float,
    sleep: Callable[[float], None],
    watcher: WaitWatcher | None,
) -> None:
    """Wait before sending a refused request again: Retry-After when given, else backoff."""
    seconds = retry_delay(resp.headers.get("retry-after"), attempt, backoff)
    if watcher is not None:
        watcher(seconds, retry_reason(source, resp))
    try:
        sleep(seconds)
    finally:
        if watcher is not None:
            watcher(0.0, "")
