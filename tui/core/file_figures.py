"""Figures of one series of a file's table, made in bulk: a table may have 300,000 cells.

Each figure is filled in through FIGURE_SLOTS (see tui.core.model) and then is a Figure: an
equal, hashable, still frozen Figure in a quarter of the time Figure(...) takes.
tests/core/test_from_cube.py checks that it equals one made by Figure(...).
"""

from __future__ import annotations

from tui.core.model import FIGURE_SLOTS, Figure

FILE_SOURCE = "file"
"""The one source of a file's figures: the file itself."""
Cell = tuple[int, int, str]  # a cell's place in the table, its year and its period as published


def series_figures(
    slots: list[Figure | None],
    base: int,
    cells: list[Cell],
    values: tuple[float | None, ...],
    statuses: tuple[str, ...],
    texts: dict[float, str],
    where: tuple[str, str, str, str, str, str],
) -> list[Figure]:
    """The figures of one series, in the order of `cells`; each also put at its place in `slots`.

    `where` is (theme, indicator, geo, breakdown, group, unit), the same for the whole series;
    `texts` keeps each distinct value's text, as the file's values repeat.
    """
    theme, indicator, geo, breakdown, group, unit = where
    made: list[Figure] = []
    append, new = made.append, object.__new__
    for offset, year, period in cells:
        flat = base + offset
        value, status = values[flat], statuses[flat]
        if value is None:
            text = ""
        elif value:  # 0.0 and -0.0 are equal keys with different texts: zeros each time
            known = texts.get(value)
            text = known if known is not None else texts.setdefault(value, value_text(value))
        else:
            text = value_text(value)
        figure = new(FIGURE_SLOTS)
        figure.theme = theme
        figure.indicator = indicator
        figure.geo = geo
        figure.breakdown = breakdown
        figure.group = group
        figure.ref_year = year
        figure.survey_year = year
        figure.value_text = text
        figure.status = status if (status or text) else ":"
        figure.unit = unit
        figure.base = "file"
        figure.series = "file"
        figure.source_id = FILE_SOURCE
        figure.corroborating = ()
        figure.disagreeing = ()
        figure.note = ""
        figure.period = period
        figure.__class__ = Figure
        slots[flat] = figure
        append(figure)
    return made


def value_text(value: float) -> str:
    """Shortest text that reads back to the same number (no rounding beyond the file's own)."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text
