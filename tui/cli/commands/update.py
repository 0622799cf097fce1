"""`ikt update`: fetch fresh tables from SSB's API and datasets from Eurostat's into the cache."""

from __future__ import annotations

import argparse
import os
import sys

from tui.cli.commands.update_sources import eurostat_options, update_source
from tui.cli.resolve import CliError
from tui.core.refresh import DEFAULT_TABLES, TableUpdate, update_summary, update_tables
from tui.core.ssb_query import BASE_URL_ENV, SSB_API_LANGS


def run(args: argparse.Namespace) -> int:
    """Exit 2 when a source has no table or dataset asked for, 1 when nothing could be fetched."""
    source = update_source(args)
    asked = args.tables if args.tables is not None else ",".join(DEFAULT_TABLES)
    tables = tuple(t.strip() for t in asked.split(",") if t.strip())
    if source != "eurostat" and (
        not tables or not all(t.isdigit() and len(t) == 5 for t in tables)
    ):
        raise CliError(
            f"invalid --tables {args.tables} (valid: five-digit table numbers, "
            f"e.g. {','.join(DEFAULT_TABLES)}; ikt tables lists SSB's tables)"
        )
    if args.lang not in SSB_API_LANGS:
        raise CliError(f"invalid --lang {args.lang} (valid: {', '.join(SSB_API_LANGS)})")
    datasets, geos = eurostat_options(args)
    base = (args.api_url if source == "ssb" else None) or os.environ.get(BASE_URL_ENV)
    eurostat_url = args.api_url if source == "eurostat" else None  # else $IKT_EUROSTAT_API_URL
    if args.dry_run:
        from tui.core.eurostat_datasets import default_datasets
        from tui.core.eurostat_refresh import plan_urls as eurostat_urls
        from tui.core.ssb_api import plan_urls

        urls = plan_urls(list(tables), args.lang, base) if source != "eurostat" else []
        if source != "ssb":
            urls += eurostat_urls(datasets or default_datasets(), geos, eurostat_url)
        for url in urls:
            print(url)
        return 0
    ssb: list[TableUpdate] = []
    if source != "eurostat":
        ssb = update_tables(tables, args.lang, base, offline=args.offline)
    results = list(ssb)
    if source != "ssb":
        from tui.core.eurostat_refresh import update_datasets

        results += update_datasets(datasets, geos, eurostat_url, offline=args.offline)
    for result in results:
        stream = sys.stdout if result.ok else sys.stderr
        print(("" if result.ok else "ikt: ") + result.message, file=stream)
    if any(r.ok for r in ssb):  # SSB's figures against the snapshot's
        print(update_summary(ssb))
    if any(r.unknown_table for r in results):
        return 2
    return 0 if any(r.ok for r in results) else 1
