"""Opened tables land in the same model: years, categories and breakdowns found by role and id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.many_geos import geographies_jsonstat
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
    # 'år' names time in its label too: both the ids and the labels lose their time name
    renamed = replace(
        no_time,
        dimensions=tuple(
            replace(d, id="X" + d.id, label="X" + d.label) for d in no_time.dimensions
        ),
    )
    with pytest.raises(ValueError, match="no time dimension") as caught:
        classify(renamed)
    # the message names every variable it looked at
    assert all(d.id in str(caught.value) for d in renamed.dimensions)
    with pytest.raises(ValueError, match="no time dimension"):
        cube_to_dataset(renamed)  # the title names no single year: no period can be honest


# --- every geography, every cell, and the mapping's own shortcuts


def test_three_thousand_geographies_are_all_figures() -> None:
    count = 3000
    doc = geographies_jsonstat(count)
    from tui.core.formats import parse_jsonstat

    dataset = cube_to_dataset(parse_jsonstat(json.dumps(doc), "counties.json"))
    counties = doc["dimension"]["county"]["category"]["index"]  # type: ignore[index]
    assert dataset.geos() == counties
    assert len(dataset.figures) == count * 2
    # cell by cell against the positions the test itself wrote
    for i, figure in enumerate(dataset.figures):
        assert figure.geo == counties[i // 2]
        assert figure.period == ("2022", "2023")[i % 2]
        if i % 97 == 0:
            assert figure.missing and figure.status == ".."
        else:
            assert figure.value == i * 10 + 0.5
    last = counties[-1]
    assert [f.value for f in dataset.series("value", "total", last)] == [
        (count * 2 - 2) * 10 + 0.5,
        (count * 2 - 1) * 10 + 0.5,
    ]


def test_a_second_total_code_is_a_group_of_its_own_not_dropped() -> None:
    doc = {
        "version": "2.0",
        "class": "dataset",
        "label": "E-handel",
        "id": ["NACE2007", "Tid"],
        "size": [3, 1],
        "role": {"time": ["Tid"]},
        "dimension": {
            "NACE2007": {"category": {"index": ["Total-K", "Total+K", "47"]}},
            "Tid": {"category": {"index": ["2023"]}},
        },
        "value": [30, 31, 25],
    }
    from tui.core.formats import parse_jsonstat

    dataset = cube_to_dataset(parse_jsonstat(json.dumps(doc), "two_totals.json"))
    assert sorted((f.breakdown, f.group, f.value) for f in dataset.figures) == [
        ("industry", "47", 25.0),
        ("industry", "Total+K", 31.0),
        ("total", "total", 30.0),
    ]
    assert dataset.notes == []


def test_a_series_figure_equals_one_made_field_by_field() -> None:
    from tui.core.file_figures import series_figures
    from tui.core.model import Figure

    slots: list[Figure | None] = [None, None]
    where = ("file", "KPI", "NO", "size", "10-49", "value")
    quick, gap = series_figures(slots, 0, [(1, 2004, "2004M09"), (0, 2004, "2004M10")],
                                (None, 99.67), (":", ""), {}, where)  # fmt: skip
    made = Figure(
        "file", "KPI", "NO", "size", "10-49", 2004, 2004, "99.67", "", "value", "file",
        "file", "file", (), (), "", "2004M09",
    )  # fmt: skip
    assert type(quick) is Figure
    assert quick == made
    assert hash(quick) == hash(made)
    assert slots == [gap, quick]
    assert gap.missing and gap.status == ":" and gap.period == "2004M10"
    with pytest.raises(AttributeError):
        quick.value_text = "1"  # type: ignore[misc]


def test_every_cell_row_of_a_file_matches_its_cube() -> None:
    import csv
    import io

    from tui.core.cells import cell_table, cells_csv

    tables = (p for p in (FIXTURES.parent / "periods").iterdir() if p.suffix != ".md")
    for path in sorted(tables):
        cube = read_table(path)
        table = cell_table(cube)
        assert len(table.rows) == len(cube.values)
        at = [d.role for d in cube.dimensions].index("time")
        for row, (codes, value, status) in zip(table.rows, cube.cells(), strict=True):
            assert row[: len(codes)] == codes
            assert row[len(codes)] == codes[at]
            assert (float(row[-2]) if row[-2] else None) == value
            assert row[-1] == status
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(table.keys)
        writer.writerows(table.rows)
        assert cells_csv(cube) == buffer.getvalue(), path.name
