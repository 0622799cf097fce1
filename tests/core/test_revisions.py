"""A fetched figure that revises the snapshot's: both are kept, and both say so with both values."""

from __future__ import annotations

from decimal import Decimal

from tests.helpers.ssb_server import SsbServer, answer_at
from tui.core import load_dataset
from tui.core.cache import read_entry
from tui.core.dataset import Dataset
from tui.core.provenance import revision_text
from tui.core.refresh import update_tables, with_cached_tables

TOTAL = {"NACE2007": "Total-K", "SyssGrpIKT": "00"}  # SSB's codes of the 10+ total


def updated(ssb_api: SsbServer, lang: str = "nb") -> tuple[Dataset, Dataset, str]:
    """The snapshot, the snapshot with table 10974 fetched from the stand-in, and the fetch day."""
    base = load_dataset()
    results = update_tables(("10974",), "no", ssb_api.base_url, embedded=base)
    assert results[0].ok, results
    merged, notes = with_cached_tables(base, lang, ("10974",))
    assert notes == []
    entry = read_entry("ssb-10974-no.json")
    assert entry is not None
    return base, merged, entry.fetched_at[:10]


def test_a_revised_figure_keeps_both_values_and_both_name_the_revision(
    ssb_api: SsbServer,
) -> None:
    base, merged, day = updated(ssb_api)
    new_value, status = answer_at("10974", {**TOTAL, "ContentsCode": "EhandelAll", "Tid": "2014"})
    assert new_value is not None and status == ""
    embedded = merged.figure("ec_any", 2014)
    fetched = merged.figure("ssb10974:EhandelAll", 2014)
    assert embedded is not None and fetched is not None
    assert embedded == base.figure("ec_any", 2014)  # the snapshot's figure is kept as it was
    assert embedded.exact == Decimal("66") and fetched.exact == Decimal(str(new_value))
    for figure in (embedded, fetched):
        change = merged.revision_of(figure)
        assert change is not None and change.kind == "revised"
        assert (change.before, change.fetched) == (embedded, fetched)
    new_en, new_nb = str(new_value), str(new_value).replace(".", ",")
    assert "." in new_en  # the stand-in's figure has decimals: the comma is seen in bokmål
    for figure in (embedded, fetched):
        assert revision_text(merged, figure, "en") == (
            f"revised: 66 → {new_en} (SSB API, fetched {day})"
        )
        assert revision_text(merged, figure, "nb") == (
            f"revidert: 66 → {new_nb} (SSB API, hentet {day})"
        )


def test_a_figure_ssb_no_longer_gives_is_revised_to_its_symbol(ssb_api: SsbServer) -> None:
    _base, merged, day = updated(ssb_api)
    cell = {**TOTAL, "ContentsCode": "EhandelAll", "Tid": "2012"}
    assert answer_at("10974", cell) == (None, "..")
    embedded = merged.figure("ec_any", 2012)
    assert embedded is not None and embedded.exact == Decimal("58")
    assert revision_text(merged, embedded, "en") == f"revised: 58 → .. (SSB API, fetched {day})"


def test_unchanged_and_new_figures_say_nothing_of_a_revision(ssb_api: SsbServer) -> None:
    _base, merged, _day = updated(ssb_api)
    same = merged.figure("ec_any", 2013)  # the stand-in gives 55, as the snapshot has it
    assert same is not None and same.exact == Decimal("55")
    assert merged.revision_of(same) is None and revision_text(merged, same, "en") == ""
    new = merged.figure("ssb10974:EhandelAll", 2013, group="10-19")  # no 10-19 in the snapshot
    assert new is not None
    assert merged.revision_of(new) is None and revision_text(merged, new, "nb") == ""
    eurostat = [f for f in merged.figures if f.series != "ssb" and f.series != "ssb_api"]
    assert eurostat and all(merged.revision_of(f) is None for f in eurostat)


def test_the_snapshot_alone_has_no_revisions() -> None:
    base = load_dataset()
    assert base.revised == {}
    assert all(revision_text(base, f, "en") == "" for f in base.figures)
