"""`ikt headlines [THEME]`: the sentences the figures support, each with the sources it cites."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap

from tui.cli.data import open_dataset, with_cache
from tui.cli.output import markdown_text, write_text
from tui.cli.output import width as text_width
from tui.cli.resolve import (
    CliError,
    choose,
    no_data,
    resolve_breakdown,
    resolve_geos,
    resolve_lang,
    resolve_theme,
    resolve_year,
    span,
    theme_word,
)
from tui.cli.why import context
from tui.core.dataset import Dataset
from tui.core.headlines import Headline, headlines
from tui.core.records import json_number
from tui.core.text import literal

FORMATS = ("text", "json", "markdown")
INDENT = "  "


def run(args: argparse.Namespace) -> int:
    fmt = choose("--format", args.format, FORMATS, {"md": "markdown", "table": "text"})
    lang = resolve_lang(args.lang)
    dataset = with_cache(open_dataset(), lang)
    themes = [resolve_theme(dataset, args.theme)] if args.theme else dataset.themes()
    breakdown = resolve_breakdown(args.by)
    geos = resolve_geos(dataset, args.geo)
    year = resolve_year(dataset, args.year)
    found = [
        h
        for theme in themes
        for h in headlines(dataset, theme, lang, year=year, breakdown=breakdown, geos=geos)
    ]
    if not found:
        raise _none_found(dataset, themes, breakdown, geos, year)
    if fmt == "json":
        text = as_json(found)
    elif fmt == "markdown":
        text = as_markdown(dataset, found, lang)
    else:
        text = as_text(dataset, found, lang, _terminal_width())
    write_text(sys.stdout, text)
    return 0


def as_json(found: list[Headline]) -> str:
    """`[{theme, kind, text, figures: [{indicator, geo, breakdown, group, year, value, source_id}]}]`."""
    records = [
        {
            "theme": h.theme,
            "kind": h.kind,
            "text": h.text,
            "figures": [
                {
                    "indicator": f.indicator,
                    "geo": f.geo,
                    "breakdown": f.breakdown,
                    "group": f.group,
                    "year": f.ref_year,
                    "value": json_number(f.exact) if f.exact is not None else None,
                    "source_id": f.source_id,
                }
                for f in h.figures
            ],
        }
        for h in found
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def as_text(dataset: Dataset, found: list[Headline], lang: str, width: int | None) -> str:
    """A heading per theme and year, then one paragraph per headline with its sources beneath.

    On a terminal (`width` given) a headline is wrapped to the width; into a pipe it stays one
    line, so `grep` finds a whole sentence.
    """
    lines: list[str] = []
    for heading, group in _by_theme_and_year(dataset, found, lang):
        lines += [heading, "=" * text_width(heading), ""]
        for headline in group:
            if width:
                lines += textwrap.wrap(headline.text, width, break_on_hyphens=False)
            else:
                lines.append(headline.text)
            lines += [f"{INDENT}{sid}  {url}" for sid, url in _sources(dataset, headline)]
            lines.append("")
    return "\n".join(lines)


def as_markdown(dataset: Dataset, found: list[Headline], lang: str) -> str:
    """A section per theme and year; each headline a paragraph with its sources as a list."""
    lines: list[str] = []
    for heading, group in _by_theme_and_year(dataset, found, lang):
        lines += [f"## {markdown_text(heading)}", ""]
        for headline in group:
            lines += [markdown_text(headline.text), ""]
            lines += [
                f"- {markdown_text(sid)}: <{url}>" for sid, url in _sources(dataset, headline)
            ]
            lines.append("")
    return "\n".join(lines)


def _by_theme_and_year(
    dataset: Dataset, found: list[Headline], lang: str
) -> list[tuple[str, list[Headline]]]:
    groups: dict[tuple[str, int], list[Headline]] = {}
    for headline in found:
        groups.setdefault((headline.theme, headline.year), []).append(headline)
    return [
        (f"{literal(dataset.labels.get('theme', theme, lang))}, {year}", group)
        for (theme, year), group in groups.items()
    ]


def _sources(dataset: Dataset, headline: Headline) -> list[tuple[str, str]]:
    """(source id, URL) of each source the headline's figures cite, from data/sources.csv."""
    return [
        (literal(sid), literal(dataset.sources[sid].url) if sid in dataset.sources else "")
        for sid in headline.source_ids
    ]


def _terminal_width() -> int | None:
    isatty = getattr(sys.stdout, "isatty", None)
    if not (isatty and isatty()):
        return None
    return max(40, shutil.get_terminal_size().columns - 1)


def _none_found(
    dataset: Dataset, themes: list[str], breakdown: str, geos: list[str], year: int | None
) -> CliError:
    """A valid question without a headline: what was asked, and the years that have some."""
    subject = theme_word(themes[0]) if len(themes) == 1 else "any theme"
    where = context(subject, breakdown, "total", geos[:1])
    if year is None:
        return no_data(f"no headlines for {where}")
    years = {
        h.year
        for theme in themes
        for h in headlines(dataset, theme, "en", breakdown=breakdown, geos=geos)
    }
    return no_data(f"no headlines for {where} in {year} (years with headlines: {span(years)})")
