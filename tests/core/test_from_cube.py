"""Opened tables land in the same model: years, categories and breakdowns found by role and id."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.formats import read_table
from tui.core.from_cube import classify, cube_to_dataset

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def test_ssb_jsonstat_maps_contents_to_categories_and_groups_to_breakdowns() -> None:
    cube = read_table(FIXTURES / "ssb_10974_v2.json")
    view = classify(cube)
    assert view.time.id == "Tid"
    assert view.metric is not None and view.metric.id == "ContentsCode"
    assert view.size is not None and view.size.id == "SyssGrpIKT"
    assert view.industry is not None and view.industry.id == "NACE2007"
    data = cube_to_dataset(cube)
    assert data.themes() == ["file"]
    assert set(data.theme_indicators("file")) == set(view.metric.codes)
    # every cell of the table is a figure, missing ones with their symbol and no value
    assert len(data.figures) == len(cube.values)
    for figure in data.figures:
        if figure.missing:
            assert figure.status in ("..", ":", ".")
            assert figure.value is None


def test_values_survive_the_mapping_exactly() -> None:
    cube = read_table(FIXTURES / "estat_sdmx.csv")
    data = cube_to_dataset(cube)
    by_key = {(f.indicator, f.geo, f.group, f.ref_year): f for f in data.figures}
    for codes, value, status in cube.cells():
        named = dict(zip((d.id for d in cube.dimensions), codes, strict=True))
        matches = [
            f
            for (ind, geo, _g, year), f in by_key.items()
            if ind.startswith(named["indic_is"])
            and geo == named["geo"]
            and year == int(named["TIME_PERIOD"])
        ]
        assert matches
        if value is None:
            assert any(f.missing for f in matches)
        else:
            assert any(f.value == value for f in matches)
        assert status is not None


def test_eurostat_geo_dimension_gives_countries() -> None:
    data = cube_to_dataset(read_table(FIXTURES / "estat_sdmx_flavour.tsv"))
    assert {"NO", "SE"} <= set(data.geos())


def test_a_table_without_years_is_refused() -> None:
    cube = read_table(FIXTURES / "ssb_10974_v2.json")
    from dataclasses import replace

    no_time = replace(
        cube,
        dimensions=tuple(replace(d, role=None) if d.role == "time" else d for d in cube.dimensions),
    )
    renamed = replace(
        no_time, dimensions=tuple(replace(d, id="X" + d.id) for d in no_time.dimensions)
    )
    with pytest.raises(ValueError, match="no time dimension"):
        classify(renamed)
