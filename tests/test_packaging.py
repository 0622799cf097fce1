"""The wheel carries every package and the embedded data: the package list is checked against tui/."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_for_the_wheel() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "tui").rglob("__init__.py")
    }
    assert set(setuptools["packages"]) == on_disk | {"tui.data"}
    assert setuptools["package-dir"] == {"tui.data": "data"}
    assert not (ROOT / "data" / "__init__.py").exists()


def test_every_data_file_travels() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = setuptools["package-data"]["tui.data"]
    shipped = {p for pattern in patterns for p in (ROOT / "data").glob(pattern)}
    assert shipped == {p for p in (ROOT / "data").iterdir() if p.is_file()}
