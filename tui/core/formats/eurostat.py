"""Eurostat TSV (bulk and SDMX-API flavours) and SDMX-CSV files, read into a full `Cube`.

Eurostat leaves out series and cells that have no data, so the reader fills the whole cartesian
product: a cell the file does not give is value None with status ":". A given cell keeps its flag
letters as its status ("b", "u", "bu"); a missing one keeps its flag too (": c" gives "c"), or ":"
when it has none. Since 2025 the confidentiality status is written after "@" (": @C"); it is kept
as written ("@C"), and SDMX-CSV's CONF_STATUS column becomes the same "@C" suffix. SDMX-CSV's
OBS_STATUS ("M" missing, "E" estimated...) joins the flag, except "A", SDMX's normal value.
SDMX-CSV may be written with `labels=both` ("geo: Geopolitical entity", "NO: Norway") and with
";" between its fields; both are read, the labels kept beside the codes.
"""

from __future__ import annotations

import csv
import math
import operator
import re
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.cube import Cube, Dimension, Role
from tui.core.errors import DataError
from tui.core.periods import is_time_name

if TYPE_CHECKING:
    from _csv import Reader

OBS_FLAGS = frozenset("bcdefimnprsuz")
OBS_STATUSES = frozenset("ABCDEFGHIJKLMNOPQSUVW")  # SDMX's observation status codes, as written
NORMAL_STATUS = "A"
_KNOWN_FLAGS = OBS_FLAGS | OBS_STATUSES
CONF_STATUSES = frozenset("CNP")
MAX_CELLS = 20_000_000
_ROLES: dict[str, Role] = {"geo": "geo", "indic_is": "metric"}  # time is found by its name
_LABELLED = re.compile(r"\s*([A-Za-z0-9_@$.+*-]+)\s*:\s?(.*)", re.DOTALL)
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
# one series: the last dimension's codes it gives, and per code its value and its status
Series = tuple[tuple[str, ...], list[float | None], list[str]]
Names = dict[str, str]  # code -> label, for the codes a labels=both file names


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
    series: dict[tuple[str, ...], Series] = {}
    column_codes = tuple(columns)
    # a cell's value and status follow from its text alone, and texts repeat (': ', '12.5 b'):
    # each distinct text is read once, then every row is two look-ups per cell
    value_of: dict[str, float | None] = {}
    status_of: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        row = line.split("\t")
        if len(row) != len(header):
            short = number == len(lines) and len(row) < len(header)
            hint = " (the last line is cut short: truncated file?)" if short else ""
            problem = f"line has {len(row)} cells but the header has {len(header)}{hint}"
            raise DataError(source, problem, number)
        key = tuple(map(str.strip, row[0].split(",")))
        if len(key) != len(key_ids):
            problem = f"series key {row[0][:60]!r} has {len(key)} parts, expected {len(key_ids)}"
            raise DataError(source, problem, number)
        if key in series:
            raise DataError(source, f"series {row[0][:60]!r} is given twice", number)
        texts = row[1:]
        try:
            values = list(map(value_of.__getitem__, texts))
        except KeyError:  # a text not seen before: read here, so a bad cell names this line
            cut = number == len(lines) and not raw.rstrip(b" \t").endswith(b"\n")
            for column, text in zip(columns, texts, strict=True):
                if text not in value_of:
                    value_of[text], status_of[text] = _cell(text, column, cut, source, number)
            values = list(map(value_of.__getitem__, texts))
        series[key] = (column_codes, values, list(map(status_of.__getitem__, texts)))
    label = Path(source).name.split(".")[0]
    return _cube(source, label, dim_ids, series, None)


def parse_sdmx_csv(raw: bytes, source: str) -> Cube:
    """Read SDMX-CSV (one observation per line, OBS_VALUE column, optional flags)."""
    lines = _lines(raw, source)
    reader = csv.reader(lines, delimiter=_delimiter(lines[0]))
    try:
        return _sdmx_rows(reader, source)
    except csv.Error as exc:
        raise DataError(source, f"broken CSV: {exc}", reader.line_num) from exc


def _delimiter(header: str) -> str:
    """',' as SDMX-CSV is usually written, or ';' when that is what sets OBS_VALUE apart."""
    pieces = [_split_label(piece)[0] for piece in header.split(";")]
    return ";" if "OBS_VALUE" in pieces and len(pieces) > 1 else ","


def _split_label(text: str) -> tuple[str, str]:
    """'geo: Geopolitical entity' -> ('geo', 'Geopolitical entity'); plain 'geo' -> ('geo', '')."""
    match = _LABELLED.fullmatch(text)
    if match is None:
        return text.strip(), ""
    return match.group(1), match.group(2).strip()


def _sdmx_rows(reader: Reader, source: str) -> Cube:
    """Collect SDMX-CSV observations by their dimension codes."""
    named = [_split_label(h) for h in next(reader)]
    header = [ident for ident, _name in named]
    if "OBS_VALUE" not in header or len(set(header)) != len(header):
        raise DataError(source, "header needs one OBS_VALUE column and no repeated names", 1)
    dim_cols = [i for i, h in enumerate(header) if h not in _NOT_DIMENSIONS]
    if not dim_cols:
        raise DataError(source, "no dimension columns", 1)
    # labels=both: every coded cell is 'CODE: label' too (time periods are not coded)
    labelled = [bool(named[i][1]) and not is_time_name(header[i]) for i in dim_cols]
    names: list[Names] = [{} for _ in dim_cols]
    col = {h: i for i, h in enumerate(header)}
    cells: dict[tuple[str, ...], Cell] = {}
    label, updated = Path(source).name.split(".")[0], None
    for row in reader:
        number = reader.line_num
        if len(row) != len(header):
            problem = f"line has {len(row)} columns but the header has {len(header)}"
            raise DataError(source, problem, number)
        key = tuple(
            _code(row[i], split, found)
            for i, split, found in zip(dim_cols, labelled, names, strict=True)
        )
        if key in cells:
            raise DataError(source, f"observation {','.join(key)} is given twice", number)
        cells[key] = _value(row[col["OBS_VALUE"]].strip(), _flag(row, col), source, number)
        if len(cells) == 1:
            # 'ESTAT:ISOC_EC_ESELS(1.0)' is the agency and the id; its name follows after ': '
            label = row[col["DATAFLOW"]].split(": ")[0].strip() if "DATAFLOW" in col else label
            updated = _updated(row[col["LAST UPDATE"]]) if "LAST UPDATE" in col else None
    dims = [(header[i], named[i][1] or header[i]) for i in dim_cols]
    by_series: dict[tuple[str, ...], dict[str, Cell]] = {}
    for key, cell in cells.items():
        by_series.setdefault(key[:-1], {})[key[-1]] = cell
    series: dict[tuple[str, ...], Series] = {
        prefix: (tuple(given), [v for v, _ in given.values()], [s for _, s in given.values()])
        for prefix, given in by_series.items()
    }
    ids, dim_names = [d for d, _ in dims], [n for _, n in dims]
    return _cube(source, label, ids, series, updated, dim_names, names)


def _code(text: str, labelled: bool, names: Names) -> str:
    """A dimension cell's code; with labels=both its label is kept in `names`."""
    if not labelled:
        return text.strip()
    code, name = _split_label(text)
    if name:
        names.setdefault(code, name)
    return code


def _flag(row: list[str], col: dict[str, int]) -> str:
    """OBS_FLAG, then OBS_STATUS (unless it is SDMX's normal 'A'), then '@' and CONF_STATUS."""

    def cell(name: str) -> str:
        return _split_label(row[col[name]])[0] if name in col else ""

    flag, status, conf = cell("OBS_FLAG"), cell("OBS_STATUS"), cell("CONF_STATUS")
    if status and status != NORMAL_STATUS and status not in flag:
        flag += status
    return flag + (f"@{conf}" if conf else "")


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


def _cell(text: str, column: str, cut: bool, source: str, line: int) -> Cell:
    """One TSV cell ('27.5 ', '12 b', ': ', ': c'): its value and its status."""
    try:  # most cells are a plain number and a space: float() takes them as they are
        plain = float(text)
    except ValueError:
        pass
    else:
        if math.isfinite(plain) and "_" not in text:
            return plain, ""
    number_text, _, flag = text.strip().partition(" ")
    if not number_text:
        hint = " (the last line is cut short: truncated file?)" if cut else ""
        raise DataError(source, f"empty cell for {column}{hint}", line)
    return _value(number_text, flag.strip(), source, line)


def _value(number: str, flag: str, source: str, line: int) -> Cell:
    """A number or ':' (missing), with its flag checked against Eurostat's lists."""
    if flag:
        obs, at, conf = flag.partition("@")
        if any(ch not in _KNOWN_FLAGS for ch in obs) or (at and conf not in CONF_STATUSES):
            raise DataError(source, f"unknown flag {flag[:20]!r}", line)
    if number in (":", "", "NaN"):
        return None, flag or ":"
    # most cells are plain decimals ('27.52'): those need no pattern to be safe for float()
    plain = number.replace(".", "", 1).isdigit() and number.isascii()
    value = float(number) if plain or _NUMBER.fullmatch(number) else math.nan
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


Run = tuple[int, int, bool]  # first and past-last place of a run of places, newest first?


def _run(where: list[int]) -> Run | None:
    """The run of places in a row that `where` covers (either way round), or None."""
    first, last, count = where[0], where[-1], len(where)
    if last - first == count - 1 and where == list(range(first, last + 1)):
        return first, last + 1, False
    if first - last == count - 1 and where == list(range(first, last - 1, -1)):
        return last, first + 1, True  # newest first, as TSV columns
    return None


def _place(
    values: list[float | None],
    statuses: list[str],
    base: int,
    where: tuple[list[int], Run | None],
    given: list[float | None],
    marks: list[str],
) -> None:
    """Put one series' cells at their places; a run of places in a row is copied at once."""
    places, run = where
    if run is None:
        for place, value, status in zip(places, given, marks, strict=True):
            values[base + place] = value
            statuses[base + place] = status
    elif run[2]:
        values[base + run[0] : base + run[1]] = given[::-1]
        statuses[base + run[0] : base + run[1]] = marks[::-1]
    else:
        values[base + run[0] : base + run[1]] = given
        statuses[base + run[0] : base + run[1]] = marks


def _cube(
    source: str,
    label: str,
    dim_ids: list[str],
    series: dict[tuple[str, ...], Series],
    updated: str | None,
    dim_labels: list[str] | None = None,
    code_labels: list[Names] | None = None,
) -> Cube:
    """Fill the cartesian product of the codes seen (time ascending, others as first seen).

    Cells come as series (the codes of all dimensions but the last) each holding its cells by
    the last code, so a series' place in the table is worked out once, not once per cell.
    """
    by_dim = list(zip(*series, strict=True))  # each dimension's codes but the last's, by series
    orders: list[dict[str, None]] = [dict.fromkeys(codes) for codes in by_dim]
    orders += [{} for _ in range(len(dim_ids) - len(orders))]
    distinct_lasts = list(dict.fromkeys(lasts for lasts, _values, _statuses in series.values()))
    for lasts in distinct_lasts:
        orders[-1].update(dict.fromkeys(lasts))
    dims: list[Dimension] = []
    for k, (dim_id, order) in enumerate(zip(dim_ids, orders, strict=True)):
        role = "time" if is_time_name(dim_id) else _ROLES.get(dim_id.lower())
        codes = tuple(sorted(order) if role == "time" else order)
        names = code_labels[k] if code_labels else {}
        labels = tuple(names.get(code, code) for code in codes)
        name = dim_labels[k] if dim_labels else dim_id
        dims.append(Dimension(dim_id, name, codes, labels, role))
    sizes = [len(d.codes) for d in dims]
    total = math.prod(sizes)
    if total > MAX_CELLS:
        problem = f"the full table would have {total} cells (limit {MAX_CELLS}); filter it first"
        raise DataError(source, problem)
    positions = [{code: i for i, code in enumerate(d.codes)} for d in dims]
    strides = [math.prod(sizes[i + 1 :]) for i in range(len(sizes))]
    values: list[float | None] = [None] * total
    statuses = [":"] * total
    bases = [0] * len(series)
    for pos, codes, stride in zip(positions, by_dim, strides, strict=False):
        bases = list(map(operator.add, bases, map(stride.__mul__, map(pos.__getitem__, codes))))
    places: dict[tuple[str, ...], tuple[list[int], Run | None]] = {}
    for lasts in distinct_lasts:
        where = [positions[-1][code] for code in lasts]
        places[lasts] = (where, _run(where))
    for base, (lasts, given, marks) in zip(bases, series.values(), strict=True):
        _place(values, statuses, base, places[lasts], given, marks)
    return Cube(source, label, tuple(dims), tuple(values), tuple(statuses), updated)
