"""`ikt show`: the screen's table without the screen, every format read back against the data."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.helpers.cli import Run, read_csv, read_json, read_markdown, read_plain
from tui.core.dataset import Dataset
from tui.core.model import Figure
from tui.core.numbers import format_value
from tui.core.records import FIGURE_KEYS

SCOPE = "Enterprises with 10+ persons employed, excluding the financial sector (Eurostat)"


def cells(
    dataset: Dataset,
    theme: str,
    breakdown: str = "total",
    geo: str = "NO",
    years: tuple[int, int] | None = None,
) -> list[Figure]:
    table = dataset.slice(theme, breakdown, geo, years)
    return [f for row in table.rows for y in table.years if (f := table.get(row, y))]


def key(figure: Figure) -> tuple[str, str, str, int]:
    return (figure.indicator, figure.geo, figure.group, figure.ref_year)


def test_table_is_the_screen_table(run: Run, dataset: Dataset) -> None:
    result = run("show", "ecommerce")
    assert result.code == 0 and result.err == ""
    rows = read_plain(result.out)
    table = dataset.slice("ecommerce")
    assert rows[0] == ["Indicator"] + [str(y) for y in table.years]
    assert len(rows) - 1 == len(table.rows)
    for line, row in zip(rows[1:], table.rows, strict=True):
        assert line[0] == dataset.labels.get("indicator", row.indicator, "en")
        assert line[1:] == [format_value(table.get(row, y), "en") for y in table.years]
    assert "\x1b" not in result.out
    assert result.out.splitlines()[0] == "E-commerce: Norway, Total"


def test_one_year_is_one_column(run: Run, dataset: Dataset) -> None:
    rows = read_plain(run("show", "ecommerce", "--year", "2012").out)
    assert rows[0] == ["Indicator", "2012"]
    by_label = {r[0]: r[1] for r in rows[1:]}
    assert by_label["Sales via own website"] == "25%"
    assert by_label["Carried out e-commerce (sales or purchases)"] == "58%"
    expected = [f for f in cells(dataset, "ecommerce") if f.ref_year == 2012]
    assert len(rows) - 1 == len(expected)


def test_year_range(run: Run, dataset: Dataset) -> None:
    rows = read_plain(run("show", "ecommerce", "--years", "2011-2013").out)
    assert rows[0][1:] == ["2011", "2012", "2013"]
    rows = read_plain(run("show", "ecommerce", "--all-years").out)
    assert rows[0][1:] == [str(y) for y in dataset.slice("ecommerce").years]


def test_csv_is_one_row_per_figure(run: Run, dataset: Dataset) -> None:
    result = run("show", "policy", "--format", "csv")
    rows = read_csv(result.out)
    assert tuple(result.out.split("\r\n", 1)[0].split(",")) == FIGURE_KEYS
    figures = cells(dataset, "policy")
    assert len(rows) == len(figures)
    for row, figure in zip(rows, figures, strict=True):
        assert (row["indicator"], row["geo"], row["group"], int(row["year"])) == key(figure)
        assert row["value"] == figure.value_text  # exact published text, point decimal
        assert row["status"] == figure.status
        assert row["survey_year"] == str(figure.survey_year)
        assert row["source_url"] == dataset.sources[figure.source_id].url


def test_csv_keeps_missing_values_empty_with_status(run: Run, dataset: Dataset) -> None:
    rows = read_csv(run("show", "policy", "--by", "size", "--geo", "EU28", "--format", "csv").out)
    missing = [r for r in rows if r["value"] == ""]
    assert missing, "EU28 has confidential or unavailable figures"
    assert all(r["status"] in {":", "..", ".", ":u", ":c", "-"} for r in missing)
    assert all(r["value"] != "0" for r in missing)


def test_json_records(run: Run, dataset: Dataset) -> None:
    records = read_json(run("show", "ecommerce", "--year", "2012", "--format", "json").out)
    figures = [f for f in cells(dataset, "ecommerce") if f.ref_year == 2012]
    assert len(records) == len(figures)
    for record, figure in zip(records, figures, strict=True):
        assert tuple(record) == FIGURE_KEYS
        assert (record["indicator"], record["geo"], record["group"], record["year"]) == key(figure)
        assert record["theme"] == "ecommerce"
        assert Decimal(str(record["value"])) == Decimal(figure.value_text)
        assert record["label"] == dataset.labels.get("indicator", figure.indicator, "en")


def test_json_value_is_exact_and_null_when_missing(run: Run, dataset: Dataset) -> None:
    records = read_json(run("show", "ecommerce", "--geo", "IS", "--format", "json").out)
    figures = {key(f): f for f in cells(dataset, "ecommerce", geo="IS")}
    assert len(records) == len(figures)
    assert any(r["value"] is None for r in records)
    for record in records:
        figure = figures[
            (str(record["indicator"]), "IS", str(record["group"]), int(str(record["year"])))
        ]
        if figure.missing:
            assert record["value"] is None and record["status"] == figure.status
        else:
            assert isinstance(record["value"], int | float)
            assert Decimal(str(record["value"])) == Decimal(figure.value_text)


def test_markdown_in_bokmal(run: Run, dataset: Dataset) -> None:
    result = run("show", "ecommerce", "--year", "2012", "--format", "markdown", "--lang", "nb")
    rows = read_markdown(result.out)
    assert rows[0] == ["Indikator", "2012"]
    assert "| ---: |" in result.out
    labels = {r[0]: r[1] for r in rows[1:]}
    assert labels["Salg via egne nettsider"] == "25 %"
    assert labels["E-handelssalg (Eurostat)"] == "25,37 %"  # decimal comma


def test_breakdown_by_size_adds_group_column(run: Run, dataset: Dataset) -> None:
    rows = read_plain(run("show", "policy", "--by", "size").out)
    table = dataset.slice("policy", "size")
    assert rows[0][:2] == ["Indicator", "Group"]
    assert [r[1] for r in rows[1:]] == [
        dataset.labels.get("group", row.group, "en") for row in table.rows
    ]


def test_country_comparison(run: Run, dataset: Dataset) -> None:
    result = run("show", "ecommerce", "--geo", "NO,SE,DK,FI,IS", "--year", "2015")
    assert result.code == 0
    assert "SSB figures are not compared across countries" in result.err
    assert SCOPE in result.out
    rows = read_plain(result.out)
    assert rows[0] == ["Indicator", "Country", "2015"]
    labels = {r[0] for r in rows[1:]}
    assert all(label.endswith("(Eurostat)") for label in labels)
    countries = [
        r[1] for r in rows[1:] if r[0] == "E-commerce sales of at least 1% of turnover (Eurostat)"
    ]
    assert countries == ["Norway", "Sweden", "Denmark", "Finland", "Iceland"]
    sweden = dataset.figure("eu_e_aesell", 2015, "total", "SE")
    assert sweden is not None
    assert next(r[2] for r in rows[1:] if r[1] == "Sweden") == format_value(sweden, "en")


def test_country_comparison_csv_keeps_only_eurostat(run: Run, dataset: Dataset) -> None:
    result = run("show", "policy", "--geo", "no,se", "--format", "csv")
    rows = read_csv(result.out)
    assert {r["geo"] for r in rows} == {"NO", "SE"}
    assert all(dataset.indicators[r["indicator"]].publisher == "eurostat" for r in rows)
    assert "SSB figures are not compared across countries" in result.err
    assert SCOPE in result.err  # the scope is stated beside the data, not inside it
    expected = sum(
        len(dataset.compare(i, ["NO", "SE"]).cells)
        for i in dataset.theme_indicators("policy")
        if i.startswith("eu_")
    )
    assert len(rows) == expected


def test_comparison_by_size(run: Run) -> None:
    rows = read_markdown(
        run(
            "show",
            "ecommerce",
            "--geo",
            "NO,SE",
            "--by",
            "size",
            "--year",
            "2015",
            "--format",
            "markdown",
        ).out
    )
    assert rows[0] == ["Indicator", "Group", "Country", "2015"]
    assert {"Norway", "Sweden"} == {r[2] for r in rows[1:]}
    assert "10-49 employed" in {r[1] for r in rows[1:]}


@pytest.mark.parametrize("theme", ["social-media", "policy", "ecommerce"])
def test_every_theme_every_format(run: Run, dataset: Dataset, theme: str) -> None:
    figures = cells(dataset, theme.replace("-", "_"))
    for fmt in ("table", "csv", "json", "markdown"):
        result = run("show", theme, "--format", fmt)
        assert result.code == 0, result.err
        if fmt == "csv":
            assert len(read_csv(result.out)) == len(figures)
        elif fmt == "json":
            assert len(read_json(result.out)) == len(figures)
        elif fmt == "markdown":
            assert len(read_markdown(result.out)) - 1 == len(
                dataset.slice(theme.replace("-", "_")).rows
            )
        else:
            assert len(read_plain(result.out)) - 1 == len(
                dataset.slice(theme.replace("-", "_")).rows
            )
