"""What the build's readers share: one way to fail, to keep a number as printed, to write a row."""

from __future__ import annotations

import re
from typing import NoReturn

from tui.core.catalogue import Codes

Key = tuple[str, str, str, str, int]
"""indicator, geo, breakdown, group, reference year: one figure."""


class BuildError(Exception):
    """A reference input the build cannot read; the message names the file, line and problem."""


def fail(where: str, problem: str) -> NoReturn:
    """Stop the build with one line naming the input and what is wrong."""
    raise BuildError(f"{where}: {problem}")


def code_map(codes: Codes, name: str, kind: str) -> dict[str, str]:
    """reference_codes.csv's map for one input and kind (empty when the catalogue has none)."""
    return codes.get((name, kind), {})


def number_text(raw: str, where: str) -> str:
    """Keep a number exactly as printed (no rounding); reject anything that is not one."""
    text = raw.strip()
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        fail(where, f"not a number: {raw!r}")
    return text


def same_value(a: str, b: str) -> bool:
    """Two printed values agree when the more precise one rounds to the less precise one."""
    da = len(a.split(".")[1]) if "." in a else 0
    db = len(b.split(".")[1]) if "." in b else 0
    fine, coarse, digits = (a, b, db) if da >= db else (b, a, da)
    return abs(round(float(fine), digits) - float(coarse)) < 1e-9


def figure_row(
    theme: str,
    key: Key,
    survey_year: str | int,
    value: str,
    status: str,
    unit: str,
    base: str,
    series: str,
    source_id: str,
    agreeing: list[str],
    differing: list[str],
    note: str,
) -> dict[str, str]:
    indicator, geo, breakdown, group, ref_year = key
    return {
        "theme": theme,
        "indicator": indicator,
        "geo": geo,
        "breakdown": breakdown,
        "group": group,
        "ref_year": str(ref_year),
        "survey_year": str(survey_year),
        "value": value,
        "status": status,
        "unit": unit,
        "base": base,
        "series": series,
        "source_id": source_id,
        "corroborating": ";".join(agreeing),
        "disagreeing": ";".join(differing),
        "note": note,
    }
