"""Run `ikt` in-process in the same environment on every machine."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import FakeTTY, Result, Run
from tui.cli.main import main
from tui.core.dataset import Dataset, load_dataset
from tui.core.loader import default_data_dir


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
        "LC_MESSAGES",
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
