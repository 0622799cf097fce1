"""What the table on screen lists, row by row, told from its text alone and the published data.

Used to judge the reading keys (order, filter, label width): which published rows the screen
shows, in which order, and how wide the label column is. Nothing here imports the product.
"""

from __future__ import annotations

from decimal import Decimal

from tests.helpers.published import Figure, Theme
from tests.helpers.screen_checks import StyleAt, check_table, selected_cell
from tests.helpers.table_text import Table, find_table

RowKey = tuple[str, str]
"""(indicator id, group id) of a published row."""


def table_on(lines: list[str]) -> Table:
    table = find_table(lines)
    assert table is not None, "no figure table on screen:\n" + "\n".join(lines)
    return table


def shown_rows(lines: list[str], figures: Theme) -> list[RowKey]:
    """The published rows the table shows, top to bottom (headings left out)."""
    _problems, identities = check_table(table_on(lines), figures)
    rows: list[RowKey] = []
    for ident in identities:
        if ident.heading:
            continue
        assert ident.indicator is not None and ident.group is not None, ident
        rows.append((ident.indicator, ident.group))
    return rows


def selected(lines: list[str], style_at: StyleAt, figures: Theme) -> tuple[RowKey, int, str]:
    """The selected cell: its published row, its year, and its text as shown."""
    table = table_on(lines)
    cell = selected_cell(table, style_at)
    assert cell is not None, "no single selected cell on screen:\n" + "\n".join(lines)
    _problems, identities = check_table(table, figures)
    ident = identities[cell[0]]
    assert ident.indicator is not None and ident.group is not None, ident
    return (ident.indicator, ident.group), int(cell[1]), table.rows[cell[0]].cells[cell[1]]


def headings(lines: list[str], figures: Theme) -> list[str]:
    """The indicator headings the table shows, top to bottom (a breakdown's table)."""
    _problems, identities = check_table(table_on(lines), figures)
    return [i.indicator for i in identities if i.heading and i.indicator is not None]


def label_column(lines: list[str]) -> int:
    """Where the first year column begins: the label column's width and the markers before it."""
    return table_on(lines).columns[0].start


def rank(figure: Figure | None, units: list[str]) -> tuple[int, int, Decimal]:
    """A published figure's place when rows are ordered by it: largest value first, each unit
    in a block of its own, then lower bounds ("> 70" is no value), then missing figures."""
    if figure is None or figure.missing:
        return (2, 0, Decimal(0))
    if figure.status == ">":
        return (1, 0, Decimal(0))
    return (0, units.index(figure.unit), -Decimal(figure.value))


def ordered_rows(natural: list[RowKey], figures: Theme, year: int) -> list[RowKey]:
    """`natural` ordered by the published figures of `year`; ties keep their order; in a
    breakdown each indicator's groups are ordered under it and the indicators stay put."""
    cells = [figures.figure(i, g, year) for i, g in natural]
    units = list(
        dict.fromkeys(f.unit for f in cells if f is not None and not f.missing and f.status != ">")
    )
    by_group = figures.breakdown != "total"
    out: list[RowKey] = []
    start = 0
    while start < len(natural):
        end = start + 1
        while by_group and end < len(natural) and natural[end][0] == natural[start][0]:
            end += 1
        if not by_group:
            end = len(natural)
        block = natural[start:end]
        out += sorted(block, key=lambda key: rank(figures.figure(*key, year), units))
        start = end
    return out


def label_text(key: RowKey, figures: Theme) -> str:
    """The row's name as published: its indicator's label, and its group's in a breakdown."""
    indicator, group = key
    if figures.breakdown == "total":
        return figures.indicators[indicator]
    return f"{figures.indicators[indicator]}, {figures.groups[group]}"
