"""How fetched SSB figures compare with the embedded snapshot's: new, revised or unchanged."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tui.core.model import Figure


@dataclass(frozen=True)
class Revisions:
    """Counts of fetched figures against the snapshot; both figures are always kept."""

    new: int = 0
    revised: int = 0
    unchanged: int = 0

    def __add__(self, other: Revisions) -> Revisions:
        return Revisions(
            self.new + other.new, self.revised + other.revised, self.unchanged + other.unchanged
        )

    def line(self) -> str:
        """The one line `ikt update` ends with."""
        return f"{self.new} new, {self.revised} revised, {self.unchanged} unchanged figures"


def _key(indicator: str, figure: Figure) -> tuple[str, str, str, str, int]:
    """Same measure, place, group and year: the figures that can revise one another."""
    return (indicator, figure.geo, figure.breakdown, figure.group, figure.ref_year)


def compare(
    embedded: Iterable[Figure], fetched: Iterable[Figure], embedded_as: Mapping[str, str]
) -> Revisions:
    """A fetched figure of a known measure is revised when SSB's embedded figure differs.

    Only SSB's own embedded figures count (never Eurostat's); a fetched measure the catalogue
    does not map onto an embedded indicator has nothing to revise, so its figures are new.
    """
    published: dict[tuple[str, str, str, str, int], Figure] = {}
    for figure in embedded:
        if figure.series == "ssb":
            published.setdefault(_key(figure.indicator, figure), figure)
    new = revised = unchanged = 0
    for figure in fetched:
        indicator = embedded_as.get(figure.indicator)
        before = published.get(_key(indicator, figure)) if indicator else None
        if before is None:
            new += 1
        elif before.exact == figure.exact and before.status == figure.status:
            unchanged += 1
        else:
            revised += 1
    return Revisions(new, revised, unchanged)
