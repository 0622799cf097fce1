"""`ikt --version` names the package and its version, the one its metadata declares."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from tests.helpers.cli import Run
from tui import __version__


def test_version_is_the_package_version(run: Run) -> None:
    result = run("--version")
    assert result.code == 0
    assert result.out == f"ikt-explorer {__version__}\n"
    assert __version__ == version("ikt-explorer")


def test_version_from_the_installed_command() -> None:
    ikt = Path(sys.executable).with_name("ikt")
    done = subprocess.run([str(ikt), "--version"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"ikt-explorer {__version__}\n", "")
