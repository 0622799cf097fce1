"""`ikt show --all` and `--geo` for files: every cell once, any geography, periods as columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.cli import Run, read_csv, read_json, read_markdown
from tests.helpers.independent import jsonstat_cells, px_cells
from tui.core.dataset import load_dataset

PERIODS = Path(__file__).resolve().parents[1] / "fixtures" / "periods"
FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


@pytest.mark.parametrize(
    "name", ["px_monthly.px", "px_weekly.px", "jsonstat_quarterly.json", "jsonstat_half_year.json"]
)
def test_all_gives_every_cell_with_its_codes_in_csv(run: Run, name: str) -> None:
    path = PERIODS / name
    _names, expected = px_cells(path) if name.endswith(".px") else jsonstat_cells(path)
    result = run("show", "--file", str(path), "--all", "--format", "csv")
    assert result.code == 0, result.err
    rows = read_csv(result.out)
    assert len(rows) == len(expected)
    columns = list(rows[0])
    assert columns[-3:] == ["period", "value", "status"]
    for row, (codes, value, status) in zip(rows, expected, strict=True):
        assert tuple(row[c] for c in columns[:-3]) == codes
        assert row["period"] in codes
        assert (float(row["value"]) if row["value"] else None) == value
        assert row["status"] == status


def test_all_in_json_table_and_markdown_agree(run: Run) -> None:
    path = str(PERIODS / "sdmx_semicolon.csv")
    records = read_json(run("show", "--file", path, "--all", "--format", "json").out)
    assert len(records) == 6
    assert records[2] == {
        "freq": "M", "s_adj": "NSA", "indic": "IS-IP", "geo": "NO", "TIME": "2024-03",
        "period": "2024-03", "value": None, "status": "M",
    }  # fmt: skip
    assert records[3]["value"] == 104.2 and records[3]["status"] == "E"
    markdown = read_markdown(run("show", "--file", path, "--all", "--format", "markdown").out)
    assert markdown[0] == ["freq", "s_adj", "indic", "geo", "TIME", "period", "value", "status"]
    assert len(markdown) == 7 and markdown[3][-1] == "M"
    plain = run("show", "--file", path, "--all").out.splitlines()
    assert sum(1 for line in plain if line.startswith("M ")) == 6


def test_all_for_the_embedded_data_is_every_figure_of_the_theme(run: Run) -> None:
    result = run("show", "policy", "--all", "--format", "csv")
    assert result.code == 0, result.err
    rows = read_csv(result.out)
    figures = [f for f in load_dataset().figures if f.theme == "policy"]
    assert len(rows) == len(figures)
    assert all(row["period"] == row["year"] for row in rows)
    assert {(r["indicator"], r["geo"], r["group"], r["year"], r["source_id"]) for r in rows} == {
        (f.indicator, f.geo, f.group, str(f.ref_year), f.source_id) for f in figures
    }


@pytest.mark.parametrize("narrowing", [["--geo", "NO"], ["--year", "2012"], ["--by", "size"]])
def test_all_takes_nothing_that_narrows(run: Run, narrowing: list[str]) -> None:
    result = run("show", "ecommerce", "--all", *narrowing)
    assert result.code == 2
    assert result.err.strip() == f"ikt: --all prints every cell; it takes no {narrowing[0]}"


def test_geo_all_and_any_geography_of_a_file_whoever_published_it(run: Run) -> None:
    path = str(PERIODS / "px_half_year.px")
    both = read_json(run("show", "--file", path, "--geo", "all", "--format", "json").out)
    assert {r["geo"] for r in both} == {"0301", "1902"}
    assert len(both) == 12 and all(r["period"] for r in both)
    one = run("show", "--file", path, "--geo", "1902", "--format", "json")
    assert one.code == 0, one.err
    assert {r["geo"] for r in read_json(one.out)} == {"1902"}
    assert "not compared" not in one.err
    wrong = run("show", "--file", path, "--geo", "0302")
    assert wrong.code == 2 and len(wrong.err.strip().splitlines()) == 1
    assert "invalid --geo 0302 (valid: all, 0301, 1902)" in wrong.err


def test_several_geographies_of_an_ssb_file_are_compared(run: Run) -> None:
    path = str(PERIODS / "px_quarterly.px")
    result = run("show", "--file", path, "--geo", "0180,1480")
    assert result.code == 0, result.err
    assert "SSB figures" not in result.err
    lines = result.out.splitlines()
    header = next(line for line in lines if "2005Q1" in line)
    assert header.split()[-6:] == ["2005Q1", "2005Q2", "2005Q3", "2005Q4", "2006Q1", "2006Q2"]
    assert any("Stockholm" in line and "777254" in line for line in lines)
    assert any("Göteborg" in line and "484942" in line for line in lines)


def test_a_monthly_file_prints_its_months_not_its_years(run: Run) -> None:
    result = run("show", "--file", str(PERIODS / "px_monthly.px"), "--format", "csv")
    assert result.code == 0, result.err
    rows = read_csv(result.out)
    assert len(rows) == 12
    assert [r["period"] for r in rows[:6]] == [
        "2004M09", "2004M10", "2004M11", "2004M12", "2005M01", "2005M02",
    ]  # fmt: skip
    assert rows[0]["value"] == "99.67" and rows[0]["year"] == "2004"
    assert "monthly table: 6 periods, 2004M09 to 2005M02" in result.err
    only_2005 = read_csv(
        run(
            "show", "--file", str(PERIODS / "px_monthly.px"), "--year", "2005", "--format", "csv"
        ).out
    )
    assert [r["period"] for r in only_2005] == ["2005M01", "2005M02"] * 2


def test_an_annual_file_prints_as_before(run: Run) -> None:
    result = run("show", "--file", str(FORMATS / "ssb_10974.px"), "--format", "json")
    assert result.code == 0, result.err
    records = json.loads(result.out)
    assert records and "period" not in records[0]


def test_a_folder_is_named_as_a_folder(run: Run, tmp_path: Path) -> None:
    for argv in (["show", "--file", str(tmp_path)], ["show", "--file", str(tmp_path), "--all"]):
        result = run(*argv)
        assert result.code == 2
        assert result.err.strip() == f"ikt: {tmp_path}: is a folder, not a file"
