"""data/eurostat_measures.csv: each fetched measure it lists is the embedded indicator it names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core import load_dataset
from tui.core.catalogue import load_catalogue
from tui.core.errors import DataError
from tui.core.eurostat_measures import check_bases, eurostat_measures

DATA = Path(__file__).resolve().parents[2] / "data"
HEADER = "dataset,indic_is,unit,nace_r2,indicator,base\n"


def with_registry(tmp_path: Path, rows: str) -> Path:
    """A copy of data/ whose eurostat_measures.csv holds these rows only."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "eurostat_measures.csv").write_text(HEADER + rows, encoding="utf-8")
    return folder


def test_every_listed_measure_is_the_code_the_build_reads_for_that_indicator() -> None:
    """The build read these codes from Eurostat's own files (reference_codes.csv); the registry
    must name the same indicator for them, in the same unit."""
    codes = load_catalogue(DATA).codes
    measures = eurostat_measures()
    esels = codes[("isoc_ec_esels.indic_is", "indicator")]
    security = codes[("isoc_cisce_ra.indic_is", "indicator")]
    turnover = codes[("isoc_ec_evals.indic_unit", "indicator")]
    bases = codes[("isoc_ec_evals.unit", "base")]
    for code, indicator in esels.items():
        assert measures[("isoc_ec_esels", code, "PC_ENT")].indicator == indicator
    for code, indicator in security.items():
        assert measures[("isoc_cisce_ra", code, "PC_ENT")].indicator == indicator
    for pair, indicator in turnover.items():
        indic, unit = pair.split("/")
        measure = measures[("isoc_ec_evals", indic, unit)]
        assert (measure.indicator, measure.base) == (indicator, bases[unit])
    # a share of enterprises using the internet is another base: never listed
    assert not any(unit == "PC_ENT_IUSE" for _d, _i, unit in measures)


def test_every_target_is_a_eurostat_indicator_with_the_listed_base() -> None:
    dataset = load_dataset()
    measures = eurostat_measures().values()
    for measure in measures:
        assert dataset.indicators[measure.indicator].publisher == "eurostat"
        bases = {f.base for f in dataset.figures if f.indicator == measure.indicator}
        assert bases == {measure.base}, measure
    check_bases(DATA / "eurostat_measures.csv", measures, dataset.figures)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (
            "isoc_nothing,E_ESELL,PC_ENT,,eu_e_esell,eu_10plus_excl_fin\n",
            "dataset 'isoc_nothing' is not in eurostat_datasets.csv",
        ),
        (
            "isoc_ec_esels,E_ESELL,PC_ENT,,ec_any,eu_10plus_excl_fin\n",
            "ec_any is not a Eurostat indicator",
        ),
        (
            "isoc_cisce_ra,E_SECPOL2,PC_ENT,,eu_e_esell,eu_10plus_excl_fin\n",
            "eu_e_esell is shown on ecommerce (previous_year), dataset isoc_cisce_ra on policy",
        ),
        (
            "isoc_ec_esels,E_ESELL,PC_ENT,,eu_e_esell,nobase\n",
            "unknown base 'nobase'",
        ),
        (
            "isoc_ec_esels,e esell,PC_ENT,,eu_e_esell,eu_10plus_excl_fin\n",
            "indic_is 'e esell' is not a Eurostat code",
        ),
        (
            "isoc_ec_esels,E_ESELL,PC_ENT,,eu_e_esell,eu_10plus_excl_fin\n"
            "isoc_ec_esels,E_ESELL,PC_ENT,C10-S951_X_K,eu_e_esell,eu_10plus_excl_fin\n",
            "eurostat_measures.csv:3: isoc_ec_esels/E_ESELL/PC_ENT is listed twice",
        ),
    ],
)
def test_a_wrong_row_names_its_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    folder = with_registry(tmp_path, row)
    with pytest.raises(DataError, match=r"eurostat_measures\.csv:\d+: ") as caught:
        load_catalogue(folder)
    assert problem in str(caught.value)


def test_a_base_the_embedded_figures_do_not_have_is_refused(tmp_path: Path) -> None:
    folder = with_registry(
        tmp_path, "isoc_ec_esels,E_ESELL,PC_ENT,,eu_e_esell,eu_turnover_10plus_excl_fin\n"
    )
    catalogue = load_catalogue(folder)  # the row itself is sound ...
    with pytest.raises(DataError, match="eu_e_esell: the embedded figures are percent of eu_10"):
        check_bases(  # ... but the embedded figures count enterprises, not turnover
            folder / "eurostat_measures.csv",
            catalogue.eurostat_measures.values(),
            load_dataset().figures,
        )
