"""Give the shell back quickly when the app quits, leaving the terminal as it was found."""

from __future__ import annotations

import atexit
import contextlib
import os
import selectors
import sys
import threading
from codecs import getincrementaldecoder
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

if TYPE_CHECKING:
    from textual.app import App
    from textual.driver import Driver


class _WakingEvent(threading.Event):
    """An event that, once set, also writes a byte to a pipe to wake a waiting select()."""

    def __init__(self, wake_fd: int) -> None:
        """Remember the write end of the wake pipe."""
        super().__init__()
        self.wake_fd = wake_fd

    def set(self) -> None:
        """Set the flag, then wake the input thread."""
        super().set()
        if self.wake_fd >= 0:
            with contextlib.suppress(OSError):  # a full pipe already holds a wake-up
                os.write(self.wake_fd, b"\0")


class FastQuitDriver(LinuxDriver):
    """LinuxDriver whose input thread stops at once when input is disabled, not at its next poll."""

    def __init__(
        self,
        app: App[Any],
        *,
        debug: bool = False,
        mouse: bool = True,
        size: tuple[int, int] | None = None,
    ) -> None:
        """Create the driver; its wake pipe is opened each time application mode starts."""
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        self._wake_read = -1
        self._wake_event = _WakingEvent(-1)
        self.exit_event = self._wake_event

    def start_application_mode(self) -> None:
        """Open a non-blocking wake pipe for the input thread, then start as usual."""
        if self._wake_read < 0:
            self._wake_read, wake_write = os.pipe()
            os.set_blocking(self._wake_read, False)
            os.set_blocking(wake_write, False)
            self._wake_event.wake_fd = wake_write
        super().start_application_mode()  # type: ignore[no-untyped-call]  # untyped upstream

    def run_input_thread(self) -> None:
        """Read keys and mouse events until input is disabled; the wake pipe ends the wait."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        wake_read = self._wake_read
        if wake_read >= 0:
            selector.register(wake_read, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        try:
            while not self.exit_event.is_set():
                for key, _mask in selector.select(0.1):
                    if key.fd == wake_read:
                        with contextlib.suppress(OSError):
                            os.read(wake_read, 512)  # drain; the event is the real signal
                        continue
                    data = decode(os.read(self.fileno, 4096))
                    if data:
                        for event in parser.feed(data):
                            self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
        finally:
            selector.close()
            with contextlib.suppress(EOFError, ParseError):
                for _event in parser.feed(""):
                    pass

    def close(self) -> None:
        """Stop the writer thread, then close the wake pipe once the input thread has ended."""
        super().close()
        if self._key_thread is not None and self._key_thread.is_alive():
            return
        wake_write, self._wake_event.wake_fd = self._wake_event.wake_fd, -1
        wake_read, self._wake_read = self._wake_read, -1
        for fd in (wake_read, wake_write):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)


def fast_driver_class(default: type[Driver]) -> type[Driver]:
    """Swap in FastQuitDriver where Textual would use the plain Linux driver."""
    return FastQuitDriver if default is LinuxDriver else default


def exit_now(code: int) -> NoReturn:
    """Do what a normal exit does before teardown (threads, atexit, flush), then end at once."""
    shutdown_threads: Callable[[], None] | None = getattr(threading, "_shutdown", None)
    if shutdown_threads is not None:
        shutdown_threads()  # runs threading's exit hooks, e.g. executors, then joins non-daemon threads
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
    os._exit(code)
