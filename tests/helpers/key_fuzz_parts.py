"""The fuzzer's pieces: the keys it presses, what it records, and the invariants it checks."""

from __future__ import annotations

import hashlib
import os
import string
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import textual._wait
from textual.app import App
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Input, Static

import tui.app.screens.theme as screen_module
import tui.core.export as export_module
from tui.app.app import IktApp
from tui.app.screens.geo import GeoScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.jump import JumpScreen
from tui.app.screens.notices import NoticeScreen
from tui.app.screens.sources import SourcesScreen
from tui.app.screens.theme import ThemeScreen
from tui.app.widgets.table import FigureTable
from tui.core import Dataset
from tui.core.export import export_stem
from tui.core.text import literal

MIN_SIZE = (20, 8)
MAX_SIZE = (250, 80)
CORNERS = ((20, 8), (250, 80), (20, 80), (250, 8), (59, 15), (60, 16), (139, 31), (140, 32))
PRESS_TIMEOUT = 30.0
"""Seconds one key may take before the fuzzer calls it a hang."""
IDLE_STEP = 0.002
"""Seconds per step of Pilot's wait for an idle app (Textual's own is 0.02)."""
CHART_TIMEOUT = 2.0
"""Seconds a theme screen may take to mount its chart (it is mounted after the first frame)."""
HURRY_CHANCE = 0.3
"""How often a start is followed by keys at once, without waiting for the first frame."""
QUIT_CHANCE = 0.08
"""How often a key that would end the app is really pressed (it then restarts)."""

SCREEN_CLASSES: tuple[type[DOMNode], ...] = (
    IktApp,
    ThemeScreen,
    HelpScreen,
    SourcesScreen,
    JumpScreen,
    GeoScreen,
)
"""The app, its screens and its dialogs: the keys a person uses."""
WIDGET_CLASSES: tuple[type[DOMNode], ...] = (FigureTable, Input, VerticalScroll)
"""The widgets on them that take keys of their own (mostly shadowed by the screens' keys)."""

OTHER_KEYS: tuple[str, ...] = (
    *string.ascii_letters,
    *string.digits,
    *string.punctuation,
    "space",
    "enter",
    "backspace",
    "delete",
    "insert",
    "pageup",
    "pagedown",
    "ctrl+home",
    "ctrl+end",
    "shift+up",
    "shift+down",
    "shift+left",
    "shift+right",
    "ctrl+left",
    "ctrl+right",
    "alt+x",
    "ctrl+shift+tab",
    "ctrl+i",
    "ctrl+m",
    "ctrl+left_square_brace",
    *(f"f{n}" for n in range(1, 25)),
    *(f"ctrl+{c}" for c in string.ascii_lowercase if c != "q"),
    *"æøåÆØÅéüß€§½«»中한🙂",
    "\u200b",
    "\u0301",
)
"""Keys nobody binds (or only some widgets): they must do nothing harmful anywhere."""

DECOYS = (
    f"{export_stem('social_media', 'total', 'NO')}.csv",
    f"{export_stem('ecommerce', 'total', 'NO')}-2.csv",
    f"{export_stem('policy', 'size', 'NO')}.csv",
)
"""Planted in the export folder before the run, where exports are likely to want to write."""
JUMP_NOISE = ("", "%s", "[bold]x[/]", "\x1b", "'; drop", "ÆØÅ", "  ", "9999", "0", "19")


def node_keys(classes: Iterable[type[DOMNode]]) -> set[str]:
    """Every key the given classes bind, with their inherited BINDINGS, one name per key."""
    keys: set[str] = set()
    for cls in classes:
        keys.update(cls._merge_bindings().key_to_bindings)
    return keys


def action_keys(cls: type[DOMNode], actions: Iterable[str]) -> set[str]:
    """The keys `cls` binds to any of `actions`."""
    wanted = set(actions)
    return {
        key
        for key, bindings in cls._merge_bindings().key_to_bindings.items()
        if any(b.action in wanted for b in bindings)
    }


@dataclass
class FuzzResult:
    """What one fuzz run did and found; `ok` is True when nothing went wrong."""

    seed: int
    presses: int = 0
    resizes: int = 0
    pauses: int = 0
    starts: int = 0
    quits: int = 0
    jumps: int = 0
    exports: int = 0
    copies: int = 0
    widget_copies: int = 0
    checks: int = 0
    seconds: float = 0.0
    log: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    crash: str | None = None
    key_pool: int = 0

    @property
    def ok(self) -> bool:
        return self.crash is None and not self.problems

    @property
    def rate(self) -> float:
        return self.presses / self.seconds if self.seconds else 0.0

    def last(self, count: int = 30) -> list[str]:
        return self.log[-count:]

    def summary(self) -> str:
        return (
            f"seed {self.seed}: {self.presses} presses in {self.seconds:.1f} s "
            f"({self.rate:.0f}/s), {self.resizes} resizes, {self.pauses} pauses, "
            f"{self.starts} starts, {self.quits} quits, {self.jumps} jumps, "
            f"{self.exports} exports, {self.copies} copies (+{self.widget_copies} by widgets), "
            f"{self.checks} checks, "
            f"{self.key_pool} distinct keys; "
            f"{0 if self.crash is None else 1} exceptions, {len(self.problems)} problems"
        )

    def report(self) -> str:
        """The failure report: how to reproduce, what happened, and the last 30 steps."""
        lines = [
            self.summary(),
            f"reproduce: python bench/fuzz_keys.py --seed {self.seed} --presses {max(self.presses, 1)}",
        ]
        lines += [f"problem: {p}" for p in self.problems]
        if self.crash is not None:
            lines += ["exception:", self.crash.rstrip()]
        lines.append("last 30 steps (oldest first):")
        lines += [f"  {step}" for step in self.last(30)]
        return "\n".join(lines)


class Recorder:
    """Stands in for the clipboard and watches exports and notifications."""

    def __init__(self, result: FuzzResult, folder: Path) -> None:
        self.result = result
        self.folder = folder
        for name in DECOYS:  # files that look like earlier exports: they must survive
            (folder / name).write_text("someone else's file\n", encoding="utf-8")
        self.files = self._listing()  # name -> (size, mtime_ns) after the last export
        self.hashes = {name: digest(folder / name) for name in self.files}
        self.export = self._export_wrapper()

    def problem(self, text: str) -> None:
        self.result.problems.append(f"after step {len(self.result.log)}: {text}")

    def _listing(self) -> dict[str, tuple[int, int]]:
        out = {}
        for entry in os.scandir(self.folder):
            info = entry.stat()
            out[entry.name] = (info.st_size, info.st_mtime_ns)
        return out

    def _export_wrapper(self) -> Any:
        real = export_module.write_slice_csv

        def export(
            dataset: Dataset, table: Any, directory: Path, stem: str, lang: str = "nb"
        ) -> Path:
            if Path(directory).resolve() != self.folder.resolve():
                self.problem(f"export into {directory}, not the working folder {self.folder}")
            if self._listing() != self.files:
                self.problem("the export folder changed between exports")
            path: Path = real(dataset, table, directory, stem, lang)
            self.result.exports += 1
            after = self._listing()
            new = set(after) - set(self.files)
            if new != {path.name}:
                self.problem(f"export of {stem} wrote {sorted(new)}, expected one new file")
            changed = [n for n, s in self.files.items() if after.get(n) != s]
            if changed:
                self.problem(f"export of {stem} changed earlier exports: {changed}")
            if not path.read_text(encoding="utf-8").startswith("theme,indicator,"):
                self.problem(f"{path.name} has no CSV header")
            self.files = after
            self.hashes[path.name] = digest(path)
            return path

        return export

    def copy_wrapper(self) -> Any:
        recorder = self

        def copy_to_clipboard(app: App[Any], text: str) -> None:
            if not isinstance(app.screen, ThemeScreen):
                # a widget's own copy or cut, e.g. ctrl+x in the `/` prompt (Textual's Input)
                recorder.result.widget_copies += 1
                return
            recorder.result.copies += 1
            if not text.strip():
                recorder.problem("y copied an empty text")

        return copy_to_clipboard

    def notify_wrapper(self, real: Any) -> Any:
        """`real` (App.notify, or a screen's own notify), noting every error it shows."""
        recorder = self

        def notify(node: Any, message: str, *args: Any, **kwargs: Any) -> None:
            if kwargs.get("severity") == "error":
                recorder.problem(f"error notification: {message}")
            real(node, message, *args, **kwargs)

        return notify

    def final_problems(self) -> list[str]:
        """Every export is still in the folder, byte for byte as written, and nothing else is."""
        names = sorted(os.listdir(self.folder))
        if names != sorted(self.hashes):
            return [f"{len(self.hashes)} files expected in the folder, it holds {len(names)}"]
        return [
            f"{n} changed after its export"
            for n in names
            if digest(self.folder / n) != self.hashes[n]
        ]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def instrumented(recorder: Recorder, idle_step: float) -> Iterator[None]:
    """Work in the recorder's folder, with the clipboard, export and notify watched.

    Pilot.press waits for the app to go idle in steps of 20 ms (textual._wait), which caps a
    run at about 20 presses a second; `idle_step` shortens the step. Each key is still handled
    completely before the next (Pilot also waits for the screen's message queues to empty).
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textual._wait, "SLEEP_GRANULARITY", idle_step)
        patch.setattr(textual._wait, "SLEEP_IDLE", idle_step / 4)
        patch.chdir(recorder.folder)
        patch.setattr(App, "copy_to_clipboard", recorder.copy_wrapper())
        patch.setattr(App, "notify", recorder.notify_wrapper(App.notify))
        # a theme screen raises its messages itself, to keep them to itself
        patch.setattr(NoticeScreen, "notify", recorder.notify_wrapper(NoticeScreen.notify))
        # where the screen finds it: imported at module level, or looked up at export time
        patch.setattr(screen_module, "write_slice_csv", recorder.export, raising=False)
        patch.setattr(export_module, "write_slice_csv", recorder.export)
        yield


def title_of(screen: ThemeScreen) -> str:
    rendered = screen.query_one("#title", Static).render()
    return str(getattr(rendered, "plain", rendered))


def invariant_problems(app: IktApp) -> list[str]:
    """What is wrong with the selection of every theme screen on the current stack."""
    out: list[str] = []
    for screen in app.screen_stack:
        if not isinstance(screen, ThemeScreen) or not screen.is_mounted:
            continue
        state, view = screen.state, screen.view
        where = f"{state.theme} screen"
        if view.years:
            if state.year not in view.years:
                out.append(f"{where}: year {state.year} not in {view.years}")
        elif state.year is not None:
            out.append(f"{where}: year {state.year} in a table without years")
        if view.rows:
            if not 0 <= state.row < len(view.rows):
                out.append(f"{where}: row {state.row} outside 0..{len(view.rows) - 1}")
        elif state.row != 0:
            out.append(f"{where}: row {state.row} in a table without rows")
        title = title_of(screen)
        theme = literal(app.dataset.labels.get("theme", state.theme, state.lang))
        if theme not in title:
            out.append(f"{where}: title {title!r} does not name the theme {theme!r}")
        if state.year is not None and str(state.year) not in title:
            out.append(f"{where}: title {title!r} does not name the year {state.year}")
        table = screen.query_one(FigureTable)
        if screen is app.screen and view.rows and state.year in view.years:
            shown = (table.row, table.selected_year)
            if shown != (state.row, state.year):
                out.append(f"{where}: cursor at {shown}, selection at {(state.row, state.year)}")
            elif state.year not in table.visible_years():
                out.append(f"{where}: the selected year {state.year} is not in view")
    return out


def render_problems(app: IktApp) -> list[str]:
    """Render the whole screen as the terminal would get it; report when nothing is drawn."""
    screen = app.screen
    update = screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    strips = getattr(update, "strips", None)
    if strips is not None and len(strips) != app.size.height:
        name = type(screen).__name__
        return [f"{name}: {len(strips)} lines rendered on a {app.size.height}-line terminal"]
    return []
