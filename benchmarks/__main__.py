"""Run every benchmark (or those named: `python -m benchmarks qr`) and print the figures."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = [
    "startup",
    "journey",
    "locked",
    "soak",
    "catalogue",
    "qr",
    "faults",
    "speech",
    "fleet",
]


def main(names: list[str]) -> int:
    for name in names or BENCHMARKS:
        if name not in BENCHMARKS:
            print(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
            return 2
        print(f"== {name}")
        importlib.import_module(f"benchmarks.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
