"""`ikt tables [WORDS]`: SSB's list of tables, so the SN2025 successors can be found and fetched."""

from __future__ import annotations

import argparse
import os

from tui.cli.destination import Destination, deliver
from tui.cli.output import Column, Report
from tui.cli.resolve import CliError, choose
from tui.core.errors import DataError, NetworkError
from tui.core.records import Record
from tui.core.ssb_query import BASE_URL_ENV, SSB_API_LANGS
from tui.core.ssb_table_list import MAX_PAGES, ListedTable, TableList, list_tables

TABLE_LIST_FORMATS = ("table", "csv", "json")
TABLE_LIST_KEYS = ("id", "title", "first_period", "last_period", "updated", "discontinued")


def run(args: argparse.Namespace) -> int:
    """Exit 1 when SSB cannot be asked or answers badly; an empty list is an answer (exit 0)."""
    fmt = choose("--format", args.format, TABLE_LIST_FORMATS, {"text": "table"})
    if args.lang not in SSB_API_LANGS:
        raise CliError(f"invalid --lang {args.lang} (valid: {', '.join(SSB_API_LANGS)})")
    words = " ".join(args.words or ())
    base = args.api_url or os.environ.get(BASE_URL_ENV) or None
    try:
        found = list_tables(words, args.lang, base_url=base)
    except (NetworkError, DataError) as err:
        raise CliError(str(err), code=1) from None
    deliver(table_list_report(found, words), Destination(None, False, fmt))
    return 0


def discontinued_word(table: ListedTable) -> str:
    """How the list says whether a table still gets new figures."""
    if table.discontinued is None:
        return "not stated"
    return "discontinued" if table.discontinued else "continued"


def table_list_report(found: TableList, words: str) -> Report:
    """The list as people read it (a table) and as programs read it (csv, json)."""
    records: list[Record] = [
        {
            "id": t.table_id,
            "title": t.title,
            "first_period": t.first_period,
            "last_period": t.last_period,
            "updated": t.updated,
            "discontinued": t.discontinued,
        }
        for t in found.tables
    ]
    rows = [
        [
            t.table_id,
            f"{t.first_period}-{t.last_period}" if t.first_period or t.last_period else "",
            t.updated[:10],
            discontinued_word(t),
            t.title,
        ]
        for t in found.tables
    ]
    columns = [
        Column("Id", whole=True),
        Column("Periods", whole=True),
        Column("Updated", whole=True),
        Column("Status", whole=True),
        Column("Title"),
    ]
    asked = f" matching '{words}'" if words else ""
    notes = [
        f"{len(found.tables)} of SSB's {found.total} tables{asked};"
        " fetch one with ikt update --tables ID"
    ]
    if found.cut:
        notes.append(f"only the first {MAX_PAGES} pages were read; narrow the search")
    scope = f"SSB's table list{asked}: {len(found.tables)} tables"
    return Report("", columns, rows, TABLE_LIST_KEYS, records, scope=scope, notes=notes)
