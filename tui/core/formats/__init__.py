"""Open any supported statistics file by looking at its content, so the rest sees only a `Cube`."""

from __future__ import annotations

import gzip
import io
import os
import re
import zlib
from pathlib import Path

from tui.core.cube import Cube
from tui.core.errors import DataError
from tui.core.formats.eurostat import parse_eurostat_tsv, parse_sdmx_csv
from tui.core.formats.jsonstat import parse_jsonstat
from tui.core.formats.px import parse_px

__all__ = ["DEFAULT_MAX_BYTES", "parse_jsonstat", "read_table"]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_HTML = re.compile(
    rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S
)
_PX_KEYWORD = re.compile(rb'\s*[A-Z][A-Z0-9.-]*(\[[^\]]*\])?(\("[^"]*"(,\s*"[^"]*")*\))?\s*=')


def read_table(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Cube:
    """Read a JSON-stat 2.0, PX, Eurostat TSV (plain or gzip) or SDMX-CSV file into a Cube."""
    source = str(path)
    raw = _read_bytes(source, max_bytes)
    if raw.startswith(_GZIP_MAGIC):
        raw = _gunzip(raw, source, max_bytes)
    body = raw.removeprefix(b"\xef\xbb\xbf")
    if not body.strip():
        raise DataError(source, "file is empty")
    first_line = body.split(b"\n", 1)[0]
    if body.lstrip()[:1] in (b"{", b"["):
        return parse_jsonstat(raw, source)
    if b"\x00" in body[:4096]:
        raise DataError(source, "binary data, not a statistics file")
    if _PX_KEYWORD.match(body):
        return parse_px(raw, source)
    if b"\t" in first_line and b"\\" in first_line.split(b"\t", 1)[0]:
        return parse_eurostat_tsv(raw, source)
    if b"OBS_VALUE" in first_line and (b"," in first_line or b";" in first_line):
        return parse_sdmx_csv(raw, source)
    if _HTML.match(body):
        raise DataError(
            source,
            "looks like an HTML page (a web or error page saved in place of the table), "
            "not a statistics file",
        )
    raise DataError(source, "unknown format (expected JSON-stat 2.0, PX, Eurostat TSV or SDMX-CSV)")


def _read_bytes(source: str, max_bytes: int) -> bytes:
    """The file's bytes, refused before reading when larger than the limit."""
    if os.path.isdir(source):
        raise DataError(source, "is a folder, not a file")
    try:
        size = os.stat(source).st_size
        if size > max_bytes:
            raise DataError(source, f"file is {_mb(size)}, larger than the {_mb(max_bytes)} limit")
        with open(source, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise DataError(source, f"cannot read file: {exc.strerror or exc}") from exc


def _gunzip(raw: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip, stopping at the size limit so a small file cannot expand without bound."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            data = stream.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as exc:
        raise DataError(source, f"broken gzip data: {exc}") from exc
    if len(data) > max_bytes:
        raise DataError(source, f"gzip content is larger than the {_mb(max_bytes)} limit")
    return data


def _mb(n: int) -> str:
    """A byte count as people read sizes: MB with one decimal, plain bytes below 1 MB."""
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"
