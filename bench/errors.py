"""Error analysis on the dev benchmark: per page, what newsclean kept that the gold calls
boilerplate and what it removed that the gold keeps, worst pages first; or, with
``--classes``, those errors counted by class over all pages, out-of-fold.

    python bench/errors.py [--raw-page] [--mode balanced] [--top 20] [--min-cov 0.8]
    python bench/errors.py --classes            # 5 folds by site, out-of-fold
    python bench/errors.py --classes --folds 0  # the shipped build (in-sample)
    python bench/errors.py --classes --hand-layout  # the hand-written layout step

For pages with a gold text (scrapinghub), a line counts as boilerplate when few of its
words are in the gold; for snippet pages (trafilatura), the 'without' snippets still
present and the 'with' snippets lost are listed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import DATA_DIR, load_scorer, read_pages
from error_classes import Tally, page_errors
from line_data import Gold, capture, fold_of
from out_of_fold import model_pipeline, out_of_fold_models
from train_line_model import shipped_thresholds

import newsclean


def _line_in_gold(line: str, gold: Counter[str], tokens: Any) -> float:
    words = tokens(line)
    if not words:
        return 1.0
    return sum(1 for w in words if gold[w] > 0) / len(words)


def analyse(page: dict[str, Any], result: newsclean.CleanResult, scorer: Any) -> dict[str, Any]:
    kept_bad: list[str] = []
    removed_good: list[str] = []
    if page.get("gold_text"):
        gold = Counter(scorer.tokens(page["gold_text"]))
        for line in result.text.split("\n"):
            if line and _line_in_gold(line, gold, scorer.tokens) < 0.5:
                kept_bad.append(line)
        for removal in result.removed:
            if (
                len(scorer.tokens(removal.text)) >= 4
                and _line_in_gold(removal.text, gold, scorer.tokens) > 0.9
            ):
                removed_good.append(f"[{removal.kind.value} {removal.rule}] {removal.text}")
    else:
        text = scorer.norm(result.text)
        kept_bad = [s for s in page.get("without", []) if scorer.norm(s) in text]
        source = scorer.norm(result.source)
        for snippet in page.get("with", []):
            if scorer.norm(snippet) not in text and scorer.norm(snippet) in source:
                rules = {
                    f"[{r.kind.value} {r.rule}]"
                    for r in result.removed
                    if (scorer.norm(r.text) and scorer.norm(r.text) in scorer.norm(snippet))
                    or scorer.norm(snippet)[:40] in scorer.norm(r.text)
                }
                removed_good.append(f"{' '.join(sorted(rules))} {snippet}")
    return {"kept_bad": kept_bad, "removed_good": removed_good}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--raw-page", action="store_true")
    parser.add_argument("--mode", default="balanced")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--min-cov", type=float, default=0.8)
    parser.add_argument("--source", choices=["scrapinghub", "trafilatura", "dragnet"])
    parser.add_argument("--only", choices=["kept", "removed"])
    parser.add_argument("--classes", action="store_true", help="count errors by class")
    parser.add_argument(
        "--folds", type=int, default=5, help="with --classes: folds by site (0: in-sample)"
    )
    parser.add_argument(
        "--hand-layout",
        action="store_true",
        help="with --classes: the hand-written layout step in the line model's place",
    )
    args = parser.parse_args()
    data = DATA_DIR / "dev.jsonl.gz"
    if not data.exists():
        print(f"benchmark data not found at {data}; nothing to do")
        return 0
    if args.classes:
        folds = 0 if args.hand_layout else args.folds
        return classes(data, args.mode, folds, args.min_cov, args.source, args.hand_layout)
    scorer = load_scorer()
    field = "raw_page" if args.raw_page else "raw_p"
    pipeline = newsclean.Pipeline.default(mode=args.mode)
    rows = []
    for page in read_pages(data):
        if (page.get(f"{field}_cov") or 0) < args.min_cov:
            continue
        if args.source and page["source"] != args.source:
            continue
        result = pipeline.clean(page[field])
        found = analyse(page, result, scorer)
        chars = sum(len(x) for x in found["kept_bad"]) + sum(len(x) for x in found["removed_good"])
        if args.only == "kept":
            chars = sum(len(x) for x in found["kept_bad"])
        elif args.only == "removed":
            chars = sum(len(x) for x in found["removed_good"])
        if chars:
            rows.append((chars, page, found))
    rows.sort(key=lambda row: -row[0])
    for chars, page, found in rows[: args.top]:
        print(f"\n### {page['id']} ({page['source']}, {page['lang']}) {chars} chars")
        if args.only != "removed":
            for line in found["kept_bad"][:12]:
                print(f"  KEPT    {line[:150]}")
        if args.only != "kept":
            for line in found["removed_good"][:12]:
                print(f"  REMOVED {line[:150]}")
    print(f"\n{len(rows)} pages with errors")
    return 0


def classes(
    data: Path, mode: str, folds: int, min_cov: float, source: str | None, hand_layout: bool
) -> int:
    """Print the error classes of every page, cleaned out-of-fold (``folds`` by site) or,
    with ``folds == 0``, by the shipped build (``hand_layout``: the hand-written layout
    step instead of the line model)."""
    scorer = load_scorer()
    pages = read_pages(data)
    if folds:
        # The presets' thresholds kept as shipped, as bench/out_of_fold.py keeps them.
        models = out_of_fold_models(capture(pages, folds), folds, thresholds=shipped_thresholds())
        pipelines = {fold: model_pipeline(mode, model) for fold, model in models.items()}
        how = f"out-of-fold, {folds} folds by site"
    else:
        shipped = newsclean.Pipeline.default(mode=mode, line_model=not hand_layout)
        how = "the hand-written layout step" if hand_layout else "the shipped build (in-sample)"
    tallies: dict[str, tuple[Tally, Tally]] = {}
    for page in pages:
        if (page.get("raw_p_cov") or 0) < min_cov or (source and page["source"] != source):
            continue
        pipeline = pipelines[fold_of(page, folds)] if folds else shipped
        result = pipeline.clean(page["raw_p"])
        kind = "gold-text pages" if page.get("gold_text") else "snippet pages"
        kept, dropped = tallies.setdefault(kind, (Tally(), Tally()))
        gold = Gold.of(page)
        page_errors(page["id"], result, gold.label, lambda t: len(scorer.tokens(t)), kept, dropped)
    print(f"errors by class, {mode}, {how}, pages with raw_p_cov >= {min_cov}")
    for kind, (kept, dropped) in tallies.items():
        print(f"\n{kind}")
        print("\n".join(kept.table("boilerplate kept")))
        print("\n".join(dropped.table("article text dropped, by step")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
