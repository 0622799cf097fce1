"""Fetched SSB tables land on the right screens beside the embedded data, and survive offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.ssb_server import SsbServer
from tui.core import load_dataset
from tui.core.refresh import theme_for, update_tables, with_cached_tables


def test_measures_are_placed_by_label_not_position() -> None:
    assert theme_for("Foretak som bruker sosiale medier", "") == "social_media"
    assert theme_for("Har mottatt bestillinger via EDI", "") == "ecommerce"
    assert theme_for("Har dokumenter om IKT-sikkerhet", "") == "policy"
    assert theme_for("Foretak med høy digital intensitet", "Tabell 10974") is None


def test_update_then_explorer_data_shows_fetched_figures(ssb_api: SsbServer) -> None:
    results = update_tables(("10974",), "no", ssb_api.base_url)
    assert [r.ok for r in results] == [True], results
    assert "social_media" in results[0].message
    base = load_dataset()
    merged, notes = with_cached_tables(base, "nb", ("10974",))
    assert notes == []
    assert merged.origin.startswith("SSB API, fetched ")
    fetched = [f for f in merged.figures if f.series == "ssb_api"]
    assert fetched and {f.theme for f in fetched} == {"social_media"}
    assert merged.theme_indicators("social_media")[0].startswith("ssb10974:")
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
