"""`run_app` returns the exit status once the terminal is restored, so the caller can clean up.

The explorer runs in a real pseudo-terminal in a child process, with the quick input stop
(fastpaths/input_stop.py) and with Textual's own, and quits on `q`.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time

import pytest

from tui.core import load_dataset

CHILD = """
import sys, threading
from tui.app.fastpaths.versions import FAST
FAST["textual"] = sys.argv[1] == "fast"
from tui.app.run import run_app
from tui.core import load_dataset
code = run_app(load_dataset(), screen="ecommerce", year=None, by="total", lang="en",
               ascii_mode=False, geo="NO")
inputs = [t for t in threading.enumerate() if t.name == "textual-input"]
print(f"run_app returned {code}; input threads {len(inputs)}", flush=True)
"""
RESTORE = b"\x1b[?1049l"
"""Leave the alternate screen: the last thing Textual writes when it restores the terminal."""


def run_and_quit(mode: str) -> tuple[int, bytes]:
    """Start the child in a pty, press q after the first screen; its exit status and output."""
    leader, follower = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    out = b""
    deadline = time.monotonic() + 60
    pressed = False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                out += chunk
            if not pressed and b"Carried out e-commerce" in out:
                os.write(leader, b"q")
                pressed = True
            if child.poll() is not None and not ready:
                break
        return child.wait(timeout=10), out
    finally:
        if child.poll() is None:
            child.kill()
        os.close(leader)


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
