"""Fresh tables from SSB's API, placed on the three screens beside the embedded snapshot."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from tui.core.cube import Cube
from tui.core.dataset import Dataset
from tui.core.errors import DataError, NetworkError
from tui.core.from_cube import classify, cube_to_dataset
from tui.core.labels import Labels
from tui.core.model import THEMES, Figure, Indicator, Source
from tui.core.placement import Placement, not_placed_theme, place_measure
from tui.core.placement import theme_for as theme_for  # where callers have always found it
from tui.core.revisions import Revisions, compare, revised_by_figure
from tui.core.ssb_tables import registry
from tui.core.words import WORDS

if TYPE_CHECKING:
    from tui.core.ssb_api import SsbClient


def __getattr__(name: str) -> tuple[str, ...]:
    """DEFAULT_TABLES: the registry's default tables, read from data/ only when first asked for."""
    if name == "DEFAULT_TABLES":
        return registry().default_tables()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# SSB's SyssGrpIKT codes -> the size classes of the catalogue (00, 10 or more, is the total)
SSB_SIZE_GROUPS = {"02": "10-19", "03": "20-49", "04": "50-99", "05": "100+"}
CATALOGUE_GROUPS = ("Total+K",)  # named in data/labels.csv, in bokmål and English


def ssb_group(breakdown: str, group: str) -> str:
    """The catalogue's group for an SSB group: its size code (the first part) as a size class."""
    if breakdown == "total":
        return group
    size, _, rest = group.partition(" ")
    if size not in SSB_SIZE_GROUPS:
        return group
    return f"{SSB_SIZE_GROUPS[size]} {rest}" if rest else SSB_SIZE_GROUPS[size]


@dataclass(frozen=True)
class TableUpdate:
    """What one table's refresh did, for the one line `ikt update` prints per table."""

    table_id: str
    ok: bool
    message: str
    not_placed: tuple[str, ...] = ()  # labels of measures no screen was found for
    unknown_table: bool = False  # SSB has no such table: the id was bad input (exit 2)
    revisions: Revisions = field(
        default_factory=Revisions
    )  # its figures against the embedded snapshot's
    labels: Labels = field(default_factory=Labels)  # the names of its measures and groups


@dataclass(frozen=True)
class PlacedTable:
    """A fetched table's figures on the screens they belong to, and the measures left out."""

    dataset: Dataset
    not_placed: tuple[str, ...]  # labels, in the table's order, on a screen of the table's own
    embedded_as: dict[str, str] = field(default_factory=dict)  # fetched id -> embedded indicator
    fetched_on: str = ""  # the day SSB's API answered: YYYY-MM-DD

    def revisions(self, embedded: Dataset) -> Revisions:
        """Its figures against the embedded snapshot's: new, revised and unchanged."""
        return compare(embedded.figures, self.dataset.figures, self.embedded_as, self.fetched_on)


def api_dataset(table_id: str, cube: Cube, fetched_at: str, url: str) -> Dataset:
    """One fetched table as figures on the screens its measures belong to."""
    return place_table(table_id, cube, fetched_at, url).dataset


def place_table(table_id: str, cube: Cube, fetched_at: str, url: str) -> PlacedTable:
    """One fetched table placed measure by measure; a measure no screen fits gets its table's own."""
    view = classify(cube)
    if view.metric is None or view.metric.id != "ContentsCode":
        raise DataError(url, "the table has no ContentsCode dimension to name its measures")
    plain = cube_to_dataset(cube, theme="ssb_api")
    source_id = f"ssb-api-{table_id}"
    day = fetched_at[:10]
    labels = Labels(dict(plain.labels.names))
    labels.add("series", "ssb_api", "SSB API", "SSB API")
    base = f"ssb_api_{table_id}"  # each table its own: another table's base is not this one's
    labels.add("base", base, f"Som i SSBs tabell {table_id}", f"As in SSB table {table_id}")
    for group in (*SSB_SIZE_GROUPS, *CATALOGUE_GROUPS):
        labels.names.pop(("group", group), None)  # the catalogue names these
    known = registry()
    placements: dict[str, Placement] = {}
    indicators: dict[str, Indicator] = {}
    embedded_as: dict[str, str] = {}
    figures: list[Figure] = []
    for figure in plain.figures:
        label = plain.labels.get("indicator", figure.indicator, "nb")
        label_en = plain.labels.get("indicator", figure.indicator, "en")
        placement = placements.get(figure.indicator)
        if placement is None:
            code = figure.indicator.split("/")[0]
            placement = place_measure(known, table_id, cube.label, code, (label, label_en))
            placements[figure.indicator] = placement
        theme = placement.theme or not_placed_theme(table_id)
        if placement.theme is None and not labels.has("theme", theme):
            nb, en = WORDS["not_placed_theme"]
            labels.add("theme", theme, nb.format(table=table_id), en.format(table=table_id))
        ident = f"ssb{table_id}:{figure.indicator}"
        if ident not in indicators:
            indicators[ident] = Indicator(
                ident, theme, -100 + len(indicators), "as_labelled", "ssb"
            )
            labels.add("indicator", ident, f"{label} (API)", f"{label_en} (API)")
            if placement.indicator:
                embedded_as[ident] = placement.indicator
        group = ssb_group(figure.breakdown, figure.group)
        if " " in group and group != figure.group:
            nb, en = plain.labels.names[("group", figure.group)]
            labels.add("group", group, nb, en)
        figures.append(
            figure._replace(
                group=group,
                theme=theme,
                indicator=ident,
                geo="NO",
                series="ssb_api",
                base=base,
                source_id=source_id,
            )
        )
    sources = {
        source_id: Source(
            source_id,
            "SSB",
            f"StatBank table {table_id}: {cube.label}",
            f"fetched {day}",
            url,
            "primary",
            "As the API returned it; years as SSB labels them.",
        )
    }
    not_placed = tuple(
        plain.labels.get("indicator", ident, "nb")
        for ident, placement in placements.items()
        if placement.theme is None
    )
    dataset = Dataset(figures, labels, sources, indicators, origin=f"SSB API, fetched {day}")
    return PlacedTable(dataset, not_placed, embedded_as, day)


def merge(base: Dataset, extra: Dataset, revisions: Revisions | None = None) -> Dataset:
    """The embedded figures plus fetched ones; fetched indicators are listed first.

    Where a fetched figure revises an embedded one both stay, and both know the revision.
    """
    labels = Labels(dict(base.labels.names))
    labels.names.update(extra.labels.names)
    origin = f"{extra.origin} + embedded snapshot" if extra.figures else base.origin
    return Dataset(
        base.figures + extra.figures,
        labels,
        {**base.sources, **extra.sources},
        {**base.indicators, **extra.indicators},
        origin=origin,
        revised={
            **base.revised,
            **extra.revised,
            **revised_by_figure(revisions.changes if revisions else ()),
        },
    )


CACHED_TABLE = re.compile(r"ssb-(\d{5})-(?:no|en)\.json")


def cached_tables() -> tuple[str, ...]:
    """The default tables, then every other table `ikt update` cached, as `ikt open` shows them."""
    from tui.core.cache_place import cache_dir

    try:
        names = os.listdir(cache_dir())
    except OSError:
        names = []
    found = {m[1] for name in names if (m := CACHED_TABLE.fullmatch(name))}
    defaults = registry().default_tables()
    return defaults + tuple(sorted(found - set(defaults)))


def with_cached_tables(
    base: Dataset, lang: str, tables: tuple[str, ...] | None = None
) -> tuple[Dataset, list[str]]:
    """Add every table found in the cache (never the network); notes say what was skipped."""
    if tables is None:
        tables = cached_tables()
    from tui.core.ssb_api import fetch_table  # httpx only when a cache is asked for

    notes: list[str] = []
    merged = base
    for table_id in tables:
        got = None
        for api_lang in ("no", "en") if lang == "nb" else ("en", "no"):
            try:
                got = fetch_table(table_id, api_lang, offline=True)
                break
            except NetworkError as err:
                if "corrupt cache entry" in str(err):
                    notes.append(str(err))
            except DataError as err:
                notes.append(str(err))
        if got is None:
            continue  # never fetched, or unreadable: the embedded snapshot stands
        notes += list(got.notes)
        try:
            placed = place_table(table_id, got.cube, got.fetched_at, got.url)
            merged = merge(merged, placed.dataset, placed.revisions(base))
        except (DataError, ValueError) as err:
            notes.append(f"SSB table {table_id}: {err}")
    return merged, notes


def update_summary(results: list[TableUpdate]) -> str:
    """The line `ikt update` ends with: "N new, M revised, K unchanged figures"."""
    total = Revisions()
    for result in results:
        total += result.revisions
    return total.line()


class UpdateProgress(Protocol):
    """Who watches an update: told as each table or dataset starts, as cells arrive, as it ends."""

    def table_started(self, index: int, total: int, table_id: str, kind: str = "table") -> None:
        """`kind` is what is fetched: an SSB "table" or a Eurostat "dataset"."""

    def cells_fetched(self, cells: int) -> None: ...

    def waiting(self, seconds: float, why: str) -> None:
        """Before a wait for the pacing or a Retry-After; 0 s and "" when it is over."""

    def table_done(self, result: TableUpdate) -> None: ...


def update_tables(
    tables: tuple[str, ...],
    lang: str,
    api_url: str | None,
    offline: bool = False,
    embedded: Dataset | None = None,
    progress: UpdateProgress | None = None,
) -> list[TableUpdate]:
    """Fetch each table (cached on success); a failure leaves the old cache entry as it was."""
    from tui.core.ssb_api import SsbClient

    if embedded is None:
        from tui.core.dataset import load_dataset

        embedded = load_dataset()

    results: list[TableUpdate] = []
    with SsbClient(api_url) as client:
        if progress is not None:
            client.on_cells, client.on_wait = progress.cells_fetched, progress.waiting
        for index, table_id in enumerate(tables, 1):
            if progress is not None:
                progress.table_started(index, len(tables), table_id)
            result = update_table(table_id, lang, client, offline, embedded)
            results.append(result)
            if progress is not None:
                progress.table_done(result)
    return results


def update_table(
    table_id: str, lang: str, client: SsbClient, offline: bool, embedded: Dataset
) -> TableUpdate:
    """One table fetched, cached, placed and compared with the snapshot; a failure is one line."""
    from tui.core.ssb_api import UnknownTable, fetch_table

    try:
        got = fetch_table(table_id, lang, client=client, offline=offline)
        placed = place_table(table_id, got.cube, got.fetched_at, got.url)
    except UnknownTable as err:
        return TableUpdate(table_id, False, str(err), unknown_table=True)
    except (NetworkError, DataError) as err:
        return TableUpdate(table_id, False, str(err))
    on_screens = [f for f in placed.dataset.figures if f.theme in THEMES]
    per_theme = sorted({f.theme for f in on_screens})
    message = (
        f"table {table_id}: {len(on_screens)} figures for {', '.join(per_theme) or 'no screen'}"
        f" ({'cache' if got.from_cache else 'fetched ' + got.fetched_at[:10]})"
    )
    if placed.not_placed:
        apart = not_placed_theme(table_id).replace("_", "-")
        message += f"; not placed, shown apart as {apart}: {'; '.join(placed.not_placed)}"
    return TableUpdate(
        table_id,
        True,
        message,
        placed.not_placed,
        revisions=placed.revisions(embedded),
        labels=placed.dataset.labels,
    )
