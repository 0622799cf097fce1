"""What one screen has selected, as plain data, so the rules for moving around need no terminal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from tui.core.model import BREAKDOWNS, Row
from tui.core.words import default_lang as default_lang  # the explorer starts in it

CHART_MODES = ("bars", "line")


class Arrangement(NamedTuple):
    """How the rows are laid out for reading, kept apart from what is selected.

    `order_year` orders the rows by that year's values (None: the table's own order);
    `filter` keeps the rows whose name contains it ("" keeps every row);
    `label_cells` is the label column's width asked for with < and > (None: fitted to the screen).
    A new arrangement replaces the old one whole (`_replace`).
    """

    order_year: int | None = None
    filter: str = ""
    label_cells: int | None = None


@dataclass
class ViewState:
    """The selection of one theme screen.

    `row` indexes the rows of the current table (categories, or countries when comparing);
    `year` is a column of that table, None only while the table is empty: a reference year, or
    in a sub-annual table a period's place in time (`TableView.names` gives the period).
    `compare` is the category compared across countries, None when not comparing;
    `return_row` is where the cursor goes back to when the comparison ends.
    `arrangement` orders and filters the rows of the theme's table (never a comparison's).
    """

    theme: str
    year: int | None = None
    row: int = 0
    breakdown: str = "total"
    geo: str = "NO"
    chart: str = "bars"
    lang: str = "nb"
    compare: Row | None = None
    return_row: int = 0
    arrangement: Arrangement = Arrangement()  # noqa: RUF009  # a NamedTuple: never changed

    @property
    def comparing(self) -> bool:
        return self.compare is not None


def other_lang(lang: str) -> str:
    return "en" if lang == "nb" else "nb"


def other_chart(mode: str) -> str:
    return "line" if mode == "bars" else "bars"


def step_index(index: int, step: int, count: int) -> int:
    """Move within 0..count-1 and stop at the ends (no wrapping: the edge is information)."""
    if count <= 0:
        return 0
    return max(0, min(count - 1, index + step))


def step_year(years: Sequence[int], year: int | None, step: int) -> int | None:
    """The year `step` columns away from `year` in the table, stopping at the first/last."""
    if not years:
        return None
    if year not in years:
        return fit_year(years, year)
    return years[step_index(years.index(year), step, len(years))]


def fit_year(years: Sequence[int], wanted: int | None) -> int | None:
    """`wanted` when the table has it, else the nearest year (the later one on a tie)."""
    if not years:
        return None
    if wanted is None:
        return years[-1]
    if wanted in years:
        return wanted
    return min(years, key=lambda y: (abs(y - wanted), -y))


def next_breakdown(current: str, available: Sequence[str], step: int = 1) -> str:
    """The next breakdown in total -> size -> industry order that has figures."""
    order = [b for b in BREAKDOWNS if b in available] or [current]
    if current not in order:
        return order[0]
    return order[(order.index(current) + step) % len(order)]


def skipped_breakdowns(current: str, target: str) -> list[str]:
    """Breakdowns passed over on the way from `current` to `target` (they had no figures)."""
    start = BREAKDOWNS.index(current) if current in BREAKDOWNS else 0
    out: list[str] = []
    for offset in range(1, len(BREAKDOWNS)):
        candidate = BREAKDOWNS[(start + offset) % len(BREAKDOWNS)]
        if candidate == target:
            break
        out.append(candidate)
    return out
