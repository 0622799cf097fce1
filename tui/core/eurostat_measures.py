"""Which fetched Eurostat measures are the embedded indicators, from data/eurostat_measures.csv.

A figure Eurostat's API sends for a measure listed here goes under the embedded indicator, so
the screens show one row per measure; a measure not listed keeps a row of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tui.core.errors import DataError
from tui.core.eurostat_datasets import EurostatDataset, load_datasets
from tui.core.labels import Labels
from tui.core.loader import csv_rows, default_data_dir, load_indicators, load_labels
from tui.core.model import Figure, Indicator

MEASURE_COLUMNS = ("dataset", "indic_is", "unit", "nace_r2", "indicator", "base")
EUROSTAT_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]*")
MeasureKey = tuple[str, str, str]  # dataset, indic_is, unit


@dataclass(frozen=True)
class EurostatMeasure:
    """One measure of one dataset that is an embedded indicator, with that indicator's base."""

    dataset: str
    indic_is: str
    unit: str
    nace_r2: str  # the activity a cell must be of; empty: any
    indicator: str
    base: str
    line: int = field(default=0, compare=False)  # its line in the registry, for problems


def load_measures(
    path: Path,
    datasets: Mapping[str, EurostatDataset],
    indicators: Mapping[str, Indicator],
    labels: Labels,
) -> dict[MeasureKey, EurostatMeasure]:
    """Every row a known dataset's measure, once, onto a Eurostat indicator of its screen and period.

    An SSB indicator is never a target: its base is SSB's, not Eurostat's.
    """
    measures: dict[MeasureKey, EurostatMeasure] = {}
    for line, row in csv_rows(path, MEASURE_COLUMNS):
        code = row["dataset"]
        info = datasets.get(code)
        if info is None:
            raise DataError(str(path), f"dataset {code!r} is not in eurostat_datasets.csv", line)
        for column in ("indic_is", "unit", "nace_r2"):
            empty_allowed = column == "nace_r2" and not row[column]
            if not empty_allowed and not EUROSTAT_CODE.fullmatch(row[column]):
                raise DataError(str(path), f"{column} {row[column]!r} is not a Eurostat code", line)
        target = indicators.get(row["indicator"])
        if target is None:
            raise DataError(str(path), f"unknown indicator {row['indicator']!r}", line)
        if target.publisher != "eurostat":
            raise DataError(str(path), f"{target.id} is not a Eurostat indicator", line)
        if target.theme != info.theme or target.period != info.period:
            raise DataError(
                str(path),
                f"{target.id} is shown on {target.theme} ({target.period}), dataset {code} on"
                f" {info.theme} ({info.period})",
                line,
            )
        if not labels.has("base", row["base"]):
            raise DataError(str(path), f"unknown base {row['base']!r}", line)
        key = (code, row["indic_is"], row["unit"])
        if key in measures:
            raise DataError(str(path), f"{'/'.join(key)} is listed twice", line)
        measures[key] = EurostatMeasure(
            code, row["indic_is"], row["unit"], row["nace_r2"], target.id, row["base"], line
        )
    return measures


def check_bases(path: Path, measures: Iterable[EurostatMeasure], figures: Iterable[Figure]) -> None:
    """Each target's embedded figures have the registry's base and are percentages."""
    found: dict[str, set[tuple[str, str]]] = {}
    for figure in figures:
        found.setdefault(figure.indicator, set()).add((figure.base, figure.unit))
    for measure in measures:
        seen = found.get(measure.indicator, set())
        other = sorted(seen - {(measure.base, "percent")})
        if other:
            raise DataError(
                str(path),
                f"{measure.indicator}: the embedded figures are {other[0][1]} of {other[0][0]},"
                f" not percent of {measure.base}",
                measure.line,
            )


@cache
def _measures_in(folder: Path) -> dict[MeasureKey, EurostatMeasure]:
    return load_measures(
        folder / "eurostat_measures.csv",
        load_datasets(folder / "eurostat_datasets.csv"),
        load_indicators(folder / "indicators.csv"),
        load_labels(folder / "labels.csv"),
    )


def eurostat_measures() -> dict[MeasureKey, EurostatMeasure]:
    """The measures of the data folder in use, read once when first asked for."""
    return _measures_in(default_data_dir())
