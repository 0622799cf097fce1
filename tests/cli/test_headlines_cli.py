"""`ikt headlines`: the sentences with their sources, as text, JSON and Markdown, and its errors."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.cli.test_imports import HEAVY, loaded_after
from tests.helpers.cli import Run, read_json
from tui.cli.output import width
from tui.core.dataset import Dataset

WEB = "Sales via own website fell from 35% in 2011 to 25% in 2012, 10 percentage points."
DIGI = "https://www.digi.no/artikler/allsidig-bruk-av-sosiale-medier/289154"
FIGURE_KEYS = ["indicator", "geo", "breakdown", "group", "year", "value", "source_id"]


def paragraphs(text: str) -> list[list[str]]:
    return [block.splitlines() for block in text.strip().split("\n\n")]


def test_ecommerce_2012_gives_web_sales_and_e_commerce_with_sources(run: Run) -> None:
    result = run("headlines", "ecommerce", "--year", "2012")
    assert result.code == 0, result.err
    blocks = paragraphs(result.out)
    assert blocks[0] == ["E-commerce, 2012", "================"]
    assert [WEB, f"  digi-2013  {DIGI}"] in blocks
    trade = next(b for b in blocks if b[0].startswith("Carried out e-commerce"))
    assert "from 62% in 2011 to 58% in 2012, 4 percentage points" in trade[0]
    assert trade[1].startswith("  ssb-release-2013  https://statbank.ssb.no/")


def test_json_cites_each_figure_as_the_data_has_it(run: Run, dataset: Dataset) -> None:
    result = run("headlines", "ecommerce", "--year", "2012", "--format", "json")
    assert result.code == 0, result.err
    records: list[dict[str, Any]] = read_json(result.out)
    assert all(list(r) == ["theme", "kind", "text", "figures"] for r in records)
    web = next(r for r in records if r["text"] == WEB)
    assert web["theme"] == "ecommerce" and web["kind"] == "change"
    assert web["figures"] == [
        {
            "indicator": "ec_sales_web",
            "geo": "NO",
            "breakdown": "total",
            "group": "total",
            "year": year,
            "value": value,
            "source_id": "digi-2013",
        }
        for year, value in ((2011, 35), (2012, 25))
    ]
    for record in records:
        for cited in record["figures"]:
            assert list(cited) == FIGURE_KEYS
            figure = dataset.figure(cited["indicator"], cited["year"], cited["group"], cited["geo"])
            assert figure is not None and figure.value == cited["value"]
            assert figure.source_id == cited["source_id"]


def test_social_media_ranks_2013_purposes_apart_from_2017(run: Run) -> None:
    result = run("headlines", "social-media", "--format", "json")
    assert result.code == 0, result.err
    records: list[dict[str, Any]] = read_json(result.out)
    rankings = [
        r
        for r in records
        if r["kind"] == "ranking"
        and all(f["indicator"].startswith("sm_purpose_") for f in r["figures"])
    ]
    values = {r["figures"][0]["year"]: [f["value"] for f in r["figures"]] for r in rankings}
    assert values[2013] == [31, 24, 22, 18, 13, 12]
    assert values[2017] == [68, 60, 22]
    for record in records:
        years = {f["year"] for f in record["figures"]}
        purposes = any(f["indicator"].startswith("sm_purpose_") for f in record["figures"])
        assert not (purposes and {2013, 2017} <= years), record["text"]
    text = run("headlines", "social-media").out
    assert "Purpose: marketing or image (31%), then Purpose: recruitment (24%)" in text


def test_bokmal(run: Run) -> None:
    result = run("headlines", "ecommerce", "--year", "2012", "--lang", "nb")
    assert result.code == 0, result.err
    assert "Salg via egne nettsider falt fra 35 % i 2011 til 25 % i 2012, 10 prosentpoeng." in (
        result.out
    )
    assert "E-handel, 2012" in result.out
    assert "34,69 %" in result.out and "34.69" not in result.out


def test_markdown_paragraphs_and_source_lists(run: Run) -> None:
    result = run("headlines", "ecommerce", "--year", "2012", "--format", "markdown")
    assert result.code == 0, result.err
    assert result.out.startswith("## E-commerce, 2012\n\n")
    assert f"{WEB}\n\n- digi-2013: <{DIGI}>\n" in result.out


def test_on_a_terminal_headlines_wrap_to_its_width(
    tty: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    result = tty("headlines", "policy", "--year", "2024")
    assert result.code == 0, result.err
    for block in paragraphs(result.out)[1:]:
        sentence = [line for line in block if not line.startswith("  ")]
        sources = [line for line in block if line.startswith("  ")]
        assert sentence and sources, block
        assert all(width(line) <= 59 for line in sentence)
        assert all(re.fullmatch(r"  \S+  https://\S+", line) for line in sources)
    assert "Has documents on ICT security (Eurostat) in 2024: Norway 31.52%," in " ".join(
        result.out.split()
    )


def test_every_theme_without_a_theme(run: Run) -> None:
    result = run("headlines", "--year", "2013")
    assert result.code == 0, result.err
    assert "Social media, 2013" in result.out and "E-commerce, 2013" in result.out


@pytest.mark.parametrize(
    ("argv", "start"),
    [
        (["headlines", "ecomerce"], "ikt: invalid theme ecomerce (valid: social-media, policy,"),
        (["headlines", "ecommerce", "--year", "1999"], "ikt: invalid --year 1999 (valid: "),
        (["headlines", "ecommerce", "--by", "sise"], "ikt: invalid --by sise (valid: total,"),
        (["headlines", "ecommerce", "--geo", "XX"], "ikt: invalid --geo XX (valid: NO,"),
        (["headlines", "ecommerce", "--format", "csv"], "ikt: invalid --format csv (valid: text,"),
        (["headlines", "ecommerce", "--lang", "de"], "ikt: invalid --lang de (valid: nb, en)"),
    ],
)
def test_a_bad_value_is_one_line_and_exit_2(run: Run, argv: list[str], start: str) -> None:
    result = run(*argv)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(start) and result.err.count("\n") == 1, result.err


def test_a_question_without_headlines_is_exit_1(run: Run) -> None:
    result = run("headlines", "policy", "--year", "2013", "--by", "size")
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        "ikt: no headlines for policy by size in 2013 "
        "(years with headlines: 2015, 2019, 2022, 2024)\n"
    )


def test_help_examples_run(run: Run) -> None:
    from tui.cli.spec import HEADLINES_EXAMPLES

    help_text = run("headlines", "--help")
    assert help_text.code == 0 and "examples:" in help_text.out
    tried = 0
    for line in HEADLINES_EXAMPLES.splitlines():
        if line.startswith("  ikt headlines"):
            argv = re.split(r" {2,}", line.strip())[0].split()[1:]
            result = run(*argv)
            assert result.code == 0 and result.out, (line, result.err)
            tried += 1
    assert tried == 5


def test_json_headlines_stay_light() -> None:
    loaded = loaded_after(["headlines", "ecommerce", "--format", "json"])
    assert not loaded & {*HEAVY, "rich"}, loaded & {*HEAVY, "rich"}
