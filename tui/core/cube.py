"""A format-neutral table (dimensions x values) that every reader returns and the model maps from."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["time", "metric", "geo"] | None


@dataclass(frozen=True)
class Dimension:
    """One dimension of a statistical table: codes in table order with their labels."""

    id: str
    label: str
    codes: tuple[str, ...]
    labels: tuple[str, ...]
    role: Role = None
    units: tuple[str, ...] = ()  # per metric code, when the format states one (JSON-stat unit)

    def __post_init__(self) -> None:
        if len(self.codes) != len(self.labels):
            raise ValueError(
                f"dimension {self.id}: {len(self.codes)} codes but {len(self.labels)} labels"
            )


@dataclass(frozen=True)
class Cube:
    """Values in row-major order over `dimensions` (last dimension varies fastest).

    A missing value is None and its symbol ('..', ':', '.', or a Eurostat flag) is in `statuses`
    at the same position; a published value may also carry a flag (e.g. 'b', 'p', 'e').
    """

    source: str
    label: str
    dimensions: tuple[Dimension, ...]
    values: tuple[float | None, ...]
    statuses: tuple[str, ...]
    updated: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def size(self) -> tuple[int, ...]:
        return tuple(len(d.codes) for d in self.dimensions)

    def dimension(self, role_or_id: str) -> Dimension | None:
        """The dimension with this role ('time', 'metric', 'geo') or id, if any."""
        for dim in self.dimensions:
            if dim.role == role_or_id or dim.id == role_or_id:
                return dim
        return None

    def cells(self) -> list[tuple[tuple[str, ...], float | None, str]]:
        """Every cell as (codes per dimension, value, status), in value order."""
        codes = itertools.product(*(d.codes for d in self.dimensions))
        return list(zip(codes, self.values, self.statuses, strict=True))

    def positions(self) -> Iterator[tuple[int, ...]]:
        """Every cell's position in each dimension, in value order (last dimension fastest)."""
        return itertools.product(*(range(len(d.codes)) for d in self.dimensions))
