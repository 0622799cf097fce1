"""The exact releases the fast paths were written against, and whether they are the ones installed."""

from __future__ import annotations

import sys
from functools import cache
from importlib.util import find_spec
from pathlib import Path

WRITTEN_FOR = {"textual": "8.2.8", "plotext": "5.3.2"}
"""Package -> the release whose private parts the fast paths use (pinned in pyproject.toml)."""

FAST = dict.fromkeys(WRITTEN_FOR, True)
"""Whether each package's fast paths may run; tests switch one off to compare with the public path."""


@cache
def _installed_is(package: str, release: str) -> bool:
    """True when `release`'s metadata sits beside the package, as an install leaves it.

    The package is not imported for this (importlib.metadata would cost ~50 ms of start-up to
    read the same number).
    """
    module = sys.modules.get(package)
    if module is not None:
        origin = module.__file__
    else:
        spec = find_spec(package)
        origin = spec.origin if spec is not None else None
    folder = Path(origin or "").parent.parent
    return (folder / f"{package}-{release}.dist-info").is_dir()


def fast(package: str) -> bool:
    """True when the fast paths for `package` may run: it is the release they were written for."""
    return FAST[package] and _installed_is(package, WRITTEN_FOR[package])
