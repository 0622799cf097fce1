"""A ready-made copy of the embedded data in the user cache, so the explorer starts without
reading and checking the CSVs again; used only while every file it was made from is unchanged.

The copy holds the exact bytes of the data files and of the modules that turn them into figures
(see `stamped_modules`), and is used only when all of them are byte for byte what is installed now;
a damaged copy is never read (tui.core.start_file). In any other case the careful load runs
(`load_dataset`, which names the file and line of any problem) and the copy is written anew.
"""

from __future__ import annotations

import marshal
import sys
from pathlib import Path
from typing import Any

from tui.core import dataset as dataset_module
from tui.core import labels as labels_module
from tui.core import loader as loader_module
from tui.core import model as model_module
from tui.core.dataset import Dataset, load_dataset
from tui.core.labels import Labels
from tui.core.loader import default_data_dir
from tui.core.model import Figure, Indicator, Source
from tui.core.start_file import START_FOLDER, read_start_file, write_start_file
from tui.core.version import __version__

SNAPSHOT_NAME = "embedded-data.marshal"
DATA_FILES = ("labels.csv", "sources.csv", "indicators.csv", "figures.csv")
"""The files `load_dataset` reads."""
FORMAT = 1
"""The layout of the copy; a copy of another layout is made anew."""


def stamped_modules() -> tuple[Any, ...]:
    """The modules whose code decides what the data files become: a change to any one of them
    makes the copy stale, whatever the version number says."""
    return (loader_module, model_module, labels_module, dataset_module, sys.modules[__name__])


def load_embedded(data_dir: Path | None, cache_folder: Path) -> Dataset:
    """The dataset `load_dataset(data_dir)` gives, from the copy in `cache_folder` when it is
    current, else read and checked from the files (and the copy written for next time)."""
    folder = data_dir or default_data_dir()
    stamp = current_stamp(folder)
    path = cache_folder / START_FOLDER / SNAPSHOT_NAME
    if stamp is not None:
        found = read_snapshot(path, stamp)
        if found is not None:
            return found
    dataset = load_dataset(folder)
    if stamp is not None:
        write_snapshot(path, stamp, dataset)
    return dataset


def current_stamp(folder: Path) -> tuple[Any, ...] | None:
    """What the copy must have been made from: the format, the release, the interpreter, and the
    bytes of every data file and stamped module; None when one of them cannot be read."""
    try:
        data = tuple(_read(folder / name) for name in DATA_FILES)
        code = tuple(_read(Path(module.__file__ or "")) for module in stamped_modules())
    except OSError:
        return None
    return (FORMAT, __version__, sys.version, data, code)


def _read(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read()


def read_snapshot(path: Path, stamp: tuple[Any, ...]) -> Dataset | None:
    """The dataset in the copy at `path` when it was made from exactly `stamp`, else None."""
    body = read_start_file(path)
    if body is None:
        return None  # missing, cut short or damaged: never read
    try:
        saved_stamp, parts = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    if saved_stamp != stamp:
        return None
    return from_parts(parts)


def write_snapshot(path: Path, stamp: tuple[Any, ...], dataset: Dataset) -> None:
    """Write the copy atomically; a cache that cannot be written only means a slower start."""
    write_start_file(path, marshal.dumps((stamp, to_parts(dataset))))


def to_parts(dataset: Dataset) -> tuple[Any, ...]:
    """The dataset as plain tuples marshal can write; equal strings are written once."""
    shared: dict[Any, Any] = {}
    one = shared.setdefault
    figures = tuple(tuple(one(value, value) for value in f) for f in dataset.figures)
    place = {id(figure): i for i, figure in enumerate(dataset.figures)}
    by_key = tuple(
        (key, tuple(place[id(figure)] for figure in series))
        for key, series in dataset._by_key.items()
    )
    groups = tuple((key, tuple(sorted(found))) for key, found in dataset._groups.items())
    labels = tuple(
        (kind, ident, nb, en) for (kind, ident), (nb, en) in dataset.labels.names.items()
    )
    sources = tuple(tuple(source) for source in dataset.sources.values())
    indicators = tuple(tuple(indicator) for indicator in dataset.indicators.values())
    return (labels, sources, indicators, figures, by_key, groups)


def from_parts(parts: tuple[Any, ...]) -> Dataset:
    """The dataset `to_parts` wrote, made as `load_dataset` makes it, indexed as it indexed it."""
    label_rows, source_rows, indicator_rows, figure_rows, by_key, groups = parts
    labels = Labels()
    for kind, ident, nb, en in label_rows:
        labels.add(kind, ident, nb, en)
    sources = {row[0]: Source._make(row) for row in source_rows}
    indicators = {row[0]: Indicator._make(row) for row in indicator_rows}
    figures = [Figure._make(row) for row in figure_rows]
    return Dataset(
        figures,
        labels,
        sources,
        indicators,
        _by_key={key: [figures[i] for i in places] for key, places in by_key},
        _groups={key: set(found) for key, found in groups},
    )
