"""The screen oracle on the real terminal path: `ikt` in a tmux pane, keys sent by tmux.

A reduced set of the Pilot walk (tests/app/test_screen_oracle.py): the screens where the
numbers are most often cut, each walked across every year both ways; after each key the pane
is read with `tmux capture-pane` once it has stopped changing, and judged by the same oracle.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.published import theme_figures
from tests.helpers.screen_checks import check_screen
from tests.helpers.terminal import TmuxPane
from tests.helpers.walk import Findings, step_name, walk_keys, year_count

CASES = [
    ("ecommerce", "total", (100, 30)),
    ("ecommerce", "size", (80, 24)),
    ("policy", "size", (140, 40)),
]


@pytest.fixture
def panes() -> Iterator[list[TmuxPane]]:
    started: list[TmuxPane] = []
    yield started
    for pane in started:
        pane.stop()


@pytest.mark.parametrize(
    ("theme", "breakdown", "size"), CASES, ids=[f"{t}-{b}-{w}x{h}" for t, b, (w, h) in CASES]
)
def test_every_screen_in_a_real_terminal_shows_whole_true_figures(
    theme: str, breakdown: str, size: tuple[int, int], tmp_path: Path, panes: list[TmuxPane]
) -> None:
    figures = theme_figures(theme, breakdown)
    findings = Findings(f"ikt --screen {theme} --by {breakdown} in tmux at {size[0]}x{size[1]}")
    pane = TmuxPane(tmp_path, size)
    panes.append(pane)
    args = ["--screen", theme.replace("_", "-"), "--by", breakdown, "--lang", "en"]
    lines = pane.start(*args)
    findings.add(step_name(-1, ""), check_screen(lines, figures))
    for index, key in enumerate(walk_keys(year_count(theme, breakdown))):
        findings.add(step_name(index, key), check_screen(pane.press(key), figures))
    assert not findings.first_seen, findings.report()
