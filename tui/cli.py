"""The `ikt` command: opens the explorer, or answers one question without the interface."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ikt",
        description="Explore Statistics Norway's figures on enterprises' social media, "
        "ICT policy and e-commerce.",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    parser.parse_args(argv)
    print("ikt: the explorer is not built yet", file=sys.stderr)
    return 1
