"""Every geography of a table within reach: `G` chooses one (thousands, filtered as one types),
`g` compares a file's geographies whoever published it; read off the screen, cell by cell."""

from __future__ import annotations

import json
from pathlib import Path

from tests.app.test_app_periods import (
    PERIODS,
    TABLES,
    cell_matches,
    check_cells,
    rows_of,
    screen_of,
    shown_table,
)
from tests.helpers.many_geos import geographies_jsonstat
from tests.helpers.screen_oracle import Explorer, open_explorer, open_file_explorer
from tui.app.screens.geo import GeoScreen
from tui.app.widgets.choice_list import ChoiceList
from tui.cli.data import file_dataset
from tui.core.dataset import Dataset

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
SIZE = (100, 30)
COUNTIES = 3000


async def type_text(explorer: Explorer, text: str) -> None:
    for char in text:
        await explorer.press(char)


def counties(tmp_path: Path) -> tuple[Dataset, dict[str, object]]:
    doc = geographies_jsonstat(COUNTIES)
    path = tmp_path / "counties.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return file_dataset(str(path)), doc


async def test_g_chooses_a_region_and_the_table_shows_its_figures() -> None:
    name = "px_half_year.px"  # Oslo (0301) and Tromsø (1902)
    periods = TABLES[name][2]
    dataset = file_dataset(str(PERIODS / name))
    async with open_file_explorer(dataset, SIZE) as explorer:
        assert screen_of(explorer).state.geo == "0301"
        await explorer.press("left")  # 1997H1: the chosen period stays when the region changes
        await explorer.press("G")
        assert isinstance(explorer.app.screen, GeoScreen)
        await type_text(explorer, "trom")
        screen = await explorer.press("enter")
        assert screen_of(explorer).state.geo == "1902"
        title = " ".join(line.strip() for line in screen.lines[:2])  # it may wrap
        assert " · Tromsø · " in title and "1997H1 (half-yearly)" in title
        rows = rows_of(explorer)
        assert rows and all(row.geo == "1902" for row in rows)
        table = shown_table(screen, periods)
        assert check_cells(dataset, screen, table, rows) == len(table.ends) * len(rows)
        # Esc leaves the region as it was
        await explorer.press("G")
        await type_text(explorer, "oslo")
        screen = await explorer.press("escape")
        title = " ".join(line.strip() for line in screen.lines[:2])
        assert screen_of(explorer).state.geo == "1902" and " · Tromsø · " in title


async def test_g_among_three_thousand_regions_filters_and_draws_only_what_shows(
    tmp_path: Path,
) -> None:
    dataset, doc = counties(tmp_path)
    codes = doc["dimension"]["county"]["category"]["index"]  # type: ignore[index]
    async with open_file_explorer(dataset, SIZE) as explorer:
        screen = await explorer.press("G")
        chooser = explorer.app.screen
        assert isinstance(chooser, GeoScreen)
        listing = chooser.query_one(ChoiceList)
        assert len(listing.shown) == COUNTIES and f"{COUNTIES} of {COUNTIES}" in "\n".join(
            screen.lines
        )
        drawn: list[int] = []
        draw = listing.render_line

        def counted(y: int):  # type: ignore[no-untyped-def]
            drawn.append(y)
            return draw(y)

        listing.render_line = counted  # type: ignore[method-assign]
        listing.refresh()
        await explorer.press("pagedown")
        assert drawn and max(drawn) < listing.size.height  # only the lines on screen
        await type_text(explorer, "03000")
        assert [codes[i] for i in listing.shown] == ["03000"]
        screen = await explorer.press("enter")
        assert screen_of(explorer).state.geo == "03000"
        at = codes.index("03000")
        values = doc["value"]  # type: ignore[index]
        row = rows_of(explorer)[0]
        table = shown_table(screen, ["2022", "2023"])
        for column, period in enumerate(("2022", "2023")):
            text = table.cell(screen, 0, period)
            figure = dataset.figure_at(row.indicator, period, row.group, "03000")
            assert cell_matches(text, figure)
            assert figure is not None and figure.value == values[at * 2 + column]  # type: ignore[index]


async def test_lowercase_g_compares_a_files_regions_by_period() -> None:
    name = "px_half_year.px"  # published by SSB: a file's regions compare all the same
    periods = TABLES[name][2]
    dataset = file_dataset(str(PERIODS / name))
    async with open_file_explorer(dataset, SIZE) as explorer:
        screen = await explorer.press("g")
        state = screen_of(explorer).state
        assert state.comparing, "\n".join(screen.lines)
        rows = rows_of(explorer)
        assert [row.geo for row in rows] == ["0301", "1902"]
        table = shown_table(screen, periods)
        assert check_cells(dataset, screen, table, rows) == len(table.ends) * 2
        assert "Eurostat" not in "\n".join(screen.lines[:3])  # its scope is Eurostat's only


async def test_lowercase_g_compares_a_eurostat_file() -> None:
    dataset = file_dataset(str(FORMATS / "estat_bulk_flavour.tsv"))
    async with open_file_explorer(dataset, SIZE) as explorer:
        screen = await explorer.press("g")
        text = "\n".join(screen.lines)
        assert "SSB" not in text
        assert screen_of(explorer).state.comparing, text
        rows = rows_of(explorer)
        assert [row.geo for row in rows] == ["NO", "SE"]
        years = [str(y) for y in screen_of(explorer).view.years]
        table = shown_table(screen, years)
        assert table.ends
        assert check_cells(dataset, screen, table, rows) == len(table.ends) * 2


async def test_the_embedded_data_still_compares_only_eurostat_figures() -> None:
    async with open_explorer("ecommerce", "total", SIZE) as explorer:
        screen = await explorer.press("g")  # ec_sales_web, SSB's: refused as before
        assert not screen_of(explorer).state.comparing
        assert "SSB" in "\n".join(screen.lines)
