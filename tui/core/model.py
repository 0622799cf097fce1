"""The records the whole product passes around: one published figure, its source, its indicator."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

THEMES = ("social_media", "policy", "ecommerce")
BREAKDOWNS = ("total", "size", "industry")
LANGS = ("nb", "en")  # bokmål and English: every label and word exists in both
MISSING_SYMBOLS = frozenset({".", "..", ":", ":u", ":c", "-"})
VALUE_FLAGS = frozenset(
    {"", "b", "u", "e", "p", "d", "r", "s", "z", "n", "f", "bu", "bp", "be", ">"}
)


@dataclass(frozen=True, slots=True)
class Figure:
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
    period: str = ""  # as published (2004M09, 2005Q1); empty when given means the year itself

    def __post_init__(self) -> None:
        if not self.period:
            object.__setattr__(self, "period", str(self.ref_year))

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


FIGURE_SLOTS: Any = type("FigureSlots", (), {"__slots__": tuple(f.name for f in fields(Figure))})
"""A Figure's slots without its freezing, to make thousands of figures fast: fill in every
field, `period` too, then set `__class__ = Figure` (Python allows it between classes of the same
layout). The result is an ordinary frozen Figure; Figure(...) sets each field through
object.__setattr__ and takes several times longer. tests/core/test_dataset.py compares them."""


@dataclass(frozen=True, slots=True)
class Source:
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


@dataclass(frozen=True, slots=True)
class Indicator:
    """What is measured, which theme shows it, and which period a year refers to."""

    id: str
    theme: str
    position: int
    period: str  # january (of the survey year) | previous_year (calendar year before the survey)
    publisher: str  # ssb | eurostat, or FILE_PUBLISHER for a table read from a file


@dataclass(frozen=True, slots=True)
class Row:
    """One table row: an indicator in one group of one country."""

    indicator: str
    group: str
    geo: str


@dataclass(frozen=True)
class Slice:
    """A table of figures: rows down, reference years across, missing cells absent from `cells`."""

    theme: str
    breakdown: str
    rows: tuple[Row, ...]
    years: tuple[int, ...]
    cells: dict[tuple[Row, int], Figure]  # annual figures only: a month is never its year
    periods: tuple[str, ...] = ()  # every period with a figure, in time order (years as text)
    by_period: dict[tuple[Row, str], Figure] = field(default_factory=dict)

    def get(self, row: Row, year: int) -> Figure | None:
        return self.cells.get((row, year))

    def at(self, row: Row, period: str) -> Figure | None:
        """The figure of one period (any frequency) of a row."""
        return self.by_period.get((row, period))


@dataclass(frozen=True)
class Change:
    """Change from the previous available year, or why there is none (never a made-up number).

    `difference` is in the figures' own unit: percentage points between two percentages of one
    base and series, NOK billion between two NOK figures, and so on (tui.core.numbers words it).
    """

    previous: Figure | None
    difference: Decimal | None
    reason: str  # a code worded by tui.core.words.reason ("no_value"...); "" with a difference
