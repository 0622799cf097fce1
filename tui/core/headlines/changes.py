"""Headlines on change: one indicator between its two latest comparable years, and who moved most."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tui.core.headlines.context import Question
from tui.core.headlines.headline import Headline
from tui.core.model import Figure

MOVED_MOST = 3  # how many changes a "moved most" headline names
DIRECTION_WORDS = {1: "hl_rose", 0: "hl_unchanged", -1: "hl_fell"}


@dataclass(frozen=True)
class Step:
    """A comparable change, as `Dataset.change` allows it: from `old` to `new` by `change`."""

    old: Figure
    new: Figure
    change: Decimal


def steps(question: Question, group: str) -> list[Step]:
    """Every indicator's change into the question's year, where the two figures are comparable."""
    found = []
    for indicator in question.indicators():
        figure = question.figure(indicator, group)
        if figure is None:
            continue
        change = question.dataset.change(figure)
        if change.difference is not None and change.previous is not None:
            found.append(Step(change.previous, figure, change.difference))
    return found


def change_headline(question: Question, step: Step) -> Headline:
    """'Sales via own website fell from 35% in 2011 to 25% in 2012, 10 percentage points.'"""
    words = question.words
    direction = (step.change > 0) - (step.change < 0)
    text = words.sentence(
        DIRECTION_WORDS[direction],
        subject=words.subject(step.new),
        old=words.value(step.old),
        old_year=step.old.ref_year,
        new=words.value(step.new),
        new_year=step.new.ref_year,
        difference=words.difference(step.change, step.new.unit),
    )
    return question.headline("change", text, [step.old, step.new], step.new)


def moved_most(question: Question, found: list[Step]) -> list[Headline]:
    """The largest changes among those that can be set side by side.

    Only changes of one series, base and unit from the same earlier year are ranked together:
    a two-year change is not set against a one-year change, nor points of one base against
    points of another.
    """
    parts: dict[tuple[tuple[str, str, str], int], list[Step]] = {}
    for step in found:
        parts.setdefault((step.new.comparable_key, step.old.ref_year), []).append(step)
    out = []
    words = question.words
    for part in parts.values():
        if len(part) < 2:
            continue
        largest = sorted(part, key=lambda s: abs(s.change), reverse=True)[:MOVED_MOST]
        items = [
            words.sentence(
                "hl_moved_item",
                subject=words.subject(s.new),
                points=words.signed(s.change, s.new.unit),
                old=words.value(s.old),
                new=words.value(s.new),
            )
            for s in largest
        ]
        text = words.sentence(
            "hl_moved_most",
            old_year=largest[0].old.ref_year,
            new_year=question.year,
            items=words.listing(items),
        )
        cited = [f for s in largest for f in (s.old, s.new)]
        out.append(question.headline("moved_most", text, cited, largest[0].new))
    return out
