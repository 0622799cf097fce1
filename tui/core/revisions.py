"""How fetched figures compare with the embedded snapshot's: new, revised or unchanged."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass

from tui.core.model import Figure

FigureKey = tuple[str, str, str, str, str]  # indicator, geo, breakdown, group, period


@dataclass(frozen=True)
class FigureChange:
    """A fetched figure the snapshot did not have (new), or had with another value (revised)."""

    fetched: Figure
    before: Figure | None  # the snapshot's figure it revises; None when it is new
    embedded_indicator: str  # the snapshot's indicator it is, "" when it is none of them
    fetched_on: str  # the day the API (SSB's or Eurostat's) answered: YYYY-MM-DD

    @property
    def kind(self) -> str:
        return "new" if self.before is None else "revised"


@dataclass(frozen=True)
class Revisions:
    """Counts of fetched figures against the snapshot, and the new and revised ones themselves."""

    new: int = 0
    revised: int = 0
    unchanged: int = 0
    changes: tuple[FigureChange, ...] = ()  # new and revised, in the fetched answer's order

    def __add__(self, other: Revisions) -> Revisions:
        return Revisions(
            self.new + other.new,
            self.revised + other.revised,
            self.unchanged + other.unchanged,
            self.changes + other.changes,
        )

    def line(self) -> str:
        """The one line `ikt update` ends with."""
        return f"{self.new} new, {self.revised} revised, {self.unchanged} unchanged figures"


def figure_key(figure: Figure, indicator: str | None = None) -> FigureKey:
    """One figure's place: measure, country, group and period (a revision keeps all four)."""
    ident = figure.indicator if indicator is None else indicator
    return (ident, figure.geo, figure.breakdown, figure.group, figure.period)


def compare(
    embedded: Iterable[Figure],
    fetched: Iterable[Figure],
    embedded_as: Mapping[str, str],
    fetched_on: str = "",
    series: Container[str] | None = ("ssb",),
) -> Revisions:
    """A fetched figure of a known measure is revised when the publisher's embedded one differs.

    Only embedded figures of the given series count (SSB's own by default, never a copy or
    another publisher's; None: every series, for Eurostat's indicators, all Eurostat's); a
    fetched measure the catalogue does not map onto an embedded indicator has nothing to
    revise, so its figures are new.
    """
    published: dict[FigureKey, Figure] = {}
    for figure in embedded:
        if series is None or figure.series in series:
            published.setdefault(figure_key(figure), figure)
    unchanged = 0
    changes: list[FigureChange] = []
    for figure in fetched:
        indicator = embedded_as.get(figure.indicator, "")
        before = published.get(figure_key(figure, indicator)) if indicator else None
        if before is not None and before.exact == figure.exact and before.status == figure.status:
            unchanged += 1
        else:
            changes.append(FigureChange(figure, before, indicator, fetched_on))
    revised = sum(1 for change in changes if change.before is not None)
    return Revisions(len(changes) - revised, revised, unchanged, tuple(changes))


def revised_by_figure(changes: Iterable[FigureChange]) -> dict[FigureKey, FigureChange]:
    """Each revision under both its figures' places, so either row can say it was revised."""
    found: dict[FigureKey, FigureChange] = {}
    for change in changes:
        if change.before is not None:
            found[figure_key(change.fetched)] = change
            found[figure_key(change.before)] = change
    return found
