"""Turn any table a reader returns into the figures model, so opened files use the same screens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tui.core.cube import Cube, Dimension
from tui.core.dataset import Dataset
from tui.core.labels import Labels
from tui.core.model import Figure, Indicator, Source
from tui.core.text import literal

SIZE_DIMENSIONS = {"syssgrpikt", "size_emp", "sizen_r2", "sysselsetting", "storleik"}
INDUSTRY_DIMENSIONS = {"nace2007", "nace_r2", "naering", "sn2007", "næring"}
TOTAL_CODES = {
    "00",
    "GE10",
    "TOTAL",
    "Total-K",
    "Total+K",
    "C10-S951_X_K",
    "10_C10_S951_XK",
    "C10-S951_X_K_Y",
    "ALL_GE10",
    "T",
}
YEAR = re.compile(r"(\d{4})")


@dataclass(frozen=True)
class CubeView:
    """Which dimension of a table plays which part on the screen."""

    time: Dimension
    metric: Dimension | None
    geo: Dimension | None
    size: Dimension | None
    industry: Dimension | None
    other: tuple[Dimension, ...]


def classify(cube: Cube) -> CubeView:
    """Find the time, metric, geo, size and industry dimensions by role and id, not position."""
    time = cube.dimension("time")
    if time is None:
        raise ValueError("the table has no time dimension (years)")
    metric = cube.dimension("metric")
    geo = cube.dimension("geo")
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
    return CubeView(time, metric, geo, size, industry, other)


def _is_total(code: str, label: str) -> bool:
    """A code for all sizes or all industries, by code or by how its label starts."""
    return code in TOTAL_CODES or label.lower().startswith(("alle ", "all ", "total", "i alt"))


def _year(code: str, label: str) -> int | None:
    match = YEAR.search(code) or YEAR.search(label)
    return int(match.group(1)) if match else None


def cube_to_dataset(
    cube: Cube, theme: str = "file", title: str | None = None, origin: str | None = None
) -> Dataset:
    """Every cell becomes a Figure of one theme; missing cells keep their symbol, never 0."""
    view = classify(cube)
    labels = Labels()
    theme_title = literal(title or cube.label or cube.source)
    labels.add("theme", theme, theme_title, theme_title)
    source_id = "file"
    sources = {
        source_id: Source(
            source_id,
            "file",
            theme_title,
            cube.updated or "",
            cube.source if "://" in cube.source else Path(cube.source).resolve().as_uri(),
            "primary",
            "As read from the file; years as the file labels them.",
        )
    }
    indicators: dict[str, Indicator] = {}
    figures: list[Figure] = []
    positions = {d.id: i for i, d in enumerate(cube.dimensions)}
    seen: set[tuple[str, str, str, int]] = set()
    for codes, value, status in cube.cells():
        by_dim = {d.id: (codes[positions[d.id]], d) for d in cube.dimensions}
        time_code = by_dim[view.time.id][0]
        year = _year(time_code, view.time.labels[view.time.codes.index(time_code)])
        if year is None:
            continue
        parts = [view.metric] if view.metric else []
        parts += [d for d in view.other if len(d.codes) > 1]
        indicator = "/".join(by_dim[d.id][0] for d in parts) or "value"
        if indicator not in indicators:
            indicators[indicator] = Indicator(
                indicator, theme, len(indicators), "as_labelled", "file"
            )
            name = " / ".join(literal(d.labels[d.codes.index(by_dim[d.id][0])]) for d in parts)
            labels.add("indicator", indicator, name or "value", name or "value")
        breakdown, group, group_labels = "total", "total", []
        for kind, dim in (("size", view.size), ("industry", view.industry)):
            if dim is None:
                continue
            code = by_dim[dim.id][0]
            label = literal(dim.labels[dim.codes.index(code)])
            if not _is_total(code, label) and len(dim.codes) != 1:
                # a cell of one industry and one size class is kept under industry, both named
                breakdown = kind
                group = code if group == "total" else f"{group} {code}"
                group_labels.append(label)
        if group_labels:
            joined = " · ".join(reversed(group_labels))
            labels.add("group", group, joined, joined)
        geo = by_dim[view.geo.id][0] if view.geo else "file"
        if view.geo:
            geo_label = literal(view.geo.labels[view.geo.codes.index(geo)])
            labels.add("geo", geo, geo_label, geo_label)
        key = (indicator, geo, group, year)
        if key in seen:
            continue  # a second total-like code for the same cell (e.g. Total-K and Total+K)
        seen.add(key)
        text = "" if value is None else _decimal_text(value)
        mark = status if (status or text) else ":"
        figures.append(
            Figure(
                theme,
                indicator,
                geo,
                breakdown,
                group,
                year,
                year,
                text,
                mark,
                _unit(view, by_dim),
                "file",
                "file",
                source_id,
                (),
                (),
                "",
            )
        )
    if not labels.has("geo", "file"):
        labels.add("geo", "file", "-", "-")
    labels.add("group", "total", "Totalt", "Total")
    return Dataset(figures, labels, sources, indicators, origin=origin or f"file {cube.source}")


def _unit(view: CubeView, by_dim: dict[str, tuple[str, Dimension]]) -> str:
    """'percent' when the table says so (JSON-stat unit, PX UNITS, Eurostat PC_*), else 'value'."""
    texts = [
        cube_unit
        for dim in (view.metric,)
        if dim is not None and dim.units
        for cube_unit in (dim.units[dim.codes.index(by_dim[dim.id][0])],)
    ]
    texts += [code for code, _dim in by_dim.values()]
    lowered = " ".join(texts).lower()
    return (
        "percent"
        if ("prosent" in lowered or "percent" in lowered or "pc_" in lowered or "%" in lowered)
        else "value"
    )


def _decimal_text(value: float) -> str:
    """Shortest text that reads back to the same number (no rounding beyond the file's own)."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text
