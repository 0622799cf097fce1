"""What each `ikt` command does: check the question against the data, then answer or say why not."""

from __future__ import annotations

import argparse
import codecs
import sys

from tui.cli_args import (
    CliError,
    no_data,
    resolve_breakdown,
    resolve_format,
    resolve_geos,
    resolve_group,
    resolve_indicator,
    resolve_lang,
    resolve_theme,
    resolve_year,
    resolve_years,
    span,
    theme_word,
)
from tui.cli_files import file_dataset, with_cache
from tui.cli_reports import (
    Line,
    compared_lines,
    figures_report,
    group_order,
    indicators_report,
    is_eurostat,
    table_report,
    theme_lines,
    themes_report,
)
from tui.core.dataset import Dataset, load_dataset
from tui.core.errors import DataError
from tui.core.model import BREAKDOWNS

NOT_COMPARED = "SSB figures are not compared across countries"


def open_dataset() -> Dataset:
    """The figures every command answers from; bad data becomes one line, never a traceback."""
    try:
        return load_dataset()
    except DataError as err:
        raise CliError(str(err)) from None
    except OSError as err:
        raise CliError(f"cannot read the data: {err}") from None


def note(message: str) -> None:
    print(f"ikt: {message}", file=sys.stderr)


# --- ikt (no command): the explorer


def run_explore(args: argparse.Namespace) -> int:
    """Check the deep link against the data first, then (and only then) load the interface."""
    lang = resolve_lang(args.app_lang)
    breakdown = resolve_breakdown(args.app_by)
    dataset = with_cache(open_dataset(), lang)
    theme = resolve_theme(dataset, args.app_screen or "social-media", "--screen")
    geos = resolve_geos(dataset, args.app_geo)
    if len(geos) > 1:
        raise CliError(
            f"invalid --geo {args.app_geo} (the explorer opens one country; "
            f"compare countries inside it with g, or use ikt show --geo)"
        )
    year = resolve_year(dataset, args.app_year)
    lines = theme_lines(dataset, theme, breakdown, geos[0], None)
    if not lines:
        raise _why_no_theme(dataset, theme, breakdown, geos[0])
    if year is not None and not any(year in cells for _row, cells in lines):
        raise _no_year(_context(theme_word(theme), breakdown, "total", geos), str(year), lines)
    ascii_mode = bool(args.app_ascii) or not _utf8(sys.stdout)
    from tui.app.run import run_app  # Textual is loaded here, after every check passed

    return run_app(
        dataset,
        screen=theme,
        year=year,
        by=breakdown,
        lang=lang,
        ascii_mode=ascii_mode,
        geo=geos[0],
    )


def _utf8(stream: object) -> bool:
    """True when both the stream and the locale speak UTF-8 (LC_ALL=C means an ASCII terminal)."""
    try:
        if codecs.lookup(getattr(stream, "encoding", None) or "ascii").name != "utf-8":
            return False
        import locale

        codeset = locale.nl_langinfo(locale.CODESET) if hasattr(locale, "nl_langinfo") else "utf-8"
        return codecs.lookup(codeset or "ascii").name == "utf-8"
    except LookupError:
        return False


# --- ikt list [THEME]


def run_list(args: argparse.Namespace) -> int:
    fmt, lang = resolve_format(args.format), resolve_lang(args.lang)
    dataset = open_dataset()
    if args.theme is None:
        report = themes_report(dataset, lang)
    else:
        report = indicators_report(dataset, resolve_theme(dataset, args.theme), lang)
    from tui.cli_output import render

    render(report, fmt, sys.stdout, sys.stderr)
    return 0


# --- ikt show THEME


def run_show(args: argparse.Namespace) -> int:
    fmt, lang = resolve_format(args.format), resolve_lang(args.lang)
    breakdown = resolve_breakdown(args.by)
    if args.file:
        dataset = file_dataset(args.file)
        theme = resolve_theme(dataset, args.theme or "file")
    elif args.theme is None:
        raise CliError("show needs a THEME (social-media, policy, ecommerce) or --file FILE")
    else:
        dataset = with_cache(open_dataset(), lang)
        theme = resolve_theme(dataset, args.theme)
    # a file's own first country when none is asked for
    own = args.file and args.geo is None
    geos = dataset.geos()[:1] if own else resolve_geos(dataset, args.geo)
    year = resolve_year(dataset, args.year)
    years = (year, year) if year is not None else resolve_years(dataset, args.years)
    when = args.year or args.years
    context = _context(theme_word(theme), breakdown, "total", geos)
    if len(geos) == 1:
        lines = theme_lines(dataset, theme, breakdown, geos[0], years)
        if not lines:
            every_year = theme_lines(dataset, theme, breakdown, geos[0], None)
            if not every_year:
                raise _why_no_theme(dataset, theme, breakdown, geos[0])
            raise _no_year(context, when, every_year)
    else:
        lines = compared_lines(dataset, theme, breakdown, geos, years)
        if not lines:
            every_year = compared_lines(dataset, theme, breakdown, geos, None)
            if not every_year:
                raise _why_no_comparison(dataset, theme, breakdown, geos)
            raise _no_year(context, when, every_year)
        left_out = [i for i in dataset.theme_indicators(theme) if not is_eurostat(dataset, i)]
        if left_out:
            count = len(left_out)
            note(f"{NOT_COMPARED} ({count} SSB indicator{'s' if count > 1 else ''} left out)")
        missing = [g for g in geos if not any(row.geo == g for row, _cells in lines)]
        if missing:
            note(f"no Eurostat figures for {theme_word(theme)} in {', '.join(missing)}")
    from tui.cli_output import render

    render(table_report(dataset, theme, breakdown, geos, lines, lang), fmt, sys.stdout, sys.stderr)
    return 0


# --- ikt get INDICATOR


def run_get(args: argparse.Namespace) -> int:
    fmt, lang = resolve_format(args.format), resolve_lang(args.lang)
    dataset = with_cache(open_dataset(), lang)
    indicator = resolve_indicator(dataset, args.indicator)
    group = resolve_group(dataset, args.group)
    geos = resolve_geos(dataset, args.geo)
    year = resolve_year(dataset, args.year)
    with_geo = [g for g in dataset.geos(indicator) if g in geos]
    if not with_geo:
        raise no_data(
            f"no figures for {_context(indicator, 'total', 'total', geos)} "
            f"(countries with figures: {', '.join(dataset.geos(indicator))})"
        )
    groups = _groups_with_figures(dataset, indicator, with_geo)
    if group not in groups:
        raise no_data(
            f"no figures for {_context(indicator, 'total', group, geos)} "
            f"(groups with figures: {', '.join(groups)})"
        )
    series = {geo: dataset.series(indicator, group, geo) for geo in geos}
    figures = [f for geo in geos for f in series[geo] if year is None or f.ref_year == year]
    if not figures:
        every_year = [f.ref_year for geo in geos for f in series[geo]]
        raise no_data(
            f"no figures for {_context(indicator, 'total', group, geos)} in {year} "
            f"(years with figures: {span(every_year)})"
        )
    if len(geos) > 1 and not is_eurostat(dataset, indicator):
        note(NOT_COMPARED)
    for geo in geos:
        if not any(f.geo == geo for f in figures):
            note(
                f"no figures for {_context(indicator, 'total', group, [geo])}"
                + (f" in {year}" if year is not None else "")
            )
    report = figures_report(dataset, indicator, group, geos, figures, lang)
    from tui.cli_output import render

    render(report, fmt, sys.stdout, sys.stderr)
    return 0


def _groups_with_figures(dataset: Dataset, indicator: str, geos: list[str]) -> list[str]:
    found = {g for geo in geos for b in BREAKDOWNS for g in dataset.groups(indicator, b, geo)}
    return group_order(dataset, found)


# --- why there are no figures


def _context(subject: str, breakdown: str, group: str, geos: list[str]) -> str:
    """'ec_sales_web', 'eu_e_esell in group 10-49 in SE', 'policy by size in NO, SE'."""
    text = subject
    if group != "total":
        text += f" in group {group}"
    if breakdown != "total":
        text += f" by {breakdown}"
    if geos != ["NO"]:
        text += f" in {', '.join(geos)}"
    return text


def _no_year(context: str, when: str, every_year: list[Line]) -> CliError:
    found = {year for _row, cells in every_year for year in cells}
    return no_data(f"no figures for {context} in {when} (years with figures: {span(found)})")


def _why_no_theme(dataset: Dataset, theme: str, breakdown: str, geo: str) -> CliError:
    if not dataset.years(theme=theme, geo=geo):
        countries = [g for g in dataset.geos() if dataset.years(theme=theme, geo=g)]
        return no_data(
            f"no figures for {theme_word(theme)} in {geo} "
            f"(countries with figures: {', '.join(countries)})"
        )
    found = [b for b in BREAKDOWNS if dataset.years(theme=theme, breakdown=b, geo=geo)]
    return no_data(
        f"no figures for {theme_word(theme)} by {breakdown} in {geo} "
        f"(breakdowns with figures: {', '.join(found)})"
    )


def _why_no_comparison(dataset: Dataset, theme: str, breakdown: str, geos: list[str]) -> CliError:
    if not any(is_eurostat(dataset, i) for i in dataset.theme_indicators(theme)):
        return no_data(f"no figures to compare for {theme_word(theme)}: {NOT_COMPARED}")
    found = [b for b in BREAKDOWNS if compared_lines(dataset, theme, b, geos, None)]
    if found:
        return no_data(
            f"no Eurostat figures for {theme_word(theme)} by {breakdown} in "
            f"{', '.join(geos)} (breakdowns with figures: {', '.join(found)})"
        )
    countries = [g for g in dataset.geos() if compared_lines(dataset, theme, "total", [g], None)]
    return no_data(
        f"no Eurostat figures for {theme_word(theme)} in {', '.join(geos)} "
        f"(countries with figures: {', '.join(countries)})"
    )
