"""n under Pilot: the screen's headlines with their sources, and Enter lands on the cited figure.

The landing is judged on screen against data/figures.csv: the one selected cell is the
headline's figure (its row, its year, the published value), the number the headline gives.
"""

from __future__ import annotations

import re

import pytest
from textual.widgets import OptionList

from tests.app.test_app_literal import MARKUP, hostile_dataset
from tests.app.test_app_words import foreign
from tests.helpers.app_pilot import make_app, press, screen_text, settle, theme_screen
from tests.helpers.published import cell_problem, theme_figures
from tests.helpers.reading import selected
from tests.helpers.screen_checks import check_screen
from tests.helpers.screen_oracle import Explorer, ScreenText, open_explorer
from tui.app.present.headline_list import screen_headlines
from tui.app.present.table import compare_refusal
from tui.app.screens.headlines import HeadlinesScreen
from tui.core.headlines import Headline
from tui.core.model import LANGS
from tui.core.text import ASCII_ONLY

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def dialog(explorer: Explorer) -> HeadlinesScreen:
    screen = explorer.app.screen
    assert isinstance(screen, HeadlinesScreen), screen
    return screen


def squashed(screen: ScreenText) -> str:
    """The dialog's words as one line: wrapped lines joined, the frame's edges left out."""
    inner = [line.strip().strip("│").strip() for line in screen.lines]
    return re.sub(r"\s+", " ", " ".join(inner))


def headline_of(explorer: Explorer, ident: str) -> Headline:
    """The headline behind an option of the open dialog."""
    return dialog(explorer).headlines[ident]


async def choose(explorer: Explorer, ident: str) -> ScreenText:
    """Move the dialog's highlight down to option `ident` and press Enter, as a person would."""
    options = dialog(explorer).query_one(OptionList)
    for _ in range(options.option_count):
        highlighted = options.highlighted
        if highlighted is not None and options.get_option_at_index(highlighted).id == ident:
            break
        await explorer.press("down")
    else:
        raise AssertionError(f"{ident} never highlighted")
    return await explorer.press("enter")


def landed_on(screen: ScreenText, headline: Headline) -> None:
    """The selected cell is the headline's figure, as published, and a number the headline says."""
    focus = headline.focus
    figures = theme_figures(focus.theme, focus.breakdown)
    problems = check_screen(screen.lines, figures, screen.style_at)
    assert problems == [], "\n".join([*problems, *screen.lines])
    key, year, text = selected(screen.lines, screen.style_at, figures)
    assert key == (focus.indicator, focus.group), headline.text
    assert year == focus.ref_year
    assert cell_problem(text, figures.figure(*key, year)) is None
    number = NUMBER.search(text)
    assert number is not None and number.group() in NUMBER.findall(headline.text), (
        text,
        headline.text,
    )


async def test_n_lists_the_years_headlines_with_their_sources() -> None:
    async with open_explorer("ecommerce", "total", (100, 30), year=2012) as explorer:
        screen = await explorer.press("n")
        shown = squashed(screen)
        assert "Headlines from the figures · E-commerce · 2012 · Norway" in shown
        groups = dialog(explorer).options
        assert [o.prompt.plain for o in groups if o is not None and o.disabled][:1] == ["Total"]
        prompts = [o.prompt.plain for o in groups if o is not None and not o.disabled]
        web = next(p for p in prompts if p.startswith("Sales via own website fell"))
        assert "from 35% in 2011 to 25% in 2012" in web
        assert web.endswith("Source: digi.no 2013 (digi-2013)")
        first = prompts[0].splitlines()
        assert first[0][:60] in shown and first[1].strip() in shown  # on screen, with sources
        assert any(
            p.startswith("Carried out e-commerce (sales or purchases) fell from 62%")
            for p in prompts
        )
        screen = await explorer.press("escape")
        assert not isinstance(explorer.app.screen, HeadlinesScreen)
        await explorer.press("n")
        screen = await explorer.press("q")  # q closes it too, and does not quit
        assert not isinstance(explorer.app.screen, HeadlinesScreen)
        assert explorer.app.return_code is None
        assert screen.lines[0].startswith(" E-commerce · 2012 · Total")


async def test_enter_lands_on_each_kind_of_headlines_figure_in_every_breakdown() -> None:
    """The first headline of each kind in each breakdown: from the total screen to the figure,
    switching breakdown when the headline is about size classes or industries."""
    async with open_explorer("ecommerce", "total", (100, 30), year=2012) as explorer:
        await explorer.press("n")
        wanted: dict[tuple[str, str], str] = {}  # (breakdown, kind) -> the headline's text
        for headline in dialog(explorer).headlines.values():
            wanted.setdefault((headline.focus.breakdown, headline.kind), headline.text)
        assert {b for b, _kind in wanted} == {"total", "size", "industry"}
        assert {"change", "moved_most", "size_gradient", "industry_ranking"} <= {
            kind for _b, kind in wanted
        }
        await explorer.press("escape")
        names = {"total": "Total", "size": "Size class", "industry": "Industry"}
        for text in wanted.values():
            await explorer.press("n")  # the list starts with the breakdown now on screen
            ident = option_with(explorer, text)
            headline = headline_of(explorer, ident)
            screen = await choose(explorer, ident)
            assert not isinstance(explorer.app.screen, HeadlinesScreen)
            landed_on(screen, headline)
            assert f"· 2012 · {names[headline.focus.breakdown]} · Norway" in screen.lines[0]


def option_with(explorer: Explorer, text: str) -> str:
    """The id of the open dialog's option for the headline that says `text`."""
    return next(i for i, h in dialog(explorer).headlines.items() if h.text == text)


async def test_a_jump_clears_a_filter_that_hides_the_figure_and_leaves_a_comparison() -> None:
    async with open_explorer("ecommerce", "total", (100, 30), year=2012) as explorer:
        await explorer.press("f")
        await explorer.pilot.press(*"Purchases", "enter")
        await explorer.settle()
        await explorer.press("n")
        web_text = next(
            h.text
            for h in dialog(explorer).headlines.values()
            if h.text.startswith("Sales via own")
        )
        web = option_with(explorer, web_text)
        headline = headline_of(explorer, web)
        screen = await choose(explorer, web)
        assert "filter" not in screen.lines[0]
        assert "The filter is cleared to show the figure" in [
            str(n.message) for n in explorer.app._notifications
        ]
        landed_on(screen, headline)
        # a comparison of countries: the jump goes back to the theme's own table
        rows = theme_screen(explorer.app).view.rows  # type: ignore[arg-type]
        eurostat = next(
            i
            for i, r in enumerate(rows)
            if compare_refusal(explorer.app.dataset, r, "en") is None  # type: ignore[attr-defined]
        )
        for _ in range(eurostat - theme_screen(explorer.app).state.row):  # type: ignore[arg-type]
            await explorer.press("down")
        await explorer.press("g")
        assert theme_screen(explorer.app).state.comparing  # type: ignore[arg-type]
        await explorer.press("n")
        screen = await choose(explorer, option_with(explorer, web_text))
        assert not theme_screen(explorer.app).state.comparing  # type: ignore[arg-type]
        landed_on(screen, headline)


async def test_a_year_without_headlines_says_so() -> None:
    app = make_app(screen="policy", year=2013)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert screen_headlines(app.dataset, theme_screen(app).state) == []
        await press(pilot, "n")
        assert not isinstance(app.screen, HeadlinesScreen)
        assert [str(n.message) for n in app._notifications] == [
            "No headlines for Policy · 2013 · Norway"
        ]


async def test_headlines_and_filter_show_data_text_literally() -> None:
    app = make_app(hostile_dataset(), screen="social_media", year=2020)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "n")
        assert isinstance(app.screen, HeadlinesScreen)
        text = screen_text(app)
        assert f"{MARKUP} rose from 10% in 2019 to 20% in 2020" in text
        await press(pilot, "escape", "f", *"[red")
        await press(pilot, "enter")
        text = screen_text(app)
        assert 'filter "[red"' in text.splitlines()[0]
        assert MARKUP in text


@pytest.mark.parametrize("lang", LANGS)
async def test_the_dialogs_speak_the_screens_language_and_ascii_mode_writes_ascii(
    lang: str,
) -> None:
    app = make_app(screen="ecommerce", year=2012, lang=lang, ascii_mode=True)
    async with app.run_test(size=(80, 24)) as pilot:
        seen = []
        for keys in (["n"], ["down", "down"], ["escape", "f", *"ø"], ["escape", "o"]):
            await press(pilot, *keys)
            seen.append(screen_text(app))
        for text in seen:
            assert foreign(text, lang) == [], text
            assert all(c.isascii() for c in text), text
    assert not ASCII_ONLY.get()
