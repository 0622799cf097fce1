"""Every way a question can go wrong ends in one line and the right exit code, never a traceback."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import Run
from tui.cli.spec import EXPLORER_EXAMPLES, GET_EXAMPLES, LIST_EXAMPLES, SHOW_EXAMPLES

BAD_VALUES = [
    # argv, the start of the one line, the suggestion (or None)
    (
        ["show", "ecomerce"],
        "ikt: invalid theme ecomerce (valid: social-media, policy, ecommerce)",
        "did you mean ecommerce?",
    ),
    (["list", "polcy"], "ikt: invalid theme polcy", "did you mean policy?"),
    (
        ["get", "ec_sale_web"],
        "ikt: invalid indicator ec_sale_web (valid: sm_any,",
        "did you mean ec_sales_web?",
    ),
    (
        ["get", "ec_sales_web", "--year", "1999"],
        "ikt: invalid --year 1999 (valid: 2008-2024)",
        None,
    ),
    (
        ["show", "ecommerce", "--year", "twenty"],
        "ikt: invalid --year twenty (valid: 2008-2024)",
        None,
    ),
    (["show", "policy", "--years", "2018-2016"], "ikt: invalid --years 2018-2016", None),
    (
        ["get", "eu_e_esell", "--group", "10-4"],
        "ikt: invalid --group 10-4 (valid: total,",
        "did you mean 10-49?",
    ),
    (
        ["get", "eu_e_esell", "--geo", "NO,SW"],
        "ikt: invalid --geo SW (valid: NO, SE, DK",
        "did you mean SE?",
    ),
    (["show", "policy", "--geo", "EU27"], "ikt: invalid --geo EU27", "did you mean EU27_2020?"),
    (
        ["show", "policy", "--format", "jsn"],
        "ikt: invalid --format jsn (valid: table, csv, json, markdown, xlsx)",
        "did you mean json?",
    ),
    (["get", "ec_any", "--format", "xml"], "ikt: invalid --format xml", None),
    (
        ["show", "policy", "--by", "sise"],
        "ikt: invalid --by sise (valid: total, size, industry)",
        "did you mean size?",
    ),
    (["list", "--lang", "de"], "ikt: invalid --lang de (valid: nb, en)", None),
    (["show"], "ikt: show needs a THEME (social-media, policy, ecommerce) or --file FILE", None),
    (["get", "ec_any", "--bogus"], "ikt: unrecognized arguments: --bogus", None),
    (["frobnicate"], "ikt: argument COMMAND: invalid choice: 'frobnicate'", None),
    (
        ["--year", "2012", "show", "ecommerce"],
        "ikt: --year before 'show' applies to the explorer",
        None,
    ),
]

NO_FIGURES = [
    (
        ["get", "ec_sales_web", "--year", "2019"],
        "ikt: no figures for ec_sales_web in 2019 (years with figures: 2011, 2012)",
    ),
    (
        ["get", "ec_any", "--geo", "SE"],
        "ikt: no figures for ec_any in SE (countries with figures: NO)",
    ),
    (
        ["get", "eu_e_awsell", "--group", "10-249", "--geo", "SE"],
        "ikt: no figures for eu_e_awsell in group 10-249 in SE (groups with figures: 10-49, "
        "50-249, 250+)",
    ),
    (
        ["show", "policy", "--year", "2014"],
        "ikt: no figures for policy in 2014 (years with figures: 2013, 2015, 2019, 2022, 2024)",
    ),
    (["show", "policy", "--years", "2016-2018"], "ikt: no figures for policy in 2016-2018"),
    (
        ["show", "social-media", "--geo", "SE"],
        "ikt: no figures for social-media in SE (countries with figures: NO)",
    ),
    (
        ["show", "policy", "--by", "industry"],
        "ikt: no figures for policy by industry in NO (breakdowns with figures: total, size)",
    ),
    (
        ["show", "social-media", "--geo", "NO,SE"],
        "ikt: no figures to compare for social-media: SSB figures are not compared across "
        "countries",
    ),
]


@pytest.mark.parametrize(("argv", "start", "suggestion"), BAD_VALUES)
def test_bad_value_is_one_line_exit_2(
    run: Run, argv: list[str], start: str, suggestion: str | None
) -> None:
    result = run(*argv)
    assert result.code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(start), lines[0]
    if suggestion:
        assert lines[0].endswith(suggestion)
    assert "Traceback" not in result.err


@pytest.mark.parametrize(("argv", "line"), NO_FIGURES)
def test_no_figures_is_one_line_exit_1(run: Run, argv: list[str], line: str) -> None:
    result = run(*argv)
    assert result.code == 1
    assert result.out == ""
    assert len(result.err.splitlines()) == 1, result.err
    assert result.err.startswith(line), result.err


def test_broken_data_is_one_line_exit_2(run: Run, data_copy: Path) -> None:
    with (data_copy / "figures.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "ecommerce,ec_any,NO,total,total,20x2,2013,58,,percent,ssb_10plus,ssb,"
            "ssb-release-2013,,,\n"
        )
    for argv in (["list"], ["show", "ecommerce"], ["get", "ec_any"], ["--screen", "policy"]):
        result = run(*argv)
        assert result.code == 2
        assert result.out == ""
        assert len(result.err.splitlines()) == 1
        assert "figures.csv:" in result.err and "is not a year" in result.err


def test_missing_data_folder(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IKT_DATA_DIR", str(tmp_path / "nowhere"))
    result = run("get", "ec_any")
    assert result.code == 2
    assert result.err.startswith("ikt: ") and "file not found" in result.err
    assert len(result.err.splitlines()) == 1


def test_control_characters_in_arguments_stay_visible(run: Run) -> None:
    result = run("show", "\x1b[2Jpolicy")
    assert result.code == 2
    assert "\x1b" not in result.err
    assert "\\x1b[2Jpolicy" in result.err


@pytest.mark.parametrize("argv", [[], ["list"], ["show"], ["get"]])
def test_help_has_examples(run: Run, argv: list[str]) -> None:
    result = run(*argv, "--help")
    assert result.code == 0
    assert "examples:" in result.out
    assert "usage: ikt" in result.out


def test_reader_gone_is_not_a_traceback() -> None:
    """`ikt show ... | head`: the reader leaves early; no traceback, no noise."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "tui",
                "show",
                "ecommerce",
                "--by",
                "size",
                "--geo",
                "NO,SE,DK,FI,IS",
                "--format",
                "json",
            ],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parents[2],
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_help_examples_run(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example in the help of list, show and get works as printed."""
    monkeypatch.chdir(tmp_path)  # where an example's --output file goes
    tried = 0
    for text in (EXPLORER_EXAMPLES, LIST_EXAMPLES, SHOW_EXAMPLES, GET_EXAMPLES):
        for line in text.splitlines():
            if not line.startswith("  ikt "):
                continue
            argv = shlex.split(re.split(r" {2,}", line.strip())[0])[1:]
            argv = argv[: argv.index(">")] if ">" in argv else argv
            if "--file" in argv:
                continue  # names a file of the reader's own; tested in test_files.py
            if argv and argv[0] in ("list", "show", "get"):
                result = run(*argv)
                assert result.code == 0, (line, result.err)
                if "--output" in argv:
                    assert (tmp_path / argv[argv.index("--output") + 1]).stat().st_size
                else:
                    assert result.out
                tried += 1
    assert tried >= 10
