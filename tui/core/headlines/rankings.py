"""Headlines that order one year's figures: a question's categories, and an indicator's industries."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.headlines.context import Question
from tui.core.headlines.headline import Headline
from tui.core.headlines.rules import alike, ranked
from tui.core.headlines.wording import HOME_GEO
from tui.core.model import Figure

FAMILIES = ("sm_type_", "sm_purpose_", "eu_e_secprev_")
"""Indicator ids that begin alike are the categories of one survey question (types of social
media, purposes of use, when the security policy was last reviewed): ranked against each other."""

Namer = Callable[[Question, Figure], str]


def family_of(indicator: str) -> str | None:
    return next((family for family in FAMILIES if indicator.startswith(family)), None)


def family_rankings(question: Question, group: str) -> list[Headline]:
    """'Most common in 2013: marketing (31 %), then recruitment (24 %) and ...', per family."""
    out = []
    for family in FAMILIES:
        members = [i for i in question.indicators() if family_of(i) == family]
        figures = [question.figure(i, group) for i in members]
        for part in alike(figures):
            if len(part) < 2:
                continue
            words = question.words
            where = [words.name("group", group)] if group != "total" else []
            if question.geo != HOME_GEO:
                where.append(words.name("geo", question.geo))
            if _bases_differ(question, members, group):
                where.append(words.sentence("hl_base", base=words.name("base", part[0].base)))
            year = f"{question.year} ({'; '.join(where)})" if where else str(question.year)
            out.append(_ranking(question, part, "ranking", year, _indicator_name))
    return out


def industry_rankings(question: Question, indicator: str) -> list[Headline]:
    """'X in 2019, by industry: highest in retail (92 %), then ...'; lower bounds stay out."""
    groups = question.dataset.groups(indicator, "industry", question.geo)
    figures = [question.figure(indicator, group) for group in groups]
    return [
        _ranking(question, part, "industry_ranking", str(question.year), _group_name)
        for part in alike(figures)
        if len(part) >= 2
    ]


def _ranking(
    question: Question, figures: list[Figure], kind: str, year: str, name: Namer
) -> Headline:
    """The figures largest first; equal values share one place ('A and B (18 %)')."""
    words = question.words
    places = ranked(figures)
    items = [words.item([name(question, f) for f in place], place[0]) for place in places]
    industry = kind == "industry_ranking"
    subject = words.subject(figures[0], with_group=False)
    if len(items) == 1:
        key = "hl_industry_tied" if industry else "hl_ranking_tied"
        text = words.sentence(key, subject=subject, year=year, first=items[0])
    else:
        key = "hl_industry_ranking" if industry else "hl_ranking"
        text = words.sentence(
            key, subject=subject, year=year, first=items[0], rest=words.listing(items[1:])
        )
    cited = [f for place in places for f in place]
    return question.headline(kind, text, cited, cited[0])


def _indicator_name(question: Question, figure: Figure) -> str:
    return question.words.name("indicator", figure.indicator)


def _group_name(question: Question, figure: Figure) -> str:
    return question.words.name("group", figure.group)


def _bases_differ(question: Question, members: list[str], group: str) -> bool:
    """Whether a family has figures of more than one base in some year: then the base is named."""
    bases = {
        f.base
        for indicator in members
        for f in question.dataset.series(indicator, group, question.geo)
        if not f.missing
    }
    return len(bases) > 1
