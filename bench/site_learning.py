"""What corpus learning adds on sites seen before: leave-one-page-out on the dev sites.

    python bench/site_learning.py                    # Dragnet sites with >= 3 pages
    python bench/site_learning.py --min-pages 3 --per-site

For every page of a site with at least 3 dev pages (URL host, ``www.`` aside), rules are
learned from the site's *other* pages only (``newsclean.SiteLearner``), and the page is
cleaned by the default pipeline with and without them. Printed: sh_f1 of both, overall
and (``--per-site``) per site, and two counts of harm. "Learned rules removed gold text":
pages where a line the site step removed is gold text the output no longer holds (a
comment quoting the article is not counted). "Lost gold text": pages whose gold recall
fell for any reason, which includes the layout step's second pass deciding differently
once the site's furniture is gone (a headline kept in the first pass only because
furniture paragraphs stood before it).

The score is out-of-sample by construction: no page is cleaned by a rule learned from
it. Nothing is fitted to the gold: min_pages and min_share are settings of the learner.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from accuracy import load_scorer  # noqa: E402
from line_data import DATA, read_pages, site  # noqa: E402

import newsclean  # noqa: E402
from newsclean.corpus import SiteLearner  # noqa: E402
from newsclean.corpus.observe import PageSeen, observe  # noqa: E402


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", default="dragnet", help="dev source (default dragnet)")
    parser.add_argument("--site-pages", type=int, default=3, help="sites with this many pages")
    parser.add_argument(
        "--min-pages",
        type=int,
        default=2,
        help="learn a line seen on this many of the other pages (default 2: a 3-page "
        "site leaves 2 to learn from)",
    )
    parser.add_argument("--min-share", type=float, default=0.5)
    parser.add_argument(
        "--min-cov",
        type=float,
        default=0.8,
        help="score pages whose raw_p holds this share of the gold (default 0.8, as the "
        "other benchmarks; every page of a site is still learned from)",
    )
    parser.add_argument("--per-site", action="store_true", help="a row per site")
    parser.add_argument("--show-wrong", action="store_true", help="print gold lines removed")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"benchmark data not found at {DATA}; nothing to measure")
        return 0
    scorer = load_scorer()
    by_site: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for page in read_pages(DATA):
        if page["source"] == args.source and page.get("url") and page.get("gold_text"):
            by_site[site(page)].append(page)
    sites = {
        name: pages for name, pages in sorted(by_site.items()) if len(pages) >= args.site_pages
    }
    base = newsclean.Pipeline.default()
    seen: dict[str, PageSeen] = {}
    before: dict[str, float] = {}
    recall_before: dict[str, float] = {}
    for pages in sites.values():
        for page in pages:
            result = base.clean(page["raw_p"])
            seen[page["id"]] = observe(result)
            scores = scorer.score_page(page, result.text)
            before[page["id"]] = scores["sh_f1"]
            recall_before[page["id"]] = scores["sh_r"]
    after: dict[str, float] = {}
    wrong: dict[str, list[str]] = {}
    lost_recall: set[str] = set()
    rules_per_site: dict[str, list[int]] = defaultdict(list)
    for name, pages in sites.items():
        for page in pages:
            if page.get("raw_p_cov", 1.0) < args.min_cov:
                del before[page["id"]]
                continue
            learner = SiteLearner(args.min_pages, args.min_share, base)
            for other in pages:
                if other is not page:
                    learner.add_seen(name, other["id"], seen[other["id"]])
            learned = learner.result()
            rules_per_site[name].append(len(learned.learned))
            if not learned.learned:
                after[page["id"]] = before[page["id"]]
                continue
            pipeline = newsclean.Pipeline.default(rule_packs=[learned.pack()])
            result = pipeline.clean(page["raw_p"], site=page["url"])
            scores = scorer.score_page(page, result.text)
            after[page["id"]] = scores["sh_f1"]
            if scores["sh_r"] < recall_before[page["id"]] - RECALL_LOST:
                lost_recall.add(page["id"])
            output = _norm(result.text)
            removed = [
                removal.text
                for removal in result.removed
                if removal.step == "site"
                and _in_gold(removal.text, page["gold_text"])
                and _norm(removal.text) not in output
            ]
            if removed:
                wrong[page["id"]] = removed
    pages_total = len(before)
    mean_before = sum(before.values()) / pages_total
    mean_after = sum(after.values()) / pages_total
    print(
        f"{args.source}: {len(sites)} sites with >= {args.site_pages} pages; {pages_total} "
        f"pages scored (raw_p_cov >= {args.min_cov:g}); leave-one-page-out, "
        f"min_pages={args.min_pages}, min_share={args.min_share:g}"
    )
    print()
    print(
        "| pipeline | sh_f1 | pages where learned rules removed gold text "
        "| pages that lost gold text (any cause) |"
    )
    print("|---|---|---|---|")
    print(f"| default | {mean_before:.3f} | | |")
    print(
        f"| default + learned site rules | {mean_after:.3f} ({mean_after - mean_before:+.3f}) "
        f"| {len(wrong)} of {pages_total} ({len(wrong) / pages_total:.1%}) "
        f"| {len(lost_recall)} ({len(lost_recall) / pages_total:.1%}) |"
    )
    better = sum(after[p] > before[p] + 1e-9 for p in before)
    worse = sum(after[p] < before[p] - 1e-9 for p in before)
    print(f"\npages better {better}, worse {worse}, unchanged {pages_total - better - worse}")
    if args.per_site:
        print("\n| site | pages | rules learned (mean) | sh_f1 default | + learned |")
        print("|---|---|---|---|---|")
        for name, pages in sites.items():
            ids = [page["id"] for page in pages if page["id"] in before]
            if not ids:
                continue
            b = sum(before[i] for i in ids) / len(ids)
            a = sum(after[i] for i in ids) / len(ids)
            mean_rules = sum(rules_per_site[name]) / len(ids)
            print(f"| {name} | {len(ids)} | {mean_rules:.1f} | {b:.3f} | {a:.3f} |")
    if args.show_wrong:
        for page_id, lines in wrong.items():
            for line in lines:
                print(f"gold removed on {page_id}: {line[:100]!r}")
    return 0


def _in_gold(text: str, gold: str) -> bool:
    """Whether a removed line is gold text: a line of the gold, or (a line of at least
    ``LONG_WORDS`` words) a passage of it. Shorter lines inside gold lines are not counted:
    "Science" or "About" occur in many a sentence without being the removed label."""
    line = _norm(text)
    if not any(map(str.isalpha, line)):
        return False
    if len(line.split()) >= LONG_WORDS:
        return line in _norm(gold)
    return line in {_norm(gold_line) for gold_line in gold.split("\n")}


LONG_WORDS = 6
# A page lost gold text when its shingle recall fell by more than this.
RECALL_LOST = 0.005


if __name__ == "__main__":
    raise SystemExit(main())
