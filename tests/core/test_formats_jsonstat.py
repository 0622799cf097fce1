"""JSON-stat 2.0 reader: SSB's v2 and v0 shapes come back exactly; every bad input is a DataError."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tui.core.cube import Cube
from tui.core.errors import DataError
from tui.core.formats import read_table
from tui.core.formats.jsonstat import parse_jsonstat

FIXTURES = Path(__file__).parent.parent / "fixtures" / "formats"
V2 = FIXTURES / "ssb_10974_v2.json"
V0 = FIXTURES / "ssb_10978_v0.json"


def cells(cube: Cube) -> dict[tuple[str, ...], tuple[float | None, str]]:
    return {codes: (value, status) for codes, value, status in cube.cells()}


def small() -> dict[str, Any]:
    """A minimal valid dataset: 2 regions x 2 years."""
    return {
        "version": "2.0",
        "class": "dataset",
        "id": ["Region", "Tid"],
        "size": [2, 2],
        "dimension": {
            "Region": {"label": "region", "category": {"index": ["0301", "4601"]}},
            "Tid": {"label": "år", "category": {"index": {"2023": 0, "2024": 1}}},
        },
        "value": [1, 2.5, None, 4],
    }


def test_v2_dimensions_codes_labels_roles_units() -> None:
    cube = read_table(V2)
    assert [d.id for d in cube.dimensions] == ["NACE2007", "SyssGrpIKT", "ContentsCode", "Tid"]
    nace, syss, contents, tid = cube.dimensions
    assert nace.label == "næring (SN2007)"
    assert nace.codes == ("10-95", "47")
    assert nace.labels == (
        "Alle næringer (10-95) unntatt finans",
        "Detaljhandel, unntatt med motorvogner",
    )
    assert syss.labels == ("10-19 sysselsatte", "250 eller flere sysselsatte")
    assert contents.labels[1] == "Foretak med høy digital intensitet"
    assert (nace.role, syss.role, contents.role, tid.role) == (None, None, "metric", "time")
    assert contents.units == ("prosent", "prosent")
    assert nace.units == ()
    assert tid.label == "år"


def test_v2_values_statuses_and_metadata() -> None:
    cube = read_table(V2)
    assert cube.size == (2, 2, 2, 2)
    assert cube.values == (
        62.1, 64.0, None, 31.5, 88.4, 90.2, 55.0, 58.3,
        70.9, None, 20.1, 22.6, 93.0, 95.5, None, 0.0,
    )  # fmt: skip
    got = cells(cube)
    assert got[("10-95", "10-19", "HoyDigInt", "2023")] == (None, "..")
    assert got[("47", "10-19", "SosMedier", "2024")] == (None, ":")
    assert got[("47", "250+", "HoyDigInt", "2023")] == (None, ".")
    assert got[("47", "250+", "HoyDigInt", "2024")] == (0.0, "")
    assert cube.statuses.count("") == 13
    assert cube.label.startswith("10974: Bruk av sosiale medier")
    assert cube.updated == "2024-11-28T07:00:00Z"
    assert cube.notes == (
        "Tallene gjelder foretak med minst 10 sysselsatte.",
        "Fra 2024 er utvalget utvidet.",
    )
    assert cube.source == str(V2)


def test_v0_index_array_and_value_object() -> None:
    cube = read_table(V0)
    nace, contents, tid = cube.dimensions
    assert nace.codes == ("10-95", "G-47")
    assert nace.labels == ("Alle næringer", "Detaljhandel")
    assert contents.units == ("prosent",)  # v0 writes the unit as "base"
    assert tid.codes == ("2021", "2022", "2023")
    assert cube.values == (28.0, 29.0, 27.0, None, 41.0, 43.0)
    assert cube.statuses == ("", "", "", "..", "", "")


def test_parse_accepts_bytes_text_and_object_alike() -> None:
    raw = V2.read_bytes()
    from_bytes = parse_jsonstat(raw, "body")
    assert parse_jsonstat(raw.decode("utf-8"), "body") == from_bytes
    assert parse_jsonstat(json.loads(raw), "body") == from_bytes
    assert from_bytes.source == "body"


def test_status_as_single_string_applies_to_every_cell() -> None:
    doc = small() | {"status": "p"}
    assert parse_jsonstat(doc, "x").statuses == ("p", "p", "p", "p")


def test_status_list_and_null_entries() -> None:
    doc = small() | {"status": [None, "e", "..", None]}
    assert parse_jsonstat(doc, "x").statuses == ("", "e", "..", "")


def test_roles_are_guessed_only_when_not_given() -> None:
    doc = small()
    doc["id"] = ["ContentsCode", "Tid"]
    doc["dimension"] = {"ContentsCode": doc["dimension"]["Region"], "Tid": doc["dimension"]["Tid"]}
    guessed = parse_jsonstat(doc, "x")
    assert [d.role for d in guessed.dimensions] == ["metric", "time"]
    doc["role"] = {"time": ["ContentsCode"]}
    declared = parse_jsonstat(doc, "x")
    assert [d.role for d in declared.dimensions] == ["time", None]


def test_geo_role_and_label_fallbacks() -> None:
    doc = small() | {"role": {"geo": ["Region"]}}
    doc["dimension"]["Region"]["category"]["label"] = {"0301": "Oslo"}
    cube = parse_jsonstat(doc, "x")
    region = cube.dimension("geo")
    assert region is not None and region.id == "Region"
    assert region.labels == ("Oslo", "4601")  # a code without label shows its code
    assert cube.label == "x"


def test_single_category_may_omit_index() -> None:
    doc = small()
    doc["size"] = [1, 2]
    doc["dimension"]["Region"]["category"] = {"label": {"0301": "Oslo"}}
    doc["value"] = [7, 8]
    cube = parse_jsonstat(doc, "x")
    assert cube.dimensions[0].codes == ("0301",)
    assert cube.values == (7.0, 8.0)


def mutate(path: str, value: object) -> dict[str, Any]:
    """small() with one entry (dotted path) replaced; value None deletes it."""
    doc = copy.deepcopy(small())
    *parents, last = path.split(".")
    target: Any = doc
    for part in parents:
        target = target[part]
    if value is None:
        del target[last]
    else:
        target[last] = value
    return doc


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        ({"ds": {"dimension": {}, "value": []}}, "JSON-stat 1.x bundles are not supported"),
        (mutate("version", "1.0"), "version '1.0' is not supported"),
        (mutate("class", "collection"), "class 'collection' is not supported"),
        (mutate("size", [2]), "'size' has 1 entries but 'id' has 2"),
        (mutate("size", [3, 2]), "'Region' has 2 categories but size says 3"),
        (mutate("value", [1, 2, 3]), "'value' has 3 entries but the sizes multiply to 4"),
        (mutate("value", {"0": 1, "4": 2}), "'value' key '4' is not a position below 4"),
        (mutate("value", [1, "2", 3, 4]), "value at position 1 is '2', not a number or null"),
        (mutate("value", [1, True, 3, 4]), "not a number or null"),
        (mutate("value", [1, float("nan"), 3, 4]), "not a finite number"),
        (
            mutate("dimension.Region.category.index", ["0301", "0301"]),
            "duplicate category code '0301'",
        ),
        (mutate("dimension.Tid.category.index", {"2023": 0, "2024": 0}), "positions must be 0..1"),
        (
            mutate("dimension.Tid.category", {"label": {"a": "A", "b": "B"}}),
            "'Tid' has no category 'index'",
        ),
        (mutate("dimension.Tid", None), "dimension 'Tid' is missing"),
        (mutate("status", [".."]), None),
        (mutate("status", ["..", ".."]), "'status' has 2 entries but there are 4 values"),
        (mutate("status", {"9": ".."}), "'status' key '9' is not a position below 4"),
        (mutate("role", {"time": ["Year"]}), "role 'time' names unknown dimension 'Year'"),
        (mutate("role", {"time": "Tid"}), "role 'time' must be a list"),
    ],
)
def test_invalid_datasets_are_refused(doc: dict[str, Any], problem: str | None) -> None:
    if problem is None:  # a one-entry status list is allowed and repeated
        assert parse_jsonstat(doc, "t.json").statuses == ("..",) * 4
        return
    with pytest.raises(DataError) as err:
        parse_jsonstat(doc, "t.json")
    assert err.value.source == "t.json"
    assert problem in str(err.value)
    assert str(err.value).startswith("t.json")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"version": "2.0", "value": [NaN]}', "NaN is not a valid value"),
        ('{"version": "2.0", "value": [Infinity]}', "Infinity is not a valid value"),
        ('{"version": "2.0",\n "class": "dataset",\n "id": [', "invalid JSON"),
        ('{"a": 1, "a": 2}', "duplicate key 'a'"),
        ("[1, 2]", "must be an object at the top level"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_bad_json_text_is_refused(text: str, problem: str) -> None:
    with pytest.raises(DataError) as err:
        parse_jsonstat(text, "body.json")
    assert problem in str(err.value)
    assert err.value.source == "body.json"


def test_truncated_json_names_the_line() -> None:
    with pytest.raises(DataError) as err:
        parse_jsonstat('{"version": "2.0",\n "class": "dataset",\n "id": [', "body.json")
    assert err.value.line == 3


def test_duplicate_code_in_index_object_is_refused_from_text() -> None:
    text = V2.read_text(encoding="utf-8").replace('"47": 1', '"10-95": 1', 1)
    with pytest.raises(DataError, match="duplicate key '10-95'"):
        parse_jsonstat(text, "dup.json")


def test_huge_numbers_are_refused() -> None:
    with pytest.raises(DataError, match="not a finite number"):
        parse_jsonstat(mutate("value", [1, 10**400, 3, 4]), "x")
    text = json.dumps(small()).replace("2.5", "1e999")
    with pytest.raises(DataError, match="value at position 1 is inf, not a finite number"):
        parse_jsonstat(text, "x")


def test_not_utf8_bytes_are_refused() -> None:
    with pytest.raises(DataError, match="not UTF-8"):
        parse_jsonstat(b'{"label": "\xe6\xf8\xe5"}', "latin.json")
