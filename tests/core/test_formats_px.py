"""PX reader: SSB's windows-1252 StatBank files, symbols kept, layout and every error path."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.cube import Cube
from tui.core.errors import DataError
from tui.core.formats import read_table
from tui.core.formats.px import parse_px

FIXTURE = Path(__file__).parent.parent / "fixtures" / "formats" / "ssb_10974.px"


def cells(cube: Cube) -> dict[tuple[str, ...], tuple[float | None, str]]:
    return {codes: (value, status) for codes, value, status in cube.cells()}


def px(body: str, data: str = "1 2 3 4", encoding: str = "utf-8") -> bytes:
    """A small PX file: STUB region (2), HEADING år (2), DATA as given."""
    head = (
        'STUB="region";\nHEADING="år";\n'
        'VALUES("region")="Oslo","Tromsø";\nVALUES("år")="2023","2024";\n'
    )
    return (body + head + f"DATA=\n{data};\n").encode(encoding)


def test_windows_1252_fixture_dimensions() -> None:
    cube = read_table(FIXTURE)
    nace, contents, tid = cube.dimensions
    assert (nace.id, nace.label, nace.role) == ("NACE2007", "næring (SN2007)", None)
    assert nace.codes == ("10-95", "47")
    assert nace.labels == (
        "Alle næringer (10-95) unntatt finans",
        "Detaljhandel, unntatt med motorvogner",
    )
    assert (contents.id, contents.label, contents.role) == (
        "ContentsCode",
        "statistikkvariabel",
        "metric",
    )
    assert contents.codes == ("SosMedier", "HoyDigInt")
    assert contents.labels == (
        "Foretak som bruker sosiale medier (prosent)",
        "Foretak med høy digital intensitet (prosent)",
    )
    assert contents.units == ("prosent", "prosent av foretakene")
    assert (tid.id, tid.label, tid.role) == ("Tid", "år", "time")
    assert tid.codes == ("2021", "2022", "2023", "2024")  # VALUES spans two lines


def test_windows_1252_fixture_values_and_symbols() -> None:
    cube = read_table(FIXTURE)
    assert cube.values == (
        58.2, 60.0, 62.1, 64.0,
        None, 28.4, 30.0, 31.5,
        66.1, None, 70.9, None,
        18.0, 19.5, None, 22.6,
    )  # fmt: skip
    got = cells(cube)
    assert got[("10-95", "HoyDigInt", "2021")] == (None, "..")
    assert got[("47", "SosMedier", "2022")] == (None, ":")
    assert got[("47", "SosMedier", "2024")] == (None, "-")
    assert got[("47", "HoyDigInt", "2023")] == (None, ".")
    assert got[("47", "HoyDigInt", "2024")] == (22.6, "")


def test_windows_1252_fixture_metadata() -> None:
    cube = read_table(FIXTURE)
    # the TITLE is two quoted pieces on two lines; the [en] TITLE is not used
    assert cube.label == (
        "Bruk av sosiale medier og digital intensitet i foretak, etter næring (SN2007), "
        "statistikkvariabel og år"
    )
    assert cube.updated == "2024-11-28T08:00"  # the latest per-content LAST-UPDATED
    # 0x96 is an en dash in windows-1252 (a control character in latin-1); ';' inside a string
    assert cube.notes == (
        "Tallene gjelder foretak med minst 10 sysselsatte \u2013 finans er ikke med; se om statistikken.",
    )


def test_heading_variables_vary_fastest() -> None:
    raw = (
        'STUB="region";\nHEADING="kjønn","år";\n'
        'VALUES("region")="A","B";\nVALUES("kjønn")="m","k";\nVALUES("år")="1","2","3";\n'
        "DATA=\n1 2 3 4 5 6\n7 8 9 10 11 12;\n"
    ).encode()
    cube = parse_px(raw, "h.px")
    assert [d.id for d in cube.dimensions] == ["region", "kjønn", "år"]
    got = cells(cube)
    assert got[("A", "m", "3")] == (3.0, "")
    assert got[("A", "k", "1")] == (4.0, "")
    assert got[("B", "k", "3")] == (12.0, "")


def test_utf8_without_codes_uses_labels_and_guesses_metric_by_name() -> None:
    body = 'TITLE="Små tall";\nSTUB="statistikkvariabel";\nVALUES("statistikkvariabel")="Andel";\n'
    raw = (
        body
        + 'HEADING="år";\nVALUES("år")="2023","2024";\nTIMEVAL("år")=TLIST(A1, "2023"-"2024");\n'
        'DATA=\n".." 5e1;\n'
    ).encode()
    cube = parse_px(raw, "u.px")
    contents, year = cube.dimensions
    assert (contents.id, contents.codes, contents.role, contents.units) == (
        "statistikkvariabel",
        ("Andel",),
        "metric",
        (),
    )
    assert (year.role, year.codes) == ("time", ("2023", "2024"))
    assert cube.values == (None, 50.0)
    assert cube.statuses == ("..", "")
    assert cube.label == "Små tall"
    assert cube.updated is None


def test_no_metric_variable_means_no_metric_role() -> None:
    cube = parse_px(px(""), "n.px")
    assert cube.dimension("metric") is None
    assert cube.label == "n.px"


def test_codepage_names_the_encoding() -> None:
    raw = px('CODEPAGE="iso-8859-15";\nTITLE="Pris i \u20ac";\n', encoding="iso-8859-15")
    assert parse_px(raw, "e.px").label == "Pris i €"


def test_utf8_codepage_wins_over_ansi_charset() -> None:
    raw = px('CHARSET="ANSI";\nCODEPAGE="utf-8";\nTITLE="Bedrifter på Tromsø";\n')
    cube = parse_px(raw, "a.px")
    assert cube.label == "Bedrifter på Tromsø"
    assert cube.dimensions[0].labels == ("Oslo", "Tromsø")


def test_time_is_guessed_by_name_only_without_timeval() -> None:
    assert [d.role for d in parse_px(px(""), "t.px").dimensions] == [None, "time"]
    raw = px('TIMEVAL("region")=TLIST(A1),"Oslo","Tromsø";\n')
    assert [d.role for d in parse_px(raw, "t.px").dimensions] == ["time", None]


def test_unquoted_symbols_commas_and_tabs_in_data() -> None:
    cube = parse_px(px("", data='1,\t..  "..."\n-'), "s.px")
    assert cube.values == (1.0, None, None, None)
    assert cube.statuses == ("", "..", "...", "-")


@pytest.mark.parametrize(
    ("raw", "problem", "line"),
    [
        (px("").split(b"DATA=")[0], "no DATA keyword", None),
        (px("", data="1 2 3"), "DATA has 3 cells but the table needs 4 (2 x 2)", 5),
        (px("", data="1 2\n3 abc"), "DATA cell 4 is 'abc', not a number", 7),
        (px("", data="1 2\n3 nan"), "DATA cell 4 is 'nan', not a number", 7),
        (px("", data="1 2 3 1e999"), "DATA cell 4 is '1e999', not a number", 6),
        (px("", data='1 2 3 "x"'), "DATA cell 4 is 'x', not a number", 6),
        (px("", data='1 2 3 "4'), "DATA cell 4 is '\"4', not a number", 6),
        (px("").replace(b";\n", b"\n", 3)[:-2], "not ended by ';'", None),
        # without its final ';' DATA is whole only with exactly the cells needed (4 here)
        (px("").replace(b"DATA=\n1 2 3 4;", b"DATA=\n1 2 3"), "DATA is not ended by ';'", 5),
        (px("").replace(b"DATA=\n1 2 3 4;", b'DATA=\n1 2 3 "..'), "not ended by ';'", 5),
        (px('CODES("region")="1";\n'), "'region' has 1 CODES but 2 VALUES", None),
        (px('CODES("region")="1","1";\n'), "'region' has duplicate code '1'", None),
        (
            px("").replace(b'VALUES("\xc3\xa5r")="2023","2024";\n', b""),
            "no VALUES for variable 'år'",
            None,
        ),
        (px('KEYS("region")=VALUES;\n'), "KEYS (sparse DATA) are not supported", None),
        (px('CODEPAGE="no-such-codepage";\n'), "unknown CODEPAGE 'no-such-codepage'", None),
        (px('CODEPAGE="base64";\n'), "unknown CODEPAGE 'base64'", None),
        (b'TITLE="x";\nDATA=\n1;', "no STUB or HEADING variables", None),
        (px("").replace(b'"Oslo"', b'"Oslo" "Bod\xc3\xb8" x'), "missing comma in list", 3),
        (px("").replace(b'"Oslo",', b'"Oslo",,'), "empty item in list", 3),
        (b"TITLE \x00garbage", "cannot read keyword", 1),
    ],
)
def test_broken_px_is_refused(raw: bytes, problem: str, line: int | None) -> None:
    with pytest.raises(DataError) as err:
        parse_px(raw, "bad.px")
    assert err.value.source == "bad.px"
    assert problem in err.value.problem
    if line is not None:
        assert err.value.line == line


def test_undecodable_utf8_names_line() -> None:
    raw = px("").replace("Tromsø".encode(), b"Troms\xf8")  # latin-1 byte without CHARSET
    with pytest.raises(DataError) as err:
        parse_px(raw, "enc.px")
    assert "not valid utf-8" in err.value.problem
    assert err.value.line == 3


def test_read_table_detects_px_whatever_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "download.json"
    target.write_bytes(FIXTURE.read_bytes())
    assert read_table(target).values == read_table(FIXTURE).values
