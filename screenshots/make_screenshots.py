"""Make the SVG screenshots in this folder from the real explorer and the embedded dataset.

Run: python screenshots/make_screenshots.py  (re-runs itself with PYTHONHASHSEED=0, which keeps
plotext's axis labels the same from run to run).
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (file, screen, size, keys pressed after start, start year)
SHOTS: list[tuple[str, str, tuple[int, int], tuple[str, ...], int | None]] = [
    ("social-media.svg", "social_media", (100, 30), (), None),
    ("policy.svg", "policy", (100, 30), ("down", "g"), None),
    ("ecommerce.svg", "ecommerce", (100, 30), ("down", "c"), 2012),
    ("ecommerce-80x24.svg", "ecommerce", (80, 24), ("down",), 2012),
]


async def shoot(
    name: str, screen: str, size: tuple[int, int], keys: tuple[str, ...], year: int | None
) -> Path:
    from tui.app.app import IktApp
    from tui.app.screens.theme import ThemeScreen
    from tui.core import load_dataset

    app = IktApp(
        load_dataset(), screen=screen, year=year, by="total", lang="en", ascii_mode=False, geo="NO"
    )
    async with app.run_test(size=size) as pilot:
        for key in ("", *keys):
            if key:
                await pilot.press(key)
            for _ in range(200):  # wait for the chart to be drawn
                await pilot.pause(0.01)
                current = app.screen
                if not isinstance(current, ThemeScreen) or current.chart_settled:
                    break
        await pilot.pause()
        return Path(app.save_screenshot(name, str(HERE)))


def main() -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, __file__], env)
    for shot in SHOTS:
        print(asyncio.run(shoot(*shot)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
