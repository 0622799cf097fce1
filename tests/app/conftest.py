"""Fixtures for the explorer's tests; the code they share lives in tests/helpers/app_pilot.py."""

from __future__ import annotations

import pytest

from tests.helpers.app_pilot import embedded
from tui.core import Dataset


@pytest.fixture
def dataset() -> Dataset:
    """The embedded dataset, loaded once for the whole run (tests never change it)."""
    return embedded()
