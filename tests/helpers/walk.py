"""The oracle's walk over a screen: every year leftwards and rightwards, a few rows down.

The keys are the ones a person uses (DESIGN.md: End last year, left/right years, down
categories); the years do not wrap at the ends, so n-1 presses cross all n years.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.helpers.published import THEMES, breakdowns_of, theme_figures

SIZES = [(80, 24), (100, 30), (140, 40), (200, 60)]
DOWNS = 3


def walk_keys(year_count: int) -> list[str]:
    """To the last year, left to the first, a few rows down, right to the last, down again."""
    across = year_count - 1
    return ["end"] + ["left"] * across + ["down"] * DOWNS + ["right"] * across + ["down"] * DOWNS


def screens() -> list[tuple[str, str]]:
    """Every theme x breakdown the data has for Norway."""
    return [(theme, by) for theme in THEMES for by in breakdowns_of(theme)]


def year_count(theme: str, breakdown: str) -> int:
    return len(theme_figures(theme, breakdown).years)


@dataclass
class Findings:
    """Problems found on a walk, each once, with the first key sequence that showed it."""

    where: str
    first_seen: dict[str, str] = field(default_factory=dict)
    screens: int = 0

    def add(self, step: str, problems: list[str]) -> None:
        self.screens += 1
        for problem in problems:
            self.first_seen.setdefault(problem, step)

    def report(self, limit: int = 40) -> str:
        lines = [f"{self.where}: {len(self.first_seen)} problems on {self.screens} screens"]
        for problem, step in list(self.first_seen.items())[:limit]:
            lines.append(f"  [{step}] {problem}")
        if len(self.first_seen) > limit:
            lines.append(f"  ... and {len(self.first_seen) - limit} more")
        return "\n".join(lines)


def step_name(index: int, key: str) -> str:
    return "start" if index < 0 else f"key {index + 1} {key}"
