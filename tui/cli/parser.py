"""argparse, built from the command line's data (tui/cli/spec.py): help, errors, every command.

The explorer's plain command line never comes here (tui/cli/explorer_line.py reads it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn, TypeAlias

from tui.cli.resolve import CliError
from tui.cli.spec import COMMAND_WORDS, COMMANDS, EXPLORER, Command
from tui.core.text import literal
from tui.core.version import __version__

Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: the `ikt` prefix, the problem and where to read more."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{literal(message)} (see '{self.prog} --help')")


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
        if option.many:
            settings["nargs"] = "*"
        where.add_argument(*option.flags, **settings)  # type: ignore[arg-type]
