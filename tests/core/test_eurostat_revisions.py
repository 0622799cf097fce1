"""Fetched Eurostat figures of the embedded measures: one row each, revisions with both values."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.helpers.eurostat_data import answer
from tests.helpers.eurostat_expected import embedded_places
from tests.helpers.eurostat_server import EurostatServer
from tui.core import eurostat_api as eurostat_api_module
from tui.core import load_dataset
from tui.core.dataset import Dataset
from tui.core.eurostat_refresh import update_datasets, with_cached_datasets
from tui.core.provenance import revision_text
from tui.core.refresh import TableUpdate, update_summary
from tui.core.revisions import Revisions
from tui.core.ssb_query import RateLimiter

GEOS = ["NO", "SE"]


@pytest.fixture(autouse=True)
def unpaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test fetches all seven datasets from the loopback stand-in: no minute's pause."""
    monkeypatch.setattr(eurostat_api_module, "SHARED_LIMITER", RateLimiter(1000, 1.0))


def fetched(eurostat_api: EurostatServer) -> tuple[Dataset, Dataset, list[TableUpdate]]:
    """The snapshot, the snapshot with every stand-in dataset, and what the update said."""
    base = load_dataset()
    results = update_datasets(None, GEOS, None, embedded=base)
    assert all(r.ok for r in results), results
    merged, notes = with_cached_datasets(base)
    assert notes == []
    return base, merged, results


def test_each_listed_measure_is_one_row_with_the_fetched_figures(
    eurostat_api: EurostatServer,
) -> None:
    base, merged, _results = fetched(eurostat_api)
    expected = embedded_places(GEOS)
    assert {ident for ident, *_rest in expected} >= {"eu_e_esell", "eu_turnover_share"}
    for (indicator, geo, breakdown, group, year), (value, status, code) in expected.items():
        figure = merged.figure(indicator, year, group, geo)
        assert figure is not None, (indicator, geo, group, year)
        assert (figure.exact, figure.status) == (value, status), (indicator, geo, group, year)
        assert figure.source_id == f"eurostat-api-{code}" and figure.breakdown == breakdown
        assert figure.base == base.series(indicator, "total", "NO")[0].base
    for theme in ("ecommerce", "policy"):
        for geo in GEOS:
            rows = [(r.indicator, r.group) for r in merged.slice(theme, "total", geo).rows]
            assert len(rows) == len(set(rows))
            # no row of its own for a listed measure: every ecommerce and policy measure of the
            # stand-in at all activities is listed
            assert not [i for i, _g in rows if i.startswith("eurostat:")], (theme, geo, rows)
    # a figure no answer gives stays the snapshot's
    assert merged.figure("eu_e_esell", 2015, "total", "NO") == base.figure("eu_e_esell", 2015)


def test_a_revised_figure_keeps_both_values_and_says_so(eurostat_api: EurostatServer) -> None:
    base, merged, _results = fetched(eurostat_api)
    expected = embedded_places(GEOS)
    revised = 0
    for (indicator, geo, _breakdown, group, year), (value, status, _code) in expected.items():
        before = base.figure(indicator, year, group, geo)
        shown = merged.figure(indicator, year, group, geo)
        assert shown is not None
        change = merged.revision_of(shown)
        if before is None or (before.exact, before.status) == (value, status):
            assert change is None or change.before is None
            continue
        revised += 1
        assert before in merged.figures and shown in merged.figures  # both kept
        assert change is not None and change.before == before and change.fetched == shown
        assert merged.revision_of(before) == change
        old = str(before.exact) if before.exact is not None else before.status
        new = str(shown.exact) if shown.exact is not None else shown.status
        day = change.fetched_on
        assert revision_text(merged, shown, "en") == (
            f"revised: {old} → {new} (Eurostat API, fetched {day})"
        )
    assert revised > 10


def test_the_summary_counts_every_fetched_figure_once(eurostat_api: EurostatServer) -> None:
    base, merged, results = fetched(eurostat_api)
    expected = embedded_places(GEOS)
    summary = sum((r.revisions for r in results), start=Revisions())
    counted = summary.new + summary.revised + summary.unchanged
    fetched_figures = [f for f in merged.figures if f.series == "eurostat_api"]
    assert counted == len(fetched_figures)
    revised_places = {
        (c.before.indicator, c.before.geo, c.before.group, c.before.ref_year)
        for c in summary.changes
        if c.before is not None
    }
    for (indicator, geo, _b, group, year), (value, status, _code) in expected.items():
        before = base.figure(indicator, year, group, geo)
        differs = before is not None and (before.exact, before.status) != (value, status)
        assert ((indicator, geo, group, year) in revised_places) == differs
    assert update_summary(results) == (
        f"{summary.new} new, {summary.revised} revised, {summary.unchanged} unchanged figures"
    )


def test_a_place_two_datasets_give_shows_the_first_and_cites_the_other(
    eurostat_api: EurostatServer,
) -> None:
    _base, merged, _results = fetched(eurostat_api)
    expected = embedded_places(GEOS, ["isoc_ec_eseln2"])
    checked = 0
    for (indicator, geo, _b, group, year), (value, _status, _code) in expected.items():
        shown = merged.figure(indicator, year, group, geo)
        assert shown is not None
        if shown.source_id == "eurostat-api-isoc_ec_eseln2":
            continue  # esels gave no value here
        assert shown.source_id == "eurostat-api-isoc_ec_esels"
        if value is None or shown.exact is None:
            continue
        checked += 1
        cited = "eurostat-api-isoc_ec_eseln2"
        if shown.exact == value:
            assert cited in shown.corroborating
        else:
            assert (cited, str(value)) in shown.disagreeing
    assert checked > 0


@dataclass
class Watcher:
    """Records what an update tells its progress display."""

    started: list[tuple[int, int, str, str]] = field(default_factory=list)
    cells: int = 0
    done: list[str] = field(default_factory=list)
    waits: list[tuple[float, str]] = field(default_factory=list)

    def table_started(self, index: int, total: int, table_id: str, kind: str = "table") -> None:
        self.started.append((index, total, table_id, kind))

    def cells_fetched(self, cells: int) -> None:
        self.cells += cells

    def waiting(self, seconds: float, why: str) -> None:
        self.waits.append((seconds, why))

    def table_done(self, result: TableUpdate) -> None:
        self.done.append(result.table_id)


def test_the_progress_display_follows_the_datasets(eurostat_api: EurostatServer) -> None:
    watcher = Watcher()
    codes = ("isoc_cismt", "isoc_ec_esels", "tin00110")
    results = update_datasets(codes, GEOS, None, progress=watcher)
    assert all(r.ok for r in results)
    assert watcher.started == [(i, 3, code, "dataset") for i, code in enumerate(codes, 1)]
    assert watcher.done == list(codes)
    assert watcher.cells == sum(len(answer(code, GEOS)["value"]) for code in codes)
