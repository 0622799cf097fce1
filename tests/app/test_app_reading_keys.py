"""o, f, < and > under Pilot: the screen's rows and cells judged against data/figures.csv.

Every screen read here goes through the screen oracle too (tests/helpers/screen_checks.py):
each cell the exact published figure, each year heading whole, rows told apart, the selected
row's full label on screen. On top of that the rows are checked against the data: ordered by
the published values, filtered by the published labels, none lost.
"""

from __future__ import annotations

import pytest
from textual import events

from tests.helpers.published import theme_figures
from tests.helpers.reading import (
    headings,
    label_column,
    label_text,
    ordered_rows,
    selected,
    shown_rows,
)
from tests.helpers.screen_checks import check_screen
from tests.helpers.screen_oracle import Explorer, ScreenText, open_explorer
from tests.helpers.walk import year_count
from tui.app.present.label_column import LABEL_STEP
from tui.app.present.table import compare_refusal
from tui.app.screens.filter import FilterScreen

WIDE = (200, 60)  # every row of a theme's total table on one screen
TALL = (200, 120)  # every line of a breakdown's table on one screen


def honest(screen: ScreenText, theme: str, breakdown: str) -> None:
    problems = check_screen(screen.lines, theme_figures(theme, breakdown), screen.style_at)
    assert problems == [], "\n".join([*problems, *screen.lines])


def title(screen: ScreenText) -> str:
    return screen.lines[0]


def said(explorer: Explorer) -> list[str]:
    return [str(n.message) for n in explorer.app._notifications]


async def type_text(explorer: Explorer, text: str) -> ScreenText:
    """Type into the prompt letter by letter, as a person does (Pilot sends each character)."""
    await explorer.pilot.press(*text)
    await explorer.settle()
    return explorer.read()


@pytest.mark.parametrize(("theme", "year"), [("ecommerce", 2012), ("social_media", 2019)])
async def test_o_orders_by_the_years_published_values_and_back(theme: str, year: int) -> None:
    figures = theme_figures(theme, "total")
    earlier = figures.years[figures.years.index(year) - 1]
    async with open_explorer(theme, "total", WIDE, year=year) as explorer:
        before = explorer.read()
        natural = shown_rows(before.lines, figures)
        assert sorted(natural) == sorted(figures.figures)  # every published row is on screen
        chosen, _year, _text = selected(before.lines, before.style_at, figures)
        screen = await explorer.press("o")
        honest(screen, theme, "total")
        assert f"ordered by {year}" in title(screen)
        assert shown_rows(screen.lines, figures) == ordered_rows(natural, figures, year)
        assert selected(screen.lines, screen.style_at, figures)[0] == chosen  # cursor stays
        screen = await explorer.press("left")  # another year: still ordered by the first
        assert f"ordered by {year}" in title(screen)
        assert shown_rows(screen.lines, figures) == ordered_rows(natural, figures, year)
        screen = await explorer.press("o")  # pressed on another year: ordered by that one
        assert f"ordered by {earlier}" in title(screen)
        assert shown_rows(screen.lines, figures) == ordered_rows(natural, figures, earlier)
        honest(screen, theme, "total")
        screen = await explorer.press("o")  # again on the same year: the table's own order
        assert "ordered by" not in title(screen)
        assert shown_rows(screen.lines, figures) == natural
        honest(screen, theme, "total")


def test_the_ordered_years_have_values_to_order_and_a_lower_bound() -> None:
    """The cases here can fail: the years have many values, and social media a '> 70'."""
    ecommerce = theme_figures("ecommerce", "total")
    values = {f.value for cells in ecommerce.figures.values() if (f := cells.get(2012))}
    assert len(values) > 5
    social = theme_figures("social_media", "industry")
    bounds = [cells[2013] for cells in social.figures.values() if 2013 in cells]
    assert any(f.status == ">" for f in bounds)


@pytest.mark.parametrize(
    ("theme", "breakdown", "year", "moves"),
    [
        ("policy", "size", 2019, True),
        ("ecommerce", "size", 2012, True),
        # two rows a heading, each already largest first; three lower bounds stay put
        ("social_media", "industry", 2013, False),
    ],
)
async def test_o_in_a_breakdown_orders_groups_under_their_headings(
    theme: str, breakdown: str, year: int, moves: bool
) -> None:
    figures = theme_figures(theme, breakdown)
    async with open_explorer(theme, breakdown, TALL, year=year) as explorer:
        before = explorer.read()
        natural = shown_rows(before.lines, figures)
        assert sorted(natural) == sorted(figures.figures)
        screen = await explorer.press("o")
        honest(screen, theme, breakdown)
        assert f"ordered by {year}" in title(screen)
        assert headings(screen.lines, figures) == headings(before.lines, figures)
        ordered = shown_rows(screen.lines, figures)
        assert ordered == ordered_rows(natural, figures, year)
        assert (ordered != natural) == moves


async def test_f_filters_by_the_published_labels_as_typed_enter_keeps_esc_clears() -> None:
    figures = theme_figures("ecommerce", "total")
    async with open_explorer("ecommerce", "total", WIDE, year=2012) as explorer:
        natural = shown_rows(explorer.read().lines, figures)
        await explorer.press("f")
        assert isinstance(explorer.app.screen, FilterScreen)
        typed = ""
        for letter in "Sales":
            typed += letter
            screen = await type_text(explorer, letter)
            wanted = [k for k in natural if typed.casefold() in label_text(k, figures).casefold()]
            assert 0 < len(wanted) < len(natural)
            assert shown_rows(screen.lines, figures) == wanted, typed
            assert f'filter "{typed}"' in title(screen)
        honest(screen, "ecommerce", "total")
        screen = await type_text(explorer, "zz")
        assert 'No row has "Saleszz" in its name' in "\n".join(screen.lines)
        assert 'filter "Saleszz"' in title(screen)
        await explorer.pilot.press("backspace", "backspace")  # the rows come back
        await explorer.settle()
        screen = explorer.read()
        assert shown_rows(screen.lines, figures) == wanted
        await explorer.pilot.press("enter")  # keeps the filter
        screen = await explorer.press("down")
        assert not isinstance(explorer.app.screen, FilterScreen)
        assert 'filter "Sales"' in title(screen)
        assert shown_rows(screen.lines, figures) == wanted
        assert selected(screen.lines, screen.style_at, figures)[0] == wanted[1]
        honest(screen, "ecommerce", "total")
        await explorer.press("f")
        screen = await explorer.press("escape")  # clears it
        assert not isinstance(explorer.app.screen, FilterScreen)
        assert "filter" not in title(screen)
        assert shown_rows(screen.lines, figures) == natural
        assert selected(screen.lines, screen.style_at, figures)[0] == wanted[1]
        honest(screen, "ecommerce", "total")


async def test_f_in_a_breakdown_keeps_the_matching_groups_under_their_headings() -> None:
    figures = theme_figures("ecommerce", "size")
    async with open_explorer("ecommerce", "size", TALL, year=2012) as explorer:
        natural = shown_rows(explorer.read().lines, figures)
        await explorer.press("f")
        screen = await type_text(explorer, "250+")
        await explorer.pilot.press("enter")
        screen = await explorer.press("down")
        wanted = [k for k in natural if "250+" in label_text(k, figures)]
        assert wanted and all(group == "250+" for _indicator, group in wanted)
        assert shown_rows(screen.lines, figures) == wanted
        assert headings(screen.lines, figures) == list(dict.fromkeys(i for i, _g in wanted))
        honest(screen, "ecommerce", "size")


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 60)])
async def test_less_and_greater_narrow_and_widen_the_labels_numbers_stay_whole(
    size: tuple[int, int],
) -> None:
    """Each press moves the label column by a few cells, up to its bounds, which are said;
    at either bound every year, walked across, is shown whole beside the labels."""
    theme = "ecommerce"
    years = year_count(theme, "total")
    async with open_explorer(theme, "total", size, year=2012) as explorer:
        widths = [label_column(explorer.read().lines)]
        for key, bound in (("less_than_sign", "narrow"), ("greater_than_sign", "wide")):
            for _ in range(40):
                screen = await explorer.press(key)
                honest(screen, theme, "total")
                if f"as {bound} as they go" in " ".join(said(explorer)):
                    break
                widths.append(label_column(screen.lines))
                step = widths[-1] - widths[-2]
                # a few cells a press (a cut label may end a cell short of its column)
                assert 0 <= (-step if bound == "narrow" else step) <= LABEL_STEP + 1, widths
            else:
                raise AssertionError(f"the label column never stopped getting {bound}er")
            for walk in (["end"], ["left"] * (years - 1), ["right"] * (years - 1)):
                for step_key in walk:
                    screen = await explorer.press(step_key)
                    honest(screen, theme, "total")
                    assert label_column(screen.lines) == widths[-1]
        assert min(widths) < widths[0] <= widths[-1]  # narrower, then at least as wide again


async def test_enter_keeps_every_letter_typed_before_it_even_typed_ahead() -> None:
    """The letters and Enter arrive in one burst (a paste, a fast typist): the filter is exactly
    the letters before Enter, and a letter right after it does not slip into the filter."""
    figures = theme_figures("ecommerce", "total")
    async with open_explorer("ecommerce", "total", WIDE, year=2012) as explorer:
        natural = shown_rows(explorer.read().lines, figures)
        explorer.app.simulate_key("f")
        for letter in "web":
            explorer.app.post_message(events.Key(letter, letter))
        explorer.app.simulate_key("enter")
        explorer.app.post_message(events.Key("x", "x"))
        await explorer.settle()
        await explorer.pilot.pause(0.1)
        screen = await explorer.press("down")
        assert not isinstance(explorer.app.screen, FilterScreen)
        assert 'filter "web"' in title(screen)
        wanted = [k for k in natural if "web" in label_text(k, figures).casefold()]
        assert shown_rows(screen.lines, figures) == wanted
        honest(screen, "ecommerce", "total")


async def test_a_comparison_of_countries_is_neither_ordered_nor_filtered() -> None:
    """o and f are not offered while comparing, and say why when pressed all the same."""
    async with open_explorer("ecommerce", "total", (100, 30), year=2012) as explorer:
        screen = explorer.app.screen
        comparable = next(
            i
            for i, row in enumerate(screen.view.rows)  # type: ignore[attr-defined]
            if compare_refusal(explorer.app.dataset, row, "en") is None  # type: ignore[attr-defined]
        )
        for _ in range(comparable):
            await explorer.press("down")
        await explorer.press("g")
        assert screen.state.comparing  # type: ignore[attr-defined]
        before = explorer.read().lines
        for key in ("o", "f"):
            action = {"o": "order", "f": "filter"}[key]
            assert screen.check_action(action, ()) is False
            after = await explorer.press(key)
            assert not isinstance(explorer.app.screen, FilterScreen)
            assert after.lines[:3] == before[:3]
        assert said(explorer).count("Leave the comparison with g first") == 2
