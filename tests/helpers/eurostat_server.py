"""A loopback stand-in for Eurostat's statistics API (JSON-stat 2.0) with scripted faults."""

from __future__ import annotations

import contextlib
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qs, urlsplit

from tests.helpers.eurostat_data import DATASETS, GEOS, answer, error

JSON_TYPE = "application/json"
PATH = re.compile(r"/eurostat/api/dissemination/statistics/1\.0/data/([A-Za-z0-9_]+)")
ASYNCHRONOUS = (
    "ASYNCHRONOUS_RESPONSE. Your request will be treated asynchronously. Please try again later."
)
HTML_PAGE = b"<!DOCTYPE html><html><head><title>Service unavailable</title></head></html>"


class Seen(NamedTuple):
    """One request as the server saw it."""

    dataset: str
    query: dict[str, list[str]]


@dataclass
class EurostatState:
    """What a test scripts and inspects: faults per dataset, the geo limit, the request log."""

    faults: dict[str, list[str]] = field(default_factory=dict)
    max_geos: int = 6  # a query for more geographies than this is too broad: 413
    slow_seconds: float = 2.0
    retry_after: str = "0"  # what a scripted 429 says in its Retry-After header
    requests: list[Seen] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_fault(self, dataset: str) -> str:
        """The next scripted behaviour for a request; the last one repeats."""
        with self.lock:
            script = self.faults.get(dataset) or ["ok"]
            return script.pop(0) if len(script) > 1 else script[0]


class _Handler(BaseHTTPRequestHandler):
    """Serves the datasets in DATASETS filtered by geo, or the fault scripted for this request."""

    server: EurostatServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    timeout = 5

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        state, parts = self.server.state, urlsplit(self.path)
        query = parse_qs(parts.query)
        found = PATH.fullmatch(parts.path)
        code = found[1].lower() if found else ""
        with state.lock:
            state.requests.append(Seen(code, query))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
            self._answer(code, query)

    def _answer(self, code: str, query: dict[str, list[str]]) -> None:
        if code not in DATASETS:
            label = (
                f"ERR_NOT_FOUND_4: {code.upper() or '?'} (DATA_FLOW:ALL,1.0) is not available"
                " for dissemination."
            )
            return self._json(404, error(404, 100, label))
        fault = self.server.state.next_fault(code)
        if fault == "500":
            return self._send(500, b"", JSON_TYPE)
        if fault == "429":
            return self._send(429, b"", JSON_TYPE, {"Retry-After": self.server.state.retry_after})
        if fault == "html200":
            return self._send(200, HTML_PAGE, "text/html; charset=utf-8")
        if fault == "slow" and self.server.state.stop.wait(self.server.state.slow_seconds):
            return None
        geos = [g.upper() for g in query.get("geo", [])]
        known = {g for g, _ in GEOS}
        if not geos or len(geos) > self.server.state.max_geos:
            return self._json(413, error(413, 413, ASYNCHRONOUS))
        unknown = [g for g in geos if g not in known]
        if unknown:
            label = (
                f'INVALID_QUERY_DIMENSION_VALUE: value "{unknown[0]}" of dimension "GEO"'
                " is not defined"
            )
            return self._json(400, error(400, 150, label))
        if query.get("format", ["JSON"])[0].upper() != "JSON":
            return self._json(400, error(400, 140, "Syntax error: format"))
        self._json(200, answer(code, geos))

    def _json(self, status: int, doc: dict[str, Any]) -> None:
        self._send(status, json.dumps(doc, ensure_ascii=False).encode("utf-8"), JSON_TYPE)

    def _send(
        self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        headers = {"Content-Type": ctype, "Content-Length": str(len(body))} | (extra or {})
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class EurostatServer(ThreadingHTTPServer):
    """Serves on 127.0.0.1 at a free port from its own thread; stop() ends both."""

    def __init__(self) -> None:
        self.state = EurostatState()
        super().__init__(("127.0.0.1", 0), _Handler)
        host, port = self.server_address[:2]
        self.api_url = f"http://{host!s}:{port}/eurostat/api/dissemination/statistics/1.0/data"
        self._thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Release a waiting slow answer, stop serving, join every handler and the server thread."""
        self.state.stop.set()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
        assert not self._thread.is_alive(), "stand-in server thread did not stop"
