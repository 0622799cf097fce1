"""Turn any table a reader returns into the figures model, so opened files use the same screens.

Every cell becomes one figure keyed on its period as published (2004M09 stays a month), its
geography and its other codes; the mapping walks the cells once with each code looked up once.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from tui.core.cube import Cube, Dimension
from tui.core.dataset import Dataset
from tui.core.file_figures import FILE_SOURCE, Cell, series_figures
from tui.core.labels import Labels
from tui.core.loader import status_names
from tui.core.model import FILE_PUBLISHER, Figure, Indicator, Source
from tui.core.periods import Period, is_time_name, period_order, read_periods
from tui.core.text import literal

SIZE_DIMENSIONS = {"syssgrpikt", "size_emp", "sizen_r2", "sysselsetting", "storleik"}
INDUSTRY_DIMENSIONS = {"nace2007", "nace_r2", "naering", "sn2007", "næring"}
GEO_NAMES = frozenset(
    {
        "geo", "region", "regions", "area", "ref_area", "location", "country", "countries",
        "land", "kommune", "fylke", "alue", "kunta", "maakunta", "län", "kommun", "región",
        "pays", "région", "gebiet", "bundesland", "geopolitical entity", "reporting country",
    }
)  # fmt: skip
TOTAL_CODES = {
    "00",
    "GE10",
    "TOTAL",
    "Total-K",
    "C10-S951_X_K",
    "10_C10_S951_XK",
    "C10-S951_X_K_Y",
    "ALL_GE10",
    "T",
}
TITLE_YEAR = re.compile(r"(?<![\w./-])((?:19|20)\d\d)(?![\w./-])")  # 2023, not SN2007 or 2010-2024
# SSB's second industry total (with finance): a group of its own, never the total
NOT_TOTAL_CODES = {"Total+K"}
PERCENT_WORDS = ("prosent", "percent", "per cent", "pc_", "%")


@dataclass(frozen=True)
class CubeView:
    """Which dimension of a table plays which part on the screen."""

    time: Dimension
    metric: Dimension | None
    geo: Dimension | None
    size: Dimension | None
    industry: Dimension | None
    other: tuple[Dimension, ...]


def find_time(cube: Cube) -> Dimension | None:
    """The time dimension: by role (JSON-stat role, PX TIMEVAL), else by a time name in any
    of the languages statistics offices write (Tid, Year, Periodo, Vuosi, Måned...)."""
    by_role = cube.dimension("time")
    if by_role is not None:
        return by_role
    return next((d for d in cube.dimensions if is_time_name(d.id) or is_time_name(d.label)), None)


def find_geo(cube: Cube) -> Dimension | None:
    """The geography: by role (Eurostat geo, PX MAP, JSON-stat role), else by its name."""
    by_role = cube.dimension("geo")
    if by_role is not None:
        return by_role
    return next(
        (d for d in cube.dimensions if {d.id.casefold(), d.label.casefold()} & GEO_NAMES), None
    )


def no_time_problem(cube: Cube) -> str:
    """Why no time dimension was found, naming every variable looked at."""
    names = ", ".join(d.id if d.id == d.label else f"{d.id} ({d.label})" for d in cube.dimensions)
    return (
        f"the table has no time dimension (years): none of its variables ({names}) has a time "
        "role, TIMEVAL or a time name such as Tid, Year, Month, Periodo or Vuosi"
    )


def classify(cube: Cube) -> CubeView:
    """Find the time, metric, geo, size and industry dimensions by role and id, not position."""
    time = find_time(cube)
    if time is None:
        raise ValueError(no_time_problem(cube))
    return _view(cube, time)


def _view(cube: Cube, time: Dimension | None) -> CubeView:
    """The parts of a table; without time its `time` is an empty dimension nothing reads."""
    metric = cube.dimension("metric")
    geo = find_geo(cube)
    if geo is time:
        geo = None
    size = next((d for d in cube.dimensions if d.id.lower() in SIZE_DIMENSIONS), None)
    industry = next((d for d in cube.dimensions if d.id.lower() in INDUSTRY_DIMENSIONS), None)
    taken = {id(d) for d in (time, metric, geo, size, industry) if d is not None}
    other = tuple(d for d in cube.dimensions if id(d) not in taken)
    if metric is None:
        # the largest remaining dimension names the categories
        candidates = sorted(other, key=lambda d: -len(d.codes))
        if candidates:
            metric = candidates[0]
            other = tuple(d for d in other if d is not metric)
    placeholder = time or Dimension("", "", (), ())
    return CubeView(placeholder, metric, geo, size, industry, other)


def _is_total(code: str, label: str) -> bool:
    """A code for all sizes or all industries, by code or by how its label starts."""
    if code in NOT_TOTAL_CODES:
        return False
    return code in TOTAL_CODES or label.lower().startswith(("alle ", "all ", "total", "i alt"))


def _single_period(cube: Cube) -> tuple[Period, str]:
    """A table without time is one period only when its title names exactly one year."""
    years = set(TITLE_YEAR.findall(cube.label))
    if len(years) != 1:
        raise ValueError(no_time_problem(cube))
    year = years.pop()
    note = f"{no_time_problem(cube)}; its title names the year {year}, so every figure is of it"
    return Period(year, int(year), "annual", 0), note


def cube_to_dataset(
    cube: Cube, theme: str = "file", title: str | None = None, origin: str | None = None
) -> Dataset:
    """Every cell becomes a Figure of one theme; missing cells keep their symbol, never 0."""
    time = find_time(cube)
    notes: list[str] = []
    if time is None:
        single, note = _single_period(cube)
        notes.append(note)
    view = _view(cube, time)
    labels = Labels()
    theme_title = literal(title or cube.label or cube.source)
    labels.add("theme", theme, theme_title, theme_title)
    sources = {
        FILE_SOURCE: Source(
            FILE_SOURCE,
            "file",
            theme_title,
            cube.updated or "",
            cube.source if "://" in cube.source else Path(cube.source).resolve().as_uri(),
            "primary",
            "As read from the file; periods as the file labels them.",
        )
    }
    dims = cube.dimensions
    mapping = _Mapping(cube, view, theme, labels)
    if time is None:
        periods: list[Period | None] = [single]
        at = -1
    else:
        periods = read_periods(time.codes, time.labels)
        at = dims.index(time)
    without_year = (
        [c for c, p in zip(time.codes, periods, strict=True) if p is None] if time else []
    )
    geo_at = dims.index(view.geo) if view.geo else -1
    geo_codes = view.geo.codes if view.geo else ("file",)
    sizes = [len(d.codes) for d in dims]
    strides = [math.prod(sizes[i + 1 :]) for i in range(len(dims))]
    time_stride = strides[at] if at >= 0 else 0
    # each series' cells in time order, as Dataset keeps a series: its index is built here
    timed: list[Cell] = sorted(
        ((i * time_stride, p.year, p.text) for i, p in enumerate(periods) if p is not None),
        key=lambda cell: period_order(cell[2], cell[1]),
    )
    # one series per combination of the other dimensions: its codes are worked out once
    outer = [range(n) if i != at else range(1) for i, n in enumerate(sizes)]
    slots: list[Figure | None] = [None] * len(cube.values)
    by_key: dict[tuple[str, str, str], list[Figure]] = {}
    groups: dict[tuple[str, str, str], set[str]] = {}
    repeated = 0
    texts: dict[float, str] = {}
    for pos in itertools.product(*outer):
        indicator, unit = mapping.indicator(pos)
        breakdown, group = mapping.group(pos)
        geo = geo_codes[pos[geo_at]] if geo_at >= 0 else "file"
        if (indicator, geo, group) in by_key:
            repeated += len(timed)  # a second series with the same codes (e.g. a second total)
            continue
        base = sum(p * stride for p, stride in zip(pos, strides, strict=True))
        where = (theme, indicator, geo, breakdown, group, unit)
        by_key[(indicator, geo, group)] = series_figures(
            slots, base, timed, cube.values, cube.statuses, texts, where
        )
        groups.setdefault((indicator, breakdown, geo), set()).add(group)
    figures = [figure for figure in slots if figure is not None]
    if not figures:  # no period with a year: no series has a figure to index
        by_key, groups = {}, {}
    if without_year:
        shown = ", ".join(literal(code) for code in without_year[:5])
        notes.append(f"{len(without_year)} periods without a year are left out: {shown}")
    if repeated:
        notes.append(f"{repeated} cells repeat another cell's codes and are left out")
    if view.geo:
        for code, label in zip(view.geo.codes, view.geo.labels, strict=True):
            labels.add("geo", code, literal(label), literal(label))
    else:
        labels.add("geo", "file", "-", "-")
    labels.add("group", "total", "Totalt", "Total")
    _name_marks(labels, {figure.status for figure in figures})
    return Dataset(
        figures,
        labels,
        sources,
        mapping.indicators,
        origin=origin or f"file {cube.source}",
        notes=notes,
        _by_key=by_key,
        _groups=groups,
    )


def _name_marks(labels: Labels, marks: set[str]) -> None:
    """The catalogue's names for the marks the file uses: a legend then says what `..` means."""
    known = status_names()
    for mark in sorted(marks):
        if mark in known and not labels.has("status", mark):
            labels.add("status", mark, *known[mark])


class _Mapping:
    """Indicator, breakdown and group of a cell from its positions, each worked out once."""

    def __init__(self, cube: Cube, view: CubeView, theme: str, labels: Labels) -> None:
        self.theme, self.labels = theme, labels
        place = {id(d): i for i, d in enumerate(cube.dimensions)}
        parts = [view.metric] if view.metric else []
        parts += [d for d in view.other if len(d.codes) > 1]
        self.parts = parts
        self.part_places = [place[id(d)] for d in parts]
        self.indicators: dict[str, Indicator] = {}
        self._indicators: dict[tuple[int, ...], tuple[str, str]] = {}
        self._groups: dict[tuple[int, ...], tuple[str, str]] = {}
        self.kinds = [
            (kind, dim, place[id(dim)], _total_position(dim))
            for kind, dim in (("size", view.size), ("industry", view.industry))
            if dim is not None
        ]
        # a cell is in percent when its metric's unit or any of its codes says so
        self.percent: list[tuple[int, tuple[bool, ...]]] = []
        for i, dim in enumerate(cube.dimensions):
            texts = list(dim.codes)
            if dim is view.metric and dim.units:
                texts = [f"{code} {unit}" for code, unit in zip(dim.codes, dim.units, strict=True)]
            flags = tuple(any(word in t.lower() for word in PERCENT_WORDS) for t in texts)
            if any(flags):
                self.percent.append((i, flags))

    def indicator(self, pos: tuple[int, ...]) -> tuple[str, str]:
        """The cell's indicator id (its metric and other codes joined) and unit."""
        key = tuple(pos[i] for i in self.part_places)
        key += tuple(pos[i] for i, _flags in self.percent)
        found = self._indicators.get(key)
        if found is None:
            codes = [d.codes[pos[i]] for d, i in zip(self.parts, self.part_places, strict=True)]
            ident = "/".join(codes) or "value"
            if ident not in self.indicators:
                self.indicators[ident] = Indicator(
                    ident, self.theme, len(self.indicators), "as_labelled", FILE_PUBLISHER
                )
                names = [
                    literal(d.labels[pos[i]])
                    for d, i in zip(self.parts, self.part_places, strict=True)
                ]
                name = " / ".join(names) or "value"
                self.labels.add("indicator", ident, name, name)
            percent = any(flags[pos[i]] for i, flags in self.percent)
            found = self._indicators[key] = (ident, "percent" if percent else "value")
        return found

    def group(self, pos: tuple[int, ...]) -> tuple[str, str]:
        """The cell's breakdown and group: a size class, an industry, both, or the total."""
        key = tuple(pos[i] for _kind, _dim, i, _total in self.kinds)
        found = self._groups.get(key)
        if found is None:
            breakdown, group, names = "total", "total", []
            for kind, dim, i, total in self.kinds:
                at = pos[i]
                if at != total and len(dim.codes) != 1:
                    # a cell of one industry and one size class is kept under industry, both named
                    breakdown = kind
                    group = dim.codes[at] if group == "total" else f"{group} {dim.codes[at]}"
                    names.append(literal(dim.labels[at]))
            if names:
                joined = " · ".join(reversed(names))
                self.labels.add("group", group, joined, joined)
            found = self._groups[key] = (breakdown, group)
        return found


def _total_position(dim: Dimension) -> int:
    """Where the dimension's total is: a total code, else the first total-like label."""
    for i, code in enumerate(dim.codes):
        if code in TOTAL_CODES:
            return i
    for i, (code, label) in enumerate(zip(dim.codes, dim.labels, strict=True)):
        if _is_total(code, literal(label)):
            return i
    return -1
