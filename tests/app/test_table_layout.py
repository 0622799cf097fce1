"""The figure table's layout rules: whole year columns, labels cut apart, the legend's lines."""

from __future__ import annotations

from tui.app.present.table import build_table
from tui.app.present.table_layout import (
    GAP,
    INDENT,
    LEAD,
    SLOT,
    TAIL,
    body_lines,
    cut_label,
    cut_labels,
    label_width,
    legend_lines,
    year_widths,
    year_window,
)
from tui.app.state import ViewState
from tui.core import Dataset

REVIEWED = [
    "ICT security policy last reviewed: 12-24 months ago (Eurostat)",
    "ICT security policy last reviewed: over 24 months ago (Eurostat)",
    "ICT security policy last reviewed: within 12 months (Eurostat)",
    "Has documents on ICT security (Eurostat)",
]


def test_cut_labels_stay_apart_and_keep_their_start_and_end() -> None:
    """Down to 28 cells: the three 'last reviewed' labels differ only in a part 26 long."""
    for width in range(2, 64):
        shown = [cut_label(label, width, REVIEWED, "…") for label in REVIEWED]
        if width >= 28:
            assert len(set(shown)) == len(shown), (width, shown)
        for label, text in zip(REVIEWED, shown, strict=True):
            assert len(text) <= width
            head, _cut, tail = text.partition("…")
            assert label.startswith(head.rstrip()) and label.endswith(tail)
            others = [o for o in REVIEWED if o != label]
            if width >= 28:
                assert not any(o.startswith(head.rstrip()) and o.endswith(tail) for o in others)
    assert cut_label("Has documents on ICT security (Eurostat)", 20, REVIEWED, "…") == (
        "Has documents on IC…"
    )
    assert cut_label("Short", 20, REVIEWED, "…") == "Short"


def test_year_window_shows_whole_columns_and_the_selected_one() -> None:
    widths = [6, 6, 10, 6, 6, 6, 6]
    for room in range(6, 60):
        first = 0
        for selected in [*range(len(widths)), *reversed(range(len(widths)))]:
            first, end = year_window(widths, room, selected, first)
            assert first <= selected < end
            used = sum(widths[first:end]) + GAP * (end - first - 1)
            assert used <= max(room, widths[selected])  # whole columns, never more than fit
            if end < len(widths):
                assert used + GAP + widths[end] > room or first == selected


def test_the_labels_give_way_before_a_number() -> None:
    widths = (6, 6, 10)
    assert label_width(30, widths, 200) == 30  # everything fits: whole labels
    narrow = label_width(30, widths, 30)
    assert LEAD + narrow + SLOT + TAIL + max(widths) <= 30
    many = (6,) * 12
    assert label_width(60, many, 100) == 40  # a share of the width when years are many
    assert label_width(60, many, 120) == 48


def test_breakdown_rows_sit_under_their_indicator_heading(dataset: Dataset) -> None:
    view = build_table(dataset, ViewState(theme="ecommerce", breakdown="size", lang="en"))
    lines = body_lines(view)
    headings = [line for line in lines if line.row is None]
    assert [h.text for h in headings] == list(dict.fromkeys(view.labels))
    for line in lines:
        if line.row is not None:
            assert line.heading is not None and lines[line.heading].text == view.labels[line.row]
            assert line.text == " " * INDENT + (view.groups or ())[line.row]
    assert [line.row for line in lines if line.row is not None] == list(range(len(view.rows)))
    shown = cut_labels(lines, 24, "…")
    heads = [text for line, text in zip(lines, shown, strict=True) if line.row is None]
    assert len(set(heads)) == len(heads) and all(len(text) <= 24 for text in shown)


def test_year_columns_are_as_wide_as_their_widest_cell(dataset: Dataset) -> None:
    view = build_table(dataset, ViewState(theme="ecommerce", lang="en"))
    widths = year_widths(view)
    turnover = view.years.index(2014)
    assert widths[turnover] == len("NOK 568 bn")
    for index, year in enumerate(view.years):
        assert widths[index] == max(len(str(year)), *(len(row[index]) for row in view.cells))


def test_legend_items_are_never_split_between_lines() -> None:
    items = ["* other series, base or unit", "b Break in time series", ": Not available"]
    assert legend_lines(items, 200, " · ", "…") == [" · ".join(items)]
    lines = legend_lines(items, 30, " · ", "…")
    assert lines == items
    assert legend_lines(items, 10, " | ", "~")[0] == "* other s~"
