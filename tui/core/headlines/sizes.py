"""The size gradient: how one indicator runs across size classes that do not overlap."""

from __future__ import annotations

from itertools import pairwise

from tui.core.headlines.context import Question
from tui.core.headlines.headline import Headline
from tui.core.headlines.rules import alike, amount
from tui.core.model import Figure


def size_range(group: str) -> tuple[int, float] | None:
    """'10-49' -> (10, 49), '250+' -> (250, inf); anything else is not a size class."""
    low, dash, high = group.partition("-")
    if dash and low.isdigit() and high.isdigit():
        return int(low), float(high)
    if group.endswith("+") and group[:-1].isdigit():
        return int(group[:-1]), float("inf")
    return None


def ladder(groups: list[str]) -> list[str]:
    """Size classes that follow one another without overlap, smallest first.

    10-49, 50-249 and 250+ form a ladder; 10-249 (SMEs) and 100+ overlap it and stay out, so
    no enterprise is counted twice on the way up.
    """
    classes = sorted((r, g) for g in groups if (r := size_range(g)) is not None)
    steps: list[str] = []
    top = -1.0
    for (low, high), group in classes:
        if low > top:
            steps.append(group)
            top = high
    return steps


def size_gradient(question: Question, indicator: str) -> list[Headline]:
    """'X in 2019 rises with the size of the enterprise: 24.7 % (10-49 employed), ...'."""
    groups = ladder(question.dataset.groups(indicator, "size", question.geo))
    figures = [question.figure(indicator, group) for group in groups]
    parts = alike(figures)
    if len(groups) < 2 or len(parts) != 1 or len(parts[0]) != len(groups):
        return []  # a class without a value, or of another series or base, breaks the gradient
    climb = parts[0]
    return [question.headline("size_gradient", _sentence(question, climb), climb, climb[-1])]


def _sentence(question: Question, climb: list[Figure]) -> str:
    words = question.words
    values = [amount(f) for f in climb]
    pairs = list(pairwise(values))
    if all(a < b for a, b in pairs):
        key = "hl_rises_with_size"
    elif all(a > b for a, b in pairs):
        key = "hl_falls_with_size"
    else:
        key = "hl_by_size"
    items = [f"{words.value(f)} ({words.name('group', f.group)})" for f in climb]
    return words.sentence(
        key,
        subject=words.subject(climb[0], with_group=False),
        year=question.year,
        items=words.listing(items),
    )
