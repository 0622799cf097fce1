"""The keys that open dialogs or act on the selected figure: sources, jump, export, copy, help."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from textual.binding import Binding

from tests.helpers.app_pilot import (
    chart_of,
    make_app,
    press,
    settle,
    table_of,
    theme_screen,
)
from tui.app.app import IktApp
from tui.app.keys import offered_on
from tui.app.screens.help import HelpScreen
from tui.app.screens.jump import JumpScreen
from tui.app.screens.sources import SourcesScreen
from tui.app.screens.theme import ThemeScreen
from tui.core import Dataset


async def test_sources_key_opens_details_of_selected_figure(dataset: Dataset) -> None:
    app = make_app(screen="social_media", year=2013)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "down")  # social networks 2013: 45, disagreed with by 44
        await press(pilot, "s")
        assert isinstance(app.screen, SourcesScreen)
        figure = app.screen.figure
        assert (figure.indicator, figure.ref_year) == ("sm_type_social_networks", 2013)
        text = app.screen.text.plain
        for role, source, other in dataset.sources_of(figure):
            assert source.url in text
            assert f"- {role}" in text
            if other is not None:
                assert f"disagreeing (gives {other})" in text
        assert "Survey year: 2013" in text and "January of the survey year" in text
        await press(pilot, "escape")
        assert isinstance(app.screen, ThemeScreen)
        await press(pilot, "s", "q")
        assert isinstance(app.screen, ThemeScreen)


async def test_sources_of_an_empty_cell_is_refused() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "down", "s")  # web sales has no 2015 figure
        assert isinstance(app.screen, ThemeScreen)
        assert any("No figure" in str(n.message) for n in app._notifications)


async def test_jump_to_category_and_year() -> None:
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = theme_screen(app)
        await press(pilot, "slash")
        assert isinstance(app.screen, JumpScreen)
        await press(pilot, *"own web", "enter")
        assert screen.state.row == 1 and table_of(app).row == 1
        await press(pilot, "slash", *"2012", "enter")
        assert screen.state.year == 2012
        data = chart_of(app).data
        assert data is not None and data.year == 2012
        await press(pilot, "slash", *"1999", "enter")
        assert screen.state.year == 2012
        await press(pilot, "slash", *"no such thing", "enter")
        assert screen.state.row == 1
        await press(pilot, "slash", "q", "escape")
        assert isinstance(app.screen, ThemeScreen) and screen.state.row == 1


async def test_export_writes_new_files_never_overwriting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    existing = tmp_path / "ikt-ecommerce-total-NO.csv"
    existing.write_text("keep me\n")
    app = make_app(screen="ecommerce")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "e")
        await press(pilot, "e")
    assert existing.read_text() == "keep me\n"
    second, third = (
        tmp_path / "ikt-ecommerce-total-NO-2.csv",
        tmp_path / "ikt-ecommerce-total-NO-3.csv",
    )
    assert second.exists() and third.exists()
    with second.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"ec_sales_web", "eu_e_awsell"} <= {r["indicator"] for r in rows}
    web_2012 = [r for r in rows if r["indicator"] == "ec_sales_web" and r["year"] == "2012"]
    assert web_2012[0]["value"] == "25"
    assert second.read_bytes() == third.read_bytes()


async def test_copy_key_copies_figure_with_source(
    monkeypatch: pytest.MonkeyPatch, dataset: Dataset
) -> None:
    copied: list[str] = []
    monkeypatch.setattr(IktApp, "copy_to_clipboard", lambda self, text: copied.append(text))
    app = make_app(screen="ecommerce", year=2012)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "down", "y")
    source = dataset.sources["digi-2013"]
    assert copied == [
        f"Sales via own website 2012: 25% ({source.publisher}, {source.title}, {source.url})"
    ]


async def test_help_lists_every_offered_key_once_with_the_screens_and_marks() -> None:
    app = make_app(screen="policy")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text()
        lines = [line.strip() for line in text.splitlines()]
        below = theme_screen_below(app)
        for binding in Binding.make_bindings([*ThemeScreen.BINDINGS, *IktApp.BINDINGS]):
            assert binding.id and binding.description
            shown = app.get_key_display(binding)
            rows = [row for row in lines if "  " in row and shown in row.split("  ")[0].split()]
            if offered_on(below, binding):
                assert len(rows) == 1, (shown, rows)  # each key once
                assert rows[0].endswith(app.describe_key(binding)), rows[0]
            else:  # the first policy row is an SSB figure: nothing to compare, g is not offered
                assert binding.action == "compare" and not rows, rows
        assert "← h" in text
        for key, name in (("1", "Social media"), ("2", "Policy"), ("3", "E-commerce")):
            assert re.search(rf"^{key} +{name}$", text, re.MULTILINE), name
        assert "Screen 1" not in text and text.count("esc") == 1
        for mark, meaning in (("*", "other series, base or unit"), ("b", "Break in time series")):
            assert f"{mark} {meaning}" in text
        for symbol in ("u", ">", "..", ":", "."):
            assert f"   {symbol} " in text, symbol
        await press(pilot, "q")
        assert isinstance(app.screen, ThemeScreen)


def theme_screen_below(app: IktApp) -> ThemeScreen:
    """The theme screen under a dialog."""
    below = app.screen_stack[-2]
    assert isinstance(below, ThemeScreen)
    return below


def test_no_ctrl_keys_and_every_binding_has_id_and_description() -> None:
    from tui.app.screens.jump import JumpScreen

    for binding in [
        *ThemeScreen.BINDINGS,
        *IktApp.BINDINGS,
        *SourcesScreen.BINDINGS,
        *HelpScreen.BINDINGS,
        *JumpScreen.BINDINGS,
    ]:
        assert isinstance(binding, Binding)
        assert binding.id and binding.description
        assert "ctrl" not in binding.key
