"""A table or dataset from the cache first when asked, else from its API and kept in the cache:
SSB's and Eurostat's fetches share it, so both treat a young, stale or corrupt copy alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from tui.core import cache as disk
from tui.core.cube import Cube
from tui.core.errors import DataError, NetworkError
from tui.core.ssb_query import one_line

Parse = Callable[[Any, str], Cube]
"""Reads an answer's body into a cube; problems name the source given."""


@dataclass(frozen=True)
class Fetched:
    """A table's JSON-stat2 body as it will be cached, its parsed form and its URL."""

    body: bytes
    content_type: str
    url: str
    cube: Cube
    requests: int


@dataclass(frozen=True)
class FetchResult:
    """A table for the explorer, with provenance so the screen can say how fresh it is."""

    cube: Cube
    fetched_at: str
    from_cache: bool
    url: str
    notes: tuple[str, ...] = ()


def cached_cube(key: str, notes: list[str], parse: Parse) -> tuple[disk.CacheEntry, Cube] | None:
    """The cached entry if present and sound; a corrupt one becomes a note, never a crash."""
    try:
        entry = disk.read_entry(key)
        if entry is None:
            return None
        try:
            cube = parse(entry.body, str(entry.path))  # problems name the file...
        except DataError as exc:
            raise disk.CorruptCacheEntry(entry.path, exc.problem) from exc
        return entry, replace(cube, source=entry.url)  # ...but the figures come from the API
    except disk.CorruptCacheEntry as exc:
        notes.append(str(exc))
        return None


def cache_first(
    key: str,
    notes: list[str],
    parse: Parse,
    *,
    offline: bool,
    cache: bool,
    max_age: float | None,
    what: str,
) -> FetchResult | None:
    """The cached copy when offline, or when it is younger than `max_age` seconds; None: ask the
    network. Offline without a sound copy is one NetworkError line naming `what`."""
    if not (offline or (cache and max_age is not None)):
        return None
    hit = cached_cube(key, notes, parse)
    if hit is not None and (offline or disk.age_seconds(hit[0].fetched_at) <= (max_age or 0.0)):
        entry, cube = hit
        return FetchResult(cube, entry.fetched_at, True, entry.url, tuple(notes))
    if offline:
        why = f" ({notes[-1]})" if notes else ""
        raise NetworkError(f"offline and no cached copy of {what}{why}")
    return None


def kept(key: str, got: Fetched, notes: list[str], cache: bool, what: str) -> FetchResult:
    """A fresh answer, written to the cache when asked; a cache that cannot take it is a note."""
    fetched_at = disk.utc_now_iso()
    if cache:
        try:
            disk.write_entry(key, got.body, got.url, got.content_type, fetched_at=fetched_at)
        except (OSError, DataError) as exc:
            notes.append(f"could not save {what} to the cache: {one_line(str(exc))}")
    return FetchResult(got.cube, fetched_at, False, got.url, tuple(notes))
