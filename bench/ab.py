"""Pages/s of this checkout against another one, in one process, page by page.

    git worktree add /tmp/before 9dced08
    python bench/ab.py /tmp/before                 # 4 rounds over the 462 dev pages
    python bench/ab.py /tmp/before --rounds 6 --detect

The other checkout's package is copied to a temporary directory under the name
``newsclean_before`` (its imports rewritten), so both versions load side by side. Each
page is cleaned by one version and then by the other, and which one goes first alternates
by round: a machine whose speed drifts between runs (by up to a third on ours) slows both
alike. Prints the pages/s of each and their ratio, and whether the outputs are identical.

Needs ../shared/data (exits with a message when absent).
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "dev.jsonl.gz"
sys.path.insert(0, str(ROOT))

import newsclean  # noqa: E402

OTHER = "newsclean_before"


def load_other(checkout: Path, into: Path) -> Any:
    """The package of ``checkout`` imported as ``newsclean_before``."""
    source = checkout / "newsclean"
    if not (source / "__init__.py").exists():
        raise SystemExit(f"no newsclean package in {checkout}")
    target = into / OTHER
    shutil.copytree(source, target)
    for path in target.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("from newsclean.", f"from {OTHER}.").replace(
            "from newsclean import", f"from {OTHER} import"
        )
        text = text.replace("import newsclean.", f"import {OTHER}.")
        # Package resources (the rule packs) are found by package name too.
        text = text.replace('"newsclean.', f'"{OTHER}.')
        path.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(into))
    return importlib.import_module(OTHER)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("other", type=Path, help="a checkout of another version")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--detect", action="store_true", help="detect the language too")
    parser.add_argument("--data", type=Path, default=DATA, help="the dev pages (JSONL, gzip)")
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"benchmark data not found at {args.data}; nothing to measure")
    with gzip.open(args.data, "rt", encoding="utf-8") as handle:
        pages = [json.loads(line) for line in handle if line.strip()]
    docs = [(page["raw_p"], None if args.detect else page["lang"]) for page in pages]
    with tempfile.TemporaryDirectory() as scratch:
        other = load_other(args.other.resolve(), Path(scratch))
        this_pipeline = newsclean.Pipeline.default()
        other_pipeline = other.Pipeline.default()
        same = all(
            this_pipeline.clean(text, lang=lang).text == other_pipeline.clean(text, lang=lang).text
            for text, lang in docs
        )
        pipelines = {"this": this_pipeline, "other": other_pipeline}
        seconds = {"this": 0.0, "other": 0.0}
        for number in range(args.rounds):
            order = ("other", "this") if number % 2 == 0 else ("this", "other")
            for text, lang in docs:
                for name in order:
                    started = time.perf_counter()
                    pipelines[name].clean(text, lang=lang)
                    seconds[name] += time.perf_counter() - started
    count = len(docs) * args.rounds
    print(f"{args.other}: {count / seconds['other']:.0f} pages/s")
    print(f"this checkout: {count / seconds['this']:.0f} pages/s")
    print(f"this / other: {seconds['other'] / seconds['this']:.3f}")
    print("outputs identical" if same else "outputs differ")


if __name__ == "__main__":
    main()
