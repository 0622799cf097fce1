"""Start the explorer; the command line calls this only when the interface is wanted."""

from __future__ import annotations

import gc
import sys

from tui.core.cache_place import cache_dir
from tui.core.dataset import Dataset
from tui.core.start_file import START_FOLDER

FRAME_HANDOFF = 0.001
"""Seconds the interpreter lets the explorer's main thread run before another thread may take
over (Python's default is 5 ms). Textual writes each frame from a thread of its own: with the
default, the first frame waited ~7 ms behind the next piece of work before it left."""


def run_app(
    dataset: Dataset,
    *,
    screen: str,
    year: int | None,
    by: str,
    lang: str,
    ascii_mode: bool,
    geo: str,
) -> int:
    """Run the explorer on `dataset` until the person quits; the exit status for the shell.

    Returns once Textual has given the terminal back as it found it. `screen` is a theme id
    (social_media, policy, ecommerce). Textual is imported here, not at module level, so a
    one-shot command never pays for it.
    """
    from tui.app.fastpaths.no_tls import asyncio_without_tls

    with asyncio_without_tls():
        from tui.app.app import IktApp

    app = IktApp(
        dataset,
        screen=screen,
        year=year,
        by=by,
        lang=lang,
        ascii_mode=ascii_mode,
        geo=geo,
        start_folder=cache_dir() / START_FOLDER,
    )
    # the command line paused garbage collection for start-up: resume it after the first frame
    app.resume_gc = not gc.isenabled()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(FRAME_HANDOFF)
    try:
        app.run()
    finally:
        sys.setswitchinterval(interval)
    return app.return_code or 0
