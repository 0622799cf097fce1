"""How wide the label column is when a person narrows or widens it with < and >.

The year columns still move by whole columns beside it: the label column is never so wide
that the widest year column cannot fit next to it, so no number is cut and no scrolled
column slides under the labels; and never so narrow that two rows read alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

from tui.app.present.table_layout import INDENT, LEAD, SLOT, TAIL, Line, cut_labels, label_width

LABEL_STEP = 4
"""Cells one press of < or > takes from or gives to the label column."""
LABEL_MIN = 8
"""The narrowest label column ever, however short the labels."""


def natural_width(lines: Sequence[Line]) -> int:
    """What the labels need; a table a filter left empty keeps room for its column heading."""
    return max((cell_len(line.text) for line in lines), default=LABEL_MIN)


def widest_label(lines: Sequence[Line], widths: Sequence[int], width: int) -> int:
    """All the labels need, but never more than leaves room for the widest year column."""
    natural = natural_width(lines)
    return max(1, min(natural, width - LEAD - SLOT - TAIL - max(widths, default=0)))


def chosen_label_width(
    lines: Sequence[Line], widths: Sequence[int], width: int, cut: str, wanted: int | None
) -> int:
    """The label column's width: fitted to the width (`wanted` None), else the first from
    `wanted` up that still tells every row apart, never wider than `widest_label`."""
    if wanted is None:
        natural = natural_width(lines)
        return label_width(natural, widths, width)
    widest = widest_label(lines, widths, width)
    chosen = max(min(LABEL_MIN, widest), min(widest, wanted))
    while chosen < widest and not told_apart(lines, chosen, cut):
        chosen += 1
    return chosen


def told_apart(lines: Sequence[Line], width: int, cut: str) -> bool:
    """True when every label cut to `width` still names one row only: no cut label is also the
    start (or start and end) of another label beside it (headings among headings, groups
    among groups, as `cut_labels` tells them apart)."""
    indent = " " * INDENT
    headings = {line.text for line in lines if line.row is None}
    rows = {line.text.removeprefix(indent) for line in lines if line.row is not None}
    for line, shown in zip(lines, cut_labels(lines, width, cut), strict=True):
        family = headings if line.row is None else rows
        text = line.text if line.row is None else line.text.removeprefix(indent)
        if _ambiguous(shown.removeprefix(indent), text, family, cut):
            return False
    return True


def _ambiguous(shown: str, text: str, family: set[str], cut: str) -> bool:
    if shown == text or cut not in shown:
        return False
    head, _cut, tail = shown.partition(cut)
    head = head.rstrip()
    return any(
        label.startswith(head) and label.endswith(tail) and len(label) > len(head) + len(tail)
        for label in family
        if label != text
    )
