"""Accuracy of newsclean on the dev benchmark (../shared/data), scored by its own scorer.

    python bench/accuracy.py                  # raw_p input, balanced preset
    python bench/accuracy.py --raw-page       # full page text with menus and footers
    python bench/accuracy.py --mode precision # another preset
    python bench/accuracy.py --rule-sites     # on how many distinct sites each rule fires
    python bench/accuracy.py --folds 5        # the line model out-of-fold (bench/out_of_fold.py)

Prints a table per source and per language, for all pages and for pages whose input holds
at least 80% of the gold (cov >= 0.8), plus author precision/recall, and writes a JSON
report (default bench/out/accuracy-<input>-<mode>.json). Exits with a message when the data
is absent: the benchmark is never copied into this repository.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT.parent / "shared" / "data"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"
sys.path.insert(0, str(ROOT))

import newsclean  # noqa: E402
from newsclean.extract.names import split_names  # noqa: E402


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsclean_bench_score", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_pages(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _norm_name(name: str) -> str:
    return " ".join(name.replace(".", " ").split()).casefold()


def author_scores(pages: list[dict[str, Any]], authors: dict[str, list[str]]) -> dict[str, Any]:
    """Precision: of pages where newsclean names authors, share where all are in the gold.
    Recall: of pages whose gold names authors, share where newsclean found one of them."""
    with_gold = [p for p in pages if p.get("gold_meta", {}).get("authors")]
    predicted = [p for p in with_gold if authors.get(p["id"])]
    correct = 0
    found = 0
    for page in with_gold:
        gold = set()
        for entry in page["gold_meta"]["authors"]:
            parts = split_names(entry) or [entry]
            gold.update(_norm_name(part) for part in parts)
        gold_text = " ".join(sorted(gold))
        mine = [_norm_name(a) for a in authors.get(page["id"], [])]
        if not mine:
            continue
        hits = [a for a in mine if a in gold or a in gold_text]
        if len(hits) == len(mine):
            correct += 1
        if hits:
            found += 1
    return {
        "pages_with_gold_authors": len(with_gold),
        "pages_with_predicted_authors": len(predicted),
        "precision": correct / len(predicted) if predicted else None,
        "recall": found / len(with_gold) if with_gold else None,
    }


def rule_sites(pages: list[dict[str, Any]], field: str, mode: str) -> int:
    """Print each rule id that removed something, with the number of distinct sites (URL
    host; a page without a URL is a site of its own) and pages it fired on, fewest first:
    a phrase rule should fire on 3 sites or more."""
    sys.path.insert(0, str(ROOT / "bench"))
    from line_data import site

    pipeline = newsclean.Pipeline.default(mode=mode)
    sites: dict[str, set[str]] = {}
    fired: dict[str, int] = {}
    for page in pages:
        rules = {removal.rule for removal in pipeline.clean(page[field]).removed}
        for rule in rules:
            sites.setdefault(rule, set()).add(site(page))
            fired[rule] = fired.get(rule, 0) + 1
    print(f"{'rule':<60} {'sites':>6} {'pages':>6}")
    for rule in sorted(sites, key=lambda name: (len(sites[name]), name)):
        print(f"{rule:<60} {len(sites[rule]):>6} {fired[rule]:>6}")
    under = sum(1 for found in sites.values() if len(found) < 3)
    print(f"\n{len(sites)} rules fired; {under} of them on fewer than 3 sites")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA_DIR / "dev.jsonl.gz")
    parser.add_argument("--raw-page", action="store_true", help="clean raw_page instead of raw_p")
    parser.add_argument("--mode", default="balanced", choices=["precision", "balanced", "recall"])
    parser.add_argument("--json", type=Path, help="where to write the report")
    parser.add_argument("--quiet", action="store_true", help="only the ALL and per-source rows")
    parser.add_argument(
        "--rule-sites", action="store_true", help="per rule id, the distinct dev sites it fires on"
    )
    parser.add_argument("--folds", type=int, help="run bench/out_of_fold.py with this many folds")
    args = parser.parse_args()
    if args.folds is not None:
        command = [sys.executable, str(ROOT / "bench" / "out_of_fold.py"), "--folds"]
        return subprocess.call([*command, str(args.folds), "--mode", args.mode])
    if not args.data.exists() or not SCORER.exists():
        print(f"benchmark data or scorer not found ({args.data}, {SCORER}); nothing to do")
        return 0
    field = "raw_page" if args.raw_page else "raw_p"
    if args.rule_sites:
        return rule_sites(read_pages(args.data), field, args.mode)
    scorer = load_scorer()
    cov_field = f"{field}_cov"
    pages = read_pages(args.data)
    pipeline = newsclean.Pipeline.default(mode=args.mode)
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    predictions = out_dir / f"predictions-{field}-{args.mode}.jsonl"
    authors: dict[str, list[str]] = {}
    started = time.perf_counter()
    with predictions.open("w", encoding="utf-8") as handle:
        for page in pages:
            result = pipeline.clean(page[field])
            authors[page["id"]] = result.metadata.authors
            handle.write(json.dumps({"id": page["id"], "text": result.text}, ensure_ascii=False))
            handle.write("\n")
    elapsed = time.perf_counter() - started
    report: dict[str, Any] = {"input": field, "mode": args.mode, "pages": len(pages)}
    for label, min_cov in (("all pages", 0.0), ("cov >= 0.8", 0.8)):
        groups, _, _, _ = scorer.score(
            str(args.data), str(predictions), ("source", "lang"), min_cov, cov_field
        )
        shown = [g for g in groups if not args.quiet or g[0] == "ALL" or g[0].startswith("source=")]
        print(f"\n== {field}, mode={args.mode}, {label} ==")
        print(scorer.format_table(shown))
        report[label] = dict(groups)
    report["authors"] = author_scores(pages, authors)
    print(f"\nauthors: {report['authors']}")
    print(f"cleaned {len(pages)} pages in {elapsed:.1f}s")
    target = args.json or out_dir / f"accuracy-{field}-{args.mode}.json"
    target.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"report: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
