"""Run a program in a real pseudo-terminal and time what a person sees, for the benchmarks."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass, field


@dataclass
class PtyProcess:
    """A child on a pty of a given size; collects everything it writes, with timestamps."""

    pid: int
    fd: int
    started: float
    output: bytearray = field(default_factory=bytearray)
    last_byte_at: float = 0.0
    rusage_maxrss_kb: int = 0
    exit_status: int | None = None

    def pump(self, timeout: float) -> bool:
        """Read what is available within `timeout`; False when the child closed the pty."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        self.output += chunk
        self.last_byte_at = time.perf_counter()
        return True

    def wait_for(self, marker: bytes, timeout: float = 10.0) -> float:
        """Seconds from start until `marker` appears in the output."""
        deadline = time.perf_counter() + timeout
        while marker not in self.output:
            if time.perf_counter() > deadline or not self.pump(0.005):
                raise TimeoutError(
                    f"{marker!r} not seen; last output: {bytes(self.output[-300:])!r}"
                )
        return self.last_byte_at - self.started

    def wait_quiet(self, quiet: float = 0.15, timeout: float = 5.0) -> float:
        """Time of the last byte once the child has written nothing for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            before = len(self.output)
            if not self.pump(quiet) or len(self.output) == before:
                break
        return self.last_byte_at

    def send(self, data: bytes) -> float:
        os.write(self.fd, data)
        return time.perf_counter()

    def wait_exit(self, timeout: float = 5.0) -> float:
        """Seconds until the child exits (it is killed after `timeout`)."""
        start = time.perf_counter()
        deadline = start + timeout
        while time.perf_counter() < deadline:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.exit_status = os.waitstatus_to_exitcode(status)
                self.rusage_maxrss_kb = usage.ru_maxrss
                os.close(self.fd)
                return time.perf_counter() - start
            self.pump(0.002)
        os.kill(self.pid, signal.SIGKILL)
        os.wait4(self.pid, 0)
        os.close(self.fd)
        raise TimeoutError("the program did not exit")


def spawn(
    argv: list[str],
    cols: int = 80,
    rows: int = 24,
    env: dict[str, str] | None = None,
    cwd: str | None = None,
) -> PtyProcess:
    """Start argv on a new pty of cols x rows."""
    full_env = dict(os.environ)
    full_env.update({"TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows)})
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: compiled once, cached
    full_env.update(env or {})
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        if cwd:
            os.chdir(cwd)
        os.execvpe(argv[0], argv, full_env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return PtyProcess(pid, fd, started)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
