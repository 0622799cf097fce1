"""`ikt list [THEME]`: the themes, or one theme's indicators with their years and sources."""

from __future__ import annotations

import argparse

from tui.cli.data import open_dataset
from tui.cli.destination import deliver, destination
from tui.cli.reports import indicators_report, themes_report
from tui.cli.resolve import resolve_format, resolve_lang, resolve_theme


def run(args: argparse.Namespace) -> int:
    fmt, lang = resolve_format(args.format), resolve_lang(args.lang)
    to = destination(args, fmt)
    dataset = open_dataset()
    if args.theme is None:
        report = themes_report(dataset, lang)
    else:
        report = indicators_report(dataset, resolve_theme(dataset, args.theme), lang)
    deliver(report, to)
    return 0
