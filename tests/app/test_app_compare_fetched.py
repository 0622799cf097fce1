"""`g` on the social-media screen compares countries with figures fetched from Eurostat."""

from __future__ import annotations

import itertools
from decimal import Decimal

from tests.helpers.app_pilot import make_app, press, screen_text, settle, theme_screen
from tests.helpers.eurostat_data import answer
from tests.helpers.eurostat_server import EurostatServer
from tui.core import load_dataset
from tui.core.eurostat_refresh import update_datasets, with_cached_datasets

INDICATOR = "eurostat:isoc_cismt:E_SM1_SNET/PC_ENT"


def published(geos: list[str]) -> dict[tuple[str, int], tuple[Decimal | None, str]]:
    """The stand-in's social-network figures for all enterprises, by country and year."""
    doc = answer("isoc_cismt", geos)
    codes = [list(doc["dimension"][d]["category"]["index"]) for d in doc["id"]]
    out = {}
    for flat, combo in enumerate(itertools.product(*codes)):
        cell = dict(zip(doc["id"], combo, strict=True))
        if cell["size_emp"] == "GE10" and cell["indic_is"] == "E_SM1_SNET":
            value = doc["value"].get(str(flat))
            status = doc.get("status", {}).get(str(flat), "")
            out[(cell["geo"], int(cell["time"]))] = (
                None if value is None else Decimal(str(value)),
                status or ("" if value is not None else ":"),
            )
    return out


async def test_g_compares_the_fetched_countries_cell_by_cell(eurostat_api: EurostatServer) -> None:
    geos = ["NO", "SE", "DK", "IS"]
    assert all(r.ok for r in update_datasets(("isoc_cismt",), geos, None))
    dataset, notes = with_cached_datasets(load_dataset())
    assert notes == []
    app = make_app(dataset, screen="social_media")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        rows = [r.indicator for r in screen.view.rows]
        await press(pilot, *["down"] * rows.index(INDICATOR), "g")
        assert screen.state.compare is not None and screen.state.compare.indicator == INDICATOR
        shown = [r.geo for r in screen.view.rows]
        assert shown == ["NO", "SE", "DK", "IS"]  # the catalogue's order of countries
        expected = published(geos)
        assert set(screen.view.slice.years) == {year for _geo, year in expected}
        for row in screen.view.rows:
            for year in screen.view.slice.years:
                figure = screen.view.slice.get(row, year)
                assert figure is not None
                assert (figure.exact, figure.status) == expected[(row.geo, year)]
        text = screen_text(app)
        assert "Denmark" in text and "Iceland" in text and "Eurostat" in text
