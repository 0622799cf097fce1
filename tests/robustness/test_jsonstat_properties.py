"""Any valid JSON-stat 2.0 dataset reads back exactly: every value and symbol in its own cell.

The expected position of a cell is computed here from its category positions (row-major, last
dimension fastest), independently of the reader, and the dataset is written with json.dumps.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.indexes import assert_indexed_as_dataset_indexes
from tui.core.formats.jsonstat import parse_jsonstat
from tui.core.from_cube import GEO_NAMES, INDUSTRY_DIMENSIONS, SIZE_DIMENSIONS, cube_to_dataset
from tui.core.periods import TIME_NAMES

SYMBOLS = ("..", ":", ".")
# ids the readers or the figures model treat specially by name; generated ids avoid them
RESERVED = {"contentscode", "metric", "geo"} | TIME_NAMES | GEO_NAMES
RESERVED |= SIZE_DIMENSIONS | INDUSTRY_DIMENSIONS

text = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=6)
dim_ids = text.filter(lambda s: s.lower() not in RESERVED and s.casefold() not in RESERVED)
# the figures model joins codes with '/' into indicator ids, so codes given to it have none
plain_codes = text.filter(lambda s: "/" not in s)
numbers = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1000, max_value=1000, allow_nan=False).map(lambda x: round(x, 2)),
    st.integers(min_value=-(10**9), max_value=10**9),
)
cell_values = st.one_of(st.none(), numbers)


@dataclass(frozen=True)
class Expected:
    ids: list[str]
    labels: list[str]
    codes: list[list[str]]
    code_labels: list[list[str]]
    roles: dict[str, str]
    values: dict[tuple[int, ...], float | int | None]  # by category positions
    statuses: dict[tuple[int, ...], str]


def flat_index(positions: tuple[int, ...], sizes: list[int]) -> int:
    """Row-major position: the last dimension varies fastest."""
    flat = 0
    for position, size in zip(positions, sizes, strict=True):
        flat = flat * size + position
    return flat


def all_positions(sizes: list[int]) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = [()]
    for size in sizes:
        out = [(*head, i) for head in out for i in range(size)]
    return out


@st.composite
def datasets(draw: st.DrawFn, with_years: bool = False) -> tuple[dict[str, Any], Expected]:
    """A JSON-stat 2.0 dataset (as a dict ready for json.dumps) and what it must read as."""
    n_dims = draw(st.integers(1, 4))
    ids = draw(st.lists(dim_ids, min_size=n_dims, max_size=n_dims, unique=True))
    time_at = draw(st.integers(0, n_dims - 1)) if with_years else None
    if time_at is not None:
        ids[time_at] = draw(
            st.sampled_from(["Tid", "år", "TIME_PERIOD", "year"]).filter(lambda i: i not in ids)
        )
    dims: dict[str, Any] = {}
    labels, codes, code_labels = [], [], []
    for k, dim_id in enumerate(ids):
        if k == time_at:
            years = draw(st.lists(st.integers(1990, 2099), min_size=1, max_size=5, unique=True))
            these = [str(y) for y in years]
        else:
            these = draw(
                st.lists(plain_codes if with_years else text, min_size=1, max_size=5, unique=True)
            )
        order = draw(st.permutations(range(len(these))))  # object keys in any order
        index: Any = list(these) if draw(st.booleans()) else {these[i]: i for i in order}
        category: dict[str, Any] = {"index": index}
        if draw(st.booleans()):
            names = draw(st.lists(text, min_size=len(these), max_size=len(these)))
            category["label"] = {these[i]: names[i] for i in order}
        else:
            names = list(these)
        dim: dict[str, Any] = {"category": category}
        label = draw(st.one_of(st.none(), dim_ids))  # a label may name time or geography too
        if label is not None:
            dim["label"] = label
        dims[dim_id] = dim
        labels.append(label if label is not None else dim_id)
        codes.append(these)
        code_labels.append(names)

    roles: dict[str, str] = {}
    candidates = [i for k, i in enumerate(ids) if k != time_at]
    if time_at is not None:
        roles["time"] = ids[time_at]
    elif bool(candidates) and draw(st.booleans()):
        roles["time"] = draw(st.sampled_from(candidates))
    for role in ("metric", "geo"):
        free = [i for i in candidates if i not in roles.values()]
        if bool(free) and draw(st.booleans()):
            roles[role] = draw(st.sampled_from(free))

    sizes = [len(c) for c in codes]
    cells = all_positions(sizes)
    values = {p: draw(cell_values) for p in cells}
    statuses = {p: draw(st.sampled_from(("", *SYMBOLS))) for p in cells}
    flat_values: list[Any] = [None] * len(cells)
    flat_statuses: list[str | None] = [None] * len(cells)
    for p in cells:
        flat_values[flat_index(p, sizes)] = values[p]
        flat_statuses[flat_index(p, sizes)] = statuses[p] or None

    doc: dict[str, Any] = {"version": "2.0", "class": "dataset", "label": "generated"}
    if bool(roles) or draw(st.booleans()):
        doc["role"] = {role: [dim_id] for role, dim_id in roles.items()}
    doc.update(id=ids, size=sizes, dimension=dims)
    if draw(st.booleans()):
        doc["value"] = flat_values
    else:  # sparse: only the cells that have a value
        doc["value"] = {str(i): v for i, v in enumerate(flat_values) if v is not None}
    status_form = draw(st.sampled_from(["absent", "object", "array"]))
    if status_form == "absent":
        statuses = dict.fromkeys(cells, "")
    elif status_form == "object":
        doc["status"] = {str(i): s for i, s in enumerate(flat_statuses) if s is not None}
    else:
        doc["status"] = flat_statuses
    expected = Expected(ids, labels, codes, code_labels, roles, values, statuses)
    return doc, expected


@settings(max_examples=200, deadline=None)
@given(datasets())
def test_any_dataset_reads_back_exactly(generated: tuple[dict[str, Any], Expected]) -> None:
    doc, expected = generated
    cube = parse_jsonstat(json.dumps(doc), "generated.json")
    sizes = [len(c) for c in expected.codes]
    assert cube.size == tuple(sizes)
    assert [d.id for d in cube.dimensions] == expected.ids
    assert [d.label for d in cube.dimensions] == expected.labels
    assert [list(d.codes) for d in cube.dimensions] == expected.codes
    assert [list(d.labels) for d in cube.dimensions] == expected.code_labels
    assert {d.id: d.role for d in cube.dimensions if d.role} == {
        dim_id: role for role, dim_id in expected.roles.items()
    }
    assert len(cube.values) == len(cube.statuses) == math.prod(sizes)
    for positions, value in expected.values.items():
        flat = flat_index(positions, sizes)
        if value is None:
            assert cube.values[flat] is None
        else:
            assert cube.values[flat] == value
            assert isinstance(cube.values[flat], float)
        assert cube.statuses[flat] == expected.statuses[positions]
    # the cube's own walk over its cells names the same codes for the same figures
    for codes, value, status in cube.cells():
        positions = tuple(c.index(code) for c, code in zip(expected.codes, codes, strict=True))
        assert value == expected.values[positions]
        assert status == expected.statuses[positions]


@settings(max_examples=200, deadline=None)
@given(datasets(with_years=True))
def test_a_missing_figure_never_becomes_zero(generated: tuple[dict[str, Any], Expected]) -> None:
    doc, _expected = generated
    cube = parse_jsonstat(json.dumps(doc), "generated.json")
    dataset = cube_to_dataset(cube)
    cells = cube.cells()
    assert len(dataset.figures) == len(cells)  # one figure per cell, in cell order
    for (_codes, value, status), figure in zip(cells, dataset.figures, strict=True):
        if value is None:
            assert figure.value is None
            assert figure.value_text == ""
            assert figure.status != ""
            if status:
                assert figure.status == status
        else:
            assert figure.value == value
            assert figure.status == status


@settings(max_examples=200, deadline=None)
@given(datasets(with_years=True))
def test_the_index_made_with_the_figures_is_the_one_dataset_makes(
    generated: tuple[dict[str, Any], Expected],
) -> None:
    doc, _expected = generated
    dataset = cube_to_dataset(parse_jsonstat(json.dumps(doc), "generated.json"))
    assert_indexed_as_dataset_indexes(dataset)
