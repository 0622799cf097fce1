"""`g` compares countries on Eurostat figures only, in both chart modes, and `g` returns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.helpers.app_pilot import (
    chart_of,
    make_app,
    press,
    screen_text,
    settle,
    table_of,
    theme_screen,
)
from tui.app.screens.theme import ThemeScreen
from tui.core import Dataset
from tui.core.dataset import is_eurostat

SCOPE = "Eurostat, enterprises with 10+ persons employed, excluding the financial sector"


async def goto(pilot: Pilot[Any], screen: ThemeScreen, indicator: str) -> None:
    rows = [r.indicator for r in screen.view.rows]
    for _ in range(rows.index(indicator)):
        await press(pilot, "down")
    assert screen.view.rows[screen.state.row].indicator == indicator


def assert_only_eurostat(dataset: Dataset, screen: ThemeScreen) -> None:
    cells = screen.view.slice.cells
    assert cells
    for figure in cells.values():
        assert is_eurostat(dataset, figure), figure
        assert figure.series != "ssb"
        assert dataset.sources[figure.source_id].publisher.startswith("Eurostat")
        assert dataset.indicators[figure.indicator].publisher == "eurostat"


@pytest.mark.parametrize(
    ("theme", "indicator", "by"),
    [
        ("ecommerce", "eu_e_awsell", "size"),
        ("policy", "eu_e_secpol2", "total"),
        ("ecommerce", "eu_turnover_share", "total"),
        ("policy", "eu_e_secprev_le2", "size"),
    ],
)
async def test_compare_countries_in_both_chart_modes(
    dataset: Dataset, theme: str, indicator: str, by: str
) -> None:
    app = make_app(screen=theme, by=by)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        await goto(pilot, screen, indicator)
        normal_row = screen.state.row
        loads = table_of(app).loads
        assert not screen.query("#scope")  # made the first time a comparison needs it
        await press(pilot, "g")
        assert screen.state.compare is not None and screen.state.compare.indicator == indicator
        assert table_of(app).loads == loads + 1
        group = screen.state.compare.group
        assert (group == "total") == (by == "total")
        geos = [r.geo for r in screen.view.rows]
        assert geos == [g for g in dataset.geos(indicator) if dataset.series(indicator, group, g)]
        assert len(geos) > 1 and screen.view.rows[screen.state.row].geo == "NO"
        assert {r.indicator for r in screen.view.rows} == {indicator}
        assert_only_eurostat(dataset, screen)
        text = screen_text(app)
        assert SCOPE in text
        names = [dataset.labels.get("geo", g, "en") for g in geos]
        data = chart_of(app).data
        assert data is not None and data.mode == "bars"
        shown = [
            (n, f)
            for n, r in zip(names, screen.view.rows, strict=True)
            if (f := screen.view.slice.get(r, screen.state.year)) is not None
        ]
        # every country with a figure has its row; a missing one its symbol and no bar
        assert [b.label for b in data.bars] == [n for n, _f in shown]
        for bar, (_name, figure) in zip(data.bars, shown, strict=True):
            assert (bar.value is None) == figure.missing
            if figure.missing:
                assert bar.text == figure.status
        await press(pilot, "down")  # second country
        assert table_of(app).row == 1
        data = chart_of(app).data
        figure = screen.view.figure(1, screen.state.year)
        assert data is not None
        if figure is None:
            assert data.selected_bar is None
        else:
            assert data.selected_bar is not None and data.bars[data.selected_bar].label == names[1]
            assert (data.bars[data.selected_bar].value is None) == figure.missing
        await press(pilot, "c")
        data = chart_of(app).data
        assert data is not None and data.mode == "line"
        assert [line.code for line in data.lines] == geos
        assert [line.selected for line in data.lines] == [i == 1 for i in range(len(geos))]
        assert {s.line for s in data.segments} <= set(range(len(geos)))
        await press(pilot, "left")
        assert chart_of(app).data is not None and chart_of(app).data.year == screen.state.year
        await press(pilot, "g")
        assert screen.state.compare is None
        assert screen.state.row == normal_row
        assert screen.view.rows[screen.state.row].indicator == indicator
        assert {r.geo for r in screen.view.rows} == {"NO"}
        assert screen.state.breakdown == by
        assert not screen.query_one("#scope").display
        assert SCOPE not in screen_text(app)


async def test_compare_refused_with_one_country(dataset: Dataset) -> None:
    app = make_app(screen="ecommerce")  # web sales (Eurostat): other countries only by size
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        await goto(pilot, screen, "eu_e_awsell")
        await press(pilot, "g")
        assert screen.state.compare is None
        messages = [str(n.message) for n in app._notifications]
        assert any("only one country" in m and "Size class" in m for m in messages), messages


async def test_compare_refused_for_ssb_indicator(dataset: Dataset) -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "down")  # Sales via own website: an SSB figure
        screen = theme_screen(app)
        loads = table_of(app).loads
        await press(pilot, "g")
        assert screen.state.compare is None
        assert table_of(app).loads == loads
        messages = [str(n.message) for n in app._notifications]
        assert any("Sales via own website is an SSB figure" in m for m in messages), messages
        await press(pilot, "2", "g")  # Formal policy for social media use: SSB as well
        assert theme_screen(app).state.compare is None


async def test_compare_by_size_class_and_leaving_with_escape(dataset: Dataset) -> None:
    app = make_app(screen="policy", by="size")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        group = screen.view.rows[0].group
        await press(pilot, "g")
        assert screen.state.compare is not None
        assert {r.group for r in screen.view.rows} == {group}
        assert_only_eurostat(dataset, screen)
        await press(pilot, "b")  # no breakdown change while comparing
        assert screen.state.breakdown == "size" and screen.state.compare is not None
        await press(pilot, "escape")
        assert screen.state.compare is None and app.is_running


async def test_compare_export_and_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    copied: list[str] = []
    app = make_app(screen="ecommerce", year=2012, by="size")
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        await goto(pilot, screen, "eu_e_awsell")
        await press(pilot, "g", "down", "e", "y")
    out = tmp_path / "ikt-ecommerce-compare-eu_e_awsell-10-49.csv"
    text = out.read_text(encoding="utf-8")
    assert ",SE," in text and ",NO," in text and "ec_sales_web" not in text
    assert copied and copied[0].startswith("Web sales (Eurostat), Sweden 2012: ")
    assert "https://doi.org/10.2908/ISOC_EC_ESELS" in copied[0]
