"""Press thousands of random keys into the explorer and report the rate and what went wrong.

The same fuzzer as tests/robustness/test_key_fuzz.py (tests/helpers/key_fuzz.py), for longer
runs. Exports land in a temporary folder that is removed afterwards. Exit status 0 when no
exception and no broken invariant was found, 1 otherwise (with the seed and the last 30 keys).

    python bench/fuzz_keys.py --presses 10000 --seed 7
    python bench/fuzz_keys.py --presses 2000 --seed 1 --seeds 4     # seeds 1, 2, 3, 4
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]
from tests.helpers.key_fuzz import FuzzResult, fuzz  # noqa: E402
from tests.helpers.key_fuzz_parts import IDLE_STEP  # noqa: E402


def run_one(seed: int, presses: int, check_every: int, idle_step: float) -> FuzzResult:
    with tempfile.TemporaryDirectory(prefix="ikt-fuzz-") as folder:
        return asyncio.run(
            fuzz(seed, presses, folder, check_every=check_every, idle_step=idle_step)
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=10_000, help="key presses per seed")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--seeds", type=int, default=1, help="how many seeds, from --seed on")
    parser.add_argument("--check-every", type=int, default=20, help="presses between checks")
    parser.add_argument(
        "--idle-step",
        type=float,
        default=IDLE_STEP,
        help=f"seconds per step of Pilot's idle wait (default {IDLE_STEP}; Textual's is 0.02)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    results = []
    for seed in range(args.seed, args.seed + args.seeds):
        result = run_one(seed, args.presses, args.check_every, args.idle_step)
        results.append(result)
        print(result.summary() if result.ok else result.report(), flush=True)

    presses = sum(r.presses for r in results)
    seconds = sum(r.seconds for r in results)
    failed = [r.seed for r in results if not r.ok]
    exceptions = sum(r.crash is not None for r in results)
    problems = sum(len(r.problems) for r in results)
    print(
        f"total: {presses} presses in {seconds:.1f} s = {presses / seconds:.1f} presses/s; "
        f"exceptions found: {exceptions}; broken invariants: {problems}"
        + (f"; failing seeds: {failed}" if failed else "")
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "presses": presses,
                    "seconds": round(seconds, 2),
                    "presses_per_second": round(presses / seconds, 1),
                    "exceptions": exceptions,
                    "problems": problems,
                    "runs": [
                        {
                            "seed": r.seed,
                            "presses": r.presses,
                            "seconds": round(r.seconds, 2),
                            "ok": r.ok,
                            "starts": r.starts,
                            "resizes": r.resizes,
                            "exports": r.exports,
                            "copies": r.copies,
                            "jumps": r.jumps,
                        }
                        for r in results
                    ],
                },
                indent=2,
            )
            + "\n"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
