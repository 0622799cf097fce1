"""Fetched SSB tables land on the right screens beside the embedded data, and survive offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.ssb_server import SsbServer
from tui.core import load_dataset
from tui.core.refresh import theme_for, update_summary, update_tables, with_cached_tables


def test_measures_are_placed_by_label_not_position() -> None:
    assert theme_for("Foretak som bruker sosiale medier", "") == "social_media"
    assert theme_for("Har mottatt bestillinger via EDI", "") == "ecommerce"
    assert theme_for("Har dokumenter om IKT-sikkerhet", "") == "policy"
    assert theme_for("Foretak med høy digital intensitet", "Tabell 10974") is None


def test_update_then_explorer_data_shows_fetched_figures(ssb_api: SsbServer) -> None:
    results = update_tables(("10974",), "no", ssb_api.base_url)
    assert [r.ok for r in results] == [True], results
    assert "ecommerce" in results[0].message  # 10974 is SSB's e-commerce table
    base = load_dataset()
    merged, notes = with_cached_tables(base, "nb", ("10974",))
    assert notes == []
    assert merged.origin.startswith("SSB API, fetched ")
    fetched = [f for f in merged.figures if f.series == "ssb_api"]
    assert fetched and {f.theme for f in fetched} == {"ecommerce"}
    assert merged.theme_indicators("ecommerce")[0].startswith("ssb10974:")
    # the embedded figures are all still there
    assert len(merged.figures) == len(base.figures) + len(fetched)
    assert any(f.missing and f.status in ("..", ":") for f in fetched)


def test_without_network_the_cache_or_snapshot_still_serves(
    ssb_api: SsbServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    update_tables(("10974",), "no", ssb_api.base_url)
    monkeypatch.setenv("IKT_SSB_API_URL", "http://127.0.0.1:9/api/pxwebapi/v2")
    failed = update_tables(("10974",), "no", "http://127.0.0.1:9/api/pxwebapi/v2")
    assert not failed[0].ok and "\n" not in failed[0].message
    assert not failed[0].unknown_table
    merged, _notes = with_cached_tables(load_dataset(), "nb", ("10974",))
    assert any(f.series == "ssb_api" for f in merged.figures)


def test_a_corrupt_cache_entry_is_reported_and_ignored(ssb_api: SsbServer, tmp_path: Path) -> None:
    update_tables(("10974",), "no", ssb_api.base_url)
    entry = tmp_path / "cache" / "ssb-10974-no.json"
    entry.write_bytes(entry.read_bytes()[:100])
    base = load_dataset()
    merged, notes = with_cached_tables(base, "nb", ("10974",))
    assert len(merged.figures) == len(base.figures)
    assert len(notes) == 1 and "corrupt cache entry" in notes[0]


def test_update_of_the_stand_in_places_every_measure(ssb_api: SsbServer) -> None:
    results = update_tables(("10974",), "no", ssb_api.base_url)
    assert results[0].ok and results[0].not_placed == ()
    assert "not placed" not in results[0].message


def test_ssb_groups_become_the_catalogues_size_classes_and_totals(ssb_api: SsbServer) -> None:
    update_tables(("10974",), "no", ssb_api.base_url)
    merged, _notes = with_cached_tables(load_dataset(), "nb", ("10974",))
    fetched = [f for f in merged.figures if f.series == "ssb_api"]
    by_size = {f.group for f in fetched if f.breakdown == "size"}
    assert by_size == {"10-19", "20-49", "50-99", "100+"}  # 00 is the total, no 250+ at SSB
    by_industry = {f.group for f in fetched if f.breakdown == "industry"}
    assert {"Total+K", "10-39", "47"} <= by_industry  # with finance: a group of its own
    assert "Total-K" not in by_industry and "10-19 47" in by_industry
    totals = [f for f in fetched if f.breakdown == "total"]
    assert totals and {f.group for f in totals} == {"total"}
    # Total-K (without finance) is the total, whichever of the two totals comes first
    assert len(totals) == 2 * 4  # two measures, four years
    assert merged.labels.get("group", "Total+K", "en") == "All industries incl. finance (Total+K)"
    assert merged.labels.get("group", "10-19", "nb") == "10-19 sysselsatte"
    assert {f.unit for f in fetched} == {"percent"}


def test_english_per_cent_is_percent(ssb_api: SsbServer) -> None:
    results = update_tables(("10974",), "en", ssb_api.base_url)
    assert results[0].ok, results
    merged, _notes = with_cached_tables(load_dataset(), "en", ("10974",))
    fetched = [f for f in merged.figures if f.series == "ssb_api"]
    assert fetched and {f.unit for f in fetched} == {"percent"}


def test_social_media_types_stay_on_the_social_media_screen(ssb_api: SsbServer) -> None:
    for lang in ("no", "en"):
        results = update_tables(("10977",), lang, ssb_api.base_url)
        assert results[0].ok and "social_media" in results[0].message, results
        assert "ecommerce" not in results[0].message  # "multimedia" holds no "edi"


def test_an_unknown_table_is_one_line_naming_it(ssb_api: SsbServer) -> None:
    results = update_tables(("99999",), "no", ssb_api.base_url)
    assert not results[0].ok and results[0].unknown_table
    assert results[0].message.startswith("SSB has no table 99999: 404 from ")
    assert "\n" not in results[0].message


def test_update_counts_new_revised_and_unchanged_figures_and_keeps_both(
    ssb_api: SsbServer,
) -> None:
    base = load_dataset()
    results = update_tables(("10974",), "no", ssb_api.base_url, embedded=base)
    counts = results[0].revisions
    # the stand-in prints ec_any's 10+ total as the snapshot does for 2013 (55) and 2015 (57);
    # it differs for 2012 ('..' against 58), 2014 (against 66) and ec_edi 2012 (against 7)
    assert (counts.new, counts.revised, counts.unchanged) == (155, 3, 2), counts
    assert update_summary(results) == "155 new, 3 revised, 2 unchanged figures"
    merged, _notes = with_cached_tables(base, "nb", ("10974",))
    both = [
        f
        for f in merged.figures
        if f.ref_year == 2014
        and f.group == "total"
        and f.indicator in ("ec_any", "ssb10974:EhandelAll")
    ]
    assert sorted(f.series for f in both) == ["ssb", "ssb_api"]  # revised: both are kept
