"""The headlines a screen offers with `n`: its theme and selected year, every breakdown it has.

Plain Python over `tui.core.headlines`, the same sentences `ikt headlines` prints; tests read it
without a terminal, the dialog shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.app.present.table import available_breakdowns
from tui.app.present.text import short_source
from tui.app.state import ViewState
from tui.core.dataset import Dataset
from tui.core.headlines import Headline, headlines
from tui.core.text import literal
from tui.core.words import say


@dataclass(frozen=True)
class HeadlineGroup:
    """The headlines of one breakdown, under its name."""

    breakdown: str
    name: str
    headlines: tuple[Headline, ...]


def screen_headlines(dataset: Dataset, state: ViewState) -> list[HeadlineGroup]:
    """The headlines of the screen's theme, year and country, in its language.

    The screen's own breakdown comes first, then the others with figures (a size gradient
    needs the size classes, the total needs no breakdown): each headline jumps to its figure.
    """
    if state.year is None:
        return []
    available = available_breakdowns(dataset, state.theme, state.geo)
    order = sorted(available, key=lambda b: b != state.breakdown)  # stable: the rest keep order
    groups = []
    for breakdown in order:
        found = headlines(
            dataset,
            state.theme,
            state.lang,
            year=state.year,
            breakdown=breakdown,
            geos=(state.geo,),
        )
        if found:
            name = literal(dataset.labels.get("breakdown", breakdown, state.lang))
            groups.append(HeadlineGroup(breakdown, name, tuple(found)))
    return groups


def sources_text(dataset: Dataset, headline: Headline, lang: str) -> str:
    """'Sources: SSB 2013-10-01 (ssb-release-2013), ...': each source the headline's figures
    cite, once, by publisher, release and id (`s` on the figure gives the whole source)."""
    cited = [
        f"{short_source(dataset, sid)} ({literal(sid)})" if sid in dataset.sources else literal(sid)
        for sid in headline.source_ids
    ]
    word = "source" if len(cited) == 1 else "sources"
    return f"{say(word, lang)}: {', '.join(cited)}"
