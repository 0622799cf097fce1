"""The figures a command answers from: the embedded data with the cache, or one file."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.resolve import CliError
from tui.core.dataset import Dataset, load_dataset
from tui.core.errors import DataError

if TYPE_CHECKING:
    from tui.core.cube import Cube


def note(message: str) -> None:
    """A remark beside the answer, on stderr so the answer itself stays clean."""
    print(f"ikt: {message}", file=sys.stderr)


def open_dataset(*, ready_made: bool = False) -> Dataset:
    """The embedded figures; bad data becomes one line, never a traceback.

    With `ready_made` (the explorer, whose start a person waits for) they come from the cache's
    copy of the checked data while the files are unchanged (tui.core.snapshot).
    """
    try:
        if ready_made:
            from tui.core.cache_place import cache_dir
            from tui.core.snapshot import load_embedded

            return load_embedded(None, cache_dir())
        return load_dataset()
    except DataError as err:
        raise CliError(str(err)) from None
    except OSError as err:
        raise CliError(f"cannot read the data: {err}") from None


def with_cache(dataset: Dataset, lang: str) -> Dataset:
    """The embedded data plus any table or dataset `ikt update` cached; nothing is fetched here."""
    from tui.core.cache_place import cache_dir

    folder = cache_dir()
    try:
        names = os.listdir(folder)
    except OSError:
        return dataset  # no cache yet: the embedded snapshot alone
    merged, notes = dataset, list[str]()
    if any(name.startswith("ssb-") for name in names):
        from tui.core.refresh import with_cached_tables

        merged, notes = with_cached_tables(merged, lang)
    if any(name.startswith("eurostat-") for name in names):
        from tui.core.eurostat_refresh import with_cached_datasets

        merged, more = with_cached_datasets(merged)
        notes += more
    for line in notes:
        note(line)
    return merged


def file_dataset(path: str) -> Dataset:
    """A file in any supported format as figures; a bad file is one line naming it, exit 2."""
    from tui.core.from_cube import cube_to_dataset

    with collector_paused():
        cube = read_file(path)
        try:
            return cube_to_dataset(cube, theme="file", origin=f"file {Path(path).name}")
        except ValueError as err:
            raise CliError(f"{path}: {err}") from None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reading a table makes a few objects per cell and no reference cycles: the cyclic
    garbage collector would scan hundreds of thousands of them again and again meanwhile."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def read_file(path: str) -> Cube:
    """A file in any supported format as its table; a bad file is one line naming it, exit 2."""
    from tui.core.formats import read_table

    if Path(path).is_dir():
        raise CliError(f"{path}: is a folder, not a file")
    if not Path(path).is_file():
        raise CliError(f"{path}: no such file")
    try:
        return read_table(path)
    except DataError as err:
        raise CliError(str(err)) from None
    except OSError as err:
        raise CliError(f"{path}: cannot read ({err.strerror or err})") from None
