"""SSB's table list is read page by page, as the API pages it, with every table's own facts."""

from __future__ import annotations

import pytest

from tests.helpers.ssb_server import SsbServer
from tests.helpers.ssb_table_list import LISTED
from tui.core.errors import DataError, NetworkError
from tui.core.ssb_table_list import list_tables, read_page, tables_url


def test_every_page_is_read_in_turn(ssb_api: SsbServer) -> None:
    found = list_tables("", "no", base_url=ssb_api.base_url, page_size=2)
    assert [t.table_id for t in found.tables] == list(LISTED)
    assert found.total == len(LISTED) and not found.cut
    asked = [r for r in ssb_api.state.requests if r.path.endswith("/tables")]
    assert [r.query["pageNumber"] for r in asked] == [["1"], ["2"], ["3"]]
    assert all(r.query["includeDiscontinued"] == ["true"] for r in asked)


def test_each_table_keeps_its_periods_update_and_whether_it_goes_on(ssb_api: SsbServer) -> None:
    found = list_tables("SN2025", "en", base_url=ssb_api.base_url)
    assert [t.table_id for t in found.tables] == ["14933"]
    table = found.tables[0]
    label_en, first, last, updated, discontinued = LISTED["14933"][1:]
    assert (table.title, table.first_period, table.last_period) == (label_en, first, last)
    assert (table.updated, table.discontinued) == (updated, discontinued)
    old = list_tables("sosiale medium", "no", base_url=ssb_api.base_url).tables
    assert {t.table_id: t.discontinued for t in old} == {
        "10977": True,
        "10978": True,
        "14933": False,
    }


def test_the_words_are_sent_as_one_query(ssb_api: SsbServer) -> None:
    list_tables("e-handel næring", "no", base_url=ssb_api.base_url)
    assert ssb_api.state.requests[-1].query["query"] == ["e-handel næring"]
    assert "query=e-handel%20n%C3%A6ring" in tables_url("B", "e-handel næring", "no", 1)


def test_an_answer_without_a_page_is_a_data_error() -> None:
    with pytest.raises(DataError, match="no 'page' object"):
        read_page({"language": "no", "tables": []}, "u")
    with pytest.raises(DataError, match="no id"):
        read_page({"tables": [{"label": "x"}], "page": {"totalElements": 1, "totalPages": 1}}, "u")


def test_a_wrong_base_url_is_one_line(ssb_api: SsbServer) -> None:
    with pytest.raises(NetworkError) as caught:
        list_tables("", "no", base_url=ssb_api.origin + "/api/nothing")
    assert "404" in str(caught.value) and "\n" not in str(caught.value)
