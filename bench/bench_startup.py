"""First frame, key-press redraw, quit time and peak memory of `ikt`, against baselines in one run.

Everything runs in a real pseudo-terminal. Baselines: `python -c pass`, a bare Textual app
(bench/bare_app.py) and VisiData opening a small CSV. Runs are interleaved so machine noise hits
all of them alike; medians and ratios are printed.

    python bench/bench_startup.py [--runs 15] [--json results.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pty_driver import median, spawn

HERE = Path(__file__).resolve().parent
PY = sys.executable
IKT = [PY, "-m", "tui", "--screen", "ecommerce", "--lang", "en"]
IKT_MARKER = b"Carried out e-commerce"  # the first row of the e-commerce table
BARE = [PY, str(HERE / "bare_app.py")]
BARE_MARKER = b"bare-textual-ready"


def small_csv(folder: Path) -> Path:
    path = folder / "small.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["yearcolumn", "valuecolumn"])
        for year in range(2005, 2025):
            writer.writerow([year, year % 7])
    return path


def first_frame(argv: list[str], marker: bytes, cols: int = 80, rows: int = 24) -> dict[str, float]:
    """Seconds to the first frame, seconds from `q` to exit, and peak memory in MB."""
    proc = spawn(argv, cols, rows)
    shown = proc.wait_for(marker)
    proc.wait_quiet(0.3)
    quit_time = proc.wait_exit() if proc.send(b"q") else 0.0
    return {"first_frame": shown, "quit": quit_time, "peak_mb": proc.rusage_maxrss_kb / 1024}


def redraws(
    argv: list[str], marker: bytes, cols: int, rows: int, presses: int = 20
) -> dict[str, float]:
    """Seconds from a right-arrow press to the last byte of the redraw; and after a held key."""
    proc = spawn(argv, cols, rows)
    proc.wait_for(marker)
    proc.wait_quiet(0.5)
    times = []
    for _ in range(presses):
        sent = proc.send(b"\x1b[C")
        end = proc.wait_quiet(0.12)
        times.append(max(end - sent, 0.0))
        proc.send(b"\x1b[D")
        proc.wait_quiet(0.12)
    # a held-down key: 30 presses 30 ms apart, then time until the screen settles
    for _ in range(30):
        proc.send(b"\x1b[C")
        proc.pump(0.03)
    last = time.perf_counter()
    settled = proc.wait_quiet(0.2) - last
    proc.send(b"q")
    proc.wait_exit()
    return {"press": median(times), "press_max": max(times), "held_settle": max(settled, 0.0)}


def python_pass() -> float:
    start = time.perf_counter()
    subprocess.run([PY, "-c", "pass"], check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    vd = shutil.which("vd")
    results: dict[str, list[dict[str, float]]] = {"ikt": [], "bare": [], "vd": [], "pass": []}
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = small_csv(Path(tmp))
        vd_argv = [vd, str(csv_path)] if vd else None
        for _ in range(args.runs):
            results["pass"].append({"first_frame": python_pass()})
            results["bare"].append(first_frame(BARE, BARE_MARKER))
            results["ikt"].append(first_frame(IKT, IKT_MARKER))
            if vd_argv:
                results["vd"].append(first_frame(vd_argv, b"valuecolumn"))
    med = {
        name: {key: median([r[key] for r in runs]) for key in runs[0]}
        for name, runs in results.items()
        if runs
    }
    print(f"first frame at 80x24, median of {args.runs} runs each, interleaved")
    for name in ("pass", "bare", "vd", "ikt"):
        if name in med:
            row = med[name]
            extra = "".join(
                f"  {k} {v * 1000:.0f} ms"
                if k == "quit"
                else (f"  peak {v:.0f} MB" if k == "peak_mb" else "")
                for k, v in row.items()
            )
            print(f"  {name:5} {row['first_frame'] * 1000:7.0f} ms{extra}")
    ratio_bare = med["ikt"]["first_frame"] / med["bare"]["first_frame"]
    print(f"  ikt / bare Textual = {ratio_bare:.2f}  (goal <= 1.30)")
    if "vd" in med:
        ratio_vd = med["ikt"]["first_frame"] / med["vd"]["first_frame"]
        print(f"  ikt / VisiData     = {ratio_vd:.2f}  (goal < 1.00)")
    else:
        print("  VisiData (vd) not found: pip install visidata to compare")
    keys = {}
    for cols, rows in ((80, 24), (200, 60)):
        keys[f"ikt {cols}x{rows}"] = redraws(IKT, IKT_MARKER, cols, rows)
        keys[f"bare {cols}x{rows}"] = redraws(BARE, BARE_MARKER, cols, rows)
    print(
        "key press to the last byte written after it (median of 20, in a pty; this includes the"
        " repaints Textual\nfollows a layout change with), and settle time after a held key;"
        " bench/bench_keys.py times the frame itself"
    )
    for name, row in keys.items():
        print(
            f"  {name:13} press {row['press'] * 1000:6.1f} ms (max {row['press_max'] * 1000:.1f})"
            f"  held-key settle {row['held_settle'] * 1000:6.1f} ms"
        )
    if args.json:
        args.json.write_text(json.dumps({"first_frame": med, "keys": keys}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
