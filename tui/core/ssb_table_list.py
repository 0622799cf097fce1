"""SSB's list of tables (PxWebApi v2 /tables), so a person can find the tables that succeed ours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from tui.core.errors import DataError
from tui.core.ssb_query import check_ids

if TYPE_CHECKING:
    from tui.core.ssb_api import SsbClient

PAGE_SIZE = 100  # tables per page we ask for; SSB decides what it sends
MAX_PAGES = 50  # a list longer than this is cut, and the cut is said


@dataclass(frozen=True)
class ListedTable:
    """One table as the list describes it: enough to choose it for `ikt update --tables`."""

    table_id: str
    title: str
    first_period: str
    last_period: str
    updated: str
    discontinued: bool | None  # None: SSB did not say


@dataclass(frozen=True)
class TableList:
    """Every table found, in SSB's order, and whether pages were left unread."""

    tables: tuple[ListedTable, ...]
    total: int  # as SSB counts them
    cut: bool  # more pages than MAX_PAGES


def tables_url(base: str, words: str, lang: str, page: int, page_size: int = PAGE_SIZE) -> str:
    """One page of the search, discontinued tables included so successors and ends both show."""
    query = f"&query={quote(words, safe='')}" if words else ""
    return (
        f"{base}/tables?lang={lang}{query}&includeDiscontinued=true"
        f"&pageNumber={page}&pageSize={page_size}"
    )


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def read_page(doc: Any, url: str) -> tuple[list[ListedTable], int, int]:
    """The tables of one answer with SSB's count of tables and of pages."""
    if not isinstance(doc, dict) or not isinstance(doc.get("tables"), list):
        raise DataError(url, "the answer has no 'tables' list")
    page = doc.get("page")
    if not isinstance(page, dict):
        raise DataError(url, "the answer has no 'page' object")
    total, pages = page.get("totalElements"), page.get("totalPages")
    if not isinstance(total, int) or not isinstance(pages, int):
        raise DataError(url, "'page' has no totalElements and totalPages numbers")
    found: list[ListedTable] = []
    for item in doc["tables"]:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise DataError(url, "a table in the list has no id")
        discontinued = item.get("discontinued")
        found.append(
            ListedTable(
                item["id"],
                _text(item, "label"),
                _text(item, "firstPeriod"),
                _text(item, "lastPeriod"),
                _text(item, "updated"),
                discontinued if isinstance(discontinued, bool) else None,
            )
        )
    return found, total, pages


def list_tables(
    words: str,
    lang: str,
    *,
    client: SsbClient | None = None,
    base_url: str | None = None,
    page_size: int = PAGE_SIZE,
) -> TableList:
    """Every page of SSB's answer to the search, read in turn through the shared client."""
    from tui.core.ssb_api import SsbClient

    check_ids("tables", lang)
    api = client or SsbClient(base_url)
    base = api.base_url
    tables: list[ListedTable] = []
    total, page, pages = 0, 1, 1
    try:
        while page <= min(pages, MAX_PAGES):
            url = tables_url(base, words, lang, page, page_size)
            found, total, pages = read_page(api.get_json(url), url)
            tables += found
            page += 1
    finally:
        if client is None:
            api.close()
    return TableList(tuple(tables), total, pages > MAX_PAGES)
