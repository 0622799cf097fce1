"""`ikt update`: fetch fresh tables from SSB's API into the cache, or print their URLs."""

from __future__ import annotations

import argparse
import os
import sys

from tui.cli.resolve import CliError, resolve_format
from tui.core.refresh import DEFAULT_TABLES, update_summary, update_tables
from tui.core.ssb_query import BASE_URL_ENV, SSB_API_LANGS

CHANGES_FORMATS = ("table", "csv", "json", "markdown")


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
    fmt = changes_format(args)
    base = args.api_url or os.environ.get(BASE_URL_ENV)
    if args.dry_run:
        from tui.core.ssb_api import plan_urls

        for url in plan_urls(list(tables), args.lang, base):
            print(url)
        return 0
    from tui.cli.data import open_dataset
    from tui.cli.update_progress import cache_stamps, interrupted_line, live_progress
    from tui.core.ssb_api import cache_key

    embedded = open_dataset()
    keys = {table: cache_key(table, args.lang) for table in tables}
    before = cache_stamps(list(keys.values()))
    try:
        with live_progress() as progress:
            results = update_tables(
                tables, args.lang, base, args.offline, embedded=embedded, progress=progress
            )
    except KeyboardInterrupt:
        print(f"ikt: {interrupted_line(keys, before)}", file=sys.stderr)
        return 130
    lines = sys.stderr if fmt else sys.stdout  # the list of changes alone on stdout
    for result in results:
        stream = lines if result.ok else sys.stderr
        print(("" if result.ok else "ikt: ") + result.message, file=stream)
    if any(r.ok for r in results):
        print(update_summary(results), file=lines)
    if fmt:
        from tui.cli.changes import changes_report
        from tui.cli.destination import Destination, deliver

        lang = "nb" if args.lang == "no" else "en"
        deliver(changes_report(results, embedded.labels, lang), Destination(None, False, fmt))
    if any(r.unknown_table for r in results):
        return 2
    return 0 if any(r.ok for r in results) else 1


def changes_format(args: argparse.Namespace) -> str | None:
    """The format of --changes, None without it; --format alone is refused, not ignored."""
    if not args.changes:
        if args.format is not None:
            raise CliError("--format applies to --changes only (ikt update --changes --format csv)")
        return None
    fmt = resolve_format(args.format or "table")
    if fmt not in CHANGES_FORMATS:
        raise CliError(f"invalid --format {args.format} (valid: {', '.join(CHANGES_FORMATS)})")
    return fmt
