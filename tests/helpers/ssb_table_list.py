"""SSB's table list (PxWebApi v2 GET /tables) as the stand-in answers it, in the API's shape."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

# id -> (label no, label en, firstPeriod, lastPeriod, updated, discontinued). Titles as DATA.md
# gives them; the SN2007 tables get no new years, so here they are marked discontinued, and the
# SN2025 table 14933 is the one that goes on (not checked against SSB's own list).
LISTED: dict[str, tuple[str, str, str, str, str, bool]] = {
    "10974": (
        "10974: Elektronisk handel, etter sysselsetting og næring (SN2007) (prosent) 2010 - 2024",
        "10974: E-commerce, by number of persons employed and industry (SIC2007) (per cent)",
        "2010",
        "2024",
        "2024-11-28T07:00:00Z",
        True,
    ),
    "10977": (
        "10977: Bruk av sosiale medium, etter type og sysselsetting og næring (SN2007) 2013 - 2025",
        "10977: Use of social media, by type, number of persons employed and industry (SIC2007)",
        "2013",
        "2025",
        "2025-11-27T07:00:00Z",
        True,
    ),
    "10978": (
        "10978: Formål med bruk av sosiale medium, etter sysselsetting og næring (SN2007)",
        "10978: Purposes of social media use, by number of persons employed and industry",
        "2013",
        "2023",
        "2023-11-30T07:00:00Z",
        True,
    ),
    "12769": (
        "12769: IKT-tryggleikstiltak, etter sysselsetting og næring (SN2007) 2019 - 2024",
        "12769: ICT security measures, by number of persons employed and industry (SIC2007)",
        "2019",
        "2024",
        "2024-11-28T07:00:00Z",
        True,
    ),
    "10975": (
        "10975: Formål med eiga heimeside, etter sysselsetting og næring (SN2007) 2011 - 2025",
        "10975: Purposes of the enterprise's website, by number employed and industry (SIC2007)",
        "2011",
        "2025",
        "2025-11-27T07:00:00Z",
        True,
    ),
    "14933": (
        "14933: Bruk av sosiale medium og heimeside (prosent), etter næring (SN2025), sysselsette",
        "14933: Use of social media and website (per cent), by industry (SIC2025), employed",
        "2026",
        "2026",
        "2026-11-26T07:00:00Z",
        False,
    ),
}
DEFAULT_PAGE_SIZE = 20  # the stand-in's own; a site chooses its default


def _table(table_id: str, lang: str, base: str) -> dict[str, Any]:
    label_no, label_en, first, last, updated, discontinued = LISTED[table_id]
    link = f"{base}/tables/{table_id}"
    return {
        "type": "Table",
        "id": table_id,
        "label": label_no if lang == "no" else label_en,
        "description": "",
        "updated": updated,
        "firstPeriod": first,
        "lastPeriod": last,
        "category": "public",
        "variableNames": ["næring (SN2007)", "sysselsetjingsgruppe", "statistikkvariabel", "år"]
        if lang == "no"
        else ["industry (SIC2007)", "number of persons employed", "contents", "year"],
        "discontinued": discontinued,
        "source": "Statistisk sentralbyrå" if lang == "no" else "Statistics Norway",
        "subjectCode": "ikt",
        "timeUnit": "Annual",
        "paths": [[{"id": "al", "label": "Arbeid og lønn"}, {"id": "ikt", "label": "IKT"}]],
        "links": [
            {"rel": "self", "hreflang": lang, "href": f"{link}?lang={lang}"},
            {"rel": "metadata", "hreflang": lang, "href": f"{link}/metadata?lang={lang}"},
            {"rel": "data", "hreflang": lang, "href": f"{link}/data?lang={lang}"},
        ],
    }


def matches(table_id: str, words: list[str]) -> bool:
    """Any of the words in the table's id or titles (the search is an OR of words)."""
    if not words:
        return True
    text = " ".join((table_id, *LISTED[table_id][:2])).casefold()
    return any(word.casefold() in text for word in words)


def tables_answer(query: dict[str, list[str]], base: str) -> tuple[int, dict[str, Any]]:
    """The status and JSON body SSB's /tables gives for these query parameters."""
    lang = (query.get("lang") or ["no"])[0]
    words = (query.get("query") or [""])[0].split()
    with_discontinued = (query.get("includeDiscontinued") or ["false"])[0].lower() == "true"
    try:
        number = int((query.get("pageNumber") or ["1"])[0])
        size = int((query.get("pageSize") or [str(DEFAULT_PAGE_SIZE)])[0])
    except ValueError:
        return 400, {"type": "Parameter error", "title": "Bad paging", "status": 400}
    if number < 1 or size < 1:
        return 400, {"type": "Parameter error", "title": "Bad paging", "status": 400}
    found = [t for t in LISTED if matches(t, words) and (with_discontinued or not LISTED[t][5])]
    pages = max(1, math.ceil(len(found) / size))
    shown = found[(number - 1) * size : number * size]

    def page_link(rel: str, at: int) -> dict[str, str]:
        params = {k: v[0] for k, v in query.items()} | {"pageNumber": str(at)}
        return {"rel": rel, "hreflang": lang, "href": f"{base}/tables?{urlencode(params)}"}

    links = [page_link("self", number), page_link("first", 1), page_link("last", pages)]
    if number < pages:
        links.append(page_link("next", number + 1))
    if number > 1:
        links.append(page_link("previous", number - 1))
    return 200, {
        "language": lang,
        "tables": [_table(t, lang, base) for t in shown],
        "page": {
            "pageNumber": number,
            "pageSize": size,
            "totalElements": len(found),
            "totalPages": pages,
            "links": links,
        },
        "links": [page_link("self", number)],
    }
