"""The hand-edited catalogue in data/, checked across files so a wrong edit names its line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.core.errors import DataError
from tui.core.eurostat_datasets import load_datasets
from tui.core.eurostat_measures import EurostatMeasure, MeasureKey, load_measures
from tui.core.labels import Labels
from tui.core.loader import csv_rows, load_indicators, load_labels, load_sources
from tui.core.model import BREAKDOWNS, THEMES, Indicator, Source
from tui.core.ssb_tables import Registry, load_registry

CODE_COLUMNS = ("input", "code", "kind", "id")
CODE_KINDS = ("indicator", "breakdown", "group", "geo", "unit", "base")
"""What a code in the reference inputs can stand for in the project's own data."""
Codes = dict[tuple[str, str], dict[str, str]]
"""(input, kind) -> {code as the input writes it: the project's id}."""


@dataclass(frozen=True)
class Catalogue:
    """Everything in data/ except the figures: what they are called and where they come from."""

    labels: Labels
    sources: dict[str, Source]
    indicators: dict[str, Indicator]
    codes: Codes
    registry: Registry
    eurostat_measures: dict[MeasureKey, EurostatMeasure]


def load_catalogue(folder: Path) -> Catalogue:
    """Every catalogue file read and cross-checked; the first problem raises DataError."""
    labels = load_labels(folder / "labels.csv")
    sources = load_sources(folder / "sources.csv")
    indicators = load_indicators(folder / "indicators.csv")
    _check_labels_cover(folder / "labels.csv", labels, indicators)
    _check_indicators_labelled(folder / "indicators.csv", labels)
    codes = load_codes(folder / "reference_codes.csv", labels, indicators)
    registry = load_registry(folder, indicators)
    datasets = load_datasets(folder / "eurostat_datasets.csv")  # checked here, read by ikt update
    measures = load_measures(folder / "eurostat_measures.csv", datasets, indicators, labels)
    return Catalogue(labels, sources, indicators, codes, registry, measures)


def _check_labels_cover(path: Path, labels: Labels, indicators: dict[str, Indicator]) -> None:
    """Each screen and breakdown has a name, and no name is left for an indicator that is gone."""
    for kind, known in (("theme", THEMES), ("breakdown", BREAKDOWNS)):
        for ident in known:
            if not labels.has(kind, ident):
                raise DataError(str(path), f"no label for {kind} {ident!r}")
    for line, row in csv_rows(path, ("kind", "id", "nb", "en")):
        if row["kind"] == "indicator" and row["id"] not in indicators:
            raise DataError(str(path), f"label for {row['id']!r}, not in indicators.csv", line)
        if row["kind"] in ("theme", "breakdown") and row["id"] not in (*THEMES, *BREAKDOWNS):
            raise DataError(str(path), f"label for unknown {row['kind']} {row['id']!r}", line)


def _check_indicators_labelled(path: Path, labels: Labels) -> None:
    """Every indicator has its bokmål and English name in labels.csv."""
    for line, row in csv_rows(path, ("indicator", "theme", "position", "period", "publisher")):
        if not labels.has("indicator", row["indicator"]):
            raise DataError(str(path), f"indicator {row['indicator']!r} has no label", line)


def load_codes(path: Path, labels: Labels, indicators: dict[str, Indicator]) -> Codes:
    """How the reference inputs' codes map onto ids the catalogue knows, each code once."""
    codes: Codes = {}
    for line, row in csv_rows(path, CODE_COLUMNS):
        kind, ident = row["kind"], row["id"]
        if kind not in CODE_KINDS:
            raise DataError(
                str(path), f"unknown kind {kind!r} (known: {', '.join(CODE_KINDS)})", line
            )
        known = (
            ident in indicators
            if kind == "indicator"
            else ident in BREAKDOWNS
            if kind == "breakdown"
            else labels.has(kind, ident)
        )
        if not known:
            raise DataError(str(path), f"unknown {kind} {ident!r}", line)
        mapping = codes.setdefault((row["input"], kind), {})
        if row["code"] in mapping:
            raise DataError(str(path), f"second {kind} for {row['input']} {row['code']!r}", line)
        mapping[row["code"]] = ident
    return codes
