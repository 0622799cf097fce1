"""PX as PxWeb and pyaxis read it: ';' after every row or none at the end, dotted keywords,
time variables named in other languages, tables without time; and a differential test
against pyaxis on every PX fixture under tests/fixtures/periods."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from pyaxis import pyaxis

from tests.helpers.independent import px_cells
from tui.core.formats import read_table
from tui.core.formats.px import parse_px
from tui.core.from_cube import cube_to_dataset

PERIODS = Path(__file__).resolve().parents[1] / "fixtures" / "periods"
PX_FIXTURES = sorted(p.name for p in PERIODS.glob("*.px"))
VARIANTS = ["px_rows_end_with_semicolon.px", "px_no_final_semicolon.px", "px_last_dot_updated.px"]


@pytest.mark.parametrize("name", [*VARIANTS, "px_foreign_time_name.px"])
def test_pxweb_variants_read_cell_by_cell(name: str) -> None:
    names, expected = px_cells(PERIODS / name)
    cube = read_table(PERIODS / name)
    assert [d.label for d in cube.dimensions] == names
    assert list(cube.cells()) == expected


def test_the_three_writings_of_data_read_alike() -> None:
    cubes = [read_table(PERIODS / name) for name in VARIANTS]
    assert all(c.values == cubes[0].values and c.statuses == cubes[0].statuses for c in cubes)
    assert cubes[0].statuses.count("..") == 1


def test_dotted_last_updated_is_the_tables_update() -> None:
    assert read_table(PERIODS / "px_last_dot_updated.px").updated == "2024-05-20T08:00"
    assert read_table(PERIODS / "px_no_final_semicolon.px").updated == "2024-05-20T08:00"


def test_a_cut_data_section_without_its_semicolon_is_still_refused() -> None:
    raw = (PERIODS / "px_no_final_semicolon.px").read_bytes().rstrip()[:-3]
    with pytest.raises(Exception, match="DATA is not ended by ';'"):
        parse_px(raw, "cut.px")


def test_foreign_time_name_without_timeval_is_time() -> None:
    cube = read_table(PERIODS / "px_foreign_time_name.px")
    assert [(d.id, d.role) for d in cube.dimensions] == [("Provincias", None), ("Periodo", "time")]
    dataset = cube_to_dataset(cube)
    assert dataset.periods() == ["2023M01", "2023M02", "2023M03"]
    assert dataset.frequency() == "monthly"


# one name per language the readers know: nb, nn, sv, da, fi, en, es, de, fr
TIME_NAMES = ["Måned", "Månad", "Tidpunkt", "Uge", "Vuosi", "Month", "Período", "Jahr", "Année"]


@pytest.mark.parametrize("time_name", TIME_NAMES)
def test_time_is_found_by_its_name_in_each_language(time_name: str) -> None:
    raw = (PERIODS / "px_foreign_time_name.px").read_text(encoding="utf-8")
    renamed = raw.replace('"Periodo"', f'"{time_name}"').encode("utf-8")
    cube = parse_px(renamed, "renamed.px")
    assert cube.dimension("time") is not None
    assert cube.dimension("time").label == time_name  # type: ignore[union-attr]
    assert len(cube_to_dataset(cube).figures) == 9


def test_a_table_without_time_is_one_period_when_its_title_names_one_year() -> None:
    raw = (PERIODS / "px_foreign_time_name.px").read_text(encoding="utf-8")
    one_year = (
        raw.replace('"Periodo"', '"Mes"')
        .replace('HEADING="Mes";', 'HEADING="Indice";')
        .replace('VALUES("Mes")', 'VALUES("Indice")')
        .replace("por provincias y periodo", "por provincias, 2023")
    )
    assert "Mes" not in one_year
    dataset = cube_to_dataset(parse_px(one_year.encode("utf-8"), "one_year.px"))
    assert dataset.periods() == ["2023"]
    assert len(dataset.figures) == 9
    assert dataset.notes and "no time dimension" in dataset.notes[0]
    assert "Provincias" in dataset.notes[0] and "Indice" in dataset.notes[0]
    assert "2023" in dataset.notes[0]
    no_year = one_year.replace(", 2023", "")
    with pytest.raises(ValueError, match=r"no time dimension .*Provincias, Indice"):
        cube_to_dataset(parse_px(no_year.encode("utf-8"), "no_year.px"))


@pytest.mark.parametrize("name", PX_FIXTURES)
def test_pyaxis_reads_every_cell_the_same(name: str) -> None:
    """pyaxis names cells by their VALUES labels and keeps DATA as text; ours must agree."""
    never = r"(?!x)x"  # pyaxis would turn '..' and '.' into NaN: keep its text to compare symbols
    path = str(PERIODS / name)
    theirs = pyaxis.parse(path, encoding="utf-8", null_values=never, sd_values=never)["DATA"]
    cube = read_table(PERIODS / name)
    assert list(theirs.columns) == [d.label for d in cube.dimensions] + ["DATA"]
    ours = {}
    for (codes, value, status), position in zip(cube.cells(), cube.positions(), strict=True):
        labels = tuple(d.labels[i] for d, i in zip(cube.dimensions, position, strict=True))
        assert codes == tuple(d.codes[i] for d, i in zip(cube.dimensions, position, strict=True))
        ours[labels] = (value, status)
    assert len(theirs) == len(ours) == len(cube.values)
    for record in theirs.to_dict("records"):
        text = str(record.pop("DATA")).strip('"')
        value, status = ours[tuple(record.values())]
        if value is None:
            assert text == status
        else:
            assert math.isclose(float(text), value, rel_tol=0, abs_tol=0)
            assert status == ""
