"""What the marks in a table cell mean (`*`, flags, missing symbols), for the help and the legend."""

from __future__ import annotations

from tui.core.dataset import Dataset
from tui.core.table import OTHER_KEY_MARK
from tui.core.text import literal
from tui.core.words import say

MARKS = ("*", "b", "u", ">", "..", ":", ".")
"""The marks a cell can carry, in the order they are explained."""


def mark_meaning(dataset: Dataset, mark: str, lang: str) -> str:
    """One mark's meaning: a flag's or symbol's name from the data's labels, else the word for it."""
    if mark == OTHER_KEY_MARK.strip():
        return say("other_key", lang).removeprefix(f"{mark} ")
    if mark == ">" and not dataset.labels.has("status", mark):
        return say("mark_lower_bound", lang)
    return literal(dataset.labels.get("status", mark, lang))


def mark_meanings(
    dataset: Dataset, lang: str, marks: tuple[str, ...] = MARKS
) -> list[tuple[str, str]]:
    """(mark, meaning) for each of `marks`."""
    return [(mark, mark_meaning(dataset, mark, lang)) for mark in marks]
