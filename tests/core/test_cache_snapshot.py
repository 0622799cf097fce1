"""A snapshot of the cache entries an update may write puts every byte back, and nothing more."""

from __future__ import annotations

from pathlib import Path

from tui.core import cache
from tui.core.cache_snapshot import CacheSnapshot


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


def test_old_entries_come_back_and_new_ones_go(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache.write_entry("ssb-10974-no.json", b'{"old": 1}', "u", "application/json", directory=folder)
    (folder / "notes.txt").write_bytes(b"not ours")
    (folder / ".ssb-10974-no.json.old.tmp").write_bytes(b"a dead writer's, from before")
    before = folder_bytes(folder)
    keys = ["ssb-10974-no.json", "ssb-10977-no.json"]
    snapshot = CacheSnapshot.take(keys, folder)
    cache.write_entry("ssb-10974-no.json", b'{"new": 1}', "u", "application/json", directory=folder)
    cache.write_entry("ssb-10977-no.json", b'{"new": 2}', "u", "application/json", directory=folder)
    (folder / ".ssb-10977-no.json.abc.tmp").write_bytes(b"half")  # a write cut short
    assert folder_bytes(folder) != before
    snapshot.restore()
    assert folder_bytes(folder) == before


def test_an_entry_removed_meanwhile_is_written_back(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache.write_entry("ssb-10974-no.json", b"{}", "u", "application/json", directory=folder)
    before = folder_bytes(folder)
    snapshot = CacheSnapshot.take(["ssb-10974-no.json"], folder)
    (folder / "ssb-10974-no.json").unlink()
    snapshot.restore()
    assert folder_bytes(folder) == before


def test_a_cache_folder_the_update_made_goes_again(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    snapshot = CacheSnapshot.take(["eurostat-tin00110.json"], folder)
    cache.write_entry("eurostat-tin00110.json", b"{}", "u", "application/json", directory=folder)
    snapshot.restore()
    assert not folder.exists()
