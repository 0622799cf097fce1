"""Where an answer goes: a terminal, a pipe, or a file written whole or not at all, never over
another.

Rich is imported only for a table on a terminal (tui/cli/terminal.py), so scripts asking for
CSV or JSON stay fast.

A file is written to a temporary file in its own folder and then put in place in one step, so
a failure leaves nothing half-written; without --force it is linked into place, which fails
if a file of that name has appeared in the meantime.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tui.cli.output import (
    Report,
    cell_text,
    to_csv,
    to_json,
    to_markdown,
    to_plain,
    write_text,
)
from tui.cli.resolve import CliError
from tui.core.text import literal

NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV, errno.EMLINK}
"""A file system without hard links: the file goes into place by rename after one more check."""


@dataclass(frozen=True)
class Destination:
    """The screen (no path), or a file that may be replaced only when `force` says so."""

    path: Path | None
    force: bool
    fmt: str


def destination(args: argparse.Namespace, fmt: str) -> Destination:
    """--output and --force as typed, checked before any work so a refusal costs nothing."""
    output: str | None = args.output
    force = bool(args.force)
    if output is None:
        if fmt == "xlsx":
            raise CliError("--format xlsx writes a workbook: name it with --output FILE.xlsx")
        if force:
            raise CliError("--force replaces the file of --output; give --output FILE")
        return Destination(None, False, fmt)
    path = Path(output)
    if path.is_dir():
        raise CliError(f"{literal(output)}: is a folder; --output needs a file name")
    if path.exists() and not force:
        raise _exists(output)
    return Destination(path, force, fmt)


def render(report: Report, fmt: str, out: TextIO, err: TextIO) -> None:
    """Write `report` to `out` in `fmt`; the scope of csv/json goes to `err` to keep data clean."""
    if fmt in ("csv", "json"):
        if report.scope:
            err.write(f"ikt: {cell_text(report.scope)}\n")
        write_text(out, to_csv(report) if fmt == "csv" else to_json(report))
    elif fmt == "markdown":
        write_text(out, to_markdown(report))
    elif _is_terminal(out):
        from tui.cli.terminal import print_table

        print_table(report, out)
    else:
        write_text(out, to_plain(report))


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def deliver(report: Report, where: Destination) -> None:
    """The report on the screen, or in the file, in the format asked for."""
    if where.path is None:
        render(report, where.fmt, sys.stdout, sys.stderr)
        return
    if where.fmt == "xlsx":
        from tui.cli.workbook import workbook_bytes

        data = workbook_bytes(report)
    else:
        text = io.StringIO()  # not a terminal: a table is plain text, as in a pipe
        render(report, where.fmt, text, sys.stderr)
        data = text.getvalue().encode("utf-8")
    write_file(where.path, data, where.force)


def write_file(path: Path, data: bytes, force: bool) -> None:
    """`data` as `path`, whole or not at all; an existing file is kept unless `force`."""
    import tempfile  # only when a file is written: ikt get starts as fast as before

    folder = path.absolute().parent
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as err:
        raise _cannot(path, err) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # as any new file, not mkstemp's private 0600
        _put_in_place(temp, path, force)
    except FileExistsError:
        raise _exists(str(path)) from None
    except OSError as err:
        raise _cannot(path, err) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _put_in_place(temp: str, path: Path, force: bool) -> None:
    if force:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # FileExistsError when a file of that name is there
    except FileExistsError:
        raise
    except OSError as err:
        if err.errno not in NO_LINKS:
            raise
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(temp, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _exists(output: str) -> CliError:
    return CliError(f"{literal(output)}: already exists; left as it is (add --force to replace it)")


def _cannot(path: Path, err: OSError) -> CliError:
    return CliError(f"{literal(str(path))}: cannot write ({err.strerror or err})")
