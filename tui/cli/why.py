"""Why a question has no figures: one line naming what was asked and what the data does have."""

from __future__ import annotations

from collections.abc import Iterable

from tui.cli.resolve import CliError, no_data, span, theme_word
from tui.core.dataset import Dataset, is_eurostat_indicator
from tui.core.model import BREAKDOWNS
from tui.core.table import compared_table

NOT_COMPARED = "SSB figures are not compared across countries"


def context(subject: str, breakdown: str, group: str, geos: list[str]) -> str:
    """'ec_sales_web', 'eu_e_esell in group 10-49 in SE', 'policy by size in NO, SE'."""
    text = subject
    if group != "total":
        text += f" in group {group}"
    if breakdown != "total":
        text += f" by {breakdown}"
    if geos != ["NO"]:
        text += f" in {', '.join(geos)}"
    return text


def no_year(where: str, when: str, years_with_figures: Iterable[int]) -> CliError:
    return no_data(
        f"no figures for {where} in {when} (years with figures: {span(years_with_figures)})"
    )


def no_theme(dataset: Dataset, theme: str, breakdown: str, geo: str) -> CliError:
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


def no_comparison(dataset: Dataset, theme: str, breakdown: str, geos: list[str]) -> CliError:
    if not any(is_eurostat_indicator(dataset, i) for i in dataset.theme_indicators(theme)):
        return no_data(f"no figures to compare for {theme_word(theme)}: {NOT_COMPARED}")
    found = [b for b in BREAKDOWNS if _compared_rows(dataset, theme, b, geos)]
    if found:
        return no_data(
            f"no Eurostat figures for {theme_word(theme)} by {breakdown} in "
            f"{', '.join(geos)} (breakdowns with figures: {', '.join(found)})"
        )
    countries = [g for g in dataset.geos() if _compared_rows(dataset, theme, "total", [g])]
    return no_data(
        f"no Eurostat figures for {theme_word(theme)} in {', '.join(geos)} "
        f"(countries with figures: {', '.join(countries)})"
    )


def _compared_rows(dataset: Dataset, theme: str, breakdown: str, geos: list[str]) -> bool:
    return bool(compared_table(dataset, theme, breakdown, geos, "en").rows)
