"""The `ikt` command line as data: each command's name, summary, examples, options and handler.

A handler is named by its module path and imported only when its command runs, so the parser
never loads what a command needs, and no command module imports the parser or `main`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn, TypeAlias

from tui.cli.resolve import CliError
from tui.core.text import literal
from tui.core.version import __version__

Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"


@dataclass(frozen=True)
class Option:
    """One argument or option, as argparse is told it; options sharing `exclusive` exclude each other."""

    flags: tuple[str, ...]
    help: str
    metavar: str | None = None
    dest: str | None = None
    default: str | None = None
    switch: bool = False  # present or not (store_true)
    optional: bool = False  # a positional that may be left out (nargs="?")
    exclusive: str = ""


@dataclass(frozen=True)
class Command:
    """A command: what `--help` says about it and the module whose `run(args)` answers it."""

    name: str
    summary: str
    examples: str
    options: tuple[Option, ...]
    handler: str
    launches_explorer: bool = False  # the process ends with the interface, see main()


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: the `ikt` prefix, the problem and where to read more."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{literal(message)} (see '{self.prog} --help')")


# --- examples, as --help prints them (tests run every one)

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
  ikt show policy --format xlsx --output policy.xlsx
                                              a workbook: the table, its figures, sources
  ikt show ecommerce --geo NO,SE,DK,FI,IS     compare countries (Eurostat figures only)
  ikt show --file t.px --geo all              every geography of a file, whoever published it
  ikt show --file t.px --all --format csv     every cell of a file with all its codes

Missing figures show their symbol: .. not available, : confidential or not available,
. not applicable. A letter after a value is its status flag (b break in series); * marks a
figure of another series, base or unit than the row's latest. Years are reference years;
e-commerce refers to the year before the survey."""

GET_EXAMPLES = """\
examples:
  ikt get ec_sales_web                         every year, with status, base and source
  ikt get ec_sales_web --year 2012 --format json
  ikt get eu_e_esell --group 10-49 --geo NO,SE,DK
  ikt get sm_purpose_marketing --lang nb --format markdown"""

OPEN_EXAMPLES = """\
examples:
  ikt open 10974.json               a JSON-stat 2.0 table saved from SSB's StatBank or API
  ikt open table.px --lang en       a PX file as StatBank downloads it (windows-1252 is fine)
  ikt open isoc_ec_esels.tsv.gz     a Eurostat TSV (bulk or SDMX flavour, gzip or not)
  ikt open isoc_ec_esels.csv        a Eurostat SDMX-CSV file"""

UPDATE_EXAMPLES = """\
examples:
  ikt update                        fetch tables 10974, 10977, 10978 and 12769 from SSB
  ikt update --tables 10974 --lang en
  ikt update --dry-run              print the URLs, fetch nothing
  ikt update --offline              check what the cache holds, never touch the network
  ikt update --changes --format csv every new and revised figure, one a row
  IKT_SSB_API_URL=http://127.0.0.1:8080/api/pxwebapi/v2 ikt update"""

HEADLINES_EXAMPLES = """\
examples:
  ikt headlines ecommerce --year 2012      what changed in 2012, each sentence with its sources
  ikt headlines social-media --lang nb     every year, newest first, in bokmål
  ikt headlines policy --by size           how each indicator runs with the size of the enterprise
  ikt headlines ecommerce --geo NO,SE,DK   Norway against Sweden and Denmark (Eurostat figures)
  ikt headlines --year 2013 --format json  every theme, with the figures each sentence cites

Every number in a headline is a cited figure, a year, or the difference of two cited figures;
only figures of the same series, base and unit are compared, and a missing figure is left out."""

# --- the commands

THEME = Option(("theme",), "social-media, policy or ecommerce", metavar="THEME", optional=True)
OUTPUT = (
    Option(
        ("--format",),
        "table on screen (plain text when piped), csv and json one record "
        "per figure, markdown pipe table, xlsx workbook (needs --output) (default: table)",
        metavar="{table,csv,json,markdown,xlsx}",
        default="table",
    ),
    Option(
        ("--output",), "write to FILE instead of the screen (never over a file)", metavar="FILE"
    ),
    Option(("--force",), "with --output: replace FILE if it exists", switch=True),
    Option(
        ("--lang",), "language of labels and numbers (default: from the locale)", metavar="{nb,en}"
    ),
)

EXPLORER = Command(
    name="",
    summary="Explore Statistics Norway's figures on how Norwegian enterprises use social\n"
    "media, ICT policy and e-commerce. Without a command, opens the explorer.",
    examples=EXPLORER_EXAMPLES,
    options=(
        Option(
            ("--screen",),
            "screen to open (default: social-media)",
            metavar="{social-media,policy,ecommerce}",
            dest="app_screen",
        ),
        Option(("--year",), "year to select", metavar="Y", dest="app_year"),
        Option(
            ("--by",), "breakdown (default: total)", metavar="{total,size,industry}", dest="app_by"
        ),
        Option(
            ("--lang",),
            "language (default: nb when the locale (LC_ALL, LC_MESSAGES, LANG) is nb, nn or "
            "no, else en)",
            metavar="{nb,en}",
            dest="app_lang",
        ),
        Option(("--geo",), "country (default: NO)", metavar="NO", dest="app_geo"),
        Option(
            ("--ascii",),
            "ASCII only (automatic when the terminal is not UTF-8)",
            dest="app_ascii",
            switch=True,
        ),
    ),
    handler="tui.cli.commands.explore",
    launches_explorer=True,
)

COMMANDS = (
    Command(
        "list",
        "List the themes, or one theme's indicators.",
        LIST_EXAMPLES,
        (THEME, *OUTPUT),
        "tui.cli.commands.list",
    ),
    Command(
        "show",
        "Print a theme's table: indicators down, years across.",
        SHOW_EXAMPLES,
        (
            THEME,
            Option(
                ("--file",), "a JSON-stat, PX or Eurostat file instead of the data", metavar="FILE"
            ),
            Option(("--year",), "one year", metavar="Y", exclusive="years"),
            Option(
                ("--years",), "a range of years, e.g. 2012-2015", metavar="A-B", exclusive="years"
            ),
            Option(("--all-years",), "every year (the default)", switch=True, exclusive="years"),
            Option(("--by",), "breakdown (default: total)", metavar="{total,size,industry}"),
            Option(
                ("--geo",),
                "country, or several to compare Eurostat figures (default: NO); with --file "
                "any of the file's geographies, or all (default: its first)",
                metavar="NO[,SE,...]",
            ),
            Option(
                ("--all",),
                "every cell (with --file) or every figure of the theme, one record each, "
                "with its period and status",
                switch=True,
            ),
            *OUTPUT,
        ),
        "tui.cli.commands.show",
    ),
    Command(
        "get",
        "Print one indicator's figures with status, base and source.",
        GET_EXAMPLES,
        (
            Option(("indicator",), "an indicator id (see ikt list)", metavar="INDICATOR"),
            Option(("--year",), "one year (default: every year)", metavar="Y"),
            Option(("--group",), "size class or industry (default: total)", metavar="G"),
            Option(("--geo",), "country or countries (default: NO)", metavar="NO[,SE,...]"),
            *OUTPUT,
        ),
        "tui.cli.commands.get",
    ),
    Command(
        "headlines",
        "Write the sentences the figures support, each citing its figures and sources.",
        HEADLINES_EXAMPLES,
        (
            THEME,
            Option(("--year",), "one reference year (default: every year)", metavar="Y"),
            Option(("--by",), "breakdown (default: total)", metavar="{total,size,industry}"),
            Option(
                ("--geo",),
                "the country told about, then any to compare it with (default: NO)",
                metavar="NO[,SE,...]",
            ),
            Option(
                ("--format",),
                "text (default), json with the cited figures, or markdown",
                metavar="{text,json,markdown}",
                default="text",
            ),
            Option(("--lang",), "language (default: from the locale)", metavar="{nb,en}"),
        ),
        "tui.cli.commands.headlines",
    ),
    Command(
        "open",
        "Explore a JSON-stat, PX or Eurostat file in the explorer.",
        OPEN_EXAMPLES,
        (
            Option(("file",), "the table to open", metavar="FILE"),
            Option(("--lang",), "language (default: from the locale)", metavar="{nb,en}"),
            Option(("--ascii",), "ASCII only", switch=True),
        ),
        "tui.cli.commands.open",
        launches_explorer=True,
    ),
    Command(
        "update",
        "Fetch fresh tables from SSB's API into the cache.",
        UPDATE_EXAMPLES,
        (
            Option(
                ("--tables",),
                "StatBank table numbers (default: those data/ssb_tables.csv marks as default)",
                metavar="ID[,ID...]",
            ),
            Option(
                ("--lang",),
                "language of SSB's labels (default: no)",
                metavar="{no,en}",
                default="no",
            ),
            Option(("--dry-run",), "print the URLs, fetch nothing", switch=True),
            Option(
                ("--offline",),
                "never touch the network; report what the cache holds",
                switch=True,
            ),
            Option(("--changes",), "then list each new and revised figure", switch=True),
            Option(
                ("--format",), "of --changes (default: table)", metavar="{table,csv,json,markdown}"
            ),
            Option(
                ("--api-url",),
                "PxWebApi v2 base URL (default: $IKT_SSB_API_URL, else "
                "https://data.ssb.no/api/pxwebapi/v2)",
                metavar="URL",
            ),
        ),
        "tui.cli.commands.update",
    ),
)
COMMAND_WORDS = frozenset(command.name for command in COMMANDS)


# --- argparse, built from the data


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, as `build_parser().parse_args(argv)` reads it; `args.command` is its spec.

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
    named = next((word for word in words if word in COMMAND_WORDS), None)
    if named is not None and not {"-h", "--help"} & set(words[: words.index(named)]):
        try:  # the named command's options only: a one-shot command starts sooner
            return build_parser(only=named).parse_args(words)
        except CliError:
            pass  # the word was a value, or the line is wrong: the whole parser says so
    return build_parser().parse_args(words)


def build_parser(commands: bool = True, only: str | None = None) -> Parser:
    """The whole `ikt` parser, with `commands=False` only the explorer's options, and with `only`
    every command named but only that one's options built."""
    parser = Parser(
        prog="ikt",
        description=EXPLORER.summary,
        epilog=EXPLORER.examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"ikt-explorer {__version__}")
    _add_options(parser.add_argument_group("explorer options (without a command)"), EXPLORER)
    parser.set_defaults(command=EXPLORER)
    if commands:
        subparsers = parser.add_subparsers(dest="word", title="commands", metavar="COMMAND")
        for command in COMMANDS:
            _add_command(subparsers, command, options=only in (None, command.name))
    return parser


def explorer_options_given(args: argparse.Namespace) -> list[str]:
    """Explorer options typed before a command: they would be silently ignored otherwise."""
    given = []
    for option in EXPLORER.options:
        value = getattr(args, option.dest or "", None)
        if (value is not None and not option.switch) or (option.switch and value):
            given.append(option.flags[0])
    return given


def _add_command(subparsers: Subcommands, command: Command, options: bool = True) -> None:
    parser: Parser = subparsers.add_parser(
        command.name,
        help=command.summary,
        description=command.summary,
        epilog=command.examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    if options:
        _add_options(parser, command)
    parser.set_defaults(command=command)


def _add_options(target: argparse._ActionsContainer, command: Command) -> None:
    exclusive: dict[str, argparse._MutuallyExclusiveGroup] = {}
    for option in command.options:
        where = target
        if option.exclusive:
            if option.exclusive not in exclusive:
                exclusive[option.exclusive] = target.add_mutually_exclusive_group()
            where = exclusive[option.exclusive]
        settings: dict[str, object] = {"help": option.help}
        if option.switch:
            settings["action"] = "store_true"
        else:
            settings["metavar"] = option.metavar
        if option.dest:
            settings["dest"] = option.dest
        if option.default is not None:
            settings["default"] = option.default
        if option.optional:
            settings["nargs"] = "?"
        where.add_argument(*option.flags, **settings)  # type: ignore[arg-type]
