"""The explorer's ready-made copy of the data gives exactly what reading the files gives, or is
not used: a changed, damaged or foreign copy falls back to the careful reading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core import DataError, load_dataset, snapshot
from tui.core.dataset import Dataset
from tui.core.loader import default_data_dir
from tui.core.snapshot import SNAPSHOT_NAME, load_embedded
from tui.core.start_file import START_FOLDER

DATA = default_data_dir()


def copy_path(cache: Path) -> Path:
    return cache / START_FOLDER / SNAPSHOT_NAME


def assert_same(quick: Dataset, careful: Dataset) -> None:
    """Figure by figure, field by field, and every look-up the screens make."""
    assert len(quick.figures) == len(careful.figures)
    for mine, theirs in zip(quick.figures, careful.figures, strict=True):
        assert type(mine) is type(theirs)
        assert mine == theirs
        assert (mine.period, mine.annual, mine.value) == (
            theirs.period,
            theirs.annual,
            theirs.value,
        )
    assert quick.labels.names == careful.labels.names
    assert quick.sources == careful.sources
    assert quick.indicators == careful.indicators
    assert quick._by_key == careful._by_key
    assert quick._groups == careful._groups
    for theme in careful.themes():
        for breakdown in ("total", "size", "industry"):
            for geo in careful.theme_geos(theme):
                assert quick.slice(theme, breakdown, geo) == careful.slice(theme, breakdown, geo)


def refuse_careful_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(folder: Path | None = None) -> Dataset:
        raise AssertionError("the files were read although the copy is current")

    monkeypatch.setattr(snapshot, "load_dataset", refuse)


def test_the_copy_gives_the_same_dataset_as_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    careful = load_dataset()
    first = load_embedded(None, tmp_path)  # no copy yet: read from the files, copy written
    assert copy_path(tmp_path).is_file()
    assert_same(first, careful)
    refuse_careful_reading(monkeypatch)
    assert_same(load_embedded(None, tmp_path), careful)


def test_the_copy_keeps_figures_shared_between_the_list_and_the_index(tmp_path: Path) -> None:
    load_embedded(None, tmp_path)
    quick = load_embedded(None, tmp_path)
    listed = {id(f) for f in quick.figures}
    assert all(id(f) in listed for series in quick._by_key.values() for f in series)


def edited_data(tmp_path: Path) -> tuple[Path, str, str]:
    """A copy of data/ with the first figure's value changed; (folder, old value, new value)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    figures = folder / "figures.csv"
    header, first, rest = figures.read_text(encoding="utf-8").split("\n", 2)
    fields = first.split(",")
    value_at = header.split(",").index("value")
    old = fields[value_at]
    new = str(int(old) + 1)
    fields[value_at] = new
    figures.write_text("\n".join([header, ",".join(fields), rest]), encoding="utf-8")
    return folder, old, new


def test_a_changed_data_file_makes_the_copy_stale(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    cache = tmp_path / "cache"
    before = load_embedded(folder, cache)
    edited, old, new = edited_data(tmp_path / "edit")
    shutil.copy(edited / "figures.csv", folder / "figures.csv")
    after = load_embedded(folder, cache)
    assert before.figures[0].value_text == old
    assert after.figures[0].value_text == new
    assert_same(after, load_dataset(folder))
    assert_same(load_embedded(folder, cache), load_dataset(folder))  # and the new copy holds


def test_a_changed_module_makes_the_copy_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy names the code that made it: other code (same release number) reads the files."""
    load_embedded(None, tmp_path)
    stamp = snapshot.current_stamp(DATA)
    assert stamp is not None
    assert snapshot.read_snapshot(copy_path(tmp_path), stamp) is not None
    code = list(stamp[4])
    code[0] += b"\n# edited\n"
    other = (*stamp[:4], tuple(code))
    assert snapshot.read_snapshot(copy_path(tmp_path), other) is None


def flip_a_letter_near_the_end(data: bytes) -> bytes:
    """One bit of a figure's text flipped ('e' becomes 'd'): still a readable copy, but wrong."""
    at = data.rindex(b"e")
    return data[:at] + b"d" + data[at + 1 :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # cut short
        flip_a_letter_near_the_end,
        lambda data: b"",  # empty
        lambda data: b"not a copy at all",
    ],
    ids=["cut-short", "letter-flipped", "empty", "foreign"],
)
def test_a_damaged_copy_is_never_read(tmp_path: Path, damage: object) -> None:
    load_embedded(None, tmp_path)
    path = copy_path(tmp_path)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert_same(load_embedded(None, tmp_path), load_dataset())
    stamp = snapshot.current_stamp(DATA)
    assert stamp is not None
    assert snapshot.read_snapshot(path, stamp) is not None  # written anew


def test_a_cache_that_cannot_be_written_only_slows_the_start(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    assert_same(load_embedded(None, blocked), load_dataset())
    assert list(tmp_path.iterdir()) == [blocked]  # no temp file left behind


def test_bad_data_is_refused_as_the_careful_reading_refuses_it(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    cache = tmp_path / "cache"
    load_embedded(folder, cache)
    figures = folder / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace(",NO,", ",XX,", 1))
    with pytest.raises(DataError) as careful:
        load_dataset(folder)
    with pytest.raises(DataError) as quick:
        load_embedded(folder, cache)
    assert str(quick.value) == str(careful.value)
