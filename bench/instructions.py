"""Instructions per page of this checkout against another one, counted by valgrind: a
measure of work that does not drift with the machine's load, for changes too small for
wall-clock timings to tell apart (on a shared machine those vary by a tenth to a third
between runs; see docs/design-notes.md).

    python bench/instructions.py /tmp/before                # 300 dev pages, lang given
    python bench/instructions.py /tmp/before --pages 100 --detect

Each checkout cleans the same first ``--pages`` dev pages in a process of its own under
``valgrind --tool=cachegrind --cache-sim=no``; a second run that loads everything but
cleans no page is subtracted, so imports, rule packs and reading the data do not count.
Instructions are not time: a change that saves memory traffic (fewer objects for the
garbage collector to visit) shows little here. Needs valgrind and ../shared/data (exits
with a message when either is absent); the four runs go two at a time, a few minutes.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "dev.jsonl.gz"
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")

# What each run executes: the checkout's package first on the path, checked, then the
# pages (the first ``count``), each cleaned once by one pipeline.
_RUN = """
import gzip, json, sys
root, data, count, detect = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
sys.path.insert(0, root)
import newsclean
assert newsclean.__file__.startswith(root), newsclean.__file__
with gzip.open(data, "rt", encoding="utf-8") as handle:
    pages = [json.loads(line) for line in handle if line.strip()][:count]
pipeline = newsclean.Pipeline.default()
pipeline.clean("Warm up.", lang=None if detect else "en")
for page in pages:
    pipeline.clean(page["raw_p"], lang=None if detect else page["lang"])
"""


def instructions(checkout: Path, data: Path, count: int, detect: bool) -> int:
    """Instructions valgrind counts for one run that cleans ``count`` pages."""
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        "-c",
        _RUN,
        str(checkout),
        str(data),
        str(count),
        "1" if detect else "0",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    found = _REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind run failed for {checkout}:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("other", type=Path, help="a checkout of another version")
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--detect", action="store_true", help="detect the language too")
    parser.add_argument("--data", type=Path, default=DATA, help="the dev pages (JSONL, gzip)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind not found; nothing to measure")
        return 0
    if not args.data.exists():
        print(f"benchmark data not found at {args.data}; nothing to measure")
        return 0
    other = args.other.resolve()
    if not (other / "newsclean" / "__init__.py").exists():
        raise SystemExit(f"no newsclean package in {other}")
    with gzip.open(args.data, "rt", encoding="utf-8") as handle:
        pages = min(args.pages, sum(1 for line in handle if line.strip()))
    if pages < 1:
        raise SystemExit("--pages must be at least 1")
    runs = [(checkout, count) for checkout in (ROOT, other) for count in (0, pages)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        counted = list(
            pool.map(lambda run: instructions(run[0], args.data, run[1], args.detect), runs)
        )
    this = (counted[1] - counted[0]) / pages
    before = (counted[3] - counted[2]) / pages
    print(f"{other}: {before / 1e6:.1f} million instructions a page")
    print(f"this checkout: {this / 1e6:.1f} million instructions a page")
    print(f"other / this: {before / this:.3f} (above 1: this checkout does less work)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
