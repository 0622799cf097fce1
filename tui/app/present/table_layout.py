"""How the figure table fits a width: whole year columns, row labels cut apart, the legend.

Plain Python, so the rules are tested without a terminal. A line of the table is laid out as

    pad, row marker, space, label (cut to fit) | slot with the "more years left" marker |
    the visible year columns, each as wide as its widest cell, GAP apart | "more right" marker

A year column is shown whole or not at all; when the selected year's column cannot fit beside
the labels, the labels give way, never a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size

from tui.app.present.table import TableView

GAP = 2  # spaces between two year columns
LEAD = 3  # before a label: a space, the selected row's marker, a space
SLOT = 4  # between the labels and the first year: two spaces, "more left", a space
TAIL = 2  # after the last year: a space and "more right"
INDENT = 2  # a group under its indicator heading
LABEL_SHARE = 0.4  # of the width, what labels may keep when not every year fits


class Glyphs(NamedTuple):
    """The marks the table draws, in Unicode or in ASCII."""

    cut: str
    more_left: str
    more_right: str
    selected: str
    sep: str


UNICODE = Glyphs(cut="…", more_left="\u2039", more_right="\u203a", selected="▸", sep=" · ")
ASCII = Glyphs(cut="~", more_left="<", more_right=">", selected=">", sep=" | ")


class Line(NamedTuple):
    """One line of the table body: an indicator heading (row None) or a row of figures."""

    text: str  # the whole label, indent included
    row: int | None
    heading: int | None  # the line index of this row's heading, when it has one


def body_lines(view: TableView) -> tuple[Line, ...]:
    """The body: one line per row; in a breakdown each indicator heads its groups, indented."""
    if view.groups is None:
        return tuple(Line(label, index, None) for index, label in enumerate(view.labels))
    lines: list[Line] = []
    heading: int | None = None
    previous = None
    for index, (indicator, group) in enumerate(zip(view.labels, view.groups, strict=True)):
        if view.rows[index].indicator != previous:
            previous = view.rows[index].indicator
            heading = len(lines)
            lines.append(Line(indicator, None, None))
        lines.append(Line(" " * INDENT + group, index, heading))
    return tuple(lines)


def year_widths(view: TableView) -> tuple[int, ...]:
    """Each year column as wide as its widest text, the year heading included."""
    widths = []
    for column, year in enumerate(view.years):
        cells = (cell_len(row[column]) for row in view.cells)
        widths.append(max([len(view.column_name(year)), *cells]))  # no rows: its heading
    return tuple(widths)


def label_width(natural: int, widths: Sequence[int], width: int) -> int:
    """Room for the labels: all they need when every year fits, else a share of the width.

    Never so much that the widest year column cannot fit beside them.
    """
    fixed = LEAD + SLOT + TAIL
    every_year = sum(widths) + GAP * max(len(widths) - 1, 0)
    wanted = natural
    if natural + fixed + every_year > width:
        wanted = min(natural, max(int(width * LABEL_SHARE), width - fixed - every_year))
    return max(1, min(wanted, width - fixed - max(widths, default=0)))


def year_window(widths: Sequence[int], room: int, selected: int, first: int) -> tuple[int, int]:
    """(first, last + 1) of the year columns shown: whole ones, the selected one among them.

    Starts from the previous `first` so the columns move only when the selection leaves
    them; when the last year is in view, earlier years fill what room is left.
    """
    count = len(widths)
    if count == 0:
        return 0, 0
    selected = max(0, min(count - 1, selected))
    first = max(0, min(first, selected))

    def end_from(start: int) -> int:
        used, end = widths[start], start + 1
        while end < count and used + GAP + widths[end] <= room:
            used += GAP + widths[end]
            end += 1
        return end

    while end_from(first) <= selected:
        first += 1
    end = end_from(first)
    while first > 0 and sum(widths[first - 1 : end]) + GAP * (end - first) <= room:
        first -= 1
    return first, end_from(first)


def _matches(label: str, head: str, tail: str) -> bool:
    return label.startswith(head) and label.endswith(tail) and len(label) >= len(head) + len(tail)


def cut_label(text: str, width: int, family: Sequence[str], cut: str) -> str:
    """`text` in `width` cells, still telling it apart from every other label of `family`.

    Cut at the end when what is left is the start of no other label; else in the middle,
    keeping the end that tells it apart (preferably from the start of a word).
    """
    if cell_len(text) <= width:
        return text
    if width <= len(cut):
        return set_cell_size(text, width)
    others = [label for label in family if label != text]
    head = set_cell_size(text, width - len(cut)).rstrip()
    if not any(label.startswith(head) for label in others):
        return head + cut
    unique: list[str] = []
    for tail_len in range(1, width - len(cut)):
        head = text[: width - len(cut) - tail_len].rstrip()
        tail = text[-tail_len:]
        if head and not any(_matches(label, head, tail) for label in others):
            shown = head + cut + tail
            if text[-tail_len - 1] == " ":
                return shown
            unique.append(shown)
    return unique[0] if unique else set_cell_size(text, width - len(cut)) + cut


def cut_labels(lines: Sequence[Line], width: int, cut: str) -> tuple[str, ...]:
    """Every line's label in `width` cells; headings are told apart among headings, rows
    among the rows beside them (a group is named again under each heading, which is fine)."""
    indent = " " * INDENT
    headings = sorted({line.text for line in lines if line.row is None})
    rows = sorted({line.text.removeprefix(indent) for line in lines if line.row is not None})
    shown = []
    for line in lines:
        if line.row is None:
            shown.append(cut_label(line.text, width, headings, cut))
        elif line.heading is not None:
            group = line.text.removeprefix(indent)
            shown.append(indent + cut_label(group, width - INDENT, rows, cut))
        else:
            shown.append(cut_label(line.text, width, rows, cut))
    return tuple(shown)


def legend_lines(items: Sequence[str], width: int, sep: str, cut: str) -> list[str]:
    """The legend's items packed into lines of `width`, none of them split between lines."""
    lines: list[str] = []
    current = ""
    for item in items:
        if cell_len(item) > width:
            item = set_cell_size(item, max(width - len(cut), 0)) + cut
        if current and cell_len(current + sep + item) <= width:
            current += sep + item
        else:
            if current:
                lines.append(current)
            current = item
    if current:
        lines.append(current)
    return lines
