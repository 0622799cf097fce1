"""A file's figures are indexed as they are made; the index must be the one Dataset would build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.indexes import assert_indexed_as_dataset_indexes
from tui.core.formats import parse_jsonstat, read_table
from tui.core.from_cube import cube_to_dataset

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = sorted(
    path
    for folder in ("formats", "periods", "tolerated")
    for path in (TESTS / "fixtures" / folder).iterdir()
    if path.suffix in {".json", ".px", ".tsv", ".csv", ".gz"}
)


def jsonstat(ids: list[str], codes: list[list[str]], values: list[float | None]) -> str:
    roles = {"time": [i for i in ids if i == "Tid"]}
    return json.dumps(
        {
            "version": "2.0",
            "class": "dataset",
            "label": "Table 2023",
            "id": ids,
            "size": [len(c) for c in codes],
            "role": {key: value for key, value in roles.items() if value},
            "dimension": {
                dim: {"category": {"index": dim_codes}}
                for dim, dim_codes in zip(ids, codes, strict=True)
            },
            "value": values,
        }
    )


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_every_fixture_is_indexed_as_dataset_indexes(path: Path) -> None:
    dataset = cube_to_dataset(read_table(path))
    assert dataset.figures
    assert_indexed_as_dataset_indexes(dataset)


def test_time_between_other_dimensions_out_of_order_and_without_a_year() -> None:
    # time in the middle, its codes not in time order, one code without a year, size groups,
    # and two series whose codes join to the same indicator id (A/B + C and A + B/C)
    codes = [["A/B", "A"], ["2021", "2019", "x", "2020"], ["TOTAL", "10-49"], ["C", "B/C"]]
    values = [float(i) if i % 5 else None for i in range(2 * 4 * 2 * 2)]
    doc = jsonstat(["ContentsCode", "Tid", "size_emp", "X"], codes, values)
    dataset = cube_to_dataset(parse_jsonstat(doc, "middle.json"))
    assert any("without a year" in note for note in dataset.notes)
    assert any("repeat another cell" in note for note in dataset.notes)
    assert [f.ref_year for f in dataset.series("A/B/C", geo="file")] == [2019, 2020, 2021]
    assert dataset.groups("A/B/C", "size", "file") == ["10-49"]
    assert_indexed_as_dataset_indexes(dataset)


def test_a_table_without_time_is_indexed_as_one_period() -> None:
    doc = jsonstat(["ContentsCode", "geo"], [["A", "B"], ["NO", "SE"]], [1.0, None, 3.0, 4.0])
    dataset = cube_to_dataset(parse_jsonstat(doc, "one_year.json"))
    assert {f.period for f in dataset.figures} == {"2023"}
    assert_indexed_as_dataset_indexes(dataset)


def test_a_table_whose_periods_have_no_year_has_no_figures_and_no_index() -> None:
    doc = jsonstat(["ContentsCode", "Tid"], [["A"], ["x", "y"]], [1.0, 2.0])
    dataset = cube_to_dataset(parse_jsonstat(doc, "no_years.json"))
    assert dataset.figures == []
    assert dataset.geos() == [] and dataset.series("A") == []
