"""Turns the figures a command selected into a Report: the grid people read and the records."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from tui.cli_args import span, theme_word
from tui.core.dataset import Dataset
from tui.core.model import Figure, Row, Slice
from tui.core.numbers import format_number, format_value
from tui.core.records import (
    FIGURE_KEYS,
    INDICATOR_KEYS,
    THEME_KEYS,
    figure_record,
    indicator_record,
    theme_record,
)

if TYPE_CHECKING:  # the explorer needs theme_lines only: the output code loads with a report
    from tui.cli_output import Report

Line = tuple[Row, dict[int, Figure]]  # one table row with its figures by reference year

WORDS: dict[str, tuple[str, str]] = {  # (bokmål, English)
    "theme": ("Tema", "Theme"),
    "name": ("Navn", "Name"),
    "indicators": ("Indikatorer", "Indicators"),
    "indicator": ("Indikator", "Indicator"),
    "years": ("År", "Years"),
    "year": ("År", "Year"),
    "survey_year": ("Undersøkelsesår", "Survey year"),
    "sources": ("Kilder", "Sources"),
    "source": ("Kilde", "Source"),
    "group": ("Gruppe", "Group"),
    "country": ("Land", "Country"),
    "value": ("Verdi", "Value"),
    "status": ("Status", "Status"),
    "base": ("Grunnlag", "Base"),
    "scope": ("Omfang", "Scope"),
    "gives": ("oppgir", "gives"),
    "compare": ("sammenligning av land", "country comparison"),
    "previous_year": (
        "Årstall er referanseår: tallene gjelder kalenderåret før undersøkelsen.",
        "Years are reference years: the figures refer to the calendar year before the survey.",
    ),
}


def word(key: str, lang: str) -> str:
    nb, en = WORDS[key]
    return nb if lang == "nb" else en


# --- which figures a table shows


def is_eurostat(dataset: Dataset, indicator: str) -> bool:
    info = dataset.indicators.get(indicator)
    return info.publisher == "eurostat" if info else indicator.startswith("eu_")


def group_order(dataset: Dataset, groups: set[str]) -> list[str]:
    """Groups in the order the labels list them: total, size classes, then industries."""
    order = dataset.labels.ids("group")
    return sorted(groups, key=lambda g: (order.index(g) if g in order else len(order), g))


def theme_lines(
    dataset: Dataset, theme: str, breakdown: str, geo: str, years: tuple[int, int] | None
) -> list[Line]:
    """The screen's table for one country: rows without a figure in `years` left out."""
    return _lines(dataset.slice(theme, breakdown, geo, years))


def compared_lines(
    dataset: Dataset, theme: str, breakdown: str, geos: list[str], years: tuple[int, int] | None
) -> list[Line]:
    """Eurostat indicators only, a row per country: SSB figures are not compared across them."""
    lines: list[Line] = []
    for indicator in dataset.theme_indicators(theme):
        if not is_eurostat(dataset, indicator):
            continue
        groups = {g for geo in geos for g in dataset.groups(indicator, breakdown, geo)}
        for group in group_order(dataset, groups):
            lines += _lines(dataset.compare(indicator, geos, group, years))
    return lines


def _lines(table: Slice) -> list[Line]:
    lines = [
        (row, {y: f for y in table.years if (f := table.get(row, y)) is not None})
        for row in table.rows
    ]
    return [(row, cells) for row, cells in lines if cells]


# --- reports


def themes_report(dataset: Dataset, lang: str) -> Report:
    from tui.cli_output import Column, Report

    records = [theme_record(dataset, theme, lang) for theme in dataset.themes()]
    columns = [
        Column(word("theme", lang)),
        Column(word("name", lang)),
        Column(word("indicators", lang), numeric=True),
        Column(word("years", lang)),
    ]
    rows = [
        [
            theme_word(str(r["theme"])),
            str(r["label"]),
            str(r["indicators"]),
            span(cast(list[int], r["years"])),
        ]
        for r in records
    ]
    return Report("", columns, rows, THEME_KEYS, records)


def indicators_report(dataset: Dataset, theme: str, lang: str) -> Report:
    from tui.cli_output import Column, Report

    records = [indicator_record(dataset, ind, lang) for ind in dataset.theme_indicators(theme)]
    columns = [
        Column("Id"),
        Column(word("indicator", lang)),
        Column(word("years", lang)),
        Column(word("sources", lang)),
    ]
    rows = [
        [
            str(r["indicator"]),
            str(r["label"]),
            span(cast(list[int], r["years"])),
            ", ".join(cast(list[str], r["sources"])),
        ]
        for r in records
    ]
    title = dataset.labels.get("theme", theme, lang)
    return Report(title, columns, rows, INDICATOR_KEYS, records)


def table_report(
    dataset: Dataset, theme: str, breakdown: str, geos: list[str], lines: list[Line], lang: str
) -> Report:
    """Indicators (and group, country) down, reference years across; one record per figure."""
    from tui.cli_output import Column, Report

    labels = dataset.labels
    years = sorted({year for _row, cells in lines for year in cells})
    compared = len(geos) > 1
    columns = [Column(word("indicator", lang))]
    columns += [Column(word("group", lang))] if breakdown != "total" else []
    columns += [Column(word("country", lang))] if compared else []
    columns += [Column(str(year), numeric=True) for year in years]
    rows: list[list[str]] = []
    records = []
    for row, cells in lines:
        rows.append(
            [labels.get("indicator", row.indicator, lang)]
            + ([labels.get("group", row.group, lang)] if breakdown != "total" else [])
            + ([labels.get("geo", row.geo, lang)] if compared else [])
            + [format_value(cells.get(year), lang) for year in years]
        )
        records += [figure_record(dataset, cells[year], lang) for year in sorted(cells)]
    where = word("compare", lang) if compared else labels.get("geo", geos[0], lang)
    title = (
        f"{labels.get('theme', theme, lang)}: {where}, {labels.get('breakdown', breakdown, lang)}"
    )
    figures = [f for _row, cells in lines for f in cells.values()]
    return Report(
        title,
        columns,
        rows,
        FIGURE_KEYS,
        records,
        scope=scope(dataset, figures, lang) if compared else "",
        notes=period_note(dataset, figures, lang),
    )


def figures_report(
    dataset: Dataset, indicator: str, group: str, geos: list[str], figures: list[Figure], lang: str
) -> Report:
    """One indicator's figures with status, base and source, the sources spelled out below."""
    from tui.cli_output import Column, Report

    labels = dataset.labels
    compared = len(geos) > 1
    survey = any(f.survey_year != f.ref_year for f in figures)
    columns = [Column(word("year", lang))]
    columns += [Column(word("country", lang))] if compared else []
    columns += [Column(word("survey_year", lang))] if survey else []
    columns += [
        Column(word("value", lang), numeric=True),
        Column(word("status", lang)),
        Column(word("base", lang)),
        Column(word("source", lang)),
    ]
    rows = []
    for f in figures:
        status = f"{f.status} {labels.get('status', f.status, lang)}" if f.status else ""
        rows.append(
            [str(f.ref_year)]
            + ([labels.get("geo", f.geo, lang)] if compared else [])
            + ([str(f.survey_year)] if survey else [])
            + [format_value(f, lang), status, labels.get("base", f.base, lang), f.source_id]
        )
    where = [] if compared else [labels.get("geo", geos[0], lang)]
    title = f"{labels.get('indicator', indicator, lang)} ({indicator}): " + ", ".join(
        [*where, labels.get("group", group, lang)]
    )
    notes = period_note(dataset, figures, lang)
    for f in figures:
        notes += [
            f"{f.ref_year}{'' if not compared else ' ' + f.geo}: {source} "
            f"{word('gives', lang)} {format_number(value, lang)}"
            for source, value in f.disagreeing
        ]
    for source_id in dict.fromkeys(f.source_id for f in figures):
        source = dataset.sources[source_id]
        notes.append(
            f"{source_id}: {source.publisher}, {source.title} ({source.released}) {source.url}"
        )
    records = [figure_record(dataset, f, lang) for f in figures]
    return Report(
        title,
        columns,
        rows,
        FIGURE_KEYS,
        records,
        scope=scope(dataset, figures, lang) if compared else "",
        notes=notes,
    )


def scope(dataset: Dataset, figures: list[Figure], lang: str) -> str:
    """Whose enterprises the compared figures cover, from the base populations' labels."""
    bases = dict.fromkeys(dataset.labels.get("base", f.base, lang) for f in figures)
    return f"{word('scope', lang)}: {'; '.join(bases)}"


def period_note(dataset: Dataset, figures: list[Figure], lang: str) -> list[str]:
    periods = {
        dataset.indicators[f.indicator].period for f in figures if f.indicator in dataset.indicators
    }
    return [word("previous_year", lang)] if "previous_year" in periods else []
