"""How fast a large table file is read: `ikt show --file F --all` next to a plain parse of F.

Writes a Eurostat TSV of 300,000 cells (Eurostat's layout: a series key, then one column per
period, flags after the number, ':' where a value is missing) into a temporary folder, then
times, interleaved N times each:

- `ikt show --file F --all --format csv` (read, decode, print every cell with its codes),
- the same file parsed with `csv` and `float()` alone, in its own Python process,
- in this process, file -> dataset (`read_table` + `cube_to_dataset`, what `ikt open` waits for).

Prints the medians, the ratio ikt / plain parse (goal <= 3) and whether file -> dataset stays
under 1.5 s. Commands run with bytecode caches, which an untimed first run of each fills.

    python bench/bench_file.py            # N=7
    python bench/bench_file.py --runs 11
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CELLS = 300_000
PERIODS = 20  # years 2005-2024 as columns
RATIO_GOAL = 3.0
DATASET_GOAL = 1.5  # seconds, file -> dataset
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT)

PLAIN_PARSE = """
import csv, sys
cells = 0
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    rows = csv.reader(handle, delimiter="\\t")
    next(rows)
    for row in rows:
        key = row[0].split(",")
        for text in row[1:]:
            number, _, flag = text.strip().partition(" ")
            value = None if number == ":" else float(number)
            cells += 1
print(cells)
"""


def write_tsv(folder: Path) -> Path:
    """A Eurostat TSV of CELLS cells: indicators x units x size classes x geographies x years."""
    path = folder / "large.tsv"
    series = CELLS // PERIODS
    indicators = [f"E_IND{i:02d}" for i in range(25)]
    sizes = ["GE10", "10-49", "50-249", "GE250"]
    geos_needed = series // (len(indicators) * len(sizes))
    geos = [f"G{i:04d}" for i in range(geos_needed)]
    years = [str(year) for year in range(2024, 2024 - PERIODS, -1)]
    with path.open("w", encoding="utf-8") as handle:
        handle.write(
            "freq,indic_is,size_emp,unit,geo\\TIME_PERIOD\t"
            + "\t".join(f"{y} " for y in years).rstrip()
            + "\n"
        )
        n = 0
        for indicator in indicators:
            for size in sizes:
                for geo in geos:
                    cells = []
                    for _period in range(PERIODS):
                        n += 1
                        if n % 17 == 0:
                            cells.append(": ")
                        elif n % 29 == 0:
                            cells.append(f"{(n % 1000) / 10:.1f} b")
                        else:
                            cells.append(f"{(n % 1000) / 10:.2f} ")
                    handle.write(f"A,{indicator},{size},PC_ENT,{geo}\t" + "\t".join(cells) + "\n")
    return path


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=ENV,
        cwd=ROOT,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(
            f"bench: {' '.join(command)} exited with {done.returncode}: {done.stderr!r}"
        )
    return elapsed


def to_dataset(path: Path) -> tuple[float, int]:
    """Seconds from file to dataset in this process, and the number of figures.

    Timed as `ikt open` and `ikt show --file` run it: with the cyclic garbage collector paused
    (see tui/cli/data.py), after the previous run's figures are freed.
    """
    sys.path.insert(0, str(ROOT))
    from tui.core.formats import read_table
    from tui.core.from_cube import cube_to_dataset

    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        dataset = cube_to_dataset(read_table(path), theme="file")
        elapsed = time.perf_counter() - start
    finally:
        gc.enable()
    return elapsed, len(dataset.figures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = write_tsv(Path(folder))
        ikt = [sys.executable, "-m", "tui", "show", "--file", str(path), "--all", "--format", "csv"]
        plain = [sys.executable, "-c", PLAIN_PARSE, str(path)]
        timed(ikt), timed(plain)  # fill the bytecode caches
        ikt_times, plain_times, dataset_times = [], [], []
        figures = 0
        for _ in range(args.runs):
            ikt_times.append(timed(ikt))
            plain_times.append(timed(plain))
            seconds, figures = to_dataset(path)
            dataset_times.append(seconds)
        size_mb = path.stat().st_size / (1024 * 1024)
    ikt_median = statistics.median(ikt_times)
    plain_median = statistics.median(plain_times)
    dataset_median = statistics.median(dataset_times)
    ratio = ikt_median / plain_median
    print(f"file: Eurostat TSV, {CELLS:,} cells, {size_mb:.1f} MB; {args.runs} interleaved runs")
    print(f"ikt show --file F --all --format csv   median {ikt_median:.3f} s")
    print(f"plain csv + float() parse              median {plain_median:.3f} s")
    print(f"ratio ikt / plain                      {ratio:.2f} (goal <= {RATIO_GOAL:g})")
    print(
        f"file -> dataset ({figures:,} figures)    median {dataset_median:.3f} s "
        f"(goal < {DATASET_GOAL:g} s)"
    )
    return 0 if ratio <= RATIO_GOAL and dataset_median < DATASET_GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
