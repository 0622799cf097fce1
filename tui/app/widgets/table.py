"""The figure table: categories down, years across, built once per view and then only navigated."""

from __future__ import annotations

from rich.console import OverflowMethod
from rich.text import Text

from tui.app.fastpaths.table_cells import FastCellTable
from tui.app.present.table import TableView
from tui.core.words import say


class FigureTable(FastCellTable):
    """A DataTable whose cells are literal Text; the selected cell is the cell cursor.

    The cells are one line of plain text, which FastCellTable draws directly (fastpaths/).
    """

    def __init__(self, *, id: str | None = None, ascii_mode: bool = False) -> None:
        super().__init__(
            id=id, cursor_type="cell", zebra_stripes=False, cursor_foreground_priority="css"
        )
        self.overflow: OverflowMethod = "crop" if ascii_mode else "ellipsis"
        self.view: TableView | None = None
        self.loads = 0

    def load(self, view: TableView, lang: str, label_width: int, group_width: int) -> None:
        """Replace columns and rows; done only when theme, breakdown, language or mode change."""
        self.view = view
        self.loads += 1
        self.clear(columns=True)
        self.fixed_columns = view.label_columns
        first = say("country", lang) if view.comparing else say("category", lang)
        self.add_column(Text(first), width=label_width, key="label")
        if view.groups is not None:
            self.add_column(Text(say("group", lang)), width=group_width, key="group")
        for year in view.years:
            self.add_column(Text(str(year), justify="right"), key=str(year))
        for index, label in enumerate(view.labels):
            cells = [Text(label, no_wrap=True, overflow=self.overflow)]
            if view.groups is not None:
                cells.append(Text(view.groups[index], no_wrap=True, overflow=self.overflow))
            cells += [Text(text, justify="right") for text in view.cells[index]]
            self.add_row(*cells, key=str(index))

    def on_resize(self) -> None:
        """Keep the cursor in view when the table gets narrower (e.g. side by side with the chart)."""
        self.call_after_refresh(self._cursor_into_view)

    def _cursor_into_view(self) -> None:
        self.move_cursor(row=self.cursor_row, column=self.cursor_column)

    def select(self, row: int, year: int | None) -> None:
        """Put the cell cursor on (row, year), scrolling it into view."""
        if self.view is None or not self.view.rows:
            return
        column = self.view.label_columns
        if year is not None and year in self.view.years:
            column += self.view.years.index(year)
        self.move_cursor(row=row, column=column, animate=False)
