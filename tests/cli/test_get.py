"""`ikt get`: one indicator's figures with status, unit, base and source, in every format."""

from __future__ import annotations

from decimal import Decimal

from tests.helpers.cli import Run, read_csv, read_json, read_markdown, read_plain
from tui.core.dataset import Dataset
from tui.core.numbers import format_value
from tui.core.records import FIGURE_KEYS


def test_table_every_year(run: Run, dataset: Dataset) -> None:
    result = run("get", "ec_sales_web")
    assert result.code == 0 and result.err == ""
    assert (
        result.out.splitlines()[0]
        == "Sales via own website (ec_sales_web): Norway, All enterprises"
    )
    rows = read_plain(result.out)
    assert rows[0] == ["Year", "Survey year", "Value", "Status", "Base population", "Source"]
    series = dataset.series("ec_sales_web")
    assert [r[0] for r in rows[1:]] == [str(f.ref_year) for f in series]
    assert [r[1] for r in rows[1:]] == [str(f.survey_year) for f in series]
    assert [r[2] for r in rows[1:]] == [format_value(f, "en") for f in series]
    assert {r[4] for r in rows[1:]} == {"All enterprises with at least 10 employees"}
    source = dataset.sources[series[0].source_id]
    assert f"{source.source_id}: {source.publisher}" in result.out
    assert source.url in result.out


def test_json_one_year(run: Run, dataset: Dataset) -> None:
    result = run("get", "ec_sales_web", "--year", "2012", "--format", "json")
    assert result.code == 0
    figure = dataset.figure("ec_sales_web", 2012)
    assert figure is not None
    assert read_json(result.out) == [
        {
            "theme": "ecommerce",
            "indicator": "ec_sales_web",
            "label": "Sales via own website",
            "geo": "NO",
            "breakdown": "total",
            "group": "total",
            "year": 2012,
            "survey_year": 2013,
            "value": 25,
            "status": "",
            "unit": "percent",
            "base": "ssb_10plus",
            "source_id": figure.source_id,
            "source_url": dataset.sources[figure.source_id].url,
        }
    ]


def test_csv_and_markdown(run: Run, dataset: Dataset) -> None:
    rows = read_csv(run("get", "eu_e_esell", "--format", "csv").out)
    series = dataset.series("eu_e_esell")
    assert list(rows[0]) == list(FIGURE_KEYS)
    assert [(r["year"], r["value"], r["status"]) for r in rows] == [
        (str(f.ref_year), f.value_text, f.status) for f in series
    ]
    table = read_markdown(run("get", "eu_e_esell", "--format", "markdown", "--lang", "nb").out)
    assert table[0][:2] == ["År", "Undersøkelsesår"]
    assert [r[2] for r in table[1:]] == [format_value(f, "nb") for f in series]
    assert any("," in r[2] for r in table[1:])  # decimal comma in bokmål


def test_missing_figure_keeps_its_symbol(run: Run, dataset: Dataset) -> None:
    figure = dataset.figure("eu_e_aesell", 2010, "total", "IS")
    assert figure is not None and figure.missing
    record = read_json(
        run("get", "eu_e_aesell", "--geo", "IS", "--year", "2010", "--format", "json").out
    )[0]
    assert record["value"] is None and record["status"] == figure.status
    row = read_csv(
        run("get", "eu_e_aesell", "--geo", "IS", "--year", "2010", "--format", "csv").out
    )[0]
    assert row["value"] == "" and row["status"] == figure.status
    line = read_plain(run("get", "eu_e_aesell", "--geo", "IS", "--year", "2010").out)[1]
    status_label = dataset.labels.get("status", figure.status, "en")
    assert figure.status in line and f"{figure.status} {status_label}" in line
    assert "0" not in line[2]


def test_values_are_exact_in_json(run: Run, dataset: Dataset) -> None:
    records = read_json(
        run("get", "eu_turnover_share", "--geo", "NO,SE,DK,FI,IS,EU27_2020", "--format", "json").out
    )
    figures = {
        (f.geo, f.ref_year): f
        for geo in ("NO", "SE", "DK", "FI", "IS", "EU27_2020")
        for f in dataset.series("eu_turnover_share", "total", geo)
    }
    assert len(records) == len(figures)
    for record in records:
        figure = figures[(str(record["geo"]), int(str(record["year"])))]
        if figure.missing:
            assert record["value"] is None
        else:
            assert Decimal(str(record["value"])) == Decimal(figure.value_text)


def test_several_countries(run: Run, dataset: Dataset) -> None:
    result = run("get", "eu_e_esell", "--group", "10-49", "--geo", "NO,SE,DK", "--year", "2015")
    assert result.code == 0
    # the base of the size class asked for, not that of all enterprises with 10+ employed
    assert "Scope: Enterprises, 10-49 employed, excluding the financial sector" in result.out
    rows = read_plain(result.out)
    assert rows[0][:2] == ["Year", "Country"]
    assert [r[1] for r in rows[1:]] == ["Norway", "Sweden", "Denmark"]
    for row, geo in zip(rows[1:], ("NO", "SE", "DK"), strict=True):
        figure = dataset.figure("eu_e_esell", 2015, "10-49", geo)
        assert figure is not None
        assert format_value(figure, "en") in row


def test_ssb_figures_are_not_compared(run: Run) -> None:
    result = run("get", "ec_any", "--geo", "NO,SE", "--format", "csv")
    assert result.code == 0
    assert "SSB figures are not compared across countries" in result.err
    assert {r["geo"] for r in read_csv(result.out)} == {"NO"}


def test_disagreeing_source_is_named(run: Run, dataset: Dataset) -> None:
    figure = dataset.figure("sm_type_social_networks", 2013)
    assert figure is not None and figure.disagreeing
    source, value = figure.disagreeing[0]
    out = run("get", "sm_type_social_networks", "--year", "2013").out
    assert f"2013: {source} gives {value}" in out


def test_indicator_case_and_group_defaults(run: Run) -> None:
    result = run("get", "EC_SALES_WEB", "--year", "2011", "--format", "csv")
    assert result.code == 0
    assert read_csv(result.out)[0]["group"] == "total"
