"""`ikt update`: fetch fresh tables from SSB's API into the cache, or print their URLs."""

from __future__ import annotations

import argparse
import os
import sys

from tui.cli.resolve import CliError
from tui.core.refresh import DEFAULT_TABLES, update_summary, update_tables
from tui.core.ssb_query import BASE_URL_ENV, SSB_API_LANGS


def run(args: argparse.Namespace) -> int:
    """Exit 2 when SSB has no table of an id asked for, 1 when not one table could be fetched."""
    asked = args.tables if args.tables is not None else ",".join(DEFAULT_TABLES)
    tables = tuple(t.strip() for t in asked.split(",") if t.strip())
    if not tables or not all(t.isdigit() and len(t) == 5 for t in tables):
        raise CliError(
            f"invalid --tables {args.tables} (valid: five-digit table numbers, "
            f"e.g. {','.join(DEFAULT_TABLES)})"
        )
    if args.lang not in SSB_API_LANGS:
        raise CliError(f"invalid --lang {args.lang} (valid: {', '.join(SSB_API_LANGS)})")
    base = args.api_url or os.environ.get(BASE_URL_ENV)
    if args.dry_run:
        from tui.core.ssb_api import plan_urls

        for url in plan_urls(list(tables), args.lang, base):
            print(url)
        return 0
    results = update_tables(tables, args.lang, base, offline=args.offline)
    for result in results:
        stream = sys.stdout if result.ok else sys.stderr
        print(("" if result.ok else "ikt: ") + result.message, file=stream)
    if any(r.ok for r in results):
        print(update_summary(results))
    if any(r.unknown_table for r in results):
        return 2
    return 0 if any(r.ok for r in results) else 1
