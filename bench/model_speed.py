"""Pages/s of the default pipeline with the layout step and with the line model in its
place, in one process, page by page, alternating which goes first by round.

    python bench/model_speed.py --rounds 3

Needs ../shared/data (exits with a message when absent).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from line_data import DATA, read_pages  # noqa: E402

import newsclean  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"benchmark data not found at {DATA}; nothing to do")
        return 0
    texts = [page["raw_p"] for page in read_pages(DATA)]
    pipelines = {
        "layout": newsclean.Pipeline.default(line_model=False),
        "line model": newsclean.Pipeline.default(line_model=True),
    }
    spent = dict.fromkeys(pipelines, 0.0)
    for round_number in range(args.rounds):
        order = list(pipelines) if round_number % 2 == 0 else list(reversed(pipelines))
        for text in texts:
            for name in order:
                started = time.perf_counter()
                pipelines[name].clean(text, lang="en")
                spent[name] += time.perf_counter() - started
    pages = len(texts) * args.rounds
    for name, seconds in spent.items():
        print(f"{name:<12} {pages / seconds:8.1f} pages/s")
    print(f"line model / layout: {spent['layout'] / spent['line model']:.3f} of the pages/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
