"""Error analysis on the dev benchmark: per page, what newsclean kept that the gold calls
boilerplate and what it removed that the gold keeps, worst pages first.

    python bench/errors.py [--raw-page] [--mode balanced] [--top 20] [--min-cov 0.8]

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
    parser.add_argument("--source", choices=["scrapinghub", "trafilatura"])
    parser.add_argument("--only", choices=["kept", "removed"])
    args = parser.parse_args()
    data = DATA_DIR / "dev.jsonl.gz"
    if not data.exists():
        print(f"benchmark data not found at {data}; nothing to do")
        return 0
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


if __name__ == "__main__":
    raise SystemExit(main())
