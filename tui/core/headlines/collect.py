"""Every headline a theme's figures yield for a year (or each year), in one order."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.dataset import Dataset, group_order
from tui.core.headlines.changes import change_headline, moved_most, steps
from tui.core.headlines.context import Question
from tui.core.headlines.countries import country_comparison
from tui.core.headlines.headline import KINDS, Headline
from tui.core.headlines.rankings import family_rankings, industry_rankings
from tui.core.headlines.sizes import size_gradient
from tui.core.headlines.wording import HOME_GEO, Wording


def headlines(
    dataset: Dataset,
    theme: str,
    lang: str,
    *,
    year: int | None = None,
    breakdown: str = "total",
    geos: Sequence[str] = (HOME_GEO,),
) -> list[Headline]:
    """The headlines of `theme` for `geos[0]` in `year` (or every year, newest first).

    `geos[1:]` are the countries to compare with; without them, every country with figures.
    The headlines of a year are listed kind by kind (`KINDS`), each kind in the table's order.
    """
    geo, others = geos[0], tuple(geos[1:])
    years = (
        [year]
        if year is not None
        else sorted(dataset.years(theme=theme, breakdown=breakdown, geo=geo), reverse=True)
    )
    words = Wording(dataset.labels, lang)
    found: list[Headline] = []
    for each in years:
        question = Question(dataset, theme, each, breakdown, geo, others, words)
        found += sorted(_of_year(question), key=lambda h: KINDS.index(h.kind))
    return found


def _of_year(question: Question) -> list[Headline]:
    out: list[Headline] = []
    indicators = question.indicators()
    groups = group_order(
        g
        for indicator in indicators
        for g in question.dataset.groups(indicator, question.breakdown, question.geo)
    )
    for group in groups:
        found = steps(question, group)
        out += [change_headline(question, step) for step in found]
        out += moved_most(question, found)
        out += family_rankings(question, group)
        for indicator in indicators:
            out += country_comparison(question, indicator, group)
    for indicator in indicators:
        if question.breakdown == "size":
            out += size_gradient(question, indicator)
        if question.breakdown == "industry":
            out += industry_rankings(question, indicator)
    return out
