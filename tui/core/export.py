"""Write what a table shows to a CSV file that never replaces an existing one."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from tui.core.dataset import Dataset
from tui.core.model import Slice
from tui.core.records import FIGURE_KEYS, csv_cells, figure_record

MAX_TRIES = 10_000


def export_stem(theme: str, breakdown: str, geo: str) -> str:
    """'ikt-ecommerce-total-NO': the file name a table's export starts from."""
    return "-".join(("ikt", theme.replace("_", "-"), breakdown, geo))


def write_slice_csv(
    dataset: Dataset, table: Slice, directory: Path, stem: str, lang: str = "nb"
) -> Path:
    """Write one line per figure of `table` (those with a missing symbol too) to a new file.

    The file is `stem.csv`, else `stem-2.csv`, `stem-3.csv`...: created with O_EXCL, so an
    existing file is never overwritten, even by another process writing at the same moment.
    Values are written exactly as published; a missing value is empty with its status symbol.
    """
    handle = None
    path = directory / f"{stem}.csv"
    for number in range(1, MAX_TRIES + 1):
        path = directory / (f"{stem}.csv" if number == 1 else f"{stem}-{number}.csv")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        break
    if handle is None:
        raise FileExistsError(f"{directory}: no free name for {stem}.csv")
    figures = [
        f for row in table.rows for year in table.years if (f := table.get(row, year)) is not None
    ]
    # a sub-annual table's figures share their year: each one's period tells them apart
    keys = FIGURE_KEYS if all(f.annual for f in figures) else (*FIGURE_KEYS, "period")
    with handle:
        writer = csv.writer(handle)
        writer.writerow(keys)
        for figure in figures:
            record = {**figure_record(dataset, figure, lang), "period": figure.period}
            writer.writerow(csv_cells(record, keys))
    return path
