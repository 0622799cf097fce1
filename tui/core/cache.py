"""On-disk cache of fetched tables, so the explorer works offline and survives crashes mid-write."""

from __future__ import annotations

import base64
import contextlib
import math
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.core.cache_place import cache_dir
from tui.core.errors import DataError

ENVELOPE_FORMAT = "ikt-explorer-cache"
ENVELOPE_VERSION = 1
_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_CHUNK = 1 << 16
_TEMP_SUFFIX = ".tmp"


class CorruptCacheEntry(DataError):
    """A cache file exists but cannot be trusted; callers report it and fetch again."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        super().__init__(f"corrupt cache entry {path}", problem)


@dataclass(frozen=True)
class CacheEntry:
    """One cached response body with where and when it was fetched."""

    key: str
    path: Path
    body: bytes
    url: str
    fetched_at: str
    content_type: str


@dataclass(frozen=True)
class CacheListing:
    """One file in the cache directory: its entry, or the problem that makes it unusable."""

    key: str
    path: Path
    entry: CacheEntry | None
    problem: str | None


def utc_now_iso() -> str:
    """Current time as ISO 8601 UTC with a 'Z', the form stored in every entry."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def entry_path(key: str, directory: Path | None = None) -> Path:
    """Where `key` lives; keys are plain file names so nothing escapes the cache directory."""
    if not _KEY_RE.match(key) or ".." in key:
        raise DataError("cache key", f"{key!r} is not a plain file name")
    return (directory or cache_dir()) / key


def write_entry(
    key: str,
    body: bytes,
    url: str,
    content_type: str,
    *,
    fetched_at: str | None = None,
    directory: Path | None = None,
) -> Path:
    """Store `body` atomically: temp file in the same directory, fsync, then os.replace."""
    import hashlib  # here, not at the top: the explorer's start-up only needs cache_dir()
    import json

    path = entry_path(key, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        text, encoding = body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = base64.b64encode(body).decode("ascii"), "base64"
    envelope = {
        "format": ENVELOPE_FORMAT,
        "version": ENVELOPE_VERSION,
        "key": key,
        "url": url,
        "fetched_at": fetched_at or utc_now_iso(),
        "content_type": content_type,
        "length": len(body),
        "sha256": hashlib.sha256(body).hexdigest(),
        "encoding": encoding,
        "body": text,
    }
    write_atomically(path, json.dumps(envelope, ensure_ascii=False).encode("utf-8"))
    return path


def temp_pattern(name: str) -> str:
    """The temporary files a file of this name is written through, as a glob."""
    return f"{_temp_prefix(name)}*{_TEMP_SUFFIX}"


def _temp_prefix(name: str) -> str:
    """Hidden and named after the file, so listings skip it and a dead writer's is found."""
    return f".{name}."


def write_atomically(path: Path, data: bytes) -> None:
    """Whole old file or whole new file, never a mix: temp file beside it, fsync, os.replace."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_temp_prefix(path.name), suffix=_TEMP_SUFFIX)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view[:_CHUNK])
            view = view[written:]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable where the platform allows syncing a directory."""
    try:
        dfd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def read_entry(key: str, directory: Path | None = None) -> CacheEntry | None:
    """The cached entry for `key`, None when absent; CorruptCacheEntry when unusable."""
    path = entry_path(key, directory)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CorruptCacheEntry(path, f"cannot read: {exc.strerror or exc}") from exc
    return _decode(key, path, raw)


def _decode(key: str, path: Path, raw: bytes) -> CacheEntry:
    """Check the envelope field by field so every failure names its cause."""
    import hashlib
    import json

    if not raw:
        raise CorruptCacheEntry(path, "file is empty")
    try:
        env: Any = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CorruptCacheEntry(path, f"not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        problem = f"bad JSON ({exc.msg} at byte {exc.pos} of {len(raw)})"
        raise CorruptCacheEntry(path, problem) from exc
    if not isinstance(env, dict) or env.get("format") != ENVELOPE_FORMAT:
        raise CorruptCacheEntry(path, f"not an {ENVELOPE_FORMAT} envelope")
    if env.get("version") != ENVELOPE_VERSION:
        raise CorruptCacheEntry(path, f"unsupported envelope version {env.get('version')!r}")
    for name in ("url", "fetched_at", "content_type", "sha256", "encoding", "body"):
        if not isinstance(env.get(name), str):
            raise CorruptCacheEntry(path, f"envelope field {name!r} missing or not text")
    if env["encoding"] == "utf-8":
        body = env["body"].encode("utf-8")
    elif env["encoding"] == "base64":
        try:
            body = base64.b64decode(env["body"], validate=True)
        except ValueError as exc:
            raise CorruptCacheEntry(path, "body is not valid base64") from exc
    else:
        raise CorruptCacheEntry(path, f"unknown body encoding {env['encoding']!r}")
    if env.get("length") != len(body):
        problem = f"body is {len(body)} bytes, envelope says {env.get('length')}"
        raise CorruptCacheEntry(path, problem)
    if hashlib.sha256(body).hexdigest() != env["sha256"]:
        raise CorruptCacheEntry(path, "body checksum does not match")
    return CacheEntry(key, path, body, env["url"], env["fetched_at"], env["content_type"])


def list_entries(directory: Path | None = None) -> list[CacheListing]:
    """Every entry in the cache, corrupt ones included with their problem, sorted by key."""
    root = directory or cache_dir()
    if not root.is_dir():
        return []
    out: list[CacheListing] = []
    for path in sorted(root.iterdir()):
        if path.name.startswith(".") or not path.is_file() or not _KEY_RE.match(path.name):
            continue  # temp files from interrupted writes and foreign files are not entries
        try:
            entry = read_entry(path.name, root)
        except CorruptCacheEntry as exc:
            out.append(CacheListing(path.name, path, None, exc.problem))
        else:
            if entry is not None:
                out.append(CacheListing(path.name, path, entry, None))
    return out


def remove_stale_temp_files(directory: Path | None = None, older_than: float = 3600.0) -> int:
    """Delete temp files left by writers that died before renaming; returns how many."""
    root = directory or cache_dir()
    if not root.is_dir():
        return 0
    now = datetime.now(UTC).timestamp()
    removed = 0
    for path in root.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime >= older_than:
                path.unlink()
                removed += 1
    return removed


def age_seconds(fetched_at: str) -> float:
    """How old an entry is from its fetched-at stamp; unreadable stamps count as infinitely old."""
    try:
        then = datetime.fromisoformat(fetched_at)
    except ValueError:
        return math.inf
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    return (datetime.now(UTC) - then).total_seconds()
