"""`ikt update` on a real terminal and piped: its progress, its countdown, and Ctrl-C undoing it."""

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

from tests.helpers.eurostat_server import EurostatServer
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

    def __init__(
        self, args: list[str], env: dict[str, str], *, terminal: bool = True, piped: bool = False
    ) -> None:
        """`terminal=False`: stderr into a pipe; `piped=True`: stdout into one."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        stderr: int = slave if terminal else subprocess.PIPE
        self.process = subprocess.Popen(
            [ikt_command(), *args],
            stdin=slave,
            stdout=subprocess.PIPE if piped else slave,
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


INTERRUPTED = "ikt: update interrupted; the cache is as it was"


def eurostat_env(home: Path, server: EurostatServer) -> dict[str, str]:
    return clean_env(home) | {"IKT_EUROSTAT_API_URL": server.api_url}


def stopped_at_once(run: PtyRun) -> str:
    """Exit 130 with the one line last, no traceback: what Ctrl-C must leave on the terminal."""
    code, text = run.finish()
    assert code == 130, text
    assert "Traceback" not in text and "KeyboardInterrupt" not in text
    assert text.strip().splitlines()[-1] == INTERRUPTED
    assert text.count("update interrupted") == 1
    return text


def test_ctrl_c_after_the_first_table_puts_its_old_entry_back(
    home: Path, ssb_api: SsbServer
) -> None:
    from tui.core import cache as disk

    old = disk.write_entry(
        "ssb-10974-no.json", b'{"old": true}', "http://example.invalid/", "application/json"
    )
    old_bytes = old.read_bytes()
    before = sound_entries(home / "cache")
    ssb_api.state.faults["10977"] = ["held"]  # the second table's answer never comes
    run = PtyRun(["update", "--tables", "10974,10977"], update_env(home, ssb_api))
    wait_for(lambda: asked_for_data(ssb_api, "10977"), "the second table's request")
    wait_for(lambda: "table 2 of 2: 10977" in run.text(), "the progress of the second table")
    assert old.read_bytes() != old_bytes  # the first table was fetched and cached anew
    assert "table 10974: " in run.text()  # and its line came as it finished
    run.process.send_signal(signal.SIGINT)
    text = stopped_at_once(run)
    assert "cells fetched" in text  # the live progress was there while it worked
    assert sound_entries(home / "cache") == before  # byte for byte, no temporary file


def test_ctrl_c_typed_on_the_terminal_removes_what_the_update_added(
    home: Path, ssb_api: SsbServer
) -> None:
    from tui.core import cache as disk

    other = b'{"another": "table"}'  # not one this update writes: it stays as it is
    disk.write_entry("ssb-12769-no.json", other, "http://example.invalid/", "application/json")
    before = sound_entries(home / "cache")
    ssb_api.state.faults["10977"] = ["held"]
    run = PtyRun(["update", "--tables", "10974,10977"], update_env(home, ssb_api))
    wait_for(lambda: (home / "cache" / "ssb-10974-no.json").exists(), "the first table cached")
    wait_for(lambda: "table 2 of 2: 10977" in run.text(), "the progress of the second table")
    os.write(run.master, b"\x03")  # Ctrl-C as the keyboard sends it: the terminal's SIGINT
    stopped_at_once(run)
    assert sound_entries(home / "cache") == before


def test_ctrl_c_on_a_eurostat_dataset_puts_the_cache_back(
    home: Path, eurostat_api: EurostatServer
) -> None:
    eurostat_api.state.faults["tin00110"] = ["slow"]
    eurostat_api.state.slow_seconds = 60.0
    args = ["update", "--source", "eurostat", "--datasets", "isoc_cismt,tin00110"]
    run = PtyRun(args, eurostat_env(home, eurostat_api))
    wait_for(lambda: (home / "cache" / "eurostat-isoc_cismt.json").exists(), "the first dataset")
    wait_for(lambda: "dataset 2 of 2: tin00110" in run.text(), "the second dataset's progress")
    run.process.send_signal(signal.SIGINT)
    stopped_at_once(run)
    assert sound_entries(home / "cache") == {}


def test_a_retry_after_counts_down_then_the_table_comes(home: Path, ssb_api: SsbServer) -> None:
    ssb_api.state.faults["10974"] = ["429", "ok"]
    ssb_api.state.retry_after = "2"
    run = PtyRun(["update", "--tables", "10974"], update_env(home, ssb_api))
    code, text = run.finish()
    assert code == 0, text
    assert "waiting 2 s (SSB asks: Retry-After)" in text
    assert "waiting 1 s (SSB asks: Retry-After)" in text  # it counts down while it waits
    assert text.index("waiting 2 s") < text.index("table 10974: ")  # then the table came
    assert text.strip().splitlines()[-1] == "155 new, 3 revised, 2 unchanged figures"
    assert len(ssb_api.state.data_requests()) == 2


def test_eurostat_retry_after_counts_down_too(home: Path, eurostat_api: EurostatServer) -> None:
    eurostat_api.state.faults["tin00110"] = ["429", "ok"]
    eurostat_api.state.retry_after = "2"
    args = ["update", "--source", "eurostat", "--datasets", "tin00110"]
    code, text = PtyRun(args, eurostat_env(home, eurostat_api)).finish()
    assert code == 0, text
    assert "waiting 2 s (Eurostat asks: Retry-After)" in text
    assert "dataset tin00110: " in text


def test_piped_each_table_is_one_line_as_it_finishes(home: Path, ssb_api: SsbServer) -> None:
    ssb_api.state.faults["10978"] = ["held"]  # the second table waits until the test looks
    process = subprocess.Popen(
        [ikt_command(), "update", "--tables", "10974,10978,10977"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=update_env(home, ssb_api),
    )
    assert process.stdout is not None and process.stderr is not None
    lines: list[str] = []
    reader = threading.Thread(
        target=lambda: lines.extend(line.decode("utf-8").rstrip("\n") for line in process.stdout),
        daemon=True,
    )
    reader.start()
    try:
        wait_for(lambda: asked_for_data(ssb_api, "10978"), "the second table's request")
        wait_for(lambda: bool(lines), "the first table's line")
        assert process.poll() is None and len(lines) == 1  # printed before the others came
    finally:
        ssb_api.state.release.set()
    assert process.wait(timeout=WAIT) == 0, process.stderr.read()
    reader.join(timeout=WAIT)
    assert process.stderr.read() == b""  # no progress, nothing else
    assert [line.split(":")[0] for line in lines] == [
        "table 10974",
        "table 10978",
        "table 10977",
        "475 new, 3 revised, 2 unchanged figures",
    ]


def test_piped_stderr_gets_no_progress(home: Path, ssb_api: SsbServer) -> None:
    run = PtyRun(["update", "--tables", "10974"], update_env(home, ssb_api), terminal=False)
    assert run.process.stderr is not None
    err = run.process.stderr.read().decode("utf-8")
    code, out = run.finish()
    assert code == 0, err
    assert err == "" and "cells fetched" not in out and "table 1 of 1" not in out
    assert out.splitlines()[-1] == "155 new, 3 revised, 2 unchanged figures"


def test_piped_stdout_gets_no_progress_on_the_terminal(home: Path, ssb_api: SsbServer) -> None:
    run = PtyRun(["update", "--tables", "10974,10977"], update_env(home, ssb_api), piped=True)
    assert run.process.stdout is not None
    out = run.process.stdout.read().decode("utf-8")
    code, on_terminal = run.finish()
    assert code == 0, on_terminal
    assert on_terminal == ""  # `ikt update | less`: no display drawn through the lines
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "table 10974",
        "table 10977",
        "315 new, 3 revised, 2 unchanged figures",
    ]
