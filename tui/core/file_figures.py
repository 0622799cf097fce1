"""Figures of one series of a file's table, made in bulk: a table may have 300,000 cells.

What is the same for the whole series is worked out once, and each distinct value's text once.
"""

from __future__ import annotations

from tui.core.model import Figure

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
    append = made.append
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
        figure = Figure(
            theme, indicator, geo, breakdown, group, year, year, text,
            status if (status or text) else ":", unit, "file", "file", FILE_SOURCE, (), (), "",
            period,
        )  # fmt: skip
        slots[flat] = figure
        append(figure)
    return made


def value_text(value: float) -> str:
    """Shortest text that reads back to the same number (no rounding beyond the file's own)."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text
