"""`ikt` without a command: check the deep link against the data, then open the explorer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.cli.data import open_dataset, with_cache
from tui.cli.launch import launch, require_terminal
from tui.cli.resolve import (
    CliError,
    resolve_breakdown,
    resolve_geos,
    resolve_lang,
    resolve_theme,
    resolve_year,
    theme_word,
)

if TYPE_CHECKING:
    import argparse


def run(args: argparse.Namespace) -> int:
    """Every option is checked before the interface loads, so a typo never opens a wrong screen."""
    lang = resolve_lang(args.app_lang)
    breakdown = resolve_breakdown(args.app_by)
    dataset = with_cache(open_dataset(ready_made=True), lang)
    theme = resolve_theme(dataset, args.app_screen or "social-media", "--screen")
    geos = resolve_geos(dataset, args.app_geo)
    if len(geos) > 1:
        raise CliError(
            f"invalid --geo {args.app_geo} (the explorer opens one country; "
            f"compare countries inside it with g, or use ikt show --geo)"
        )
    year = resolve_year(dataset, args.app_year)
    table = dataset.slice(theme, breakdown, geos[0])
    if not table.rows:
        from tui.cli.why import no_theme  # the words of a refusal, imported only for one

        raise no_theme(dataset, theme, breakdown, geos[0])
    if year is not None and year not in table.years:
        from tui.cli.why import context, no_year

        raise no_year(context(theme_word(theme), breakdown, "total", geos), str(year), table.years)
    require_terminal("ikt show THEME")
    return launch(
        dataset,
        screen=theme,
        year=year,
        by=breakdown,
        lang=lang,
        ascii_only=bool(args.app_ascii),
        geo=geos[0],
    )
