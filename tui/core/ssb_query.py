"""The network-free half of the SSB client: URLs, query bodies, pacing and merging split answers."""

from __future__ import annotations

import contextlib
import copy
import email.utils
import json
import math
import os
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

from tui.core.errors import DataError

DEFAULT_BASE_URL = "https://data.ssb.no/api/pxwebapi/v2"
BASE_URL_ENV = "IKT_SSB_API_URL"
V0_URL_ENV = "IKT_SSB_API_V0_URL"
MAX_URL_LENGTH = 2000  # SSB answers 404 to GET URLs much longer than this
MAX_RETRY_AFTER = 120.0
SSB_API_LANGS = ("no", "en")  # the languages SSB's API speaks, not the product's
_TABLE_RE = re.compile(r"^[A-Za-z0-9_]+$")
_SAFE = "-._~"

Selection = Sequence[tuple[str, tuple[str, ...] | None]]  # per dimension: codes, None = all
Dims = list[tuple[str, tuple[str, ...]]]  # every dimension with all its codes, in table order


class RateLimiter:
    """Keeps us under SSB's limit (30 calls per rolling minute) instead of provoking 429s."""

    def __init__(
        self,
        max_calls: int = 30,
        period: float = 60.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.max_calls, self.period = max_calls, period
        self._clock, self._sleep = clock, sleep
        self._calls: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self, before_wait: Callable[[float], None] | None = None) -> float:
        """Wait until one more call fits in the window, record it, return the seconds waited.

        `before_wait` is told each wait's seconds before it starts, for a progress display.
        """
        waited = 0.0
        with self._lock:
            while True:
                now = self._clock()
                while self._calls and now - self._calls[0] >= self.period:
                    self._calls.popleft()
                if len(self._calls) < self.max_calls:
                    self._calls.append(now)
                    return waited
                delay = self._calls[0] + self.period - now
                if before_wait is not None:
                    before_wait(delay)
                self._sleep(delay)
                waited += delay


def resolve_base_url(base: str | None = None) -> str:
    """The v2 base URL: argument, else $IKT_SSB_API_URL, else SSB's public API."""
    return (base or os.environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL).rstrip("/")


def resolve_v0_url(base_v2: str, v0: str | None = None) -> str:
    """The v0 base URL: argument, else $IKT_SSB_API_V0_URL, else /api/v0 on the v2 host."""
    explicit = v0 or os.environ.get(V0_URL_ENV, "").strip()
    if explicit:
        return explicit.rstrip("/")
    parts = urlsplit(base_v2)
    return f"{parts.scheme}://{parts.netloc}/api/v0"


def check_ids(table_id: str, lang: str) -> None:
    """Reject ids and languages that would build a wrong URL or cache file name."""
    if not _TABLE_RE.match(table_id):
        raise DataError("table id", f"{table_id!r} is not an SSB table id")
    if lang not in SSB_API_LANGS:
        raise DataError("language", f"expected one of {', '.join(SSB_API_LANGS)}, got {lang!r}")


def metadata_url(base: str, table_id: str, lang: str) -> str:
    """The v2 URL describing a table's dimensions and categories (JSON-stat2 without values)."""
    return f"{base}/tables/{table_id}/metadata?lang={lang}&outputFormat=json-stat2"


def data_url(base: str, table_id: str, lang: str, selection: Selection) -> str:
    """The v2 GET data URL; long code lists become [range(a,b)] to stay under the URL limit."""
    exprs = {
        d: "*" if c is None else ",".join(quote(x, safe=_SAFE) for x in c) for d, c in selection
    }

    def build() -> str:
        q = "".join(f"&valueCodes[{quote(d, safe=_SAFE)}]={e}" for d, e in exprs.items())
        return f"{base}/tables/{table_id}/data?lang={lang}&outputFormat=json-stat2{q}"

    url = build()
    for dim, codes in sorted(selection, key=lambda dc: -len(dc[1] or ())):
        if len(url) <= MAX_URL_LENGTH or codes is None or len(codes) < 3:
            break
        exprs[dim] = f"[range({quote(codes[0], safe=_SAFE)},{quote(codes[-1], safe=_SAFE)})]"
        url = build()
    return url


def v0_table_url(v0_base: str, table_id: str, lang: str) -> str:
    """The v0 URL that answers metadata to GET and data to POST."""
    return f"{v0_base}/{lang}/table/{table_id}"


def v0_query(selection: Selection) -> dict[str, Any]:
    """The v0 POST body selecting `selection` as json-stat2."""
    query = [
        {"code": d, "selection": {"filter": "all", "values": ["*"]}}
        if codes is None
        else {"code": d, "selection": {"filter": "item", "values": list(codes)}}
        for d, codes in selection
    ]
    return {"query": query, "response": {"format": "json-stat2"}}


def retry_delay(retry_after: str | None, attempt: int, backoff: float) -> float:
    """Seconds to wait before retrying: Retry-After (seconds or HTTP date), else 2^n backoff."""
    raw = (retry_after or "").strip()
    if raw:
        with contextlib.suppress(ValueError, TypeError, OverflowError):
            if re.fullmatch(r"[0-9]+(\.[0-9]+)?", raw):
                secs = float(raw)
            else:
                when = email.utils.parsedate_to_datetime(raw)
                secs = (when - datetime.now(UTC)).total_seconds()
            if math.isfinite(secs):
                return min(max(secs, 0.0), MAX_RETRY_AFTER)
    return float(backoff * 2 ** (attempt - 1))


def category_codes(category: dict[str, Any]) -> tuple[str, ...]:
    """Category codes in table order, whether `index` is a list, a dict or (one code) absent."""
    index = category.get("index")
    if isinstance(index, list):
        return tuple(str(c) for c in index)
    if isinstance(index, dict):
        return tuple(str(c) for c, _ in sorted(index.items(), key=lambda kv: int(kv[1])))
    return tuple(str(c) for c in category["label"])


def dims_from_metadata(doc: Any, source: str) -> tuple[Dims, str | None]:
    """Dimensions and the time dimension from v2 metadata (JSON-stat2) or v0 metadata."""
    try:
        if isinstance(doc, dict) and isinstance(doc.get("variables"), list):
            variables = doc["variables"]
            dims = [(str(v["code"]), tuple(str(x) for x in v["values"])) for v in variables]
            times = [str(v["code"]) for v in variables if v.get("time") is True]
        else:
            dims = [(str(d), category_codes(doc["dimension"][d]["category"])) for d in doc["id"]]
            times = [str(t) for t in (doc.get("role") or {}).get("time") or []]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(source, f"metadata does not list dimensions and codes ({exc!r})") from exc
    if not dims or any(not codes for _, codes in dims):
        raise DataError(source, "metadata lists no dimensions or a dimension without codes")
    return dims, times[0] if times else None


def _dense_values(part: dict[str, Any], total: int) -> list[Any]:
    """`value` as a full list, whether sent as a list or as a sparse object."""
    raw = part.get("value")
    if isinstance(raw, dict):
        return [raw.get(str(i)) for i in range(total)]
    if not isinstance(raw, list) or len(raw) != total:
        raise ValueError(f"'value' does not hold {total} entries")
    return raw


def _status_map(part: dict[str, Any], total: int) -> dict[int, str]:
    """`status` as position -> symbol, whether sent as a string, list or object."""
    raw = part.get("status")
    if isinstance(raw, str):
        return dict.fromkeys(range(total), raw)
    if isinstance(raw, list):
        return {i: s for i, s in enumerate(raw * (total if len(raw) == 1 else 1)) if s}
    if isinstance(raw, dict):
        return {int(k): v for k, v in raw.items() if v}
    return {}


def merge_parts(parts: Sequence[dict[str, Any]], dim: str, source: str) -> dict[str, Any]:
    """Join JSON-stat2 answers that differ only along `dim` into one dataset, in part order."""
    if len(parts) == 1:
        return parts[0]
    try:
        merged = copy.deepcopy(parts[0])
        ids = list(merged["id"])
        axis = ids.index(dim)
        sizes = [[int(n) for n in p["size"]] for p in parts]
        others = sizes[0][:axis] + sizes[0][axis + 1 :]
        if any(
            list(p["id"]) != ids or s[:axis] + s[axis + 1 :] != others
            for p, s in zip(parts, sizes, strict=True)
        ):
            raise ValueError(f"answers differ in dimensions other than {dim}")
        outer, inner = math.prod(sizes[0][:axis]), math.prod(sizes[0][axis + 1 :])
        columns = [
            (_dense_values(p, math.prod(s)), _status_map(p, math.prod(s)), s[axis] * inner)
            for p, s in zip(parts, sizes, strict=True)
        ]
        values: list[Any] = []
        status: dict[str, str] = {}
        for o in range(outer):
            for vals, stats, block in columns:
                for k in range(o * block, (o + 1) * block):
                    if k in stats:
                        status[str(len(values))] = stats[k]
                    values.append(vals[k])
        codes: list[str] = []
        extra: dict[str, dict[str, Any]] = {"label": {}, "unit": {}, "note": {}}
        for p in parts:
            category = p["dimension"][dim]["category"]
            codes += category_codes(category)
            for key, acc in extra.items():
                acc.update(category.get(key) or {})
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise DataError(source, f"cannot merge the split answers: {exc}") from exc
    if len(set(codes)) != len(codes):
        raise DataError(source, f"split answers repeat a {dim} code")
    category = merged["dimension"][dim]["category"]
    category["index"] = {c: i for i, c in enumerate(codes)}
    for key, acc in extra.items():
        if acc:
            category[key] = {c: acc[c] for c in codes if c in acc}
    merged["size"] = [len(codes) if i == axis else n for i, n in enumerate(sizes[0])]
    merged["value"] = values
    merged.pop("status", None)
    if status:
        merged["status"] = status
    return merged


def one_line(text: str, limit: int = 160) -> str:
    """Squash whitespace so every message stays on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def describe_body(content: bytes) -> str:
    """A short hint at what came back instead of data (HTML title, API error title, text)."""
    text = content[:4096].decode("utf-8", "replace")
    if not text.strip():
        return " (empty body)"
    if re.search(r"<html|<!doctype", text, re.I):
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.I | re.S)
        name = one_line(title.group(1), 80) if title else ""
        return f" (HTML page{': ' + name if name else ''})"
    with contextlib.suppress(ValueError):
        doc = json.loads(text)
        if isinstance(doc, dict) and isinstance(doc.get("title"), str):
            return f" ({one_line(doc['title'], 80)})"
    return f" ({one_line(text, 80)})"


def is_json_type(content_type: str) -> bool:
    """True for application/json and application/*+json."""
    mt = content_type.split(";", 1)[0].strip().lower()
    return mt == "application/json" or (mt.startswith("application/") and mt.endswith("+json"))


def plan_urls(
    table_ids: Sequence[str],
    lang: str,
    base: str | None = None,
    dimensions: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """The URLs a fetch starts with, for --dry-run; unknown dimensions show as a template."""
    root = resolve_base_url(base)
    out: list[str] = []
    for tid in table_ids:
        check_ids(tid, lang)
        dims = (dimensions or {}).get(tid)
        if dims is None:
            out.append(metadata_url(root, tid, lang))
            out.append(data_url(root, tid, lang, []) + "&valueCodes[<dimension>]=*")
        else:
            out.append(data_url(root, tid, lang, [(d, None) for d in dims]))
    return out
