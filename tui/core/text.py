"""Make text from files or the network safe to print: control characters become visible escapes."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def literal(text: str) -> str:
    """Replace control characters (ESC, BEL, CSI...) by `\\xNN` so a terminal never acts on them.

    Rich markup is not touched here: callers show the result with `rich.text.Text` (never as
    markup), so '[red]x[/red]' stays exactly as typed.
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
