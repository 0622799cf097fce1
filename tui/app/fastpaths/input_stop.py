"""Give the terminal back at once on quit, without waiting for Textual's input thread to idle out.

Textual 8.2.8's LinuxDriver.disable_input joins its input thread, which notices the stop only
after its current 0.1 s poll of the terminal and then polls once more, with nothing to read, for
another 0.1 s: about 200 ms between `q` and the shell's prompt. Here the thread is told to stop
exactly as upstream tells it, but not waited for: it ends by itself within those 0.2 s, reading
nothing the shell needs (upstream flushes pending input at the same moment). Only the attribute
`_key_thread` is private; with another Textual release the driver is LinuxDriver unchanged.
"""

from __future__ import annotations

from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver

from tui.app.fastpaths.versions import fast


class QuickStopDriver(LinuxDriver):
    """LinuxDriver whose disable_input does not wait for the input thread's last idle polls."""

    def disable_input(self) -> None:
        """Stop input as upstream does, except for the join; keep the stop signal up for the thread."""
        thread = self._key_thread
        if not fast("textual") or thread is None or not thread.is_alive():
            super().disable_input()
            return
        if self.exit_event.is_set():
            return  # already stopped: the thread is on its way out
        self._key_thread = None  # upstream would join it here
        try:
            super().disable_input()
        finally:
            self._key_thread = thread
            # upstream clears the event for the next start; the thread is still reading it
            self.exit_event.set()

    def start_application_mode(self) -> None:
        """Start again (after a suspend): the earlier input thread ends first, as upstream's did."""
        thread = self._key_thread
        if thread is not None and thread.is_alive():
            thread.join()
        self.exit_event.clear()
        super().start_application_mode()  # type: ignore[no-untyped-call]  # untyped upstream


def quick_stop_driver(default: type[Driver]) -> type[Driver]:
    """QuickStopDriver where Textual would use the plain Linux driver, else Textual's choice."""
    return QuickStopDriver if default is LinuxDriver else default
