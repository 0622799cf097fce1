"""The screen oracle's judgement of one screen: whole years, true cells, rows told apart.

Works on plain text (and, for the selected cell, on which cell is drawn differently), so it
holds for any table layout that puts years across and rows down: today's two label columns
(category, group) and the target's indicator heading rows with their groups beneath.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.helpers.published import ELLIPSIS, Theme, cell_problem, is_whole_year, resolve
from tests.helpers.table_text import Row, Table, find_table

StyleAt = Callable[[int, int], object]
"""(line, column) -> something equal for cells drawn alike (the selected cell stands out)."""


@dataclass
class Identity:
    """Which published row a shown row is, or why that cannot be told."""

    indicator: str | None
    group: str | None
    heading: bool = False
    candidates: list[str] = field(
        default_factory=list
    )  # indicators, when its heading is off screen
    problem: str = ""


def identify(row: Row, figures: Theme, heading: str | None) -> Identity:
    """The row's indicator and group from its label text(s) and the heading above it."""
    texts = [t for t in row.labels]
    if len(texts) >= 2:
        indicator, why_i = resolve(texts[0], figures.indicators)
        group, why_g = resolve(texts[-1], figures.groups)
        return Identity(indicator, group, problem="; ".join(w for w in (why_i, why_g) if w))
    text = texts[0] if texts else ""
    if figures.breakdown == "total":
        indicator, why = resolve(text, figures.indicators)
        return Identity(indicator, "total", problem=why)
    indicator, why_i = resolve(text, figures.indicators)
    if indicator is not None:
        return Identity(indicator, None, heading=True)
    group, why_g = resolve(text, figures.groups)
    if group is None:
        return Identity(None, None, problem=why_g if "ambiguous" in why_g else why_i)
    if heading is not None:
        return Identity(heading, group)
    return Identity(None, group, candidates=figures.indicators_with(group))


def _label_key(row: Row, ident: Identity, heading_text: str | None) -> tuple[str, ...]:
    """What a reader sees to tell this row from the others: its label, under its heading."""
    labels = tuple(row.labels)
    if len(labels) == 1 and not ident.heading and heading_text is not None:
        return (heading_text, *labels)
    return labels


def check_table(table: Table, figures: Theme) -> tuple[list[str], list[Identity]]:
    """Problems of headers, cells and row labels; and each row's identity, in screen order."""
    problems: list[str] = []
    years: dict[str, int] = {}
    for column in table.columns:
        if is_whole_year(column.header, figures.years):
            years[column.header] = int(column.header)
        else:
            problems.append(f"year header {column.header!r} is not a whole year of the theme")
    shown_years = list(years.values())
    if shown_years != sorted(set(shown_years)):
        problems.append(f"year headers out of order or repeated: {table.headers}")
    problems += table.stray
    identities: list[Identity] = []
    seen: dict[tuple[str, ...], int] = {}
    heading: str | None = None
    heading_text: str | None = None
    for row in table.rows:
        ident = identify(row, figures, heading)
        identities.append(ident)
        where = f"row {' | '.join(row.labels)!r}"
        if ident.heading:
            heading, heading_text = ident.indicator, row.labels[0]
        key = _label_key(row, ident, heading_text)
        if key in seen:
            problems.append(f"{where} reads the same as the row above it at line {seen[key]}")
        seen.setdefault(key, row.y)
        if ident.problem:
            problems.append(f"{where}: {ident.problem}")
            continue
        for header in sorted(row.run_in & years.keys()):
            cell = row.cells[header]
            problems.append(f"{where}, {header}: {cell!r} starts at the column's edge: not whole")
        problems += _cell_problems(row, ident, figures, years, where)
    return problems, identities


def _cell_problems(
    row: Row, ident: Identity, figures: Theme, years: dict[str, int], where: str
) -> list[str]:
    if ident.heading:
        filled = {h: c for h, c in row.cells.items() if c}
        return [f"{where}: heading row shows {filled}"] if filled else []
    if ident.indicator is None and ident.group is not None:
        # heading scrolled away: the cells must be the figures of one of the indicators
        for candidate in ident.candidates:
            if not _cell_problems(row, Identity(candidate, ident.group), figures, years, where):
                return []
        return [f"{where}: cells {row.cells} match no indicator with this group"]
    problems = []
    assert ident.indicator is not None and ident.group is not None
    for header, text in row.cells.items():
        if header not in years:
            if text.endswith(ELLIPSIS):
                problems.append(f"{where}, {header}: {text!r} is cut")
            continue
        figure = figures.figure(ident.indicator, ident.group, years[header])
        problem = cell_problem(text, figure)
        if problem:
            problems.append(f"{where}, {header}: {problem}")
    return problems


def selected_cell(table: Table, style_at: StyleAt) -> tuple[int, str] | None:
    """(row index, year header) of the one cell drawn unlike every other, or None."""
    styles: dict[tuple[int, str], object] = {}
    for index, row in enumerate(table.rows):
        for column in table.columns:
            styles[(index, column.header)] = style_at(row.y, column.end - 1)
    counts: dict[object, int] = {}
    for style in styles.values():
        counts[style] = counts.get(style, 0) + 1
    unique = [cell for cell, style in styles.items() if counts[style] == 1]
    return unique[0] if len(unique) == 1 and len(styles) > 2 else None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def check_selected_label(
    lines: list[str], table: Table, identities: list[Identity], figures: Theme, style_at: StyleAt
) -> list[str]:
    """The selected row's full label (indicator, and its group in a breakdown) is on screen."""
    cell = selected_cell(table, style_at)
    if cell is None:
        return ["no single selected cell is visible in the table"]
    index, _header = cell
    ident = identities[index]
    indicator = ident.indicator
    if indicator is None and len(ident.candidates) == 1:
        indicator = ident.candidates[0]
    if indicator is None:
        return [f"the selected row {table.rows[index].labels} cannot be identified"]
    wanted = [figures.indicators[indicator]]
    if figures.breakdown != "total" and ident.group is not None:
        wanted.append(figures.groups[ident.group])
    screen = _squash(" ".join(lines))
    return [
        f"the selected row's full label {name!r} is nowhere on screen"
        for name in wanted
        if _squash(name) not in screen
    ]


def check_screen(lines: list[str], figures: Theme, style_at: StyleAt | None = None) -> list[str]:
    """Every problem the oracle finds on one screen (an empty list when it is honest)."""
    table = find_table(lines)
    if table is None:
        return ["no figure table with year headers on screen"]
    if not table.rows:
        return ["the figure table has no rows on screen"]
    problems, identities = check_table(table, figures)
    if style_at is not None:
        problems += check_selected_label(lines, table, identities, figures, style_at)
    return problems
