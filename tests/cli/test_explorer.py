"""`ikt` without a command: the deep link is checked against the data before the interface loads."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import FakeTTY, Run
from tui.cli.main import main
from tui.core.dataset import Dataset

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def on_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input and output are a person's terminal, as when `ikt` is typed."""
    monkeypatch.setattr("tui.cli.launch.on_terminal", lambda: True)


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch, on_terminal: None) -> list[dict[str, Any]]:
    """Stand in for the interface: record how it would have been opened."""
    calls: list[dict[str, Any]] = []

    def run_app(dataset: Dataset, **options: Any) -> int:
        assert isinstance(dataset, Dataset)
        calls.append(options)
        return 0

    fake = types.ModuleType("tui.app.run")
    fake.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.app.run", fake)
    return calls


def test_defaults(run: Run, launched: list[dict[str, Any]]) -> None:
    assert run().code == 0
    assert launched == [
        {
            "screen": "social_media",
            "year": None,
            "by": "total",
            "lang": "en",
            "ascii_mode": False,
            "geo": "NO",
        }
    ]


def test_deep_link(run: Run, launched: list[dict[str, Any]]) -> None:
    result = run(
        "--screen",
        "ecommerce",
        "--year",
        "2012",
        "--by",
        "size",
        "--lang",
        "nb",
        "--geo",
        "se",
        "--ascii",
    )
    assert result.code == 0, result.err
    assert launched == [
        {
            "screen": "ecommerce",
            "year": 2012,
            "by": "size",
            "lang": "nb",
            "ascii_mode": True,
            "geo": "SE",
        }
    ]


@pytest.mark.parametrize(
    ("word", "theme"),
    [
        ("social-media", "social_media"),
        ("social_media", "social_media"),
        ("policy", "policy"),
        ("ecommerce", "ecommerce"),
    ],
)
def test_screens(run: Run, launched: list[dict[str, Any]], word: str, theme: str) -> None:
    assert run("--screen", word).code == 0
    assert launched[-1]["screen"] == theme


def test_language_from_lang(
    run: Run, launched: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    run()
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    run()
    assert [call["lang"] for call in launched] == ["nb", "en"]


def test_ascii_when_stdout_is_not_utf8(
    launched: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", FakeTTY("latin-1"))
    assert main([]) == 0
    monkeypatch.setattr(sys, "stdout", FakeTTY("utf-8"))
    assert main([]) == 0
    assert [call["ascii_mode"] for call in launched] == [True, False]


@pytest.mark.parametrize(
    ("argv", "code", "line"),
    [
        (
            ["--screen", "bogus"],
            2,
            "ikt: invalid --screen bogus (valid: social-media, policy, ecommerce)",
        ),
        (["--screen", "polcy"], 2, "ikt: invalid --screen polcy"),
        (["--year", "1999"], 2, "ikt: invalid --year 1999 (valid: 2008-2024)"),
        (["--by", "sector"], 2, "ikt: invalid --by sector"),
        (["--lang", "sv"], 2, "ikt: invalid --lang sv (valid: nb, en)"),
        (["--geo", "XX"], 2, "ikt: invalid --geo XX"),
        (["--geo", "NO,SE"], 2, "ikt: invalid --geo NO,SE (the explorer opens one country"),
        (
            ["--screen", "policy", "--year", "2014"],
            1,
            "ikt: no figures for policy in 2014 (years with figures: 2013, 2015, 2019, 2022, 2024)",
        ),
        (
            ["--screen", "social-media", "--geo", "SE"],
            1,
            "ikt: no figures for social-media in SE (countries with figures: NO)",
        ),
    ],
)
def test_bad_deep_link_never_opens(
    run: Run, launched: list[dict[str, Any]], argv: list[str], code: int, line: str
) -> None:
    result = run(*argv)
    assert result.code == code
    assert result.err.startswith(line) and len(result.err.splitlines()) == 1
    assert launched == []


def test_bad_screen_does_not_import_the_interface() -> None:
    script = (
        "import sys; from tui.cli.main import main; code = main(['--screen', 'bogus']); "
        "print(code, sorted(m for m in sys.modules "
        "if m.startswith(('textual', 'plotext', 'tui.app'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "2 []"
    assert done.stderr.strip().startswith("ikt: invalid --screen bogus")
    assert len(done.stderr.splitlines()) == 1


def test_the_explorer_exit_status_ends_the_process() -> None:
    """`ikt` as a program: the explorer's status is the process's, with output flushed first."""
    script = (
        "import sys, types\n"
        "fake = types.ModuleType('tui.app.run')\n"
        "fake.run_app = lambda dataset, **options: print('explored', options['screen']) or 3\n"
        "sys.modules['tui.app.run'] = fake\n"
        "import tui.cli.launch\n"
        "tui.cli.launch.on_terminal = lambda: True\n"
        "sys.argv = ['ikt', '--screen', 'policy']\n"
        "from tui.cli.main import main\n"
        "code = main()\n"
        "print('not reached', code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout == "explored policy\n"


def test_in_process_main_returns_the_explorer_status(
    monkeypatch: pytest.MonkeyPatch, on_terminal: None
) -> None:
    fake = types.ModuleType("tui.app.run")
    fake.run_app = lambda dataset, **options: 5  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.app.run", fake)
    assert main(["--screen", "ecommerce"]) == 5


NO_TERMINAL = (
    "ikt: the explorer needs a terminal; for text use 'ikt show THEME' (see 'ikt show --help')"
)
NO_TERMINAL_FILE = (
    "ikt: the explorer needs a terminal; for text use 'ikt show --file FILE' "
    "(see 'ikt show --help')"
)
INTERFACE = ("textual", "plotext", "textual_plotext")  # and tui.app


def interface_after(argv: list[str], **streams: Any) -> tuple[int, str, list[str]]:
    """Exit code, stderr and the interface modules loaded by `ikt ARGV` run as a program."""
    script = (
        "import sys\n"
        "from tui.cli.main import _run\n"
        f"code, _explored = _run({argv!r})\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {INTERFACE!r} "
        "or m.startswith('tui.app'))\n"
        "print(code, *loaded, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        stdout=streams.get("stdout", subprocess.PIPE),
        stdin=streams.get("stdin", subprocess.DEVNULL),
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    *lines, last = done.stderr.strip().splitlines()
    code, *loaded = last.split()
    return int(code), "\n".join(lines), loaded


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        ([], NO_TERMINAL),
        (["--screen", "ecommerce", "--by", "size"], NO_TERMINAL),
        (["open", str(ROOT / "tests/fixtures/formats/ssb_10974_v2.json")], NO_TERMINAL_FILE),
    ],
)
def test_without_a_terminal_points_to_show_before_textual_loads(argv: list[str], line: str) -> None:
    """`ikt | cat`, `ikt > out`: one line, exit 2, and the interface was never imported."""
    code, err, loaded = interface_after(argv)
    assert (code, err, loaded) == (2, line, [])


def test_standard_input_not_a_terminal_is_refused_too() -> None:
    """`ikt < file` with the screen a terminal: keys could never reach the explorer."""
    master, slave = pty.openpty()
    try:
        code, err, loaded = interface_after([], stdout=slave, stdin=subprocess.DEVNULL)
    finally:
        os.close(slave)
        os.close(master)
    assert (code, err, loaded) == (2, NO_TERMINAL, [])


def test_output_a_terminal_and_input_a_terminal_is_let_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check itself: both ends a terminal, or the explorer is refused."""
    from tui.cli import launch

    master, slave = pty.openpty()
    try:
        with os.fdopen(os.dup(slave), "w") as screen, os.fdopen(os.dup(slave), "r") as keys:
            monkeypatch.setattr(sys, "stdout", screen)
            monkeypatch.setattr(sys, "stdin", keys)
            assert launch.on_terminal()
            monkeypatch.setattr(sys, "stdin", io.StringIO())
            assert not launch.on_terminal()
    finally:
        os.close(slave)
        os.close(master)


def test_a_bad_deep_link_is_named_before_the_missing_terminal() -> None:
    code, err, loaded = interface_after(["--screen", "bogus"])
    assert code == 2 and err.startswith("ikt: invalid --screen bogus") and loaded == []
