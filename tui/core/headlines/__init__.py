"""Headlines: the sentences a journalist would write from the figures, each citing its figures.

`headlines(dataset, theme, lang, year=..., breakdown=..., geos=...)` answers both `ikt headlines`
and a screen: each `Headline` holds its text, the figures it cites and the one to select.
"""

from tui.core.headlines.collect import headlines
from tui.core.headlines.headline import KINDS, Headline

__all__ = ["KINDS", "Headline", "headlines"]
