"""One-shot commands stay light: no Textual, no plotext, no pandas; Rich only for a terminal."""

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
