"""A loopback stand-in for SSB's PxWebApi (v2 GET and v0 POST) with scripted faults, for tests."""

from __future__ import annotations

import itertools
import json
import math
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qs, urlsplit

Doc = dict[str, Any]
Headers = dict[str, str]
JSON_TYPE = "application/json; charset=UTF-8"

# Table 10974 as SSB publishes it. Dimension id -> (Norwegian label, English label).
DIM_LABELS = {
    "NACE2007": ("næring (SN2007)", "industry (SIC2007)"),
    "SyssGrpIKT": ("sysselsettingsgruppe", "number of employed persons"),
    "ContentsCode": ("statistikkvariabel", "contents"),
    "Tid": ("år", "year"),
}
# Dimension id -> categories as (code, Norwegian label, English label), in table order.
CATEGORIES: dict[str, list[tuple[str, str, str]]] = {
    "NACE2007": [
        ("10-95", "Alle næringer (10-95) unntatt finans", "All industries excl. finance"),
        ("10-33", "Industri", "Manufacturing"),
        ("45-47", "Varehandel, reparasjon av motorvogner", "Wholesale and retail trade"),
        ("58-63", "Informasjon og kommunikasjon", "Information and communication"),
    ],
    "SyssGrpIKT": [
        ("10-19", "10-19 sysselsatte", "10-19 employed persons"),
        ("20-49", "20-49 sysselsatte", "20-49 employed persons"),
        ("250+", "250 eller flere sysselsatte", "250 or more employed persons"),
    ],
    "ContentsCode": [
        ("SosMedier", "Foretak som bruker sosiale medier", "Enterprises using social media"),
        (
            "HoyDigInt",
            "Foretak med høy digital intensitet",
            "Enterprises with high digital intensity",
        ),
    ],
    "Tid": [(year, year, year) for year in ("2021", "2022", "2023", "2024")],
}
IDS = list(DIM_LABELS)
CODES = [tuple(c for c, _, _ in CATEGORIES[d]) for d in IDS]
SIZES = [len(codes) for codes in CODES]
TOTAL = math.prod(SIZES)
MISSING = {5: "..", 17: ":", 40: "..", 77: ":"}  # flat position -> SSB status symbol
TITLE = {
    "no": "10974: Bruk av sosiale medier og digital intensitet i foretak, etter næring (SN2007), "
    "sysselsettingsgruppe, statistikkvariabel og år",
    "en": "10974: Use of social media and digital intensity in enterprises, by industry (SIC2007), "
    "number of employed persons, contents and year",
}
SOURCE = {"no": "Statistisk sentralbyrå", "en": "Statistics Norway"}
NOTE = {"no": "Tallene gjelder foretak med minst 10 sysselsatte.", "en": "Figures: 10+ employed."}
PX = {"tableid": "10974", "decimals": 1, "official-statistics": True, "matrix": "IKTSosMed"}
CONTACT = [{"name": "Statistisk sentralbyrå", "mail": "informasjon@ssb.no"}]
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Statistikkbanken er midlertidig utilgjengelig</title>"
    "</head><body><h1>Vi jobber med saken</h1><p>Prøv igjen senere.</p></body></html>"
).encode()
TOO_MANY = b'{"type":"Too many requests","title":"Too Many Requests","status":429}'
CANNED: dict[str, tuple[int, bytes, str, Headers]] = {
    "429": (429, TOO_MANY, JSON_TYPE, {"Retry-After": "1"}),
    "500": (500, b"", JSON_TYPE, {}),  # SSB answers some errors with 500 and an empty body
    "html200": (200, HTML_PAGE, "text/html; charset=utf-8", {}),
    "html503": (503, HTML_PAGE, "text/html; charset=utf-8", {}),
}


def value_at(flat: int) -> float | None:
    """The published figure at a flat position of the full table (None where suppressed)."""
    return None if flat in MISSING else round(10.0 + flat * 0.7, 1)


def dataset(lang: str, sel: list[list[str]] | None = None, *, v0: bool = False) -> Doc:
    """A JSON-stat2 dataset in SSB's shape for the selected codes (all when None)."""
    doc = metadata(lang, sel or [list(c) for c in CODES])
    positions = [[f.index(c) for c in codes] for f, codes in zip(CODES, sel or CODES, strict=True)]
    values: list[float | None] = []
    status: dict[str, str] = {}
    for combo in itertools.product(*positions):
        flat = sum(pos * math.prod(SIZES[i + 1 :]) for i, pos in enumerate(combo))
        if flat in MISSING:
            status[str(len(values))] = MISSING[flat]
        values.append(value_at(flat))
    doc |= {"value": values, "status": status} if status else {"value": values}
    if v0:  # v0 puts "version" last and sends no extension
        doc.pop("extension")
        doc["version"] = doc.pop("version")
    return doc


def metadata(lang: str, sel: list[list[str]] | None = None) -> Doc:
    """The v2 metadata answer: the dataset without values (JSON-stat2 with extensions)."""
    li = 0 if lang == "no" else 1
    dims: Doc = {}
    for dim_id, codes in zip(IDS, sel or CODES, strict=True):
        labels = {c[0]: c[li + 1] for c in CATEGORIES[dim_id]}
        category: Doc = {
            "index": {code: i for i, code in enumerate(codes)},
            "label": {code: labels[code] for code in codes},
        }
        if dim_id == "ContentsCode":
            unit = {"label": "prosent" if lang == "no" else "per cent", "decimals": 1}
            category["unit"] = dict.fromkeys(codes, unit)
        ext = {"elimination": False, "show": "code" if dim_id == "Tid" else "value"}
        dims[dim_id] = {"label": DIM_LABELS[dim_id][li], "category": category, "extension": ext}
    return {
        "version": "2.0",
        "class": "dataset",
        "label": TITLE[lang],
        "source": SOURCE[lang],
        "updated": "2024-11-28T07:00:00Z",
        "note": [NOTE[lang]],
        "role": {"time": ["Tid"], "metric": ["ContentsCode"]},
        "id": list(IDS),
        "size": [len(codes) for codes in sel or CODES],
        "dimension": dims,
        "extension": {"px": {**PX, "language": lang}, "contact": CONTACT},
    }


def v0_metadata(lang: str) -> Doc:
    """The v0 table description (GET), in its own non-JSON-stat shape."""
    dims = metadata(lang)["dimension"]
    variables = [
        {"code": d, "text": dims[d]["label"], "values": list(CODES[i]), "time": d == "Tid"}
        | {"valueTexts": list(dims[d]["category"]["label"].values())}
        for i, d in enumerate(IDS)
    ]
    return {"title": TITLE[lang], "variables": variables}


class Seen(NamedTuple):
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, list[str]]
    body: Any


@dataclass
class ServerState:
    """What a test scripts and inspects: faults per table, unknown tables, the request log."""

    faults: dict[str, list[str]] = field(default_factory=dict)
    v2_missing: set[str] = field(default_factory=set)
    v0_missing: set[str] = field(default_factory=set)
    max_cells: int = 800_000
    slow_seconds: float = 2.0
    requests: list[Seen] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_fault(self, table: str) -> str:
        """The next scripted behaviour for a data request; the last one repeats."""
        with self.lock:
            script = self.faults.get(table) or ["ok"]
            return script.pop(0) if len(script) > 1 else script[0]

    def data_requests(self) -> list[Seen]:
        """Only the requests that asked for data (v2 GET …/data or v0 POST)."""
        return [r for r in self.requests if r.path.endswith("/data") or r.method == "POST"]


def _pick(expr: str, codes: tuple[str, ...]) -> list[str] | None:
    """Codes chosen by a v2 valueCodes expression; None when a code does not exist."""
    if expr == "*":
        return list(codes)
    ranged = re.fullmatch(r"\[range\((.+),(.+)\)\]", expr)
    if ranged and {ranged[1], ranged[2]} <= set(codes):
        expr = ",".join(codes[codes.index(ranged[1]) : codes.index(ranged[2]) + 1])
    wanted = expr.split(",")
    return [c for c in codes if c in wanted] if set(wanted) <= set(codes) else None


class _Handler(BaseHTTPRequestHandler):
    """Serves metadata and data for table 10974, or the fault scripted for this request."""

    server: SsbServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body leave at once, no 40 ms stalls
    timeout = 5  # idle keep-alive connections end on their own, so shutdown never hangs

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        state, method, parts = self.server.state, self.command, urlsplit(self.path)
        query = parse_qs(parts.query)
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body: Any = json.loads(raw) if raw else None
        with state.lock:
            state.requests.append(Seen(method, parts.path, query, body))
        lang = (query.get("lang") or ["no"])[0]
        try:
            if m := re.fullmatch(r"/api/pxwebapi/v2/tables/(\w+)/(metadata|data)", parts.path):
                self._v2(m[1], m[2], lang, query)
            elif m := re.fullmatch(r"/api/v0/(no|en)/table/(\w+)", parts.path):
                self._v0(m[2], m[1], method, body)
            else:
                self._problem(404, "Not found")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test); nothing left to answer

    do_POST = do_GET

    def _v2(self, table: str, what: str, lang: str, query: dict[str, list[str]]) -> None:
        if table in self.server.state.v2_missing or table != "10974":
            return self._problem(404, "Non-existent table")
        if what == "metadata":
            return self._json(metadata(lang))
        if (fault := self.server.state.next_fault(table)) != "ok":
            return self._fault(fault, lang)
        exprs = [query.get(f"valueCodes[{dim_id}]", [""])[0] for dim_id in IDS]
        picked = [_pick(e, codes) for e, codes in zip(exprs, CODES, strict=True)]
        if any(p is None for p in picked):
            return self._problem(400, "Non-existent value or missing selection")
        self._answer(lang, [p or [] for p in picked], v0=False)

    def _v0(self, table: str, lang: str, method: str, body: Any) -> None:
        if table in self.server.state.v0_missing or table != "10974":
            return self._problem(404, "Not found")
        if method == "GET":
            return self._json(v0_metadata(lang))
        chosen = {q["code"]: q["selection"] for q in body["query"]}
        if body.get("response", {}).get("format") != "json-stat2" or set(chosen) != set(IDS):
            return self._problem(400, "Bad query")
        wanted = [chosen[d]["values"] if chosen[d]["filter"] == "item" else ["*"] for d in IDS]
        sel = [[c for c in cs if w == ["*"] or c in w] for w, cs in zip(wanted, CODES, strict=True)]
        self._answer(lang, sel, v0=True)

    def _answer(self, lang: str, sel: list[list[str]], *, v0: bool) -> None:
        if math.prod(len(s) for s in sel) > self.server.state.max_cells:
            return self._problem(400, "Too many cells selected")
        self._json(dataset(lang, sel, v0=v0))

    def _fault(self, fault: str, lang: str) -> None:
        body = json.dumps(dataset(lang), ensure_ascii=False).encode("utf-8")
        if fault in CANNED:
            self._send(*CANNED[fault])
        elif fault == "textplain":
            self._send(200, body, "text/plain; charset=utf-8")
        elif fault == "slow":
            if not self.server.state.stop.wait(self.server.state.slow_seconds):
                self._send(200, body, JSON_TYPE)
        elif fault == "truncated":  # promise the whole body, send half, hang up
            self.close_connection = True
            self._send(200, body[: len(body) // 2], JSON_TYPE, {"Content-Length": str(len(body))})
        elif fault == "cutjson":  # a complete HTTP answer whose JSON stops half-way
            self._send(200, body[: len(body) // 2], JSON_TYPE)
        else:
            raise ValueError(f"unknown fault {fault!r}")

    def _problem(self, status: int, title: str) -> None:
        problem = {"type": "Parameter error", "title": title, "status": status}
        self._send(status, json.dumps(problem).encode(), JSON_TYPE)

    def _json(self, doc: Doc) -> None:
        self._send(200, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"), JSON_TYPE)

    def _send(self, status: int, body: bytes, ctype: str, extra: Headers | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": ctype, "Content-Length": str(len(body))} | (extra or {})
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class SsbServer(ThreadingHTTPServer):
    """Serves on 127.0.0.1 at a free port from its own thread; stop() ends both."""

    def __init__(self) -> None:
        self.state = ServerState()
        super().__init__(("127.0.0.1", 0), _Handler)
        host, port = self.server_address[:2]
        self.origin = f"http://{host!s}:{port}"
        self.base_url, self.v0_url = f"{self.origin}/api/pxwebapi/v2", f"{self.origin}/api/v0"
        self._thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Release a waiting slow answer, stop serving, join every handler and the server thread."""
        self.state.stop.set()
        self.shutdown()
        self.server_close()  # joins the handler threads
        self._thread.join(timeout=5)
        assert not self._thread.is_alive(), "stand-in server thread did not stop"
