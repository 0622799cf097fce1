"""The screen oracle under Pilot: every number on screen is whole and true, on every screen.

For each theme x breakdown x terminal size the real explorer is started and walked across
every year both ways and a few rows down; after each key the screen's text is read and judged
against data/figures.csv (tests/helpers/screen_checks.py): every year header whole, every cell
the exact published figure or its symbol, no two row labels alike, and the selected row's full
label somewhere on screen.
"""

from __future__ import annotations

import pytest

from tests.helpers.published import theme_figures
from tests.helpers.screen_checks import check_screen
from tests.helpers.screen_oracle import open_explorer
from tests.helpers.walk import SIZES, Findings, screens, step_name, walk_keys, year_count

CASES = [(theme, by, size) for theme, by in screens() for size in SIZES]


@pytest.mark.parametrize(
    ("theme", "breakdown", "size"), CASES, ids=[f"{t}-{b}-{w}x{h}" for t, b, (w, h) in CASES]
)
async def test_every_screen_shows_whole_true_figures(
    theme: str, breakdown: str, size: tuple[int, int]
) -> None:
    figures = theme_figures(theme, breakdown)
    findings = Findings(f"{theme} --by {breakdown} at {size[0]}x{size[1]}")
    async with open_explorer(theme, breakdown, size) as explorer:
        screen = explorer.read()
        findings.add(step_name(-1, ""), check_screen(screen.lines, figures, screen.style_at))
        for index, key in enumerate(walk_keys(year_count(theme, breakdown))):
            screen = await explorer.press(key)
            problems = check_screen(screen.lines, figures, screen.style_at)
            findings.add(step_name(index, key), problems)
    assert not findings.first_seen, findings.report()


def test_the_oracle_walks_every_screen_the_data_has() -> None:
    """The walk covers all three themes and each breakdown a theme has figures for."""
    walked = screens()
    assert {theme for theme, _by in walked} == {"social_media", "policy", "ecommerce"}
    assert ("policy", "industry") not in walked
    assert ("ecommerce", "industry") in walked
    assert all(year_count(t, b) >= 2 for t, b in walked)


CUT_SCREEN = [
    " E-commerce · 2015 · Total · Norway · embedded snapshot",
    " Category                                  2009    2010    2011",
    " Carried out e-commerce (sales or purcha…           72%     62%",
    " E-commerce sales (Eurostat)              3.92%  30.55%  34.05%",
    " E-commerce sales of at least 1% of turn… 7.76%  36.26%  37.58%",
    "",
]


def test_the_oracle_sees_a_number_cut_under_the_label_column() -> None:
    problems = check_screen(CUT_SCREEN, theme_figures("ecommerce", "total"))
    assert "row 'E-commerce sales (Eurostat)', 2009: shows '3.92%', the figure is 33.92" in problems
    assert any("'7.76%' starts at the column's edge" in p for p in problems)


def test_the_oracle_sees_cut_headers_and_alike_labels() -> None:
    screen = [
        " Category                          009    2015    2019",
        " ICT security policy last review…  33%  29.31%  29.19%",
        " ICT security policy last review…        7.89%   6.82%",
        "",
    ]
    problems = check_screen(screen, theme_figures("policy", "total"))
    assert "year header '009' is not a whole year of the theme" in problems
    assert any("ambiguous" in p for p in problems)
    assert any("reads the same as the row above" in p for p in problems)


def test_the_oracle_accepts_whole_figures_under_indicator_headings() -> None:
    """The target layout: the indicator is a heading, its groups the rows beneath it."""
    screen = [
        " Category                          2019    2020",
        " E-commerce sales (Eurostat)",
        "   10-49 employed                 19.9%   24.6%",
        "   50-249 employed                31.1%   32.3%",
        " Web sales (Eurostat)",
        "   10-49 employed                16.79%  21.79%",
        "",
    ]
    assert check_screen(screen, theme_figures("ecommerce", "size")) == []
    wrong = [line.replace("31.1%", "1.1%") for line in screen]
    assert check_screen(wrong, theme_figures("ecommerce", "size")) == [
        "row '50-249 employed', 2019: shows '1.1%', the figure is 31.1"
    ]
