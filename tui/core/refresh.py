"""Fresh tables from SSB's API, placed on the three screens beside the embedded snapshot."""

from __future__ import annotations

from dataclasses import dataclass, replace

from tui.core.cube import Cube
from tui.core.dataset import Dataset
from tui.core.errors import DataError, NetworkError
from tui.core.from_cube import classify, cube_to_dataset
from tui.core.labels import Labels
from tui.core.model import Figure, Indicator, Source

DEFAULT_TABLES = ("10974", "10977", "10978", "12769")
# Words in a ContentsCode label (or, failing that, the table title) that say which screen it is for.
THEME_WORDS: dict[str, tuple[str, ...]] = {
    "policy": ("tryggleik", "sikkerhet", "security", "policy", "retningslin", "personvern"),
    "social_media": ("sosiale medi", "sosial", "social media", "social network", "blogg", "wiki"),
    "ecommerce": (
        "handel",
        "e-commerce",
        "commerce",
        "nettsal",
        "salg",
        "sal ",
        "sales",
        "bestilling",
        "order",
        "edi",
        "omsetning",
        "turnover",
        "innkjøp",
        "purchase",
    ),
}


@dataclass(frozen=True)
class TableUpdate:
    """What one table's refresh did, for the one line `ikt update` prints per table."""

    table_id: str
    ok: bool
    message: str


def theme_for(label: str, title: str) -> str | None:
    """The screen a measure belongs on, by the words of its label, else of its table's title."""
    for text in (label.lower(), title.lower()):
        for theme, words in THEME_WORDS.items():
            if any(word in text for word in words):
                return theme
    return None


def api_dataset(table_id: str, cube: Cube, fetched_at: str, url: str) -> Dataset:
    """One fetched table as figures on the screens its measures belong to."""
    view = classify(cube)
    if view.metric is None or view.metric.id != "ContentsCode":
        raise DataError(url, "the table has no ContentsCode dimension to name its measures")
    plain = cube_to_dataset(cube, theme="ssb_api")
    source_id = f"ssb-api-{table_id}"
    day = fetched_at[:10]
    labels = Labels(dict(plain.labels.names))
    labels.add("series", "ssb_api", "SSB API", "SSB API")
    labels.add("base", "ssb_api", f"Som i SSBs tabell {table_id}", f"As in SSB table {table_id}")
    indicators: dict[str, Indicator] = {}
    figures: list[Figure] = []
    for figure in plain.figures:
        label = plain.labels.get("indicator", figure.indicator, "nb")
        theme = theme_for(label, cube.label)
        if theme is None:
            continue  # a measure for none of the three screens
        ident = f"ssb{table_id}:{figure.indicator}"
        if ident not in indicators:
            indicators[ident] = Indicator(
                ident, theme, -100 + len(indicators), "as_labelled", "ssb"
            )
            labels.add(
                "indicator",
                ident,
                f"{label} (API)",
                f"{plain.labels.get('indicator', figure.indicator, 'en')} (API)",
            )
        figures.append(
            replace(
                figure,
                theme=theme,
                indicator=ident,
                geo="NO",
                series="ssb_api",
                base="ssb_api",
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
    return Dataset(figures, labels, sources, indicators, origin=f"SSB API, fetched {day}")


def merge(base: Dataset, extra: Dataset) -> Dataset:
    """The embedded figures plus fetched ones; fetched indicators are listed first."""
    labels = Labels(dict(base.labels.names))
    labels.names.update(extra.labels.names)
    origin = f"{extra.origin} + embedded snapshot" if extra.figures else base.origin
    return Dataset(
        base.figures + extra.figures,
        labels,
        {**base.sources, **extra.sources},
        {**base.indicators, **extra.indicators},
        origin=origin,
    )


def with_cached_tables(
    base: Dataset, lang: str, tables: tuple[str, ...] = DEFAULT_TABLES
) -> tuple[Dataset, list[str]]:
    """Add every table found in the cache (never the network); notes say what was skipped."""
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
            merged = merge(merged, api_dataset(table_id, got.cube, got.fetched_at, got.url))
        except (DataError, ValueError) as err:
            notes.append(f"SSB table {table_id}: {err}")
    return merged, notes


def update_tables(
    tables: tuple[str, ...], lang: str, api_url: str | None, offline: bool = False
) -> list[TableUpdate]:
    """Fetch each table (cached on success); a failure leaves the old cache entry as it was."""
    from tui.core.ssb_api import SsbClient, fetch_table

    results: list[TableUpdate] = []
    with SsbClient(api_url) as client:
        for table_id in tables:
            try:
                got = fetch_table(table_id, lang, client=client, offline=offline)
                mapped = api_dataset(table_id, got.cube, got.fetched_at, got.url)
            except (NetworkError, DataError) as err:
                results.append(TableUpdate(table_id, False, str(err)))
                continue
            per_theme = sorted({f.theme for f in mapped.figures})
            results.append(
                TableUpdate(
                    table_id,
                    True,
                    f"table {table_id}: {len(mapped.figures)} figures for {', '.join(per_theme) or 'no screen'}"
                    f" ({'cache' if got.from_cache else 'fetched ' + got.fetched_at[:10]})",
                )
            )
    return results
