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
import random
import time
import traceback
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from tests.helpers.app_pilot import embedded
from tests.helpers.key_fuzz_parts import (
    CHART_TIMEOUT,
    CORNERS,
    HURRY_CHANCE,
    IDLE_STEP,
    JUMP_NOISE,
    MAX_SIZE,
    MIN_SIZE,
    OTHER_KEYS,
    PRESS_TIMEOUT,
    QUIT_CHANCE,
    SCREEN_CLASSES,
    WIDGET_CLASSES,
    FuzzResult,
    Recorder,
    action_keys,
    instrumented,
    invariant_problems,
    node_keys,
    render_problems,
)
from tui.app.app import IktApp
from tui.app.screens.filter import FilterScreen
from tui.app.screens.geo import GeoScreen
from tui.app.screens.jump import JumpScreen
from tui.app.screens.theme import ThemeScreen
from tui.core.model import BREAKDOWNS, THEMES

PROMPTS = (JumpScreen, FilterScreen, GeoScreen)
"""The dialogs a person types into: the fuzzer types part of a name, a year or noise there."""


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
        """What to type at a prompt (`/`, `f`, `G`): part of a name, a year, or noise; then Enter
        or Esc."""
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
        if isinstance(screen, PROMPTS):
            if self.plan is None:
                self.plan = self.jump_plan(app)
                self.result.jumps += isinstance(screen, JumpScreen)
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
