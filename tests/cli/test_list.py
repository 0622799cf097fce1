"""`ikt list`: the themes, and a theme's indicators, in every format, checked against the data."""

from __future__ import annotations

import pytest

from tests.helpers.cli import Run, read_csv, read_json, read_markdown, read_plain
from tui.cli.resolve import span
from tui.core.dataset import Dataset


def theme_words(dataset: Dataset) -> list[str]:
    return [t.replace("_", "-") for t in dataset.themes()]


def test_themes_table(run: Run, dataset: Dataset) -> None:
    result = run("list")
    assert result.code == 0 and result.err == ""
    rows = read_plain(result.out)
    assert rows[0] == ["Theme", "Name", "Indicators", "Years"]
    expected = [
        [
            t.replace("_", "-"),
            dataset.labels.get("theme", t, "en"),
            str(len(dataset.theme_indicators(t))),
            span(dataset.years(theme=t)),
        ]
        for t in dataset.themes()
    ]
    assert rows[1:] == expected
    assert [r[0] for r in rows[1:]] == ["social-media", "policy", "ecommerce"]


def test_themes_json_and_csv(run: Run, dataset: Dataset) -> None:
    records = read_json(run("list", "--format", "json").out)
    assert [r["theme"] for r in records] == dataset.themes()
    for record in records:
        theme = str(record["theme"])
        assert list(record) == ["theme", "label", "indicators", "years"]
        assert record["indicators"] == len(dataset.theme_indicators(theme))
        assert record["years"] == dataset.years(theme=theme)
    rows = read_csv(run("list", "--format", "csv").out)
    assert [r["theme"] for r in rows] == dataset.themes()
    assert rows[2]["years"] == ";".join(map(str, dataset.years(theme="ecommerce")))


def test_themes_in_bokmal(run: Run, dataset: Dataset) -> None:
    rows = read_markdown(run("list", "--lang", "nb", "--format", "markdown").out)
    assert rows[0] == ["Tema", "Navn", "Indikatorer", "År"]
    assert [r[1] for r in rows[1:]] == [
        dataset.labels.get("theme", t, "nb") for t in dataset.themes()
    ]


@pytest.mark.parametrize("word", ["ecommerce", "social-media", "social_media", "Policy"])
def test_theme_indicators_table(run: Run, dataset: Dataset, word: str) -> None:
    theme = word.lower().replace("-", "_")
    result = run("list", word)
    assert result.code == 0
    rows = read_plain(result.out)
    assert rows[0] == ["Id", "Indicator", "Years", "Sources"]
    assert [r[0] for r in rows[1:]] == dataset.theme_indicators(theme)
    for row in rows[1:]:
        indicator = row[0]
        assert row[1] == dataset.labels.get("indicator", indicator, "en")
        assert row[2] == span(dataset.years(indicator=indicator))
        publishers = {
            dataset.sources[f.source_id].publisher
            for f in dataset.figures
            if f.indicator == indicator
        }
        assert set(row[3].split(", ")) == publishers


def test_theme_indicators_json(run: Run, dataset: Dataset) -> None:
    records = read_json(run("list", "policy", "--format", "json").out)
    assert [r["indicator"] for r in records] == dataset.theme_indicators("policy")
    by_id = {r["indicator"]: r for r in records}
    assert by_id["eu_e_secpol2"]["publisher"] == "eurostat"
    assert by_id["policy_social_media_formal"]["publisher"] == "ssb"
    assert by_id["policy_social_media_formal"]["years"] == [2013]
    assert all(
        list(r) == ["theme", "indicator", "label", "publisher", "years", "sources"] for r in records
    )
