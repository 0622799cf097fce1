"""`--output FILE`: every format into a file, whole or not at all, never over another file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.helpers.cli import Run
from tui.cli.destination import write_file
from tui.cli.resolve import CliError

COMMANDS = [
    ["list"],
    ["list", "ecommerce"],
    ["show", "ecommerce", "--by", "size"],
    ["show", "policy", "--geo", "NO,SE"],
    ["get", "ec_sales_web"],
]
FORMATS = ["table", "csv", "json", "markdown"]


def only_file(folder: Path) -> list[str]:
    """Every name in `folder`, hidden temporary files included."""
    return sorted(os.listdir(folder))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_the_file_holds_what_a_pipe_gets(
    run: Run, tmp_path: Path, argv: list[str], fmt: str
) -> None:
    piped = run(*argv, "--format", fmt)
    target = tmp_path / f"answer.{fmt}"
    written = run(*argv, "--format", fmt, "--output", str(target))
    assert written.code == 0, written.err
    assert written.out == ""
    assert written.err == piped.err  # notes and scope stay on stderr
    assert target.read_bytes() == piped.out.encode("utf-8")
    assert only_file(tmp_path) == [target.name]


def test_an_existing_file_is_left_as_it_is(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "policy.csv"
    target.write_text("mine\n", encoding="utf-8")
    result = run("show", "policy", "--format", "csv", "--output", str(target))
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        f"ikt: {target}: already exists; left as it is (add --force to replace it)"
    ]
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert only_file(tmp_path) == ["policy.csv"]


def test_force_replaces_it(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "policy.csv"
    target.write_text("mine\n", encoding="utf-8")
    result = run("show", "policy", "--format", "csv", "--output", str(target), "--force")
    assert result.code == 0, result.err
    assert target.read_bytes().decode("utf-8") == run("show", "policy", "--format", "csv").out
    assert only_file(tmp_path) == ["policy.csv"]


def test_a_new_file_has_the_usual_permissions(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "list.txt"
    mask = os.umask(0o022)
    try:
        assert run("list", "--output", str(target)).code == 0
    finally:
        os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["--force"], "ikt: --force replaces the file of --output; give --output FILE"),
        (["--output", "."], "ikt: .: is a folder; --output needs a file name"),
    ],
)
def test_bad_output_options_are_one_line(run: Run, argv: list[str], line: str) -> None:
    result = run("show", "policy", *argv)
    assert (result.code, result.out, result.err.splitlines()) == (2, "", [line])


def test_a_folder_that_is_not_there_is_named(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "policy.csv"
    result = run("show", "policy", "--output", str(target))
    assert result.code == 2
    assert result.err.splitlines() == [f"ikt: {target}: cannot write (No such file or directory)"]
    assert only_file(tmp_path) == []


def test_a_failed_write_leaves_nothing_behind(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    fresh = tmp_path / "fresh.json"
    result = run("show", "policy", "--format", "json", "--output", str(fresh))
    assert result.code == 2
    assert result.err.splitlines() == [f"ikt: {fresh}: cannot write (No space left on device)"]
    assert only_file(tmp_path) == []
    kept = tmp_path / "kept.json"
    kept.write_text("[]\n", encoding="utf-8")
    result = run("show", "policy", "--format", "json", "--output", str(kept), "--force")
    assert result.code == 2
    assert kept.read_text(encoding="utf-8") == "[]\n"
    assert only_file(tmp_path) == ["kept.json"]


def test_a_file_that_appears_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    """The check before the work is repeated by the write itself, in one step."""
    target = tmp_path / "late.csv"
    target.write_text("theirs\n", encoding="utf-8")
    with pytest.raises(CliError, match="already exists"):
        write_file(target, b"ours\n", force=False)
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert only_file(tmp_path) == ["late.csv"]


def test_without_hard_links_the_file_still_goes_in_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: str, target: Path) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "new.csv"
    write_file(target, b"ours\n", force=False)
    assert target.read_bytes() == b"ours\n"
    with pytest.raises(CliError, match="already exists"):
        write_file(target, b"again\n", force=False)
    assert target.read_bytes() == b"ours\n"
    assert only_file(tmp_path) == ["new.csv"]
