"""tui.frame(): the DataFrame holds exactly the figures `ikt show --format json` gives."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import tui
from tui.core.frame import FRAME_COLUMNS
from tui.core.model import MISSING_SYMBOLS

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "formats"


def ikt_json(*argv: str) -> list[dict[str, object]]:
    """Records from the real command, in a fresh interpreter, as a script would read them."""
    done = subprocess.run(
        [sys.executable, "-m", "tui", *argv, "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    records: list[dict[str, object]] = json.loads(done.stdout)
    return records


def key(row: dict[str, object]) -> tuple[object, ...]:
    return (row["indicator"], row["geo"], row["breakdown"], row["group"], row["year"])


@pytest.mark.parametrize("theme", ["social-media", "policy", "ecommerce"])
def test_frame_equals_the_json_records(theme: str) -> None:
    df = tui.frame(theme, breakdown="total", geo="NO")
    records = ikt_json("show", theme)
    assert list(df.columns) == list(FRAME_COLUMNS)
    assert len(df) == len(records)
    by_key = {key(r): r for r in records}
    for row in df.to_dict("records"):
        published = by_key[key(row)]
        for column in ("label", "survey_year", "status", "unit", "base", "source_id"):
            assert row[column] == published[column], (column, row)
        if published["value"] is None:
            assert row["value"] is pd.NA and row["status"], row
        else:
            assert Decimal(str(row["value"])) == Decimal(str(published["value"])), row
        assert row["period"] == str(published["year"])


def test_missing_is_na_exactly_where_a_symbol_stands() -> None:
    df = tui.frame()
    assert str(df["value"].dtype) == "Float64"
    assert (df["value"].isna() == df["status"].isin(MISSING_SYMBOLS)).all()
    assert df["value"].isna().any(), "the embedded data has missing figures"


def test_dimensions_are_categoricals() -> None:
    df = tui.frame("ecommerce")
    for column in ("theme", "indicator", "geo", "breakdown", "group"):
        assert isinstance(df[column].dtype, pd.CategoricalDtype), column
    assert set(df["theme"]) == {"ecommerce"}


def test_breakdown_and_geo_select() -> None:
    df = tui.frame("policy", breakdown="size")
    assert set(df["breakdown"]) == {"size"}
    assert len(tui.frame("ecommerce", geo="SE")) > 0
    assert set(tui.frame("ecommerce", geo="SE")["geo"]) == {"SE"}


def test_a_file_reads_like_ikt_show_file() -> None:
    path = FIXTURES / "ssb_10974_v2.json"
    df = tui.frame(file=path, breakdown="size")
    records = ikt_json("show", "--file", str(path), "--by", "size")
    assert len(df) == len(records) > 0
    values = sorted(str(v) for v in df["value"].dropna())
    published = sorted(str(float(str(r["value"]))) for r in records if r["value"] is not None)
    assert values == published


def test_bad_arguments_name_themselves() -> None:
    with pytest.raises(ValueError, match="'tourism'"):
        tui.frame("tourism")
    with pytest.raises(ValueError, match="'county'"):
        tui.frame("policy", breakdown="county")
