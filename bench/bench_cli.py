"""How long a one-shot `ikt get` takes next to VisiData's batch mode, on the same machine.

Runs, interleaved N times each: `python -c pass` (the floor every Python command pays),
`ikt get ec_sales_web --year 2012`, and `vd -b` converting a 20-row CSV to JSON. Prints the
medians and the ratio ikt / vd. Exits non-zero when `ikt` or `vd` cannot be found.
Commands run as on a user's machine: with bytecode caches (PYTHONDONTWRITEBYTECODE is dropped),
which an untimed first run of each command fills.

    python bench/bench_cli.py            # N=30
    python bench/bench_cli.py --runs 50
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def find(program: str) -> str | None:
    """The program beside this Python (a virtual environment), else on PATH."""
    beside = Path(sys.executable).with_name(program)
    return str(beside) if beside.exists() else shutil.which(program)


def write_sample(folder: Path) -> Path:
    """A 20-row CSV shaped like the product's own export, for VisiData to convert."""
    path = folder / "sample.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["indicator", "geo", "group", "year", "value", "status"])
        for i in range(20):
            writer.writerow([f"indicator_{i % 4}", "NO", "total", 2005 + i, f"{10 + i}.5", ""])
    return path


ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=ENV,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} exited with {done.returncode}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=30, help="runs of each command (default 30)")
    args = parser.parse_args()
    ikt, vd = find("ikt"), find("vd")
    if ikt is None:
        print("bench: `ikt` not found: install the project (pip install -e .)", file=sys.stderr)
        return 2
    if vd is None:
        print(
            "bench: VisiData (`vd`) is not installed, so there is nothing to compare with; "
            "install it with: pip install visidata",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        sample = write_sample(Path(tmp))
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "ikt get ec_sales_web --year 2012": [ikt, "get", "ec_sales_web", "--year", "2012"],
            "vd -b 20-row CSV -> JSON": [vd, "-b", str(sample), "-o", str(Path(tmp) / "out.json")],
        }
        for command in commands.values():  # fill file and bytecode caches, untimed
            timed(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(timed(command))
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    print(f"median of {args.runs} interleaved runs each (ms):")
    for name, value in medians.items():
        print(f"  {name:<34} {value:7.1f}")
    floor = medians["python -c pass"]
    ours = medians["ikt get ec_sales_web --year 2012"]
    theirs = medians["vd -b 20-row CSV -> JSON"]
    print(f"ratio ikt / vd: {ours / theirs:.2f}")
    if theirs > floor:
        print(
            f"above the Python floor: ikt {ours - floor:.1f} ms, vd {theirs - floor:.1f} ms "
            f"(ratio {(ours - floor) / (theirs - floor):.2f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
