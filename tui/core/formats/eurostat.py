"""Eurostat TSV (bulk and SDMX-API flavours) and SDMX-CSV files, read into a full `Cube`.

Eurostat leaves out series and cells that have no data, so the reader fills the whole cartesian
product: a cell the file does not give is value None with status ":". A given cell keeps its flag
letters as its status ("b", "u", "bu"); a missing one keeps its flag too (": c" gives "c"), or ":"
when it has none. Since 2025 the confidentiality status is written after "@" (": @C"); it is kept
as written ("@C"), and SDMX-CSV's CONF_STATUS column becomes the same "@C" suffix.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.cube import Cube, Dimension, Role
from tui.core.errors import DataError

if TYPE_CHECKING:
    from _csv import Reader

OBS_FLAGS = frozenset("bcdefimnprsuz")
CONF_STATUSES = frozenset("CNP")
MAX_CELLS = 20_000_000
_ROLES: dict[str, Role] = {
    "time": "time",
    "time_period": "time",
    "geo": "geo",
    "indic_is": "metric",
}
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_NOT_DIMENSIONS = frozenset(
    {
        "DATAFLOW",
        "STRUCTURE",
        "STRUCTURE_ID",
        "STRUCTURE_NAME",
        "ACTION",
        "LAST UPDATE",
        "OBS_VALUE",
        "OBS_FLAG",
        "OBS_STATUS",
        "CONF_STATUS",
    }
)
_UPDATE = re.compile(r"(\d{2})/(\d{2})/(\d{2}) (\d{2}:\d{2}:\d{2})")

Cell = tuple[float | None, str]


def parse_eurostat_tsv(raw: bytes, source: str) -> Cube:
    """Read Eurostat TSV text (header like `unit,geo\\TIME_PERIOD`, one series per line)."""
    lines = _lines(raw, source)
    header = lines[0].split("\t")
    if "\\" not in header[0]:
        raise DataError(source, "first header cell has no '\\' (not a Eurostat TSV)", 1)
    key_part, col_id = header[0].split("\\", 1)
    key_ids = [k.strip() for k in key_part.split(",")]
    dim_ids = [*key_ids, col_id.strip()]
    if "" in dim_ids or len(set(dim_ids)) != len(dim_ids):
        raise DataError(source, f"header names empty or repeated dimensions: {header[0]!r}", 1)
    columns = [c.strip() for c in header[1:]]
    if not columns or "" in columns or len(set(columns)) != len(columns):
        raise DataError(source, "header has empty or repeated column codes", 1)
    cells: dict[tuple[str, ...], Cell] = {}
    for number, line in enumerate(lines[1:], start=2):
        row = line.split("\t")
        if len(row) != len(header):
            short = number == len(lines) and len(row) < len(header)
            hint = " (the last line is cut short: truncated file?)" if short else ""
            problem = f"line has {len(row)} cells but the header has {len(header)}{hint}"
            raise DataError(source, problem, number)
        key = tuple(k.strip() for k in row[0].split(","))
        if len(key) != len(key_ids):
            problem = f"series key {row[0][:60]!r} has {len(key)} parts, expected {len(key_ids)}"
            raise DataError(source, problem, number)
        for column, text in zip(columns, row[1:], strict=True):
            if not text.strip():
                cut = number == len(lines) and not raw.rstrip(b" \t").endswith(b"\n")
                hint = " (the last line is cut short: truncated file?)" if cut else ""
                raise DataError(source, f"empty cell for {column}{hint}", number)
            cells[(*key, column)] = _tsv_cell(text, source, number)
        if len(cells) != (number - 1) * len(columns):
            raise DataError(source, f"series {row[0][:60]!r} is given twice", number)
    label = Path(source).name.split(".")[0]
    return _cube(source, label, dim_ids, cells, None)


def parse_sdmx_csv(raw: bytes, source: str) -> Cube:
    """Read SDMX-CSV (one observation per line, OBS_VALUE column, optional flags)."""
    reader = csv.reader(_lines(raw, source))
    try:
        return _sdmx_rows(reader, source)
    except csv.Error as exc:
        raise DataError(source, f"broken CSV: {exc}", reader.line_num) from exc


def _sdmx_rows(reader: Reader, source: str) -> Cube:
    """Collect SDMX-CSV observations by their dimension codes."""
    header = [h.strip() for h in next(reader)]
    if "OBS_VALUE" not in header or len(set(header)) != len(header):
        raise DataError(source, "header needs one OBS_VALUE column and no repeated names", 1)
    dim_cols = [i for i, h in enumerate(header) if h not in _NOT_DIMENSIONS]
    if not dim_cols:
        raise DataError(source, "no dimension columns", 1)
    col = {h: i for i, h in enumerate(header)}
    cells: dict[tuple[str, ...], Cell] = {}
    label, updated = Path(source).name.split(".")[0], None
    for row in reader:
        number = reader.line_num
        if len(row) != len(header):
            problem = f"line has {len(row)} columns but the header has {len(header)}"
            raise DataError(source, problem, number)
        key = tuple(row[i].strip() for i in dim_cols)
        if key in cells:
            raise DataError(source, f"observation {','.join(key)} is given twice", number)
        flag = row[col["OBS_FLAG"]].strip() if "OBS_FLAG" in col else ""
        conf = row[col["CONF_STATUS"]].strip() if "CONF_STATUS" in col else ""
        flag += f"@{conf}" if conf else ""
        cells[key] = _value(row[col["OBS_VALUE"]].strip(), flag, source, number)
        if len(cells) == 1:
            label = row[col["DATAFLOW"]].strip() if "DATAFLOW" in col else label
            updated = _updated(row[col["LAST UPDATE"]]) if "LAST UPDATE" in col else None
    return _cube(source, label, [header[i] for i in dim_cols], cells, updated)


def _lines(raw: bytes, source: str) -> list[str]:
    """UTF-8 lines without line ends; at least a header and one data line."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(source, f"text is not valid UTF-8 (byte {exc.start})", line) from exc
    lines = [line.rstrip("\r") for line in text.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise DataError(source, "file is empty")
    if len(lines) == 1:
        raise DataError(source, "header only, no data lines", 1)
    return lines


def _tsv_cell(text: str, source: str, line: int) -> Cell:
    """'34.69 ', ': ', '12.3 u', ': c', ': @C' -> (value, status)."""
    number, _, flag = text.strip().partition(" ")
    return _value(number, flag.strip(), source, line)


def _value(number: str, flag: str, source: str, line: int) -> Cell:
    """A number or ':' (missing), with its flag checked against Eurostat's lists."""
    obs, at, conf = flag.partition("@")
    if any(ch not in OBS_FLAGS for ch in obs) or (at and conf not in CONF_STATUSES):
        raise DataError(source, f"unknown flag {flag[:20]!r}", line)
    if number in (":", "", "NaN"):
        return None, flag or ":"
    value = float(number) if _NUMBER.fullmatch(number) else math.nan
    if not math.isfinite(value):
        raise DataError(source, f"value {number[:40]!r} is not a number", line)
    return value, flag


def _updated(text: str) -> str:
    """'27/02/26 11:00:00' (day/month/year) -> '2026-02-27T11:00:00'; other forms kept."""
    match = _UPDATE.fullmatch(text.strip())
    if match is None:
        return text.strip()
    day, month, year, clock = match.groups()
    return f"20{year}-{month}-{day}T{clock}"


def _cube(
    source: str,
    label: str,
    dim_ids: list[str],
    cells: dict[tuple[str, ...], Cell],
    updated: str | None,
) -> Cube:
    """Fill the cartesian product of the codes seen (time ascending, others as first seen)."""
    orders: list[dict[str, None]] = [{} for _ in dim_ids]
    for key in cells:
        for order, code in zip(orders, key, strict=True):
            order.setdefault(code)
    dims: list[Dimension] = []
    for dim_id, order in zip(dim_ids, orders, strict=True):
        role = _ROLES.get(dim_id.lower())
        codes = tuple(sorted(order) if role == "time" else order)
        dims.append(Dimension(dim_id, dim_id, codes, codes, role))
    sizes = [len(d.codes) for d in dims]
    total = math.prod(sizes)
    if total > MAX_CELLS:
        problem = f"the full table would have {total} cells (limit {MAX_CELLS}); filter it first"
        raise DataError(source, problem)
    positions = [{code: i for i, code in enumerate(d.codes)} for d in dims]
    strides = [math.prod(sizes[i + 1 :]) for i in range(len(sizes))]
    values: list[float | None] = [None] * total
    statuses = [":"] * total
    for key, (value, status) in cells.items():
        flat = sum(
            pos[code] * stride for pos, code, stride in zip(positions, key, strides, strict=True)
        )
        values[flat] = value
        statuses[flat] = status
    return Cube(source, label, tuple(dims), tuple(values), tuple(statuses), updated)
