"""One fetched figure per place when two Eurostat datasets give the same measure.

isoc_ec_esels and isoc_ec_eseln2 both give E_AESELL for all enterprises with 10+ employed, and
isoc_ec_evals and tin00110 the e-commerce share of turnover: the catalogue puts both under one
indicator, so one figure shows and the other is cited beside it, as the snapshot's build does.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.model import Figure
from tui.core.revisions import FigureKey, figure_key


def cite(first: Figure, repeat: Figure) -> Figure:
    """The first figure, citing the repeat as agreeing or, with another value, disagreeing."""
    if first.source_id == repeat.source_id or first.missing or repeat.missing:
        return first
    if first.exact == repeat.exact:
        return first._replace(corroborating=(*first.corroborating, repeat.source_id))
    return first._replace(disagreeing=(*first.disagreeing, (repeat.source_id, repeat.value_text)))


def without_repeats(answers: Sequence[Sequence[Figure]]) -> list[list[Figure]]:
    """Each answer's figures, a place another answer gave first left to that one.

    The answers come in the registry's order of datasets; the first with a value at a place is
    the one shown (a first without a value gives way to a later one with a value).
    """
    kept: list[list[Figure]] = [[] for _ in answers]
    where: dict[FigureKey, tuple[int, int]] = {}
    for at, figures in enumerate(answers):
        for figure in figures:
            key = figure_key(figure)
            seen = where.get(key)
            if seen is None:
                where[key] = (at, len(kept[at]))
                kept[at].append(figure)
                continue
            first_at, index = seen
            first = kept[first_at][index]
            if first.missing and not figure.missing:
                kept[first_at][index] = figure
                continue
            kept[first_at][index] = cite(first, figure)
    return kept
