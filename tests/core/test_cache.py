"""The table cache: atomic writes that survive a killed writer; corrupt entries never crash."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core import cache
from tui.core.errors import DataError

KEY = "ssb-10974-no.json"
URL = "https://data.ssb.no/api/pxwebapi/v2/tables/10974/data?lang=no&outputFormat=json-stat2"
BODY = '{"version": "2.0", "class": "dataset", "label": "Bruk av sosiale medier, etter næring"}'
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("IKT_CACHE_DIR", str(root))
    return root


def test_directory_comes_from_environment_else_platform(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cache.cache_dir() == cache_root
    monkeypatch.delenv("IKT_CACHE_DIR")
    assert "ikt-explorer" in cache.cache_dir().parts


def test_round_trip_keeps_bytes_and_provenance(cache_root: Path) -> None:
    body = BODY.encode("utf-8")
    path = cache.write_entry(KEY, body, URL, "application/json; charset=UTF-8")
    assert path == cache_root / KEY
    entry = cache.read_entry(KEY)
    assert entry is not None
    assert (entry.key, entry.path, entry.body, entry.url) == (KEY, path, body, URL)
    assert entry.content_type == "application/json; charset=UTF-8"
    stamp = datetime.fromisoformat(entry.fetched_at)
    assert entry.fetched_at.endswith("Z") and stamp.tzinfo is not None
    assert abs((datetime.now(UTC) - stamp).total_seconds()) < 60
    assert 0 <= cache.age_seconds(entry.fetched_at) < 60
    assert sorted(p.name for p in cache_root.iterdir()) == [KEY]  # no temp files left behind
    envelope = json.loads(path.read_bytes())
    assert envelope["url"] == URL and envelope["length"] == len(body)


def test_overwrite_replaces_and_binary_bodies_survive() -> None:
    cache.write_entry(KEY, b"old", URL, "application/json", fetched_at="2024-01-01T00:00:00Z")
    raw = bytes(range(256))
    cache.write_entry(KEY, raw, URL, "application/octet-stream")
    entry = cache.read_entry(KEY)
    assert entry is not None and entry.body == raw


def test_missing_entry_is_none() -> None:
    assert cache.read_entry(KEY) is None
    assert cache.list_entries() == []


@pytest.mark.parametrize("key", ["../escape.json", "a/b.json", "", ".hidden", "x y"])
def test_keys_must_be_plain_file_names(key: str) -> None:
    with pytest.raises(DataError, match="cache key"):
        cache.write_entry(key, b"{}", URL, "application/json")


def _envelope(**changes: object) -> bytes:
    cache.write_entry(KEY, BODY.encode(), URL, "application/json")
    env = json.loads(cache.entry_path(KEY).read_bytes())
    env.update(changes)
    return json.dumps(env).encode()


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda: b"", "file is empty"),
        (lambda: b'{"format": "ikt-explorer-cache", "ver', "bad JSON"),
        (lambda: _envelope()[:-40], "bad JSON"),
        (lambda: b"\xff\xfe{}", "not UTF-8"),
        (lambda: b'{"some": "other file"}', "not an ikt-explorer-cache envelope"),
        (lambda: b"[1, 2]", "not an ikt-explorer-cache envelope"),
        (lambda: _envelope(version=99), "unsupported envelope version 99"),
        (lambda: _envelope(url=None), "envelope field 'url' missing"),
        (lambda: _envelope(body=BODY[:-5]), "envelope says"),
        (lambda: _envelope(body=BODY.replace("2.0", "3.0")), "checksum does not match"),
        (lambda: _envelope(encoding="rot13"), "unknown body encoding"),
        (lambda: _envelope(encoding="base64", body="@@@"), "not valid base64"),
    ],
)
def test_corrupt_entries_say_which_file_and_why(make: Callable[[], bytes], problem: str) -> None:
    raw = make()
    path = cache.entry_path(KEY)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    with pytest.raises(cache.CorruptCacheEntry) as err:
        cache.read_entry(KEY)
    message = str(err.value)
    assert message.startswith(f"corrupt cache entry {path}: ")
    assert problem in message and "\n" not in message
    assert isinstance(err.value, DataError) and err.value.path == path
    listing = cache.list_entries()
    assert [(item.key, item.entry) for item in listing] == [(KEY, None)]
    assert listing[0].problem is not None and problem in listing[0].problem


def test_listing_shows_good_and_corrupt_entries_and_skips_temp_files(cache_root: Path) -> None:
    cache.write_entry("ssb-10974-en.json", b"{}", URL, "application/json")
    cache.write_entry(KEY, b"{}", URL, "application/json")
    (cache_root / "ssb-10978-no.json").write_text("not json")
    (cache_root / f".{KEY}.abc123.tmp").write_text("half a write")
    listing = cache.list_entries()
    assert [i.key for i in listing] == ["ssb-10974-en.json", KEY, "ssb-10978-no.json"]
    assert [i.entry is not None for i in listing] == [True, True, False]


def test_failed_write_leaves_old_entry_and_no_temp_file(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = cache.write_entry(KEY, b"old", URL, "application/json")
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        cache.write_entry(KEY, b"new" * 100_000, URL, "application/json")
    assert path.read_bytes() == before
    assert sorted(p.name for p in cache_root.iterdir()) == [KEY]


WRITER = """
import os, sys, time
from tui.core import cache

pause_in = sys.argv[1]
real_write, real_replace = os.write, os.replace
writes = 0

def slow_write(fd, data):
    global writes
    writes += 1
    n = real_write(fd, data)
    if pause_in == "write" and writes == 3:
        print("PAUSED", flush=True)
        time.sleep(60)
    return n

def slow_replace(src, dst):
    if pause_in == "replace":
        print("PAUSED", flush=True)
        time.sleep(60)
    real_replace(src, dst)

os.write, os.replace = slow_write, slow_replace
body = b'{"values": [' + b",".join(b"%d" % i for i in range(400_000)) + b"]}"
cache.write_entry("ssb-10974-no.json", body, "http://new", "application/json")
print("FINISHED", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("pause_in", ["write", "replace"])
def test_writer_killed_half_way_leaves_old_entry_readable(cache_root: Path, pause_in: str) -> None:
    old = BODY.encode("utf-8")
    path = cache.write_entry(KEY, old, URL, "application/json")
    before = path.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, pause_in],
        cwd=ROOT,
        env={**os.environ, "IKT_CACHE_DIR": str(cache_root)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "writer never reached the pause"
        assert proc.stdout.readline() == b"PAUSED\n"
        temps = list(cache_root.glob(f".{KEY}.*.tmp"))
        assert len(temps) == 1 and temps[0].stat().st_size > 0
        if pause_in == "write":  # caught mid-write: three 64 KiB chunks of a ~2.7 MB file
            assert temps[0].stat().st_size == 3 * 65536
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        if proc.stderr is not None:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    entry = cache.read_entry(KEY)
    assert entry is not None and entry.body == old and entry.url == URL
    assert [i.key for i in cache.list_entries()] == [KEY]  # the torn temp file is not an entry
    assert cache.remove_stale_temp_files(older_than=3600) == 0
    assert cache.remove_stale_temp_files(older_than=0) == 1
    assert sorted(p.name for p in cache_root.iterdir()) == [KEY]


def test_age_of_unreadable_stamp_is_infinite() -> None:
    assert cache.age_seconds("yesterday") == float("inf")
    assert cache.age_seconds("2000-01-01T00:00:00") > 20 * 365 * 86400
