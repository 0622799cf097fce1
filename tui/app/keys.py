"""Every key of the explorer as data: the screens bind these lists, the key line and help read them.

A key is defined once here (keys, action, description, id); nothing else types a key name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.binding import Binding, BindingType


def _key(keys: str, action: str, description: str, ident: str, *, show: bool = False) -> Binding:
    return Binding(keys, action, description, id=ident, show=show, priority=True)


# Every key is a priority binding: handled the moment it arrives, in the order typed, even when a
# key switches screens (a non-priority key would wait in the table's queue while the next arrow
# key ran first). DataTable's own arrow keys are overridden by the same rule. `show=True` puts a
# key on the key line at the bottom of the screen.
THEME_KEYS: list[BindingType] = [
    _key("left,h", "year(-1)", "Previous year", "year-previous"),
    _key("right,l", "year(1)", "Next year", "year-next"),
    _key("up,k", "category(-1)", "Previous category", "category-previous"),
    _key("down,j", "category(1)", "Next category", "category-next"),
    _key("home,circumflex_accent", "year_edge(0)", "First year", "year-first"),
    _key("end,dollar_sign", "year_edge(1)", "Last year", "year-last"),
    _key("1", "theme(0)", "Screen 1", "screen-1"),
    _key("2", "theme(1)", "Screen 2", "screen-2"),
    _key("3", "theme(2)", "Screen 3", "screen-3"),
    _key("tab", "theme_step(1)", "Next screen", "screen-next"),
    _key("shift+tab", "theme_step(-1)", "Previous screen", "screen-previous"),
    _key("b", "breakdown", "Breakdown", "breakdown", show=True),
    _key("c", "chart", "Bars/line", "chart", show=True),
    _key("g", "compare", "Countries", "compare", show=True),
    _key("s", "sources", "Source", "sources", show=True),
    _key("slash", "jump", "Jump", "jump", show=True),
    _key("e", "export", "Export CSV", "export"),
    _key("y", "copy", "Copy figure", "copy"),
    _key("L", "language", "Language", "language"),
    _key("question_mark", "app.help", "Help", "help", show=True),
    _key("q,escape", "back", "Back/quit", "back", show=True),
]
"""The keys of a theme screen."""

APP_KEYS: list[BindingType] = []
"""The app's own keys: none, they all live on the theme screens, where they run in order typed."""

SOURCES_KEYS: list[BindingType] = [
    Binding("escape,q", "close", "Close", id="close", priority=True),
]
"""The source details dialog."""

JUMP_KEYS: list[BindingType] = [
    Binding("escape", "cancel", "Cancel jump", id="jump-cancel", priority=True),
]
"""The `/` prompt."""

HELP_KEYS: list[BindingType] = [
    Binding("escape,q,question_mark", "close", "Close", id="help-close", priority=True),
]
"""The help dialog."""

ALL_KEYS: list[BindingType] = [*THEME_KEYS, *APP_KEYS, *SOURCES_KEYS, *JUMP_KEYS, *HELP_KEYS]
"""Every key a person can press, in the order the help lists them."""


def key_rows(
    display: Callable[[Binding], str], bindings: Iterable[BindingType] = ALL_KEYS
) -> list[tuple[str, str]]:
    """(keys, description) per binding id, each key as `display` shows it (the app's footer way)."""
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in Binding.make_bindings(bindings):
        ident = binding.id or binding.action
        keys, _description = rows.setdefault(ident, ([], binding.description))
        keys.append(display(binding))
    return [(" ".join(keys), description) for keys, description in rows.values()]
