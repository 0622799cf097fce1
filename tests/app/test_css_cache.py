"""Textual's parsed CSS from the cache styles the explorer exactly as parsing it afresh does.

The explorer keeps the rules Textual parsed in the cache's `start/` folder; the next start fills
Textual's parse cache from there instead of parsing again. Each test starts the explorer with a
cache folder of its own and compares what it shows, widget by widget and segment by segment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import textual.css.stylesheet as textual_stylesheet

from tests.helpers.app_pilot import make_app, press, screen_segments, settle
from tui.app.app import IktApp
from tui.app.fastpaths import css_cache
from tui.app.fastpaths.css_cache import CSS_CACHE_NAME, read_entries
from tui.app.fastpaths.versions import FAST


class Parses:
    """Counts the CSS sources Textual parses (each call of textual's `parse`)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        self.at_first_frame: int | None = None
        real = textual_stylesheet.parse

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return real(*args, **kwargs)

        real_first_frame = IktApp.first_frame_drawn

        def first_frame(app: IktApp) -> None:
            self.at_first_frame = self.count
            real_first_frame(app)

        monkeypatch.setattr(IktApp, "first_frame_drawn", first_frame)

        monkeypatch.setattr(textual_stylesheet, "parse", counted)


async def _start(folder: Path | None, keys: str = "right down") -> tuple[list[Any], list[Any]]:
    """Every widget's computed styles, and the screen's segments after `keys`."""
    app = make_app(start_folder=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        styles = [
            (type(node).__name__, node.id, node.styles.css)
            for node in app.screen.walk_children(with_self=True)
        ]
        await press(pilot, *keys.split())
        return styles, screen_segments(app)


async def test_a_second_start_parses_no_css_and_shows_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parses = Parses(monkeypatch)
    afresh = await _start(None)
    assert parses.count > 5  # Textual's own sources and the explorer's
    first = await _start(tmp_path)
    assert (tmp_path / CSS_CACHE_NAME).is_file()
    parses.count = 0
    second = await _start(tmp_path)
    assert parses.at_first_frame == 0  # the chart's own CSS comes after the first frame
    assert first == second == afresh
    assert len(afresh[0]) > 5 and all(css for _, _, css in afresh[0][1:])


async def test_a_damaged_file_is_not_read_and_is_written_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    afresh = await _start(None)
    await _start(tmp_path)
    path = tmp_path / CSS_CACHE_NAME
    whole = path.read_bytes()
    for damaged in (whole[: len(whole) // 2], whole[:10] + bytes([whole[10] ^ 1]) + whole[11:]):
        path.write_bytes(damaged)
        parses = Parses(monkeypatch)
        assert await _start(tmp_path) == afresh
        assert parses.count > 5
        assert path.read_bytes() == whole


async def test_a_file_made_under_other_css_variables_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _start(tmp_path)
    path = tmp_path / CSS_CACHE_NAME
    app = make_app()
    stamp = css_cache._stamp(app.stylesheet)
    assert read_entries(path, stamp)
    other = (*stamp[:3], (*stamp[3], ("made-up-variable", "red")))
    assert read_entries(path, other) == {}
    monkeypatch.setattr(css_cache, "WRITTEN_FOR", {"textual": "0.0.1", "plotext": "5.3.2"})
    parses = Parses(monkeypatch)
    await _start(tmp_path)
    assert parses.count > 5


async def test_without_the_fast_path_nothing_is_read_or_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    afresh = await _start(None)
    monkeypatch.setitem(FAST, "textual", False)
    assert await _start(tmp_path) == afresh
    assert not (tmp_path / CSS_CACHE_NAME).exists()


async def test_a_folder_that_cannot_be_made_only_means_parsing(tmp_path: Path) -> None:
    afresh = await _start(None)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder would be")
    assert await _start(blocked / "start") == afresh
    assert blocked.read_text() == "a file where the folder would be"
    assert [p.name for p in tmp_path.iterdir()] == ["not-a-folder"]
