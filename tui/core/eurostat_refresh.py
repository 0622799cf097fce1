"""Fresh Eurostat datasets placed on the screens by dataset, beside the embedded snapshot."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tui.core.cube import Cube
from tui.core.dataset import Dataset
from tui.core.errors import DataError, NetworkError
from tui.core.eurostat_datasets import EurostatDataset, default_datasets, eurostat_datasets
from tui.core.from_cube import cube_to_dataset
from tui.core.labels import Labels
from tui.core.model import Figure, Indicator, Source
from tui.core.refresh import TableUpdate, merge
from tui.core.text import literal

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


def place_dataset(info: EurostatDataset, cube: Cube, fetched_at: str, url: str) -> Dataset:
    """Every figure of one dataset on its screen, labelled as the answer labels it."""
    cube = _with_metric(cube)
    if cube.dimension(METRIC) is None:
        raise DataError(url, f"the answer has no {METRIC} dimension to name its measures")
    plain = cube_to_dataset(cube, theme=info.theme)
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
    figures: list[Figure] = []
    lag = 1 if info.period == "previous_year" else 0
    for figure in plain.figures:
        codes = figure.indicator.split("/")
        if lone_unit is not None:
            codes.append(lone_unit.codes[0])
        ident = f"eurostat:{info.code}:{'/'.join(codes)}"
        if ident not in indicators:
            position = ORDER_FROM + ORDER_STEP * info.order + len(indicators)
            indicators[ident] = Indicator(ident, info.theme, position, info.period, "eurostat")
            name = plain.labels.get("indicator", figure.indicator, "en")
            if lone_unit is not None:
                name = f"{name} / {literal(lone_unit.labels[0])}"
            labels.add("indicator", ident, f"{name} (API)", f"{name} (API)")
        unit_code = next((c for c in codes if c in units), "")
        group = eurostat_group(figure.breakdown, figure.group)
        if " " in group and group != figure.group:
            nb, en = plain.labels.names[("group", figure.group)]
            labels.add("group", group, nb, en)
        survey = figure.ref_year
        figures.append(
            replace(
                figure,
                indicator=ident,
                group=group,
                ref_year=survey - lag,
                survey_year=survey,
                period=str(survey - lag),
                base=f"{SERIES}:{unit_code}" if unit_code else SERIES,
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
            source_id, "Eurostat", f"{info.code}: {title}", f"fetched {day}", url, "primary", scope
        )
    }
    return Dataset(figures, labels, sources, indicators, origin=f"Eurostat API, fetched {day}")


def merge_fetched(base: Dataset, extra: Dataset) -> Dataset:
    """The figures of both; countries and groups the catalogue names keep the catalogue's names."""
    fresh = Labels(
        {
            key: names
            for key, names in extra.labels.names.items()
            if key not in base.labels.names or key[0] not in ("geo", "group")
        }
    )
    return merge(base, replace(extra, labels=fresh))


def with_cached_datasets(
    base: Dataset, datasets: Sequence[str] | None = None
) -> tuple[Dataset, list[str]]:
    """Add every dataset found in the cache (never the network); notes say what was skipped."""
    from tui.core.eurostat_api import fetch_dataset  # httpx only when a cache is asked for

    known = eurostat_datasets()
    notes: list[str] = []
    merged = base
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
            merged = merge_fetched(merged, place_dataset(info, got.cube, got.fetched_at, got.url))
        except (DataError, ValueError) as err:
            notes.append(f"Eurostat dataset {code}: {err}")
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
) -> list[TableUpdate]:
    """Fetch each dataset (cached on success); a failure leaves the old cache entry as it was."""
    from tui.core.eurostat_api import EurostatAnswer, EurostatClient, fetch_dataset

    known = eurostat_datasets()
    results: list[TableUpdate] = []
    with EurostatClient(api_url) as client:
        for code in datasets if datasets is not None else default_datasets():
            try:
                got = fetch_dataset(code, geos, client=client, offline=offline)
            except EurostatAnswer as err:
                results.append(TableUpdate(code, False, str(err), unknown_table=True))
                continue
            except (NetworkError, DataError) as err:
                results.append(TableUpdate(code, False, str(err)))
                continue
            when = "cache" if got.from_cache else "fetched " + got.fetched_at[:10]
            info = known.get(code)
            if info is None:
                message = (
                    f"dataset {code}: fetched ({when}); not placed: no screen for it in"
                    " data/eurostat_datasets.csv"
                )
                results.append(TableUpdate(code, True, message, not_placed=(code,)))
                continue
            try:
                placed = place_dataset(info, got.cube, got.fetched_at, got.url)
            except (DataError, ValueError) as err:
                results.append(TableUpdate(code, False, f"Eurostat dataset {code}: {err}"))
                continue
            geo_found = sorted({f.geo for f in placed.figures})
            message = (
                f"dataset {code}: {len(placed.figures)} figures for {info.theme}"
                f" in {', '.join(geo_found) or 'no country'} ({when})"
            )
            results.append(TableUpdate(code, True, message))
    return results
