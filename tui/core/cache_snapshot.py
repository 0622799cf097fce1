"""The cache entries an update may write, as they were, so Ctrl-C can put them back exactly."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tui.core.cache import entry_path, temp_pattern, write_atomically
from tui.core.cache_place import cache_dir


@dataclass(frozen=True)
class CacheSnapshot:
    """Each entry's bytes (None when absent), the temporary files there were, and the folder."""

    folder: Path
    folder_existed: bool
    entries: dict[str, bytes | None]
    temp_files: frozenset[str]

    @classmethod
    def take(cls, keys: Iterable[str], folder: Path | None = None) -> CacheSnapshot:
        """Read every entry now, before anything is fetched."""
        root = folder or cache_dir()
        entries: dict[str, bytes | None] = {}
        for key in keys:
            try:
                entries[key] = entry_path(key, root).read_bytes()
            except FileNotFoundError:
                entries[key] = None
        return cls(root, root.is_dir(), entries, frozenset(_temp_files(root, entries)))

    def restore(self) -> None:
        """Old bytes written back whole, new entries and their temporary files removed."""
        for key, old in self.entries.items():
            path = entry_path(key, self.folder)
            if old is None:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            try:
                same = path.read_bytes() == old
            except FileNotFoundError:
                same = False
            if not same:
                write_atomically(path, old)
        for name in _temp_files(self.folder, self.entries) - self.temp_files:
            with contextlib.suppress(FileNotFoundError):
                (self.folder / name).unlink()
        if not self.folder_existed:
            with contextlib.suppress(OSError):  # not empty: something else lives there now
                self.folder.rmdir()


def _temp_files(folder: Path, keys: Iterable[str]) -> set[str]:
    """The temporary files of these entries' writers in the folder now."""
    if not folder.is_dir():
        return set()
    return {path.name for key in keys for path in folder.glob(temp_pattern(key))}
