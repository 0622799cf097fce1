"""`ikt open FILE`: explore any JSON-stat, PX or Eurostat table in the same interface."""

from __future__ import annotations

import argparse

from tui.cli.data import file_dataset
from tui.cli.launch import launch, require_terminal
from tui.cli.resolve import CliError, resolve_lang
from tui.core.dataset import Dataset
from tui.core.model import BREAKDOWNS


def run(args: argparse.Namespace) -> int:
    lang = resolve_lang(args.lang)
    dataset = file_dataset(args.file)
    if not dataset.figures:
        raise CliError(f"{args.file}: the table has no figures with a year")
    require_terminal("ikt show --file FILE")
    return launch(
        dataset,
        screen="file",
        year=None,
        by=start_breakdown(dataset),
        lang=lang,
        ascii_only=bool(args.ascii),
        geo=dataset.geos()[0],
    )


def start_breakdown(dataset: Dataset) -> str:
    """The first breakdown that has figures: many tables have no all-sizes total."""
    return next(b for b in BREAKDOWNS if dataset.years(breakdown=b))
