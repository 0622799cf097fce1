"""Which figures hold a value to set against another: ordered, ranked or compared in a sentence.

A light module of its own: the explorer orders its rows by it without loading the headlines.
"""

from __future__ import annotations

from tui.core.model import Figure

LOWER_BOUND = ">"  # "over 70": a bound, never a value to order or subtract


def usable(figure: Figure | None) -> bool:
    """A figure with a published value that is a value (a missing figure is never a number)."""
    return figure is not None and not figure.missing and figure.status != LOWER_BOUND
