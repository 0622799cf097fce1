"""What the chart draws, read back from its text, against the figures it stands for.

Ticks are round, evenly spaced and start at 0; each bar's label is the figure's whole text and
its length that value on the axis; the selected row's bar is on screen; every compared country is
in the legend and in the plot; a missing figure draws no bar and no point.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from itertools import pairwise
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot

from tests.helpers.app_pilot import chart_of, make_app, press, settle, theme_screen
from tui.app.present.chart_data import ChartData
from tui.app.present.table import cell_text
from tui.app.screens.theme import ThemeScreen
from tui.app.widgets.chart import FigureChart
from tui.app.widgets.chart_bars import bar_cells, bar_labels
from tui.app.widgets.chart_lines import LINE_MARKERS

SIZES = [(80, 24), (100, 30), (200, 60)]
ROUND_STEPS = {Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)}
NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
BAR_CHARS = "█#"


def drawn(chart: FigureChart) -> list[str]:
    """The chart's lines as the terminal shows them."""
    text = chart.render()
    assert isinstance(text, Text)
    return text.plain.split("\n")


def numbers(line: str) -> list[tuple[int, Decimal]]:
    return [(m.start(), Decimal(m.group().replace(",", "."))) for m in NUMBER.finditer(line)]


def assert_round_and_even(ticks: list[Decimal], percent: bool) -> None:
    assert len(ticks) >= 2, ticks
    steps = {b - a for a, b in pairwise(ticks)}
    assert len(steps) == 1, f"uneven ticks {ticks}"
    step = steps.pop()
    assert step > 0
    mantissa = step / Decimal(10) ** math.floor(math.log10(step))
    assert mantissa.normalize() in ROUND_STEPS, f"step {step} of {ticks} is not round"
    if percent or ticks[0] >= 0:
        assert ticks[0] == 0, f"{ticks} does not start at 0"


def check_bars(chart: FigureChart, screen: ThemeScreen) -> None:
    data = chart.data
    assert data is not None and data.mode == "bars"
    lines = drawn(chart)
    width, height = chart.size
    view, year = screen.view, screen.state.year
    if not data.bars:
        return
    axis = lines[-1]
    assert axis.strip() and not NUMBER.sub("", axis).strip(), f"no axis: {axis!r}"
    ticks = numbers(axis)
    assert_round_and_even([t for _at, t in ticks], data.unit == "percent")
    assert [at for at, _t in ticks] == sorted(at for at, _t in ticks)
    top = ticks[-1][1]
    if data.unit == "percent":
        assert top == 100
    labels = bar_labels(data.bars, width)
    start, stop = chart.window
    assert 0 <= start < stop <= len(data.bars)
    room = width - len(labels[0])
    label_lines = []
    for index in range(start, stop):
        bar, label = data.bars[index], labels[index]
        figure = view.figure(bar.row, year)
        assert figure is not None
        # the value label is the figure's whole text, as the table shows it
        assert bar.text == cell_text(figure, "en")
        assert label.rstrip().endswith(bar.text)
        if figure.missing:  # never a bar of 0: no value at all, and its symbol as the label
            assert bar.value is None and bar.text == figure.status
        else:
            assert figure.value_text in bar.text
        found = [i for i, line in enumerate(lines) if line.startswith(label)]
        assert len(found) == 1, f"bar {bar.label!r} drawn {len(found)} times"
        label_lines.append(found[0])
        cells = sum(1 for c in lines[found[0]][len(label) :] if c in BAR_CHARS)
        if bar.value is None:  # missing, or another unit: the symbol or figure, no bar
            assert cells == 0
        elif bar.value > 0:
            assert cells == bar_cells(bar.value, float(top), room)
    assert label_lines == sorted(label_lines)
    selected = [i for i in range(start, stop) if data.bars[i].selected]
    if data.selected_bar is not None:
        assert selected == [data.selected_bar], "the selected row's bar is not on screen"
        assert lines[label_lines[data.selected_bar - start]].startswith(">")
    else:
        assert not selected
    if (start, stop) != (0, len(data.bars)):
        assert f"{start + 1}-{stop} of {len(data.bars)}" in "\n".join(lines)
        # as many bars as fit: every line from the first bar to the axis is a bar
        assert label_lines == list(range(label_lines[0], label_lines[0] + stop - start))
        assert label_lines[-1] == len(lines) - 2 and len(lines) == height
    else:
        assert " of " not in lines[0]


async def walk_rows(pilot: Pilot[Any], screen: ThemeScreen, chart: FigureChart) -> None:
    for _ in range(len(screen.view.rows)):
        check_bars(chart, screen)
        await press(pilot, "down")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("theme", "by"), [("ecommerce", "total"), ("policy", "size")])
async def test_bars_are_whole_true_and_follow_the_cursor(
    theme: str, by: str, size: tuple[int, int]
) -> None:
    app = make_app(screen=theme, by=by)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen, chart = theme_screen(app), chart_of(app)
        years = screen.view.years
        await press(pilot, "home")
        await walk_rows(pilot, screen, chart)
        for _ in range(len(years) // 2):
            await press(pilot, "right", "up")
            check_bars(chart, screen)


async def test_a_lone_small_share_is_a_short_bar() -> None:
    app = make_app(screen="policy")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, chart = theme_screen(app), chart_of(app)
        await press(pilot, "home")
        data = chart.data
        assert data is not None
        values = [bar.value for bar in data.bars if bar.value is not None]
        assert values == [18.0]  # the formal policy of 2013, alone in its year
        check_bars(chart, screen)
        width = chart.size.width
        line = next(line for line in drawn(chart) if line.startswith(">"))
        cells = sum(1 for c in line if c in BAR_CHARS)
        room = width - len(bar_labels(data.bars, width)[0])
        assert cells == bar_cells(18.0, 100.0, room) and cells < room // 4


async def test_another_unit_has_its_own_scale() -> None:
    app = make_app(screen="ecommerce", year=2014)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, chart = theme_screen(app), chart_of(app)
        rows = [r.indicator for r in screen.view.rows]
        await press(pilot, *["down"] * rows.index("ec_sales_turnover_value"))
        data = chart.data
        assert data is not None and data.unit == "nok_bn"
        drawn_bars = [bar for bar in data.bars if bar.value is not None]
        assert [bar.text for bar in drawn_bars] == ["NOK 568 bn"]
        assert all(bar.other_key for bar in data.bars if bar.value is None)
        check_bars(chart, screen)
        ticks = [t for _at, t in numbers(drawn(chart)[-1])]
        assert ticks[0] == 0 and 568 <= ticks[-1] < 1000


def plot_rows(lines: list[str]) -> list[tuple[int, str]]:
    """(row, line) of the plot area: the lines between the frame's top and bottom."""
    top = next(i for i, line in enumerate(lines) if "┌" in line)
    bottom = next(i for i, line in enumerate(lines) if "└" in line)
    return [(i, lines[i]) for i in range(top + 1, bottom)]


def inside(lines: list[str]) -> str:
    """The plot area within the frame, without the tick labels and the frame itself."""
    frame = next(line for line in lines if "┌" in line)
    left, right = frame.index("┌"), frame.index("┐")
    return "\n".join(text[left + 1 : right] for _i, text in plot_rows(lines))


def check_line_axis(lines: list[str], data: ChartData) -> None:
    rows = [(i, line.split("┤")[0].strip()) for i, line in plot_rows(lines) if "┤" in line]
    ticks = [Decimal(text.replace(",", ".")) for _i, text in rows][::-1]
    assert_round_and_even(ticks, data.unit == "percent")
    gaps = {b - a for (a, _x), (b, _y) in pairwise(rows)}
    # evenly spaced rows; a row more or less only where ticks are 4+ rows apart
    assert len(gaps) == 1 or (max(gaps) - min(gaps) == 1 and min(gaps) >= 3), rows
    values = [v for segment in data.segments for v in segment.values]
    assert max(values) <= ticks[-1]


def tick_columns(lines: list[str]) -> list[int]:
    bottom = next(line for line in lines if "└" in line)
    return [i for i, c in enumerate(bottom) if c in "┬┴"]


def check_plotted_countries(lines: list[str], data: ChartData, screen: ThemeScreen) -> None:
    """One plot: each country's marker and value in the legend, its marker in the plot."""
    plot = plot_rows(lines)
    legend = "\n".join(lines[: plot[0][0]])
    check_line_axis(lines, data)
    for index, line in enumerate(data.lines):
        marker = LINE_MARKERS[index % len(LINE_MARKERS)]
        figure = screen.view.figure(index, screen.state.year)
        assert f"{marker} {line.code} {cell_text(figure, 'en')}".rstrip() in legend
        if any(s.line == index for s in data.segments):
            assert marker in inside(lines), f"{line.code} ({marker}) is not drawn"


def check_country_rows(lines: list[str], data: ChartData, screen: ThemeScreen) -> None:
    """Small multiples: a row per country, named with its value, a column per year with one."""
    note = next(line for line in lines if "each row on the scale" in line)
    low, top = (Decimal(t) for t in re.findall(r"(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)", note)[0])
    assert low == 0 and top > 0
    # the top is a few round steps from 0 (0-80 is four steps of 20)
    power = Decimal(10) ** math.floor(math.log10(top))
    assert any(
        (top / (base * scale)) % 1 == 0 and top / (base * scale) <= 5
        for base in ROUND_STEPS
        for scale in (power, power / 10)
    ), f"{top} is not round"
    values = [v for segment in data.segments for v in segment.values]
    assert max(values) <= top
    labels = [i for i, line in enumerate(lines) if re.match(r"[> ][A-Z]", line)]
    assert len(labels) == len(data.lines), "a country has no row"
    axis = lines[labels[-1] + 1 :]
    years_line = next(line for line in axis if line.strip())
    first = years_line.index(str(data.years[0]))
    step = None
    for index, (at, line) in enumerate(zip(labels, data.lines, strict=True)):
        figure = screen.view.figure(index, screen.state.year)
        assert lines[at][1:].startswith(f"{line.code} {cell_text(figure, 'en')}".rstrip())
        assert lines[at].startswith(">") == line.selected
        held = {y for s in data.segments if s.line == index for y in s.years}
        row = lines[at]
        for position, year in enumerate(data.years):
            if step is None:
                step = _column_step(lines, labels, first, len(data.years))
            column = row[first + position * step] if first + position * step < len(row) else " "
            assert (column != " ") == (year in held), f"{line.code} {year}: {column!r}"


def _column_step(lines: list[str], labels: list[int], first: int, years: int) -> int:
    """Cells from one year's column to the next, read from the widest row."""
    if years == 1:
        return 1
    widest = max((lines[i] for i in labels), key=len)
    last = len(widest.rstrip()) - 1
    for step in range(1, 8):
        if first + (years - 1) * step <= last < first + (years - 1) * step + step:
            return step
    raise AssertionError(f"no column step in {widest!r}")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("theme", "indicator", "by"),
    [("policy", "eu_e_secpol2", "total"), ("ecommerce", "eu_e_awsell", "size")],
)
async def test_every_compared_country_is_drawn_and_named(
    theme: str, indicator: str, by: str, size: tuple[int, int]
) -> None:
    app = make_app(screen=theme, by=by)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        rows = [r.indicator for r in screen.view.rows]
        await press(pilot, *["down"] * rows.index(indicator), "g", "c")
        chart = chart_of(app)
        for _ in range(3):
            data = chart.data
            assert data is not None and data.mode == "line" and len(data.lines) >= 3
            lines = drawn(chart)
            if any("┌" in line for line in lines):
                check_plotted_countries(lines, data, screen)
            else:
                check_country_rows(lines, data, screen)
            # a missing figure draws no point: no segment holds its year
            for index in range(len(screen.view.rows)):
                for year in screen.view.years:
                    figure = screen.view.figure(index, year)
                    if figure is not None and figure.missing:
                        assert not [s for s in data.segments if s.line == index and year in s.years]
            await press(pilot, "down", "left")


@pytest.mark.parametrize("size", SIZES)
async def test_one_category_line_has_round_ticks_from_zero(size: tuple[int, int]) -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        chart = chart_of(app)
        for _ in range(4):
            data = chart.data
            assert data is not None and data.mode == "line"
            if data.segments:
                check_line_axis(drawn(chart), data)
            await press(pilot, "down")


async def test_a_missing_year_leaves_a_gap_with_no_point() -> None:
    app = make_app(screen="policy")
    async with app.run_test(size=(200, 60)) as pilot:  # one plot of every country
        await settle(pilot)
        screen = theme_screen(app)
        rows = [r.indicator for r in screen.view.rows]
        await press(pilot, *["down"] * rows.index("eu_e_secpol2"), "g", "c")
        chart = chart_of(app)
        data = chart.data
        assert data is not None
        eu28 = [r.geo for r in screen.view.rows].index("EU28")
        missing = [
            y for y in data.years if (f := screen.view.figure(eu28, y)) is not None and f.missing
        ]
        assert missing, "EU28 has no figure after 2020"
        lines = drawn(chart)
        assert any("┌" in line for line in lines), "expected one plot at 200x60"
        check_line_axis(lines, data)
        marker = LINE_MARKERS[eu28]
        assert marker in inside(lines)  # its 2019 point
        columns = dict(zip(data.years, tick_columns(lines), strict=False))
        for year in missing:
            near = range(columns[year] - len(data.lines), columns[year] + len(data.lines) + 1)
            for _i, text in plot_rows(lines):
                assert all(text[c] != marker for c in near if c < len(text))


async def test_a_missing_year_is_a_gap_in_a_country_row() -> None:
    app = make_app(screen="policy")
    async with app.run_test(size=(80, 24)) as pilot:  # a row per country
        await settle(pilot)
        screen = theme_screen(app)
        rows = [r.indicator for r in screen.view.rows]
        await press(pilot, *["down"] * rows.index("eu_e_secpol2"), "g", "c")
        chart = chart_of(app)
        data = chart.data
        assert data is not None
        lines = drawn(chart)
        assert not any("┌" in line for line in lines), "expected a row per country at 80x24"
        check_country_rows(lines, data, screen)
        eu28 = next(line for line in lines if line.startswith(" EU28"))
        assert len(eu28.rstrip()) < max(len(line.rstrip()) for line in lines)


@pytest.mark.parametrize("size", SIZES)
async def test_compared_bars_show_a_missing_figure_without_a_bar(size: tuple[int, int]) -> None:
    app = make_app(screen="policy")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen, chart = theme_screen(app), chart_of(app)
        rows = [r.indicator for r in screen.view.rows]
        await press(pilot, *["down"] * rows.index("eu_e_secpol2"), "g", "home")
        seen_missing = 0
        for _ in screen.view.years:
            check_bars(chart, screen)
            data = chart.data
            assert data is not None
            seen_missing += sum(1 for bar in data.bars if bar.value is None)
            await press(pilot, "right")
        assert seen_missing > 0, "EU28 has no figure after 2020"


async def test_a_year_key_hands_the_chart_its_data_with_the_table() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen, chart = theme_screen(app), chart_of(app)
        # the key's handler, then what the screen runs right after it, before any frame
        screen.action_year(-1)
        screen._show()
        assert chart.data is not None and chart.data.year == screen.state.year
        chart.render_seconds = 1.0  # as if the last draw had been costly
        screen.action_year(-1)
        screen._show()
        assert chart.data.year != screen.state.year  # a costly chart waits for its timer
        await settle(pilot)
        assert chart.data is not None and chart.data.year == screen.state.year
