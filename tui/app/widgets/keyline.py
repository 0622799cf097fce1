"""The key line at the bottom of a theme screen: the keys its bindings show, in one widget.

It looks like Textual's Footer (key, then description, per binding with `show=True`) but is a
single line drawn through the line API: the Footer builds a widget per key, and even one widget
of text goes through Textual's general text layout (~2 ms at the first frame). The line is
generated from the screen's bindings, never written by hand; like the Footer it follows the
screen's `refresh_bindings`, so a key the screen hides (`check_action`) leaves it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


class KeyLine(Widget, can_focus=False):
    """' b Breakdown  c Bars/line ...': the shown bindings of the screen; a click presses the key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"keyline--key", "keyline--description"}
    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyLine > .keyline--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyLine > .keyline--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    def __init__(
        self, describe: Callable[[Binding], str] | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.describe = describe or (lambda binding: binding.description)
        """What a key does, in the words on screen."""
        self._keys: list[tuple[str, str, str, bool]] | None = None
        """The keys last worked out; None until the line is first drawn or read."""
        self.spans: list[tuple[int, int, str]] = []
        """(start, end, key): which columns of the line press which key."""
        self.recheck_due = False
        """True while a look at the screen's keys is queued, so a burst of changes costs one."""
        self._line: tuple[tuple[object, ...], Strip] | None = None
        """The line last drawn, with what it was drawn from (keys, width, styles)."""

    @property
    def keys(self) -> list[tuple[str, str, str, bool]]:
        """(key, as shown, description, enabled) per shown action, in the screen's order."""
        if self._keys is None:
            self._keys = self._shown_keys()
        return self._keys

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's keys or their words may have changed: look once they have settled.

        Mounting and focusing announce a change several times before the first frame: until
        the line has been drawn (or read) nothing is worked out, the first drawing does it once.
        """
        if self._keys is not None and not self.recheck_due:
            self.recheck_due = True
            self.call_later(self._recheck_keys)

    def _recheck_keys(self) -> None:
        """Repaint only when the line changes."""
        self.recheck_due = False
        keys = self._shown_keys()
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def _shown_keys(self) -> list[tuple[str, str, str, bool]]:
        """One entry per action with a shown binding: the first key bound to it, like the Footer."""
        app = self.app
        seen: set[str] = set()
        keys = []
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            keys.append(
                (binding.key, app.get_key_display(binding), self.describe(binding), active.enabled)
            )
        return keys

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line = None

    def render_line(self, y: int) -> Strip:
        """The keys on the first line, cut at the widget's width; the line is kept until they,
        the width or the styles change."""
        width = self.size.width
        base = self.rich_style
        if y != 0 or width <= 0:
            return Strip.blank(width, base)
        keys = self.keys
        drawn_from = (tuple(keys), width, base)
        if self._line is not None and self._line[0] == drawn_from:
            return self._line[1]
        key_style = base + self.get_component_rich_style("keyline--key")
        description_style = base + self.get_component_rich_style("keyline--description")
        dim = Style(dim=True)
        segments: list[Segment] = []
        spans = []
        end = 0
        for key, shown, description, enabled in keys:
            start = end
            for text, style in ((f" {shown} ", key_style), (f"{description} ", description_style)):
                segments.append(Segment(text, style if enabled else style + dim))
                end += cell_len(text)
            spans.append((start, end, key))
        self.spans = spans
        line = Strip(segments, end)
        if end > width:
            line = line.crop(0, width)  # Textual fills the rest of a shorter line, as for any text
        self._line = (drawn_from, line)
        return line

    def on_mouse_down(self, event: events.MouseDown) -> None:
        for start, end, key in self.spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
