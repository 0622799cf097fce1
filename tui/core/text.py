"""Make text safe to print: control characters become visible escapes, and ASCII where only that shows.

A terminal without Unicode (the explorer's ASCII mode) sets `ASCII_ONLY` for the explorer's own
context; from then on every word (`tui.core.words.say`) and every name from the data (`literal`)
it prints is transliterated by `ascii_text`, in whichever widget shows it.
"""

from __future__ import annotations

import re
import unicodedata
from contextvars import ContextVar

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

ASCII_ONLY: ContextVar[bool] = ContextVar("ascii_only", default=False)
"""True inside an explorer that runs in ASCII mode (it sets this in its own context only)."""

_ASCII_SPELLING = {
    # Norwegian and Danish letters as Norwegians write them without them
    "æ": "ae",
    "ø": "o",
    "å": "aa",
    "Æ": "Ae",
    "Ø": "O",
    "Å": "Aa",
    # letters that do not decompose into a base letter and an accent
    "ß": "ss",
    "đ": "d",
    "Đ": "D",
    "ł": "l",
    "Ł": "L",
    "œ": "oe",
    "Œ": "Oe",
    "þ": "th",
    "Þ": "Th",
    "ð": "d",
    "Ð": "D",
    # typographic marks (written as escapes: several look like ASCII)
    "\u2026": "...",  # ellipsis
    "\u00b7": "|",  # middle dot
    "\u2022": "*",  # bullet
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2012": "-",  # figure dash
    "\u2212": "-",  # minus sign
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2039": "<",  # single angle quotes
    "\u203a": ">",
    "\u00ab": '"',  # double angle quotes
    "\u00bb": '"',
    "\u201c": '"',  # double quotes
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2018": "'",  # single quotes
    "\u2019": "'",
    "\u201a": "'",
    "\u2032": "'",  # prime
    "\u2033": '"',  # double prime
    "\u00b1": "+/-",  # plus-minus
    "\u00d7": "x",  # multiplication sign
    "\u00f7": "/",  # division sign
    "\u2044": "/",  # fraction slash (in ½ once decomposed)
    "\u2264": "<=",  # less or equal
    "\u2265": ">=",  # greater or equal
    "\u2248": "~",  # almost equal
    "\u2260": "!=",  # not equal
    "\u2192": "->",  # arrows
    "\u2190": "<-",
    "\u2191": "^",
    "\u2193": "v",
    "\u20ac": "EUR",  # currencies
    "\u00a3": "GBP",
    "\u00b0": " deg",  # degree
    "\u00a7": "S",  # section
    "\u00a9": "(c)",  # copyright
    "\u00ae": "(R)",  # registered
    "\u2122": "(TM)",  # trade mark
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
    "\u2007": " ",  # figure space
    "\u200b": "",  # zero-width space
}
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold(char: str) -> str:
    """One non-ASCII character as ASCII: its spelling, its base letter, or '?' when it has none."""
    spelled = _ASCII_SPELLING.get(char)
    if spelled is not None:
        return spelled
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c if c.isascii() else _ASCII_SPELLING.get(c, "") for c in decomposed)
    return base or "?"


def ascii_text(text: str) -> str:
    """`text` in ASCII only: æ ø å as ae o aa, accents dropped (é -> e), marks as ASCII (… -> ...)."""
    if text.isascii():
        return text
    return _NOT_ASCII.sub(lambda m: _fold(m.group()), text)


def shown(text: str) -> str:
    """`text` as this terminal can show it: ASCII only when `ASCII_ONLY` is set, else unchanged."""
    return ascii_text(text) if ASCII_ONLY.get() else text


def literal(text: str) -> str:
    """Replace control characters (ESC, BEL, CSI...) by `\\xNN` so a terminal never acts on them.

    Rich markup is not touched here: callers show the result with `rich.text.Text` (never as
    markup), so '[red]x[/red]' stays exactly as typed. In ASCII mode the result is ASCII.
    """
    return shown(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text))
