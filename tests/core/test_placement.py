"""Fetched measures land on the screen their table or whole words name, or are listed as not placed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core.cube import Cube, Dimension
from tui.core.loader import default_data_dir
from tui.core.placement import place_measure, theme_for, themes_in
from tui.core.refresh import place_table
from tui.core.ssb_tables import Registry, registry


@pytest.fixture
def known() -> Registry:
    return registry()


@pytest.mark.parametrize(
    "label",
    [
        "Nettstader for deling av multimedieinnhald",
        "Multimedia content sharing websites",
        "Nettsteder for deling av multimedieinnhold",
    ],
)
def test_multimedia_sharing_is_social_media_not_ecommerce(known: Registry, label: str) -> None:
    assert theme_for(label, "") == "social_media"
    placed = place_measure(known, "99999", "Tabell 99999", "X", (label,))
    assert (placed.theme, placed.reason) == ("social_media", "words")


@pytest.mark.parametrize(
    "text",
    [
        "Foretak som gir kreditt til kunder",
        "Cross-border activity",
        "Kreditt",
        "border",
        "Medieovervaking",  # 'medie' alone is no social medium
        "Salgsfremmende tiltak",  # 'salg' inside a longer word
    ],
)
def test_words_inside_other_words_do_not_place(text: str) -> None:
    assert themes_in(text) == []
    assert theme_for(text, "") is None


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Har IKT-tryggleik vurdert", "policy"),
        ("Sikkerheit ved bruk av skytjenester", "policy"),
        ("ICT security measures", "policy"),
        ("Føretak som nyttar sosiale medium", "social_media"),
        ("Enterprises using social media", "social_media"),
        ("Sal via EDI", "ecommerce"),
        ("Mottatt ordrer? Received orders via EDI", "ecommerce"),
        ("Har formell politikk for bruk av sosiale medium", "policy"),
    ],
)
def test_nynorsk_bokmal_and_english_keywords_place_as_whole_words(text: str, theme: str) -> None:
    assert theme_for(text, "") == theme


def test_a_table_title_with_e_handel_goes_to_ecommerce(known: Registry) -> None:
    title = "99999: E-handel, etter næring (SN2025) og år"
    placed = place_measure(known, "99999", title, "Andel", ("Andel av foretaka",))
    assert (placed.theme, placed.reason) == ("ecommerce", "words")


def test_a_known_table_places_measures_whose_words_say_nothing(known: Registry) -> None:
    title = "10977: Bruk av sosiale medium, etter type og sysselsetting og næring (SN2007)"
    placed = place_measure(known, "10977", title, "Kunnskap", ("Verktøy for kunnskapsdeling",))
    assert (placed.theme, placed.reason) == ("social_media", "table")
    security = place_measure(known, "12769", "12769: IKT-tiltak", "A", ("Tiltak A",))
    assert security.theme == "policy"


def test_a_known_measure_is_found_by_its_exact_label(known: Registry) -> None:
    label = "Nettstader for deling av  multimedieinnhald (t.d. YouTube)"
    placed = place_measure(known, "10977", "10977", "Code", (label,))
    assert (placed.theme, placed.reason, placed.indicator) == (
        "social_media",
        "measure",
        "sm_type_multimedia_sharing",
    )


def test_a_title_naming_another_screen_overrides_the_registry(known: Registry) -> None:
    # the registry says 10974 is e-commerce; an answer titled as social media is not that table
    title = "10974: Bruk av sosiale medier og digital intensitet i foretak"
    placed = place_measure(known, "10974", title, "HoyDigInt", ("Høy digital intensitet",))
    assert (placed.theme, placed.reason) == ("social_media", "words")


def _cube(title: str, measures: list[tuple[str, str]]) -> Cube:
    contents = Dimension(
        "ContentsCode",
        "statistikkvariabel",
        tuple(c for c, _ in measures),
        tuple(label for _, label in measures),
        role="metric",
    )
    years = Dimension("Tid", "år", ("2023", "2024"), ("2023", "2024"), role="time")
    cells = len(measures) * 2
    return Cube(
        "https://example.invalid/api",
        title,
        (contents, years),
        tuple(float(10 + i) for i in range(cells)),
        ("",) * cells,
    )


def test_a_measure_no_screen_fits_is_listed_as_not_placed() -> None:
    cube = _cube(
        "99999: Diverse tal om føretak",
        [
            ("SosMed", "Føretak som nyttar sosiale medium"),
            ("HoyDigInt", "Føretak med høg digital intensitet"),
            ("Kreditt", "Føretak som gir kreditt over landegrensa (cross-border)"),
        ],
    )
    placed = place_table("99999", cube, "2026-01-02T03:04:05Z", "https://example.invalid/api")
    assert placed.not_placed == (
        "Føretak med høg digital intensitet",
        "Føretak som gir kreditt over landegrensa (cross-border)",
    )
    # never on a wrong screen: the measures no screen fits are on a screen of their table's own
    themes = {f.indicator: f.theme for f in placed.dataset.figures}
    assert themes == {
        "ssb99999:SosMed": "social_media",
        "ssb99999:HoyDigInt": "not_placed_99999",
        "ssb99999:Kreditt": "not_placed_99999",
    }
    assert len(placed.dataset.figures) == 6
    labels = placed.dataset.labels
    assert labels.get("theme", "not_placed_99999", "en") == "SSB table 99999: not placed"
    assert labels.get("theme", "not_placed_99999", "nb") == "SSB-tabell 99999: ikke plassert"


def test_default_tables_come_from_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.core.refresh as refresh

    assert refresh.DEFAULT_TABLES == ("10974", "10977", "10978", "12769")
    folder = tmp_path / "data"
    shutil.copytree(default_data_dir(), folder)
    path = folder / "ssb_tables.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",2012-2016,,no", ",2012-2016,,yes"),
        encoding="utf-8",
    )
    monkeypatch.setenv("IKT_DATA_DIR", str(folder))
    assert refresh.DEFAULT_TABLES == ("10974", "10977", "10978", "12769", "10979")
    with pytest.raises(AttributeError):
        _ = refresh.NO_SUCH_NAME  # type: ignore[attr-defined]
