"""The `ikt` command line as data: each command's name, summary, examples, options and handler.

A handler is named by its module path and imported only when its command runs, so the command
line never loads what a command needs, and no command module imports the parser or `main`.
"""

from __future__ import annotations

from typing import NamedTuple

from tui.cli.examples import (
    EXPLORER_EXAMPLES,
    GET_EXAMPLES,
    HEADLINES_EXAMPLES,
    LIST_EXAMPLES,
    OPEN_EXAMPLES,
    SHOW_EXAMPLES,
    TABLES_EXAMPLES,
    UPDATE_EXAMPLES,
)


class Option(NamedTuple):
    """One argument or option, as argparse is told it; options sharing `exclusive` exclude each other."""

    flags: tuple[str, ...]
    help: str
    metavar: str | None = None
    dest: str | None = None
    default: str | None = None
    switch: bool = False  # present or not (store_true)
    optional: bool = False  # a positional that may be left out (nargs="?")
    many: bool = False  # a positional of any number of words, none included (nargs="*")
    exclusive: str = ""


class Command(NamedTuple):
    """A command: what `--help` says about it and the module whose `run(args)` answers it."""

    name: str
    summary: str
    examples: str
    options: tuple[Option, ...]
    handler: str
    launches_explorer: bool = False  # the process ends with the interface, see main()


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
        "tables",
        "Search SSB's list of tables: id, periods, last update, discontinued or not.",
        TABLES_EXAMPLES,
        (
            Option(("words",), "words to search for (default: every table)", "WORDS", many=True),
            Option(
                ("--lang",),
                "language of SSB's titles (default: no)",
                metavar="{no,en}",
                default="no",
            ),
            Option(
                ("--format",),
                "table on screen (default), csv or json, one record per table",
                metavar="{table,csv,json}",
                default="table",
            ),
            Option(
                ("--api-url",),
                "PxWebApi v2 base URL (default: $IKT_SSB_API_URL, else "
                "https://data.ssb.no/api/pxwebapi/v2)",
                metavar="URL",
            ),
        ),
        "tui.cli.commands.tables",
    ),
    Command(
        "update",
        "Fetch fresh tables from SSB's API and datasets from Eurostat's into the cache.",
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
                ("--source",),
                "ssb, eurostat or all (default: all; --tables alone means ssb, --datasets "
                "alone eurostat)",
                metavar="{ssb,eurostat,all}",
            ),
            Option(
                ("--datasets",),
                "Eurostat dataset codes (default: those data/eurostat_datasets.csv marks as "
                "default)",
                metavar="CODE[,CODE...]",
            ),
            Option(
                ("--geo",),
                "Eurostat geographies (default: NO,SE,DK,FI,IS,EU27_2020)",
                metavar="NO[,SE,...]",
            ),
            Option(
                ("--api-url",),
                "the API of the one --source: PxWebApi v2 base URL (default: $IKT_SSB_API_URL, "
                "else https://data.ssb.no/api/pxwebapi/v2) or Eurostat's data URL (default: "
                "$IKT_EUROSTAT_API_URL, else "
                "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data)",
                metavar="URL",
            ),
        ),
        "tui.cli.commands.update",
    ),
)
COMMAND_WORDS = frozenset(command.name for command in COMMANDS)
