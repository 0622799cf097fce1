"""Every key of the explorer as data: the screens bind these lists, the key line and help read them.

A key is defined once here (keys, action, id, help group); what it does is the word
"key_" + id in tui.core.words (or the word id itself, when that says it already), in the
language on screen; nothing else types a key name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.actions import parse
from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from tui.core.words import WORDS, say

GROUP_WORDS = ("keys_move", "screens", "keys_view", "keys_figure", "keys_other")
"""The help's groups of keys, in its order: each a word id (tui.core.words)."""
_GROUPS = {word: Binding.Group(word) for word in GROUP_WORDS}


def _word(ident: str) -> str:
    """The word id that says what the key with this binding id does."""
    return f"key_{ident}" if f"key_{ident}" in WORDS else ident


def _key(keys: str, action: str, ident: str, group: str, *, show: bool = False) -> Binding:
    """A priority binding; its description is the English word (Textual's own fallback)."""
    return Binding(
        keys,
        action,
        say(_word(ident), "en"),
        id=ident,
        show=show,
        priority=True,
        group=_GROUPS[group],
    )


# Every key is a priority binding: handled the moment it arrives, in the order typed, even when a
# key switches screens (a non-priority key would wait in the table's queue while the next arrow
# key ran first). DataTable's own arrow keys are overridden by the same rule. `show=True` puts a
# key on the key line at the bottom of the screen.
THEME_KEYS: list[BindingType] = [
    _key("left,h", "year(-1)", "year-previous", "keys_move"),
    _key("right,l", "year(1)", "year-next", "keys_move"),
    _key("up,k", "category(-1)", "category-previous", "keys_move"),
    _key("down,j", "category(1)", "category-next", "keys_move"),
    _key("home,circumflex_accent", "year_edge(0)", "year-first", "keys_move"),
    _key("end,dollar_sign", "year_edge(1)", "year-last", "keys_move"),
    _key("1", "theme(0)", "screen-1", "screens"),
    _key("2", "theme(1)", "screen-2", "screens"),
    _key("3", "theme(2)", "screen-3", "screens"),
    _key("tab", "theme_step(1)", "screen-next", "screens"),
    _key("shift+tab", "theme_step(-1)", "screen-previous", "screens"),
    _key("b", "breakdown", "breakdown", "keys_view", show=True),
    _key("c", "chart", "chart", "keys_view", show=True),
    _key("g", "compare", "compare", "keys_view", show=True),
    _key("o", "order", "order", "keys_view"),
    _key("f", "filter", "filter", "keys_view"),
    _key("less_than_sign", "labels(-1)", "labels-narrower", "keys_view"),
    _key("greater_than_sign", "labels(1)", "labels-wider", "keys_view"),
    _key("n", "headlines", "headlines", "keys_view"),
    _key("G", "geo", "geo", "keys_view"),
    _key("s", "sources", "source", "keys_figure", show=True),
    _key("slash", "jump", "jump", "keys_move", show=True),
    _key("e", "export", "export", "keys_figure"),
    _key("y", "copy", "copy", "keys_figure"),
    _key("L", "language", "language", "keys_other"),
    _key("question_mark", "app.help", "help", "keys_other", show=True),
    _key("q,escape", "back", "back", "keys_other", show=True),
]
"""The keys of a theme screen, in the order the key line and the help list them."""

APP_KEYS: list[BindingType] = []
"""The app's own keys: none, they all live on the theme screens, where they run in order typed."""

# The dialogs' keys are Esc and q (and ? for the help): the help does not list them again, each
# dialog says "Esc or q closes" itself.
SOURCES_KEYS: list[BindingType] = [
    _key("escape,q", "close", "close", "keys_other"),
]
"""The source details dialog."""

JUMP_KEYS: list[BindingType] = [
    _key("escape", "cancel", "jump-cancel", "keys_other"),
]
"""The `/` prompt."""

GEO_KEYS: list[BindingType] = [
    _key("escape", "cancel", "geo-cancel", "keys_other"),
    _key("up", "move(-1)", "geo-up", "keys_move"),
    _key("down", "move(1)", "geo-down", "keys_move"),
    _key("pageup", "page(-1)", "geo-page-up", "keys_move"),
    _key("pagedown", "page(1)", "geo-page-down", "keys_move"),
]
"""The `G` chooser: typing filters the list, Enter chooses the highlighted geography."""

HELP_KEYS: list[BindingType] = [
    _key("escape,q,question_mark", "close", "help-close", "keys_other"),
]
"""The help dialog."""

HEADLINES_KEYS: list[BindingType] = [
    _key("escape,q", "close", "headlines-close", "keys_other"),
]
"""The headlines dialog (its list moves with the arrow keys and Enter of its own)."""

FILTER_KEYS: list[BindingType] = [
    _key("enter", "keep", "filter-keep", "keys_other"),
    _key("escape", "clear", "filter-clear", "keys_other"),
]
"""The `f` prompt."""

ALL_KEYS: list[BindingType] = [
    *THEME_KEYS,
    *APP_KEYS,
    *SOURCES_KEYS,
    *JUMP_KEYS,
    *GEO_KEYS,
    *HELP_KEYS,
    *HEADLINES_KEYS,
    *FILTER_KEYS,
]
"""Every key a person can press."""


def describe(binding: Binding, lang: str, by_period: bool = False) -> str:
    """What the key does, in `lang`: the word named by the binding's id. In a sub-annual table
    (`by_period`) the year keys move by period, and their words say so."""
    if not binding.id:
        return binding.description
    period_word = "key_" + binding.id.replace("year-", "period-", 1)
    if by_period and period_word in WORDS:
        return say(period_word, lang)
    return say(_word(binding.id), lang)


KeyRow = tuple[str, str]
"""(keys as shown, what they do)."""


def key_groups(
    display: Callable[[Binding], str],
    describe_key: Callable[[Binding], str],
    bindings: Iterable[BindingType] = THEME_KEYS,
    offered: Callable[[Binding], bool] = lambda binding: True,
) -> list[tuple[str, list[KeyRow]]]:
    """(group word id, rows) per help group: one row per binding id, each key once, as shown.

    `offered` leaves out the keys that can do nothing on the screen right now.
    """
    rows: dict[str, tuple[str, list[str], str]] = {}
    for binding in Binding.make_bindings(bindings):
        if not offered(binding):
            continue
        ident = binding.id or binding.action
        group = binding.group.description if binding.group else GROUP_WORDS[-1]
        _group, keys, _description = rows.setdefault(ident, (group, [], describe_key(binding)))
        keys.append(display(binding))
    groups: dict[str, list[KeyRow]] = {}
    for group, keys, description in rows.values():
        groups.setdefault(group, []).append((" ".join(keys), description))
    return [(group, groups[group]) for group in GROUP_WORDS if group in groups]


def offered_on(node: DOMNode, binding: Binding) -> bool:
    """False when `node` (a screen) hides the binding's action: it can do nothing there now."""
    destination, name, parameters = parse(binding.action)
    target = node.app if destination == "app" else node
    return target.check_action(name, parameters) is not False
