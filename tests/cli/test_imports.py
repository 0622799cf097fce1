"""One-shot commands stay light: no Textual, no plotext, no pandas; Rich only for a terminal;
pandas and openpyxl only for a workbook."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("textual", "plotext", "pandas")


def loaded_after(argv: list[str]) -> set[str]:
    """Top-level packages imported by running `ikt ARGV` in a fresh interpreter, piped."""
    script = (
        f"import sys; from tui.cli.main import main; code = main({argv!r}); sys.stdout.flush(); "
        "print('\\nMODULES', code, ' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    last = done.stdout.strip().splitlines()[-1].split()
    assert last[:2] == ["MODULES", "0"], done.stderr
    return set(last[2:])


def test_the_documented_check() -> None:
    script = (
        "import sys; from tui.cli.main import main; "
        "main(['get','ec_sales_web','--year','2012','--format','json']); "
        "print(any(m.startswith(('textual','plotext')) for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize(
    "argv",
    [
        ["get", "ec_sales_web", "--year", "2012", "--format", "json"],
        ["get", "ec_sales_web", "--format", "csv"],
        ["show", "ecommerce", "--format", "csv"],
        ["show", "policy", "--geo", "NO,SE", "--format", "json"],
        ["show", "ecommerce"],  # a table into a pipe is plain text
        ["list", "--format", "markdown"],
    ],
)
def test_no_heavy_imports(argv: list[str]) -> None:
    loaded = loaded_after(argv)
    assert not loaded & {*HEAVY, "rich"}, loaded & {*HEAVY, "rich"}


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "ecommerce", "--output", "{folder}/ecommerce.txt"],
        ["show", "policy", "--by", "size", "--format", "json", "--output", "{folder}/p.json"],
        ["get", "ec_sales_web", "--format", "csv", "--output", "{folder}/web.csv"],
        ["list", "ecommerce", "--format", "markdown", "--output", "{folder}/list.md"],
    ],
)
def test_no_heavy_imports_into_a_file(argv: list[str], tmp_path: Path) -> None:
    loaded = loaded_after([word.format(folder=tmp_path) for word in argv])
    assert not loaded & {*HEAVY, "rich", "openpyxl"}, loaded & {*HEAVY, "rich", "openpyxl"}
    assert len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize("command", [["show", "ecommerce"], ["get", "ec_sales_web"]])
def test_a_workbook_loads_pandas_and_openpyxl_only(command: list[str], tmp_path: Path) -> None:
    loaded = loaded_after([*command, "--format", "xlsx", "--output", str(tmp_path / "w.xlsx")])
    assert {"pandas", "openpyxl"} <= loaded
    assert not loaded & {"textual", "plotext", "rich"}
