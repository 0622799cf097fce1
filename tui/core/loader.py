"""Read and validate the embedded dataset, failing with the file, line and problem.

`csv` is imported where a file is read: the explorer's start usually takes the ready-made copy
(tui.core.snapshot) and reads no CSV at all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from tui.core.errors import DataError
from tui.core.labels import LABEL_KINDS, Labels
from tui.core.model import (
    BREAKDOWNS,
    LANGS,
    MISSING_SYMBOLS,
    THEMES,
    VALUE_FLAGS,
    Figure,
    Indicator,
    Source,
)

FIGURE_COLUMNS = (
    "theme",
    "indicator",
    "geo",
    "breakdown",
    "group",
    "ref_year",
    "survey_year",
    "value",
    "status",
    "unit",
    "base",
    "series",
    "source_id",
    "corroborating",
    "disagreeing",
    "note",
)
NUMBER = re.compile(r"-?\d+(\.\d+)?")
LABEL_COLUMNS = ("kind", "id", *LANGS)
SOURCE_COLUMNS = ("source_id", "publisher", "title", "released", "url", "kind", "scope", "rank")
SOURCE_KINDS = ("primary", "secondary")
INDICATOR_COLUMNS = ("indicator", "theme", "position", "period", "publisher")
PERIODS = ("january", "previous_year")
"""january: of the survey year; previous_year: the calendar year before the survey."""
PUBLISHERS = ("ssb", "eurostat")


def default_data_dir() -> Path:
    """IKT_DATA_DIR if set, else the data installed as tui.data (data/ itself in a source tree)."""
    override = os.environ.get("IKT_DATA_DIR")
    if override:
        return Path(override)
    installed = find_spec("tui.data")  # data/ has no __init__.py: a namespace package
    if installed is not None and installed.submodule_search_locations:
        return Path(next(iter(installed.submodule_search_locations)))
    return Path(__file__).resolve().parents[2] / "data"  # a source tree never installed


def csv_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV with exactly these columns, numbered as an editor shows lines."""
    import csv

    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise DataError(str(path), "file is empty", 1)
            if tuple(header) != columns:
                raise DataError(str(path), f"header should be {','.join(columns)}", 1)
            for row in reader:
                line = reader.line_num
                if len(row) != len(columns):
                    raise DataError(str(path), f"{len(row)} fields, expected {len(columns)}", line)
                yield line, dict(zip(columns, row, strict=True))
    except FileNotFoundError:
        raise DataError(str(path), "file not found") from None
    except UnicodeDecodeError as err:
        raise DataError(str(path), f"not UTF-8 text ({err.reason})") from None
    except csv.Error as err:
        raise DataError(str(path), f"broken CSV ({err})") from None


@cache
def status_names() -> dict[str, tuple[str, str]]:
    """The catalogue's names of SSB's and Eurostat's symbols and flags (bokmål, English): what a
    file that marks its cells without naming the marks means by them."""
    labels = load_labels(default_data_dir() / "labels.csv")
    return {
        i: (labels.get("status", i, "nb"), labels.get("status", i, "en"))
        for i in labels.ids("status")
    }


def load_labels(path: Path) -> Labels:
    """Every (kind, id) once, with a name in both languages, so no screen falls back to an id."""
    labels = Labels()
    for line, row in csv_rows(path, LABEL_COLUMNS):
        kind, ident = row["kind"], row["id"]
        if kind not in LABEL_KINDS:
            raise DataError(
                str(path), f"unknown kind {kind!r} (known: {', '.join(LABEL_KINDS)})", line
            )
        if labels.has(kind, ident):
            raise DataError(str(path), f"second label for {kind} {ident!r}", line)
        for lang in LANGS:
            if not row[lang].strip():
                raise DataError(str(path), f"{kind} {ident!r} has no {lang} label", line)
        labels.add(kind, ident, row["nb"], row["en"])
    return labels


def load_sources(path: Path) -> dict[str, Source]:
    """Every source once, with a URL; `rank` orders SSB's pages when several print one figure."""
    sources: dict[str, Source] = {}
    ranks: set[str] = set()
    for line, row in csv_rows(path, SOURCE_COLUMNS):
        if row["source_id"] in sources:
            raise DataError(str(path), f"duplicate source id {row['source_id']!r}", line)
        if not row["url"].startswith(("http://", "https://")):
            raise DataError(str(path), f"source {row['source_id']!r} has no URL", line)
        if row["kind"] not in SOURCE_KINDS:
            raise DataError(str(path), f"kind {row['kind']!r} is not primary or secondary", line)
        rank = row["rank"]
        if rank and (not rank.isascii() or not rank.isdigit() or rank in ranks):
            raise DataError(str(path), f"rank {rank!r} is not a number used once", line)
        ranks.add(rank)
        sources[row["source_id"]] = Source(**row)
    return sources


def load_indicators(path: Path) -> dict[str, Indicator]:
    """Every indicator once, on a known screen at its own position."""
    indicators: dict[str, Indicator] = {}
    places: set[tuple[str, int]] = set()
    for line, row in csv_rows(path, INDICATOR_COLUMNS):
        if row["indicator"] in indicators:
            raise DataError(str(path), f"duplicate indicator {row['indicator']!r}", line)
        if row["theme"] not in THEMES:
            raise DataError(str(path), f"unknown theme {row['theme']!r}", line)
        if not row["position"].isdigit():
            raise DataError(str(path), f"position {row['position']!r} is not a number", line)
        if row["period"] not in PERIODS:
            raise DataError(
                str(path), f"period {row['period']!r} is not {' or '.join(PERIODS)}", line
            )
        if row["publisher"] not in PUBLISHERS:
            raise DataError(
                str(path), f"publisher {row['publisher']!r} is not {' or '.join(PUBLISHERS)}", line
            )
        place = (row["theme"], int(row["position"]))
        if place in places:
            raise DataError(
                str(path), f"a second indicator at position {place[1]} of {place[0]}", line
            )
        places.add(place)
        indicators[row["indicator"]] = Indicator(
            row["indicator"], row["theme"], place[1], row["period"], row["publisher"]
        )
    return indicators


def _parse_figure(row: dict[str, str]) -> Figure:
    """One validated row; ValueError carries the problem, the caller adds file and line."""
    if row["theme"] not in THEMES:
        raise ValueError(f"unknown theme {row['theme']!r}")
    if row["breakdown"] not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {row['breakdown']!r}")
    for name in ("ref_year", "survey_year"):
        if not row[name].isdigit() or len(row[name]) != 4:
            raise ValueError(f"{name} {row[name]!r} is not a year")
    value, status = row["value"], row["status"]
    if value:
        if not NUMBER.fullmatch(value):
            raise ValueError(f"value {value!r} is not a number")
        if status not in VALUE_FLAGS:
            raise ValueError(f"status {status!r} is not allowed beside a value")
    elif status not in MISSING_SYMBOLS:
        raise ValueError(f"empty value needs a missing-value symbol, not {status!r}")
    disagreeing = []
    for item in filter(None, row["disagreeing"].split(";")):
        source_id, _, other = item.partition("=")
        if not NUMBER.fullmatch(other):
            raise ValueError(f"disagreeing entry {item!r} should be source=value")
        disagreeing.append((source_id, other))
    ref_year = int(row["ref_year"])
    return Figure(
        theme=row["theme"],
        indicator=row["indicator"],
        geo=row["geo"],
        breakdown=row["breakdown"],
        group=row["group"],
        ref_year=ref_year,
        survey_year=int(row["survey_year"]),
        value_text=value,
        status=status,
        unit=row["unit"],
        base=row["base"],
        series=row["series"],
        source_id=row["source_id"],
        corroborating=tuple(filter(None, row["corroborating"].split(";"))),
        disagreeing=tuple(disagreeing),
        note=row["note"],
        period=str(ref_year),  # the embedded figures are annual
    )


def load_figures(
    path: Path, labels: Labels, sources: dict[str, Source], indicators: dict[str, Indicator]
) -> list[Figure]:
    """Every figure, checked against the labels, sources and indicators it refers to."""
    figures = _figures_if_valid(path, labels, sources, indicators)
    if figures is not None:
        return figures
    return _checked_figures(path, labels, sources, indicators)


def _figures_if_valid(
    path: Path, labels: Labels, sources: dict[str, Source], indicators: dict[str, Indicator]
) -> list[Figure] | None:
    """The figures when the file passes every check, else None; fast, but says nothing of why.

    The same checks as `_checked_figures`, which reads row by row and names the first problem
    with its line: here the names each row refers to are collected and looked up once per
    distinct name. Anything unusual (even non-ASCII digits in a year) gives None, and the
    careful reading decides, so a file is accepted or refused exactly as before.
    """
    import csv

    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    if not rows or tuple(rows[0]) != FIGURE_COLUMNS:
        return None
    del rows[0]
    width = len(FIGURE_COLUMNS)
    number = NUMBER.fullmatch
    figures: list[Figure] = []
    append = figures.append
    keys: set[tuple[str, str, str, int]] = set()
    add_key = keys.add
    used: dict[str, set[str]] = {kind: set() for kind in _LABELLED}
    geos, groups, units, bases, series_ids, statuses = (used[kind] for kind in _LABELLED)
    source_ids: set[str] = set()
    for row in rows:
        if len(row) != width:
            return None
        (
            theme,
            indicator,
            geo,
            breakdown,
            group,
            ref_text,
            survey_text,
            value,
            status,
            unit,
            base,
            series,
            source_id,
            corroborating_text,
            disagreeing_text,
            note,
        ) = row
        if theme not in THEMES or breakdown not in BREAKDOWNS:
            return None
        if not (
            len(ref_text) == 4
            and ref_text.isascii()
            and ref_text.isdigit()
            and len(survey_text) == 4
            and survey_text.isascii()
            and survey_text.isdigit()
        ):
            return None
        if value:
            if status not in VALUE_FLAGS or not number(value):
                return None
        elif status not in MISSING_SYMBOLS:
            return None
        known = indicators.get(indicator)
        if known is None or known.theme != theme:
            return None
        corroborating: tuple[str, ...] = ()
        if corroborating_text:
            corroborating = tuple(filter(None, corroborating_text.split(";")))
            source_ids.update(corroborating)
        disagreeing: tuple[tuple[str, str], ...] = ()
        if disagreeing_text:
            pairs = []
            for item in filter(None, disagreeing_text.split(";")):
                other_source, _, other = item.partition("=")
                if not number(other):
                    return None
                pairs.append((other_source, other))
                source_ids.add(other_source)
            disagreeing = tuple(pairs)
        ref_year = int(ref_text)
        key = (indicator, geo, group, ref_year)
        if key in keys:
            return None
        add_key(key)
        geos.add(geo)
        groups.add(group)
        units.add(unit)
        bases.add(base)
        series_ids.add(series)
        statuses.add(status)
        source_ids.add(source_id)
        figure = Figure(
            theme, indicator, geo, breakdown, group, ref_year, int(survey_text), value, status,
            unit, base, series, source_id, corroborating, disagreeing, note, str(ref_year),
        )  # fmt: skip
        append(figure)
    for kind, names in used.items():
        if not all(labels.has(kind, name) for name in names):
            return None
    if not source_ids.issubset(sources):
        return None
    return figures


_LABELLED = ("geo", "group", "unit", "base", "series", "status")
"""The label kinds a figure's fields must name, in the order `_checked_figures` checks them."""


def _checked_figures(
    path: Path, labels: Labels, sources: dict[str, Source], indicators: dict[str, Indicator]
) -> list[Figure]:
    """Every figure, row by row; the first problem raises DataError with its line."""
    figures: list[Figure] = []
    seen: set[tuple[str, str, str, int]] = set()
    for line, row in csv_rows(path, FIGURE_COLUMNS):
        try:
            figure = _parse_figure(row)
        except ValueError as err:
            raise DataError(str(path), str(err), line) from None
        indicator = indicators.get(figure.indicator)
        if indicator is None:
            raise DataError(str(path), f"unknown indicator {figure.indicator!r}", line)
        if indicator.theme != figure.theme:
            raise DataError(str(path), f"{figure.indicator} belongs to {indicator.theme}", line)
        for kind, ident in (
            ("geo", figure.geo),
            ("group", figure.group),
            ("unit", figure.unit),
            ("base", figure.base),
            ("series", figure.series),
            ("status", figure.status),
        ):
            if not labels.has(kind, ident):
                raise DataError(str(path), f"unknown {kind} {ident!r}", line)
        for source_id in (
            figure.source_id,
            *figure.corroborating,
            *(s for s, _ in figure.disagreeing),
        ):
            if source_id not in sources:
                raise DataError(str(path), f"unknown source {source_id!r}", line)
        key = (figure.indicator, figure.geo, figure.group, figure.ref_year)
        if key in seen:
            raise DataError(str(path), f"second figure for {'/'.join(map(str, key))}", line)
        seen.add(key)
        figures.append(figure)
    return figures
