"""Which screen a fetched measure belongs on, by whole words only, or on none when unsure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.ssb_tables import Registry

# Words and phrases (bokmål, nynorsk, English) that put a measure on a screen. Matched as whole
# words after splitting on everything that is not a letter, so "e-handel" is the phrase "e handel"
# and "edi" never matches inside "kreditt". In this order: a policy for social media is policy.
THEME_WORDS: dict[str, tuple[str, ...]] = {
    "policy": (
        "policy",
        "politikk",
        "retningslinjer",
        "retningsliner",
        "guidelines",
        "sikkerhet",
        "sikkerheit",
        "tryggleik",
        "security",
        "sikkerhetstiltak",
        "tryggleikstiltak",
        "personvern",
        "privacy",
    ),
    "social_media": (
        "sosiale medier",
        "sosiale medium",
        "sosiale media",
        "social media",
        "sosiale nettverk",
        "social network",
        "social networks",
        "nettsamfunn",
        "blogg",
        "blogger",
        "bloggar",
        "mikroblogg",
        "mikroblogger",
        "mikrobloggar",
        "blog",
        "blogs",
        "microblog",
        "microblogs",
        "wiki",
        "wikier",
        "wikiar",
        "wikis",
        "multimedia",
        "multimedieinnhold",
        "multimedieinnhald",
    ),
    "ecommerce": (
        "e-handel",
        "e-handelssalg",
        "e-handelssal",
        "netthandel",
        "elektronisk handel",
        "e-commerce",
        "ecommerce",
        "electronic commerce",
        "edi",
        "nettsalg",
        "nettsal",
        "web sales",
        "salg",
        "sal",
        "sales",
        "bestillinger",
        "bestillingar",
        "order",
        "orders",
        "omsetning",
        "omsetninga",
        "turnover",
        "innkjøp",
        "kjøp",
        "purchases",
    ),
}


def words(text: str) -> tuple[str, ...]:
    """The text's words, casefolded: runs of letters, split at anything else."""
    return tuple(re.findall(r"[^\W\d_]+", text.casefold()))


_PHRASES = {theme: tuple(words(p) for p in found) for theme, found in THEME_WORDS.items()}


def themes_in(text: str) -> list[str]:
    """Every screen whose words occur in the text as whole words, in THEME_WORDS order."""
    found = words(text)
    return [
        theme
        for theme, phrases in _PHRASES.items()
        if any(
            found[i : i + len(phrase)] == phrase
            for phrase in phrases
            for i in range(len(found) - len(phrase) + 1)
        )
    ]


def theme_for(label: str, title: str) -> str | None:
    """The screen a measure's own words name, else its table title's, else None."""
    for text in (label, title):
        themes = themes_in(text)
        if themes:
            return themes[0]
    return None


@dataclass(frozen=True)
class Placement:
    """Where a measure goes and why; `theme` None means not placed (shown as such, never guessed)."""

    theme: str | None
    reason: str  # measure | table | words | none
    indicator: str = ""  # the embedded indicator a known measure is


NOT_PLACED = "not_placed_"  # a table's own screen for the measures no screen fits: + its id


def not_placed_theme(table_id: str) -> str:
    """The screen of a table's own, for its measures that fit none of the three."""
    return NOT_PLACED + table_id


def place_measure(
    registry: Registry, table_id: str, title: str, code: str, labels: Sequence[str]
) -> Placement:
    """A known measure's screen; else its known table's; else its words'; else not placed.

    The registry's screen for a table stands unless the answer's own title names other screens
    only: then the answer is not the table the registry describes, and its words decide.
    """
    known = registry.measure(table_id, code, labels)
    if known is not None:
        return Placement(known.theme, "measure", known.indicator)
    table = registry.tables.get(table_id)
    if table is not None and table.theme:
        in_title = themes_in(title)
        if not in_title or table.theme in in_title:
            return Placement(table.theme, "table")
    for text in (*labels, title):
        themes = themes_in(text)
        if themes:
            return Placement(themes[0], "words")
    return Placement(None, "none")
