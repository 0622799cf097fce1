"""The `ikt` command line: its parser, and checks that turn every bad value into one clear line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NoReturn, TypeAlias

from tui import __version__
from tui.core.labels import LANGS
from tui.core.model import BREAKDOWNS
from tui.core.text import literal

if TYPE_CHECKING:
    from tui.core.dataset import Dataset

FORMATS = ("table", "csv", "json", "markdown")
Handler = Callable[[argparse.Namespace], int]
Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"


class CliError(Exception):
    """A question the command cannot answer; exit code 2 for a bad value, 1 for no figures."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def no_data(message: str) -> CliError:
    """A valid question without figures: the answer is 'none', with exit code 1."""
    return CliError(message, code=1)


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: the `ikt` prefix, the problem and where to read more."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{literal(message)} (see '{self.prog} --help')")


# --- words people type -> ids in the data


def theme_word(theme: str) -> str:
    """The spelling people type for a theme id: social_media -> social-media."""
    return theme.replace("_", "-")


def span(years: Iterable[int]) -> str:
    """Years as people read them: 2010-2024, or 2011, 2012, or 2013, 2015-2019."""
    ordered = sorted(set(years))
    parts: list[str] = []
    start = 0
    for i in range(1, len(ordered) + 1):
        if i == len(ordered) or ordered[i] != ordered[i - 1] + 1:
            run = ordered[start:i]
            parts.append(f"{run[0]}-{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)))
            start = i
    return ", ".join(parts) or "none"


def choose(
    what: str, value: str, valid: Sequence[str], aliases: Mapping[str, str] | None = None
) -> str:
    """The valid word `value` names (ignoring case, - versus _), or one line with a suggestion."""
    wanted = _fold(value)
    table = {_fold(word): word for word in valid}
    table.update({_fold(alias): word for alias, word in (aliases or {}).items()})
    if wanted in table:
        return table[wanted]
    raise CliError(_invalid(what, value, ", ".join(valid), table))


def _fold(word: str) -> str:
    return word.strip().casefold().replace("-", "_")


def _invalid(what: str, value: str, listing: str, table: Mapping[str, str] | None = None) -> str:
    """One line naming the bad value and the valid ones; a suggestion when one is close."""
    message = f"invalid {what} {literal(value)} (valid: {listing})"
    if table:
        wanted = _fold(value)
        close = [w for w in table if wanted and w.startswith(wanted)][:1]
        cutoff = 0.5 if len(wanted) <= 3 else 0.6  # short codes: SW -> SE
        import difflib  # only when a value is wrong

        close = close or difflib.get_close_matches(wanted, list(table), n=1, cutoff=cutoff)
        if close:
            message += f"; did you mean {table[close[0]]}?"
    return message


def resolve_format(value: str) -> str:
    return choose("--format", value, FORMATS, {"md": "markdown", "text": "table"})


def resolve_lang(value: str | None) -> str:
    """--lang, or the language of LANG: bokmål for nb, nn and no locales, else English."""
    if value is None:
        locale = os.environ.get("LANG", "").casefold()
        return "nb" if locale.startswith(("nb", "nn", "no")) else "en"
    return choose("--lang", value, LANGS, {"no": "nb", "nn": "nb"})


def resolve_breakdown(value: str | None) -> str:
    return choose("--by", value, BREAKDOWNS) if value is not None else "total"


def resolve_theme(dataset: Dataset, value: str, what: str = "theme") -> str:
    """A theme as typed (social-media or social_media) -> its id in the data."""
    themes = dataset.themes()
    word = choose(what, value, [theme_word(t) for t in themes])
    return themes[[theme_word(t) for t in themes].index(word)]


def resolve_indicator(dataset: Dataset, value: str) -> str:
    known = list(dataset.indicators) + [
        f.indicator for f in dataset.figures if f.indicator not in dataset.indicators
    ]
    return choose("indicator", value, list(dict.fromkeys(known)))


def resolve_group(dataset: Dataset, value: str | None) -> str:
    if value is None:
        return "total"
    groups = dataset.labels.ids("group")
    if value in groups:
        return value
    return choose("--group", value, groups)


def resolve_geos(dataset: Dataset, value: str | None) -> list[str]:
    """--geo NO or --geo NO,SE,DK: known country codes, in the order typed, each once."""
    if value is None:
        return ["NO"]
    geos = dataset.labels.ids("geo") or dataset.geos()
    words = [part for part in value.split(",") if part.strip()]
    if not words:
        raise CliError(_invalid("--geo", value, ", ".join(geos)))
    return list(dict.fromkeys(choose("--geo", word, geos) for word in words))


def resolve_year(dataset: Dataset, value: str | None, what: str = "--year") -> int | None:
    """A reference year that occurs in the data; which figures it has is checked later."""
    if value is None:
        return None
    years = dataset.years()
    text = value.strip()
    if not (text.isdigit() and int(text) in years):
        raise CliError(_invalid(what, value, span(years)))
    return int(text)


def resolve_years(dataset: Dataset, value: str | None) -> tuple[int, int] | None:
    """--years A-B: an inclusive range of reference years, A <= B."""
    if value is None:
        return None
    first, dash, last = value.strip().partition("-")
    if not (
        dash
        and first.strip().isdigit()
        and last.strip().isdigit()
        and len(first.strip()) == 4
        and len(last.strip()) == 4
        and int(first) <= int(last)
    ):
        raise CliError(
            _invalid(
                "--years",
                value,
                f"A-B with A <= B, e.g. 2012-2015; years in the data: {span(dataset.years())}",
            )
        )
    return int(first), int(last)


# --- the parser: the explorer's options, then one function per command


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, as `build_parser().parse_args(argv)` reads it.

    Opening the explorer is the common case and every millisecond of its start-up shows, so a
    command line without a command word is first read by the top-level parser alone, without
    building the parsers of the five commands. Only a clean reading is kept: help, an unknown
    word, a leftover argument or any error goes to the whole parser, which answers as always.
    """
    words = sys.argv[1:] if argv is None else list(argv)
    if not any(word in COMMAND_WORDS or word in ("-h", "--help", "--version") for word in words):
        try:
            args, rest = build_parser(commands=False).parse_known_args(words)
        except CliError:
            pass
        else:
            if not rest:
                return args
    return build_parser().parse_args(words)


COMMAND_WORDS = frozenset({"list", "show", "get", "open", "update"})
"""Every command name; build_parser checks that its commands are exactly these."""


def build_parser(commands: bool = True) -> Parser:
    """The whole `ikt` parser; each command adds itself through one function in SUBCOMMANDS.

    With `commands=False`, only the explorer's options (for `parse_arguments`).
    """
    parser = Parser(
        prog="ikt",
        description="Explore Statistics Norway's figures on how Norwegian enterprises use social\n"
        "media, ICT policy and e-commerce. Without a command, opens the explorer.",
        epilog=EXPLORER_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"ikt {__version__}")
    explorer = parser.add_argument_group("explorer options (without a command)")
    explorer.add_argument(
        "--screen",
        dest="app_screen",
        metavar="{social-media,policy,ecommerce}",
        help="screen to open (default: social-media)",
    )
    explorer.add_argument("--year", dest="app_year", metavar="Y", help="year to select")
    explorer.add_argument(
        "--by", dest="app_by", metavar="{total,size,industry}", help="breakdown (default: total)"
    )
    explorer.add_argument(
        "--lang",
        dest="app_lang",
        metavar="{nb,en}",
        help="language (default: nb when LANG starts with nb, nn or no, else en)",
    )
    explorer.add_argument("--geo", dest="app_geo", metavar="NO", help="country (default: NO)")
    explorer.add_argument(
        "--ascii",
        dest="app_ascii",
        action="store_true",
        help="ASCII only (automatic when the terminal is not UTF-8)",
    )
    parser.set_defaults(handler=_explorer_handler())
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    from tui.cli_files import add_open, add_update

    for add in (*SUBCOMMANDS, add_open, add_update):
        add(subparsers)
    assert set(subparsers.choices) == COMMAND_WORDS, "COMMAND_WORDS must name every command"
    return parser


def explorer_options_given(args: argparse.Namespace) -> list[str]:
    """Explorer options typed before a command: they would be silently ignored otherwise."""
    names = ("screen", "year", "by", "lang", "geo")
    given = [f"--{name}" for name in names if getattr(args, f"app_{name}", None) is not None]
    return given + (["--ascii"] if getattr(args, "app_ascii", False) else [])


def _explorer_handler() -> Handler:
    from tui.cli_commands import run_explore

    return run_explore


def _command(commands: Subcommands, name: str, summary: str, examples: str) -> Parser:
    parser: Parser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    return parser


def _output_options(parser: Parser) -> None:
    parser.add_argument(
        "--format",
        default="table",
        metavar="{table,csv,json,markdown}",
        help="table on screen (plain text when piped), csv and json one record "
        "per figure, markdown pipe table (default: table)",
    )
    parser.add_argument(
        "--lang", metavar="{nb,en}", help="language of labels and numbers (default: from LANG)"
    )


def add_list(commands: Subcommands) -> None:
    from tui.cli_commands import run_list

    parser = _command(
        commands, "list", "List the themes, or one theme's indicators.", LIST_EXAMPLES
    )
    parser.add_argument(
        "theme", nargs="?", metavar="THEME", help="social-media, policy or ecommerce"
    )
    _output_options(parser)
    parser.set_defaults(handler=run_list)


def add_show(commands: Subcommands) -> None:
    from tui.cli_commands import run_show

    parser = _command(
        commands, "show", "Print a theme's table: indicators down, years across.", SHOW_EXAMPLES
    )
    parser.add_argument(
        "theme", nargs="?", metavar="THEME", help="social-media, policy or ecommerce"
    )
    parser.add_argument(
        "--file", metavar="FILE", help="a JSON-stat, PX or Eurostat file instead of the data"
    )
    years = parser.add_mutually_exclusive_group()
    years.add_argument("--year", metavar="Y", help="one year")
    years.add_argument("--years", metavar="A-B", help="a range of years, e.g. 2012-2015")
    years.add_argument("--all-years", action="store_true", help="every year (the default)")
    parser.add_argument("--by", metavar="{total,size,industry}", help="breakdown (default: total)")
    parser.add_argument(
        "--geo",
        metavar="NO[,SE,...]",
        help="country, or several to compare Eurostat figures (default: NO)",
    )
    _output_options(parser)
    parser.set_defaults(handler=run_show)


def add_get(commands: Subcommands) -> None:
    from tui.cli_commands import run_get

    parser = _command(
        commands, "get", "Print one indicator's figures with status, base and source.", GET_EXAMPLES
    )
    parser.add_argument("indicator", metavar="INDICATOR", help="an indicator id (see ikt list)")
    parser.add_argument("--year", metavar="Y", help="one year (default: every year)")
    parser.add_argument("--group", metavar="G", help="size class or industry (default: total)")
    parser.add_argument("--geo", metavar="NO[,SE,...]", help="country or countries (default: NO)")
    _output_options(parser)
    parser.set_defaults(handler=run_get)


SUBCOMMANDS: tuple[Callable[[Subcommands], None], ...] = (add_list, add_show, add_get)

EXPLORER_EXAMPLES = """\
examples:
  ikt                                   open the explorer on social media
  ikt --screen ecommerce --year 2012    open e-commerce with 2012 selected
  ikt --screen policy --by size --lang en
  ikt list                              themes, their indicators and years
  ikt show ecommerce --year 2012        one theme's table, without the interface
  ikt get ec_sales_web --format json    one indicator's figures with their sources

Run 'ikt COMMAND --help' for a command's options."""

LIST_EXAMPLES = """\
examples:
  ikt list                      themes with number of indicators and years
  ikt list ecommerce            the e-commerce indicators: id, label, years, sources
  ikt list policy --format csv  the same as CSV"""

SHOW_EXAMPLES = """\
examples:
  ikt show ecommerce                          every year, all enterprises, Norway
  ikt show --file 10974.json --format csv     any JSON-stat, PX or Eurostat table
  ikt show ecommerce --year 2012              one year
  ikt show social-media --years 2013-2017 --by size
  ikt show policy --format csv > policy.csv   one row per figure
  ikt show ecommerce --geo NO,SE,DK,FI,IS     compare countries (Eurostat figures only)

Missing figures show their symbol: .. not available, : confidential or not available,
. not applicable. Years are reference years; e-commerce refers to the year before the survey."""

GET_EXAMPLES = """\
examples:
  ikt get ec_sales_web                         every year, with status, base and source
  ikt get ec_sales_web --year 2012 --format json
  ikt get eu_e_esell --group 10-49 --geo NO,SE,DK
  ikt get sm_purpose_marketing --lang nb --format markdown"""
