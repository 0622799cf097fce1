"""PX (PC-Axis) files as SSB's StatBank writes them, read into a `Cube` without losing symbols.

DATA cells are numbers or SSB's symbols. A symbol becomes value None with the symbol kept as the
status: ".." (not available yet), "..." (not applicable / no data), ":" (confidential), "." (cannot
occur) and "-" (nil: SSB's dash for "nothing to report"). The dash is kept as status "-" with value
None, never turned into 0, so the reader does not decide what nil means.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Iterator
from typing import NoReturn

from tui.core.cube import Cube, Dimension, Role
from tui.core.errors import DataError
from tui.core.periods import is_time_name

SYMBOLS = frozenset({".", "..", "...", "....", ".....", "......", ":", "-"})
_METRIC_NAMES = frozenset({"contentscode", "statistikkvariabel", "contents"})
_HEAD = re.compile(
    r'\s*([A-Za-z0-9.-]+)\s*(?:\[([^\]]*)\])?\s*(?:\(((?:"[^"]*"|[^")])*)\))?\s*=', re.DOTALL
)
_STATEMENT = re.compile(r'(?:"[^"]*"|[^";])*;')
_QUOTED = re.compile(r'"[^"]*"')
_NEXT_KEYWORD = re.compile(r"\n\s*[A-Za-z][A-Za-z0-9.-]*\s*(?:\[[^\]]*\])?\s*(?:\([^)]*\))?\s*=")
_ITEM = re.compile(r'"([^"]*)"|(,)|([^\s,"]+)')
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})\s+(\d{2}):(\d{2})")
_CHARSET = re.compile(rb'(?m)^\s*CHARSET\s*=\s*"([^"]*)"')
_CODEPAGE = re.compile(rb'(?m)^\s*CODEPAGE\s*=\s*"([^"]*)"')

Key = tuple[str, tuple[str, ...]]


def parse_px(raw: bytes, source: str) -> Cube:
    """Read the bytes of a PX file into a Cube (stub variables first, heading variables last)."""
    text = _decode(raw, source)
    meta, data, data_line = _split(text, source)
    return _Table(meta, source).cube(data, data_line)


def _decode(raw: bytes, source: str) -> str:
    """Pick the encoding the file states: CODEPAGE, CHARSET="ANSI" (windows-1252), else UTF-8."""
    head = raw.split(b"DATA=", 1)[0]
    charset = _CHARSET.search(head)
    codepage = _CODEPAGE.search(head)
    encoding = "utf-8-sig"
    name = codepage.group(1).decode("ascii", "replace").strip() if codepage else ""
    if name:
        try:
            encoding = codecs.lookup(name).name
            "".encode(encoding)
        except (LookupError, ValueError) as exc:
            raise DataError(source, f"unknown CODEPAGE {name[:40]!r}") from exc
    # A named CODEPAGE wins; CHARSET="ANSI" with none (or latin-1, which SSB states) is windows-1252.
    ansi = charset is not None and charset.group(1).strip().upper() == b"ANSI"
    if ansi and encoding in ("utf-8-sig", "iso8859-1", "latin-1", "ascii"):
        encoding = "cp1252"
    elif encoding == "utf-8":
        encoding = "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(source, f"text is not valid {encoding} (byte {exc.start})", line) from exc
    except (UnicodeError, LookupError) as exc:
        raise DataError(source, f"text cannot be decoded as {encoding}") from exc


def _split(text: str, source: str) -> tuple[dict[Key, list[tuple[str, int]]], str, int]:
    """Split the keywords from DATA; keywords are KEY[lang]("arg",...)=value; (lang ones skipped)."""
    meta: dict[Key, list[tuple[str, int]]] = {}
    pos, line = 0, 1
    while True:
        head = _HEAD.match(text, pos)
        if head is None:
            rest = text[pos:].strip()
            if not rest:
                raise DataError(source, "no DATA keyword (the file may be truncated)", line)
            raise DataError(source, f"cannot read keyword at {rest[:30]!r}", line)
        line += text.count("\n", pos, head.start(1))
        keyword = head.group(1).upper().replace(".", "-")  # LAST.UPDATED is LAST-UPDATED
        if keyword == "DATA":
            return meta, text[head.end() :], line
        stmt = _STATEMENT.match(text, head.end())
        if stmt is None or _NEXT_KEYWORD.search(_QUOTED.sub('""', stmt.group())):
            # the next keyword starts on a later line before any ';': this one was not ended
            raise DataError(source, f"keyword {keyword} is not ended by ';'", line)
        if head.group(2) is None:
            args = tuple(_strings(head.group(3) or "", source, line))
            meta.setdefault((keyword, args), []).append((stmt.group()[:-1], line))
        line += text.count("\n", head.start(1), stmt.end())
        pos = stmt.end()


def _strings(value: str, source: str, line: int) -> list[str]:
    """Split "a","b" lists; quoted pieces with only space between them form one string."""
    out: list[str] = []
    pending: str | None = None
    joinable = False
    for match in _tokens(_ITEM, value, source, line):
        quoted, comma, bare = match.groups()
        if comma:
            if pending is None:
                raise DataError(source, f"empty item in list {value.strip()[:40]!r}", line)
            out.append(pending)
            pending, joinable = None, False
        elif pending is None or (joinable and quoted is not None):
            pending = (pending or "") + (quoted if quoted is not None else bare)
            joinable = quoted is not None
        else:
            raise DataError(source, f"missing comma in list {value.strip()[:40]!r}", line)
    if pending is not None:
        out.append(pending)
    return out


class _Table:
    """PX keywords of one file, turned into dimensions and then a Cube."""

    def __init__(self, meta: dict[Key, list[tuple[str, int]]], source: str) -> None:
        self.meta = meta
        self.source = source

    def fail(self, problem: str, line: int | None = None) -> NoReturn:
        """Stop with a DataError naming this file."""
        raise DataError(self.source, problem, line)

    def values(self, keyword: str, *args: str) -> list[str] | None:
        """All strings of the first KEYWORD(args)=...; None when absent."""
        found = self.meta.get((keyword, args))
        if not found:
            return None
        raw, line = found[0]
        return _strings(raw, self.source, line)

    def text(self, keyword: str, *args: str) -> str | None:
        """The keyword's strings joined into one text; None when absent or empty."""
        items = self.values(keyword, *args)
        return " ".join(items) if items else None

    def cube(self, data: str, data_line: int) -> Cube:
        """Dimensions in STUB then HEADING order, with DATA checked against their sizes."""
        if any(keyword == "KEYS" for keyword, _ in self.meta):
            self.fail("PX files with KEYS (sparse DATA) are not supported")
        names = (self.values("STUB") or []) + (self.values("HEADING") or [])
        if not names:
            self.fail("no STUB or HEADING variables")
        if len(set(names)) != len(names):
            self.fail("a variable is named twice in STUB/HEADING")
        dims = tuple(self._dimension(name) for name in names)
        # PxWeb ends DATA with ';', some writers end every row with one, some none at all
        body = data.rstrip(" \t\r\n\x1a")
        need = math.prod(len(d.codes) for d in dims)
        try:
            values, statuses = _cells(body.replace(";", " "), data_line, self.source)
        except DataError:
            if body.endswith(";"):
                raise
            values, statuses = (), ()  # a cut-off last cell: the ending is what is wrong
        if not body.endswith(";") and len(values) != need:
            # without its final ';' DATA is whole only when it has exactly the cells needed
            self.fail("DATA is not ended by ';' (the file may be truncated)", data_line)
        if len(values) != need:
            shape = " x ".join(str(len(d.codes)) for d in dims)
            self.fail(
                f"DATA has {len(values)} cells but the table needs {need} ({shape})", data_line
            )
        notes = [n for key in ("NOTE", "NOTEX") for n in self.values(key) or []]
        return Cube(
            source=self.source,
            label=self.text("TITLE") or self.text("CONTENTS") or self.source,
            dimensions=dims,
            values=values,
            statuses=statuses,
            updated=self._updated(),
            notes=tuple(notes),
        )

    def _dimension(self, name: str) -> Dimension:
        """One variable: CODES (or VALUES when absent), labels, role and per-content UNITS."""
        labels = self.values("VALUES", name)
        if labels is None:
            self.fail(f"no VALUES for variable {name!r}")
        codes = self.values("CODES", name) or labels
        if len(codes) != len(labels):
            self.fail(f"variable {name!r} has {len(codes)} CODES but {len(labels)} VALUES")
        if len(set(codes)) != len(codes):
            dup = next(c for c in codes if codes.count(c) > 1)
            self.fail(f"variable {name!r} has duplicate code {dup!r}")
        dim_id = self.text("VARIABLE-CODE", name) or name
        role = self._role(name, dim_id)
        units: tuple[str, ...] = ()
        if role == "metric":
            default = self.text("UNITS") or ""
            units = tuple(
                self.text("UNITS", label) or self.text("UNITS", code) or default
                for code, label in zip(codes, labels, strict=True)
            )
            if not any(units):
                units = ()
        return Dimension(dim_id, name, tuple(codes), tuple(labels), role, units)

    def _role(self, name: str, dim_id: str) -> Role:
        """Time from TIMEVAL, metric from CONTVARIABLE or the usual names, geo from MAP."""
        names = {name.lower(), dim_id.lower()}
        if ("TIMEVAL", (name,)) in self.meta:
            return "time"
        timeval = any(keyword == "TIMEVAL" for keyword, _ in self.meta)
        if not timeval and (is_time_name(name) or is_time_name(dim_id)):
            return "time"
        contvariable = self.text("CONTVARIABLE")
        if name == contvariable or names & _METRIC_NAMES:
            return "metric"
        if ("MAP", (name,)) in self.meta:
            return "geo"
        return None

    def _updated(self) -> str | None:
        """The latest LAST-UPDATED (global or per content) as ISO 'YYYY-MM-DDTHH:MM'."""
        stamps = [
            " ".join(_strings(raw, self.source, line))
            for (keyword, _), found in self.meta.items()
            if keyword == "LAST-UPDATED"
            for raw, line in found
        ]
        if not stamps:
            return None
        latest = max(stamps)
        match = _STAMP.fullmatch(latest.strip())
        if match is None:
            return latest
        year, month, day, hour, minute = match.groups()
        return f"{year}-{month}-{day}T{hour}:{minute}"


def _cells(
    data: str, first_line: int, source: str
) -> tuple[tuple[float | None, ...], tuple[str, ...]]:
    """Numbers and symbols of DATA, in file order; an unknown token is an error with its line."""
    values: list[float | None] = []
    statuses: list[str] = []
    number_ok = _NUMBER.fullmatch
    for token in data.replace(",", " ").split():
        quoted = len(token) >= 2 and token[0] == token[-1] == '"'
        symbol = token[1:-1] if quoted else token
        if symbol in SYMBOLS:
            values.append(None)
            statuses.append(symbol)
            continue
        number = float(token) if number_ok(token) else math.nan
        if not math.isfinite(number):
            cell = len(values)
            line = first_line + _newlines_before_token(data, cell)
            problem = f"DATA cell {cell + 1} is {symbol[:40]!r}, not a number"
            raise DataError(source, problem, line)
        values.append(number)
        statuses.append("")
    return tuple(values), tuple(statuses)


def _newlines_before_token(data: str, index: int) -> int:
    """How many lines down DATA's token number `index` (from 0) sits; used only for messages."""
    for i, match in enumerate(re.finditer(r"[^\s,;]+", data)):
        if i == index:
            return data.count("\n", 0, match.start())
    return data.count("\n")


def _tokens(pattern: re.Pattern[str], text: str, source: str, line: int) -> Iterator[re.Match[str]]:
    """The pattern's matches, refusing anything but spaces and commas between them (a lone quote)."""
    end = 0
    for match in pattern.finditer(text):
        if text[end : match.start()].strip(" \t\r\n,"):
            at = line + text.count("\n", 0, match.start())
            raise DataError(source, f"unexpected {text[end : match.start()].strip()[:20]!r}", at)
        end = match.end()
        yield match
    if text[end:].strip(" \t\r\n,"):
        at = line + text.count("\n", 0, end)
        raise DataError(source, f"unexpected {text[end:].strip()[:20]!r}", at)
