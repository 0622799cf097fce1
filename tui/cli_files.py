"""`ikt open FILE`, `ikt show --file FILE` and `ikt update`: any table, and fresh ones from SSB."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli_args import CliError, Subcommands, resolve_lang

if TYPE_CHECKING:
    from tui.core.dataset import Dataset

TABLES_DEFAULT = "10974,10977,10978,12769"

OPEN_EXAMPLES = """\
examples:
  ikt open 10974.json               a JSON-stat 2.0 table saved from SSB's StatBank or API
  ikt open table.px --lang en       a PX file as StatBank downloads it (windows-1252 is fine)
  ikt open isoc_ec_esels.tsv.gz     a Eurostat TSV (bulk or SDMX flavour, gzip or not)
  ikt open isoc_ec_esels.csv        a Eurostat SDMX-CSV file"""

UPDATE_EXAMPLES = """\
examples:
  ikt update                        fetch tables 10974, 10977, 10978 and 12769 from SSB
  ikt update --tables 10974 --lang en
  ikt update --dry-run              print the URLs, fetch nothing
  ikt update --offline              check what the cache holds, never touch the network
  IKT_SSB_API_URL=http://127.0.0.1:8080/api/pxwebapi/v2 ikt update"""


def file_dataset(path: str) -> Dataset:
    """A file in any supported format as figures; a bad file is one line naming it, exit 2."""
    from tui.core.errors import DataError
    from tui.core.formats import read_table
    from tui.core.from_cube import cube_to_dataset

    if not Path(path).is_file():
        raise CliError(f"{path}: no such file")
    try:
        cube = read_table(path)
        return cube_to_dataset(cube, theme="file", origin=f"file {Path(path).name}")
    except DataError as err:
        raise CliError(str(err)) from None
    except ValueError as err:
        raise CliError(f"{path}: {err}") from None
    except OSError as err:
        raise CliError(f"{path}: cannot read ({err.strerror or err})") from None


def with_cache(dataset: Dataset, lang: str) -> Dataset:
    """The embedded data plus any table `ikt update` cached; nothing is fetched here."""
    from tui.core.cache import cache_dir

    folder = cache_dir()
    try:
        if not any(name.startswith("ssb-") for name in os.listdir(folder)):
            return dataset
    except OSError:
        return dataset  # no cache yet: the embedded snapshot alone
    from tui.core.refresh import with_cached_tables

    merged, notes = with_cached_tables(dataset, lang)
    for line in notes:
        print(f"ikt: {line}", file=sys.stderr)
    return merged


def run_open(args: argparse.Namespace) -> int:
    """Explore one file in the same interface as the embedded data."""
    lang = resolve_lang(args.lang)
    dataset = file_dataset(args.file)
    if not dataset.figures:
        raise CliError(f"{args.file}: the table has no figures with a year")
    from tui.app.run import run_app
    from tui.cli_commands import _utf8

    # open on the first breakdown that has figures: many tables have no all-sizes total
    by = next(b for b in ("total", "size", "industry") if dataset.years(breakdown=b))
    return run_app(
        dataset,
        screen="file",
        year=None,
        by=by,
        lang=lang,
        ascii_mode=bool(args.ascii) or not _utf8(sys.stdout),
        geo=dataset.geos()[0],
    )


def run_update(args: argparse.Namespace) -> int:
    """Fetch tables into the cache, or print the URLs; exit 1 when none could be fetched."""
    tables = tuple(t.strip() for t in args.tables.split(",") if t.strip())
    if not tables or not all(t.isdigit() and len(t) == 5 for t in tables):
        raise CliError(
            f"invalid --tables {args.tables} (valid: five-digit table numbers, "
            f"e.g. {TABLES_DEFAULT})"
        )
    if args.lang not in ("no", "en"):
        raise CliError(f"invalid --lang {args.lang} (valid: no, en)")
    base = args.api_url or os.environ.get("IKT_SSB_API_URL")
    if args.dry_run:
        from tui.core.ssb_api import plan_urls

        for url in plan_urls(list(tables), args.lang, base):
            print(url)
        return 0
    from tui.core.refresh import update_tables

    results = update_tables(tables, args.lang, base, offline=args.offline)
    for result in results:
        stream = sys.stdout if result.ok else sys.stderr
        print(("" if result.ok else "ikt: ") + result.message, file=stream)
    return 0 if any(r.ok for r in results) else 1


def add_open(commands: Subcommands) -> None:
    from tui.cli_args import _command

    parser = _command(
        commands, "open", "Explore a JSON-stat, PX or Eurostat file in the explorer.", OPEN_EXAMPLES
    )
    parser.add_argument("file", metavar="FILE", help="the table to open")
    parser.add_argument("--lang", metavar="{nb,en}", help="language (default: from LANG)")
    parser.add_argument("--ascii", action="store_true", help="ASCII only")
    parser.set_defaults(handler=run_open)


def add_update(commands: Subcommands) -> None:
    from tui.cli_args import _command

    parser = _command(
        commands, "update", "Fetch fresh tables from SSB's API into the cache.", UPDATE_EXAMPLES
    )
    parser.add_argument(
        "--tables",
        default=TABLES_DEFAULT,
        metavar="ID[,ID...]",
        help=f"StatBank table numbers (default: {TABLES_DEFAULT})",
    )
    parser.add_argument(
        "--lang", default="no", metavar="{no,en}", help="language of SSB's labels (default: no)"
    )
    parser.add_argument("--dry-run", action="store_true", help="print the URLs, fetch nothing")
    parser.add_argument(
        "--offline",
        action="store_true",
        help="never touch the network; report what the cache holds",
    )
    parser.add_argument(
        "--api-url",
        metavar="URL",
        help="PxWebApi v2 base URL (default: $IKT_SSB_API_URL, else "
        "https://data.ssb.no/api/pxwebapi/v2)",
    )
    parser.set_defaults(handler=run_update)
