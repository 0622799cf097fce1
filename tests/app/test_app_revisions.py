"""The explorer after `ikt update`: a revised figure says so with both values, on the source line
and in `s`, and measures no screen fits have a screen of their table's own."""

from __future__ import annotations

from decimal import Decimal

from tests.helpers.app_pilot import make_app, press, screen_text, settle, theme_screen
from tests.helpers.ssb_server import SsbServer, answer_at
from tui.app.screens.sources import SourcesScreen
from tui.app.widgets.text_line import TextLine
from tui.core import load_dataset
from tui.core.cache import read_entry
from tui.core.dataset import Dataset
from tui.core.model import THEMES
from tui.core.refresh import update_tables, with_cached_tables

CELL_2014 = {"NACE2007": "Total-K", "SyssGrpIKT": "00", "ContentsCode": "EhandelAll", "Tid": "2014"}


def fetched(ssb_api: SsbServer, tables: tuple[str, ...]) -> tuple[Dataset, str]:
    """The snapshot with the stand-in's tables, as the explorer opens it, and the fetch day."""
    base = load_dataset()
    assert all(r.ok for r in update_tables(tables, "no", ssb_api.base_url, embedded=base))
    merged, notes = with_cached_tables(base, "en")
    assert notes == []
    entry = read_entry(f"ssb-{tables[0]}-no.json")
    assert entry is not None
    return merged, entry.fetched_at[:10]


async def test_the_source_line_and_s_give_both_values_of_a_revised_figure(
    ssb_api: SsbServer,
) -> None:
    dataset, day = fetched(ssb_api, ("10974",))
    new_value, _status = answer_at("10974", CELL_2014)
    embedded = load_dataset().figure("ec_any", 2014)
    assert embedded is not None and embedded.exact == Decimal("66")
    said = f"revised: 66 → {new_value} (SSB API, fetched {day})"
    app = make_app(dataset, screen="ecommerce", year=2014)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        rows = [row.indicator for row in screen.view.rows]
        for indicator in ("ssb10974:EhandelAll", "ec_any"):  # the fetched row and the snapshot's
            while screen.state.row != rows.index(indicator):
                await press(pilot, "down" if screen.state.row < rows.index(indicator) else "up")
            line = screen.query_one("#source", TextLine)
            assert said in line.text, line.text
            # it fits: all of it is on the screen, above the key line
            assert line.region.bottom <= screen.query_one("#keys").region.y
            shown = " ".join(screen_text(app).splitlines()[line.region.y : line.region.bottom])
            assert " ".join(line.text.split()) == " ".join(shown.split())
            await press(pilot, "s")
            assert isinstance(app.screen, SourcesScreen)
            assert said in app.screen.text.plain.splitlines()[1]
            await press(pilot, "escape")


async def test_an_unchanged_figure_says_nothing_of_a_revision(ssb_api: SsbServer) -> None:
    dataset, _day = fetched(ssb_api, ("10974",))
    app = make_app(dataset, screen="ecommerce", year=2013)  # 55 in both
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        rows = [row.indicator for row in screen.view.rows]
        while screen.state.row != rows.index("ec_any"):
            await press(pilot, "down")
        assert "revised" not in screen.query_one("#source", TextLine).text


async def test_measures_no_screen_fits_are_on_their_tables_own_screen(ssb_api: SsbServer) -> None:
    dataset, _day = fetched(ssb_api, ("11307",))
    apart = "not_placed_11307"
    on_it = {f.indicator for f in dataset.figures if f.theme == apart}
    assert on_it == {"ssb11307:BetaltRekl"}  # "Paid advertising on the internet": no screen's words
    social = {f.indicator for f in dataset.figures if f.theme == "social_media"}
    assert "ssb11307:ReklSosMed" in social and "ssb11307:BetaltRekl" not in social
    assert not any(
        f.indicator == "ssb11307:BetaltRekl" for f in dataset.figures if f.theme in THEMES
    )
    app = make_app(dataset, screen="ecommerce", year=2014)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.themes == [*THEMES, apart]
        await press(pilot, "tab")  # after the three screens
        screen = theme_screen(app)
        assert screen.state.theme == apart
        text = screen_text(app)
        assert text.splitlines()[0].startswith(" SSB table 11307: not placed · 2014")
        assert "Betalt reklame på internett (API)" in text
