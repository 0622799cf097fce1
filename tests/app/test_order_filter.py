"""The rules behind o, f, < > and n, without a terminal, on every table the embedded data has."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.helpers.published import breakdowns_of, theme_figures
from tests.helpers.reading import ordered_rows
from tui.app.present.headline_list import screen_headlines, sources_text
from tui.app.present.label_column import LABEL_MIN, chosen_label_width, told_apart, widest_label
from tui.app.present.order_filter import arranged, empty_text, row_name
from tui.app.present.table import build_table
from tui.app.present.table_layout import LEAD, SLOT, TAIL, body_lines, year_widths
from tui.app.present.text import title_text
from tui.app.state import Arrangement, ViewState
from tui.core import Dataset
from tui.core.model import THEMES, Row
from tui.core.table import theme_table

TABLES = [(theme, by) for theme in THEMES for by in breakdowns_of(theme)]


@pytest.mark.parametrize(("theme", "breakdown"), TABLES)
def test_order_follows_the_published_values_of_every_year(
    dataset: Dataset, theme: str, breakdown: str
) -> None:
    """Against an order computed from data/figures.csv alone, in every year of every table."""
    table = theme_table(dataset, theme, breakdown, "NO", "en")
    published = theme_figures(theme, breakdown)
    natural = [(r.row.indicator, r.row.group) for r in table.rows]
    for year in table.years:
        ordered = arranged(table, Arrangement(order_year=year))
        keys = [(r.row.indicator, r.row.group) for r in ordered.rows]
        assert keys == ordered_rows(natural, published, year), year
        assert ordered.slice.rows == tuple(r.row for r in ordered.rows)
        for row in ordered.rows:  # the cells are core's, untouched
            assert row in table.rows
            assert all(
                ordered.slice.get(row.row, y) is table.slice.get(row.row, y) for y in table.years
            )


@pytest.mark.parametrize(("theme", "breakdown"), [("ecommerce", "total"), ("policy", "size")])
def test_ordering_does_move_rows(dataset: Dataset, theme: str, breakdown: str) -> None:
    """The test above can fail: in these tables most years put the rows in another order."""
    table = theme_table(dataset, theme, breakdown, "NO", "en")
    moved = [
        y for y in table.years if arranged(table, Arrangement(order_year=y)).rows != table.rows
    ]
    assert len(moved) > len(table.years) / 2


def test_a_year_the_table_lacks_orders_nothing(dataset: Dataset) -> None:
    table = theme_table(dataset, "ecommerce", "total", "NO", "en")
    assert arranged(table, Arrangement(order_year=1990)) is table
    assert arranged(table, Arrangement()) is table


@pytest.mark.parametrize("text", ["sales", "SALES", "10-49", "(eurostat)", "zzz", ""])
def test_filter_keeps_exactly_the_rows_whose_name_holds_the_text(
    dataset: Dataset, text: str
) -> None:
    for theme, breakdown in TABLES:
        table = theme_table(dataset, theme, breakdown, "NO", "en")
        kept = arranged(table, Arrangement(filter=text)).rows
        expected = [r for r in table.rows if text.casefold() in row_name(r, table).casefold()]
        assert list(kept) == expected
    assert empty_text(Arrangement(filter="zzz"), "en") == (
        'No row has "zzz" in its name (f, then Esc, clears the filter)'
    )
    assert empty_text(Arrangement(), "en") == ""


def test_title_says_order_and_filter_but_a_comparison_is_never_arranged(
    dataset: Dataset,
) -> None:
    state = ViewState(theme="ecommerce", year=2012, lang="en")
    state.arrangement = Arrangement(order_year=2012, filter="[b]web")
    assert title_text(dataset, state) == (
        'E-commerce · 2012 · Total · Norway · ordered by 2012 · filter "[b]web" · embedded snapshot'
    )
    state.lang = "nb"
    assert 'sortert etter 2012 · filter "[b]web"' in title_text(dataset, state)
    state.compare = Row("eu_e_esell", "total", "NO")
    assert "filter" not in title_text(dataset, state)
    compared = build_table(dataset, state)
    assert len(compared.rows) == len(
        build_table(dataset, replace(state, arrangement=Arrangement())).rows
    )


@pytest.mark.parametrize(("theme", "breakdown"), TABLES)
@pytest.mark.parametrize("width", [40, 80, 100, 200])
def test_label_widths_tell_rows_apart_and_leave_room_for_every_year(
    dataset: Dataset, theme: str, breakdown: str, width: int
) -> None:
    view = build_table(dataset, ViewState(theme=theme, breakdown=breakdown, lang="en"))
    lines, widths = body_lines(view), year_widths(view)
    widest = widest_label(lines, widths, width)
    assert LEAD + widest + SLOT + max(widths) + TAIL <= width or widest == 1
    for wanted in range(1, widest + 8):
        chosen = chosen_label_width(lines, widths, width, "…", wanted)
        assert chosen <= widest
        assert chosen >= min(wanted, widest) or chosen == min(LABEL_MIN, widest)
        assert chosen == widest or told_apart(lines, chosen, "…")


def test_told_apart_sees_labels_that_read_alike(dataset: Dataset) -> None:
    view = build_table(dataset, ViewState(theme="ecommerce", lang="en"))
    lines = body_lines(view)
    assert not told_apart(lines, 16, "…")  # "E-commerce sale…" could be three rows
    assert told_apart(lines, max(len(line.text) for line in lines), "…")


def test_screen_headlines_start_with_the_screens_breakdown_and_cite_sources(
    dataset: Dataset,
) -> None:
    state = ViewState(theme="ecommerce", year=2012, breakdown="size", lang="en")
    groups = screen_headlines(dataset, state)
    assert [g.breakdown for g in groups] == ["size", "total", "industry"]
    for group in groups:
        for headline in group.headlines:
            assert headline.theme == "ecommerce" and headline.year == 2012
            focus = headline.focus
            assert (focus.breakdown, focus.geo, focus.ref_year) == (group.breakdown, "NO", 2012)
            assert focus in headline.figures
            text = sources_text(dataset, headline, "en")
            assert all(f"({sid})" in text for sid in headline.source_ids)
    assert screen_headlines(dataset, replace(state, year=None)) == []
    nb = screen_headlines(dataset, replace(state, lang="nb"))
    assert nb[0].name == dataset.labels.get("breakdown", "size", "nb") != groups[0].name
    assert nb[0].headlines[0].text.startswith("Størst endring fra 2011 til 2012")  # bokmål
