"""Ctrl-C during `ikt update` on a real terminal: one line, exit 130, and no half-written cache."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.ssb_server import SsbServer
from tests.helpers.terminal import ANSI, clean_env, ikt_command
from tui.core.cache import list_entries

WAIT = 30.0  # seconds a step may take on a loaded machine before the test fails


def own_terminal() -> None:
    """In the child: a session of its own whose controlling terminal is the pty, as in a shell."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyRun:
    """`ikt ARGS` on a pseudo-terminal of its own, its output read as it comes."""

    def __init__(self, args: list[str], env: dict[str, str], *, terminal: bool = True) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        stderr: int = slave if terminal else subprocess.PIPE
        self.process = subprocess.Popen(
            [ikt_command(), *args],
            stdin=slave,
            stdout=slave,
            stderr=stderr,
            env=env,
            close_fds=True,
            preexec_fn=own_terminal,
        )
        os.close(slave)
        self.master = master
        self.chunks: list[bytes] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            ready, _w, _x = select.select([self.master], [], [], 0.2)
            if not ready:
                if self.process.poll() is not None:
                    return
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.chunks.append(chunk)

    def text(self) -> str:
        raw = b"".join(self.chunks).decode("utf-8", errors="replace")
        return ANSI.sub("", raw).replace("\r\n", "\n")

    def finish(self) -> tuple[int, str]:
        try:
            code = self.process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise
        self.reader.join(timeout=WAIT)
        os.close(self.master)
        return code, self.text()


def wait_for(ready: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def asked_for_data(server: SsbServer, table: str) -> bool:
    return any(f"/tables/{table}/data" in r.path for r in server.state.data_requests())


def sound_entries(cache: Path) -> dict[str, bytes]:
    """Every file in the cache: all entries whole, not one temporary file left behind."""
    names = sorted(p.name for p in cache.iterdir()) if cache.is_dir() else []
    assert not [n for n in names if n.startswith(".") or n.endswith(".tmp")], names
    listed = list_entries(cache)
    assert all(item.problem is None for item in listed), listed
    return {name: (cache / name).read_bytes() for name in names}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "cache").mkdir()
    return tmp_path


def update_env(home: Path, server: SsbServer) -> dict[str, str]:
    return clean_env(home) | {"IKT_SSB_API_URL": server.base_url}


def test_ctrl_c_on_the_second_table_keeps_the_first_and_says_so(
    home: Path, ssb_api: SsbServer
) -> None:
    ssb_api.state.faults["10977"] = ["slow"]
    ssb_api.state.slow_seconds = 60.0  # the second table's answer never comes in time
    run = PtyRun(["update", "--tables", "10974,10977"], update_env(home, ssb_api))
    wait_for(lambda: asked_for_data(ssb_api, "10977"), "the second table's request")
    wait_for(lambda: "table 2 of 2: 10977" in run.text(), "the progress of the second table")
    run.process.send_signal(signal.SIGINT)
    code, text = run.finish()
    assert code == 130, text
    assert "Traceback" not in text and "KeyboardInterrupt" not in text
    last = text.strip().splitlines()[-1]
    assert last == "ikt: update interrupted; table 10974 kept in the cache, nothing else written"
    assert text.count("update interrupted") == 1
    assert "cells fetched" in text  # the live progress was there while it worked
    assert list(sound_entries(home / "cache")) == ["ssb-10974-no.json"]


def test_ctrl_c_typed_on_the_terminal_before_anything_came_writes_nothing(
    home: Path, ssb_api: SsbServer
) -> None:
    from tui.core import cache as disk

    earlier = disk.write_entry(
        "ssb-10974-no.json", b'{"old": true}', "http://example.invalid/", "application/json"
    )
    before = sound_entries(home / "cache")
    assert earlier.parent == home / "cache"
    ssb_api.state.faults["10974"] = ["slow"]
    ssb_api.state.slow_seconds = 60.0
    run = PtyRun(["update", "--tables", "10974,10977"], update_env(home, ssb_api))
    wait_for(lambda: asked_for_data(ssb_api, "10974"), "the first table's request")
    wait_for(lambda: "table 1 of 2: 10974" in run.text(), "the progress of the first table")
    os.write(run.master, b"\x03")  # Ctrl-C as the keyboard sends it: the terminal's SIGINT
    code, text = run.finish()
    assert code == 130, text
    assert "Traceback" not in text
    assert text.strip().splitlines()[-1] == "ikt: update interrupted; nothing written"
    assert sound_entries(home / "cache") == before  # the old entry exactly as it was


def test_piped_stderr_gets_no_progress(home: Path, ssb_api: SsbServer) -> None:
    run = PtyRun(["update", "--tables", "10974"], update_env(home, ssb_api), terminal=False)
    assert run.process.stderr is not None
    err = run.process.stderr.read().decode("utf-8")
    code, out = run.finish()
    assert code == 0, err
    assert err == "" and "cells fetched" not in out and "table 1 of 1" not in out
    assert out.splitlines()[-1] == "155 new, 3 revised, 2 unchanged figures"
