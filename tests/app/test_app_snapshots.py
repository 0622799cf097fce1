"""Snapshots of the screens as a person sees them (run with PYTHONHASHSEED=0, as CI does).

Update with `pytest tests/app/test_app_snapshots.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.helpers.app_pilot import make_app, press, settle
from tui.core.model import THEMES

Snap = Callable[..., bool]


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Press keys, then wait for the chart, before the screenshot is taken."""

    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in pressed:
            await press(pilot, key)

    return run


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("theme", THEMES)
def test_theme_screen(snap_compare: Snap, theme: str, size: tuple[int, int]) -> None:
    app = make_app(screen=theme, lang="nb")
    assert snap_compare(app, terminal_size=size, run_before=keys())


def test_english_ecommerce_2012_web_sales(snap_compare: Snap) -> None:
    app = make_app(screen="ecommerce", lang="en", year=2012)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("down"))


def test_no_color(snap_compare: Snap, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(screen="social_media", lang="en")
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("down", "c"))


def test_compare_countries(snap_compare: Snap) -> None:
    app = make_app(screen="policy", lang="en")
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("down", "g"))


def test_compare_countries_line_wide(snap_compare: Snap) -> None:
    app = make_app(screen="policy", lang="en", by="size")
    assert snap_compare(app, terminal_size=(140, 36), run_before=keys("g", "c"))


def test_ascii_mode(snap_compare: Snap) -> None:
    app = make_app(screen="ecommerce", lang="en", year=2012, ascii_mode=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("down", "c"))


def test_sources_dialog(snap_compare: Snap) -> None:
    app = make_app(screen="social_media", lang="en", year=2013)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("down", "s"))


def test_monthly_file_by_period(snap_compare: Snap) -> None:
    from pathlib import Path

    from tui.cli.data import file_dataset

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "periods" / "px_monthly.px"
    app = make_app(file_dataset(str(fixture)), screen="file", lang="en", geo="file")
    assert snap_compare(app, terminal_size=(100, 30), run_before=keys("home", "right"))


def test_geography_chooser_filtered(snap_compare: Snap) -> None:
    from pathlib import Path

    from tui.cli.data import file_dataset

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "periods" / "px_half_year.px"
    app = make_app(file_dataset(str(fixture)), screen="file", lang="nb", geo="0301")
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("G", "t", "r"))
