"""Decodings of PX, JSON-stat and SDMX-CSV written apart from the product's readers.

Each one reads only what the small fixtures under tests/fixtures/periods use, in its own simple
way (regular expressions, `json`, `csv`), so a test can compare the product's reading of every
cell with a reading that shares none of its code.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from pathlib import Path

Cell = tuple[tuple[str, ...], float | None, str]  # codes per dimension, value, status
PX_SYMBOLS = {".", "..", "...", ":", "-"}


def px_keyword(head: str, key: str) -> list[str]:
    """The quoted strings of `KEY=...;` on one line of a PX head; [] when absent."""
    found = re.search(rf"^{re.escape(key)}=(.*);\s*$", head, re.MULTILINE)
    return re.findall(r'"([^"]*)"', found.group(1)) if found else []


def px_cells(path: Path) -> tuple[list[str], list[Cell]]:
    """Variable names and every cell of a PX file: STUB then HEADING, last varying fastest."""
    head, data = path.read_text(encoding="utf-8").split("DATA=", 1)
    names = px_keyword(head, "STUB") + px_keyword(head, "HEADING")
    codes = [px_keyword(head, f'CODES("{n}")') or px_keyword(head, f'VALUES("{n}")') for n in names]
    tokens = data.replace(";", " ").split()
    cells: list[Cell] = []
    for combination, token in zip(itertools.product(*codes), tokens, strict=True):
        token = token.strip('"')
        if token in PX_SYMBOLS:
            cells.append((combination, None, token))
        else:
            cells.append((combination, float(token), ""))
    return names, cells


def jsonstat_cells(path: Path) -> tuple[list[str], list[Cell]]:
    """Dimension ids and every cell of a JSON-stat 2.0 dataset, in its row-major order."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    codes = []
    for ident in doc["id"]:
        index = doc["dimension"][ident]["category"]["index"]
        codes.append(index if isinstance(index, list) else sorted(index, key=index.__getitem__))
    total = 1
    for size in doc["size"]:
        total *= size
    raw = doc["value"]
    values = raw if isinstance(raw, list) else [raw.get(str(i)) for i in range(total)]
    status = doc.get("status") or {}
    cells = [
        (combination, None if value is None else float(value), status.get(str(i), ""))
        for i, (combination, value) in enumerate(
            zip(itertools.product(*codes), values, strict=True)
        )
    ]
    return list(doc["id"]), cells


def sdmx_rows(path: Path, delimiter: str) -> list[dict[str, str]]:
    """SDMX-CSV rows keyed by column id: 'geo: Geopolitical entity' is 'geo', 'NO: Norway' 'NO'."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        header = [name.split(":")[0].strip() for name in next(reader)]
        rows = []
        for row in reader:
            record = dict(zip(header, row, strict=True))
            rows.append(
                {
                    key: text
                    if key in ("DATAFLOW", "TIME_PERIOD", "TIME")
                    else text.split(":")[0].strip()
                    for key, text in record.items()
                }
            )
    return rows
