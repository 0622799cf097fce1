"""The figure table: a fixed label column, then as many whole year columns as fit.

Drawn line by line through Textual's public line API (a ScrollView's `render_line`), each line
kept as a Strip until the table, its width or the selection on that line changes. The rules of
what fits where are plain Python in present/table_layout.py.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.present.label_column import chosen_label_width
from tui.app.present.table import TableView
from tui.app.present.table_layout import (
    ASCII,
    GAP,
    LEAD,
    SLOT,
    UNICODE,
    Line,
    body_lines,
    cut_label,
    cut_labels,
    legend_lines,
    year_widths,
    year_window,
)
from tui.core.words import say

StripKey = tuple[object, ...]


PART_STYLES = {
    "header": Style(bold=True),
    "heading": Style(bold=True),
    "cursor": Style(bold=True, reverse=True),
    "selected": Style(bold=True),
    "legend": Style(italic=True),
}
"""The text style of each part of the table, over the table's colours.

Plain Rich styles, not Textual component classes: each component class costs the start a
styled node of its own, and these parts only ever differ in weight, slant and reverse video.
"""


class FigureTable(ScrollView, can_focus=True):
    """Categories down, years across; the selected cell in reverse video, its row marked."""

    DEFAULT_CSS = """
    FigureTable {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    """

    class Clicked(Message):
        """A click on a row (and on a year's column, or on the labels: year None)."""

        def __init__(self, row: int, year: int | None) -> None:
            super().__init__()
            self.row = row
            self.year = year

    def __init__(self, *, id: str | None = None, ascii_mode: bool = False) -> None:
        super().__init__(id=id)
        self.glyphs = ASCII if ascii_mode else UNICODE
        self.view: TableView | None = None
        self.lang = "en"
        self.loads = 0
        self.lines: tuple[Line, ...] = ()
        self.widths: tuple[int, ...] = ()
        self.row = 0  # the selected row of the view
        self.column = 0  # the selected year's index
        self.first, self.end = 0, 0  # the year columns shown: first .. end - 1
        self.legend: list[str] = []
        self._line_of_row: list[int] = []
        self._laid_out_for = -1  # the width the labels were cut for
        self.label_column = 0  # cells for the labels
        self.label_cells: int | None = None  # the width asked for with < and >, None: fitted
        self.empty = ""  # what the body says when the table has no rows (a filter left none)
        self._labels: tuple[str, ...] = ()
        self._strips: LRUCache[StripKey, Strip] = LRUCache(1024)
        self._base: Style | None = None  # the table's own style, until the styles change
        self._styles: dict[str, Style] = {}  # its parts' styles, likewise

    # --- what the screen calls
    def load(self, view: TableView, lang: str, empty: str = "") -> None:
        """A new table (theme, breakdown, language, comparison, order or filter changed)."""
        self.view, self.lang, self.empty = view, lang, empty
        self.loads += 1
        self.lines = body_lines(view)
        self.widths = year_widths(view)
        self._line_of_row = [i for i, line in enumerate(self.lines) if line.row is not None]
        self.first = 0
        self._laid_out_for = -1
        self._strips.clear()
        self.select(0, None)
        self.refresh()  # every line may be new, even when the columns and the scroll stay

    def select(self, row: int, year: int | None) -> None:
        """Show (row, year) as the selection, bringing its line and its column into view."""
        view = self.view
        if view is None:
            return
        before = (self.row, self.first, self.end, self.scroll_offset.y, len(self.legend))
        self.row = max(0, min(row, len(view.rows) - 1))
        if year in view.years:
            self.column = view.years.index(year)
        old_line = self._screen_y(before[0])
        self._arrange()
        after = (self.row, self.first, self.end, self.scroll_offset.y, len(self.legend))
        if before[1:] == after[1:] and old_line is not None:
            self._refresh_lines(old_line, self._screen_y(self.row))
        else:
            self.refresh()

    @property
    def selected_year(self) -> int | None:
        view = self.view
        return view.years[self.column] if view is not None and view.years else None

    def visible_years(self) -> tuple[int, ...]:
        return self.view.years[self.first : self.end] if self.view is not None else ()

    def set_label_cells(self, cells: int | None) -> None:
        """Make the label column `cells` wide (None: fitted); the year columns follow, whole."""
        if cells == self.label_cells:
            return
        self.label_cells = cells
        self._laid_out_for = -1
        self._arrange()
        self.refresh()

    def label_width_for(self, wanted: int) -> int:
        """The label column a wish of `wanted` cells gives at the table's width now."""
        return chosen_label_width(self.lines, self.widths, self.size.width, self.glyphs.cut, wanted)

    def label_of(self, row: int) -> str:
        """The whole label of `row` as the table has it, before any cut: category or group."""
        return self.lines[self._line_of_row[row]].text.strip()

    # --- layout
    def _cut_for(self, width: int) -> None:
        """Cut the labels for `width`: done once per table and width."""
        if self._laid_out_for == width:
            return
        self._laid_out_for = width
        self.label_column = chosen_label_width(
            self.lines, self.widths, width, self.glyphs.cut, self.label_cells
        )
        self._labels = cut_labels(self.lines, self.label_column, self.glyphs.cut)
        self._strips.clear()

    def _room(self) -> int:
        """Cells for the year columns beside the labels and markers."""
        return self.size.width - LEAD - self.label_column - SLOT - 2

    def _arrange(self) -> None:
        """Year window, vertical scroll and legend for the current selection and size."""
        width, height = self.size
        if self.view is None:
            return
        if width <= 0:
            # not laid out yet: the first resize arranges the table. Its length is known now, so
            # the first layout already makes room for the scrollbar it will need: the first
            # frame is drawn with it, not a column wider and without it.
            self.virtual_size = Size(0, 1 + len(self.lines) + len(self.legend))
            return
        self._cut_for(width)
        self.first, self.end = year_window(self.widths, self._room(), self.column, self.first)
        legend = self.legend
        for _attempt in range(3):
            top = self._top_for(height - 1 - len(legend))
            wanted = self._legend_for(top, height - 1 - len(legend), width)
            if len(wanted) == len(legend):
                break
            legend = wanted
        self.legend = wanted
        self.virtual_size = Size(width, 1 + len(self.lines) + len(self.legend))
        # forced: a table that fitted had no scrollbar, and Textual would not scroll the new,
        # longer one until its next layout (the selected row out of view meanwhile)
        self.scroll_to(y=top, animate=False, immediate=True, force=True)

    def _top_for(self, body: int) -> int:
        """The first body line shown: the selected line in view, with its heading when it fits."""
        body = max(body, 1)
        top = self.scroll_offset.y
        if not self._line_of_row:
            return 0
        index = self._line_of_row[self.row]
        heading = self.lines[index].heading
        top = min(top, index)
        top = max(top, index - body + 1)
        if heading is not None and heading < top and index - heading < body:
            top = heading
        return max(0, min(top, len(self.lines) - body))

    def _legend_for(self, top: int, body: int, width: int) -> list[str]:
        """The legend lines for the marks in the cells shown from body line `top` on."""
        view = self.view
        assert view is not None
        found: set[str] = set()
        for line in self.lines[top : top + max(body, 1)]:
            if line.row is not None:
                for marks in view.marks[line.row][self.first : self.end]:
                    found.update(marks)
        items = [text for mark, text in view.meanings.items() if mark in found]
        return legend_lines(items, width, self.glyphs.sep, self.glyphs.cut)

    def _body_height(self) -> int:
        return max(self.size.height - 1 - len(self.legend), 1)

    def _screen_y(self, row: int) -> int | None:
        """The widget line showing `row`, None when it is scrolled out of view."""
        if not 0 <= row < len(self._line_of_row):
            return None
        y = self._line_of_row[row] - self.scroll_offset.y + 1
        return y if 1 <= y <= self._body_height() else None

    def _refresh_lines(self, *ys: int | None) -> None:
        width = self.size.width
        self.refresh(*(Region(0, y, width, 1) for y in ys if y is not None))

    # --- Textual's hooks
    def on_resize(self, _event: events.Resize) -> None:
        """Arrange the table for its new size; Textual has drawn it again already, so draw once
        more only when the arrangement changed (a resize comes one frame late: the source line
        growing by a line resizes the table after the frame that shows the key)."""
        before = (self.first, self.end, self.scroll_offset.y, tuple(self.legend))
        self._arrange()
        if (self.first, self.end, self.scroll_offset.y, tuple(self.legend)) != before:
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._base = None
        self._styles.clear()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolled (by the wheel, say): the legend follows the cells now in view."""
        super().watch_scroll_y(old_value, new_value)
        if self.view is not None and round(old_value) != round(new_value):
            body = self._body_height()
            legend = self._legend_for(round(new_value), body, self.size.width)
            if len(legend) == len(self.legend):
                self.legend = legend

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        view = self.view
        if offset is None or view is None or offset.y < 1 or offset.y > self._body_height():
            return
        index = self.scroll_offset.y + offset.y - 1
        if index >= len(self.lines) or self.lines[index].row is None:
            return
        row = self.lines[index].row
        assert row is not None
        year = None
        x = LEAD + self.label_column + SLOT
        for column in range(self.first, self.end):
            if x <= offset.x < x + self.widths[column]:
                year = view.years[column]
            x += self.widths[column] + GAP
        self.post_message(self.Clicked(row, year))

    # --- drawing
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.base_style
        if self.view is None or width <= 0:
            return Strip.blank(width, base)
        self._cut_for(width)
        body = self._body_height()
        shown = min(len(self.lines) - self.scroll_offset.y, body)
        if y == 0:
            key: StripKey = ("header", self.first, self.end)
            make = self._header
        elif 1 <= y <= shown:
            index = self.scroll_offset.y + y - 1
            selected = self.lines[index].row == self.row
            key = ("line", index, self.first, self.end, self.column if selected else -1)
            make = lambda: self._body_line(index, selected)  # noqa: E731
        elif y == 1 and not self.lines and self.empty:
            key = ("empty", self.empty)
            make = lambda: self._strip([(f"   {self.empty}", self._style("legend"))])  # noqa: E731
        elif 0 <= y - 1 - shown < len(self.legend):
            text = self.legend[y - 1 - shown]
            key = ("legend", text)
            make = lambda: self._strip([(text, self._style("legend"))])  # noqa: E731
        else:
            return Strip.blank(width, base)
        strip = self._strips.get(key)
        if strip is None:
            strip = make()
            self._strips[key] = strip
        return strip

    def _style(self, name: str) -> Style:
        """The table's own colours in the text style of one part (PART_STYLES)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.base_style + PART_STYLES[name]
        return style

    @property
    def base_style(self) -> Style:
        """`rich_style`, which Textual computes afresh each time it is asked."""
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def _strip(self, parts: list[tuple[str, Style]]) -> Strip:
        """Parts of a line as one Strip, filled with the table's background to its width."""
        width = self.size.width
        base = self.base_style
        segments = [Segment(text, style) for text, style in parts if text]
        used = sum(cell_len(text) for text, _style in parts)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments).crop(0, width) if used > width else Strip(segments, width)

    def _header(self) -> Strip:
        view = self.view
        assert view is not None
        style = self._style("header")
        name = say("country", self.lang) if view.comparing else say("category", self.lang)
        room = LEAD - 1 + self.label_column
        parts = [(" ", style), (cut_label(name, room, (), self.glyphs.cut).ljust(room), style)]
        for column in range(self.first, self.end):
            year = view.column_name(view.years[column])
            if column == self.first:
                left = self.glyphs.more_left if self.first > 0 else " "
                parts.append((f"{left} {year}".rjust(SLOT + self.widths[column]), style))
            else:
                parts.append((year.rjust(GAP + self.widths[column]), style))
        more = self.glyphs.more_right if self.end < len(view.years) else " "
        parts.append((f" {more}", style))
        return self._strip(parts)

    def _body_line(self, index: int, selected: bool) -> Strip:
        view = self.view
        assert view is not None
        base = self.base_style
        line = self.lines[index]
        label = self._labels[index].ljust(self.label_column)
        if line.row is None:
            return self._strip([("   ", base), (label, self._style("heading"))])
        mark = self.glyphs.selected if selected else " "
        label_style = self._style("selected") if selected else base
        parts = [(" ", base), (mark, label_style), (" ", base), (label, label_style)]
        parts.append((" " * SLOT, base))
        cells = view.cells[line.row]
        cursor = self._style("cursor")
        for column in range(self.first, self.end):
            if column > self.first:
                parts.append((" " * GAP, base))
            text = cells[column].rjust(self.widths[column])
            parts.append((text, cursor if selected and column == self.column else base))
        return self._strip(parts)
