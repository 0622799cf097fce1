"""SSB's figures from the pages gathered in ssb_ikt_figures.csv, the most authoritative page first."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from figure_rows import Key, code_map, fail, figure_row, number_text, same_value

from tui.core.catalogue import Catalogue


@dataclass
class Candidate:
    """One figure as one source printed it, before sources are merged."""

    key: Key
    value: str
    source_id: str
    rank: int
    row: dict[str, str] = field(default_factory=dict)


def ssb_figures(reference: Path, catalogue: Catalogue) -> list[dict[str, str]]:
    """SSB's figures: one row per figure, the most authoritative page as its source."""
    path = reference / "ssb_ikt_figures.csv"
    pages = {s.url: (s.source_id, int(s.rank)) for s in catalogue.sources.values() if s.rank}
    breakdowns = code_map(catalogue.codes, "ssb.breakdown", "breakdown")
    groups = code_map(catalogue.codes, "ssb.breakdown_value_en", "group")
    units = code_map(catalogue.codes, "ssb.unit", "unit")
    bases = code_map(catalogue.codes, "ssb.unit", "base")
    by_key: dict[Key, list[Candidate]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name}:{line}"
            if row["source_url"] not in pages:
                fail(where, f"source URL {row['source_url']} has no ranked row in sources.csv")
            for name, known in (
                ("breakdown", breakdowns),
                ("breakdown_value_en", groups),
                ("unit", units),
                ("unit", bases),
            ):
                if row[name] not in known:
                    fail(where, f"{name} {row[name]!r} is not in reference_codes.csv")
            if not row["reference_year"].isdigit():
                fail(where, f"reference_year {row['reference_year']!r} is not a year")
            source_id, rank = pages[row["source_url"]]
            key = (
                row["indicator_id"],
                "NO",
                breakdowns[row["breakdown"]],
                groups[row["breakdown_value_en"]],
                int(row["reference_year"]),
            )
            value = number_text(row["value"], where)
            by_key[key].append(Candidate(key, value, source_id, rank, row))
    out = []
    for key, candidates in sorted(by_key.items()):
        candidates.sort(key=lambda c: c.rank)
        primary = candidates[0]
        row = primary.row
        unit, base = units[row["unit"]], bases[row["unit"]]
        agreeing = sorted(
            {c.source_id for c in candidates[1:] if same_value(c.value, primary.value)}
            - {primary.source_id}
        )
        differing = sorted(
            {
                f"{c.source_id}={c.value}"
                for c in candidates[1:]
                if not same_value(c.value, primary.value)
            }
        )
        series = "eu_scoreboard" if primary.source_id == "regjeringen-indicator" else "ssb"
        status = ">" if row["unit"] == "percent_lower_bound" else ""
        notes = [row["note"].strip()]
        if differing:
            notes.insert(0, "DISAGREEMENT: " + "; ".join(differing) + ".")
        out.append(
            figure_row(
                row["theme"],
                key,
                row["survey_year"],
                primary.value,
                status,
                unit,
                base,
                series,
                primary.source_id,
                agreeing,
                differing,
                " ".join(notes),
            )
        )
    return out
