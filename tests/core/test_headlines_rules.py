"""The rules of a headline, checked on every headline the embedded data yields.

Every theme, breakdown, country and language, every year: each number in a sentence is a cited
figure exactly as published, a year of one, or the difference of two; cited figures are of one
series, base and unit; no missing figure or lower bound is ever a number.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations

import pytest

from tui.core.dataset import Dataset, is_eurostat, load_dataset
from tui.core.headlines import KINDS, Headline, headlines
from tui.core.headlines.rules import amount
from tui.core.model import BREAKDOWNS, LANGS, Figure
from tui.core.numbers import format_number, format_value
from tui.core.records import decimal_text
from tui.core.text import literal

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
INFERENCE = re.compile(r"\b(because|due to|caused|since|fordi|skyldes|på grunn av|derfor)\b", re.I)
ENGLISH = re.compile(
    r"\b(rose|fell|from|was|both|most|common|then|moved|among|countries|compared|above|below|"
    r"level|percentage|points?|highest|lowest|rises|falls|size|equally|the|and|in)\b",
    re.I,
)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def every_question(dataset: Dataset) -> list[tuple[str, str, str, str]]:
    return [
        (theme, breakdown, geo, lang)
        for theme in dataset.themes()
        for breakdown in BREAKDOWNS
        for geo in dataset.geos()
        for lang in LANGS
    ]


@pytest.fixture(scope="module")
def every_headline(dataset: Dataset) -> list[tuple[str, Headline]]:
    """(language, headline) for every theme, breakdown, country and language, every year."""
    found = []
    for theme, breakdown, geo, lang in every_question(dataset):
        for headline in headlines(dataset, theme, lang, breakdown=breakdown, geos=[geo]):
            found.append((lang, headline))
    return found


def names_in(dataset: Dataset, headline: Headline, lang: str) -> list[str]:
    """Labels a sentence may name, longest first: digits in a name ('10-49') are not numbers."""
    names = {
        literal(dataset.labels.get(kind, ident, lang))
        for f in headline.figures
        for kind, ident in (
            ("indicator", f.indicator),
            ("group", f.group),
            ("geo", f.geo),
            ("base", f.base),
        )
    }
    return sorted(names, key=len, reverse=True)


def without_names(dataset: Dataset, headline: Headline, lang: str) -> str:
    text = headline.text
    for name in names_in(dataset, headline, lang):
        text = text.replace(name, " ")
    return text


def allowed_numbers(headline: Headline, lang: str) -> set[str]:
    """A cited value as published, a cited year, or the difference of two cited values."""
    values = {format_number(f.value_text, lang) for f in headline.figures}
    years = {str(f.ref_year) for f in headline.figures}
    differences = {
        format_number(decimal_text(abs(a.exact - b.exact)), lang)
        for a, b in combinations(headline.figures, 2)
        if a.exact is not None and b.exact is not None  # a missing figure has no difference
    }
    return values | years | differences


def broken_rules(dataset: Dataset, headline: Headline, lang: str) -> list[str]:
    """What is wrong with a headline, by the rules; empty when it keeps them all."""
    wrong = []
    text = without_names(dataset, headline, lang)
    allowed = allowed_numbers(headline, lang)
    wrong += [f"number {n} not cited" for n in NUMBER.findall(text) if n not in allowed]
    wrong += [
        f"value {format_value(f, lang)} not shown as published"
        for f in headline.figures
        if format_value(f, lang) not in headline.text
    ]
    wrong += [f"{f.indicator} {f.ref_year} missing" for f in headline.figures if f.missing]
    wrong += [
        f"{f.indicator} {f.ref_year} a lower bound" for f in headline.figures if ">" in f.status
    ]
    if len({f.comparable_key for f in headline.figures}) != 1:
        wrong.append("figures of different series, base or unit")
    if INFERENCE.search(headline.text):
        wrong.append("an inference beyond the figures")
    if lang == "nb":
        wrong += [f"decimal point in {n}" for n in NUMBER.findall(text) if "." in n]
        wrong += [f"English word {w!r}" for w in ENGLISH.findall(text)]
    else:
        wrong += [f"decimal comma in {n}" for n in NUMBER.findall(text) if "," in n]
    return wrong


def test_the_data_yields_headlines_of_every_kind(
    every_headline: list[tuple[str, Headline]],
) -> None:
    assert {h.kind for _lang, h in every_headline} == set(KINDS)
    assert len(every_headline) > 500


def test_every_headline_keeps_the_rules(
    dataset: Dataset, every_headline: list[tuple[str, Headline]]
) -> None:
    broken = {
        h.text: problems
        for lang, h in every_headline
        if (problems := broken_rules(dataset, h, lang))
    }
    assert broken == {}


def test_the_check_can_fail(dataset: Dataset) -> None:
    """A made-up number, a rounded value, a missing figure, mixed bases: each is caught."""
    good = headlines(dataset, "ecommerce", "en", year=2012)[0]
    assert broken_rules(dataset, good, "en") == []
    invented = replace(good, text=good.text.replace("35%", "36%"))
    assert any("36" in problem for problem in broken_rules(dataset, invented, "en"))
    rounded = headlines(dataset, "policy", "en", year=2024)
    rounded_one = next(h for h in rounded if "31.52%" in h.text)
    assert broken_rules(
        dataset, replace(rounded_one, text=rounded_one.text.replace("31.52", "31.5")), "en"
    )
    missing = next(f for f in dataset.figures if f.missing)
    assert broken_rules(dataset, replace(good, figures=(*good.figures, missing)), "en")
    other_base = next(f for f in dataset.figures if f.base == "ssb_sm_users")
    assert broken_rules(dataset, replace(good, figures=(*good.figures, other_base)), "en")
    assert broken_rules(dataset, replace(good, text=good.text + " because of EDI."), "en")
    nb = headlines(dataset, "ecommerce", "nb", year=2012)[0]
    assert broken_rules(dataset, nb, "nb") == []
    assert broken_rules(dataset, replace(nb, text=nb.text + " Sales rose."), "nb")


def test_changes_are_between_comparable_years(
    dataset: Dataset, every_headline: list[tuple[str, Headline]]
) -> None:
    for lang, h in every_headline:
        if h.kind == "change":
            old, new = h.figures
            assert (old.indicator, old.group, old.geo) == (new.indicator, new.group, new.geo)
            assert dataset.change(new).previous == old and old.ref_year < new.ref_year == h.year
            assert "b" not in new.status  # no change across a break in series
            if lang == "en":
                change = amount(new) - amount(old)
                verb = "rose" if change > 0 else "fell" if change < 0 else "was"
                assert f" {verb} " in h.text, h.text
        if h.kind == "moved_most":
            pairs = list(zip(h.figures[::2], h.figures[1::2], strict=True))
            assert len(pairs) >= 2
            assert len({old.ref_year for old, _new in pairs}) == 1
            for old, new in pairs:
                assert old.indicator == new.indicator and new.ref_year == h.year
                assert dataset.change(new).previous == old
            sizes = [abs(amount(new) - amount(old)) for old, new in pairs]
            assert sizes == sorted(sizes, reverse=True)


def test_figures_of_one_year_are_of_that_year(every_headline: list[tuple[str, Headline]]) -> None:
    for _lang, h in every_headline:
        assert h.focus in h.figures and h.focus.ref_year == h.year
        if h.kind in ("ranking", "size_gradient", "industry_ranking", "countries"):
            assert {f.ref_year for f in h.figures} == {h.year}
            values = [amount(f) for f in h.figures]
            if h.kind != "size_gradient" and h.kind != "countries":
                assert values == sorted(values, reverse=True)


def test_countries_are_compared_on_eurostat_figures_only(
    dataset: Dataset, every_headline: list[tuple[str, Headline]]
) -> None:
    compared = [h for _lang, h in every_headline if h.kind == "countries"]
    assert compared
    for h in compared:
        assert all(is_eurostat(dataset, f) for f in h.figures)
        assert len({(f.indicator, f.group) for f in h.figures}) == 1
        assert len({f.geo for f in h.figures}) == len(h.figures) >= 2


def test_one_year_is_that_year_of_every_year(dataset: Dataset) -> None:
    """Asking for a year gives exactly that year's part of the whole answer."""
    for theme in dataset.themes():
        for breakdown in BREAKDOWNS:
            whole = headlines(dataset, theme, "en", breakdown=breakdown)
            for year in dataset.years(theme=theme):
                one = headlines(dataset, theme, "en", year=year, breakdown=breakdown)
                assert one == [h for h in whole if h.year == year]


def test_every_cited_figure_is_the_published_one(
    dataset: Dataset, every_headline: list[tuple[str, Headline]]
) -> None:
    published: set[Figure] = set(dataset.figures)
    for _lang, h in every_headline:
        assert set(h.figures) <= published
        assert h.source_ids == tuple(dict.fromkeys(f.source_id for f in h.figures))
