"""Read the tables `ikt show` prints back into rows and year cells, whatever their layout.

Two layouts are read: tables drawn with box lines (┃ header ┃, │ cell │), where a long label
wraps onto the lines below its row, and tables of aligned columns (one or more blocks of years,
read like a screen by tests/helpers/table_text.py). In a boxed table a line with a value starts
a row; a line with label text only continues the row above while that row's label is not yet
a whole known label, and starts a row of its own after one.
"""

from __future__ import annotations

import re

from tests.helpers.published import Theme
from tests.helpers.table_text import Row, Table, YearColumn, find_tables

HEADER_BAR = "┃"
CELL_BAR = "│"
DIGITS = re.compile(r"\d+")


def _cells(line: str, bar: str) -> list[str]:
    return [part.strip() for part in line.strip().strip(bar).split(bar)]


def _kinds(count: int, figures: Theme) -> list[dict[str, str]]:
    """The candidate labels of each label column: indicators first, groups last."""
    if count >= 2:
        return [figures.indicators] + [figures.groups] * (count - 1)
    if figures.breakdown == "total":
        return [figures.indicators]
    return [{**figures.indicators, **figures.groups}]


def _continues(so_far: list[str], more: list[str], kinds: list[dict[str, str]]) -> bool:
    """True when `more` (label fragments) carries on the labels of the row above."""
    complete = all(text in kind.values() for text, kind in zip(so_far, kinds, strict=True))
    if not complete:
        return True
    return any(
        fragment and any(label.startswith(f"{text} {fragment}") for label in kind.values())
        for text, fragment, kind in zip(so_far, more, kinds, strict=True)
    )


def _unique(headers: list[str]) -> list[str]:
    """Headers as keys: a repeated one (cut headers alike, "2…") gets its column number."""
    return [h if headers.count(h) == 1 else f"{h} (column {i + 1})" for i, h in enumerate(headers)]


def boxed_tables(lines: list[str], figures: Theme) -> list[Table]:
    """Every box-drawn table in `lines`."""
    tables: list[Table] = []
    y = 0
    while y < len(lines):
        if not lines[y].lstrip().startswith(HEADER_BAR):
            y += 1
            continue
        headers = _cells(lines[y], HEADER_BAR)
        first_year = next((i for i, h in enumerate(headers) if DIGITS.match(h)), len(headers))
        label_count = first_year if 0 < first_year < len(headers) else 1
        kinds = _kinds(label_count, figures)
        columns = [YearColumn(h, 0, 0) for h in _unique(headers[label_count:])]
        table = Table(y, [(h, 0) for h in headers[:label_count]], columns, [], 0, [])
        y += 1
        while y < len(lines) and CELL_BAR not in lines[y]:
            y += 1  # the rule under the header
        while y < len(lines) and lines[y].lstrip().startswith(CELL_BAR):
            parts = _cells(lines[y], CELL_BAR)
            names, values = parts[:label_count], parts[label_count:]
            if len(values) != len(columns):
                table.stray.append(f"line {y} has {len(values)} cells for {len(columns)} years")
            last = table.rows[-1] if table.rows else None
            if last is not None and not any(values) and _continues(last.labels, names, kinds):
                last.labels = [f"{a} {b}".strip() for a, b in zip(last.labels, names, strict=True)]
            else:
                cells = {c.header: v for c, v in zip(columns, values, strict=False)}
                table.rows.append(Row(y, names, cells))
            y += 1
        tables.append(table)
    return tables


def printed_tables(text: str, figures: Theme) -> list[Table]:
    """The tables of `ikt show` output: boxed ones if any, else aligned blocks."""
    lines = text.split("\n")
    return boxed_tables(lines, figures) or find_tables(lines)
