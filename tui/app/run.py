"""Start the explorer; the command line calls this only when the interface is wanted."""

from __future__ import annotations

import gc

from tui.core.cache_place import cache_dir
from tui.core.dataset import Dataset
from tui.core.start_file import START_FOLDER


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
    app.run()
    return app.return_code or 0
