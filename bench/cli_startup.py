"""How long the command line takes to answer ``--help``, against the bare interpreter.

    python bench/cli_startup.py            # 15 runs of each, alternating; medians

Each command runs in a fresh process, as a user's shell runs it. The baseline is
``python -c pass`` in the same run, so the ratio holds on a slower machine too; the
absolute medians are printed beside it.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "newsclean --help": [sys.executable, "-m", "newsclean", "--help"],
    "newsclean clean --help": [sys.executable, "-m", "newsclean", "clean", "--help"],
    "newsclean --version": [sys.executable, "-m", "newsclean", "--version"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, argv in COMMANDS.items():
            started = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - started)
    base = statistics.median(times["python -c pass"])
    print(f"{'command':<26} {'median s':>9} {'x python':>9}")
    for name, measured in times.items():
        median = statistics.median(measured)
        print(f"{name:<26} {median:>9.3f} {median / base:>9.1f}")


if __name__ == "__main__":
    main()
