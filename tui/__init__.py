"""ikt-explorer: Statistics Norway's enterprise ICT figures in the terminal, and in pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from tui.core.dataset import Dataset

__all__ = ["__version__", "frame", "load"]


def __getattr__(name: str) -> str:
    """`tui.__version__`, read when asked for: `import tui` (which every `ikt` start does
    first) then loads nothing of the data core."""
    if name == "__version__":
        from tui.core.version import __version__

        return __version__
    raise AttributeError(f"module 'tui' has no attribute {name!r}")


def load(file: str | Path | None = None, *, lang: str = "en") -> Dataset:
    """The figures the explorer shows: embedded plus fetched, or those of one table file."""
    from tui.core.dataset import load_dataset

    if file is not None:
        from tui.core.formats import read_table
        from tui.core.from_cube import cube_to_dataset

        name = str(file)
        return cube_to_dataset(read_table(name), theme="file", origin=f"file {name}")
    from tui.core.eurostat_refresh import with_cached_datasets
    from tui.core.refresh import with_cached_tables

    dataset, _notes = with_cached_tables(load_dataset(), "nb" if lang == "nb" else "en")
    dataset, _notes = with_cached_datasets(dataset)
    return dataset


def frame(
    theme: str | None = None,
    *,
    breakdown: str | None = None,
    geo: str | None = None,
    file: str | Path | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """A tidy DataFrame, one row per figure, columns as `ikt show --format json` plus `period`."""
    from tui.core.frame import figures_frame
    from tui.core.model import BREAKDOWNS

    dataset = load(file, lang=lang)
    themes = dataset.themes()
    if theme is not None and theme.replace("-", "_") not in themes:
        raise ValueError(f"theme {theme!r}: expected one of {', '.join(themes)}")
    wanted = theme.replace("-", "_") if theme else None
    if breakdown is not None and breakdown not in BREAKDOWNS:
        raise ValueError(f"breakdown {breakdown!r}: expected one of {', '.join(BREAKDOWNS)}")
    figures = [
        f
        for f in dataset.figures
        if (wanted is None or f.theme == wanted)
        and (breakdown is None or f.breakdown == breakdown)
        and (geo is None or f.geo == geo)
    ]
    return figures_frame(dataset, figures, lang)
