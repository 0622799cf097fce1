"""The one place the screen oracle touches the product's Python API: build, size, drive, read.

Everything else in the oracle reads what is on screen as text. When the app's modules move,
re-point only the imports and `open_explorer` here.

How the screen is read: Textual draws a screen by asking its compositor for one `Strip` (a
line of Rich segments) per terminal row; `App.export_screenshot` turns exactly those segments
into SVG. Here the same strips are taken (`screen._compositor.render_strips()`, the call the
screenshot and the driver's full redraw are built on) and kept as they are: `Strip.text` is the
row's plain text, cell for cell what the terminal shows, and each segment's style tells which
cell is drawn as the selected one. That is more direct than parsing the SVG (where text is
split into styled spans and spaces are escaped) and needs no Console of our own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from tui.app.app import IktApp
from tui.core import Dataset, load_dataset

SETTLE_ROUNDS = 400
TICK = 0.005  # seconds between looks while waiting for the screen to settle


@cache
def embedded() -> Dataset:
    """The embedded data, loaded once: the oracle never changes it."""
    return load_dataset()


@dataclass
class ScreenText:
    """The terminal's rows as plain text, and a way to ask how a cell is drawn."""

    lines: list[str]
    runs: list[tuple[list[int], list[object]]]  # per row: segment ends, segment style keys

    def style_at(self, y: int, x: int) -> object:
        """A key equal for cells drawn with the same background, reverse and colour."""
        if not 0 <= y < len(self.runs):
            return None
        ends, keys = self.runs[y]
        index = bisect_right(ends, x)
        return keys[index] if index < len(keys) else None


def read_screen(app: App[Any]) -> ScreenText:
    """The current screen as `ScreenText` (see the module docstring for how)."""
    strips = app.screen._compositor.render_strips()
    lines: list[str] = []
    runs: list[tuple[list[int], list[object]]] = []
    for strip in strips:
        ends: list[int] = []
        keys: list[object] = []
        x = 0
        for segment in strip:
            x += segment.cell_length
            style = segment.style
            ends.append(x)
            keys.append(
                None if style is None else (str(style.bgcolor), str(style.color), style.reverse)
            )
        lines.append(strip.text)
        runs.append((ends, keys))
    return ScreenText(lines, runs)


class Explorer:
    """The running explorer under Pilot: press keys, read the settled screen."""

    def __init__(self, app: App[Any], pilot: Pilot[Any]) -> None:
        self.app = app
        self.pilot = pilot

    async def settle(self) -> None:
        """Wait until the screen is drawn for the last key, chart included.

        `Pilot.pause` lets every widget of the screen handle what is queued and then has the
        screen draw. The theme screen says when its chart has caught up (`chart_settled`); a
        screen that does not say is read until two reads in a row agree.
        """
        await self.pilot.pause(TICK)
        if hasattr(self.app.screen, "chart_settled"):
            for _ in range(SETTLE_ROUNDS):
                if self.app.screen.chart_settled:
                    break
                await self.pilot.pause(TICK)
            await self.pilot.pause(TICK)
            return
        before = read_screen(self.app).lines
        for _ in range(SETTLE_ROUNDS):
            await self.pilot.pause(TICK)
            now = read_screen(self.app).lines
            if now == before:
                return
            before = now

    async def press(self, key: str) -> ScreenText:
        """Press `key` as the terminal would send it, and read the screen once it has settled.

        `App.simulate_key` posts the same Key event a terminal's key press becomes; it is used
        instead of `Pilot.press`, which waits for the whole process to sit idle for 20 ms
        several times per key and would make the walk several times slower.
        """
        self.app.simulate_key(key)
        await self.settle()
        return read_screen(self.app)

    def read(self) -> ScreenText:
        return read_screen(self.app)


@asynccontextmanager
async def open_explorer(
    theme: str, breakdown: str, size: tuple[int, int], lang: str = "en", year: int | None = None
) -> AsyncIterator[Explorer]:
    """The explorer on `theme` with `breakdown` (at `year`), in a terminal of `size`, embedded data."""
    app = IktApp(
        embedded(), screen=theme, year=year, by=breakdown, lang=lang, ascii_mode=False, geo="NO"
    )
    async with app.run_test(size=size) as pilot:
        explorer = Explorer(app, pilot)
        await explorer.settle()
        yield explorer


@asynccontextmanager
async def open_file_explorer(
    dataset: Dataset, size: tuple[int, int], lang: str = "en"
) -> AsyncIterator[Explorer]:
    """The explorer on a file's figures as `ikt open FILE` starts it (first geography)."""
    from tui.cli.commands.open import start_breakdown

    app = IktApp(
        dataset,
        screen="file",
        year=None,
        by=start_breakdown(dataset),
        lang=lang,
        ascii_mode=False,
        geo=dataset.geos()[0],
    )
    async with app.run_test(size=size) as pilot:
        explorer = Explorer(app, pilot)
        await explorer.settle()
        yield explorer
