"""Bokmål and English names for every id in the data, so no label is hard-coded in the interface."""

from __future__ import annotations

from dataclasses import dataclass, field

LABEL_KINDS = (
    "theme",
    "indicator",
    "breakdown",
    "group",
    "geo",
    "status",
    "unit",
    "base",
    "series",
    "population",
    "provider",
)
"""What an id in labels.csv can name. `population` ids are `base:breakdown` (a pattern with
{group}, for the figures of one group); `provider` ids are countries (who gives Eurostat the data)."""


@dataclass
class Labels:
    """Look-up of (kind, id) -> name in bokmål or English; an unknown id falls back to itself."""

    names: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def add(self, kind: str, ident: str, nb: str, en: str) -> None:
        self.names[(kind, ident)] = (nb, en)

    def has(self, kind: str, ident: str) -> bool:
        return (kind, ident) in self.names

    def get(self, kind: str, ident: str, lang: str = "nb") -> str:
        pair = self.names.get((kind, ident))
        if pair is None:
            return ident
        return pair[1] if lang == "en" else pair[0]

    def ids(self, kind: str) -> list[str]:
        return [ident for (k, ident) in self.names if k == kind]
