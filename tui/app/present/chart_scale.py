"""The value axis of a chart: from 0 (or a round low) to a round top, in round, even steps.

A scale fitted to the largest value makes a lone 18 % bar fill the width and gives ticks such as
83.6 69.7 41.8; shares of enterprises read best on 0-100, other units on 0 to a round top.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))
"""Round steps within one power of ten: 1, 2, 2.5, 5 (times 10, 100, 0.1 ...)."""
FULL_PERCENT = 80.0
"""A percentage line whose largest value is above this reads on the whole 0-100 scale (bars
always do: a bar's length is then its share of all enterprises)."""


LOOSE_ROWS = 4
"""Rows between ticks from which their spacing may differ by one row (plotext rounds)."""


@dataclass(frozen=True)
class Scale:
    """An axis from `low` to `top` with a tick every `step`; `ticks` from low to top."""

    low: Decimal
    top: Decimal
    step: Decimal

    @property
    def ticks(self) -> tuple[Decimal, ...]:
        count = int((self.top - self.low) / self.step)
        return tuple(self.low + self.step * i for i in range(count + 1))

    def label(self, tick: Decimal, lang: str) -> str:
        """'0', '20', '2.5' ('2,5' in bokmål): as few digits as the tick needs."""
        text = f"{tick.normalize():f}" if tick != 0 else "0"
        return text.replace(".", ",") if lang == "nb" else text


def value_scale(values: list[float], unit: str, most_ticks: int, *, bars: bool) -> Scale:
    """The scale for these values: percentages from 0 (bars always to 100), others from 0 or below.

    At most `most_ticks` ticks (at least 2), each a round number, evenly spaced.
    """
    finite = [v for v in values if math.isfinite(v)]
    high = max(finite, default=0.0)
    low = min(0.0, min(finite, default=0.0))
    most = max(2, most_ticks)
    if unit == "percent" and low >= 0 and high <= 100 and (bars or high > FULL_PERCENT):
        return _fit(Decimal(0), Decimal(100), most)
    if high <= low:
        high = low + 1
    return _fit(Decimal(repr(low)), Decimal(repr(high)), most)


def row_scale(values: list[float], unit: str, rows: int, most_ticks: int) -> Scale:
    """A scale whose ticks fall on evenly spaced rows of a plot `rows` high (plotext's y axis).

    plotext puts `low` on the bottom row and `top` on the top one; with n ticks, each lands on a
    row only when rows - 1 is a multiple of n - 1 (or LOOSE_ROWS apart, where a row more or less
    does not show). Of the tick counts (up to `most_ticks`) that do, the one whose round steps
    reach past the largest value with the lowest top.
    """
    finite = [v for v in values if math.isfinite(v)]
    high = max(finite, default=0.0)
    low = min(0.0, min(finite, default=0.0))
    if unit == "percent" and low >= 0 and FULL_PERCENT < high <= 100:
        high = 100.0
    if high <= low:
        high = low + 1
    counts = [
        n
        for n in range(min(most_ticks, rows), 1, -1)
        if (rows - 1) % (n - 1) == 0 or (rows - 1) / (n - 1) >= LOOSE_ROWS
    ] or [2]
    scales = [_exact(Decimal(repr(low)), Decimal(repr(high)), n) for n in counts]
    return min(scales, key=lambda scale: scale.top - scale.low)  # the first (most ticks) on a tie


def _exact(low: Decimal, high: Decimal, count: int) -> Scale:
    """`count` ticks a round step apart, from a round low, reaching at least `high`."""
    span = high - low
    power = Decimal(10) ** (math.floor(math.log10(float(span / (count - 1)))) - 1)
    for _ in range(8):
        for base in STEPS:
            step = base * power
            first = _floor(low, step)
            if first + step * (count - 1) >= high:
                return Scale(first, first + step * (count - 1), step)
        power *= 10
    return Scale(low, low + span, span / (count - 1))


def _fit(low: Decimal, high: Decimal, most: int) -> Scale:
    """The smallest round step that covers low..high in at most `most` ticks."""
    span = high - low
    power = Decimal(10) ** (math.floor(math.log10(float(span))) - 1 if span > 0 else 0)
    for _ in range(8):
        for base in STEPS:
            step = base * power
            first = _floor(low, step)
            last = _ceil(high, step)
            if int((last - first) / step) + 1 <= most:
                return Scale(first, last, step)
        power *= 10
    return Scale(_floor(low, span), _ceil(high, span), span)


def _floor(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding="ROUND_FLOOR") * step


def _ceil(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding="ROUND_CEILING") * step
