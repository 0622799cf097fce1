"""Every wait a client makes is told to the progress display first, with its reason, then ended."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.core.test_ssb_api import FakeClock
from tests.helpers.eurostat_server import EurostatServer
from tests.helpers.ssb_server import SsbServer
from tui.core.eurostat_api import EurostatClient
from tui.core.ssb_api import SsbClient
from tui.core.ssb_query import RateLimiter

Waits = list[tuple[float, str]]


@pytest.fixture
def ssb() -> Iterator[SsbServer]:
    server = SsbServer()
    yield server
    server.stop()


def watched_ssb(server: SsbServer, waits: Waits, sleeps: list[float], **kw: object) -> SsbClient:
    limiter = kw.pop("limiter", RateLimiter(10_000, 60.0))
    assert isinstance(limiter, RateLimiter)
    client = SsbClient(server.base_url, limiter=limiter, sleep=sleeps.append)
    client.on_wait = lambda seconds, why: waits.append((seconds, why))
    return client


def test_a_retry_after_is_told_before_the_wait_and_ended_after(ssb: SsbServer) -> None:
    ssb.state.faults["10974"] = ["429", "ok"]
    ssb.state.retry_after = "12"
    waits: Waits = []
    sleeps: list[float] = []
    with watched_ssb(ssb, waits, sleeps) as client:
        client.fetch("10974", "no")
    assert sleeps == [12.0]
    assert waits == [(12.0, "SSB asks: Retry-After"), (0.0, "")]


def test_a_server_fault_without_retry_after_names_the_answer(ssb: SsbServer) -> None:
    ssb.state.faults["10974"] = ["500", "ok"]
    waits: Waits = []
    sleeps: list[float] = []
    with watched_ssb(ssb, waits, sleeps) as client:
        client.fetch("10974", "no")
    assert sleeps == [1.0]  # the first backoff
    assert waits == [(1.0, "SSB answered 500 Internal Server Error; trying again"), (0.0, "")]


def test_the_pacing_wait_is_told_with_the_pace(ssb: SsbServer) -> None:
    clock = FakeClock()
    limiter = RateLimiter(1, 60.0, clock=clock, sleep=clock.sleep)
    waits: Waits = []
    with watched_ssb(ssb, waits, [], limiter=limiter) as client:
        client.fetch("10974", "no")  # metadata, then data one window later
    assert clock.sleeps == [60.0]
    assert waits == [(60.0, "pacing: at most 1 requests a minute"), (0.0, "")]


def test_no_wait_tells_nothing(ssb: SsbServer) -> None:
    waits: Waits = []
    with watched_ssb(ssb, waits, []) as client:
        client.fetch("10974", "no")
    assert waits == []


def test_eurostat_tells_its_retry_after_too(eurostat_api: EurostatServer) -> None:
    eurostat_api.state.faults["tin00110"] = ["429", "ok"]
    eurostat_api.state.retry_after = "7"
    waits: Waits = []
    sleeps: list[float] = []
    limiter = RateLimiter(1000, 1.0)
    with EurostatClient(eurostat_api.api_url, limiter=limiter, sleep=sleeps.append) as client:
        client.on_wait = lambda seconds, why: waits.append((seconds, why))
        client.fetch("tin00110", ("NO",))
    assert sleeps == [7.0]
    assert waits == [(7.0, "Eurostat asks: Retry-After"), (0.0, "")]
