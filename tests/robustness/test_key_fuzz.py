"""Thousands of random keys, resizes and restarts never crash the explorer or break its selection.

The fuzzer (tests/helpers/key_fuzz.py) presses keys the app, its screens and dialogs bind, plus keys nobody
binds, types into the `/` prompt, resizes the terminal between 20x8 and 250x80 and restarts the
app with random options after a quitting key. A failure prints the seed, the problem or the
traceback, and the last 30 steps; `python bench/fuzz_keys.py --seed N --presses P` replays it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding

import tui.app.screens.theme as screen_module
from tests.helpers.key_fuzz import FuzzResult, fuzz, quit_after
from tests.helpers.key_fuzz_parts import DECOYS, SCREEN_CLASSES, node_keys
from tui.app.screens.theme import ThemeScreen

SEEDS = (1, 2, 4, 5)
"""Seeds whose runs reach every kind of step (jumps, exports, copies) with today's keys."""
PRESSES = 1000
"""Per seed: 4,000 presses in all, 1.5 to 2.5 minutes on a two-core machine."""


def pressed(result: FuzzResult) -> set[str]:
    return {step[1:-1] for step in result.log if step.startswith("'")}


@pytest.mark.parametrize("seed", SEEDS)
async def test_random_keys_never_crash(seed: int, tmp_path: Path) -> None:
    result = await fuzz(seed, PRESSES, tmp_path)
    assert result.ok, "\n" + result.report()
    assert result.presses == PRESSES
    print(result.summary())
    # the run did reach what it is meant to exercise
    screen_keys = {b.key for b in Binding.make_bindings(ThemeScreen.BINDINGS)}
    assert not screen_keys - pressed(result), "screen keys never pressed"
    assert result.resizes >= 10 and result.checks >= PRESSES // 20
    assert result.jumps and result.exports and result.copies
    assert len(list(tmp_path.iterdir())) == result.exports + len(DECOYS)
    for name in DECOYS:
        assert (tmp_path / name).read_text() == "someone else's file\n"


async def test_same_seed_same_keys(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = await fuzz(11, 150, tmp_path / "a")
    second = await fuzz(11, 150, tmp_path / "b")
    assert first.ok and second.ok, first.report() + "\n" + second.report()
    assert first.log == second.log
    assert len(pressed(first)) > 40


async def test_a_crash_is_reported_with_seed_traceback_and_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: ThemeScreen) -> None:
        raise ZeroDivisionError("planted")

    monkeypatch.setattr(screen_module.ThemeScreen, "action_chart", broken)
    result = await fuzz(5, 400, tmp_path)
    assert not result.ok and result.crash is not None
    assert "ZeroDivisionError: planted" in result.crash
    report = result.report()
    assert "--seed 5" in report and "'c'" in report.splitlines()[-1]
    assert result.last() == result.log[-30:] and len(result.log) < 400
    assert result.presses < 400


async def test_quitting_at_any_moment_of_start_up() -> None:
    failures = []
    for step in range(34):  # 0 to 99 ms: the chart is mounted some 40 ms after the first frame
        delay, key = step * 0.003, ("q", "escape", "ctrl+q")[step % 3]
        problem = await quit_after(delay, key)
        if problem is not None:
            failures.append(f"{key!r} after {delay * 1000:.0f} ms:\n{problem}")
    assert not failures, "\n".join(failures)


def test_every_bound_key_is_in_the_pool() -> None:
    keys = node_keys(SCREEN_CLASSES)
    for key in ("left", "h", "circumflex_accent", "dollar_sign", "slash", "L", "question_mark"):
        assert key in keys
    assert {"q", "escape", "ctrl+q"} <= keys
