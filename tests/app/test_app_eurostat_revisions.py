"""The explorer after a Eurostat update: one row per measure, `g` compares the fetched countries
cell by cell, and a revised figure gives both values on the source line and in `s`."""

from __future__ import annotations

import pytest

from tests.helpers.app_pilot import make_app, press, screen_text, settle, theme_screen
from tests.helpers.eurostat_expected import embedded_places
from tests.helpers.eurostat_server import EurostatServer
from tui.app.screens.sources import SourcesScreen
from tui.app.widgets.text_line import TextLine
from tui.core import eurostat_api as eurostat_api_module
from tui.core import load_dataset
from tui.core.cache import read_entry
from tui.core.dataset import Dataset
from tui.core.eurostat_refresh import update_datasets, with_cached_datasets
from tui.core.numbers import format_value
from tui.core.ssb_query import RateLimiter

GEOS = ["NO", "SE"]
DATASETS = ("isoc_ec_esels", "isoc_ec_eseln2")


@pytest.fixture(autouse=True)
def unpaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests fetch from the loopback stand-in: no minute's pause between them."""
    monkeypatch.setattr(eurostat_api_module, "SHARED_LIMITER", RateLimiter(1000, 1.0))


def fetched() -> tuple[Dataset, str]:
    """The snapshot with the stand-in's e-commerce sales datasets, and the day they came."""
    assert all(r.ok for r in update_datasets(DATASETS, GEOS, None))
    dataset, notes = with_cached_datasets(load_dataset())
    assert notes == []
    entry = read_entry("eurostat-isoc_ec_esels.json")
    assert entry is not None
    return dataset, entry.fetched_at[:10]


async def test_g_compares_the_countries_of_a_listed_measure_cell_by_cell(
    eurostat_api: EurostatServer,
) -> None:
    dataset, _day = fetched()
    snapshot = load_dataset()
    expected = embedded_places(GEOS, list(DATASETS))
    app = make_app(dataset, screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        rows = [r.indicator for r in screen.view.rows]
        assert rows.count("eu_e_esell") == 1 and not [i for i in rows if ":" in i]
        await press(pilot, *["down"] * rows.index("eu_e_esell"), "g")
        assert screen.state.compare is not None
        assert screen.state.compare.indicator == "eu_e_esell"
        assert [r.geo for r in screen.view.rows] == GEOS
        checked = 0
        for row in screen.view.rows:
            for year in screen.view.slice.years:
                figure = screen.view.slice.get(row, year)
                place = ("eu_e_esell", row.geo, "total", "total", year)
                if place in expected:
                    value, status, _code = expected[place]
                    assert figure is not None and (figure.exact, figure.status) == (value, status)
                    checked += 1
                else:
                    before = snapshot.figure("eu_e_esell", year, "total", row.geo)
                    assert figure == before
        assert checked == len([p for p in expected if p[0] == "eu_e_esell" and p[3] == "total"])
        assert "Sweden" in screen_text(app)


async def test_a_revised_figure_gives_both_values_on_the_source_line_and_in_s(
    eurostat_api: EurostatServer,
) -> None:
    dataset, day = fetched()
    snapshot = load_dataset()
    expected = embedded_places(GEOS, list(DATASETS))
    value, _status, _code = expected[("eu_e_esell", "NO", "total", "total", 2022)]
    before = snapshot.figure("eu_e_esell", 2022)
    shown = dataset.figure("eu_e_esell", 2022)
    assert before is not None and shown is not None and before.exact != value == shown.exact
    said = (
        f"revised: {format_value(before, 'en', with_unit=False)} →"
        f" {format_value(shown, 'en', with_unit=False)} (Eurostat API, fetched {day})"
    )
    app = make_app(dataset, screen="ecommerce", year=2022)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        rows = [r.indicator for r in screen.view.rows]
        await press(pilot, *["down"] * rows.index("eu_e_esell"))
        line = screen.query_one("#source", TextLine)
        assert said in line.text, line.text
        assert f"Source: Eurostat (data provider for NO: SSB) isoc_ec_esels, fetched {day}" in (
            line.text
        )
        assert line.region.bottom <= screen.query_one("#keys").region.y
        on_screen = " ".join(screen_text(app).splitlines()[line.region.y : line.region.bottom])
        assert said in " ".join(on_screen.split())  # the revision itself is on the screen
        await press(pilot, "s")
        assert isinstance(app.screen, SourcesScreen)
        assert said in app.screen.text.plain
