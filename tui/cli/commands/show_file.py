"""`ikt show --file F`: a file's table for any of its geographies, by year or by its own periods."""

from __future__ import annotations

import argparse

from tui.cli.data import file_dataset, note
from tui.cli.destination import deliver, destination
from tui.cli.output import Column, Report
from tui.cli.reports import table_report
from tui.cli.resolve import (
    CliError,
    invalid,
    no_data,
    resolve_breakdown,
    resolve_format,
    resolve_lang,
    resolve_theme,
    resolve_year,
    resolve_years,
    theme_word,
)
from tui.cli.why import context, no_theme, no_year
from tui.core.dataset import Dataset
from tui.core.period_table import PeriodTable, period_table
from tui.core.periods import ANNUAL
from tui.core.records import FIGURE_KEYS, figure_record
from tui.core.table import theme_table
from tui.core.words import say

EVERY_GEO = "all"
LISTED = 20  # codes named in a message about --geo; a table may have thousands


def run(args: argparse.Namespace) -> int:
    fmt, lang = resolve_format(args.format), resolve_lang(args.lang)
    to = destination(args, fmt)
    breakdown = resolve_breakdown(args.by)
    dataset = file_dataset(args.file)
    for line in dataset.notes:
        note(line)
    theme = resolve_theme(dataset, args.theme or "file")
    geos = resolve_file_geos(dataset, args.geo)
    year = resolve_year(dataset, args.year)
    years = (year, year) if year is not None else resolve_years(dataset, args.years)
    when = args.year or args.years
    where = context(theme_word(theme), breakdown, "total", geos)
    frequency = dataset.frequency(theme)
    if frequency == ANNUAL and len(geos) == 1:
        table = theme_table(dataset, theme, breakdown, geos[0], lang, years)
        if not table.rows:
            if not theme_table(dataset, theme, breakdown, geos[0], lang).rows:
                raise no_theme(dataset, theme, breakdown, geos[0])
            raise no_year(where, when, dataset.years(theme=theme, geo=geos[0]))
        deliver(table_report(dataset, table, geos, lang), to)
        return 0
    periods = period_table(dataset, theme, breakdown, geos, lang, years)
    if not periods.rows:
        if not period_table(dataset, theme, breakdown, geos, lang).rows:
            raise no_data(f"no figures for {where} (breakdown or geography without figures)")
        raise no_year(where, when, dataset.years(theme=theme))
    if frequency != ANNUAL:
        first, last = periods.periods[0], periods.periods[-1]
        note(f"{frequency} table: {len(periods.periods)} periods, {first} to {last}")
    deliver(period_report(dataset, periods, lang), to)
    return 0


def resolve_file_geos(dataset: Dataset, value: str | None) -> list[str]:
    """--geo CODE[,CODE], or 'all': any geography of the file; none asked for: its first."""
    geos = dataset.geos()
    if value is None:
        return geos[:1]
    if value.strip().casefold() == EVERY_GEO:
        return geos
    table = {code.casefold(): code for code in geos}
    chosen: list[str] = []
    for word in (part.strip() for part in value.split(",")):
        if word.casefold() in table:
            chosen.append(table[word.casefold()])
        elif word:
            listing = ", ".join(geos[:LISTED]) + (
                f", ... ({len(geos)} in all)" if len(geos) > LISTED else ""
            )
            raise CliError(invalid("--geo", word, f"{EVERY_GEO}, {listing}", table))
    if not chosen:
        raise CliError(invalid("--geo", value, f"{EVERY_GEO} or codes of the file"))
    return list(dict.fromkeys(chosen))


def period_report(dataset: Dataset, table: PeriodTable, lang: str) -> Report:
    """Rows down, the table's own periods across; one record per figure, with its period."""
    labels = dataset.labels
    columns = [Column(say("indicator", lang))]
    columns += [Column(say("group", lang))] if table.by_group else []
    columns += [Column(say("country", lang))] if table.comparing else []
    columns += [Column(period, numeric=True) for period in table.periods]
    rows = [
        [row.indicator]
        + ([row.group] if table.by_group else [])
        + ([row.geo] if table.comparing else [])
        + list(row.cells)
        for row in table.rows
    ]
    figures = [f for row in table.rows for f in row.figures if f is not None]
    records = [{**figure_record(dataset, f, lang), "period": f.period} for f in figures]
    theme, breakdown = table.slice.theme, table.slice.breakdown
    geos = list(dict.fromkeys(row.row.geo for row in table.rows))
    where = say("country_comparison", lang) if table.comparing else labels.get("geo", geos[0], lang)
    title = (
        f"{labels.get('theme', theme, lang)}: {where}, {labels.get('breakdown', breakdown, lang)}"
    )
    return Report(title, columns, rows, (*FIGURE_KEYS, "period"), records)
