"""What `ikt update` shows while it works: each table's line as it finishes, live progress between.

On a terminal a live display on stderr says which table or dataset of how many is being fetched,
how many cells have come so far, and counts down while a client waits for the pacing or a
Retry-After; each table's line is printed above it as the table finishes. Piped or redirected,
only those lines.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from rich.console import Console, RenderableType
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn
from rich.text import Text

if TYPE_CHECKING:
    from tui.core.refresh import TableUpdate


def result_line(result: TableUpdate) -> str:
    """The one line a finished table or dataset leaves; a failure is named as ikt's complaint."""
    return ("" if result.ok else "ikt: ") + result.message


class PlainProgress:
    """Piped or redirected: nothing while it works, each table's line as soon as it is done."""

    def __init__(self, lines: TextIO) -> None:
        self.lines = lines  # where a table fetched goes; a failure goes to stderr

    def table_started(self, index: int, total: int, table_id: str, kind: str = "table") -> None:
        """Nothing to say until it is done."""

    def cells_fetched(self, cells: int) -> None:
        """Nothing to say until it is done."""

    def waiting(self, seconds: float, why: str) -> None:
        """Nothing to say until it is done."""

    def table_done(self, result: TableUpdate) -> None:
        stream = self.lines if result.ok else sys.stderr
        print(result_line(result), file=stream, flush=True)


class LiveProgress:
    """A Rich progress display of one update: table or dataset n of N, cells, a countdown."""

    def __init__(self, progress: WaitingProgress) -> None:
        self.progress = progress
        self.task: TaskID | None = None
        self.cells = 0

    def table_started(self, index: int, total: int, table_id: str, kind: str = "table") -> None:
        description = f"{kind} {index} of {total}: {table_id}"
        if self.task is None:
            self.task = self.progress.add_task(description, total=total, cells=self.cells)
        self.progress.update(self.task, description=description, completed=index - 1, total=total)

    def cells_fetched(self, cells: int) -> None:
        self.cells += cells
        if self.task is not None:
            self.progress.update(self.task, cells=self.cells)

    def waiting(self, seconds: float, why: str) -> None:
        self.progress.wait_until = time.monotonic() + seconds if seconds > 0 else 0.0
        self.progress.wait_why = why if seconds > 0 else ""
        self.progress.refresh()

    def table_done(self, result: TableUpdate) -> None:
        """Its line goes above the display, on the terminal both stdout and stderr are."""
        self.progress.console.print(Text(result_line(result)), soft_wrap=True)
        if self.task is not None:
            self.progress.advance(self.task)


class WaitingProgress(Progress):
    """A Rich progress with a line below that counts down the wait a client is in."""

    wait_until = 0.0  # time.monotonic() when the wait is over
    wait_why = ""  # empty: no wait

    def get_renderables(self) -> Iterator[RenderableType]:
        yield self.make_tasks_table(self.tasks)
        if self.wait_why:
            left = max(1, math.ceil(self.wait_until - time.monotonic()))
            line = f"  waiting {left} s ({self.wait_why})"
            yield Text(line, no_wrap=True, overflow="ellipsis")


@contextmanager
def update_progress(lines: TextIO) -> Iterator[PlainProgress | LiveProgress]:
    """A live display when stdout and stderr are a terminal, else the finished lines alone.

    With either one piped the lines would be drawn through the display: `ikt update | less`.
    """
    if not (sys.stderr.isatty() and sys.stdout.isatty()):
        yield PlainProgress(lines)
        return
    console = Console(stderr=True)
    with WaitingProgress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(bar_width=20),  # short of the width: an echoed ^C must not wrap the line
        TextColumn("{task.fields[cells]:,} cells fetched"),
        console=console,
        transient=True,
    ) as progress:
        yield LiveProgress(progress)
