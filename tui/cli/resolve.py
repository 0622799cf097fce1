"""Checks that turn every value typed on the command line into an id of the data, or one line.

A leaf: it imports nothing else from the command line, so every part of it may use these checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from tui.core.model import BREAKDOWNS, LANGS
from tui.core.text import literal
from tui.core.words import default_lang

if TYPE_CHECKING:
    from tui.core.dataset import Dataset

FORMATS = ("table", "csv", "json", "markdown", "xlsx")


class CliError(Exception):
    """A question the command cannot answer; exit code 2 for a bad value, 1 for no figures."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def no_data(message: str) -> CliError:
    """A valid question without figures: the answer is 'none', with exit code 1."""
    return CliError(message, code=1)


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
    raise CliError(invalid(what, value, ", ".join(valid), table))


def _fold(word: str) -> str:
    return word.strip().casefold().replace("-", "_")


def invalid(what: str, value: str, listing: str, table: Mapping[str, str] | None = None) -> str:
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
    """--lang, or the language of the locale: bokmål for nb, nn and no locales, else English."""
    if value is None:
        return default_lang()
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
        raise CliError(invalid("--geo", value, ", ".join(geos)))
    return list(dict.fromkeys(choose("--geo", word, geos) for word in words))


def resolve_year(dataset: Dataset, value: str | None, what: str = "--year") -> int | None:
    """A reference year that occurs in the data; which figures it has is checked later."""
    if value is None:
        return None
    years = dataset.years()
    text = value.strip()
    if not (text.isdigit() and int(text) in years):
        raise CliError(invalid(what, value, span(years)))
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
            invalid(
                "--years",
                value,
                f"A-B with A <= B, e.g. 2012-2015; years in the data: {span(dataset.years())}",
            )
        )
    return int(first), int(last)
