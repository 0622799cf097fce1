"""Table cells drawn directly, through DataTable's private render methods (textual 8.2.8).

FigureTable's cells are one line of plain text, so they are laid out here directly instead of
through Rich's general renderer (padding, wrapping and styling layers), which costs a large part
of the first frame; anything else, or another Textual release, goes DataTable's own way.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import JustifyMethod, OverflowMethod
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from tui.app.fastpaths.versions import fast

SegmentLines = list[list[Segment]]
"""Lines of segments, as DataTable renders cells and rows (textual._types.SegmentLines)."""


def fit_cell(plain: str, width: int, justify: JustifyMethod, overflow: OverflowMethod) -> str:
    """One line of plain text cut and padded to exactly `width` cells, as Rich lays out a cell.

    The same steps as `Text.wrap` with no_wrap for one line: justify, then truncate; what is
    left over is padded with spaces on the right.
    """
    if justify == "right":
        plain = plain.rstrip()
    length = cell_len(plain)
    if length > width:
        if overflow == "ellipsis":
            plain = set_cell_size(plain, width - 1) + "…"
        else:
            plain = set_cell_size(plain, width)
        length = cell_len(plain)
    if justify == "right":
        return " " * (width - length) + plain
    return plain + " " * (width - length)


NOWHERE = Coordinate(-2, -2)
"""A cursor position outside every row, the header (-1) included."""


class FastCellTable(DataTable[Text]):
    """A DataTable of one-line Text cells, rendered directly while Textual is the release it knows."""

    def _on_resize(self, event: events.Resize) -> None:
        """Keep the rendered cells on a resize: only the rows depend on the width.

        DataTable's own handler throws every rendered cell away on a resize; only the rows
        depend on the width (the filler after the last column), so only they are dropped.
        """
        if fast("textual"):
            event.prevent_default()
            self._row_render_cache.clear()

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        """A row as DataTable renders it, cached apart from where the cursor is elsewhere.

        DataTable keys its cache of rendered rows on the cursor's position, so every visible
        row is put together again whenever the cursor moves, and again for every column a
        scroll shifts. A cell cursor changes only the row it is in (and the mouse's hover only
        its own row): for every other row it is passed on as being nowhere.
        """
        if self.cursor_type == "cell" and fast("textual"):
            row = self._row_locations.get(row_key) if row_key in self._row_locations else -1
            if cursor_location.row != row:
                cursor_location = NOWHERE
            if hover_location.row != row:
                hover_location = NOWHERE
        return super()._render_line_in_row(
            row_key, line_no, base_style, cursor_location, hover_location
        )

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        """A cell as DataTable renders it, computed directly for one-line plain text."""
        if not fast("textual"):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        header = row_index == -1
        row_key: RowKey | None
        if header:
            row_key = self._header_row_key
            height = self.header_height
        else:
            row_key = self._row_locations.get_key(row_index)
            row = self.rows.get(row_key) if row_key is not None else None
            height = row.height if row is not None else 0
        column_key = self._column_locations.get_key(column_index)
        padding = self.cell_padding
        room = width - 2 * padding
        cells = self._get_row_renderables(row_index).cells if column_index >= 0 else ()
        cell = cells[column_index] if 0 <= column_index < len(cells) else None
        if (
            height != 1
            or row_key is None
            or column_key is None
            or room < 1
            or not isinstance(cell, Text)
            or cell.spans
            or cell.style
            or cell.justify not in (None, "default", "left", "right")
            or cell.overflow not in (None, "fold", "crop", "ellipsis")
            or "\n" in cell.plain
            or "\t" in cell.plain
        ):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        key = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(key)
        if cached is not None:
            return cached
        fixed = not header and (row_index < self.fixed_rows or column_index < self.fixed_columns)
        component, post = self._get_styles_to_render_cell(
            header,
            False,
            fixed,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        style = style + component + post
        text = fit_cell(cell.plain, room, cell.justify or "default", cell.overflow or "fold")
        pad = " " * padding
        lines: SegmentLines = [[Segment(pad + text + pad, style)]]
        self._cell_render_cache[key] = lines
        return lines
