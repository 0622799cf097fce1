"""Prints a command's answer as a terminal table, plain text, CSV, JSON or Markdown.

Rich is imported only for a table on a terminal, so scripts asking for CSV or JSON stay fast.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TextIO

from tui.core.records import Record, csv_cells, json_number
from tui.core.text import literal

_C1_CONTROLS = re.compile("[\x7f-\x9f]")
_MARKDOWN_SPECIAL = re.compile(r"([\\|*_`\[\]<>])")


@dataclass(frozen=True)
class Column:
    """A column of the table people read; numeric columns align right."""

    header: str
    numeric: bool = False


@dataclass
class Report:
    """One answer: a grid for people (table, markdown) and records for programs (csv, json)."""

    title: str
    columns: list[Column]
    rows: list[list[str]]
    keys: tuple[str, ...]
    records: list[Record]
    scope: str = ""  # whose figures these are; stated in every format (on stderr for csv/json)
    notes: list[str] = field(default_factory=list)  # under the table and markdown only


def render(report: Report, fmt: str, out: TextIO, err: TextIO) -> None:
    """Write `report` to `out` in `fmt`; the scope of csv/json goes to `err` to keep data clean."""
    if fmt in ("csv", "json"):
        if report.scope:
            err.write(f"ikt: {cell_text(report.scope)}\n")
        _write(out, to_csv(report) if fmt == "csv" else to_json(report))
    elif fmt == "markdown":
        _write(out, to_markdown(report))
    elif _is_terminal(out):
        _print_rich(report, out)
    else:
        _write(out, to_plain(report))


def cell_text(text: str) -> str:
    """Text for one table cell or line: control characters and line breaks made visible."""
    return literal(text).replace("\n", "\\n").replace("\t", "\\t")


def to_csv(report: Report) -> str:
    """RFC 4180: a header, CRLF line ends, one row per record, missing values empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(report.keys)
    for record in report.records:
        writer.writerow([literal(cell) for cell in csv_cells(record, report.keys)])
    return buffer.getvalue()


def to_json(report: Report) -> str:
    """An array of records with the keys in order; values as exact numbers, null when missing."""
    records = [{key: _json_value(record[key]) for key in report.keys} for record in report.records]
    text = json.dumps(records, ensure_ascii=False, indent=2)
    # json escapes C0 controls itself; DEL and C1 controls would still reach the terminal raw.
    return _C1_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def _json_value(value: object) -> object:
    if isinstance(value, Decimal):
        return json_number(value)
    return value


def to_markdown(report: Report) -> str:
    """A pipe table; | and other Markdown punctuation in labels are escaped to stay literal."""
    lines = [_md(line) for line in (report.title, report.scope) if line]
    if lines:
        lines.append("")
    lines.append("| " + " | ".join(_md(c.header) for c in report.columns) + " |")
    lines.append("|" + "|".join(" ---: " if c.numeric else " --- " for c in report.columns) + "|")
    for row in report.rows:
        lines.append("| " + " | ".join(_md(value) for value in row) + " |")
    if report.notes:
        lines.append("")
        lines.extend(_md(note) + "  " for note in report.notes)
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", cell_text(text))


def to_plain(report: Report) -> str:
    """Aligned columns of plain text, no escape codes: for pipes, files and `less`."""
    lines = [cell_text(line) for line in (report.title, report.scope) if line]
    if lines:
        lines.append("")
    grid = [[cell_text(c.header) for c in report.columns]]
    grid += [[cell_text(value) for value in row] for row in report.rows]
    widths = [max(width(row[i]) for row in grid) for i in range(len(report.columns))]
    rule = ["-" * w for w in widths]
    for row in (grid[0], rule, *grid[1:]):
        cells = [
            _pad(value, w, column.numeric)
            for value, w, column in zip(row, widths, report.columns, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    if report.notes:
        lines.append("")
        lines.extend(cell_text(note) for note in report.notes)
    return "\n".join(lines) + "\n"


def width(text: str) -> int:
    """Columns a string takes in a terminal: wide East Asian characters 2, combining marks 0."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _pad(text: str, size: int, right: bool) -> str:
    gap = " " * (size - width(text))
    return gap + text if right else text + gap


def _print_rich(report: Report, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=out,
        no_color=bool(os.environ.get("NO_COLOR")),
        highlight=False,
        markup=False,
        emoji=False,
    )
    if report.title:
        console.print(Text(cell_text(report.title), style="bold"))
    if report.scope:
        console.print(Text(cell_text(report.scope), style="italic"))
    table = Table(header_style="bold")
    for column in report.columns:
        table.add_column(
            Text(cell_text(column.header)), justify="right" if column.numeric else "left"
        )
    for row in report.rows:
        table.add_row(*(Text(cell_text(value)) for value in row))
    console.print(table)
    for note in report.notes:
        console.print(Text(cell_text(note)))


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _write(stream: TextIO, text: str) -> None:
    """Write UTF-8 whatever the locale says, through the byte stream when there is one."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
