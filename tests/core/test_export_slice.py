"""Exporting a table never overwrites a file and writes the figures exactly as published."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from tui.core import load_dataset
from tui.core.export import export_stem, write_slice_csv
from tui.core.records import FIGURE_KEYS


def test_stem_names_theme_breakdown_and_country() -> None:
    assert export_stem("ecommerce", "total", "NO") == "ikt-ecommerce-total-NO"
    assert export_stem("social_media", "size", "NO") == "ikt-social-media-size-NO"


def test_new_name_each_time_and_existing_files_untouched(tmp_path: Path) -> None:
    dataset = load_dataset()
    table = dataset.slice("ecommerce", "total", "NO")
    (tmp_path / "ikt-ecommerce-total-NO-2.csv").write_text("someone else's\n")
    first = write_slice_csv(dataset, table, tmp_path, "ikt-ecommerce-total-NO", "en")
    second = write_slice_csv(dataset, table, tmp_path, "ikt-ecommerce-total-NO", "en")
    third = write_slice_csv(dataset, table, tmp_path, "ikt-ecommerce-total-NO", "en")
    assert [p.name for p in (first, second, third)] == [
        "ikt-ecommerce-total-NO.csv",
        "ikt-ecommerce-total-NO-3.csv",
        "ikt-ecommerce-total-NO-4.csv",
    ]
    assert (tmp_path / "ikt-ecommerce-total-NO-2.csv").read_text() == "someone else's\n"
    assert first.read_bytes() == third.read_bytes()


def test_rows_are_the_figures_as_published(tmp_path: Path) -> None:
    dataset = load_dataset()
    table = dataset.slice("policy", "size", "NO")
    path = write_slice_csv(dataset, table, tmp_path, "x", "nb")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == FIGURE_KEYS
    assert len(rows) == len(table.cells)
    missing = [r for r in rows if not r["value"]]
    assert all(r["status"] for r in missing)  # a missing value keeps its symbol, never 0
    figure = next(iter(table.cells.values()))
    first = rows[0]
    assert (first["indicator"], first["value"]) == (figure.indicator, figure.value_text)
    assert first["source_url"] == dataset.sources[figure.source_id].url


def test_refuses_when_directory_is_missing(tmp_path: Path) -> None:
    dataset = load_dataset()
    with pytest.raises(OSError):
        write_slice_csv(dataset, dataset.slice("ecommerce"), tmp_path / "absent", "x")
    assert not os.path.exists(tmp_path / "absent")
