"""The files in the cache's `start/` folder: a CRC-32 in front, written whole or not at all.

They only make a start faster (the ready-made data, Textual's parsed CSS), so a file that is
missing, cut short or damaged reads as absent, and one that cannot be written is left unwritten.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from pathlib import Path

START_FOLDER = "start"
"""The cache's subfolder for these files (the cache's own entries are files beside it)."""
_CRC_BYTES = 4


def read_start_file(path: Path) -> bytes | None:
    """The body written to `path`, or None when it is missing or fails its CRC."""
    try:
        with path.open("rb") as handle:
            content = handle.read()
    except OSError:
        return None
    crc, body = content[:_CRC_BYTES], content[_CRC_BYTES:]
    if len(crc) != _CRC_BYTES or int.from_bytes(crc, "big") != zlib.crc32(body):
        return None
    return body


def write_start_file(path: Path, body: bytes) -> None:
    """Write `body` with its CRC through a temporary file beside `path`, then rename it."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temp.open("wb") as handle:
            handle.write(zlib.crc32(body).to_bytes(_CRC_BYTES, "big") + body)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):  # the folder itself may be what cannot be made
            temp.unlink(missing_ok=True)
