"""Key press to redrawn frame, inside the app and in a real pseudo-terminal, beside a bare app.

The explorer and the bare Textual app (bench/bare_app.py) both append, per key, the milliseconds
from the key's arrival to the end of the next frame to the file named by IKT_KEY_TIMINGS. Each
runs in a pty at each size: single presses with pauses between them (a walk through the table
in which every press shows a new selection), then a held-down key (presses 30 ms apart, half of
them left and half right). Printed: median and 90th percentile of the in-app time and of the
pty time (key sent to the last byte of the redraw), and how long the screen takes to settle
after the held key is let go; then the explorer's pty median over the bare app's.

The pty time is the one a person sees and the one the goal is for: everything the key changes
(table, chart, source line) written out. The in-app time ends when the app first goes idle after
the key, which can come before the frame the theme screen draws for it.

    python bench/bench_keys.py [--presses 40] [--burst 30] [--sizes 80x24,200x60] [--chart line]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pty_driver import median, spawn

HERE = Path(__file__).resolve().parent
PY = sys.executable
IKT = [PY, "-m", "tui", "--screen", "ecommerce", "--lang", "en"]
IKT_MARKER = b"Carried out e-commerce"
BARE = [PY, str(HERE / "bare_app.py")]
BARE_MARKER = b"bare-textual-ready"
KEYS = {
    "left": b"\x1b[D",
    "right": b"\x1b[C",
    "down": b"\x1b[B",
    "up": b"\x1b[A",
    "home": b"\x1b[H",
}
YEARS = 16  # the e-commerce table's year columns


def snake(presses: int) -> list[str]:
    """From the first year: right across all years, down, left across, down, ... so that
    every press shows a selection not shown before (nothing is redrawn from a cache)."""
    keys: list[str] = []
    across = "right"
    while len(keys) < presses:
        keys += [across] * (YEARS - 1) + ["down"]
        across = "left" if across == "right" else "right"
    return keys[:presses]


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.9 * (len(ordered) - 1))] if ordered else 0.0


def run(
    argv: list[str], marker: bytes, size: tuple[int, int], bare: bool, args: argparse.Namespace
) -> dict[str, float]:
    """One app at one size: in-app and pty milliseconds for spaced presses and a held key."""
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "keys.tsv"
        proc = spawn(argv, *size, env={"IKT_KEY_TIMINGS": str(log)}, cwd=str(HERE.parent))
        proc.wait_for(marker)
        proc.wait_quiet(0.5)  # the chart is mounted after the first frame
        if args.chart == "line" and not bare:
            proc.send(b"c")
            proc.wait_quiet(0.3)
        if not bare:
            proc.send(KEYS["home"])  # the first year, where the walk starts
            proc.wait_quiet(0.3)
        log.unlink(missing_ok=True)
        pty_ms = []
        walk = snake(args.presses)
        for index in range(args.presses):
            key = "right" if bare else walk[index]
            sent = proc.send(KEYS[key])
            before = len(proc.output)
            end = proc.wait_quiet(0.1)
            if len(proc.output) > before:
                pty_ms.append((end - sent) * 1000)
        spaced = _read(log)
        for index in range(args.burst):
            key = "right" if bare or index >= args.burst // 2 else "left"
            proc.send(KEYS[key])
            proc.pump(0.03)
            deadline = time.perf_counter() + 0.03
            while time.perf_counter() < deadline:
                proc.pump(max(0.0, deadline - time.perf_counter()))
        last = time.perf_counter()
        settle = max(proc.wait_quiet(0.3) - last, 0.0) * 1000
        held = _read(log)[len(spaced) :]
        proc.send(b"q")
        proc.wait_exit()
    return {
        "app_median": median(spaced),
        "app_p90": p90(spaced),
        "pty_median": median(pty_ms) if pty_ms else 0.0,
        "pty_p90": p90(pty_ms),
        "held_median": median(held) if held else 0.0,
        "held_p90": p90(held),
        "held_max": max(held, default=0.0),
        "settle": settle,
        "logged": float(len(spaced) + len(held)),
    }


def _read(log: Path) -> list[float]:
    if not log.exists():
        return []
    return [float(line.split("\t")[1]) for line in log.read_text().splitlines() if "\t" in line]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--burst", type=int, default=30)
    parser.add_argument("--sizes", default="80x24,200x60")
    parser.add_argument(
        "--chart", choices=("bars", "line"), default="bars", help="the explorer's chart mode"
    )
    args = parser.parse_args()
    os.environ.pop("IKT_KEY_TIMINGS", None)
    budgets = {(80, 24): 16.0, (200, 60): 33.0}
    medians: dict[str, float] = {}
    print(
        f"key press to redrawn frame in ms, {args.chart} chart: in the app (key arrival to end of"
        " the next frame)"
    )
    print("and in the pty (key sent to last byte); a held key: presses 30 ms apart\n")
    print(
        f"{'':14}{'app med':>8}{'p90':>7}{'pty med':>9}{'p90':>7}"
        f"{'held med':>10}{'p90':>7}{'max':>7}{'settle':>8}"
    )
    for text in args.sizes.split(","):
        cols, rows = (int(part) for part in text.split("x"))
        for name, argv, marker, bare in (
            ("ikt", IKT, IKT_MARKER, False),
            ("bare", BARE, BARE_MARKER, True),
        ):
            row = run(argv, marker, (cols, rows), bare, args)
            medians[name] = row["pty_median"]
            print(
                f"{name} {cols}x{rows:<6}{row['app_median']:8.1f}{row['app_p90']:7.1f}"
                f"{row['pty_median']:9.1f}{row['pty_p90']:7.1f}{row['held_median']:10.1f}"
                f"{row['held_p90']:7.1f}{row['held_max']:7.1f}{row['settle']:8.1f}"
            )
        ratio = medians["ikt"] / medians["bare"] if medians.get("bare") else 0.0
        print(f"  ikt / bare Textual, pty median: {ratio:.2f}")
        budget = budgets.get((cols, rows))
        if budget is not None:
            print(f"  (goal at {cols}x{rows}: last byte within {budget:.0f} ms of the key, median)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
