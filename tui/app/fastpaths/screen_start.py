"""A screen styled once and drawn once at start-up, through Screen's private parts (textual 8.2.8).

Textual would restyle every widget up to three times before the first frame (breakpoint classes
set on the first resize and on mount, the resume of a new screen) and parse all CSS twice more
(a new screen counts as styled with out-of-date CSS); it also draws the first screen once inside
the app's start-up batch, a frame that is thrown away. With another Textual release none of this
is done and the screen starts the ordinary way.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen

from tui.app.fastpaths.versions import fast


class QuickStartScreen(Screen[None]):
    """A Screen that can be styled before it mounts and that skips the frame Textual throws away."""

    def style_before_mount(self) -> None:
        """Set the breakpoint classes for the app's size now, and mark the CSS as current.

        The caller has set every other class, and the app has applied its own CSS (IktApp.on_load),
        so the screen is styled right once its widgets mount.
        """
        if not fast("textual"):
            return
        width, height = self.app.size
        for dimension, breakpoints in (
            (width, self.HORIZONTAL_BREAKPOINTS),
            (height, self.VERTICAL_BREAKPOINTS),
        ):
            for name in self._get_breakpoint_classes(dimension, breakpoints or []):
                self.add_class(name, update=False)
        self._css_update_count = self.app._css_update_count

    def keep_start_styles(self, event: events.ScreenResume) -> None:
        """A new screen's first resume: its widgets were styled when they mounted."""
        if fast("textual"):
            event.refresh_styles = False

    def starting_app(self) -> bool:
        """True while the app that shows this screen has not finished starting up."""
        return False

    def in_start_batch(self) -> bool:
        """True while Textual is still starting the app: a frame drawn now would be thrown away.

        The app mounts its first screen inside a batch update, which throws away any frame drawn
        before the batch ends: that screen is drawn once, in full, when the app's own message
        loop starts.
        """
        return fast("textual") and self.starting_app() and bool(self.app._batch_count)

    def _compositor_refresh(self) -> None:
        """Draw the screen, but not inside the start-up batch (Textual would draw it twice)."""
        if self.in_start_batch():
            self._repaint_required = True
            self.app.call_later(self.refresh)
            return
        super()._compositor_refresh()
