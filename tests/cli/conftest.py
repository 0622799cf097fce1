"""Run `ikt` in-process, and read every output format back so tests compare with the data."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.dataset import Dataset, load_dataset
from tui.core.loader import default_data_dir

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass
class Result:
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


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Same answers on every machine: English unless a test says otherwise, colour allowed."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "250")
    for name in (
        "NO_COLOR",
        "FORCE_COLOR",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "COLORTERM",
        "IKT_DATA_DIR",
        "LC_ALL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """`run("get", "ec_sales_web")` -> exit code, stdout and stderr of `ikt get ec_sales_web`."""

    def _run(*argv: str) -> Result:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def tty(capsys: pytest.CaptureFixture[str]) -> Run:
    """Like `run`, with stdout a terminal: what a person at the keyboard sees."""

    def _run(*argv: str, encoding: str = "utf-8") -> Result:
        fake = FakeTTY(encoding)
        saved, sys.stdout = sys.stdout, fake
        try:
            code = main(list(argv))
        finally:
            sys.stdout = saved
        return Result(code, fake.getvalue(), capsys.readouterr().err)

    return _run


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ that a test may edit; the product reads it through IKT_DATA_DIR."""
    folder = tmp_path / "data"
    shutil.copytree(default_data_dir(), folder)
    monkeypatch.setenv("IKT_DATA_DIR", str(folder))
    return folder


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
