"""The selection rules and what the screen shows, tested without a terminal."""

from __future__ import annotations

from tui.app.present.chart_data import bar_data, chart_data, line_data
from tui.app.present.table import (
    build_table,
    cell_text,
    compare_refusal,
    initial_row_year,
    jump_target,
)
from tui.app.present.text import copy_text, source_line, title_text
from tui.app.state import (
    ViewState,
    default_lang,
    fit_year,
    next_breakdown,
    other_chart,
    other_lang,
    skipped_breakdowns,
    step_index,
    step_year,
)
from tui.core import Dataset, Row


def test_default_lang_follows_lang() -> None:
    assert default_lang({"LANG": "nb_NO.UTF-8"}) == "nb"
    assert default_lang({"LANG": "nn_NO.UTF-8"}) == "nb"
    assert default_lang({"LANG": "no_NO"}) == "nb"
    assert default_lang({"LANG": "en_GB.UTF-8"}) == "en"
    assert default_lang({}) == "en"
    assert other_lang("nb") == "en" and other_lang("en") == "nb"
    assert other_chart("bars") == "line" and other_chart("line") == "bars"


def test_steps_stop_at_the_edges() -> None:
    assert step_index(0, -1, 5) == 0 and step_index(4, 1, 5) == 4 and step_index(2, 1, 5) == 3
    assert step_index(0, 1, 0) == 0
    years = (2011, 2012, 2014)
    assert step_year(years, 2012, 1) == 2014 and step_year(years, 2014, 1) == 2014
    assert step_year(years, 2011, -1) == 2011 and step_year((), 2011, 1) is None
    assert fit_year(years, 2013) == 2014 and fit_year(years, 1990) == 2011
    assert fit_year(years, None) == 2014 and fit_year((), 2012) is None


def test_breakdown_cycle_skips_empty_ones() -> None:
    assert next_breakdown("total", ["total", "size", "industry"]) == "size"
    assert next_breakdown("industry", ["total", "size", "industry"]) == "total"
    assert next_breakdown("size", ["total", "size"]) == "total"
    assert skipped_breakdowns("size", "total") == ["industry"]
    assert skipped_breakdowns("total", "size") == []


def test_table_cells_show_symbols_and_marks(dataset: Dataset) -> None:
    state = ViewState(theme="policy", breakdown="size", lang="nb")
    view = build_table(dataset, state)
    assert view.groups is not None and len(set(view.groups)) > 1
    compared = build_table(
        dataset, ViewState(theme="policy", lang="nb", compare=Row("eu_e_secpol2", "total", "NO"))
    )
    eu28 = [r.geo for r in compared.rows].index("EU28")
    assert compared.cells[eu28][compared.years.index(2022)] == ":"  # a symbol, never 0
    assert compared.groups is None and compared.comparing
    social = build_table(dataset, ViewState(theme="social_media", lang="en"))
    first = social.cells[0]
    assert first[social.years.index(2013)] == "46% *"  # another series than the latest
    assert first[social.years.index(2015)] == ""  # no figure: empty, not 0


def test_cell_text_formats(dataset: Dataset) -> None:
    figure = dataset.figure("ec_sales_web", 2012)
    assert cell_text(figure, "nb") == "25 %" and cell_text(figure, "en") == "25%"
    assert cell_text(None, "en") == ""
    flagged = next(f for f in dataset.figures if f.status == "b")
    assert cell_text(flagged, "en").endswith(" b")


def test_title_source_and_copy(dataset: Dataset) -> None:
    state = ViewState(theme="ecommerce", lang="en", year=2012, row=1)
    view = build_table(dataset, state)
    assert title_text(dataset, state) == "E-commerce · 2012 · Total · Norway · embedded snapshot"
    assert title_text(dataset, state, ascii_mode=True).startswith("E-commerce | 2012 | Total")
    line = source_line(dataset, view, state)
    assert line.startswith("Sales via own website, 2012: 25% · Source: digi.no 2013")
    assert "-10 pp since 2011" in line
    source = dataset.sources["digi-2013"]
    assert copy_text(dataset, view, state) == (
        f"Sales via own website 2012: 25% ({source.publisher}, {source.title}, {source.url})"
    )
    state.year = 2015
    assert source_line(dataset, view, state).endswith("no figure for this year")
    assert copy_text(dataset, view, state) is None


def test_source_line_disagreement_and_base_change(dataset: Dataset) -> None:
    state = ViewState(theme="social_media", lang="en", year=2013, row=1)
    view = build_table(dataset, state)
    assert "disagrees: 44 (SSB 2017)" in source_line(dataset, view, state)
    marketing = [r.indicator for r in view.rows].index("sm_purpose_marketing")
    state.row, state.year = marketing, 2017
    assert "not comparable: different base population" in source_line(dataset, view, state)
    state.lang = "nb"
    assert "ikke sammenlignbart: annen populasjon" in source_line(dataset, view, state)


def test_jump_targets(dataset: Dataset) -> None:
    view = build_table(dataset, ViewState(theme="ecommerce", lang="en"))
    assert jump_target("own web", view, 0) == ("row", 1)
    assert jump_target("EUROSTAT", view, 0) == (
        "row",
        [r.indicator for r in view.rows].index("eu_e_esell"),
    )
    first = jump_target("eurostat", view, 0)
    assert first is not None and jump_target("eurostat", view, first[1]) != first  # next match
    assert jump_target("2012", view, 0) == ("year", 2012)
    assert jump_target("1999", view, 0) == ("no-year", 1999)
    assert jump_target("zzz", view, 0) is None and jump_target("  ", view, 0) is None


def test_initial_year(dataset: Dataset) -> None:
    view = build_table(dataset, ViewState(theme="ecommerce", lang="en"))
    assert initial_row_year(view, None) == 2015  # latest year with a value for the first row
    assert initial_row_year(view, 2012) == 2012
    assert initial_row_year(view, 1990) == 2015


def test_compare_refusals(dataset: Dataset) -> None:
    assert compare_refusal(dataset, Row("eu_e_secpol2", "total", "NO"), "en") is None
    assert "SSB figure" in (
        compare_refusal(dataset, Row("ec_sales_web", "total", "NO"), "en") or ""
    )
    one = compare_refusal(dataset, Row("eu_e_awsell", "total", "NO"), "en") or ""
    assert "only one country" in one and "Size class" in one
    assert compare_refusal(dataset, Row("eu_e_awsell", "10-49", "NO"), "en") is None


def test_compare_table_has_only_eurostat_figures(dataset: Dataset) -> None:
    state = ViewState(theme="ecommerce", lang="en", compare=Row("eu_turnover_share", "total", "NO"))
    view = build_table(dataset, state)
    assert view.comparing and len(view.rows) > 1
    for figure in view.slice.cells.values():
        assert figure.indicator == "eu_turnover_share" and figure.series != "ssb"
        assert dataset.sources[figure.source_id].publisher.startswith("Eurostat")


def test_bars_keep_missing_and_other_units_without_a_bar(dataset: Dataset) -> None:
    state = ViewState(theme="ecommerce", lang="en", year=2014)
    view = build_table(dataset, state)
    data = bar_data(dataset, view, state)
    drawn = [bar for bar in data.bars if bar.value is not None]
    assert drawn and all(bar.value is not None and bar.value > 0 for bar in drawn)
    turnover = next(bar for bar in data.bars if bar.label == "Turnover from e-commerce sales")
    assert turnover.value is None and turnover.other_key and turnover.text == "NOK 568 bn"
    policy = ViewState(
        theme="policy", lang="en", year=2024, compare=Row("eu_e_secpol2", "total", "NO")
    )
    pview = build_table(dataset, policy)
    pdata = bar_data(dataset, pview, policy)
    symbols = [f for i in range(len(pview.rows)) if (f := pview.figure(i, 2024)) and f.missing]
    assert symbols
    assert [bar.text for bar in pdata.bars if bar.value is None] == [f.status for f in symbols]
    assert len(pdata.bars) == sum(
        1 for i in range(len(pview.rows)) if pview.figure(i, 2024) is not None
    )
    assert [bar.row for bar in pdata.bars] == sorted(bar.row for bar in pdata.bars)


def test_lines_never_join_different_series_or_gaps(dataset: Dataset) -> None:
    state = ViewState(theme="social_media", lang="en", year=2019, chart="line")
    view = build_table(dataset, state)
    data = chart_data(dataset, view, state)  # uses social media: scoreboard 2013-14, SSB 2017-
    assert data.mode == "line" and len(data.lines) == 2
    assert [seg.years for seg in data.segments] == [(2013, 2014), (2017, 2019)]
    assert [seg.line for seg in data.segments] == [0, 1]
    marketing = [r.indicator for r in view.rows].index("sm_purpose_marketing")
    state.row = marketing
    data = line_data(dataset, view, state)  # 2013 and 2015 with a gap in 2014, new base in 2017
    assert [seg.years for seg in data.segments] == [(2013,), (2015,), (2017,)]
    assert {line.name for line in data.lines} == {
        "All enterprises with at least 10 employees",
        "Enterprises using social media (base unclear)",
    }
