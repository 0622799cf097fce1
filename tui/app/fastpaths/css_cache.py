"""Textual's parsed CSS kept in the user cache, so a start does not parse the same rules again
(textual 8.2.8, through `Stylesheet._parse_cache`).

Textual parses every stylesheet at each start (its own widgets' rules and ours, some 70 rule sets,
~15 ms before the first frame) and keeps the result in `Stylesheet._parse_cache`, keyed by the CSS
text and where it was read from. This module fills that cache from a file before Textual reads
any CSS, and writes the file anew once the first frame is drawn if anything was parsed that the
file did not hold. The file names Textual's release, the interpreter and the CSS variables it was
made under (tui.core.start_file checks it is whole): a file made under anything else, or damaged,
is never used, and the rules are parsed as usual. Being pickle, it trusts the user's cache folder
as Python trusts its own bytecode cache. With another Textual release nothing is read or written.
"""

from __future__ import annotations

import marshal
import pickle
import sys
from pathlib import Path
from typing import Any

from textual.css.stylesheet import Stylesheet

from tui.app.fastpaths.versions import WRITTEN_FOR, fast
from tui.core.start_file import read_start_file, write_start_file

CSS_CACHE_NAME = "parsed-css.pickle"
"""The file's name in the cache's `start/` folder (beside the ready-made data)."""
FORMAT = 1
"""The layout of the file; a file of another layout is made anew."""
_LENGTH_BYTES = 4


class ParsedCss:
    """The parse results one stylesheet starts with, and whether they need writing back."""

    def __init__(self, path: Path, stylesheet: Stylesheet) -> None:
        self.path = path
        self.stylesheet = stylesheet
        self.loaded: set[Any] = set()
        """The keys of `Stylesheet._parse_cache` that came from the file."""
        self.stamp = _stamp(stylesheet)

    def load(self) -> None:
        """Fill the stylesheet's parse cache from the file, when it was made under this stamp."""
        if not fast("textual"):
            return
        entries = read_entries(self.path, self.stamp)
        for key, rules in entries.items():
            self.stylesheet._parse_cache.set(key, rules)
        self.loaded = set(entries)

    def save_if_new(self) -> None:
        """Write the parse cache to the file when it holds rules the file did not.

        The stamp is taken again: had the CSS variables changed since the start, Textual would
        have thrown away the rules parsed under the old ones.
        """
        if not fast("textual"):
            return
        cache = self.stylesheet._parse_cache
        keys = list(cache.keys())
        stamp = _stamp(self.stylesheet)
        if stamp == self.stamp and self.loaded.issuperset(keys):
            return
        write_entries(self.path, stamp, {key: cache[key] for key in keys})
        self.stamp, self.loaded = stamp, set(keys)


def _stamp(stylesheet: Stylesheet) -> tuple[Any, ...]:
    """What a file must have been made under to be used: layout, Textual, Python, variables."""
    variables = tuple(sorted(stylesheet._variables.items()))
    return (FORMAT, WRITTEN_FOR["textual"], sys.version, variables)


def read_entries(path: Path, stamp: tuple[Any, ...]) -> dict[Any, Any]:
    """The parse cache's entries in the file at `path` when it was made under `stamp`, else none."""
    body = read_start_file(path)
    if body is None:
        return {}
    length = int.from_bytes(body[:_LENGTH_BYTES], "big")
    header, rules = body[_LENGTH_BYTES : _LENGTH_BYTES + length], body[_LENGTH_BYTES + length :]
    try:
        if marshal.loads(header) != stamp:  # checked before any object is unpickled
            return {}
        entries = pickle.loads(rules)
    except (EOFError, ValueError, TypeError, pickle.UnpicklingError):
        return {}
    return entries if isinstance(entries, dict) else {}


def write_entries(path: Path, stamp: tuple[Any, ...], entries: dict[Any, Any]) -> None:
    """Write the file: the stamp first (marshal), then the rules (pickle)."""
    header = marshal.dumps(stamp)
    rules = pickle.dumps(entries, pickle.HIGHEST_PROTOCOL)
    write_start_file(path, len(header).to_bytes(_LENGTH_BYTES, "big") + header + rules)
