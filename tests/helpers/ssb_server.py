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

from tests.helpers.ssb_table_list import tables_answer

Doc = dict[str, Any]
Headers = dict[str, str]
JSON_TYPE = "application/json; charset=UTF-8"

# SSB's tables for these statistics, as DATA.md lists them: labels in `no` are nynorsk.
# Dimension id -> (Norwegian label, English label), in the metadata's order.
DIM_LABELS = {
    "NACE2007": ("næring (SN2007)", "industry (SIC2007)"),
    "SyssGrpIKT": ("sysselsetjingsgruppe", "number of persons employed"),
    "ContentsCode": ("statistikkvariabel", "contents"),
    "Tid": ("år", "year"),
}
# Dimension id -> categories as (code, Norwegian label, English label), in table order.
SHARED: dict[str, list[tuple[str, str, str]]] = {
    "NACE2007": [  # the total with finance first: the one without must still be the total
        ("Total+K", "Alle næringar inkl. finans", "All industries incl. finance"),
        ("Total-K", "Alle næringar utanom finans", "All industries excl. finance"),
        ("10-39", "Industri, kraft, vatn og avfall", "Manufacturing, energy, water, waste"),
        ("47", "Detaljhandel", "Retail trade"),
    ],
    "SyssGrpIKT": [
        ("00", "10 sysselsette eller fleire", "10 persons employed or more"),
        ("02", "10-19 sysselsette", "10-19 persons employed"),
        ("03", "20-49 sysselsette", "20-49 persons employed"),
        ("04", "50-99 sysselsette", "50-99 persons employed"),
        ("05", "100 sysselsette eller fleire", "100 persons employed or more"),
    ],
    "Tid": [(year, year, year) for year in ("2012", "2013", "2014", "2015")],
}
# Table id -> (title no, title en, its ContentsCode categories). Codes are made up (SSB's are
# not known here); titles and labels follow SSB's wording.
TABLES: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "10974": (
        "10974: Elektronisk handel, etter sysselsetting og næring (SN2007) (prosent) 2010 - 2024",
        "10974: E-commerce, by number of persons employed and industry (SIC2007) (per cent)",
        [  # labels as SSB's releases print them, so they are the embedded ec_any and ec_edi
            (
                "EhandelAll",
                "Utført elektronisk handel (sal eller kjøp)",
                "Carried out e-commerce (sales or purchases)",
            ),
            ("EdiHandel", "E-handel gjennom EDI", "E-commerce via EDI"),
        ],
    ),
    "10977": (
        "10977: Bruk av sosiale medium, etter type og sysselsetting og næring (SN2007)",
        "10977: Use of social media, by type, number of persons employed and industry (SIC2007)",
        [
            ("SosNett", "Sosiale nettverk", "Social networks"),
            (
                "Multimedia",
                "Nettstader for deling av multimedieinnhald",
                "Multimedia content sharing websites",
            ),
        ],
    ),
    "10978": (
        "10978: Formål med bruk av sosiale medium, etter sysselsetting og næring (SN2007)",
        "10978: Purposes of social media use, by number of persons employed and industry (SIC2007)",
        [
            ("Marknad", "Marknadsføring og omdømebygging", "Develop image or market products"),
            ("Rekruttering", "Rekruttering av tilsette", "Recruit employees"),
        ],
    ),
    "12769": (
        "12769: IKT-tryggleikstiltak, etter sysselsetting og næring (SN2007)",
        "12769: ICT security measures, by number of persons employed and industry (SIC2007)",
        [
            (
                "DokTryggleik",
                "Føretak med dokument om IKT-tryggleik",
                "Enterprises with documents on ICT security",
            ),
        ],
    ),
}
# A table the registry knows but gives no screen: its measures are placed by their own words,
# and one that names no screen is "not placed" and gets a screen of the table's own.
TABLES["11307"] = (
    "11307: Bruk av betalt reklame på internett, etter sysselsetting og næring (SN2007) (prosent)",
    "11307: Use of paid advertising on the internet, by number of persons employed and industry",
    [
        ("BetaltRekl", "Betalt reklame på internett", "Paid advertising on the internet"),
        ("ReklSosMed", "Betalt reklame i sosiale medium", "Paid advertising on social media"),
    ],
)
IDS = list(DIM_LABELS)
# The order of `id` in a data answer: SSB's stub and heading, not the metadata's order.
DATA_IDS = ["ContentsCode", "Tid", "SyssGrpIKT", "NACE2007"]
ELIMINATION = {"NACE2007": "Total-K", "SyssGrpIKT": "00"}  # the rest cannot be left out


def categories(table: str = "10974") -> dict[str, list[tuple[str, str, str]]]:
    """Every dimension's categories of one table, in the metadata's order."""
    return {d: TABLES[table][2] if d == "ContentsCode" else SHARED[d] for d in IDS}


def table_codes(table: str = "10974") -> list[tuple[str, ...]]:
    """Every dimension's codes of one table, in the metadata's order."""
    return [tuple(c for c, _, _ in cats) for cats in categories(table).values()]


CODES = table_codes()
SIZES = [len(codes) for codes in CODES]
TOTAL = math.prod(SIZES)
MISSING = {5: "..", 17: ":", 40: "..", 77: ":"}  # flat position -> SSB status symbol
# flat position -> value: the 10+ total of ec_any in 2013 (55) and 2015 (57) as the snapshot
# has them; its other years (58 in 2012, 66 in 2014) come out revised
PUBLISHED = {41: 55.0, 43: 57.0}
SOURCE = {"no": "Statistisk sentralbyrå", "en": "Statistics Norway"}
NOTE = {"no": "Tala gjeld føretak med minst 10 sysselsette.", "en": "Figures: 10+ employed."}
PX = {"decimals": 1, "official-statistics": True, "matrix": "IKTEhandel"}
CONTACT = [{"name": "Statistisk sentralbyrå", "mail": "informasjon@ssb.no"}]
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Statistikkbanken er midlertidig utilgjengelig</title>"
    "</head><body><h1>Vi jobber med saken</h1><p>Prøv igjen senere.</p></body></html>"
).encode()
TOO_MANY = b'{"type":"Too many requests","title":"Too Many Requests","status":429}'
FORBIDDEN = b'{"type":"Forbidden","title":"Too many cells selected","status":403}'
HELD_AT_MOST = 60.0  # seconds a "held" answer waits for the test before it answers anyway
CANNED: dict[str, tuple[int, bytes, str, Headers]] = {
    "429": (429, TOO_MANY, JSON_TYPE, {"Retry-After": "1"}),
    "403": (403, FORBIDDEN, JSON_TYPE, {}),
    "500": (500, b"", JSON_TYPE, {}),  # SSB answers some errors with 500 and an empty body
    "html200": (200, HTML_PAGE, "text/html; charset=utf-8", {}),
    "html503": (503, HTML_PAGE, "text/html; charset=utf-8", {}),
}


def value_at(flat: int) -> float | None:
    """The published figure at a flat position (metadata order) of the full table."""
    if flat in MISSING:
        return None
    return PUBLISHED.get(flat, round(10.0 + flat * 0.7, 1))


def answer_at(table: str, codes: dict[str, str]) -> tuple[float | None, str]:
    """The value and status symbol the stand-in gives for one cell (a code for every dimension)."""
    all_codes = table_codes(table)
    sizes = [len(c) for c in all_codes]
    places = [all_codes[i].index(codes[d]) for i, d in enumerate(IDS)]
    flat = sum(pos * math.prod(sizes[i + 1 :]) for i, pos in enumerate(places))
    return value_at(flat), MISSING.get(flat, "")


def dataset(
    lang: str, sel: list[list[str]] | None = None, *, v0: bool = False, table: str = "10974"
) -> Doc:
    """A JSON-stat2 data answer in SSB's shape for the selected codes (all when None).

    Its `id` follows DATA_IDS, not the metadata's order; each cell's value is the one at its
    place in the metadata's order, so a client that reads the answer's own order finds it.
    """
    codes = table_codes(table)
    chosen = dict(zip(IDS, sel or [list(c) for c in codes], strict=True))
    doc = metadata(lang, [chosen[d] for d in IDS], table=table)
    doc["id"] = list(DATA_IDS)
    doc["size"] = [len(chosen[d]) for d in DATA_IDS]
    doc["dimension"] = {d: doc["dimension"][d] for d in DATA_IDS}
    sizes = [len(c) for c in codes]
    values: list[float | None] = []
    status: dict[str, str] = {}
    for combo in itertools.product(*(chosen[d] for d in DATA_IDS)):
        by_dim = dict(zip(DATA_IDS, combo, strict=True))
        places = [codes[i].index(by_dim[d]) for i, d in enumerate(IDS)]
        flat = sum(pos * math.prod(sizes[i + 1 :]) for i, pos in enumerate(places))
        if flat in MISSING:
            status[str(len(values))] = MISSING[flat]
        values.append(value_at(flat))
    doc |= {"value": values, "status": status} if status else {"value": values}
    if v0:  # v0 puts "version" last and sends no extension
        doc.pop("extension")
        doc["version"] = doc.pop("version")
    return doc


def metadata(lang: str, sel: list[list[str]] | None = None, *, table: str = "10974") -> Doc:
    """The v2 metadata answer: the dataset without values (JSON-stat2 with extensions)."""
    li = 0 if lang == "no" else 1
    dims: Doc = {}
    cats = categories(table)
    for dim_id, codes in zip(IDS, sel or table_codes(table), strict=True):
        labels = {c[0]: c[li + 1] for c in cats[dim_id]}
        category: Doc = {
            "index": {code: i for i, code in enumerate(codes)},
            "label": {code: labels[code] for code in codes},
        }
        if dim_id == "ContentsCode":
            unit = {"base": "prosent" if lang == "no" else "per cent", "decimals": 1}
            category["unit"] = dict.fromkeys(codes, unit)
        ext: Doc = {"elimination": dim_id in ELIMINATION, "show": "value"}
        if dim_id in ELIMINATION:
            ext["eliminationValueCode"] = ELIMINATION[dim_id]
        dims[dim_id] = {"label": DIM_LABELS[dim_id][li], "category": category, "extension": ext}
    return {
        "version": "2.0",
        "class": "dataset",
        "label": TABLES[table][li],
        "source": SOURCE[lang],
        "updated": "2024-11-28T07:00:00Z",
        "note": [NOTE[lang]],
        "role": {"time": ["Tid"], "metric": ["ContentsCode"]},
        "id": list(IDS),
        "size": [len(codes) for codes in sel or table_codes(table)],
        "dimension": dims,
        "extension": {"px": {**PX, "tableid": table, "language": lang}, "contact": CONTACT},
    }


def v0_metadata(lang: str, table: str = "10974") -> Doc:
    """The v0 table description (GET), in its own non-JSON-stat shape."""
    dims = metadata(lang, table=table)["dimension"]
    variables = [
        {"code": d, "text": dims[d]["label"], "values": list(codes), "time": d == "Tid"}
        | {"valueTexts": list(dims[d]["category"]["label"].values())}
        for d, codes in zip(IDS, table_codes(table), strict=True)
    ]
    return {"title": TABLES[table][0 if lang == "no" else 1], "variables": variables}


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
    retry_after: str = "1"  # what a scripted 429 says in its Retry-After header
    requests: list[Seen] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)  # lets "held" answer
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
    """Serves metadata and data for the tables in TABLES, or the fault scripted for this request."""

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
            if parts.path == "/api/pxwebapi/v2/tables":
                status, answer = tables_answer(query, self.server.base_url)
                self._send(status, json.dumps(answer, ensure_ascii=False).encode(), JSON_TYPE)
            elif m := re.fullmatch(r"/api/pxwebapi/v2/tables/(\w+)/(metadata|data)", parts.path):
                self._v2(m[1], m[2], lang, query)
            elif m := re.fullmatch(r"/api/v0/(no|en)/table/(\w+)", parts.path):
                self._v0(m[2], m[1], method, body)
            else:
                self._problem(404, "Not found")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test); nothing left to answer

    do_POST = do_GET

    def _v2(self, table: str, what: str, lang: str, query: dict[str, list[str]]) -> None:
        unknown = table in self.server.state.v2_missing or table not in TABLES
        if what == "metadata":  # SSB: 404 for an unknown table's metadata...
            if unknown:
                return self._problem(404, "Non-existent table", f"No table with id {table}")
            return self._json(metadata(lang, table=table))
        if unknown:  # ...but 400 for its data
            return self._problem(400, "Non-existent table", f"No table with id {table}")
        if (fault := self.server.state.next_fault(table)) != "ok":
            return self._fault(fault, lang, table)
        codes = table_codes(table)
        given = [query.get(f"valueCodes[{dim_id}]", [None])[0] for dim_id in IDS]
        if all(e is None for e in given):  # no selection at all: the table's default one
            picked: list[list[str] | None] = [
                [ELIMINATION[d]] if d in ELIMINATION else list(cs[-1:] if d == "Tid" else cs)
                for d, cs in zip(IDS, codes, strict=True)
            ]
        else:
            for dim_id, expr in zip(IDS, given, strict=True):
                if expr is None and dim_id not in ELIMINATION:
                    return self._problem(
                        400, "Missing selection for mandatory variable", f"{dim_id}"
                    )
            picked = [
                [ELIMINATION[d]] if e is None else _pick(e, cs)
                for d, e, cs in zip(IDS, given, codes, strict=True)
            ]
        if any(p is None for p in picked):
            return self._problem(400, "Non-existent value")
        self._answer(lang, [p or [] for p in picked], v0=False, table=table)

    def _v0(self, table: str, lang: str, method: str, body: Any) -> None:
        if table in self.server.state.v0_missing or table not in TABLES:
            return self._problem(404, "Not found")
        if method == "GET":
            return self._json(v0_metadata(lang, table))
        chosen = {q["code"]: q["selection"] for q in body["query"]}
        if body.get("response", {}).get("format") != "json-stat2" or set(chosen) != set(IDS):
            return self._problem(400, "Bad query")
        wanted = [chosen[d]["values"] if chosen[d]["filter"] == "item" else ["*"] for d in IDS]
        codes = table_codes(table)
        sel = [[c for c in cs if w == ["*"] or c in w] for w, cs in zip(wanted, codes, strict=True)]
        self._answer(lang, sel, v0=True, table=table)

    def _answer(self, lang: str, sel: list[list[str]], *, v0: bool, table: str) -> None:
        if math.prod(len(s) for s in sel) > self.server.state.max_cells:
            return self._problem(403, "Too many cells selected")
        self._json(dataset(lang, sel, v0=v0, table=table))

    def _fault(self, fault: str, lang: str, table: str) -> None:
        body = json.dumps(dataset(lang, table=table), ensure_ascii=False).encode("utf-8")
        if fault == "429":
            status, canned, ctype, _ = CANNED[fault]
            self._send(status, canned, ctype, {"Retry-After": self.server.state.retry_after})
        elif fault in CANNED:
            self._send(*CANNED[fault])
        elif fault == "textplain":
            self._send(200, body, "text/plain; charset=utf-8")
        elif fault == "slow":
            if not self.server.state.stop.wait(self.server.state.slow_seconds):
                self._send(200, body, JSON_TYPE)
        elif fault == "held":  # answers when the test releases it, so it can look meanwhile
            self.server.state.release.wait(HELD_AT_MOST)
            if not self.server.state.stop.is_set():
                self._send(200, body, JSON_TYPE)
        elif fault == "truncated":  # promise the whole body, send half, hang up
            self.close_connection = True
            self._send(200, body[: len(body) // 2], JSON_TYPE, {"Content-Length": str(len(body))})
        elif fault == "cutjson":  # a complete HTTP answer whose JSON stops half-way
            self._send(200, body[: len(body) // 2], JSON_TYPE)
        else:
            raise ValueError(f"unknown fault {fault!r}")

    def _problem(self, status: int, title: str, detail: str = "") -> None:
        problem = {"type": "Parameter error", "title": title, "status": status}
        if detail:
            problem["detail"] = detail
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
        self.state.release.set()
        self.shutdown()
        self.server_close()  # joins the handler threads
        self._thread.join(timeout=5)
        assert not self._thread.is_alive(), "stand-in server thread did not stop"
