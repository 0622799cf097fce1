"""Who published a figure and which population it counts, worded per figure from the catalogue.

A size-class or industry figure counts only that group's enterprises, and a Eurostat figure of
another country comes from that country's survey: the base and publisher of the total, or of
Norway, would be wrong for them.
"""

from __future__ import annotations

from tui.core.dataset import Dataset, is_eurostat
from tui.core.model import Figure
from tui.core.numbers import format_value
from tui.core.text import literal
from tui.core.words import say

GROUP_SLOT = "{group}"


def population_text(dataset: Dataset, figure: Figure, lang: str) -> str:
    """The base population of this figure's own group: 'Enterprises, 100+ employed'."""
    labels = dataset.labels
    base = labels.get("base", figure.base, lang)
    if figure.group == "total":
        return base
    group = labels.get("group", figure.group, lang)
    pattern_id = f"{figure.base}:{figure.breakdown}"
    if labels.has("population", pattern_id):
        return labels.get("population", pattern_id, lang).replace(GROUP_SLOT, group)
    return f"{base}; {group}"


def publisher_text(dataset: Dataset, figure: Figure, lang: str) -> str:
    """The source's publisher; for Eurostat also the country's data provider when it is known.

    'Eurostat (data provider for NO: SSB)' for Norway; plain 'Eurostat' for a country whose
    provider the catalogue does not name (labels.csv, kind provider).
    """
    publisher = dataset.sources[figure.source_id].publisher
    if is_eurostat(dataset, figure) and dataset.labels.has("provider", figure.geo):
        provider = dataset.labels.get("provider", figure.geo, lang)
        return f"{publisher} ({say('data_provider_for', lang)} {figure.geo}: {provider})"
    return publisher


def revision_text(dataset: Dataset, figure: Figure, lang: str) -> str:
    """'revised: 23 → 22 (SSB API, fetched 2026-12-01)' when SSB's API revised it, else ''.

    Said the same under the snapshot's figure and under the fetched one: both are kept.
    """
    change = dataset.revision_of(figure)
    if change is None or change.before is None:
        return ""
    return say("revision", lang).format(
        old=format_value(change.before, lang, with_unit=False),
        new=format_value(change.fetched, lang, with_unit=False),
        series=literal(dataset.labels.get("series", change.fetched.series, lang)),
        day=change.fetched_on,
    )
