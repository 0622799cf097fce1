"""The explorer's process loads asyncio without OpenSSL, and `ssl` still imports afterwards.

tui/app/fastpaths/no_tls.py marks `ssl` absent while Textual is first imported; each check runs
in a fresh interpreter, where nothing has imported asyncio yet.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers.terminal import TmuxPane

CHECK = """
import sys
from tui.app.fastpaths import versions
from tui.app.fastpaths.no_tls import asyncio_without_tls
versions.FAST["textual"] = {fast}
{before}
with asyncio_without_tls():
    import tui.app.app
import asyncio.base_events
print("ssl" in sys.modules, asyncio.base_events.ssl is not None)
import ssl
print(sys.modules["ssl"] is ssl, bool(ssl.OPENSSL_VERSION))
"""


def run_check(fast: bool, before: str = "") -> list[str]:
    code = CHECK.format(fast=fast, before=before)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split("\n")[:2]


def test_textual_is_imported_without_ssl_which_imports_normally_afterwards() -> None:
    assert run_check(fast=True) == ["False False", "True True"]


def test_with_the_fast_path_off_asyncio_loads_ssl_as_usual() -> None:
    assert run_check(fast=False) == ["True True", "True True"]


def test_an_asyncio_already_loaded_is_left_as_it_is() -> None:
    assert run_check(fast=True, before="import asyncio") == ["True True", "True True"]


def test_the_running_explorer_has_not_loaded_openssl(tmp_path: Path) -> None:
    pane = TmuxPane(tmp_path, (80, 24))
    try:
        lines = pane.start("--screen", "ecommerce", "--lang", "en")
        assert any("Carried out e-commerce" in line for line in lines)
        maps = Path(f"/proc/{pane.explorer_pid()}/maps").read_text()
    finally:
        pane.stop()
    assert "textual" not in maps  # pure Python: its modules are not mapped, only shared objects
    assert "_asyncio" in maps  # the explorer's asyncio is loaded...
    assert "_ssl" not in maps and "libssl" not in maps  # ...without TLS
