"""SSB's tables for these statistics, from data/: which screen each feeds, and what succeeds it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tui.core.errors import DataError
from tui.core.loader import csv_rows, default_data_dir, load_indicators
from tui.core.model import THEMES, Indicator

TABLE_COLUMNS = ("table_id", "theme", "title", "period", "successor", "default")
MEASURE_COLUMNS = ("table_id", "indicator", "code", "nb", "nn", "en")
TABLE_ID = re.compile(r"\d{5}")
PERIOD = re.compile(r"(\d{4})-(\d{4})")


@dataclass(frozen=True)
class SsbTable:
    """One StatBank table; `theme` is empty when its measures belong on different screens."""

    table_id: str
    theme: str
    title: str
    period: str
    successor: str
    default: bool


@dataclass(frozen=True)
class SsbMeasure:
    """A measure known to be one of the embedded indicators, by its code or exact labels."""

    table_id: str  # empty: the labels identify it in any table
    indicator: str
    theme: str
    code: str
    labels: tuple[str, ...]  # casefolded, spaces collapsed


@dataclass(frozen=True)
class Registry:
    """The tables and measures, and the look-ups placement asks of them."""

    tables: dict[str, SsbTable]
    measures: tuple[SsbMeasure, ...]

    def default_tables(self) -> tuple[str, ...]:
        return tuple(t.table_id for t in self.tables.values() if t.default)

    def measure(self, table_id: str, code: str, labels: Iterable[str]) -> SsbMeasure | None:
        """The known measure with this code in this table, or with one of these exact labels."""
        wanted = {same_text(label) for label in labels}
        for measure in self.measures:
            if measure.table_id not in ("", table_id):
                continue
            if (measure.code and measure.code == code) or wanted.intersection(measure.labels):
                return measure
        return None


def same_text(label: str) -> str:
    """A label as compared with the registry's: casefolded, runs of spaces as one."""
    return " ".join(label.casefold().split())


def load_tables(path: Path) -> dict[str, SsbTable]:
    """Every table once, on a known screen or none, with a period and a listed successor."""
    tables: dict[str, SsbTable] = {}
    successors: list[tuple[int, str]] = []
    for line, row in csv_rows(path, TABLE_COLUMNS):
        ident = row["table_id"]
        if not TABLE_ID.fullmatch(ident) or ident in tables:
            raise DataError(str(path), f"table id {ident!r} is not five digits used once", line)
        if row["theme"] and row["theme"] not in THEMES:
            raise DataError(str(path), f"unknown theme {row['theme']!r}", line)
        if not row["title"].strip():
            raise DataError(str(path), f"table {ident} has no title", line)
        period = PERIOD.fullmatch(row["period"])
        if period is None or period.group(1) > period.group(2):
            raise DataError(str(path), f"period {row['period']!r} should be FIRST-LAST years", line)
        if row["successor"]:
            successors.append((line, row["successor"]))
        if row["default"] not in ("yes", "no"):
            raise DataError(str(path), f"default {row['default']!r} should be yes or no", line)
        tables[ident] = SsbTable(
            ident,
            row["theme"],
            row["title"],
            row["period"],
            row["successor"],
            row["default"] == "yes",
        )
    for line, successor in successors:
        if successor not in tables:
            raise DataError(str(path), f"successor {successor!r} is not a table listed here", line)
    return tables


def load_measures(
    path: Path, tables: Mapping[str, SsbTable], indicators: Mapping[str, Indicator]
) -> tuple[SsbMeasure, ...]:
    """Every known measure of a listed table, onto an indicator, no code or label twice."""
    measures: list[SsbMeasure] = []
    claimed: dict[tuple[str, str], str] = {}
    for line, row in csv_rows(path, MEASURE_COLUMNS):
        table_id, indicator = row["table_id"], row["indicator"]
        if table_id and table_id not in tables:
            raise DataError(str(path), f"table {table_id!r} is not in ssb_tables.csv", line)
        known = indicators.get(indicator)
        if known is None:
            raise DataError(str(path), f"unknown indicator {indicator!r}", line)
        labels = tuple(same_text(row[lang]) for lang in ("nb", "nn", "en") if row[lang].strip())
        if not row["code"] and not labels:
            raise DataError(str(path), f"{indicator} needs a code or a label", line)
        keys = [(table_id, "code " + row["code"])] if row["code"] else []
        keys += [(table_id, "label " + label) for label in labels]
        for key in keys:
            if claimed.setdefault(key, indicator) != indicator:
                raise DataError(str(path), f"{key[1]!r} already means {claimed[key]}", line)
        measures.append(SsbMeasure(table_id, indicator, known.theme, row["code"], labels))
    return tuple(measures)


def load_registry(folder: Path, indicators: Mapping[str, Indicator]) -> Registry:
    """ssb_tables.csv and ssb_measures.csv of one data folder, checked."""
    tables = load_tables(folder / "ssb_tables.csv")
    return Registry(tables, load_measures(folder / "ssb_measures.csv", tables, indicators))


@cache
def _registry_in(folder: Path) -> Registry:
    return load_registry(folder, load_indicators(folder / "indicators.csv"))


def registry() -> Registry:
    """The registry of the data folder in use, read once when first asked for."""
    return _registry_in(default_data_dir())
