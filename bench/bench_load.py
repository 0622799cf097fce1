"""How long loading and validating the embedded dataset takes, beside `python -c pass`.

    python bench/bench_load.py [--runs 30]

Prints the in-process median of `load_dataset()` (the files read, parsed and checked), and the
median wall time of a fresh interpreter that imports the core and loads the data, against a fresh
interpreter that does nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

LOAD = "from tui.core import load_dataset; load_dataset()"


def wall(code: str) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    from tui.core import load_dataset

    in_process = []
    for _ in range(args.runs):
        start = time.perf_counter()
        data = load_dataset()
        in_process.append(time.perf_counter() - start)
    floor, loaded = [], []
    for _ in range(args.runs):
        floor.append(wall("pass"))
        loaded.append(wall(LOAD))
    ms = 1000
    print(
        f"load_dataset(): {len(data.figures)} figures, median {statistics.median(in_process) * ms:.1f} ms"
        f" (min {min(in_process) * ms:.1f}) over {args.runs} runs"
    )
    print(f"python -c pass: median {statistics.median(floor) * ms:.0f} ms")
    print(
        f"python -c 'import tui.core; load_dataset()': median {statistics.median(loaded) * ms:.0f} ms"
        f" ({statistics.median(loaded) / statistics.median(floor):.2f}x the floor)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
