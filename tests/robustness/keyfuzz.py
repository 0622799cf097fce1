"""A seeded key fuzzer for the explorer, shared by tests/robustness/test_key_fuzz.py and
bench/fuzz_keys.py.

It drives the real IktApp through Textual's Pilot: random presses over every key the app, its
screens, its dialogs and their widgets bind (read from their BINDINGS at run time), random other
keys (letters, punctuation, function keys, ctrl combinations, non-ASCII characters), text typed
into the `/` prompt, terminal resizes between 20x8 and 250x80, short pauses that let the chart
redraw, and restarts with random start options. The same seed gives the same keys.

Checked while it runs:
- no exception: Textual's `_exception`, a non-zero `return_code`, or Pilot raising;
- the app only ends on a key that quits it (q or Esc on a theme screen, ctrl+q), then restarts;
- every few presses: the selected year is one of the table's years, the row index is within the
  rows, the table cursor is on that cell, the title names the theme and the year, and the whole
  screen renders;
- every export creates a new file in the working folder and leaves the earlier ones untouched;
- every copy hands a non-empty text to the clipboard; no notification has severity "error".
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import os
import random
import string
import time
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import textual._wait
from textual.app import App
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

import tui.app.screen as screen_module
import tui.core.export as export_module
from tests.app.appkit import embedded
from tui.app.app import IktApp
from tui.app.help_view import HelpView
from tui.app.jump import JumpView
from tui.app.screen import ThemeScreen
from tui.app.sources_view import SourcesView
from tui.app.table import FigureTable
from tui.core import Dataset
from tui.core.export import export_stem
from tui.core.model import BREAKDOWNS, THEMES
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

SCREEN_CLASSES: tuple[type[DOMNode], ...] = (IktApp, ThemeScreen, HelpView, SourcesView, JumpView)
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

    def notify_wrapper(self) -> Any:
        real = App.notify
        recorder = self

        def notify(app: App[Any], message: str, *args: Any, **kwargs: Any) -> None:
            if kwargs.get("severity") == "error":
                recorder.problem(f"error notification: {message}")
            real(app, message, *args, **kwargs)

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
        patch.setattr(App, "notify", recorder.notify_wrapper())
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
            expected = Coordinate(state.row, view.label_columns + view.years.index(state.year))
            if table.cursor_coordinate != expected:
                out.append(f"{where}: cursor at {table.cursor_coordinate}, selection at {expected}")
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


class Fuzzer:
    """Chooses the steps; one instance per run, driven by `run`."""

    def __init__(
        self, seed: int, presses: int, folder: Path, check_every: int, idle_step: float
    ) -> None:
        self.rng = random.Random(seed)
        self.idle_step = idle_step
        self.target = presses
        self.check_every = check_every
        self.result = FuzzResult(seed)
        self.recorder = Recorder(self.result, folder)
        self.dataset = embedded()
        self.geos = sorted(self.dataset.labels.ids("geo") or self.dataset.geos())
        self.bound = sorted(node_keys(SCREEN_CLASSES))
        self.widget_keys = sorted(node_keys(WIDGET_CLASSES) - set(self.bound))
        self.seen_screens: set[type[Screen[Any]]] = set()
        self.quit_keys = action_keys(IktApp, ["quit"])
        self.back_keys = action_keys(ThemeScreen, ["back"])
        self.burst: list[str] = []
        self.plan: list[str] | None = None

    # --- bookkeeping
    def step(self, text: str) -> None:
        self.result.log.append(text)

    def discover(self, app: IktApp) -> None:
        """Add the keys of a screen seen for the first time, as bound at run time."""
        screen = app.screen
        if type(screen) in self.seen_screens:
            return
        self.seen_screens.add(type(screen))
        self.bound = sorted(set(self.bound) | set(screen._bindings.key_to_bindings))
        keys = set(app.active_bindings)
        for node in screen.walk_children():
            keys.update(node._bindings.key_to_bindings)
        self.widget_keys = sorted((set(self.widget_keys) | keys) - set(self.bound))

    def ends_app(self, app: IktApp, key: str) -> bool:
        if key in self.quit_keys:
            return True
        screen = app.screen
        return (
            isinstance(screen, ThemeScreen) and not screen.state.comparing and key in self.back_keys
        )

    # --- choosing
    def start_options(self) -> tuple[dict[str, Any], tuple[int, int]]:
        rng = self.rng
        options = {
            "screen": rng.choice(THEMES),
            "year": rng.choice([None, None, rng.randint(2003, 2027)]),
            "by": rng.choice(BREAKDOWNS),
            "lang": rng.choice(["en", "nb"]),
            "ascii_mode": rng.random() < 0.25,
            "geo": "NO" if rng.random() < 0.6 else rng.choice(self.geos),
        }
        return options, self.size()

    def size(self) -> tuple[int, int]:
        rng = self.rng
        if rng.random() < 0.3:
            return rng.choice(CORNERS)
        return rng.randint(MIN_SIZE[0], MAX_SIZE[0]), rng.randint(MIN_SIZE[1], MAX_SIZE[1])

    def jump_plan(self, app: IktApp) -> list[str]:
        """What to type at the `/` prompt: part of a name, a year, or noise; then Enter or Esc."""
        rng = self.rng
        under = next(
            (s for s in reversed(app.screen_stack) if isinstance(s, ThemeScreen)),
            None,
        )
        labels = list(under.view.labels) if under is not None else []
        years = list(under.view.years) if under is not None else []
        pick = rng.random()
        if pick < 0.45 and labels:
            label = rng.choice(labels)
            start = rng.randrange(len(label))
            text = label[start : start + rng.randint(1, 12)]
            text = text.upper() if rng.random() < 0.2 else text
        elif pick < 0.7 and years:
            text = str(rng.choice(years))
        elif pick < 0.8:
            text = str(rng.randint(1900, 2100))
        elif pick < 0.9:
            text = rng.choice(JUMP_NOISE)
        else:
            text = "".join(rng.choice("abcæøå 0123456789-,.%") for _ in range(rng.randint(1, 60)))
        return [*text, "enter" if rng.random() < 0.8 else "escape"]

    def pick_key(self, app: IktApp) -> str:
        rng = self.rng
        screen = app.screen
        if isinstance(screen, JumpView):
            if self.plan is None:
                self.plan = self.jump_plan(app)
                self.result.jumps += 1
            if self.plan and rng.random() < 0.9:
                return self.plan.pop(0)
            if not self.plan:
                return "enter"
        else:
            self.plan = None
        if self.burst and not self.ends_app(app, self.burst[-1]):
            return self.burst.pop()
        self.burst = []
        roll = rng.random()
        if not isinstance(screen, ThemeScreen) and roll < 0.25:
            key = rng.choice(sorted(app.active_bindings))
        elif roll < 0.6:
            key = rng.choice(self.bound)
        elif roll < 0.75:
            key = rng.choice(self.widget_keys)
        else:
            key = rng.choice(OTHER_KEYS)
        if self.ends_app(app, key) and rng.random() >= QUIT_CHANCE:
            key = rng.choice([k for k in self.bound if not self.ends_app(app, k)])
        if isinstance(screen, ThemeScreen) and rng.random() < 0.04:
            self.burst = [key] * rng.randint(2, 15)  # a held-down key
            key = self.burst.pop()
        return key

    # --- running
    async def run(self) -> FuzzResult:
        result = self.result
        began = time.perf_counter()
        loop = asyncio.get_running_loop()
        previous = loop.get_exception_handler()
        loop.set_exception_handler(self.background_error)
        try:
            with instrumented(self.recorder, self.idle_step):
                while result.presses < self.target and result.ok:
                    await self.session()
                    gc.collect()  # a failed task nobody awaited is reported when collected
                if result.ok:
                    result.problems += self.recorder.final_problems()
        finally:
            loop.set_exception_handler(previous)
        result.seconds = time.perf_counter() - began
        result.key_pool = len(self.bound) + len(self.widget_keys)
        return result

    def background_error(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """An exception in a task nobody awaits (a timer, say): Textual never sees it."""
        if self.result.crash is not None:
            return
        error = context.get("exception")
        text = f"{context.get('message', 'error in the event loop')}\n"
        if isinstance(error, BaseException):
            text += "".join(traceback.format_exception(error))
        self.result.crash = text

    async def check(self, app: IktApp, pilot: Pilot[int]) -> None:
        """Let pending refreshes run (as the next frame would), then check the invariants."""
        await asyncio.wait_for(pilot.pause(), PRESS_TIMEOUT)
        self.result.checks += 1
        screen = app.screen
        if isinstance(screen, ThemeScreen):
            waited = 0.0
            while screen.chart is None and waited < CHART_TIMEOUT:
                await pilot.pause(0.02)
                waited += 0.02
            if screen.chart is None:
                self.recorder.problem(f"{screen.state.theme} screen: the chart never appeared")
        for text in invariant_problems(app) + render_problems(app):
            self.recorder.problem(text)

    def crashed(self, app: IktApp, error: BaseException | None = None) -> bool:
        """Record an exception of the app or of Pilot; True when the run must stop."""
        if self.result.crash is not None:
            return True
        failure = error or app._exception
        if failure is not None:
            self.result.crash = "".join(traceback.format_exception(failure))
            return True
        if app.return_code not in (None, 0):
            self.result.crash = f"the app exited with return code {app.return_code}"
            return True
        return False

    async def quit_early(self, app: IktApp, pilot: Pilot[int]) -> bool:
        """Quit within 80 ms of the start, while the screen is still setting up."""
        result, rng = self.result, self.rng
        delay = rng.choice((0.0, 0.005, 0.02, 0.04, 0.05, 0.08))
        key = rng.choice(sorted(self.quit_keys | self.back_keys))
        self.step(f"pause {delay}")
        result.pauses += 1
        await asyncio.sleep(delay)
        self.step(repr(key))
        result.presses += 1
        await asyncio.wait_for(pilot.press(key), PRESS_TIMEOUT)
        if self.crashed(app):
            return True
        if app.return_code is not None:
            result.quits += 1
            return True
        self.recorder.problem(f"{key!r} did not end the app")
        return True

    async def session(self) -> None:
        """One app from start to quit (or to the last press)."""
        result, rng = self.result, self.rng
        options, size = self.start_options()
        result.starts += 1
        flags = ",".join(f"{k}={v}" for k, v in options.items())
        self.step(f"start {size[0]}x{size[1]} {flags}")
        app = IktApp(self.dataset, **options)
        self.plan, self.burst = None, []
        try:
            async with app.run_test(size=size) as pilot:
                if rng.random() < HURRY_CHANCE:
                    # keys at once, before the chart is mounted; sometimes a quit straight away
                    if rng.random() < 0.5 and await self.quit_early(app, pilot):
                        return
                else:
                    await pilot.pause()
                    await self.check(app, pilot)
                since_check = 0
                while result.presses < self.target and result.ok:
                    roll = rng.random()
                    if roll < 0.04:
                        width, height = self.size()
                        self.step(f"resize {width}x{height}")
                        result.resizes += 1
                        await asyncio.wait_for(pilot.resize_terminal(width, height), PRESS_TIMEOUT)
                    elif roll < 0.07:
                        delay = rng.choice((0.01, 0.035, 0.06))
                        self.step(f"pause {delay}")
                        result.pauses += 1
                        await pilot.pause(delay)
                    else:
                        self.discover(app)
                        key = self.pick_key(app)
                        quitting = self.ends_app(app, key)
                        self.step(repr(key))
                        result.presses += 1
                        await asyncio.wait_for(pilot.press(key), PRESS_TIMEOUT)
                        since_check += 1
                        if self.crashed(app):
                            return
                        if app.return_code is not None:
                            if not quitting:
                                self.recorder.problem(f"the app ended on {key!r}")
                            result.quits += 1
                            return
                    if self.crashed(app):
                        return
                    if since_check >= self.check_every:
                        since_check = 0
                        await self.check(app, pilot)
                if result.ok:
                    await self.check(app, pilot)
        except TimeoutError:
            result.crash = (
                f"no answer within {PRESS_TIMEOUT:.0f} s (hang)\n" + traceback.format_exc()
            )
        except Exception as error:
            self.crashed(app, error)
        self.crashed(app)


async def quit_after(delay: float, key: str, size: tuple[int, int] = (80, 24)) -> str | None:
    """Start the app, press `key` after `delay` seconds; what went wrong, or None.

    Start-up is when most work is still pending (the chart is mounted just after the first
    frame), so a quit at any moment of it must still end the app cleanly with code 0.
    """
    errors: list[str] = []

    def background(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        errors.append(str(context.get("message")))
        if isinstance(error, BaseException):
            errors.append("".join(traceback.format_exception(error)))

    loop = asyncio.get_running_loop()
    previous = loop.get_exception_handler()
    loop.set_exception_handler(background)
    app = IktApp(embedded(), screen="social_media", lang="en")
    try:
        async with app.run_test(size=size) as pilot:
            await asyncio.sleep(delay)
            await asyncio.wait_for(pilot.press(key), PRESS_TIMEOUT)
            if app.return_code is None:
                errors.append(f"{key!r} did not end the app")
    except Exception as error:
        errors.append("".join(traceback.format_exception(error)))
    finally:
        gc.collect()
        loop.set_exception_handler(previous)
    if app.return_code not in (0, None):
        errors.append(f"return code {app.return_code}")
    return "\n".join(errors) or None


async def fuzz(
    seed: int,
    presses: int,
    folder: Path | str,
    *,
    check_every: int = 20,
    idle_step: float = IDLE_STEP,
) -> FuzzResult:
    """Press `presses` keys chosen by `seed`; exports land in `folder` (the working folder)."""
    return await Fuzzer(seed, presses, Path(folder), check_every, idle_step).run()
