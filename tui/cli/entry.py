"""The `ikt` command's entry point: the command line loads with garbage collection paused.

Importing the command line creates thousands of long-lived objects (classes, functions, the
parser's tables); the cyclic collector would scan them several times over (~3 ms) and free none.
`tui.cli.main` pauses collection again for the command itself.
"""

from __future__ import annotations

import gc


def main() -> int:
    """Load the command line, then run it on the process's own arguments."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from tui.cli.main import main as run_ikt
    finally:
        if collecting:
            gc.enable()
    return run_ikt()
