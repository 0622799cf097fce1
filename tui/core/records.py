"""Flat records of figures and catalogue entries, so every export carries the same fields."""

from __future__ import annotations

from decimal import Decimal

from tui.core.dataset import Dataset
from tui.core.model import Figure

Record = dict[str, object]

FIGURE_KEYS = (  # the columns of every figure export: csv, json and the explorer's `e`
    "theme",
    "indicator",
    "label",
    "geo",
    "breakdown",
    "group",
    "year",
    "survey_year",
    "value",
    "status",
    "unit",
    "base",
    "source_id",
    "source_url",
)
THEME_KEYS = ("theme", "label", "indicators", "years")
INDICATOR_KEYS = ("theme", "indicator", "label", "publisher", "years", "sources")


def figure_record(dataset: Dataset, figure: Figure, lang: str) -> Record:
    """One figure with its label and source; the value stays the exact published decimal."""
    return {
        "theme": figure.theme,
        "indicator": figure.indicator,
        "label": dataset.labels.get("indicator", figure.indicator, lang),
        "geo": figure.geo,
        "breakdown": figure.breakdown,
        "group": figure.group,
        "year": figure.ref_year,
        "survey_year": figure.survey_year,
        "value": figure.exact,
        "status": figure.status,
        "unit": figure.unit,
        "base": figure.base,
        "source_id": figure.source_id,
        "source_url": dataset.sources[figure.source_id].url,
    }


def theme_record(dataset: Dataset, theme: str, lang: str) -> Record:
    """A theme as `ikt list` shows it: how many indicators and which reference years."""
    return {
        "theme": theme,
        "label": dataset.labels.get("theme", theme, lang),
        "indicators": len(dataset.theme_indicators(theme)),
        "years": dataset.years(theme=theme),
    }


def indicator_record(dataset: Dataset, indicator: str, lang: str) -> Record:
    """An indicator as `ikt list THEME` shows it, with the publishers of its figures."""
    info = dataset.indicators.get(indicator)
    figures = [f for f in dataset.figures if f.indicator == indicator]
    publishers = dict.fromkeys(dataset.sources[f.source_id].publisher for f in figures)
    return {
        "theme": info.theme if info else (figures[0].theme if figures else ""),
        "indicator": indicator,
        "label": dataset.labels.get("indicator", indicator, lang),
        "publisher": info.publisher if info else "",
        "years": dataset.years(indicator=indicator),
        "sources": sorted(publishers, key=str.casefold),
    }


def json_number(value: Decimal) -> int | float:
    """The published decimal as a JSON number: '35' -> 35, '24.30' -> 24.3; never rounded."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(value)
    return float(value)


def decimal_text(value: Decimal) -> str:
    """The published decimal as written, without an exponent: '24.30' stays '24.30'."""
    return format(value, "f")


def csv_cells(record: Record, keys: tuple[str, ...]) -> list[str]:
    """A record as CSV cells: exact decimals, lists joined by ';', missing values empty."""
    return [csv_value(record[key]) for key in keys]


def csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # as JSON writes it
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, list):
        return ";".join(csv_value(item) for item in value)
    return str(value)
