"""Norway against its neighbours and the EU, on an indicator Eurostat defines alike everywhere."""

from __future__ import annotations

from decimal import Decimal

from tui.core.dataset import is_eurostat, is_eurostat_indicator
from tui.core.headlines.context import Question
from tui.core.headlines.headline import Headline
from tui.core.headlines.rules import amount
from tui.core.model import Figure
from tui.core.values import usable

EU_AGGREGATES = ("EU27_2020", "EU28")
"""The EU as a whole, newest composition first: compared with, never ranked among countries."""


def country_comparison(question: Question, indicator: str, group: str) -> list[Headline]:
    """'X in 2012: Norway 25 %, the highest among the countries compared (...); above the EU'."""
    dataset = question.dataset
    if not is_eurostat_indicator(dataset, indicator):
        return []  # SSB's own figures cover Norway only: nothing to set them against
    home = question.figure(indicator, group)
    if home is None or not usable(home) or not is_eurostat(dataset, home):
        return []
    wanted = question.others or tuple(dataset.geos(indicator))
    alongside = [
        f
        for geo in wanted
        if geo != home.geo
        and (f := question.figure(indicator, group, geo)) is not None
        and usable(f)
        and is_eurostat(dataset, f)
        and f.comparable_key == home.comparable_key
    ]
    countries = [f for f in alongside if f.geo not in EU_AGGREGATES]
    union = next((f for eu in EU_AGGREGATES for f in alongside if f.geo == eu), None)
    if not countries and union is None:
        return []
    text = _sentence(question, home, countries, union)
    cited = [home, *countries, *([union] if union is not None else [])]
    return [question.headline("countries", text, cited, home)]


def _sentence(
    question: Question, home: Figure, countries: list[Figure], union: Figure | None
) -> str:
    words = question.words
    aggregate = ""
    if union is not None:
        key = _against(amount(home), amount(union))
        aggregate = words.sentence(
            key, aggregate=words.name("geo", union.geo), value=words.value(union)
        )
    fields = {
        "subject": words.name("indicator", home.indicator)
        + (f", {words.name('group', home.group)}" if home.group != "total" else ""),
        "year": question.year,
        "geo": words.name("geo", home.geo),
        "value": words.value(home),
        "aggregate": aggregate,
    }
    if not countries:
        return words.sentence("hl_aggregate_only", **fields)
    others = [f"{words.name('geo', f.geo)} {words.value(f)}" for f in countries]
    return words.sentence(
        "hl_countries",
        position=words.sentence(_position(home, countries)),
        others=", ".join(others),
        **fields,
    )


def _position(home: Figure, countries: list[Figure]) -> str:
    """Where the country stands among the others: highest, lowest, shared, or in between."""
    value = amount(home)
    others = [amount(f) for f in countries]
    if value > max(others):
        return "hl_highest"
    if value < min(others):
        return "hl_lowest"
    if value == max(others):
        return "hl_shared_highest"
    if value == min(others):
        return "hl_shared_lowest"
    return "hl_in_between"


def _against(value: Decimal, union: Decimal) -> str:
    if value == union:
        return "hl_level"
    return "hl_above" if value > union else "hl_below"
