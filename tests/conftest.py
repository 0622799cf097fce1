"""Fixtures shared by several test folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.eurostat_server import EurostatServer
from tests.helpers.ssb_server import SsbServer


@pytest.fixture
def ssb_api(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SsbServer]:
    """A loopback SSB API that `ikt` is pointed at, with a cache of the test's own."""
    monkeypatch.setenv("IKT_CACHE_DIR", str(tmp_path / "cache"))
    server = SsbServer()
    monkeypatch.setenv("IKT_SSB_API_URL", server.base_url)
    yield server
    server.stop()


@pytest.fixture
def eurostat_api(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[EurostatServer]:
    """A loopback Eurostat API that `ikt` is pointed at, with a cache of the test's own."""
    monkeypatch.setenv("IKT_CACHE_DIR", str(tmp_path / "cache"))
    server = EurostatServer()
    monkeypatch.setenv("IKT_EUROSTAT_API_URL", server.api_url)
    yield server
    server.stop()
