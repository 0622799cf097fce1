"""`ikt show` and `ikt get` after an update: a revised figure says so beside the sources."""

from __future__ import annotations

from tests.helpers.cli import Run
from tests.helpers.ssb_server import SsbServer, answer_at
from tui.core.cache import read_entry

TOTAL = {"NACE2007": "Total-K", "SyssGrpIKT": "00"}


def fetch_day() -> str:
    entry = read_entry("ssb-10974-no.json")
    assert entry is not None
    return entry.fetched_at[:10]


def test_show_notes_each_revision_once_with_both_values(run: Run, ssb_api: SsbServer) -> None:
    assert run("update", "--tables", "10974").code == 0
    day = fetch_day()
    new_2014, _ = answer_at("10974", {**TOTAL, "ContentsCode": "EhandelAll", "Tid": "2014"})
    result = run("show", "ecommerce", "--years", "2012-2014", "--lang", "en")
    assert result.code == 0, result.err
    notes = [line for line in result.out.splitlines() if "revised:" in line]
    assert notes == [
        f"2012 Carried out e-commerce (sales or purchases), Total: "
        f"revised: 58 → .. (SSB API, fetched {day})",
        f"2014 Carried out e-commerce (sales or purchases), Total: "
        f"revised: 66 → {new_2014} (SSB API, fetched {day})",
        f"2012 E-commerce via EDI, Total: revised: 7 → "
        f"{answer_at('10974', {**TOTAL, 'ContentsCode': 'EdiHandel', 'Tid': '2012'})[0]}"
        f" (SSB API, fetched {day})",
    ]
    unrevised = run("show", "ecommerce", "--year", "2013", "--lang", "en")
    assert "revised" not in unrevised.out


def test_get_notes_the_revision_in_bokmal(run: Run, ssb_api: SsbServer) -> None:
    assert run("update", "--tables", "10974").code == 0
    day = fetch_day()
    new_2014, _ = answer_at("10974", {**TOTAL, "ContentsCode": "EhandelAll", "Tid": "2014"})
    result = run("get", "ec_any", "--year", "2014", "--lang", "nb")
    assert result.code == 0, result.err
    nb = str(new_2014).replace(".", ",")
    assert (
        f"2014 Utført e-handel (salg eller kjøp), Totalt: revidert: 66 → {nb} (SSB API, hentet {day})"
        in result.out
    )


def test_update_lists_the_measures_it_could_not_place_and_show_finds_them(
    run: Run, ssb_api: SsbServer
) -> None:
    result = run("update", "--tables", "11307")
    assert result.code == 0, result.err
    line = result.out.splitlines()[0]
    assert line.startswith("table 11307: 80 figures for social_media (fetched ")
    assert line.endswith(
        "; not placed, shown apart as not-placed-11307: Betalt reklame på internett"
    )
    apart = run("show", "not-placed-11307", "--lang", "en")
    assert apart.code == 0, apart.err
    assert apart.out.splitlines()[0] == "SSB table 11307: not placed: Norway, Total"
    assert "Betalt reklame på internett (API)" in apart.out
    social = run("show", "social-media", "--lang", "en")
    assert "Betalt reklame i sosiale medium (API)" in social.out
    assert "Betalt reklame på internett" not in social.out
