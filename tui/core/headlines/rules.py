"""Which figures may stand side by side in one sentence: the one comparability rule, per year.

A change across years is `Dataset.change`'s to decide; figures of one year (categories, size
classes, industries, countries) are compared only with a value, not a lower bound, and with the
same series, base and unit (`Figure.comparable_key`).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from tui.core.model import Figure
from tui.core.values import usable


def alike(figures: Iterable[Figure | None]) -> list[list[Figure]]:
    """The usable figures split by series, base and unit, each part in the order given."""
    parts: dict[tuple[str, str, str], list[Figure]] = {}
    for figure in figures:
        if figure is not None and usable(figure):
            parts.setdefault(figure.comparable_key, []).append(figure)
    return list(parts.values())


def ranked(figures: list[Figure]) -> list[list[Figure]]:
    """Figures of one key, largest value first; equal values share a place, in the order given."""
    places: list[list[Figure]] = []
    for figure in sorted(figures, key=amount, reverse=True):
        if places and amount(places[-1][0]) == amount(figure):
            places[-1].append(figure)
        else:
            places.append([figure])
    return places


def amount(figure: Figure) -> Decimal:
    """The exact value of a figure `usable` has let through."""
    value = figure.exact
    if value is None:
        raise ValueError(f"{figure.indicator} {figure.ref_year} has no value to compare")
    return value
