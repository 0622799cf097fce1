"""What the screens should show after an update against the Eurostat stand-in, worked out apart.

Reads data/eurostat_measures.csv with the csv module and decodes the stand-in's answers cell by
cell, without the product's placement code: a listed measure's cells are the embedded
indicator's figures of that country, group and reference year (the first dataset in the
registry's order with a value wins a place two datasets give).
"""

from __future__ import annotations

import csv
import itertools
from decimal import Decimal
from pathlib import Path

from tests.helpers.eurostat_data import answer
from tests.helpers.eurostat_data import cell as stand_in_cell

DATA = Path(__file__).resolve().parents[2] / "data"
SIZE_GROUPS = {"GE10": "total", "10-49": "10-49", "50-249": "50-249", "GE250": "250+"}
LAGS = {"january": 0, "previous_year": 1}
Place = tuple[str, str, str, str, int]  # indicator, geo, breakdown, group, reference year
Cell = tuple[Decimal | None, str, str]  # value, status, dataset


def registry() -> dict[tuple[str, str, str], tuple[str, str]]:
    """(dataset, indic_is, unit) -> (nace_r2 required or '', embedded indicator)."""
    with (DATA / "eurostat_measures.csv").open(encoding="utf-8", newline="") as handle:
        return {
            (r["dataset"], r["indic_is"], r["unit"]): (r["nace_r2"], r["indicator"])
            for r in csv.DictReader(handle)
        }


def dataset_order() -> list[tuple[str, int]]:
    """Every dataset of the registry in its order, with the years its figures lag the survey."""
    with (DATA / "eurostat_datasets.csv").open(encoding="utf-8", newline="") as handle:
        return [(r["dataset"], LAGS[r["period"]]) for r in csv.DictReader(handle)]


def cells(code: str, geos: list[str]) -> list[tuple[dict[str, str], float | None, str]]:
    """Every cell of the stand-in's answer: its codes, value (None: absent) and flag."""
    doc = answer(code, geos)
    ids = list(doc["id"])
    codes = [list(doc["dimension"][d]["category"]["index"]) for d in ids]
    out = []
    for flat, combo in enumerate(itertools.product(*codes)):
        out.append(
            (
                dict(zip(ids, combo, strict=True)),
                doc["value"].get(str(flat)),
                doc.get("status", {}).get(str(flat), ""),
            )
        )
    return out


def embedded_places(geos: list[str], datasets: list[str] | None = None) -> dict[Place, Cell]:
    """The stand-in's figures of the listed measures, at the embedded indicators' places."""
    known = registry()
    found: dict[Place, Cell] = {}
    for code, lag in dataset_order():
        if datasets is not None and code not in datasets:
            continue
        for cell, value, flag in cells(code, geos):
            listed = known.get((code, cell["indic_is"], cell["unit"]))
            if listed is None or listed[0] not in ("", cell["nace_r2"]):
                continue
            group = SIZE_GROUPS[cell["size_emp"]]
            place = (
                listed[1],
                cell["geo"],
                "total" if group == "total" else "size",
                group,
                int(cell["time"]) - lag,
            )
            status = flag or ("" if value is not None else ":")
            number = None if value is None else Decimal(str(value))
            if place not in found or (found[place][0] is None and number is not None):
                found[place] = (number, status, code)
    return found


def own_row_cell(indicator: str, geo: str, breakdown: str, group: str, year: int) -> Cell:
    """The stand-in's figure of a measure the registry does not list: its own row's cell."""
    _prefix, code, measure = indicator.split(":")
    indic, unit = measure.split("/")
    lag = dict(dataset_order())[code]
    size, nace = {"total": "GE10", "250+": "GE250"}.get(group, group), "C10-S951_X_K"
    if breakdown == "industry":
        size, nace = "GE10", group
    codes = {"freq": "A", "size_emp": size, "nace_r2": nace, "indic_is": indic, "unit": unit}
    value, flag = stand_in_cell(code, codes | {"geo": geo, "time": str(year + lag)})
    status = flag or ("" if value is not None else ":")
    return (None if value is None else Decimal(str(value)), status, code)
