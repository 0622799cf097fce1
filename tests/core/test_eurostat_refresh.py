"""Fetched Eurostat datasets land on their registry's screen, labelled and sourced as Eurostat's."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.helpers.eurostat_data import DATASETS, answer
from tests.helpers.eurostat_server import EurostatServer
from tui.core import load_dataset
from tui.core.dataset import is_eurostat
from tui.core.errors import DataError
from tui.core.eurostat_datasets import eurostat_datasets, load_datasets
from tui.core.eurostat_refresh import update_datasets, with_cached_datasets

# the stand-in's measures that data/eurostat_measures.csv lists as embedded indicators
EMBEDDED_AS = {
    ("isoc_ec_esels", "E_ESELL"): "eu_e_esell",
    ("isoc_ec_esels", "E_AWSELL"): "eu_e_awsell",
}


def test_the_registry_names_every_dataset_asked_for() -> None:
    known = eurostat_datasets()
    assert set(known) == set(DATASETS)
    assert known["isoc_cismt"].theme == "social_media" and known["isoc_cismt"].period == "january"
    assert known["tin00110"].theme == "ecommerce" and known["tin00110"].period == "previous_year"


def test_a_wrong_registry_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "eurostat_datasets.csv"
    path.write_text("dataset,theme,period,title,default\nisoc_x,social,january,X,yes\n")
    with pytest.raises(DataError, match=r"eurostat_datasets.csv:2: unknown theme 'social'"):
        load_datasets(path)


def test_figures_go_on_their_screen_with_eurostat_as_source(eurostat_api: EurostatServer) -> None:
    results = update_datasets(("isoc_cismt", "isoc_ec_esels"), ("NO", "SE"), None)
    assert [r.ok for r in results] == [True, True], results
    base = load_dataset()
    merged, notes = with_cached_datasets(base)
    assert notes == []
    fetched = [f for f in merged.figures if f.series == "eurostat_api"]

    def themes(code: str) -> set[str]:
        return {f.theme for f in fetched if f.source_id == f"eurostat-api-{code}"}

    assert themes("isoc_cismt") == {"social_media"}
    assert themes("isoc_ec_esels") == {"ecommerce"}
    assert all(is_eurostat(merged, f) for f in fetched)
    assert {merged.sources[f.source_id].publisher for f in fetched} == {"Eurostat"}
    assert len(merged.figures) == len(base.figures) + len(fetched)
    # the catalogue's country names stand; Eurostat's own are not put over them
    assert merged.labels.get("geo", "NO", "nb") == "Norge"


def test_each_cell_of_the_answer_is_one_figure_with_its_years(
    eurostat_api: EurostatServer,
) -> None:
    update_datasets(("isoc_cismt", "isoc_ec_esels"), ("NO", "SE"), None)
    merged, _notes = with_cached_datasets(load_dataset())
    for code, lag in (("isoc_cismt", 0), ("isoc_ec_esels", 1)):
        doc = answer(code, ["NO", "SE"])
        dims = doc["dimension"]
        ordered = [list(dims[d]["category"]["index"]) for d in doc["id"]]
        sizes = doc["size"]
        for key, value in doc["value"].items():
            flat, codes = int(key), []
            for n, options in zip(reversed(sizes), reversed(ordered), strict=True):
                flat, at = divmod(flat, n)
                codes.insert(0, options[at])
            record = dict(zip(doc["id"], codes, strict=True))
            group = {"GE10": "total", "GE250": "250+"}.get(record["size_emp"], record["size_emp"])
            ident = EMBEDDED_AS.get(
                (code, record["indic_is"]), f"eurostat:{code}:{record['indic_is']}/{record['unit']}"
            )
            figure = merged.figure(ident, int(record["time"]) - lag, group, record["geo"])
            assert figure is not None, (ident, record)
            assert figure.exact == Decimal(str(value))
            assert figure.survey_year == int(record["time"])
            assert figure.status == doc.get("status", {}).get(key, "")
            assert figure.breakdown == ("total" if group == "total" else "size")


def test_label_and_unit_come_from_the_answer(eurostat_api: EurostatServer) -> None:
    update_datasets(("isoc_cismp",), ("NO",), None)
    merged, _notes = with_cached_datasets(load_dataset())
    ident = "eurostat:isoc_cismp:E_SM_PRCR/PC_ENT_SM"
    assert merged.labels.get("indicator", ident, "en") == (
        "Enterprises use social media to recruit employees / "
        "Percentage of enterprises using social media (API)"
    )
    figure = merged.series(ident)[0]
    assert (
        merged.labels.get("base", figure.base, "en")
        == "Percentage of enterprises using social media"
    )
    assert figure.unit == "percent"
