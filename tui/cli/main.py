"""The `ikt` command: opens the explorer, or answers one question without the interface.

This module owns the process's exit: every error becomes one line and an exit code here, and
nothing below it ends the process.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.cli.explorer_line import explorer_options_given, read_explorer_line
from tui.cli.resolve import CliError
from tui.cli.spec import Command
from tui.core.text import literal

if TYPE_CHECKING:
    import argparse

Handler = Callable[..., int]


def main(argv: list[str] | None = None) -> int:
    """Run `ikt` with `argv` and return the exit code; the console script's entry point.

    Without `argv` the process's own arguments are read and the process is ours: once the
    explorer has quit and `_run` has cleaned up, it ends at once (see `_leave`).
    """
    status, explored = _run(argv)
    if explored and argv is None:
        _leave(status)
    return status


def _run(argv: list[str] | None) -> tuple[int, bool]:
    """The exit code, and whether the explorer ran; garbage collection is restored in any case.

    Start-up allocates tens of thousands of long-lived objects (Textual, the figures), and the
    cyclic garbage collector would scan them again and again before the first frame. It is
    paused until then: one-shot commands resume it at once, the explorer after its first frame
    (`IktApp.first_frame_drawn`).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        args = _arguments(argv)
        command: Command = args.command
        if command.name and collecting:
            gc.enable()
        given = explorer_options_given(args)
        if command.name and given:
            raise CliError(
                f"{' '.join(given)} before '{command.name}' applies to the explorer "
                f"only; put it after the command (ikt {command.name} --help)"
            )
        handler: Handler = importlib.import_module(command.handler).run
        return handler(args), command.launches_explorer
    except CliError as err:
        print(f"ikt: {literal(str(err))}", file=sys.stderr)
        return err.code, False
    except SystemExit as done:  # --help and --version
        return (done.code if isinstance(done.code, int) else 0), False
    except KeyboardInterrupt:
        return 130, False
    except BrokenPipeError:
        _silence_stdout()
        return 1, False
    finally:
        if collecting:
            gc.enable()


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command line read: the explorer's plain options directly, anything else by argparse."""
    words = sys.argv[1:] if argv is None else argv
    args = read_explorer_line(words)
    if args is None:
        from tui.cli.parser import parse_arguments  # the explorer's plain line does without it

        args = parse_arguments(words)
    return args


def _leave(status: int) -> None:
    """End the process after the explorer without tearing the interpreter down.

    The explorer has restored the terminal and written every file atomically; what is left is
    freeing tens of thousands of objects and joining Textual's threads, which a person sees
    as a pause after `q`. Output is flushed first, so nothing written is lost.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed or broken: nothing left to lose
            stream.flush()
    os._exit(status)


def _silence_stdout() -> None:
    """The reader went away (`ikt show ... | head`): drop what is left instead of a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
