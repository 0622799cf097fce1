"""Messages that belong to the screen that raised them, instead of following a person around.

Textual keeps one list of notifications for the whole app and shows it on whichever screen is on
top. A NoticeScreen takes its own messages off that list when another screen (or a dialog) comes
over it, and puts back those with time left when it is on top again: they never show elsewhere.
"""

from __future__ import annotations

from textual import events, on
from textual.notifications import Notification, Notify, SeverityLevel

from tui.app.fastpaths.screen_start import QuickStartScreen
from tui.core.text import shown


class NoticeScreen(QuickStartScreen):
    """A screen whose notifications show on it alone (where app.tcss puts them: over the body)."""

    def __init__(self, name: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, classes=classes)
        self.notices: list[Notification] = []
        """This screen's messages, shown or put away."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show `message` on this screen (as Textual's notify does), written as the terminal can."""
        notification = Notification(
            shown(message),
            shown(title),
            severity,
            self.app.NOTIFICATION_TIMEOUT if timeout is None else timeout,
            markup=markup,
        )
        self.notices = [n for n in self.notices if not n.has_expired] + [notification]
        self.app.post_message(Notify(notification))

    # Textual runs these beside the screen's own handlers of the same events (decorated handlers)
    @on(events.ScreenSuspend)
    def _put_notices_away(self) -> None:
        """Another screen comes over this one: take this screen's messages off the app's list."""
        self.notices = [n for n in self.notices if not n.has_expired]
        if self.notices:
            self.app.clear_notifications()

    @on(events.ScreenResume)
    def _bring_notices_back(self) -> None:
        """On top again: the messages with time left come back, for that time only."""
        self.notices = [n for n in self.notices if not n.has_expired]
        for notification in self.notices:
            self.app.post_message(Notify(notification))
