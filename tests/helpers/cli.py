"""Read every output format of `ikt` back, so tests compare what it printed with the data."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass
class Result:
    """What one run of `ikt` gave: its exit code, stdout and stderr."""

    code: int
    out: str
    err: str


Run = Callable[..., Result]


class FakeTTY(io.StringIO):
    """A stdout that says it is a terminal, as a real one would."""

    def __init__(self, encoding: str = "utf-8") -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return True


def set_label(folder: Path, kind: str, ident: str, nb: str, en: str) -> None:
    """Replace one label of the copied data."""
    path = folder / "labels.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows:
        if row[0] == kind and row[1] == ident:
            row[2], row[3] = nb, en
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


# --- reading outputs back


def read_csv(text: str) -> list[dict[str, str]]:
    assert "\r\n" in text and text.endswith("\r\n")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def read_json(text: str) -> list[dict[str, object]]:
    data = json.loads(text)
    assert isinstance(data, list)
    return data


def read_markdown(text: str) -> list[list[str]]:
    """The pipe table's rows (header first, separator left out), cells unescaped."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("|"):
            continue
        cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
        cells = [re.sub(r"\\(.)", r"\1", cell.strip()) for cell in cells]
        if all(re.fullmatch(r"-+:?", cell) for cell in cells):
            continue
        rows.append(cells)
    return rows


def read_plain(text: str) -> list[list[str]]:
    """The plain table's rows (header first): columns are where the dashed rule says."""
    lines = text.splitlines()
    rule_at = next(i for i, line in enumerate(lines) if re.fullmatch(r"-+( +-+)*", line))
    spans = [m.span() for m in re.finditer(r"-+", lines[rule_at])]
    body = [lines[rule_at - 1]]
    for line in lines[rule_at + 1 :]:
        if not line.strip():
            break
        body.append(line)
    rows = []
    for line in body:
        cells = []
        for n, (start, end) in enumerate(spans):
            stop = spans[n + 1][0] if n + 1 < len(spans) else len(line)
            cells.append(line[start : max(end, stop)].strip())
        rows.append(cells)
    return rows


def read_rich(text: str) -> list[list[str]]:
    """The Rich table's rows (header first), escape codes and box lines removed."""
    rows = []
    for line in ANSI.sub("", text).splitlines():
        if line.startswith(("│", "┃")):
            rows.append([cell.strip() for cell in re.split("[│┃]", line)[1:-1]])
    return rows
