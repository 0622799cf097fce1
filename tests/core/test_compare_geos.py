"""One rule for which geographies compare: Eurostat's own figures in the embedded data, and every
geography of a file whoever published it; by year and by period."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.independent import px_cells
from tui.core.dataset import compares_geographies, geo_comparable, load_dataset
from tui.core.formats import read_table
from tui.core.from_cube import cube_to_dataset
from tui.core.model import Row
from tui.core.period_table import compared_periods
from tui.core.table import comparable_geos, compared_indicator

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_embedded_data_compares_eurostat_figures_only() -> None:
    dataset = load_dataset()
    assert not compares_geographies(dataset, "ec_sales_web")  # SSB's
    assert compares_geographies(dataset, "eu_e_secpol2")
    for figure in dataset.figures:
        info = dataset.indicators[figure.indicator]
        source = dataset.sources[figure.source_id]
        expected = info.publisher == "eurostat" and source.publisher.lower().startswith("eurostat")
        assert geo_comparable(dataset, figure) == expected, figure
    geos = comparable_geos(dataset, "eu_e_secpol2", "total")
    table = compared_indicator(dataset, Row("eu_e_secpol2", "total", "NO"), "en")
    assert len(geos) > 2 and geos == [r.row.geo for r in table.rows]


def test_a_files_geographies_compare_whoever_published_it() -> None:
    for name in ("formats/estat_bulk_flavour.tsv", "periods/px_half_year.px"):
        dataset = cube_to_dataset(read_table(FIXTURES / name))
        assert all(compares_geographies(dataset, i) for i in dataset.theme_indicators("file"))
        assert all(geo_comparable(dataset, f) for f in dataset.figures)


def test_a_half_year_file_compares_by_period_cell_by_cell() -> None:
    path = FIXTURES / "periods" / "px_half_year.px"
    dataset = cube_to_dataset(read_table(path))
    indicator = dataset.theme_indicators("file")[0]
    table = compared_periods(dataset, Row(indicator, "total", "0301"), "en")
    assert table.comparing and [r.row.geo for r in table.rows] == ["0301", "1902"]
    assert table.periods == ("1995H1", "1995H2", "1996H1", "1996H2", "1997H1", "1997H2")
    names, cells = px_cells(path)
    region, time = names.index("region"), names.index("halvår")
    for row in table.rows:
        expected = [value for codes, value, _status in cells if codes[region] == row.row.geo]
        assert [f.value if f else None for f in row.figures] == expected
        assert [codes[time] for codes, _v, _s in cells if codes[region] == row.row.geo] == list(
            table.periods
        )


def test_a_themes_geographies_are_those_with_a_figure_in_it() -> None:
    dataset = load_dataset()
    for theme in dataset.themes():
        expected = {f.geo for f in dataset.figures if f.theme == theme}
        geos = dataset.theme_geos(theme)
        assert set(geos) == expected and len(geos) == len(expected)
        assert geos == [g for g in dataset.geos() if g in expected]  # in the data's own order
    assert dataset.theme_geos("social_media") == ["NO"]
