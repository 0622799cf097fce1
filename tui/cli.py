"""The `ikt` command: opens the explorer, or answers one question without the interface."""

from __future__ import annotations

import gc
import os
import sys

from tui.cli_args import CliError, Handler, explorer_options_given, parse_arguments
from tui.core.text import literal


def main(argv: list[str] | None = None) -> int:
    """Run `ikt` with `argv` (default: the process arguments) and return the exit code.

    Start-up allocates tens of thousands of long-lived objects (Textual, the figures), and the
    cyclic garbage collector would scan them again and again before the first frame. It is
    paused until then: one-shot commands resume it at once, the explorer after its first frame
    (`IktApp.first_frame_drawn`).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        args = parse_arguments(argv)
        if args.command and collecting:
            gc.enable()
        given = explorer_options_given(args)
        if args.command and given:
            raise CliError(
                f"{' '.join(given)} before '{args.command}' applies to the explorer "
                f"only; put it after the command (ikt {args.command} --help)"
            )
        handler: Handler = args.handler
        return handler(args)
    except CliError as err:
        print(f"ikt: {literal(str(err))}", file=sys.stderr)
        return err.code
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1
    finally:
        if collecting:
            gc.enable()


def _silence_stdout() -> None:
    """The reader went away (`ikt show ... | head`): drop what is left instead of a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
