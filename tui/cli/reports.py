"""Turns the figures a command selected into a Report: the grid people read and the records."""

from __future__ import annotations

from typing import cast

from tui.cli.output import Column, Report
from tui.cli.resolve import span, theme_word
from tui.core.dataset import Dataset
from tui.core.model import Figure, Source
from tui.core.numbers import format_number, format_value
from tui.core.provenance import population_text, revision_text
from tui.core.records import (
    FIGURE_KEYS,
    INDICATOR_KEYS,
    THEME_KEYS,
    figure_record,
    indicator_record,
    theme_record,
)
from tui.core.table import FigureTable
from tui.core.words import say

# --- reports


def themes_report(dataset: Dataset, lang: str) -> Report:
    records = [theme_record(dataset, theme, lang) for theme in dataset.themes()]
    columns = [
        Column(say("theme", lang), whole=True),
        Column(say("name", lang)),
        Column(say("indicators", lang), numeric=True),
        Column(say("years", lang)),
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
    records = [indicator_record(dataset, ind, lang) for ind in dataset.theme_indicators(theme)]
    columns = [
        Column("Id", whole=True),
        Column(say("indicator", lang)),
        Column(say("years", lang)),
        Column(say("sources", lang)),
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


def table_report(dataset: Dataset, table: FigureTable, geos: list[str], lang: str) -> Report:
    """Indicators (and group, country) down, reference years across; one record per figure."""
    labels = dataset.labels
    columns = [Column(say("indicator", lang))]
    columns += [Column(say("group", lang))] if table.by_group else []
    columns += [Column(say("country", lang))] if table.comparing else []
    years_from = len(columns)
    columns += [Column(str(year), numeric=True) for year in table.years]
    rows = [
        [row.indicator]
        + ([row.group] if table.by_group else [])
        + ([row.geo] if table.comparing else [])
        + list(row.cells)
        for row in table.rows
    ]
    figures = [f for row in table.rows for f in row.figures if f is not None]
    records = [figure_record(dataset, f, lang) for f in figures]
    theme, breakdown = table.slice.theme, table.slice.breakdown
    where = say("country_comparison", lang) if table.comparing else labels.get("geo", geos[0], lang)
    title = (
        f"{labels.get('theme', theme, lang)}: {where}, {labels.get('breakdown', breakdown, lang)}"
    )
    notes = period_note(dataset, figures, lang)
    notes += [say("other_key", lang)] if table.marked else []
    notes += revision_notes(dataset, figures, lang)
    return Report(
        title,
        columns,
        rows,
        FIGURE_KEYS,
        records,
        scope=scope(dataset, figures, lang) if table.comparing else "",
        notes=notes,
        years_from=years_from,
        heading=years_from > 1,
        sources=cited(dataset, figures),
    )


def figures_report(
    dataset: Dataset, indicator: str, group: str, geos: list[str], figures: list[Figure], lang: str
) -> Report:
    """One indicator's figures with status, base and source, the sources spelled out below."""
    labels = dataset.labels
    compared = len(geos) > 1
    survey = any(f.survey_year != f.ref_year for f in figures)
    columns = [Column(say("year", lang), whole=True)]
    columns += [Column(say("country", lang))] if compared else []
    columns += [Column(say("survey_year", lang), whole=True)] if survey else []
    columns += [
        Column(say("value", lang), numeric=True),
        Column(say("status", lang)),
        Column(say("base", lang)),
        Column(say("source", lang), whole=True),
    ]
    rows = []
    for f in figures:
        status = f"{f.status} {labels.get('status', f.status, lang)}" if f.status else ""
        rows.append(
            [str(f.ref_year)]
            + ([labels.get("geo", f.geo, lang)] if compared else [])
            + ([str(f.survey_year)] if survey else [])
            + [format_value(f, lang), status, population_text(dataset, f, lang), f.source_id]
        )
    where = [] if compared else [labels.get("geo", geos[0], lang)]
    title = f"{labels.get('indicator', indicator, lang)} ({indicator}): " + ", ".join(
        [*where, labels.get("group", group, lang)]
    )
    notes = period_note(dataset, figures, lang)
    for f in figures:
        notes += [
            f"{f.ref_year}{'' if not compared else ' ' + f.geo}: {source} "
            f"{say('gives', lang)} {format_number(value, lang)}"
            for source, value in f.disagreeing
        ]
    notes += revision_notes(dataset, figures, lang)
    sources = cited(dataset, figures)
    notes += [f"{s.source_id}: {s.publisher}, {s.title} ({s.released}) {s.url}" for s in sources]
    records = [figure_record(dataset, f, lang) for f in figures]
    return Report(
        title,
        columns,
        rows,
        FIGURE_KEYS,
        records,
        scope=scope(dataset, figures, lang) if compared else "",
        notes=notes,
        sources=sources,
    )


def revision_notes(dataset: Dataset, figures: list[Figure], lang: str) -> list[str]:
    """Each revision among the figures once, named by the snapshot's indicator, group and year."""
    notes: dict[str, None] = {}
    for figure in figures:
        change = dataset.revision_of(figure)
        if change is None or change.before is None:
            continue
        before, labels = change.before, dataset.labels
        indicator = labels.get("indicator", before.indicator, lang)
        name = f"{indicator}, {labels.get('group', before.group, lang)}"
        if before.geo != "NO":
            name += f", {before.geo}"
        notes[f"{before.ref_year} {name}: {revision_text(dataset, figure, lang)}"] = None
    return list(notes)


def cited(dataset: Dataset, figures: list[Figure]) -> tuple[Source, ...]:
    """Each source the figures cite, once, in the order first cited."""
    return tuple(dataset.sources[i] for i in dict.fromkeys(f.source_id for f in figures))


def scope(dataset: Dataset, figures: list[Figure], lang: str) -> str:
    """Whose enterprises the compared figures cover, from the base populations' labels."""
    bases = dict.fromkeys(population_text(dataset, f, lang) for f in figures)
    return f"{say('scope_of_source', lang)}: {'; '.join(bases)}"


def period_note(dataset: Dataset, figures: list[Figure], lang: str) -> list[str]:
    periods = {
        dataset.indicators[f.indicator].period for f in figures if f.indicator in dataset.indicators
    }
    return [say("reference_year_note", lang)] if "previous_year" in periods else []
