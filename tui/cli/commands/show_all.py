"""`ikt show --all`: every cell of a file, or every figure of a theme, one record each.

A file's records carry one column per dimension with its codes, then period, value and status;
the embedded figures carry the usual figure columns plus their period. Nothing is left out,
merged or narrowed, so --all takes no --by, --geo, --year or --years.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal

from tui.cli.data import collector_paused, note, open_dataset, read_file, with_cache
from tui.cli.destination import deliver, destination, write_file
from tui.cli.output import Column, Report, write_text
from tui.cli.resolve import CliError, resolve_format, resolve_lang, resolve_theme
from tui.core.cells import CellTable, cell_notes, cell_table, cells_csv
from tui.core.records import FIGURE_KEYS, csv_value, figure_record

NARROWING = (("by", "--by"), ("geo", "--geo"), ("year", "--year"), ("years", "--years"))


def run(args: argparse.Namespace) -> int:
    fmt, lang = resolve_format(args.format), resolve_lang(args.lang)
    to = destination(args, fmt)
    given = [flag for name, flag in NARROWING if getattr(args, name, None)]
    if given:
        raise CliError(f"--all prints every cell; it takes no {', '.join(given)}")
    if args.file:
        with collector_paused():
            cube = read_file(args.file)
            for line in cell_notes(cube):
                note(line)
            if fmt != "csv":
                deliver(cells_report(cell_table(cube)), to)
            elif to.path is None:  # cell_table's rows, without a call per field
                write_text(sys.stdout, cells_csv(cube))
            else:
                write_file(to.path, cells_csv(cube).encode("utf-8"), to.force)
        return 0
    if args.theme is None:
        raise CliError("show --all needs a THEME (social-media, policy, ecommerce) or --file FILE")
    dataset = with_cache(open_dataset(), lang)
    theme = resolve_theme(dataset, args.theme)
    figures = [f for f in dataset.figures if f.theme == theme]
    records = [{**figure_record(dataset, f, lang), "period": f.period} for f in figures]
    keys = (*FIGURE_KEYS, "period")
    columns = [Column(key, numeric=key == "value") for key in keys]
    rows = [[csv_value(record[key]) for key in keys] for record in records]
    title = dataset.labels.get("theme", theme, lang)
    deliver(Report(title, columns, rows, keys, records), to)
    return 0


def cells_report(cells: CellTable) -> Report:
    """The cells as a Report, for the table, markdown and JSON formats."""
    value_at = cells.keys.index("value")
    columns = [Column(key, numeric=i == value_at) for i, key in enumerate(cells.keys)]
    records: list[dict[str, object]] = [
        {
            key: (Decimal(text) if text else None) if i == value_at else text
            for i, (key, text) in enumerate(zip(cells.keys, row, strict=True))
        }
        for row in cells.rows
    ]
    rows = [list(row) for row in cells.rows]
    return Report(cells.title, columns, rows, cells.keys, records, notes=list(cells.notes))
