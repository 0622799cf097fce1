"""The stand-in's Eurostat datasets and its answers in Eurostat's JSON-stat 2.0 shape.

Codes and dimension names as Eurostat's ICT-usage datasets use them (DATA.md); the figures are
made up, sparse like real answers (an absent position is not available), some with flags.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

Cats = list[tuple[str, str]]
ID_ORDER = ["freq", "size_emp", "nace_r2", "indic_is", "unit", "geo", "time"]
DIM_LABELS = {
    "freq": "Time frequency",
    "size_emp": "Size classes in number of persons employed",
    "nace_r2": "Statistical classification of economic activities in the European Community"
    " (NACE Rev. 2)",
    "indic_is": "Information society indicator",
    "unit": "Unit of measure",
    "geo": "Geopolitical entity (reporting)",
    "time": "Time",
}
GEOS: Cats = [
    ("EU27_2020", "European Union - 27 countries (from 2020)"),
    ("DK", "Denmark"),
    ("FI", "Finland"),
    ("IS", "Iceland"),
    ("NO", "Norway"),
    ("SE", "Sweden"),
]
SIZES: Cats = [
    ("GE10", "10 persons employed or more"),
    ("10-49", "From 10 to 49 persons employed"),
    ("50-249", "From 50 to 249 persons employed"),
    ("GE250", "250 persons employed or more"),
]
ALL_ACTIVITIES: Cats = [
    (
        "C10-S951_X_K",
        "All activities (except agriculture, mining and quarrying, and financial sector)",
    )
]
PC_ENT: Cats = [("PC_ENT", "Percentage of enterprises")]
# code -> (label, categories of the dimensions that differ between datasets)
DATASETS: dict[str, tuple[str, dict[str, Cats]]] = {
    "isoc_cismt": (
        "Social media use by type, internet advertising and size class of enterprise",
        {
            "indic_is": [
                ("E_SM1_ANY", "Enterprises use any social media"),
                ("E_SM1_SNET", "Enterprises use social networks"),
                ("E_SM1_CNTSHR", "Enterprises use multimedia content sharing websites"),
            ],
            "unit": PC_ENT,
            "time": [("2015", "2015"), ("2017", "2017"), ("2019", "2019"), ("2023", "2023")],
        },
    ),
    "isoc_cismp": (
        "Social media use by purpose and size class of enterprise",
        {
            "indic_is": [
                (
                    "E_SM_PADVERT",
                    "Enterprises use social media to develop the image or market products",
                ),
                ("E_SM_PRCR", "Enterprises use social media to recruit employees"),
            ],
            "unit": [*PC_ENT, ("PC_ENT_SM", "Percentage of enterprises using social media")],
            "time": [("2017", "2017"), ("2019", "2019")],
        },
    ),
    "isoc_ec_esels": (
        "E-commerce sales of enterprises by size class of enterprise",
        {
            "indic_is": [
                ("E_ESELL", "Enterprises having done electronic sales"),
                ("E_AWSELL", "Enterprises having done web sales"),
            ],
            "unit": PC_ENT,
            "time": [("2022", "2022"), ("2023", "2023"), ("2024", "2024")],
        },
    ),
    "isoc_ec_eseln2": (
        "E-commerce sales of enterprises by NACE Rev.2 activity",
        {
            "size_emp": SIZES[:1],
            "nace_r2": [*ALL_ACTIVITIES, ("C10-C33", "Manufacturing"), ("G47", "Retail trade")],
            "indic_is": [("E_ESELL", "Enterprises having done electronic sales")],
            "unit": PC_ENT,
            "time": [("2023", "2023"), ("2024", "2024")],
        },
    ),
    "isoc_ec_evals": (
        "Value of e-commerce sales by size class of enterprise",
        {
            "indic_is": [("E_ETURN", "Enterprises' turnover from e-commerce")],
            "unit": [("PC_TURN", "Percentage of turnover")],
            "time": [("2023", "2023"), ("2024", "2024")],
        },
    ),
    "isoc_cisce_ra": (
        "Security policy, measures, risks and staff awareness by size class of enterprise",
        {
            "indic_is": [("E_SECPOL2", "Enterprises have document(s) on ICT security measures")],
            "unit": PC_ENT,
            "time": [("2019", "2019"), ("2022", "2022"), ("2024", "2024")],
        },
    ),
    "tin00110": (
        "E-commerce sales of enterprises",
        {
            "size_emp": SIZES[:1],
            "indic_is": [("E_ETURN", "Enterprises' turnover from e-commerce")],
            "unit": [("PC_TURN", "Percentage of turnover")],
            "time": [("2023", "2023"), ("2024", "2024")],
        },
    ),
}
FLAGS = {"b": "break in time series", "u": "low reliability", "c": "confidential"}


def categories(code: str) -> dict[str, Cats]:
    """Every dimension's categories of one dataset, in Eurostat's order of dimensions."""
    own = DATASETS[code][1]
    shared = {"freq": [("A", "Annual")], "size_emp": SIZES, "nace_r2": ALL_ACTIVITIES, "geo": GEOS}
    return {d: own.get(d) or shared[d] for d in ID_ORDER}


def cell(code: str, codes: dict[str, str]) -> tuple[float | None, str]:
    """The made-up figure of one cell and its flag, the same whatever else is asked for;
    None with no flag is not available."""
    full = categories(code)
    places = {d: [c for c, _ in full[d]].index(codes[d]) for d in ID_ORDER}
    seed = sum((i + 3) * (places[d] + 1) for i, d in enumerate(ID_ORDER)) + len(code)
    if codes["geo"] == "IS" and codes["time"] in ("2017", "2023"):
        return None, ""  # Iceland did not report these years
    if codes["geo"] == "DK" and codes["size_emp"] == "GE250" and codes["time"] == "2019":
        return None, "c"
    value = round(20.0 + (seed * 7.3) % 70, 1)
    flag = "b" if codes["time"] == "2019" and codes["geo"] == "NO" else ""
    return value, "u" if codes["geo"] == "IS" and not flag else flag


def answer(code: str, geos: list[str]) -> dict[str, Any]:
    """The JSON-stat 2.0 answer for these geographies, in the order Eurostat lists them."""
    cats = categories(code)
    cats["geo"] = [g for g in GEOS if g[0] in geos]
    values: dict[str, float] = {}
    status: dict[str, str] = {}
    sizes = [len(cats[d]) for d in ID_ORDER]
    has_data = {d: [False] * len(cats[d]) for d in ID_ORDER}
    for flat, combo in enumerate(itertools.product(*(range(n) for n in sizes))):
        places = dict(zip(ID_ORDER, combo, strict=True))
        codes = {d: cats[d][places[d]][0] for d in ID_ORDER}
        value, flag = cell(code, codes)
        if value is not None:
            values[str(flat)] = value
            for d in ID_ORDER:
                has_data[d][places[d]] = True
        if flag:
            status[str(flat)] = flag
    label, _ = DATASETS[code]
    doc: dict[str, Any] = {
        "version": "2.0",
        "class": "dataset",
        "label": label,
        "source": "ESTAT",
        "updated": "2026-02-27T23:00:00+0100",
        "value": values,
    }
    if status:
        doc["status"] = status
    doc |= {
        "id": list(ID_ORDER),
        "size": sizes,
        "dimension": {
            d: {
                "label": DIM_LABELS[d],
                "category": {
                    "index": {c: i for i, (c, _) in enumerate(cats[d])},
                    "label": dict(cats[d]),
                },
            }
            for d in ID_ORDER
        },
        "extension": {
            "lang": "EN",
            "id": code.upper(),
            "agencyId": "ESTAT",
            "version": "1.0",
            "datastructure": {"id": code.upper(), "agencyId": "ESTAT", "version": "3.0"},
            "annotation": [
                {"type": "OBS_COUNT", "title": str(len(values))},
                {"type": "UPDATE_DATA", "date": "2026-02-27T23:00:00+0100"},
                {"type": "SOURCE_INSTITUTIONS", "text": "Eurostat"},
            ],
            "status": {"label": {f: FLAGS[f] for f in sorted(set(status.values()))}},
            "positions-with-no-data": {
                d: [i for i, seen in enumerate(has_data[d]) if not seen] for d in ID_ORDER
            },
        },
    }
    assert math.prod(sizes) >= len(values)
    return doc


def error(status: int, ident: int, label: str) -> dict[str, Any]:
    """Eurostat's error answer: a list of {status, id, label}."""
    return {"error": [{"status": status, "id": ident, "label": label}]}
