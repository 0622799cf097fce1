"""plotext's matrix of cells read directly, through its private build steps (plotext 5.3.2).

plotext writes its cells out as one string of ANSI codes, which Rich then parses back into
styled text: at 200x60 that round trip cost more than drawing the plot. With any other plotext
release `matrix_text` returns None and the chart takes the ANSI way.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text

from tui.app.fastpaths.versions import fast


def size_plot(plt: Any, width: int, lines: int) -> None:
    """Size the plot as textual-plotext does, its private `_set_size` included (its issue 5)."""
    plt.plotsize(width, lines)
    set_size = getattr(plt, "_set_size", None)
    if set_size is not None:
        set_size(width, lines)


def matrix_text(plt: Any, table: dict[int, str] | None = None) -> Text | None:
    """What `plt.build()` then `Text.from_ansi` give, from plotext's matrix of cells directly.

    plotext writes its cells out as one string of ANSI codes, which Rich then parses back into
    styled text: at 200x60 that round trip cost more than drawing the plot. Here each run of
    cells with the same colours becomes one styled piece of text, as the parse would have made
    it (the style of a run is what Rich reads from plotext's codes for those colours). None when
    this plotext has no such matrix; `table` translates the characters (ASCII mode).
    """
    if not fast("plotext"):
        return None
    try:
        plt._set_sizes()
        plt._build_matrix()
        matrix = plt.monitor.matrix
        markers, fullground, style, background = (
            matrix.marker,
            matrix.fullground,
            matrix.style,
            matrix.background,
        )
        rows: int = matrix.rows
        cols: int = matrix.cols
    except AttributeError:
        return None
    lines = []
    for row in reversed(range(rows)):
        line = Text()
        marks, fg, st, bg = markers[row], fullground[row], style[row], background[row]
        start = 0
        while start < cols:
            colours = (fg[start], st[start], bg[start])
            stop = start + 1
            while stop < cols and (fg[stop], st[stop], bg[stop]) == colours:
                stop += 1
            run = "".join(marks[start:stop])
            line.append(run.translate(table) if table else run, _run_style(colours))
            start = stop
        lines.append(line)
    return Text("\n", no_wrap=True).join(lines)


_RUN_STYLES: dict[tuple[Any, Any, Any], Style | None] = {}


def _run_style(colours: tuple[Any, Any, Any]) -> Style | None:
    """The style Rich reads from plotext's ANSI codes for cells of these colours."""
    try:
        return _RUN_STYLES[colours]
    except KeyError:
        pass
    except TypeError:  # an unhashable colour (a list of RGB values)
        return _style_of(colours)
    style = _RUN_STYLES[colours] = _style_of(colours)
    return style


def _style_of(colours: tuple[Any, Any, Any]) -> Style | None:
    from plotext._utility import ansi_end, colors_to_ansi

    fullground, style, background = colours
    decoded = Text.from_ansi(colors_to_ansi(fullground, style, background) + "x" + ansi_end)
    spans = decoded.spans
    found = spans[0].style if spans else None
    return found if isinstance(found, Style) else None


def plot_colours(theme: str) -> list[str | int | tuple[int, int, int]]:
    """The colours plotext gives one plot after another in `theme` (its private theme table).

    A series drawn as a line and then as points takes its colour from here, so both match.
    """
    from plotext._dict import themes

    found = themes.get(theme)
    colours = list(found[4]) if found else []
    return colours or ["default"]
