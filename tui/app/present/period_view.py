"""A sub-annual table on screen: a column per period as published (2004M09, 2005Q1, 2015W07).

Each column is keyed by the period's place in its theme's time order, the same place in every
table of the theme (breakdown, geography, comparison), so ←/→ step one period, the selection
keeps its period when the table changes, and the charts space the periods evenly. An annual
theme has no axis here and keeps its year columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from tui.app.state import ViewState
from tui.core.dataset import Dataset
from tui.core.model import Figure, Row, Slice
from tui.core.periods import ANNUAL, periods_frequency
from tui.core.table import FigureTable

if TYPE_CHECKING:  # an annual theme, the explorer's first screen among them, never builds one
    from tui.core.period_table import PeriodTable


class PeriodAxis(NamedTuple):
    """Every period of a theme in time order, and how often they come."""

    names: tuple[str, ...]
    places: dict[str, int]
    frequency: str


def period_axis(dataset: Dataset, theme: str) -> PeriodAxis | None:
    """The theme's periods when they are finer than years, else None (year columns)."""
    periods = dataset.time_axis(theme)
    frequency = periods_frequency(list(periods))
    if frequency == ANNUAL:
        return None
    return PeriodAxis(periods, {name: i for i, name in enumerate(periods)}, frequency)


def period_columns(
    dataset: Dataset, state: ViewState, axis: PeriodAxis
) -> tuple[FigureTable, dict[int, str]]:
    """The state's table (its geography, or its comparison) with a column per period, keyed by
    the period's place on the axis; and each key's period as published."""
    from tui.core.period_table import compared_periods, period_table

    lang = state.lang
    if state.compare is not None:
        table = compared_periods(dataset, state.compare, lang)
    else:
        table = period_table(dataset, state.theme, state.breakdown, [state.geo], lang)
    keys = tuple(axis.places[period] for period in table.periods)
    return keyed_table(table, keys), {key: axis.names[key] for key in keys}


def keyed_table(table: PeriodTable, keys: tuple[int, ...]) -> FigureTable:
    """The period table as the screen's table, each period's column under its key."""
    cells: dict[tuple[Row, int], Figure] = {}
    for row in table.rows:
        for key, figure in zip(keys, row.figures, strict=True):
            if figure is not None:
                cells[(row.row, key)] = figure
    rows = tuple(r.row for r in table.rows)
    full = table.slice
    keyed = Slice(full.theme, full.breakdown, rows, keys, cells)
    return FigureTable(keyed, table.rows, table.by_group, table.comparing)
