"""Eurostat's datasets for these statistics, from data/: which screen each feeds, and its period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tui.core.errors import DataError
from tui.core.loader import PERIODS, csv_rows, default_data_dir
from tui.core.model import THEMES

DATASET_COLUMNS = ("dataset", "theme", "period", "title", "default")
DATASET_CODE = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class EurostatDataset:
    """One dataset: every figure of it goes on `theme`; `period` says what its years refer to."""

    code: str
    theme: str
    period: str  # january (of the survey year) | previous_year (the calendar year before it)
    title: str  # ours, for when an answer has no label of its own
    default: bool
    order: int  # its row in the registry: the screens list datasets in this order


def load_datasets(path: Path) -> dict[str, EurostatDataset]:
    """Every dataset once, on a known screen, with a known period."""
    datasets: dict[str, EurostatDataset] = {}
    for line, row in csv_rows(path, DATASET_COLUMNS):
        code = row["dataset"]
        if not DATASET_CODE.fullmatch(code) or code in datasets:
            raise DataError(str(path), f"dataset {code!r} is not a lower-case code used once", line)
        if row["theme"] not in THEMES:
            raise DataError(str(path), f"unknown theme {row['theme']!r}", line)
        if row["period"] not in PERIODS:
            raise DataError(
                str(path), f"period {row['period']!r} is not {' or '.join(PERIODS)}", line
            )
        if not row["title"].strip():
            raise DataError(str(path), f"dataset {code} has no title", line)
        if row["default"] not in ("yes", "no"):
            raise DataError(str(path), f"default {row['default']!r} should be yes or no", line)
        datasets[code] = EurostatDataset(
            code, row["theme"], row["period"], row["title"], row["default"] == "yes", len(datasets)
        )
    return datasets


@cache
def _datasets_in(folder: Path) -> dict[str, EurostatDataset]:
    return load_datasets(folder / "eurostat_datasets.csv")


def eurostat_datasets() -> dict[str, EurostatDataset]:
    """The datasets of the data folder in use, read once when first asked for."""
    return _datasets_in(default_data_dir())


def default_datasets() -> tuple[str, ...]:
    """The datasets `ikt update` fetches when none are named."""
    return tuple(code for code, d in eurostat_datasets().items() if d.default)
