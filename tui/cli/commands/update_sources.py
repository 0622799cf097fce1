"""Which sources `ikt update` asks, and its Eurostat options, checked before any fetch."""

from __future__ import annotations

import argparse

from tui.cli.resolve import CliError, choose
from tui.core.errors import DataError
from tui.core.eurostat_query import DEFAULT_GEOS, check_codes

SOURCES = ("ssb", "eurostat", "all")


def update_source(args: argparse.Namespace) -> str:
    """--source as typed; else --tables alone means SSB, --datasets alone Eurostat, else all."""
    if args.source is not None:
        return choose("--source", args.source, SOURCES)
    if args.tables is not None and args.datasets is None:
        return "ssb"
    if args.datasets is not None and args.tables is None:
        return "eurostat"
    if args.api_url is not None:
        raise CliError("--api-url names one API: add --source ssb or --source eurostat")
    return "all"


def eurostat_options(args: argparse.Namespace) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """--datasets (None: the registry's defaults) and --geo, each code checked."""
    geos = _codes(args.geo.upper(), "--geo") if args.geo is not None else DEFAULT_GEOS
    datasets = _codes(args.datasets.lower(), "--datasets") if args.datasets is not None else None
    try:
        for code in datasets or ("dataset",):
            check_codes(code, geos)
    except DataError as err:
        raise CliError(
            f"invalid {'--geo' if err.source == 'geo' else '--datasets'}: {err.problem}"
        ) from None
    return datasets, geos


def _codes(value: str, what: str) -> tuple[str, ...]:
    """A comma-separated list of codes, each once, in the order typed."""
    codes = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    if not codes:
        raise CliError(f"invalid {what} {value!r} (give codes separated by commas)")
    return codes
