"""The question a set of headlines answers: which theme, year, breakdown and countries."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.dataset import Dataset
from tui.core.headlines.headline import Headline
from tui.core.headlines.wording import Wording
from tui.core.model import Figure


@dataclass(frozen=True)
class Question:
    """One theme in one year for one country (`geo`), in one breakdown and language."""

    dataset: Dataset
    theme: str
    year: int
    breakdown: str
    geo: str
    others: tuple[str, ...]  # countries to compare with; empty: every country with figures
    words: Wording

    def indicators(self) -> list[str]:
        return self.dataset.theme_indicators(self.theme)

    def figure(self, indicator: str, group: str, geo: str | None = None) -> Figure | None:
        return self.dataset.figure(indicator, self.year, group, geo or self.geo)

    def headline(self, kind: str, text: str, figures: list[Figure], focus: Figure) -> Headline:
        return Headline(self.theme, kind, self.year, text, tuple(figures), focus)
