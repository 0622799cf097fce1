"""asyncio loaded without OpenSSL: the explorer opens no connection, and TLS costs ~10 ms of start.

asyncio imports `ssl` only when it can (Python may be built without it). While Textual, and
with it asyncio, is first imported, `ssl` is marked absent, so asyncio loads as on such a build;
afterwards `ssl` imports as usual. Only asyncio's own TLS connections, which the explorer never
makes, stay unavailable in the process. With another Textual release the import is left alone.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tui.app.fastpaths.versions import fast


@contextmanager
def asyncio_without_tls() -> Iterator[None]:
    """Import Textual inside this block to load asyncio without `ssl`."""
    if "asyncio" in sys.modules or "ssl" in sys.modules or not fast("textual"):
        yield  # already loaded, or not the release the explorer's imports were checked with
        return
    sys.modules["ssl"] = None  # type: ignore[assignment]  # documented: `import ssl` then fails
    try:
        yield
    finally:
        if "ssl" in sys.modules and sys.modules["ssl"] is None:
            del sys.modules["ssl"]
