"""The build checks the hand-edited catalogue: a wrong edit is one line naming file and line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scripts.reference import ROOT, reference_dir
from tui.core.catalogue import load_catalogue
from tui.core.loader import default_data_dir

SCRIPT = ROOT / "scripts" / "build_data.py"
DATA = default_data_dir()


def build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def edited_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of data/ with the first `old` in `name` replaced by `new`."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def line_of(name: str, text: str) -> int:
    """The line (as an editor numbers them) of the first occurrence of `text` in data/`name`."""
    lines = (DATA / name).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_the_committed_catalogue_passes_the_check() -> None:
    done = build("--check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("checked the catalogue")


def test_the_registry_lists_the_four_default_tables() -> None:
    registry = load_catalogue(DATA).registry
    assert registry.default_tables() == ("10974", "10977", "10978", "12769")
    assert registry.tables["10975"].successor == "14933"


@pytest.mark.parametrize(
    ("name", "old", "new", "problem"),
    [
        ("labels.csv", "ecommerce,E-handel,E-commerce", "ecommerce,E-handel,", "no en label"),
        ("labels.csv", "theme,policy,", "tema,policy,", "unknown kind 'tema'"),
        ("labels.csv", "geo,SE,", "geo,NO,", "second label for geo 'NO'"),
        ("labels.csv", "indicator,ec_edi,", "indicator,ec_edi_typo,", "not in indicators.csv"),
        (
            "indicators.csv",
            "ec_edi,ecommerce,2,previous_year,ssb\n",
            "ec_edi,ecommerce,2,previous_year,ssb\nec_new,ecommerce,99,previous_year,ssb\n",
            "'ec_new' has no label",
        ),
        ("indicators.csv", "ec_edi,ecommerce", "ec_edi,e-handel", "unknown theme 'e-handel'"),
        ("indicators.csv", "ec_edi,ecommerce,2,", "ec_edi,ecommerce,1,", "second indicator at"),
        (
            "indicators.csv",
            "ec_edi,ecommerce,2,previous_year",
            "ec_edi,ecommerce,2,later",
            "period",
        ),
        ("sources.csv", "digi-2013,", "nforeningen-2013,", "duplicate source id"),
        ("sources.csv", ",secondary,", ",tertiary,", "not primary or secondary"),
        (
            "reference_codes.csv",
            "size_emp,GE250,group,250+",
            "size_emp,GE250,group,251+",
            "unknown group",
        ),
        ("reference_codes.csv", "size_emp,GE250,", "size_emp,GE10,", "second group for size_emp"),
        ("ssb_tables.csv", "10979,ecommerce", "10979,e-handel", "unknown theme 'e-handel'"),
        ("ssb_tables.csv", "10974,", "1097,", "not five digits"),
        ("ssb_tables.csv", ",2011-2025,14933,", ",2011-2025,14934,", "successor '14934'"),
        ("ssb_tables.csv", ",2012-2016,,no", ",2016-2012,,no", "FIRST-LAST"),
        ("ssb_tables.csv", ",2012-2016,,no", ",2012-2016,,maybe", "yes or no"),
        ("ssb_measures.csv", "10977,sm_any,", "10977,sm_anything,", "unknown indicator"),
        ("ssb_measures.csv", "10977,sm_any,", "10976,sm_any,", "not in ssb_tables.csv"),
        (
            "ssb_measures.csv",
            "Wikiar / verktøy for kunnskapsdeling",
            "Nyttar sosiale medium (eitt eller fleire)",
            "already means sm_any",
        ),
        (
            "eurostat_measures.csv",
            "isoc_cisce_ra,E_SECPOL2,PC_ENT,C10-S951_X_K,eu_e_secpol2,",
            "isoc_cisce_ra,E_SECPOL2,PC_ENT,C10-S951_X_K,sm_any,",
            "sm_any is not a Eurostat indicator",
        ),
        (
            "eurostat_measures.csv",
            "E_ETURN,PC_TURN,C10-S951_X_K,eu_turnover_share,eu_turnover_10plus_excl_fin",
            "E_ETURN,PC_TURN,C10-S951_X_K,eu_turnover_share,eu_10plus_excl_fin",
            "the embedded figures are percent of eu_turnover_10plus_excl_fin",
        ),
    ],
)
def test_a_wrong_catalogue_edit_is_one_line_with_file_and_line(
    tmp_path: Path, name: str, old: str, new: str, problem: str
) -> None:
    folder = edited_copy(tmp_path, name, old, new)
    done = build("--check", "--data", str(folder))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"build_data: {folder / name}")
    assert problem in done.stderr
    if not problem.startswith(("no ", "'")) and "has no label" not in problem:
        assert f"{name}:{line_of(name, old)}:" in done.stderr


def test_a_reference_input_the_catalogue_does_not_cover_is_refused(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "external").symlink_to(reference_dir() / "external")
    text = (reference_dir() / "ssb_ikt_figures.csv").read_text(encoding="utf-8")
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines) if ",100+ employees," in line)
    lines[number] = lines[number].replace(",100+ employees,", ",100 or more employees,", 1)
    (reference / "ssb_ikt_figures.csv").write_text("\n".join(lines), encoding="utf-8")
    done = build("--from", str(reference), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr == (
        f"build_data: ssb_ikt_figures.csv:{number + 1}: breakdown_value_en "
        "'100 or more employees' is not in reference_codes.csv\n"
    )
    assert not (tmp_path / "out" / "figures.csv").exists()


def test_a_missing_reference_folder_is_one_line(tmp_path: Path) -> None:
    done = build("--from", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr.startswith("build_data: ") and done.stderr.count("\n") == 1
    assert "nowhere" in done.stderr and "Traceback" not in done.stderr


def test_turnover_shares_by_size_come_from_isoc_ec_evals_a_year_back() -> None:
    from tui.core import load_dataset

    evals = [f for f in load_dataset().figures if f.series == "isoc_ec_evals"]
    by_key = {(f.indicator, f.group, f.ref_year): f for f in evals}
    # survey year 2015 is reference year 2014: SSB's "58 per cent ... from EDI sales"
    edi = by_key[("eu_edi_share_of_ec_turnover", "total", 2014)]
    assert (edi.value, edi.survey_year) == (58.26, 2015)
    first = by_key[("eu_turnover_share", "10-49", 2009)]
    assert (first.value, first.survey_year) == (14.44, 2010)
    shares = [f for f in evals if f.indicator == "eu_turnover_share"]
    assert {f.group for f in shares} == {"10-49", "50-249", "250+", "total"}
    # one series in every year; tin00110 prints the same 10+ totals for 2013-2024
    totals = [f for f in shares if f.group == "total" and f.geo == "NO"]
    assert [f.survey_year for f in sorted(totals, key=lambda f: f.ref_year)] == list(
        range(2010, 2026)
    )
    assert sum("eurostat-tin00110" in f.corroborating for f in totals) == 12
    assert min(f.survey_year for f in evals) == 2010 and max(f.survey_year for f in evals) == 2025
    # codes whose labels were not checked against Eurostat's code list are left out
    assert {f.indicator for f in evals} == {
        "eu_turnover_share",
        "eu_web_sales_turnover_share",
        "eu_edi_sales_turnover_share",
        "eu_web_share_of_ec_turnover",
        "eu_edi_share_of_ec_turnover",
    }
