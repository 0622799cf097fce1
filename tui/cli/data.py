"""The figures a command answers from: the embedded data with the cache, or one file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tui.cli.resolve import CliError
from tui.core.dataset import Dataset, load_dataset
from tui.core.errors import DataError


def note(message: str) -> None:
    """A remark beside the answer, on stderr so the answer itself stays clean."""
    print(f"ikt: {message}", file=sys.stderr)


def open_dataset() -> Dataset:
    """The embedded figures; bad data becomes one line, never a traceback."""
    try:
        return load_dataset()
    except DataError as err:
        raise CliError(str(err)) from None
    except OSError as err:
        raise CliError(f"cannot read the data: {err}") from None


def with_cache(dataset: Dataset, lang: str) -> Dataset:
    """The embedded data plus any table `ikt update` cached; nothing is fetched here."""
    from tui.core.cache import cache_dir

    folder = cache_dir()
    try:
        if not any(name.startswith("ssb-") for name in os.listdir(folder)):
            return dataset
    except OSError:
        return dataset  # no cache yet: the embedded snapshot alone
    from tui.core.refresh import with_cached_tables

    merged, notes = with_cached_tables(dataset, lang)
    for line in notes:
        note(line)
    return merged


def file_dataset(path: str) -> Dataset:
    """A file in any supported format as figures; a bad file is one line naming it, exit 2."""
    from tui.core.formats import read_table
    from tui.core.from_cube import cube_to_dataset

    if not Path(path).is_file():
        raise CliError(f"{path}: no such file")
    try:
        cube = read_table(path)
        return cube_to_dataset(cube, theme="file", origin=f"file {Path(path).name}")
    except DataError as err:
        raise CliError(str(err)) from None
    except ValueError as err:
        raise CliError(f"{path}: {err}") from None
    except OSError as err:
        raise CliError(f"{path}: cannot read ({err.strerror or err})") from None
