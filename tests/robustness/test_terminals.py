"""The real `ikt` in real terminals: tmux panes of many sizes, TERM values, NO_COLOR and LANG=C.

Each case starts `python -m tui` in a detached tmux session of its own (own server socket), waits
for the first screen, checks what it shows, presses q, and then checks the exit status and that
the terminal is left as it was found: main screen back, cursor visible, mouse reporting off,
nothing of the app left on the screen, no traceback.

tmux is required (`apt-get install -y tmux`); without it these tests fail rather than skip.

Python turns on its UTF-8 mode in the C locale (PEP 540), so `LANG=C LC_ALL=C` alone still
gives the app a UTF-8 stdout; the ASCII case adds PYTHONUTF8=0 for a truly ASCII terminal, and
a separate case checks that plain `LANG=C` starts and quits cleanly too (and, the locale's
codeset being ASCII, writes ASCII only).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.terminal import run_tmux
from tui.app.present.table import build_table
from tui.app.state import ViewState
from tui.core import load_dataset

ROOT = Path(__file__).resolve().parents[2]
THEME = "social_media"
START_TIMEOUT = 30.0
EXIT_TIMEOUT = 15.0

ENVS: dict[str, dict[str, str]] = {
    "xterm": {"TERM": "xterm", "LANG": "C.UTF-8"},
    "xterm-256color": {"TERM": "xterm-256color", "LANG": "C.UTF-8"},
    "linux": {"TERM": "linux", "LANG": "C.UTF-8"},
    "no-color": {"TERM": "xterm-256color", "LANG": "C.UTF-8", "NO_COLOR": "1"},
    "lang-c-ascii": {"TERM": "xterm", "LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"},
    "lang-c": {"TERM": "xterm", "LANG": "C", "LC_ALL": "C"},
}
SIZES = [(20, 24), (40, 24), (80, 24), (120, 24), (250, 24), (20, 8), (250, 80)]
CASES = [(name, size) for name in ENVS if name != "lang-c" for size in SIZES]
CASES.append(("lang-c", (80, 24)))

# what tmux reports for a pane nobody has changed; the app must leave the pane like this
CLEAN_FLAGS = {
    "alternate_on": "0",
    "cursor_flag": "1",
    "insert_flag": "0",
    "keypad_cursor_flag": "0",
    "keypad_flag": "0",
    "mouse_all_flag": "0",
    "mouse_any_flag": "0",
    "mouse_button_flag": "0",
    "mouse_sgr_flag": "0",
    "mouse_standard_flag": "0",
    "mouse_utf8_flag": "0",
    "origin_flag": "0",
    "wrap_flag": "1",
}
DONE = "IKT-SHELL-AGAIN"
SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def expected_words() -> tuple[str, str]:
    """The theme's English name (title) and the first category of its table."""
    dataset = load_dataset()
    view = build_table(dataset, ViewState(theme=THEME, lang="en"))
    return dataset.labels.get("theme", THEME, "en"), view.labels[0]


TITLE, FIRST_ROW = expected_words()


def hues(styled: str) -> list[str]:
    """The SGR colour codes in `styled` that are not black, white or grey."""
    found = []
    for match in SGR.finditer(styled):
        params = [int(p) if p.isdigit() else 0 for p in re.split("[;:]", match.group(1))]
        i = 0
        while i < len(params):
            code = params[i]
            if code in (38, 48) and i + 1 < len(params):
                if params[i + 1] == 5 and i + 2 < len(params):
                    n = params[i + 2]
                    grey = n in (0, 7, 8, 15, 16, 231) or n >= 232
                    if not grey:
                        found.append(f"{code};5;{n}")
                    i += 3
                    continue
                if params[i + 1] == 2 and i + 4 < len(params):
                    r, g, b = params[i + 2 : i + 5]
                    if not r == g == b:
                        found.append(f"{code};2;{r};{g};{b}")
                    i += 5
                    continue
            if 31 <= code <= 36 or 41 <= code <= 46 or 91 <= code <= 96 or 101 <= code <= 106:
                found.append(str(code))
            i += 1
    return found


@dataclass
class Pane:
    """One tmux server (its own socket) with one session running the app."""

    tmux: str
    socket: str
    folder: Path
    env: dict[str, str]

    def run(self, *args: str) -> str:
        return run_tmux(self.tmux, self.socket, self.folder / "tmux.conf", self.env, *args)

    def capture(self, styled: bool = False) -> str:
        return self.run("capture-pane", "-p", *(["-e"] if styled else []), "-t", "ikt")

    def flags(self) -> dict[str, str]:
        names = [*CLEAN_FLAGS, "pane_width", "pane_height"]
        values = self.run(
            "display-message", "-p", "-t", "ikt", " ".join(f"#{{{n}}}" for n in names)
        )
        return dict(zip(names, values.split(), strict=True))

    @property
    def exit_file(self) -> Path:
        return self.folder / "exit-status"


@pytest.fixture(scope="session")
def tmux_path() -> str:
    path = shutil.which("tmux")
    if path is None:
        pytest.fail("tmux is not installed; install it with: apt-get install -y tmux")
    return path


@pytest.fixture
def pane_factory(tmux_path: str, tmp_path: Path) -> Iterator[list[Pane]]:
    """Panes started in a test; their servers are killed at the end, whatever happened."""
    panes: list[Pane] = []
    yield panes
    for pane in panes:
        subprocess.run(
            [tmux_path, "-L", pane.socket, "kill-server"],
            env=pane.env,
            capture_output=True,
            timeout=20,
        )


def start(
    panes: list[Pane], tmux: str, folder: Path, app_env: dict[str, str], size: tuple[int, int]
) -> Pane:
    (folder / "tmux.conf").write_text("set -g status off\nset -g history-limit 0\n")
    (folder / "cache").mkdir()
    tmux_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(folder),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm-256color",
    }
    pane = Pane(tmux, f"ikt-test-{os.getpid()}-{uuid.uuid4().hex[:10]}", folder, tmux_env)
    panes.append(pane)
    env = {
        "PATH": tmux_env["PATH"],
        "HOME": str(folder),
        "IKT_CACHE_DIR": str(folder / "cache"),  # embedded data only, whatever the user fetched
        **app_env,
    }
    assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    app = f"env -i {assignments} {shlex.quote(sys.executable)} -m tui --screen {THEME}"
    script = (
        f"cd {shlex.quote(str(ROOT))}; {app}; echo EXIT=$? > {shlex.quote(str(pane.exit_file))}; "
        f"echo {DONE}; exec sleep 600"
    )
    width, height = size
    pane.run(
        "new-session",
        "-d",
        "-s",
        "ikt",
        "-x",
        str(width),
        "-y",
        str(height),
        f"sh -c {shlex.quote(script)}",
    )
    return pane


def wait_for(what: str, check: Callable[[], bool], timeout: float, pane: Pane) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}; the pane shows:\n{pane.capture()}")


def first_screen(pane: Pane, width: int) -> str:
    """The pane once the app has drawn its first screen (or printed a traceback)."""
    marker = TITLE if width >= 40 else TITLE[:6]
    text = ""

    def ready() -> bool:
        nonlocal text
        text = pane.capture()
        if "Traceback" in text or pane.exit_file.exists():
            return True
        return pane.flags()["alternate_on"] == "1" and marker in text

    wait_for("the first screen", ready, START_TIMEOUT, pane)
    return text


@pytest.mark.parametrize(("name", "size"), CASES, ids=[f"{name}-{w}x{h}" for name, (w, h) in CASES])
def test_starts_shows_and_quits_cleanly(
    name: str, size: tuple[int, int], tmux_path: str, tmp_path: Path, pane_factory: list[Pane]
) -> None:
    width, height = size
    app_env = ENVS[name]
    pane = start(pane_factory, tmux_path, tmp_path, app_env, size)
    flags = pane.flags()
    assert (flags["pane_width"], flags["pane_height"]) == (str(width), str(height))

    text = first_screen(pane, width)
    assert "Traceback" not in text, text
    assert not pane.exit_file.exists(), f"the app ended by itself:\n{text}"
    assert text.strip(), "nothing on the screen"
    if width >= 40:
        assert TITLE in text, text
    if width >= 80:
        assert FIRST_ROW[:20] in text, text
    # the locale decides too: under LC_ALL=C the explorer writes ASCII even to a UTF-8 stdout
    ascii_terminal = app_env.get("PYTHONUTF8") == "0" or app_env.get("LC_ALL") == "C"
    if ascii_terminal:
        odd = sorted({c for c in text if not c.isascii()})
        assert not odd, f"non-ASCII characters {odd} on an ASCII terminal:\n{text}"
    elif width >= 40:
        assert not text.isascii(), "a UTF-8 terminal got no line or block characters"
    styled = pane.capture(styled=True)
    if "NO_COLOR" in app_env:
        assert not hues(styled), f"colours under NO_COLOR: {sorted(set(hues(styled)))}"
    elif width >= 80:
        assert hues(styled), "no colour at all without NO_COLOR"

    pane.run("send-keys", "-t", "ikt", "q")
    wait_for("the app to exit", pane.exit_file.exists, EXIT_TIMEOUT, pane)
    wait_for("the shell line after the app", lambda: DONE in pane.capture(), EXIT_TIMEOUT, pane)
    after = pane.capture()
    status = pane.exit_file.read_text().strip()
    assert status == "EXIT=0", f"{status}; the pane after quitting:\n{after}"
    assert [line for line in after.splitlines() if line.strip()] == [DONE], after
    flags = pane.flags()
    left = {k: flags[k] for k in CLEAN_FLAGS if flags[k] != CLEAN_FLAGS[k]}
    assert not left, f"terminal modes left changed after quitting: {left}"
