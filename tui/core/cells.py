"""Every cell of a table as one flat row (`ikt show --file F --all`): nothing dropped or merged.

A row holds the cell's code in each dimension, its period as published, its value as the file
wrote it (empty when missing) and its status. Codes pass through `literal` once per code, not
once per cell, so a table of hundreds of thousands of cells prints about as fast as it reads.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from tui.core.cube import Cube
from tui.core.file_figures import value_text
from tui.core.from_cube import find_time, no_time_problem
from tui.core.text import literal

CELL_KEYS = ("period", "value", "status")  # after one column per dimension


@dataclass(frozen=True)
class CellTable:
    """Column names (one per dimension, then CELL_KEYS) and one row of texts per cell."""

    title: str
    keys: tuple[str, ...]
    rows: list[tuple[str, ...]]
    notes: tuple[str, ...]


def cell_table(cube: Cube) -> CellTable:
    """All of a table's cells in the file's order, each with every one of its codes."""
    codes = [tuple(literal(code) for code in d.codes) for d in cube.dimensions]
    rows = [(*cell, period, text, status) for cell, period, text, status in _cells(cube, codes)]
    return CellTable(_title(cube), _keys(cube), rows, cell_notes(cube))


def cells_csv(cube: Cube) -> str:
    """The rows of `cell_table` as RFC 4180 CSV (CRLF), quoted as `csv.writer` quotes them.

    Each code is quoted once, and the codes of all dimensions but the last are joined once
    per series: the lines of a series are joined from ready pieces without a Python step per
    cell, so the text for 300,000 cells is written about as fast as it is read.
    """
    quote = _Quoter()
    codes = [tuple(quote(literal(code)) for code in d.codes) for d in cube.dimensions]
    at = _time_at(cube)
    last_at = len(codes) - 1
    values, statuses = cube.values, cube.statuses
    ends = {status: f",{quote(literal(status))}\r\n" for status in set(statuses)}
    text_of = _ValueTexts().__getitem__
    lines = [",".join(quote(key) for key in _keys(cube)) + "\r\n"]
    append = lines.append
    lasts = codes[-1]
    # what follows the codes of a line up to its value: the last code, then the period
    time_last = [f"{last},{last}," for last in lasts]
    period_after: dict[str, list[str]] = {}
    flat = 0
    for head in itertools.product(*codes[:-1]):
        prefix = "".join(code + "," for code in head)
        if at == last_at:
            middles = time_last
        else:
            period = head[at] + "," if at >= 0 else ","
            middles = period_after.get(period) or period_after.setdefault(
                period, [f"{last},{period}" for last in lasts]
            )
        stop = flat + len(lasts)
        pieces = zip(
            itertools.repeat(prefix, len(lasts)),
            middles,
            map(text_of, values[flat:stop]),
            map(ends.__getitem__, statuses[flat:stop]),
            strict=True,
        )
        append("".join(itertools.chain.from_iterable(pieces)))
        flat = stop
    return "".join(lines)


class _ValueTexts(dict[float | None, str]):
    """Each value's text, worked out once per distinct value: published values repeat.

    0.0 and -0.0 are equal keys with different texts, so zeros are written out each time.
    """

    def __init__(self) -> None:
        super().__init__({None: ""})

    def __missing__(self, value: float) -> str:
        text = _number(value)
        if value:
            self[value] = text
        return text


def _number(value: float) -> str:
    """A value as the file wrote it: the shortest text that reads back, never an exponent."""
    text = value_text(value)
    return format(Decimal(text), "f") if "e" in text else text


def _time_at(cube: Cube) -> int:
    time = find_time(cube)
    return cube.dimensions.index(time) if time is not None else -1


def _cells(
    cube: Cube, codes: list[tuple[str, ...]]
) -> Iterator[tuple[tuple[str, ...], str, str, str]]:
    """(codes, period, value text, status) per cell in value order, from the given code texts."""
    at = _time_at(cube)
    marks = {status: literal(status) for status in set(cube.statuses)}
    for cell, value, status in zip(
        itertools.product(*codes), cube.values, cube.statuses, strict=True
    ):
        text = "" if value is None else _number(value)
        yield cell, cell[at] if at >= 0 else "", text, marks[status]


def _title(cube: Cube) -> str:
    return literal(cube.label or cube.source)


def cell_notes(cube: Cube) -> tuple[str, ...]:
    """A table without time says so: its period column stays empty."""
    if find_time(cube) is not None:
        return ()
    return (no_time_problem(cube) + "; the period is left empty",)


def _keys(cube: Cube) -> tuple[str, ...]:
    """Dimension ids as column names, renamed only where one would clash with another column."""
    taken = set(CELL_KEYS)
    out: list[str] = []
    for dim in cube.dimensions:
        name = literal(dim.id)
        while name in taken:
            name += "_dimension"
        taken.add(name)
        out.append(name)
    return (*out, *CELL_KEYS)


class _Quoter:
    """One CSV field as `csv.writer` writes it (quoted when it holds , " or a line break)."""

    def __init__(self) -> None:
        self.done: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        quoted = self.done.get(text)
        if quoted is None:
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="").writerow([text, ""])
            quoted = self.done[text] = buffer.getvalue()[:-1]
        return quoted
