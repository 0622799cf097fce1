"""The network-free half of the Eurostat client: URLs, geography splits, error answers, merging."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from tui.core.errors import DataError
from tui.core.ssb_query import category_codes

DEFAULT_API_URL = "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data"
API_URL_ENV = "IKT_EUROSTAT_API_URL"
DEFAULT_GEOS = ("NO", "SE", "DK", "FI", "IS", "EU27_2020")
API_LANG = "EN"  # Eurostat speaks EN, FR and DE; labels are shown as it gives them
_CODE_RE = re.compile(r"^[A-Za-z0-9_]+$")  # dataset and geography codes


def resolve_api_url(url: str | None = None) -> str:
    """The data URL: argument, else $IKT_EUROSTAT_API_URL, else Eurostat's public API."""
    return (url or os.environ.get(API_URL_ENV, "").strip() or DEFAULT_API_URL).rstrip("/")


def check_codes(dataset: str, geos: Sequence[str]) -> None:
    """Reject codes that would build a wrong URL or cache file name."""
    if not _CODE_RE.match(dataset):
        raise DataError("dataset", f"{dataset!r} is not a Eurostat dataset code")
    if not geos:
        raise DataError("geo", "no geography asked for")
    for geo in geos:
        if not _CODE_RE.match(geo):
            raise DataError("geo", f"{geo!r} is not a Eurostat geography code")


def data_url(base: str, dataset: str, geos: Sequence[str]) -> str:
    """JSON-stat 2.0 of one dataset for these geographies (a parameter repeated per value)."""
    filters = "".join(f"&geo={quote(geo, safe='')}" for geo in geos)
    return f"{base}/{quote(dataset, safe='')}?format=JSON&lang={API_LANG}{filters}"


def cache_key(dataset: str) -> str:
    """The cache entry name of one dataset (the geographies fetched are in its URL)."""
    return f"eurostat-{dataset}.json"


def halves(geos: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Two smaller queries for a query Eurostat found too broad (413)."""
    middle = len(geos) // 2
    return tuple(geos[:middle]), tuple(geos[middle:])


def error_label(body: bytes) -> str | None:
    """The label of Eurostat's error answer, {"error": [{"status", "id", "label"}]}, if one."""
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None
    errors = doc.get("error") if isinstance(doc, dict) else None
    if isinstance(errors, dict):  # seen as a single object too
        errors = [errors]
    if not isinstance(errors, list) or not errors:
        return None
    labels = [str(e.get("label", "")).strip() for e in errors if isinstance(e, dict)]
    return " ".join(" ".join(label.split()) for label in labels if label) or None


def _labels(doc: dict[str, Any], dim: str) -> dict[str, Any]:
    labels = doc["dimension"][dim]["category"].get("label")
    return labels if isinstance(labels, dict) else {}


def merge_answers(docs: Sequence[dict[str, Any]], source: str) -> dict[str, Any]:
    """Answers for parts of the geographies as one dataset, each cell placed by its codes.

    The parts need not list the same periods or categories: each dimension gets every code any
    part has, in the order first met, and a cell no part gives stays absent (not available).
    """
    if len(docs) == 1:
        return docs[0]
    try:
        ids = [str(d) for d in docs[0]["id"]]
        codes: dict[str, list[str]] = {d: [] for d in ids}
        labels: dict[str, dict[str, Any]] = {d: {} for d in ids}
        for doc in docs:
            if [str(d) for d in doc["id"]] != ids:
                raise ValueError("the parts have different dimensions")
            for dim in ids:
                for code in category_codes(doc["dimension"][dim]["category"]):
                    if code not in codes[dim]:
                        codes[dim].append(code)
                labels[dim].update(_labels(doc, dim))
        at = {d: {c: i for i, c in enumerate(codes[d])} for d in ids}
        strides = [1] * len(ids)
        for i in range(len(ids) - 2, -1, -1):
            strides[i] = strides[i + 1] * len(codes[ids[i + 1]])
        values: dict[str, Any] = {}
        status: dict[str, str] = {}
        for doc in docs:
            own = [category_codes(doc["dimension"][d]["category"]) for d in ids]
            for key, value in _cells(doc.get("value")).items():
                values[str(_position(key, own, ids, at, strides))] = value
            for key, symbol in _cells(doc.get("status")).items():
                status[str(_position(key, own, ids, at, strides))] = symbol
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        problem = f"cannot merge the answers for parts of the geographies: {exc}"
        raise DataError(source, problem) from exc
    merged = dict(docs[0])
    merged["value"], merged["size"] = values, [len(codes[d]) for d in ids]
    merged.pop("status", None)
    if status:
        merged["status"] = status
    merged["dimension"] = {
        d: {
            **docs[0]["dimension"][d],
            "category": {
                "index": at[d],
                "label": {c: labels[d].get(c, c) for c in codes[d]},
            },
        }
        for d in ids
    }
    extension = merged.get("extension")
    if isinstance(extension, dict):  # its positions were the first part's; flags are every part's
        merged["extension"] = {k: v for k, v in extension.items() if k != "positions-with-no-data"}
        flags: dict[str, Any] = {}
        for doc in docs:
            said = (doc.get("extension") or {}).get("status") or {}
            flags.update(said.get("label") or {} if isinstance(said, dict) else {})
        if flags:
            merged["extension"]["status"] = {"label": flags}
    return merged


def _cells(raw: Any) -> dict[str, Any]:
    """A sparse `value` or `status` object; a full list becomes one (null entries left out)."""
    if isinstance(raw, list):
        return {str(i): v for i, v in enumerate(raw) if v is not None}
    return dict(raw) if isinstance(raw, dict) else {}


def _position(
    key: str,
    own: list[tuple[str, ...]],
    ids: list[str],
    at: dict[str, dict[str, int]],
    strides: list[int],
) -> int:
    """A cell's position in the whole, from its position in its part and that part's codes."""
    flat, position = int(key), 0
    for i in range(len(ids) - 1, -1, -1):
        flat, here = divmod(flat, len(own[i]))
        position += at[ids[i]][own[i][here]] * strides[i]
    if flat:
        raise ValueError(f"position {key} is outside its part")
    return position
