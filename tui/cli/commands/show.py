"""`ikt show THEME`: the screen's table without the screen, for one country or several."""

from __future__ import annotations

import argparse

from tui.cli.commands import show_all, show_file
from tui.cli.data import note, open_dataset, with_cache
from tui.cli.destination import deliver, destination
from tui.cli.reports import table_report
from tui.cli.resolve import (
    CliError,
    resolve_breakdown,
    resolve_format,
    resolve_geos,
    resolve_lang,
    resolve_theme,
    resolve_year,
    resolve_years,
    theme_word,
)
from tui.cli.why import NOT_COMPARED, context, no_comparison, no_theme, no_year
from tui.core.dataset import is_eurostat_indicator
from tui.core.table import compared_table, theme_table


def run(args: argparse.Namespace) -> int:
    if args.all:
        return show_all.run(args)
    if args.file:
        return show_file.run(args)
    fmt, lang = resolve_format(args.format), resolve_lang(args.lang)
    to = destination(args, fmt)
    breakdown = resolve_breakdown(args.by)
    if args.theme is None:
        raise CliError("show needs a THEME (social-media, policy, ecommerce) or --file FILE")
    dataset = with_cache(open_dataset(), lang)
    theme = resolve_theme(dataset, args.theme)
    geos = resolve_geos(dataset, args.geo)
    year = resolve_year(dataset, args.year)
    years = (year, year) if year is not None else resolve_years(dataset, args.years)
    when = args.year or args.years
    where = context(theme_word(theme), breakdown, "total", geos)
    if len(geos) == 1:
        table = theme_table(dataset, theme, breakdown, geos[0], lang, years)
        if not table.rows:
            every_year = theme_table(dataset, theme, breakdown, geos[0], lang)
            if not every_year.rows:
                raise no_theme(dataset, theme, breakdown, geos[0])
            raise no_year(where, when, every_year.years)
    else:
        table = compared_table(dataset, theme, breakdown, geos, lang, years)
        if not table.rows:
            every_year = compared_table(dataset, theme, breakdown, geos, lang)
            if not every_year.rows:
                raise no_comparison(dataset, theme, breakdown, geos)
            raise no_year(where, when, every_year.years)
        left_out = [
            i for i in dataset.theme_indicators(theme) if not is_eurostat_indicator(dataset, i)
        ]
        if left_out:
            count = len(left_out)
            note(f"{NOT_COMPARED} ({count} SSB indicator{'s' if count > 1 else ''} left out)")
        missing = [g for g in geos if not any(row.row.geo == g for row in table.rows)]
        if missing:
            note(f"no Eurostat figures for {theme_word(theme)} in {', '.join(missing)}")
    deliver(table_report(dataset, table, geos, lang), to)
    return 0
