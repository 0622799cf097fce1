"""Every runtime dependency pyproject.toml declares is imported by tui/, and every import is declared.

Distribution names become module names through the installed packages' own metadata
(textual-plotext -> textual_plotext), with the usual spelling (lower case, - as _) as fallback.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_PARTY = {"tui"}
REQUIREMENT_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(pyproject: Path) -> set[str]:
    """The runtime dependencies' distribution names, canonical (PEP 503)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    names = set()
    for requirement in project.get("dependencies", []):
        match = REQUIREMENT_NAME.match(requirement)
        assert match, requirement
        names.add(canonical(match.group(1)))
    return names


def imported(package: Path) -> dict[str, list[str]]:
    """Top-level modules imported anywhere under `package` (in functions too) -> the files."""
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in FIRST_PARTY:
                    found.setdefault(top, []).append(str(path.relative_to(package.parent)))
    return found


def distribution_of(module: str, installed: dict[str, list[str]]) -> str:
    """The distribution that provides `module`, as its metadata says, else the module's name."""
    names = installed.get(module)
    return canonical(names[0]) if names else canonical(module)


def mismatch(pyproject: Path, package: Path) -> tuple[set[str], dict[str, list[str]]]:
    """(declared but never imported, imported but not declared -> where)."""
    installed = packages_distributions()
    wanted = declared(pyproject)
    used = {module: distribution_of(module, installed) for module in imported(package)}
    undeclared = {
        module: files for module, files in imported(package).items() if used[module] not in wanted
    }
    return wanted - set(used.values()), undeclared


def test_dependencies_and_imports_agree() -> None:
    unused, undeclared = mismatch(ROOT / "pyproject.toml", ROOT / "tui")
    assert not unused, f"declared in pyproject.toml, imported nowhere under tui/: {unused}"
    assert not undeclared, f"imported under tui/, not declared in pyproject.toml: {undeclared}"


def test_the_check_sees_both_directions(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndependencies = ["textual-plotext==1.0.1", "Left_Pad>=1"]\n',
        encoding="utf-8",
    )
    package = tmp_path / "tui"
    package.mkdir()
    (package / "a.py").write_text(
        "import os\nfrom tui.core import x\n\ndef f():\n    import textual_plotext.widget\n"
        "    from httpx import Client\n",
        encoding="utf-8",
    )
    unused, undeclared = mismatch(tmp_path / "pyproject.toml", package)
    assert unused == {"left-pad"}
    assert undeclared == {"httpx": ["tui/a.py"]}
