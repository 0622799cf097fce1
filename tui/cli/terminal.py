"""Prints a report as a table that fits the terminal, cutting nothing a person reads or types.

Numbers, symbols, year headers and ids keep their whole width; labels wrap between words. When
the years do not fit beside the labels, they are printed in blocks, each repeating the label
columns; in a breakdown each indicator is a heading with its groups beneath, so every row
still says what it is. Only a terminal gets this layout: pipes and files get `to_plain`.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from tui.cli.output import Column, Report, cell_text

CELL_COST = 3  # each column's border and one space of padding on either side
LABEL_SHARE = 0.4  # of the width, what labels may take before years move to another block
INDENT = "  "  # a group under its indicator's heading


@dataclass(frozen=True)
class Line:
    """One printed row: its label texts and cells; a heading names the rows beneath it."""

    labels: list[str]
    cells: list[str]
    heading: bool = False


@dataclass(frozen=True)
class Grid:
    """A report as the terminal prints it: label columns, value columns and lines."""

    labels: list[Column]
    values: list[Column]
    lines: list[Line]
    in_blocks: bool  # value columns are years: they may go into blocks


def terminal_width(out: TextIO) -> int:
    """The terminal's own width (COLUMNS first, as every terminal program honours it)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        width = os.get_terminal_size(out.fileno()).columns
    except (AttributeError, OSError, ValueError):
        width = 0
    return width or shutil.get_terminal_size().columns


def print_table(report: Report, out: TextIO) -> None:
    """Title, scope, the table in as many blocks of years as it needs, and the notes."""
    width = terminal_width(out)
    grid = terminal_grid(report)
    blocks = year_blocks(grid, width)
    label_widths = _label_widths(grid, blocks, width)
    needed = max(
        _table_width([*label_widths, *(_whole(grid, i) for i in block)]) for block in blocks
    )
    stanzas = not grid.in_blocks and needed > width
    console = Console(
        file=out,
        width=max(width, needed),  # wider only when not even one year fits: never cut
        no_color=bool(os.environ.get("NO_COLOR")),
        highlight=False,
        markup=False,
        emoji=False,
    )
    if report.title:
        console.print(Text(cell_text(report.title), style="bold"), width=width)
    if report.scope:
        console.print(Text(cell_text(report.scope), style="italic"), width=width)
    if stanzas:
        console.print(_stanzas(grid), width=width)
    for number, block in enumerate([] if stanzas else blocks):
        if number:
            console.print()
        console.print(_rich_table(grid, block, label_widths))
    for note in report.notes:
        console.print(Text(cell_text(note)), width=width)


def terminal_grid(report: Report) -> Grid:
    """The report's rows for a terminal; in a breakdown, indicator headings over their groups."""
    first = report.years_from
    rows = [[cell_text(value) for value in row] for row in report.rows]
    columns = report.columns
    if not first:
        return Grid(columns, [], [Line(row, []) for row in rows], in_blocks=False)
    if not report.heading or first < 2:
        lines = [Line(row[:first], row[first:]) for row in rows]
        return Grid(columns[:first], columns[first:], lines, in_blocks=True)
    named = Column(f"{columns[0].header} / {columns[1].header}")
    labels = [named, *columns[2:first]]
    lines = []
    heading = None
    for row in rows:
        if row[0] != heading:
            heading = row[0]
            lines.append(
                Line([heading] + [""] * (len(labels) - 1), [""] * (len(row) - first), True)
            )
        lines.append(Line([INDENT + row[1], *row[2:first]], row[first:]))
    return Grid(labels, columns[first:], lines, in_blocks=True)


def year_blocks(grid: Grid, width: int) -> list[list[int]]:
    """The value columns in consecutive blocks of near-equal size, as few as fit `width`.

    The labels keep at least `LABEL_SHARE` of the width (or their longest word); when not even
    one year fits beside that, beside their longest words.
    """
    count = len(grid.values)
    if not grid.in_blocks or count == 0:
        return [list(range(count))]
    for labels in (_comfortable(grid, width), [low for low, _high in _label_ranges(grid)]):
        for parts in range(1, count + 1):
            blocks = _split(count, parts)
            if all(_table_width([*labels, *(_whole(grid, i) for i in b)]) <= width for b in blocks):
                return blocks
    return [[i] for i in range(count)]


def _split(count: int, parts: int) -> list[list[int]]:
    size, extra = divmod(count, parts)
    blocks, start = [], 0
    for part in range(parts):
        end = start + size + (1 if part < extra else 0)
        blocks.append(list(range(start, end)))
        start = end
    return [b for b in blocks if b]


def _comfortable(grid: Grid, width: int) -> list[int]:
    share = int(width * LABEL_SHARE / max(len(grid.labels), 1))
    return [min(high, max(low, share)) for low, high in _label_ranges(grid)]


def _label_widths(grid: Grid, blocks: list[list[int]], width: int) -> list[int]:
    """The label columns' widths: what the widest block leaves, between longest word and label."""
    ranges = _label_ranges(grid) if grid.in_blocks else _column_ranges(grid)
    used = max(sum(_whole(grid, i) for i in block) for block in blocks)
    values = max(len(block) for block in blocks)
    room = width - 1 - CELL_COST * (len(ranges) + values) - used
    return fit(ranges, room) or [low for low, _high in ranges]


def fit(ranges: list[tuple[int, int]], room: int) -> list[int] | None:
    """Widths between each (least, most) that add up to at most `room`; None when they cannot.

    What is left above the least widths is shared in proportion to what each column wants more.
    """
    lows = [low for low, _high in ranges]
    highs = [high for _low, high in ranges]
    if sum(highs) <= room:
        return highs
    spare = room - sum(lows)
    if spare < 0:
        return None
    wants = [high - low for low, high in ranges]
    total = sum(wants)
    widths = [low + spare * want // total for low, want in zip(lows, wants, strict=True)]
    left = room - sum(widths)
    for i in sorted(range(len(widths)), key=lambda i: widths[i] - highs[i]):
        if left and widths[i] < highs[i]:
            widths[i] += 1
            left -= 1
    return widths


def _label_ranges(grid: Grid) -> list[tuple[int, int]]:
    return [
        _range(column, [line.labels[i] for line in grid.lines])
        for i, column in enumerate(grid.labels)
    ]


def _column_ranges(grid: Grid) -> list[tuple[int, int]]:
    """Every column of a grid without years: whole ones at their widest, others may wrap."""
    ranges = []
    for i, column in enumerate(grid.labels):
        texts = [line.labels[i] for line in grid.lines]
        low, high = _range(column, texts)
        whole = max([_longest_word(column.header), *(cell_len(t) for t in texts)])
        ranges.append((whole, whole) if column.numeric or column.whole else (low, high))
    return ranges


def _range(column: Column, texts: list[str]) -> tuple[int, int]:
    """(longest word, longest text) of a column that may wrap, its header included."""
    low = max([_longest_word(column.header), *(_longest_word(t) for t in texts)])
    high = max([cell_len(column.header), *(cell_len(t) for t in texts)])
    return low, high


def _whole(grid: Grid, index: int) -> int:
    """A value column's width: its longest cell whole; its header may wrap between words."""
    column = grid.values[index]
    cells = [cell_len(line.cells[index]) for line in grid.lines]
    return max([_longest_word(column.header), *cells])


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _table_width(widths: list[int]) -> int:
    return 1 + sum(w + CELL_COST for w in widths)


def _rich_table(grid: Grid, block: list[int], label_widths: list[int]) -> Table:
    table = Table(header_style="bold")
    whole = [column.numeric or column.whole for column in grid.labels]
    for column, size in zip(grid.labels, label_widths, strict=True):
        table.add_column(
            Text(column.header),
            justify="right" if column.numeric else "left",
            width=size,
            overflow="fold",
        )
    for i in block:
        table.add_column(
            Text(grid.values[i].header),
            justify="right",
            width=_whole(grid, i),
            overflow="fold",
        )
    for line in _lines_of(grid, block):
        style = "bold" if line.heading else ""
        cells = [
            Text(text, style=style, no_wrap=keep)
            for text, keep in zip(line.labels, whole, strict=True)
        ]
        cells += [Text(line.cells[i], no_wrap=True) for i in block]
        table.add_row(*cells)
    return table


def _stanzas(grid: Grid) -> Group:
    """A table too wide for the terminal, row by row: its first cell, then each column's name
    and value beneath, so every word keeps its place."""
    parts: list[Text | Table] = []
    for number, line in enumerate(grid.lines):
        if number:
            parts.append(Text(""))
        parts.append(Text(line.labels[0], style="bold"))
        fields = Table.grid(padding=(0, 1))
        fields.add_column(no_wrap=True)
        fields.add_column(no_wrap=True)
        fields.add_column(overflow="fold")
        for column, text in zip(grid.labels[1:], line.labels[1:], strict=True):
            if text:
                fields.add_row(INDENT, Text(column.header), Text(text, no_wrap=column.whole))
        parts.append(fields)
    return Group(*parts)


def _lines_of(grid: Grid, block: list[int]) -> list[Line]:
    """The lines with a figure in this block's years, each under its heading; others wait."""
    if not grid.in_blocks:
        return grid.lines
    kept: list[Line] = []
    heading: Line | None = None
    for line in grid.lines:
        if line.heading:
            heading = line
        elif any(line.cells[i] for i in block):
            if heading is not None:
                kept.append(heading)
                heading = None
            kept.append(line)
    return kept
