"""`run_app` returns the exit status once the terminal is restored, so the caller can clean up.

The explorer runs in a real pseudo-terminal in a child process, with the quick input stop
(fastpaths/input_stop.py) and with Textual's own, and quits on `q`.
"""

from __future__ import annotations

import sys

import pytest

from tests.helpers.terminal import quit_after_first_screen
from tui.core import load_dataset

CHILD = """
import sys, threading
from tui.app.fastpaths.versions import FAST
FAST["textual"] = sys.argv[1] == "fast"
from tui.app.run import run_app
from tests.helpers.terminal import quit_after_first_screen
from tui.core import load_dataset
code = run_app(load_dataset(), screen="ecommerce", year=None, by="total", lang="en",
               ascii_mode=False, geo="NO")
inputs = [t for t in threading.enumerate() if t.name == "textual-input"]
print(f"run_app returned {code}; input threads {len(inputs)}", flush=True)
"""
RESTORE = b"\x1b[?1049l"
"""Leave the alternate screen: the last thing Textual writes when it restores the terminal."""


def run_and_quit(mode: str) -> tuple[int, bytes]:
    return quit_after_first_screen([sys.executable, "-c", CHILD, mode])


@pytest.mark.parametrize("mode", ["fast", "public"])
def test_run_app_returns_after_restoring_the_terminal(mode: str) -> None:
    code, out = run_and_quit(mode)
    assert code == 0, out[-2000:]
    assert b"Carried out e-commerce" in out
    restored = out.rfind(RESTORE)
    returned = out.find(b"run_app returned 0")
    assert 0 <= restored < returned, out[-2000:]
    if mode == "public":  # Textual waits for its input thread before it returns
        assert b"input threads 0" in out[returned:]


def test_run_app_hands_frames_to_the_writer_sooner_while_it_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.app.app import IktApp
    from tui.app.run import FRAME_HANDOFF, run_app

    seen: list[float] = []
    monkeypatch.setattr(IktApp, "run", lambda self: seen.append(sys.getswitchinterval()))
    before = sys.getswitchinterval()
    code = run_app(
        load_dataset(), screen="ecommerce", year=None, by="total", lang="en",
        ascii_mode=False, geo="NO",
    )  # fmt: skip
    assert code == 0
    assert seen == [FRAME_HANDOFF] != [before]
    assert sys.getswitchinterval() == before
