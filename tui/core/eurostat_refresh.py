"""Fresh Eurostat datasets on the screens: known measures under the embedded indicators."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tui.core.cube import Cube, Dimension
from tui.core.dataset import Dataset
from tui.core.errors import DataError, NetworkError
from tui.core.eurostat_datasets import EurostatDataset, default_datasets, eurostat_datasets
from tui.core.eurostat_measures import EurostatMeasure, eurostat_measures
from tui.core.eurostat_repeats import without_repeats
from tui.core.from_cube import TOTAL_CODES, classify, cube_to_dataset
from tui.core.labels import Labels
from tui.core.model import Figure, Indicator, Source
from tui.core.refresh import PlacedTable, TableUpdate, UpdateProgress, merge
from tui.core.revisions import Revisions, compare
from tui.core.text import literal

if TYPE_CHECKING:
    from tui.core.eurostat_api import EurostatClient

# Eurostat's size_emp codes -> the catalogue's size classes (GE10, 10 or more, is the total)
EUROSTAT_SIZE_GROUPS = {"10-49": "10-49", "50-249": "50-249", "GE250": "250+", "10-249": "10-249"}
SERIES = "eurostat_api"
METRIC, UNIT = "indic_is", "unit"
ORDER_FROM, ORDER_STEP = 200, 1000  # after the catalogue's indicators, dataset by dataset


def eurostat_group(breakdown: str, group: str) -> str:
    """The catalogue's group for a Eurostat group: its size code (first part) as a size class."""
    if breakdown == "total":
        return group
    size, _, rest = group.partition(" ")
    if size not in EUROSTAT_SIZE_GROUPS:
        return group
    return f"{EUROSTAT_SIZE_GROUPS[size]} {rest}" if rest else EUROSTAT_SIZE_GROUPS[size]


def _with_metric(cube: Cube) -> Cube:
    """Eurostat sends no roles: its indic_is names what is measured."""
    dims = tuple(replace(d, role="metric") if d.id == METRIC else d for d in cube.dimensions)
    return replace(cube, dimensions=dims)


def activity_code(figure: Figure, industry: Dimension | None) -> str:
    """The nace_r2 code of a figure's cell: its industry, else the answer's total; '' without."""
    if industry is None:
        return ""
    if len(industry.codes) == 1:
        return industry.codes[0]
    if figure.breakdown == "industry":
        return figure.group.rsplit(" ", 1)[-1]
    return next((code for code in industry.codes if code in TOTAL_CODES), "")


def known_measure(info: EurostatDataset, codes: list[str], activity: str) -> EurostatMeasure | None:
    """The embedded indicator a cell is: its indicator and unit alone, listed, of that activity."""
    if len(codes) != 2:
        return None  # another dimension tells this cell apart: not the measure listed
    measure = eurostat_measures().get((info.code, codes[0], codes[1]))
    if measure is None or measure.nace_r2 not in ("", activity):
        return None
    return measure


def place_dataset(info: EurostatDataset, cube: Cube, fetched_at: str, url: str) -> PlacedTable:
    """Every figure of one dataset on its screen: a listed measure under its embedded indicator,
    any other under one of its own, labelled as the answer labels it."""
    cube = _with_metric(cube)
    if cube.dimension(METRIC) is None:
        raise DataError(url, f"the answer has no {METRIC} dimension to name its measures")
    plain = cube_to_dataset(cube, theme=info.theme)
    industry = classify(cube).industry
    unit = cube.dimension(UNIT)
    lone_unit = unit if unit is not None and len(unit.codes) == 1 else None
    day, source_id = fetched_at[:10], f"eurostat-api-{info.code}"
    labels = Labels()
    labels.add("series", SERIES, "Eurostat API", "Eurostat API")
    units = dict(zip(unit.codes, unit.labels, strict=True)) if unit is not None else {}
    for code, name in units.items():
        labels.add("base", f"{SERIES}:{code}", literal(name), literal(name))
    for (kind, ident), names in plain.labels.names.items():
        if kind in ("geo", "group") and ident not in EUROSTAT_SIZE_GROUPS:
            labels.add(kind, ident, *names)
    indicators: dict[str, Indicator] = {}
    embedded_as: dict[str, str] = {}
    figures: list[Figure] = []
    lag = 1 if info.period == "previous_year" else 0
    for figure in plain.figures:
        codes = figure.indicator.split("/")
        if lone_unit is not None:
            codes.append(lone_unit.codes[0])
        unit_code = next((c for c in codes if c in units), "")
        base = f"{SERIES}:{unit_code}" if unit_code else SERIES
        measure = known_measure(info, codes, activity_code(figure, industry))
        if measure is not None:
            ident, base = measure.indicator, measure.base
            embedded_as[ident] = ident
        else:
            ident = f"eurostat:{info.code}:{'/'.join(codes)}"
        if measure is None and ident not in indicators:
            position = ORDER_FROM + ORDER_STEP * info.order + len(indicators)
            indicators[ident] = Indicator(ident, info.theme, position, info.period, "eurostat")
            name = plain.labels.get("indicator", figure.indicator, "en")
            if lone_unit is not None:
                name = f"{name} / {literal(lone_unit.labels[0])}"
            labels.add("indicator", ident, f"{name} (API)", f"{name} (API)")
        group = eurostat_group(figure.breakdown, figure.group)
        if " " in group and group != figure.group:
            nb, en = plain.labels.names[("group", figure.group)]
            labels.add("group", group, nb, en)
        survey = figure.ref_year
        figures.append(
            figure._replace(
                indicator=ident,
                group=group,
                ref_year=survey - lag,
                survey_year=survey,
                period=str(survey - lag),
                base=base,
                series=SERIES,
                source_id=source_id,
            )
        )
    title = literal(cube.label) if cube.label and cube.label != cube.source else info.title
    scope = "As the API returned it; years are survey years" + (
        ", figures refer to the year before." if lag else "."
    )
    sources = {
        source_id: Source(
            source_id,
            "Eurostat",
            f"{info.code}: {title}",
            f"{info.code}, fetched {day}",  # the source line names the dataset and the day
            url,
            "primary",
            scope,
        )
    }
    origin = f"Eurostat API, fetched {day}"
    dataset = Dataset(figures, labels, sources, indicators, origin=origin)
    return PlacedTable(dataset, (), embedded_as, day)


def compared(
    placed: Sequence[PlacedTable], embedded: Dataset
) -> list[tuple[PlacedTable, Revisions]]:
    """Each dataset's figures, a place an earlier dataset gave left to it, against the snapshot."""
    kept = without_repeats([p.dataset.figures for p in placed])
    out: list[tuple[PlacedTable, Revisions]] = []
    for table, figures in zip(placed, kept, strict=True):
        table = replace(table, dataset=replace(table.dataset, figures=figures))
        revisions = compare(
            embedded.figures, figures, table.embedded_as, table.fetched_on, series=None
        )
        out.append((table, revisions))
    return out


def merge_fetched(base: Dataset, extra: Dataset, revisions: Revisions | None = None) -> Dataset:
    """The figures of both; countries and groups the catalogue names keep the catalogue's names."""
    fresh = Labels(
        {
            key: names
            for key, names in extra.labels.names.items()
            if key not in base.labels.names or key[0] not in ("geo", "group")
        }
    )
    return merge(base, replace(extra, labels=fresh), revisions)


def with_cached_datasets(
    base: Dataset, datasets: Sequence[str] | None = None
) -> tuple[Dataset, list[str]]:
    """Add every dataset found in the cache (never the network); notes say what was skipped."""
    from tui.core.eurostat_api import fetch_dataset  # httpx only when a cache is asked for

    known = eurostat_datasets()
    notes: list[str] = []
    placed: list[PlacedTable] = []
    for code in datasets if datasets is not None else tuple(known):
        info = known.get(code)
        if info is None:
            continue
        try:
            got = fetch_dataset(code, offline=True)
        except NetworkError as err:
            if "corrupt cache entry" in str(err):
                notes.append(str(err))
            continue
        except DataError as err:
            notes.append(str(err))
            continue
        notes += list(got.notes)
        try:
            placed.append(place_dataset(info, got.cube, got.fetched_at, got.url))
        except (DataError, ValueError) as err:
            notes.append(f"Eurostat dataset {code}: {err}")
    merged = base
    for table, revisions in compared(placed, base):
        merged = merge_fetched(merged, table.dataset, revisions)
    return merged, notes


def plan_urls(datasets: Sequence[str], geos: Sequence[str], api_url: str | None) -> list[str]:
    """The URL each dataset is asked for first, for --dry-run."""
    from tui.core import eurostat_query as q

    base = q.resolve_api_url(api_url)
    for code in datasets:
        q.check_codes(code, geos)
    return [q.data_url(base, code, geos) for code in datasets]


def update_datasets(
    datasets: Sequence[str] | None,
    geos: Sequence[str],
    api_url: str | None,
    offline: bool = False,
    embedded: Dataset | None = None,
    progress: UpdateProgress | None = None,
) -> list[TableUpdate]:
    """Fetch each dataset (cached on success); a failure leaves the old cache entry as it was."""
    from tui.core.eurostat_api import EurostatClient

    if embedded is None:
        from tui.core.dataset import load_dataset

        embedded = load_dataset()
    codes = tuple(datasets if datasets is not None else default_datasets())
    results: list[TableUpdate | PlacedAnswer] = []
    with EurostatClient(api_url) as client:
        if progress is not None:
            client.on_cells, client.on_wait = progress.cells_fetched, progress.waiting
        for index, code in enumerate(codes, 1):
            if progress is not None:
                progress.table_started(index, len(codes), code, kind="dataset")
            result = update_dataset(code, geos, client, offline)
            results.append(result)
            if progress is not None:
                progress.table_done(result if isinstance(result, TableUpdate) else result.update)
    placed = [r.table for r in results if isinstance(r, PlacedAnswer)]
    revised = iter(compared(placed, embedded))
    updates: list[TableUpdate] = []
    for result in results:
        if isinstance(result, TableUpdate):
            updates.append(result)
            continue
        table, revisions = next(revised)
        updates.append(replace(result.update, revisions=revisions, labels=table.dataset.labels))
    return updates


@dataclass(frozen=True)
class PlacedAnswer:
    """A dataset fetched and placed, waiting to be compared with the snapshot."""

    update: TableUpdate
    table: PlacedTable


def update_dataset(
    code: str, geos: Sequence[str], client: EurostatClient, offline: bool
) -> TableUpdate | PlacedAnswer:
    """One dataset fetched, cached and placed; a failure, or no screen for it, is one line."""
    from tui.core.eurostat_api import EurostatAnswer, fetch_dataset

    try:
        got = fetch_dataset(code, geos, client=client, offline=offline)
    except EurostatAnswer as err:
        return TableUpdate(code, False, str(err), unknown_table=True)
    except (NetworkError, DataError) as err:
        return TableUpdate(code, False, str(err))
    when = "cache" if got.from_cache else "fetched " + got.fetched_at[:10]
    info = eurostat_datasets().get(code)
    if info is None:
        message = (
            f"dataset {code}: fetched ({when}); not placed: no screen for it in"
            " data/eurostat_datasets.csv"
        )
        return TableUpdate(code, True, message, not_placed=(code,))
    try:
        placed = place_dataset(info, got.cube, got.fetched_at, got.url)
    except (DataError, ValueError) as err:
        return TableUpdate(code, False, f"Eurostat dataset {code}: {err}")
    figures = placed.dataset.figures
    geo_found = sorted({f.geo for f in figures})
    message = (
        f"dataset {code}: {len(figures)} figures for {info.theme}"
        f" in {', '.join(geo_found) or 'no country'} ({when})"
    )
    return PlacedAnswer(TableUpdate(code, True, message), placed)
