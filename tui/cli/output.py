"""A command's answer as plain text, CSV, JSON or Markdown; tui/cli/terminal.py draws it on a
terminal and tui/cli/destination.py sends it where it is asked for."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TextIO

from tui.core.model import Source
from tui.core.records import Record, csv_cells, json_number
from tui.core.text import literal

_C1_CONTROLS = re.compile("[\x7f-\x9f]")
_MARKDOWN_SPECIAL = re.compile(r"([\\|*_`\[\]<>])")


@dataclass(frozen=True)
class Column:
    """A column of the table people read; numeric columns align right."""

    header: str
    numeric: bool = False
    whole: bool = False  # ids and years people type: never wrapped or cut on a terminal


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
    years_from: int = 0  # the first year column: on a terminal the years may go in blocks
    heading: bool = False  # on a terminal the first column's runs become headings of its rows
    sources: tuple[Source, ...] = ()  # every source the records cite, for the xlsx sheet


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
    lines = [markdown_text(line) for line in (report.title, report.scope) if line]
    if lines:
        lines.append("")
    lines.append("| " + " | ".join(markdown_text(c.header) for c in report.columns) + " |")
    lines.append("|" + "|".join(" ---: " if c.numeric else " --- " for c in report.columns) + "|")
    for row in report.rows:
        lines.append("| " + " | ".join(markdown_text(value) for value in row) + " |")
    if report.notes:
        lines.append("")
        lines.extend(markdown_text(note) + "  " for note in report.notes)
    return "\n".join(lines) + "\n"


def markdown_text(text: str) -> str:
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


def write_text(stream: TextIO, text: str) -> None:
    """Write UTF-8 whatever the locale says, through the byte stream when there is one."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
