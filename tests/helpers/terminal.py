"""The real `ikt` on a real terminal: a tmux pane for the explorer, a pseudo-terminal for `ikt show`.

Both start the `ikt` script installed beside the running Python (the virtual environment's), with
a clean environment: English, UTF-8, PYTHONHASHSEED=0, the embedded data only.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shlex
import shutil
import struct
import subprocess
import sys
import termios
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from tui.core.words import WORDS

ANSI = re.compile(
    r"\x1b(?:\[[0-9;?:<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])"
)
TMUX_KEYS = {"left": "Left", "right": "Right", "down": "Down", "up": "Up", "end": "End"}
STABLE_FOR = 0.15  # seconds the pane must stay the same to count as settled
POLL = 0.03
TIMEOUT = 20.0
WAITING = WORDS["chart_waiting"]  # the chart's place before its first drawing, in nb and en


def run_tmux(tmux: str, socket: str, config: Path, env: dict[str, str], *args: str) -> str:
    """One tmux command on a test's own server (socket and config), failing the test if tmux does."""
    done = subprocess.run(
        [tmux, "-u", "-L", socket, "-f", str(config), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=20,
    )
    if done.returncode != 0:
        raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def ikt_command() -> str:
    """The `ikt` entry point of the environment running the tests."""
    path = Path(sys.executable).with_name("ikt")
    if not path.exists():
        raise AssertionError(f"{path.name} is not installed beside {Path(sys.executable).name}")
    return str(path)


def clean_env(home: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm-256color",
        "PYTHONHASHSEED": "0",
        "IKT_CACHE_DIR": str(home / "cache"),
    }


def drawn(lines: list[str]) -> bool:
    """True once the first screen is whole: something on it, and the chart drawn (a loaded
    machine can leave the chart's waiting word up longer than STABLE_FOR)."""
    text = "\n".join(lines)
    return bool(text.strip()) and not any(word in text for word in WAITING)


class TmuxPane:
    """One tmux server (a socket of its own) running `ikt ARGS` in a detached session."""

    def __init__(self, folder: Path, size: tuple[int, int]) -> None:
        tmux = shutil.which("tmux")
        if tmux is None:
            raise AssertionError("tmux is not installed; install it with: apt-get install -y tmux")
        self.tmux = tmux
        self.folder = folder
        self.size = size
        self.socket = f"ikt-oracle-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        (folder / "tmux.conf").write_text("set -g status off\nset -g history-limit 0\n")
        (folder / "cache").mkdir(exist_ok=True)
        self.env = clean_env(folder)

    def _run(self, *args: str) -> str:
        return run_tmux(self.tmux, self.socket, self.folder / "tmux.conf", self.env, *args)

    def start(self, *ikt_args: str) -> list[str]:
        assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items())
        command = " ".join(shlex.quote(a) for a in (ikt_command(), *ikt_args))
        width, height = self.size
        self._run(
            "new-session", "-d", "-s", "ikt", "-x", str(width), "-y", str(height),
            f"env -i {assignments} {command}; exec sleep 600",
        )  # fmt: skip
        return self.settled(drawn)

    def capture(self) -> list[str]:
        width, height = self.size
        lines = self._run("capture-pane", "-p", "-t", "ikt").split("\n")[:height]
        return [line.ljust(width) for line in lines] + [" " * width] * (height - len(lines))

    def settled(self, ready: Callable[[list[str]], bool] | None = None) -> list[str]:
        """The pane once it has stayed the same for STABLE_FOR seconds."""
        deadline = time.monotonic() + TIMEOUT
        last = self.capture()
        since = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(POLL)
            now = self.capture()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= STABLE_FOR and (ready is None or ready(now)):
                return now
        raise AssertionError("the pane did not settle:\n" + "\n".join(last))

    def press(self, key: str) -> list[str]:
        self._run("send-keys", "-t", "ikt", TMUX_KEYS.get(key, key))
        return self.settled()

    def explorer_pid(self) -> int:
        """The process running `ikt` (the pane's shell runs it as its one child)."""
        shell = self._run("display-message", "-p", "-t", "ikt", "#{pane_pid}").strip()
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
        assert len(children) == 1, f"expected ikt alone under the pane's shell, found {children}"
        return int(children[0])

    def stop(self) -> None:
        subprocess.run(
            [self.tmux, "-L", self.socket, "kill-server"],
            env=self.env,
            capture_output=True,
            timeout=20,
        )


def run_on_terminal(args: list[str], columns: int, home: Path, rows: int = 50) -> tuple[int, str]:
    """(exit status, output without escape codes) of `ikt ARGS` on a pseudo-terminal `columns` wide.

    The width is the terminal's own (TIOCSWINSZ), as on a person's terminal; COLUMNS and LINES
    are not set, so the program has to ask the terminal.
    """
    (home / "cache").mkdir(exist_ok=True)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    process = subprocess.Popen(
        [ikt_command(), *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=clean_env(home),
        close_fds=True,
    )
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([master], [], [], 1.0)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed: the program has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    code = process.wait(timeout=TIMEOUT)
    text = b"".join(chunks).decode("utf-8", errors="replace")
    return code, ANSI.sub("", text).replace("\r\n", "\n").replace("\r", "")


def quit_after_first_screen(argv: list[str]) -> tuple[int, bytes]:
    """Run `argv` on an 80x24 pseudo-terminal, press q once the e-commerce table shows; the exit
    status and everything written."""
    leader, follower = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    child = subprocess.Popen(
        argv,
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
