"""Answers what the screens and the command line ask of the figures, without Textual or pandas."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.labels import Labels
from tui.core.loader import (
    default_data_dir,
    load_figures,
    load_indicators,
    load_labels,
    load_sources,
)
from tui.core.model import FILE_PUBLISHER, THEMES, Change, Figure, Indicator, Row, Slice, Source
from tui.core.periods import period_order, periods_frequency

if TYPE_CHECKING:  # the figures' revisions are looked at only once a fetch has revised one
    from tui.core.revisions import FigureChange, FigureKey

GROUP_ORDER = ("total", "10-49", "50-249", "250+", "10-249", "100+")


@dataclass
class Dataset:
    """All figures with their labels and sources, indexed for the look-ups the product makes."""

    figures: list[Figure]
    labels: Labels
    sources: dict[str, Source]
    indicators: dict[str, Indicator]
    origin: str = "embedded"
    notes: list[str] = field(default_factory=list)  # what reading a file found worth saying
    revised: dict[FigureKey, FigureChange] = field(default_factory=dict)  # both figures' places
    _by_key: dict[tuple[str, str, str], list[Figure]] = field(default_factory=dict, repr=False)
    _groups: dict[tuple[str, str, str], set[str]] = field(default_factory=dict, repr=False)
    _time_axes: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self._by_key or not self.figures:
            return  # indexed by the caller as it made the figures (a file's table: from_cube)
        index: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
        groups: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for figure in self.figures:
            index[(figure.indicator, figure.geo, figure.group)].append(figure)
            groups[(figure.indicator, figure.breakdown, figure.geo)].add(figure.group)
        for key, series in index.items():
            series.sort(key=_in_time)
            index[key] = _latest_per_period(series)
        self._by_key = dict(index)
        self._groups = dict(groups)

    # --- what exists
    def themes(self) -> list[str]:
        present = {f.theme for f in self.figures}
        return [t for t in THEMES if t in present] + sorted(present - set(THEMES))

    def theme_indicators(self, theme: str) -> list[str]:
        """A theme's indicators that have figures, in the order the screens list them."""
        present = {f.indicator for f in self.figures if f.theme == theme}
        known = sorted(
            (i for i in self.indicators.values() if i.theme == theme), key=lambda i: i.position
        )
        ordered = [i.id for i in known if i.id in present]
        return ordered + sorted(present - set(ordered))

    def geos(self, indicator: str | None = None) -> list[str]:
        geos = {geo for (ind, geo, _group) in self._by_key if indicator is None or ind == indicator}
        return self._in_geo_order(geos)

    def theme_geos(self, theme: str) -> list[str]:
        """The geographies with a figure in the theme, in the order `geos` lists them."""
        indicators = set(self.theme_indicators(theme))
        return self._in_geo_order({geo for (ind, geo, _group) in self._by_key if ind in indicators})

    def _in_geo_order(self, geos: set[str]) -> list[str]:
        """The catalogue's order of countries first, then the codes it does not name."""
        order = {geo: i for i, geo in enumerate(self.labels.ids("geo"))}
        return sorted(geos, key=lambda g: (order.get(g, len(order)), g))

    def groups(self, indicator: str, breakdown: str, geo: str = "NO") -> list[str]:
        return group_order(self._groups.get((indicator, breakdown, geo), ()))

    def years(
        self,
        theme: str | None = None,
        indicator: str | None = None,
        breakdown: str | None = None,
        group: str | None = None,
        geo: str | None = None,
    ) -> list[int]:
        """Reference years that have at least one figure (missing symbols included)."""
        found = self._matching(theme, indicator, breakdown, group, geo)
        return sorted({f.ref_year for f in found})

    def periods(
        self,
        theme: str | None = None,
        indicator: str | None = None,
        breakdown: str | None = None,
        group: str | None = None,
        geo: str | None = None,
    ) -> list[str]:
        """Periods as published (2004M09, 2005Q1, or the year) that have a figure, in time order."""
        found = {f.period: f for f in self._matching(theme, indicator, breakdown, group, geo)}
        return sorted(found, key=lambda p: _in_time(found[p]))

    def time_axis(self, theme: str) -> tuple[str, ...]:
        """A theme's periods in time order, worked out once: every table of the theme uses it."""
        axis = self._time_axes.get(theme)
        if axis is None:
            # one pass with nothing but the theme to test: a file may hold 300,000 figures
            found = {f.period: f.ref_year for f in self.figures if f.theme == theme}
            axis = tuple(sorted(found, key=lambda p: period_order(p, found[p])))
            self._time_axes[theme] = axis
        return axis

    def _matching(
        self,
        theme: str | None,
        indicator: str | None,
        breakdown: str | None,
        group: str | None,
        geo: str | None,
    ) -> Iterator[Figure]:
        """The figures that fit every criterion given (None: any)."""
        return (
            f
            for f in self.figures
            if (theme is None or f.theme == theme)
            and (indicator is None or f.indicator == indicator)
            and (breakdown is None or f.breakdown == breakdown)
            and (group is None or f.group == group)
            and (geo is None or f.geo == geo)
        )

    def frequency(self, theme: str | None = None) -> str:
        """annual, half-yearly, quarterly, monthly, weekly (or other): the finest period found."""
        return periods_frequency(self.periods(theme=theme))

    # --- figures
    def series(self, indicator: str, group: str = "total", geo: str = "NO") -> list[Figure]:
        """One indicator's figures across years, oldest first."""
        return list(self._by_key.get((indicator, geo, group), ()))

    def figure(
        self, indicator: str, year: int, group: str = "total", geo: str = "NO"
    ) -> Figure | None:
        for figure in self._by_key.get((indicator, geo, group), ()):
            if figure.ref_year == year:
                return figure
        return None

    def figure_at(
        self, indicator: str, period: str, group: str = "total", geo: str = "NO"
    ) -> Figure | None:
        """The figure of one period as published (2004M09, 2005Q1, 2012)."""
        for figure in self._by_key.get((indicator, geo, group), ()):
            if figure.period == period:
                return figure
        return None

    def slice(
        self,
        theme: str,
        breakdown: str = "total",
        geo: str = "NO",
        years: tuple[int, int] | None = None,
    ) -> Slice:
        """A theme's table: indicator (and group) rows, year columns, only rows with figures."""
        rows: list[Row] = []
        for indicator in self.theme_indicators(theme):
            for group in self.groups(indicator, breakdown, geo):
                rows.append(Row(indicator, group, geo))
        return self._table(theme, breakdown, rows, years)

    def compare(
        self,
        indicator: str,
        geos: list[str],
        group: str = "total",
        years: tuple[int, int] | None = None,
    ) -> Slice:
        """One indicator with a row per country, for comparisons within one source series."""
        theme = self.indicators[indicator].theme
        breakdown = "total" if group == "total" else _breakdown_of(self, indicator, group)
        rows = [Row(indicator, group, geo) for geo in geos if self.series(indicator, group, geo)]
        return self._table(theme, breakdown, rows, years)

    def table(
        self, theme: str, breakdown: str, rows: list[Row], years: tuple[int, int] | None = None
    ) -> Slice:
        """The figures of the given rows, by year and by period, within `years` when given."""
        return self._table(theme, breakdown, rows, years)

    def _table(
        self, theme: str, breakdown: str, rows: list[Row], years: tuple[int, int] | None
    ) -> Slice:
        cells: dict[tuple[Row, int], Figure] = {}
        by_period: dict[tuple[Row, str], Figure] = {}
        in_time: dict[str, tuple[int, int, int]] = {}
        for row in rows:
            for figure in self.series(row.indicator, row.group, row.geo):
                if years is None or years[0] <= figure.ref_year <= years[1]:
                    by_period[(row, figure.period)] = figure
                    in_time[figure.period] = _in_time(figure)
                    if figure.annual:
                        cells[(row, figure.ref_year)] = figure
        found_years = tuple(sorted({year for (_row, year) in cells}))
        periods = tuple(sorted(in_time, key=in_time.__getitem__))
        return Slice(theme, breakdown, tuple(rows), found_years, cells, periods, by_period)

    # --- provenance and change
    def sources_of(self, figure: Figure) -> list[tuple[str, Source, str | None]]:
        """(role, source, value it gives when it disagrees): primary, corroborating, disagreeing."""
        out: list[tuple[str, Source, str | None]] = [
            ("primary", self.sources[figure.source_id], None)
        ]
        out += [("corroborating", self.sources[s], None) for s in figure.corroborating]
        out += [("disagreeing", self.sources[s], value) for s, value in figure.disagreeing]
        return out

    def revision_of(self, figure: Figure) -> FigureChange | None:
        """The revision this figure is part of: the snapshot's figure or SSB's fetched one."""
        if not self.revised:
            return None
        from tui.core.revisions import figure_key

        return self.revised.get(figure_key(figure))

    def change(self, figure: Figure) -> Change:
        """The difference since the previous period with a value, only between comparable figures."""
        if figure.missing:
            return Change(None, None, "no_value")
        earlier = [
            f
            for f in self.series(figure.indicator, figure.group, figure.geo)
            if _in_time(f) < _in_time(figure) and not f.missing
        ]
        if not earlier:
            return Change(None, None, "no_earlier_figure")
        previous = earlier[-1]
        if previous.series != figure.series:
            return Change(previous, None, "different_series")
        if previous.base != figure.base:
            return Change(previous, None, "different_base")
        if previous.unit != figure.unit:
            return Change(previous, None, "different_unit")
        if ">" in (previous.status, figure.status):
            return Change(previous, None, "lower_bound")
        if "b" in figure.status:
            return Change(previous, None, "break_in_series")
        assert figure.exact is not None and previous.exact is not None
        return Change(previous, figure.exact - previous.exact, "")


def _latest_per_period(series: list[Figure]) -> list[Figure]:
    """One figure per period: where a fetched figure joins the snapshot's, the one added last.

    Both stay in `figures` (and a revision names both); the screens show the newer one.
    """
    kept: dict[str, Figure] = {}
    for figure in series:  # in time order; of two in one period the later added comes last
        kept.pop(figure.period, None)
        kept[figure.period] = figure
    return list(kept.values()) if len(kept) < len(series) else series


def group_order(groups: Iterable[str]) -> list[str]:
    """Groups as every table lists them: total, size classes, then industries by NACE code."""
    return sorted(set(groups), key=_group_sort_key)


def is_eurostat_indicator(dataset: Dataset, indicator: str) -> bool:
    """An indicator Eurostat defines the same way for every country (SSB's cover Norway only)."""
    info = dataset.indicators.get(indicator)
    return info is not None and info.publisher == "eurostat"


def is_eurostat(dataset: Dataset, figure: Figure) -> bool:
    """A figure of a Eurostat indicator that Eurostat itself published: comparable across countries."""
    source = dataset.sources.get(figure.source_id)
    return (
        is_eurostat_indicator(dataset, figure.indicator)
        and source is not None
        and source.publisher.lower().startswith("eurostat")
    )


def compares_geographies(dataset: Dataset, indicator: str) -> bool:
    """An indicator whose geographies can stand side by side: Eurostat's (defined the same way for
    every country) and a file's (all its geographies are one table's, whoever published it)."""
    info = dataset.indicators.get(indicator)
    return info is not None and info.publisher in ("eurostat", FILE_PUBLISHER)


def geo_comparable(dataset: Dataset, figure: Figure) -> bool:
    """A figure that may stand beside other geographies' figures of its indicator: a file's, or a
    Eurostat indicator's that Eurostat itself published (another publisher's may differ)."""
    info = dataset.indicators.get(figure.indicator)
    if info is not None and info.publisher == FILE_PUBLISHER:
        return True
    return is_eurostat(dataset, figure)


def _in_time(figure: Figure) -> tuple[int, int, int]:
    """A figure's place in time: its year, then its half, quarter, month or week."""
    return period_order(figure.period, figure.ref_year)


def _group_sort_key(group: str) -> tuple[int, str]:
    if group in GROUP_ORDER:
        return (GROUP_ORDER.index(group), "")
    digits = group.split("-")[0].split(".")[0]
    return (len(GROUP_ORDER) + (int(digits) if digits.isdigit() else 999), group)


def _breakdown_of(dataset: Dataset, indicator: str, group: str) -> str:
    for figure in dataset.figures:
        if figure.indicator == indicator and figure.group == group:
            return figure.breakdown
    return "total"


def load_dataset(data_dir: Path | None = None) -> Dataset:
    """Load the embedded dataset (or another folder in the same layout) and validate it."""
    folder = data_dir or default_data_dir()
    labels = load_labels(folder / "labels.csv")
    sources = load_sources(folder / "sources.csv")
    indicators = load_indicators(folder / "indicators.csv")
    figures = load_figures(folder / "figures.csv", labels, sources, indicators)
    return Dataset(figures, labels, sources, indicators)
