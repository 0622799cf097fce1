"""`ikt show --file`, `ikt open` and `ikt update` on real formats and a loopback SSB API."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers.cli import Run
from tests.helpers.ssb_server import SsbServer
from tui.core.formats import read_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


@pytest.mark.parametrize(
    "name",
    [
        "ssb_10974_v2.json",
        "ssb_10978_v0.json",
        "ssb_10974.px",
        "estat_sdmx.csv",
        "estat_sdmx_flavour.tsv",
        "estat_bulk_flavour.tsv",
    ],
)
def test_show_file_gives_every_cell_of_the_table(run: Run, name: str) -> None:
    path = FIXTURES / name
    records = []
    for breakdown in ("total", "size", "industry"):
        result = run("show", "--file", str(path), "--format", "json", "--by", breakdown)
        assert result.code in (0, 1), result.err
        records += json.loads(result.out) if result.code == 0 else []
    cube = read_table(path)
    published = {v for v in cube.values if v is not None}
    assert records
    for record in records:
        assert set(record) >= {"value", "status", "year", "source_url"}
        if record["value"] is None:
            assert record["status"]
        else:
            assert record["value"] in published


def test_show_file_csv_keeps_missing_symbols(run: Run) -> None:
    result = run(
        "show", "--file", str(FIXTURES / "ssb_10974.px"), "--format", "csv", "--by", "industry"
    )
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    statuses = {r["status"] for r in rows if r["value"] == ""}
    assert statuses and statuses <= {"..", ":", ".", "-"}


def test_a_missing_file_is_one_line_exit_2(run: Run, tmp_path: Path) -> None:
    result = run("show", "--file", str(tmp_path / "nope.json"))
    assert result.code == 2
    assert result.err.strip().endswith("nope.json: no such file")
    assert len(result.err.strip().splitlines()) == 1


def test_open_refuses_a_bad_file_before_any_interface(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "table.json"
    bad.write_text('{"version": "2.0", "class": "dataset", "id": ["Tid"], "size": [2]', "utf-8")
    result = run("open", str(bad))
    assert result.code == 2
    assert "table.json" in result.err and len(result.err.strip().splitlines()) == 1


def test_open_hands_the_file_to_the_explorer(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_run_app(dataset: object, **kwargs: object) -> int:
        seen.update(kwargs, dataset=dataset)
        return 0

    monkeypatch.setattr("tui.app.run.run_app", fake_run_app)
    monkeypatch.setattr("tui.cli.launch.on_terminal", lambda: True)
    result = run("open", str(FIXTURES / "estat_sdmx_flavour.tsv"), "--lang", "en")
    assert result.code == 0, result.err
    assert seen["screen"] == "file" and seen["lang"] == "en" and seen["by"] == "total"
    assert seen["geo"] in ("NO", "SE")


def test_update_dry_run_prints_urls_and_fetches_nothing(run: Run, ssb_api: SsbServer) -> None:
    result = run("update", "--tables", "10974,10977", "--dry-run")
    assert result.code == 0
    urls = result.out.split()
    assert len(urls) == 4 and all(u.startswith(ssb_api.base_url) for u in urls)
    assert "outputFormat=json-stat2" in urls[1]
    assert ssb_api.state.data_requests() == []


def test_update_fetches_and_the_screens_then_show_it(run: Run, ssb_api: SsbServer) -> None:
    result = run("update", "--tables", "10974")
    assert result.code == 0, result.err
    assert "table 10974:" in result.out and "ecommerce" in result.out  # 10974 is e-commerce
    shown = run("show", "ecommerce", "--by", "size", "--format", "json")
    assert shown.code == 0, shown.err
    fetched = [r for r in json.loads(shown.out) if r["indicator"].startswith("ssb10974:")]
    assert fetched
    # SSB's size codes 02-05 are shown as the size classes they stand for
    assert {"10-19", "20-49", "50-99", "100+"} <= {r["group"] for r in fetched}, fetched[0]


def test_update_ends_with_the_count_of_new_revised_and_unchanged(
    run: Run, ssb_api: SsbServer
) -> None:
    result = run("update", "--tables", "10974")
    assert result.code == 0, result.err
    last = result.out.strip().splitlines()[-1]
    assert last.endswith("unchanged figures") and " new, " in last and " revised, " in last


def test_update_of_a_table_ssb_does_not_have_is_exit_2(run: Run, ssb_api: SsbServer) -> None:
    result = run("update", "--tables", "99999")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and "99999" in result.err


def test_update_without_network_is_one_line_exit_1(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IKT_CACHE_DIR", str(tmp_path / "cache"))
    result = run("update", "--tables", "10974", "--api-url", "http://127.0.0.1:9/api/pxwebapi/v2")
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1 and "127.0.0.1" in result.err


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["update", "--tables", "abc"], "invalid --tables abc"),
        (["update", "--lang", "de"], "invalid --lang de"),
    ],
)
def test_update_bad_arguments_exit_2(run: Run, argv: list[str], problem: str) -> None:
    result = run(*argv)
    assert result.code == 2 and problem in result.err


def test_open_starts_on_a_breakdown_with_figures(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}
    monkeypatch.setattr("tui.app.run.run_app", lambda dataset, **kw: seen.update(kw) or 0)
    monkeypatch.setattr("tui.cli.launch.on_terminal", lambda: True)
    result = run("open", str(FIXTURES / "ssb_10974_v2.json"))
    assert result.code == 0, result.err
    assert seen["by"] == "size"  # this table has no all-sizes total


def test_an_ascii_locale_means_ascii_mode() -> None:
    import os
    import subprocess
    import sys

    code = "import sys; from tui.cli.launch import utf8; print(utf8(sys.stdout))"
    for locale_name, expected in (("C.UTF-8", "True"), ("C", "False")):
        env = {**os.environ, "LC_ALL": locale_name, "PYTHONIOENCODING": "utf-8"}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == expected, locale_name
