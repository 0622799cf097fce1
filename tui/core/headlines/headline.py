"""What a headline is: one sentence, the figures it cites, and the figure a screen selects."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.model import Figure

KINDS = ("moved_most", "change", "ranking", "size_gradient", "industry_ranking", "countries")
"""The kinds of headline, in the order a year's headlines are listed."""


@dataclass(frozen=True)
class Headline:
    """A sentence whose every number is a figure in `figures`, a year, or a difference of two."""

    theme: str
    kind: str
    year: int  # the reference year the headline is about
    text: str
    figures: tuple[Figure, ...]
    focus: Figure  # the figure the headline is chiefly about: a screen jumps to it

    @property
    def source_ids(self) -> tuple[str, ...]:
        """The primary source of each cited figure, each once, in the order they are cited."""
        return tuple(dict.fromkeys(figure.source_id for figure in self.figures))
