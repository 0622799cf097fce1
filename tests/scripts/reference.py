"""Where the reference inputs are: IKT_REFERENCE_DIR, else shared/reference beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def reference_dir() -> Path:
    """The reference inputs, found without a machine path: an override, else the nearest
    `shared/reference` beside the checkout or beside a folder holding it (a worktree's)."""
    override = os.environ.get("IKT_REFERENCE_DIR")
    if override:
        return Path(override)
    for folder in ROOT.parents:
        candidate = folder / "shared" / "reference"
        if (candidate / "ssb_ikt_figures.csv").is_file():
            return candidate
    raise AssertionError(
        "the build tests need the reference inputs: set IKT_REFERENCE_DIR or put "
        "shared/reference beside the checkout"
    )
