"""The records the whole product passes around: one published figure, its source, its indicator.

Records that are only read are NamedTuples: Python makes a NamedTuple class in a fraction of the
time a dataclass takes, and the explorer's start pays for every class it defines.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, NamedTuple

THEMES = ("social_media", "policy", "ecommerce")
BREAKDOWNS = ("total", "size", "industry")
LANGS = ("nb", "en")  # bokmål and English: every label and word exists in both
MISSING_SYMBOLS = frozenset({".", "..", ":", ":u", ":c", "-"})
VALUE_FLAGS = frozenset(
    {"", "b", "u", "e", "p", "d", "r", "s", "z", "n", "f", "bu", "bp", "be", ">"}
)


class Figure(NamedTuple):
    """One figure as its source published it; `value` is None when the source gives a symbol."""

    theme: str
    indicator: str
    geo: str
    breakdown: str
    group: str
    ref_year: int
    survey_year: int
    value_text: str
    status: str
    unit: str
    base: str
    series: str
    source_id: str
    corroborating: tuple[str, ...]
    disagreeing: tuple[tuple[str, str], ...]
    note: str
    period: str  # as published (2004M09, 2005Q1); an annual figure's is its reference year

    @property
    def annual(self) -> bool:
        """A figure of a whole year: its period is its reference year."""
        return self.period == str(self.ref_year)

    @property
    def value(self) -> float | None:
        return float(self.value_text) if self.value_text else None

    @property
    def exact(self) -> Decimal | None:
        """The value as an exact decimal, for differences without float noise."""
        return Decimal(self.value_text) if self.value_text else None

    @property
    def missing(self) -> bool:
        return not self.value_text

    @property
    def comparable_key(self) -> tuple[str, str, str]:
        """Two figures can be compared only when source series, base and unit are the same."""
        return (self.series, self.base, self.unit)


class Source(NamedTuple):
    """Where a figure was published."""

    source_id: str
    publisher: str
    title: str
    released: str
    url: str
    kind: str  # primary | secondary
    scope: str
    rank: str = ""  # which SSB page is primary when several print one figure: lower first


FILE_PUBLISHER = "file"
"""The publisher of an indicator read from a file: whoever published the file, it is one table."""


class Indicator(NamedTuple):
    """What is measured, which theme shows it, and which period a year refers to."""

    id: str
    theme: str
    position: int
    period: str  # january (of the survey year) | previous_year (calendar year before the survey)
    publisher: str  # ssb | eurostat, or FILE_PUBLISHER for a table read from a file


class Row(NamedTuple):
    """One table row: an indicator in one group of one country."""

    indicator: str
    group: str
    geo: str


EMPTY_MAPPING: Mapping[Any, Any] = MappingProxyType({})
"""An empty mapping that cannot be changed: the default of record fields that map something."""


class Slice(NamedTuple):
    """A table of figures: rows down, reference years across, missing cells absent from `cells`."""

    theme: str
    breakdown: str
    rows: tuple[Row, ...]
    years: tuple[int, ...]
    cells: dict[tuple[Row, int], Figure]  # annual figures only: a month is never its year
    periods: tuple[str, ...] = ()  # every period with a figure, in time order (years as text)
    by_period: Mapping[tuple[Row, str], Figure] = EMPTY_MAPPING

    def get(self, row: Row, year: int) -> Figure | None:
        return self.cells.get((row, year))

    def at(self, row: Row, period: str) -> Figure | None:
        """The figure of one period (any frequency) of a row."""
        return self.by_period.get((row, period))


class Change(NamedTuple):
    """Change from the previous available year, or why there is none (never a made-up number).

    `difference` is in the figures' own unit: percentage points between two percentages of one
    base and series, NOK billion between two NOK figures, and so on (tui.core.numbers words it).
    """

    previous: Figure | None
    difference: Decimal | None
    reason: str  # a code worded by tui.core.words.reason ("no_value"...); "" with a difference
