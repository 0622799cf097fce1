"""Headline words: names from the labels, numbers as published, sentences from tui.core.words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from tui.core.labels import Labels
from tui.core.model import Figure
from tui.core.numbers import format_amount, format_number, format_points, format_value
from tui.core.records import decimal_text
from tui.core.text import literal
from tui.core.words import say

HOME_GEO = "NO"  # the country a headline need not name: the product's default country
PERCENT = "percent"


@dataclass(frozen=True)
class Wording:
    """Turns figures into the parts of a sentence in one language; labels are shown literally."""

    labels: Labels
    lang: str

    def name(self, kind: str, ident: str) -> str:
        return literal(self.labels.get(kind, ident, self.lang))

    def value(self, figure: Figure) -> str:
        """The value exactly as published ('24,30 %'), never rounded."""
        return format_value(figure, self.lang)

    def subject(self, figure: Figure, *, with_group: bool = True) -> str:
        """What a figure measures, with its group and country when those are not the default."""
        parts = [self.name("indicator", figure.indicator)]
        if with_group and figure.group != "total":
            parts.append(self.name("group", figure.group))
        if figure.geo != HOME_GEO:
            parts.append(self.name("geo", figure.geo))
        return ", ".join(parts)

    def difference(self, change: Decimal, unit: str) -> str:
        """The size of a change: percentage points between percentages, else the unit itself."""
        size = decimal_text(abs(change))
        if unit != PERCENT:
            return format_amount(size, unit, self.lang)
        key = "hl_point" if abs(change) == 1 else "hl_points"
        return self.sentence(key, number=format_number(size, self.lang))

    def signed(self, change: Decimal, unit: str) -> str:
        """A change with its sign: '+3 pp', '-10 p.p.', '-NOK 12 bn' in the unit's own terms."""
        if unit == PERCENT:
            return format_points(change, self.lang)
        sign = "+" if change > 0 else ("±" if change == 0 else "-")
        return sign + format_amount(decimal_text(abs(change)), unit, self.lang)

    def item(self, names: Sequence[str], figure: Figure) -> str:
        """'Recruitment (24 %)', or 'A and B (18 %)' for equal values: names and their value."""
        return f"{self.listing(names)} ({self.value(figure)})"

    def listing(self, items: Sequence[str]) -> str:
        """'A, B and C' / 'A, B og C'."""
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {say('hl_and', self.lang)} {items[-1]}"

    def sentence(self, key: str, **fields: object) -> str:
        return say(key, self.lang).format(**fields)
