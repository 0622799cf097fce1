"""An answer as an Excel workbook: the table as shown, its records, and the sources they cite.

pandas and openpyxl are imported here and only here, when `--format xlsx` is asked for.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING

from tui.cli.output import Report, cell_text
from tui.core.records import csv_value, json_number
from tui.core.text import literal

if TYPE_CHECKING:
    import pandas as pd
    from openpyxl.worksheet.worksheet import Worksheet

TABLE_SHEET = "table"
FIGURES_SHEET = "figures"  # the records of figures; other records (ikt list) go to "records"
SOURCES_SHEET = "sources"
SOURCE_COLUMNS = ("source_id", "publisher", "title", "released", "url")
WIDEST = 60  # characters: a wider column is left for the reader to widen


def workbook_bytes(report: Report) -> bytes:
    """The .xlsx file: a table sheet, a records sheet and, when figures cite any, sources."""
    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _table_sheet(report, writer)
        records = pd.DataFrame(
            [[_cell(record[key]) for key in report.keys] for record in report.records],
            columns=list(report.keys),
            dtype=object,
        )
        name = FIGURES_SHEET if "value" in report.keys else "records"
        records.to_excel(writer, sheet_name=name, index=False)
        if report.sources:
            sources = pd.DataFrame(
                [[literal(getattr(s, key)) for key in SOURCE_COLUMNS] for s in report.sources],
                columns=list(SOURCE_COLUMNS),
            )
            sources.to_excel(writer, sheet_name=SOURCES_SHEET, index=False)
        for sheet in writer.sheets.values():
            _as_text_and_sized(sheet)
    return buffer.getvalue()


def _table_sheet(report: Report, writer: pd.ExcelWriter) -> None:
    """Title and scope above, the cells people read (labels down, years across), notes below."""
    import pandas as pd

    above = [line for line in (report.title, report.scope) if line]
    start = len(above) + 1 if above else 0
    table = pd.DataFrame(
        [[cell_text(value) for value in row] for row in report.rows],
        columns=[cell_text(column.header) for column in report.columns],
    )
    table.to_excel(writer, sheet_name=TABLE_SHEET, index=False, startrow=start)
    sheet = writer.sheets[TABLE_SHEET]
    for row, line in enumerate(above, start=1):
        sheet.cell(row=row, column=1, value=cell_text(line))
    below = start + len(report.rows) + 3
    for row, note in enumerate(report.notes, start=below):
        sheet.cell(row=row, column=1, value=cell_text(note))


def _cell(value: object) -> object:
    """A record's value for a cell: numbers as numbers, missing as an empty cell, lists joined."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return json_number(value)  # the number --format json gives, never rounded
    if isinstance(value, bool | int | float):
        return value
    return literal(csv_value(value))


def _as_text_and_sized(sheet: Worksheet) -> None:
    """Every text stays text (a label starting with = is not a formula); columns fit their text."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
            if cell.value is not None:
                size = len(str(cell.value))
                widths[cell.column] = max(widths.get(cell.column, 0), size)
    for column, size in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(size + 2, WIDEST)
