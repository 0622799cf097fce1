"""Find the figure table in plain screen text and split it into rows and year cells by position.

Only what is on screen is used. The header line is the first line that has one or more label
headings ("Category", "Group", ...) followed, after a gap of two or more spaces, by a run of
all-digit headings; the digits are taken as year headings whatever their length, so a cut
heading such as "009" or "1" is found and reported, not skipped. Year cells are right-aligned
under their heading, so each year column ends where its heading ends and starts where the
previous one ended. A heading phrase with letters after the years (a chart beside the table)
ends the table on the right. Rows follow the header down to the first blank line, a line of
scrollbar glyphs only, or a line that starts left of the table's first heading.

The labels are left-aligned from where each label heading starts. The last label column ends
where the first year column begins, which the screen does not show directly: when a label there
is cut with "…" (at its end or in its middle) the column ends one padding cell after the words
around the "…"; otherwise the text is split at the last gap of two or more spaces before the
first year column's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from tests.helpers.published import ELLIPSIS

PHRASE = re.compile(r"\S+(?: \S+)*")  # words joined by single spaces
TOKEN = re.compile(r"\S+")
DIGITS = re.compile(r"\d+")
GAP = re.compile(r" {2,}")
RULE = re.compile(r"[-─━ ]+")
LEAD = re.compile(r"[^\w(]*")  # what may stand before a row name: indent, tree lines, markers


def is_glyph_only(text: str) -> bool:
    """True for text made only of block, box-drawing and arrow glyphs (scrollbars, markers)."""
    return all(not ch.isalnum() for ch in text)


def is_scrollbar_text(text: str) -> bool:
    return all(ch == " " or 0x2500 <= ord(ch) <= 0x259F for ch in text)


@dataclass(frozen=True)
class YearColumn:
    header: str  # the heading as shown: a year, or what is left of it
    start: int  # first screen column of the column's region
    end: int  # one past the last cell of the column (where its heading ends)


@dataclass
class Row:
    y: int
    labels: list[str]  # one text per label column, as shown
    cells: dict[str, str]  # year heading -> cell text, as shown
    run_in: set[str] = field(default_factory=set)  # headings whose cell touches its left edge


@dataclass
class Table:
    header_y: int
    label_headers: list[tuple[str, int]]  # (heading, column where its text starts)
    columns: list[YearColumn]
    rows: list[Row]
    right: int  # one past the table's last screen column
    stray: list[str]  # text right of the last year column: a column without a heading

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


def parse_header(line: str) -> tuple[list[tuple[str, int]], list[tuple[str, int, int]], int] | None:
    """(label headings, year headings with start and end, right edge) or None for another line."""
    phrases = [(m.group(), m.start()) for m in PHRASE.finditer(line)]
    first = None
    for index, (text, _start) in enumerate(phrases):
        words = [w for w in text.split() if not is_glyph_only(w)]
        if words and DIGITS.fullmatch(words[0]):
            first = index
            break
        if words and words[0][0].isdigit():
            return None  # a number inside a sentence (a title), not a heading
    if not first:
        return None
    label_headers = [(t, s) for t, s in phrases[:first] if any(c.isalpha() for c in t)]
    if len(label_headers) != first:
        return None
    years: list[tuple[str, int, int]] = []
    right = len(line.rstrip()) + 1
    chart_start = phrases[first][1]
    for match in TOKEN.finditer(line, chart_start):
        word = match.group()
        if DIGITS.fullmatch(word):
            years.append((word, match.start(), match.end()))
        elif any(c.isalpha() for c in word):
            right = match.start()
            break
    return label_headers, years, min(right, len(line))


def _label_end(line: str, start: int, limit: int) -> int:
    """Where the label text starting at `start` ends, looking no further than `limit`."""
    lead = LEAD.match(line, start, limit)
    start = lead.end() if lead else start  # an indent or a row marker is not a gap in the label
    part = line[start:limit]
    cut = part.find(ELLIPSIS)
    if cut >= 0:
        return start + cut + 1
    gaps = list(GAP.finditer(part.rstrip()))
    return start + (gaps[-1].start() if gaps else len(part.rstrip()))


def _phrase_end(line: str, index: int) -> int:
    """Where the label cut by the "…" at `index` ends: right after it, or after the words that
    follow it directly (a label cut in its middle)."""
    if index + 1 >= len(line) or line[index + 1] == " ":
        return index + 1
    for match in PHRASE.finditer(line):
        if match.start() <= index < match.end():
            return match.end()
    return index + 1


def find_table(lines: list[str]) -> Table | None:
    """The first figure table on screen, or None when no line looks like its header."""
    tables = find_tables(lines, first_only=True)
    return tables[0] if tables else None


def find_tables(lines: list[str], first_only: bool = False) -> list[Table]:
    """Every figure table in the text, top to bottom (printed output may have several blocks)."""
    tables: list[Table] = []
    y = 0
    while y < len(lines):
        parsed = parse_header(lines[y])
        if parsed is None:
            y += 1
            continue
        table = _read_table(lines, y, *parsed)
        tables.append(table)
        if first_only:
            break
        y = max([table.header_y + 1] + [row.y + 1 for row in table.rows])
    return tables


def _read_table(
    lines: list[str],
    header_y: int,
    label_headers: list[tuple[str, int]],
    years: list[tuple[str, int, int]],
    right: int,
) -> Table:
    left_margin = label_headers[0][1]
    first_year_end = years[0][2]
    body: list[tuple[int, str]] = []
    for y in range(header_y + 1, len(lines)):
        line = lines[y][:right].ljust(right)
        text = line.strip()
        if RULE.fullmatch(text) and not body:
            continue  # the rule under a printed table's header
        if not text or is_scrollbar_text(line):
            break
        if len(line) - len(line.lstrip()) < left_margin:
            break
        body.append((y, line))
    last_label_start = label_headers[-1][1]
    cut_ends = [
        _phrase_end(line, i) + 1
        for _y, line in body
        if (i := line.find(ELLIPSIS, last_label_start)) >= 0
        if i < first_year_end
    ]
    if cut_ends:
        label_right = max(cut_ends)
    else:
        ends = [_label_end(line, last_label_start, first_year_end) for _y, line in body]
        label_right = max(ends, default=last_label_start) + 1
    label_right = min(label_right, years[0][1])
    columns = []
    start = label_right
    for header, _s, end in years:
        columns.append(YearColumn(header, start, end))
        start = end
    rows = []
    stray = []
    for y, line in body:
        starts = [s - 1 for _t, s in label_headers] + [label_right]
        names = [line[max(a, 0) : b].strip() for a, b in pairwise(starts)]
        row = Row(y, names, {})
        for column in columns:
            region = line[column.start : column.end]
            row.cells[column.header] = region.strip()
            if region.strip() and region[0] != " ":
                row.run_in.add(column.header)
        rows.append(row)
        tail = line[columns[-1].end : right]
        if tail.strip() and not is_scrollbar_text(tail):
            stray.append(f"row at line {y}: {tail.strip()!r} right of the last year column")
    return Table(header_y, label_headers, columns, rows, right, stray)
