"""`ikt update`: fetch fresh tables from SSB's API and datasets from Eurostat's into the cache."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from tui.cli.commands.update_sources import eurostat_options, update_source
from tui.cli.resolve import CliError, resolve_format
from tui.core.refresh import DEFAULT_TABLES, TableUpdate, update_summary, update_tables
from tui.core.ssb_query import BASE_URL_ENV, SSB_API_LANGS

if TYPE_CHECKING:
    from tui.core.cache_snapshot import CacheSnapshot

CHANGES_FORMATS = ("table", "csv", "json", "markdown")


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
    fmt = changes_format(args)
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
    from tui.cli.data import open_dataset
    from tui.cli.update_progress import update_progress
    from tui.core.cache_snapshot import CacheSnapshot

    embedded = open_dataset()
    lines = sys.stderr if fmt else sys.stdout  # the list of changes alone on stdout
    before = CacheSnapshot.take(cache_keys(source, tables, args.lang, datasets))
    results: list[TableUpdate] = []
    try:
        with update_progress(lines) as progress:  # each table's line as it finishes
            if source != "eurostat":
                results = update_tables(
                    tables, args.lang, base, args.offline, embedded=embedded, progress=progress
                )
            if source != "ssb":
                from tui.core.eurostat_refresh import update_datasets

                results += update_datasets(
                    datasets, geos, eurostat_url, args.offline, embedded, progress
                )
    except KeyboardInterrupt:
        return interrupted(before)
    if any(r.ok for r in results):  # SSB's and Eurostat's figures against the snapshot's
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


def cache_keys(
    source: str, tables: tuple[str, ...], lang: str, datasets: tuple[str, ...] | None
) -> list[str]:
    """The cache entry of every table and dataset this update may write: Ctrl-C puts them back."""
    from tui.core import eurostat_query, ssb_api
    from tui.core.eurostat_datasets import default_datasets

    keys: list[str] = []
    if source != "eurostat":
        keys += [ssb_api.cache_key(t, lang) for t in tables]
    if source != "ssb":
        keys += [eurostat_query.cache_key(d) for d in datasets or default_datasets()]
    return keys


def interrupted(before: CacheSnapshot) -> int:
    """Ctrl-C: every entry put back as it was, one line, exit 130; a second Ctrl-C waits."""
    import signal
    import threading

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main else None
    try:
        before.restore()
    except OSError as err:
        print(f"ikt: update interrupted; could not put the cache back: {err}", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    print("ikt: update interrupted; the cache is as it was", file=sys.stderr)
    return 130
