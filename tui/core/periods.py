"""Periods as tables publish them (2004M09, 1995H2, 2005Q1, 2005 - 1, 2015W07), read for order.

A period keeps its published text; what is read from it is its year, how often the table is
published (its frequency) and its place within the year, so every period is its own column and a
sub-annual table never collapses to one value per year.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

ANNUAL, HALF_YEARLY, QUARTERLY, MONTHLY, WEEKLY, OTHER = (
    "annual",
    "half-yearly",
    "quarterly",
    "monthly",
    "weekly",
    "other",
)
FREQUENCIES = (ANNUAL, HALF_YEARLY, QUARTERLY, MONTHLY, WEEKLY, OTHER)
"""From coarsest to finest; `other` is a period with a year whose form is not one of these."""

# the letter after the year, as statistics offices write it (K kvartal, U uke, S semester...)
_LETTERS = {
    "H": HALF_YEARLY,
    "S": HALF_YEARLY,
    "B": HALF_YEARLY,
    "Q": QUARTERLY,
    "K": QUARTERLY,
    "M": MONTHLY,
    "W": WEEKLY,
    "U": WEEKLY,
    "V": WEEKLY,
}
_PARTS = {HALF_YEARLY: 2, QUARTERLY: 4, MONTHLY: 12, WEEKLY: 53}
_YEAR = re.compile(r"\s*((?:1[5-9]|2[0-9])\d\d)\s*")
_LETTERED = re.compile(r"\s*(\d{4})\s*-?\s*([A-Za-z])\s*(\d{1,2})\s*")
_NUMBERED = re.compile(r"\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*")
_ANY_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


class Period(NamedTuple):
    """A published period: its text, its year, its frequency and its place within the year."""

    text: str
    year: int
    frequency: str
    part: int  # 0 for a whole year; 1.. for the half, quarter, month or week

    @property
    def order(self) -> tuple[int, int, int]:
        """Sorts periods in time: a year, then the parts of that year in order."""
        return (self.year, 0 if self.frequency == ANNUAL else 1, self.part)


def read_period(code: str, label: str = "") -> Period | None:
    """The period a time code (or, failing that, its label) stands for; None without a year."""
    for text in (code, label):
        if _YEAR.fullmatch(text):
            return Period(code, int(text), ANNUAL, 0)
        lettered = _LETTERED.fullmatch(text)
        if lettered:
            year, letter, part = lettered.groups()
            frequency = _LETTERS.get(letter.upper())
            if frequency is not None and 1 <= int(part) <= _PARTS[frequency]:
                return Period(code, int(year), frequency, int(part))
    numbered = _NUMBERED.fullmatch(code)
    if numbered:
        # '2005 - 1' .. '2005 - 4': the frequency is decided by the whole dimension (see below)
        year, part = numbered.groups()
        if 1 <= int(part) <= 12:
            return Period(code, int(year), OTHER, int(part))
    for text in (code, label):
        found = _ANY_YEAR.search(text)
        if found:
            return Period(code, int(found.group(1)), OTHER, 0)
    return None


def read_periods(codes: tuple[str, ...], labels: tuple[str, ...]) -> list[Period | None]:
    """Every time code of a dimension read. Numbered parts ('2024-01', '2005 - 1') are months
    when written with two digits (ISO 8601, SDMX), else quarters or halves by the largest
    number the dimension has (4 or less quarterly, 2 or less half-yearly, more monthly)."""
    periods = [read_period(code, label) for code, label in zip(codes, labels, strict=True)]
    numbered = [p for p in periods if p is not None and p.frequency == OTHER and p.part]
    if numbered:
        digits = [_NUMBERED.fullmatch(p.text) for p in numbered]
        padded = any(m is not None and len(m.group(2)) == 2 for m in digits)
        largest = max(p.part for p in numbered)
        frequency = MONTHLY if padded or largest > 4 else HALF_YEARLY if largest <= 2 else QUARTERLY
        periods = [
            Period(p.text, p.year, frequency, p.part) if p in numbered else p for p in periods
        ]
    return periods


TIME_NAMES = frozenset(
    {
        # nb, nn, da
        "tid",
        "år",
        "aar",
        "måned",
        "månad",
        "kvartal",
        "uke",
        "veke",
        "uge",
        "halvår",
        "periode",
        "tidspunkt",
        "årstal",
        "årstall",
        # sv
        "vecka",
        "period",
        "tidpunkt",
        # fi
        "aika",
        "vuosi",
        "kuukausi",
        "neljännes",
        "vuosineljännes",
        "viikko",
        "puolivuosi",
        "ajanjakso",
        "vuosi ja kuukausi",
        # en
        "time",
        "year",
        "years",
        "month",
        "quarter",
        "week",
        "half-year",
        "half year",
        "time period",
        "time_period",
        "reference period",
        "ref_period",
        "date",
        # es, it
        "periodo",
        "período",
        "año",
        "anno",
        "mes",
        "trimestre",
        "semana",
        "semestre",
        "fecha",
        "tiempo",
        # de
        "zeit",
        "jahr",
        "monat",
        "quartal",
        "woche",
        "halbjahr",
        "zeitraum",
        "berichtsjahr",
        "berichtszeitraum",
        # fr
        "temps",
        "année",
        "annee",
        "mois",
        "semaine",
        "période",
    }
)
"""Names a time variable has when nothing else says which one it is (nb/nn/sv/da/fi/en/es/de/fr)."""


def is_time_name(name: str) -> bool:
    """A variable's id or label that names time in one of the languages above."""
    return name.strip().casefold() in TIME_NAMES


def frequency_of(frequencies: set[str]) -> str:
    """A table's frequency: the finest one it has (annual totals beside quarters: quarterly)."""
    finest = [f for f in FREQUENCIES if f in frequencies]
    return finest[-1] if finest else ANNUAL


@lru_cache(maxsize=65536)
def period_order(text: str, year: int) -> tuple[int, int, int]:
    """Where a figure's period sorts in time; a period read without its dimension still sorts."""
    period = read_period(text)
    return period.order if period is not None else (year, 1, 0)


def periods_frequency(texts: list[str]) -> str:
    """The frequency of a set of periods, read as one time dimension (see read_periods)."""
    periods = read_periods(tuple(texts), tuple(texts))
    return frequency_of({p.frequency for p in periods if p is not None})
