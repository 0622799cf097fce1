"""What `ikt update` shows while it works, and the one line it leaves when Ctrl-C stops it.

On a terminal a live display on stderr says which table or dataset of how many is being fetched
and how many cells have come so far; piped or redirected, nothing is shown until the results.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.cache_place import cache_dir

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from tui.core.refresh import TableUpdate

FileStamp = tuple[int, int] | None  # inode and modification time; None when absent


class LiveProgress:
    """A Rich progress display of one update: table or dataset n of N, cells fetched so far."""

    def __init__(self, progress: Progress) -> None:
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

    def table_done(self, result: TableUpdate) -> None:
        if self.task is not None:
            self.progress.advance(self.task)


@contextmanager
def live_progress() -> Iterator[LiveProgress | None]:
    """A live display on stderr when it is a terminal, else None: a pipe gets no progress."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(bar_width=20),  # short of the width: an echoed ^C must not wrap the line
        TextColumn("{task.fields[cells]:,} cells fetched"),
        console=console,
        transient=True,
    ) as progress:
        yield LiveProgress(progress)


def cache_stamps(keys: Iterator[str] | list[str]) -> dict[str, FileStamp]:
    """Each cache entry's inode and time: an entry written anew (always by rename) differs."""
    folder = cache_dir()
    stamps: dict[str, FileStamp] = {}
    for key in keys:
        try:
            info = os.stat(Path(folder) / key)
        except OSError:
            stamps[key] = None
        else:
            stamps[key] = (info.st_ino, info.st_mtime_ns)
    return stamps


def interrupted_line(entries: dict[str, str], before: dict[str, FileStamp]) -> str:
    """'update interrupted; nothing written', or which tables and datasets were already kept.

    `entries` maps what each cache entry holds ("table 10974", "dataset isoc_cismt") to its
    cache key; an entry is either the old one or the new one whole (cache entries are written
    to a temporary file and renamed).
    """
    after = cache_stamps(list(entries.values()))
    kept = [name for name, key in entries.items() if after[key] not in (None, before[key])]
    if not kept:
        return "update interrupted; nothing written"
    return f"update interrupted; {', '.join(kept)} kept in the cache, nothing else written"
