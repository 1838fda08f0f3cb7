"""What learning costs beside cleaning: the dev pages that have a URL, cleaned by the
default pipeline, and learned from by ``newsclean.SiteLearner``, in the same process.

    python bench/learn_speed.py

Prints seconds for each and their ratio, then (in a second run, as tracemalloc slows
what it watches) the memory allocated while learning and still held at the end: the
counts of every site and the pipeline's line cache.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from line_data import DATA, read_pages  # noqa: E402

import newsclean  # noqa: E402
from newsclean.corpus import SiteLearner  # noqa: E402


def main() -> int:
    if not DATA.exists():
        print(f"benchmark data not found at {DATA}; nothing to measure")
        return 0
    pages = [page for page in read_pages(DATA) if page.get("url")]
    pipeline = newsclean.Pipeline.default()
    pipeline.clean(pages[0]["raw_p"])  # profiles and packs loaded before timing
    started = time.perf_counter()
    for page in pages:
        pipeline.clean(page["raw_p"])
    cleaning = time.perf_counter() - started
    learner = SiteLearner(pipeline=newsclean.Pipeline.default())
    started = time.perf_counter()
    for page in pages:
        learner.add(page["raw_p"], site=page["url"], page_id=page["id"])
    counted = time.perf_counter() - started
    started = time.perf_counter()
    learned = learner.result()
    deciding = time.perf_counter() - started
    # Memory in a second run: tracemalloc slows what it watches several-fold.
    tracemalloc.start()
    again = SiteLearner(pipeline=newsclean.Pipeline.default())
    for page in pages:
        again.add(page["raw_p"], site=page["url"], page_id=page["id"])
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sites = len(learner.sites)
    print(f"{len(pages)} pages of {sites} sites; {len(learned.learned)} rules learned")
    print(f"cleaning               {cleaning:6.2f} s")
    print(f"learning: clean+count  {counted:6.2f} s  ({counted / cleaning:.2f}x cleaning)")
    print(f"learning: decide+write {deciding:6.2f} s")
    print(f"held after learning    {held / 1e6:6.1f} MB ({held / sites / 1e3:.0f} KB per site)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
