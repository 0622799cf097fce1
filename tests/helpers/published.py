"""The published figures, read straight from data/*.csv, and the check of one shown cell against one.

Nothing here imports the product: the expected values come from the data files with the csv
module, and the reading of a shown cell ("33.92%", "NOK 568 bn", "> 70 %", "25 b *") is written
here from what a person sees, independent of the product's own formatter.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
THEMES = ("social_media", "policy", "ecommerce")
BREAKDOWNS = ("total", "size", "industry")
ELLIPSIS = "…"

# a shown figure: optional lower-bound mark, optional currency, the number, optional unit, flags
SHOWN = re.compile(
    r"(?P<lower>>\s?)?(?P<nok>NOK\s)?(?P<number>\d+(?:[.,]\d+)?)"
    r"(?P<unit>\s?%|\sbn|\smrd\.\skr)?(?P<flags>(?:\s(?:[a-z]{1,2}|\*))*)"
)
YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Figure:
    """One published figure as data/figures.csv has it."""

    value: str  # the number as published ("33.92"), empty when missing
    status: str  # "", ">", "b", "u", or a missing symbol (":", "..", ".", ":u")
    unit: str  # "percent", "nok_bn"

    @property
    def missing(self) -> bool:
        return self.value == ""


@dataclass
class Theme:
    """What one theme x breakdown should show for Norway: its figures, years and row names."""

    theme: str
    breakdown: str
    lang: str
    figures: dict[tuple[str, str], dict[int, Figure]] = field(default_factory=dict)
    indicators: dict[str, str] = field(default_factory=dict)  # id -> label
    groups: dict[str, str] = field(default_factory=dict)  # id -> label

    @property
    def years(self) -> list[int]:
        return sorted({year for cells in self.figures.values() for year in cells})

    def figure(self, indicator: str, group: str, year: int) -> Figure | None:
        return self.figures.get((indicator, group), {}).get(year)

    def indicators_with(self, group: str) -> list[str]:
        return sorted({i for (i, g) in self.figures if g == group})


@cache
def labels(lang: str = "en") -> dict[tuple[str, str], str]:
    """(kind, id) -> label in `lang`, from data/labels.csv."""
    with (DATA / "labels.csv").open(encoding="utf-8", newline="") as handle:
        return {(row["kind"], row["id"]): row[lang] for row in csv.DictReader(handle)}


@cache
def _rows() -> tuple[dict[str, str], ...]:
    with (DATA / "figures.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@cache
def theme_figures(theme: str, breakdown: str, lang: str = "en", geo: str = "NO") -> Theme:
    """The figures of `theme` x `breakdown` for `geo`, with the labels their rows carry."""
    found = Theme(theme, breakdown, lang)
    names = labels(lang)
    for row in _rows():
        if (row["theme"], row["breakdown"], row["geo"]) != (theme, breakdown, geo):
            continue
        key = (row["indicator"], row["group"])
        found.figures.setdefault(key, {})[int(row["ref_year"])] = Figure(
            row["value"], row["status"], row["unit"]
        )
        found.indicators[row["indicator"]] = names[("indicator", row["indicator"])]
        found.groups[row["group"]] = names[("group", row["group"])]
    return found


def breakdowns_of(theme: str) -> list[str]:
    """The breakdowns a theme has figures for (Norway)."""
    present = {row["breakdown"] for row in _rows() if row["theme"] == theme and row["geo"] == "NO"}
    return [b for b in BREAKDOWNS if b in present]


def resolve(shown: str, candidates: dict[str, str]) -> tuple[str | None, str]:
    """Which candidate a shown label names: (id, "") or (None, why not).

    A label cut with "…" at its end must be the start of exactly one candidate's label, one cut
    in the middle the start and the end of exactly one; a whole label must equal one. Marks a layout may put before a row name (indent, tree lines) are ignored.
    """
    text = re.sub(r"^[^\w(]+", "", shown.strip())
    if text.endswith(ELLIPSIS):
        stem = text[: -len(ELLIPSIS)].rstrip()
        hits = [key for key, label in candidates.items() if label.startswith(stem)]
    elif ELLIPSIS in text:  # cut in the middle: the start and the end that tell it apart
        head, tail = text.split(ELLIPSIS, 1)
        hits = [
            key
            for key, label in candidates.items()
            if label.startswith(head.rstrip())
            and label.endswith(tail)
            and len(label) > len(head.rstrip()) + len(tail)
        ]
    else:
        hits = [key for key, label in candidates.items() if label == text]
    if len(hits) == 1:
        return hits[0], ""
    if not hits:
        return None, f"label {shown.strip()!r} names no known row"
    names = ", ".join(repr(candidates[h]) for h in sorted(hits))
    return None, f"label {shown.strip()!r} is ambiguous: could be {names}"


def cell_problem(shown: str, figure: Figure | None) -> str | None:
    """Why the text of a shown cell is not exactly `figure` (None when it is).

    The number must be numerically exact ("33.92" == "33.92", comma or point), with its unit
    sign, the ">" of a lower bound, and the figure's flag letter; "*" (another series, base or
    unit in the row) may follow. A missing figure must show its own symbol, never a number.
    """
    text = shown.strip()
    if figure is None:
        return None if text == "" else f"shows {text!r} where no figure is published"
    if figure.missing:
        wanted = figure.status or ".."
        return None if text == wanted else f"shows {text!r}, the figure is missing ({wanted!r})"
    if text == "":
        return f"is empty, the figure is {figure.value}"
    if text.endswith(ELLIPSIS):
        return f"shows {text!r}: cut, the figure is {figure.value}"
    match = SHOWN.fullmatch(text)
    if match is None:
        return f"shows {text!r}, not a whole figure (the figure is {figure.value})"
    try:
        equal = Decimal(match["number"].replace(",", ".")) == Decimal(figure.value)
    except InvalidOperation:
        equal = False
    if not equal:
        return f"shows {text!r}, the figure is {figure.value}"
    if (match["lower"] is not None) != (figure.status == ">"):
        return f"shows {text!r}: lower-bound mark wrong (status {figure.status!r})"
    unit = (match["unit"] or "").strip()
    if figure.unit == "percent" and unit != "%":
        return f"shows {text!r}: per cent sign missing (cut?), the figure is {figure.value}%"
    if figure.unit == "nok_bn" and not (unit == "mrd. kr" or (match["nok"] and unit == "bn")):
        return f"shows {text!r}: NOK billion unit missing"
    flags = set(match["flags"].split())
    allowed = {"*"} | ({figure.status} if figure.status not in ("", ">") else set())
    if flags - allowed:
        return f"shows {text!r}: flags {sorted(flags - allowed)} not published"
    if figure.status not in ("", ">") and figure.status not in flags:
        return f"shows {text!r}: flag {figure.status!r} of the figure is not shown"
    return None


def is_whole_year(header: str, years: list[int]) -> bool:
    return YEAR.fullmatch(header) is not None and int(header) in years
