"""Where the cache of fetched tables lives; a leaf, so start-up can look there cheaply."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

CACHE_DIR_ENV = "IKT_CACHE_DIR"


def cache_dir() -> Path:
    """The cache directory: $IKT_CACHE_DIR when set, else the platform's user cache dir."""
    env = os.environ.get(CACHE_DIR_ENV, "").strip()
    return Path(env) if env else Path(platformdirs.user_cache_dir("ikt-explorer"))
