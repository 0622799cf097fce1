"""`ikt get INDICATOR`: one indicator's figures with status, base and source."""

from __future__ import annotations

import argparse

from tui.cli.data import note, open_dataset, with_cache
from tui.cli.destination import deliver, destination
from tui.cli.reports import figures_report
from tui.cli.resolve import (
    no_data,
    resolve_format,
    resolve_geos,
    resolve_group,
    resolve_indicator,
    resolve_lang,
    resolve_year,
    span,
)
from tui.cli.why import NOT_COMPARED, context
from tui.core.dataset import Dataset, group_order, is_eurostat_indicator
from tui.core.model import BREAKDOWNS


def run(args: argparse.Namespace) -> int:
    fmt, lang = resolve_format(args.format), resolve_lang(args.lang)
    to = destination(args, fmt)
    dataset = with_cache(open_dataset(), lang)
    indicator = resolve_indicator(dataset, args.indicator)
    group = resolve_group(dataset, args.group)
    geos = resolve_geos(dataset, args.geo)
    year = resolve_year(dataset, args.year)
    with_geo = [g for g in dataset.geos(indicator) if g in geos]
    if not with_geo:
        raise no_data(
            f"no figures for {context(indicator, 'total', 'total', geos)} "
            f"(countries with figures: {', '.join(dataset.geos(indicator))})"
        )
    groups = _groups_with_figures(dataset, indicator, with_geo)
    if group not in groups:
        raise no_data(
            f"no figures for {context(indicator, 'total', group, geos)} "
            f"(groups with figures: {', '.join(groups)})"
        )
    series = {geo: dataset.series(indicator, group, geo) for geo in geos}
    figures = [f for geo in geos for f in series[geo] if year is None or f.ref_year == year]
    if not figures:
        every_year = [f.ref_year for geo in geos for f in series[geo]]
        raise no_data(
            f"no figures for {context(indicator, 'total', group, geos)} in {year} "
            f"(years with figures: {span(every_year)})"
        )
    if len(geos) > 1 and not is_eurostat_indicator(dataset, indicator):
        note(NOT_COMPARED)
    for geo in geos:
        if not any(f.geo == geo for f in figures):
            note(
                f"no figures for {context(indicator, 'total', group, [geo])}"
                + (f" in {year}" if year is not None else "")
            )
    deliver(figures_report(dataset, indicator, group, geos, figures, lang), to)
    return 0


def _groups_with_figures(dataset: Dataset, indicator: str, geos: list[str]) -> list[str]:
    return group_order(
        g for geo in geos for b in BREAKDOWNS for g in dataset.groups(indicator, b, geo)
    )
