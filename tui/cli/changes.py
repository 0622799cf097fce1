"""`ikt update --changes`: every fetched figure that is new or revises the snapshot's, one a row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tui.cli.output import Column, Report
from tui.core.labels import Labels
from tui.core.numbers import format_value
from tui.core.records import Record
from tui.core.refresh import TableUpdate
from tui.core.revisions import FigureChange
from tui.core.words import say

CHANGE_KEYS = (
    "change",
    "table",
    "indicator",
    "label",
    "embedded_indicator",
    "geo",
    "breakdown",
    "group",
    "year",
    "old_value",
    "old_status",
    "new_value",
    "new_status",
    "unit",
    "source_id",
    "fetched_on",
)


def change_record(table_id: str, change: FigureChange, labels: Labels, lang: str) -> Record:
    """One new or revised figure with both values as published (None where there is none)."""
    new, old = change.fetched, change.before
    return {
        "change": change.kind,
        "table": table_id,
        "indicator": new.indicator,
        "label": labels.get("indicator", new.indicator, lang),
        "embedded_indicator": change.embedded_indicator or None,
        "geo": new.geo,
        "breakdown": new.breakdown,
        "group": new.group,
        "year": new.ref_year,
        "old_value": old.exact if old is not None else None,
        "old_status": old.status if old is not None else None,
        "new_value": new.exact,
        "new_status": new.status,
        "unit": new.unit,
        "source_id": new.source_id,
        "fetched_on": change.fetched_on,
    }


def place_name(group: str, geo: str) -> str:
    """The group, and the country unless it is Norway (as the revision notes name them)."""
    return group if geo == "NO" else f"{group}, {geo}"


def changes_report(results: Sequence[TableUpdate], catalogue: Labels, lang: str) -> Report:
    """The new and revised figures of every table and dataset fetched, in the answers' order.

    Groups are named by the catalogue (the size classes); measures the catalogue knows by its
    names, others by the answer's own labels.
    """
    columns = [
        Column(say("change", lang)),
        Column(say("indicator", lang)),
        Column(say("group", lang)),
        Column(say("year", lang), whole=True),
        Column(say("old_value", lang), numeric=True),
        Column(say("new_value", lang), numeric=True),
        Column(say("source", lang), whole=True),
    ]
    rows: list[list[str]] = []
    records: list[Record] = []
    for result in results:
        labels = Labels(catalogue.names | result.labels.names)
        for change in result.revisions.changes:
            new = change.fetched
            records.append(change_record(result.table_id, change, labels, lang))
            rows.append(
                [
                    say(f"change_{change.kind}", lang),
                    labels.get("indicator", new.indicator, lang),
                    place_name(labels.get("group", new.group, lang), new.geo),
                    str(new.ref_year),
                    format_value(change.before, lang),
                    format_value(new, lang),
                    new.source_id,
                ]
            )
    return Report(say(changes_title(results), lang), columns, rows, CHANGE_KEYS, records)


def changes_title(results: Iterable[TableUpdate]) -> str:
    """The title's word id: whose API the figures came from (SSB's tables are numbered)."""
    sources = {"ssb" if r.table_id.isdigit() else "eurostat" for r in results}
    if sources == {"eurostat"}:
        return "changes_title_eurostat"
    return "changes_title_both" if len(sources) == 2 else "changes_title"
