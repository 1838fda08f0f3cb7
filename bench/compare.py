"""Compare the outputs of two versions of newsclean on the dev pages, preset by preset.

    git worktree add /tmp/before 685ebcd
    python bench/compare.py dump /tmp/before -o bench/out/before.jsonl.gz
    python bench/compare.py dump . -o bench/out/after.jsonl.gz
    python bench/compare.py diff bench/out/before.jsonl.gz bench/out/after.jsonl.gz

``dump`` cleans every dev page (``raw_p``, language given) with the package found in
CHECKOUT, in the three presets and once with language detection, and writes one JSON line
per page and run: the text, the removed spans (start, end, kind, rule, step) and the
metadata. ``diff`` counts the pages whose text, removals or metadata differ per run and
prints the first differing lines of each page whose text differs.

Needs ../shared/data (exits with a message when absent).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "dev.jsonl.gz"
RUNS = (
    ("precision", True),
    ("balanced", True),
    ("recall", True),
    ("balanced", False),
)


def run_name(mode: str, lang_given: bool) -> str:
    return f"{mode}{'' if lang_given else '+detect'}"


def read_pages() -> list[dict[str, Any]]:
    if not DATA.exists():
        raise SystemExit(f"benchmark data not found at {DATA}; nothing to compare")
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def dump(checkout: Path, output: Path, field: str) -> None:
    sys.path.insert(0, str(checkout.resolve()))
    import newsclean

    print(f"using {newsclean.__file__}", file=sys.stderr)
    pages = read_pages()
    output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(output, "wt", encoding="utf-8") as handle:
        for mode, lang_given in RUNS:
            pipeline = newsclean.Pipeline.default(mode=mode)
            for page in pages:
                result = pipeline.clean(page[field], lang=page["lang"] if lang_given else None)
                record = {
                    "run": run_name(mode, lang_given),
                    "id": page["id"],
                    "text": result.text,
                    "removed": [
                        [r.start, r.end, r.kind.value, r.rule, r.step] for r in result.removed
                    ],
                    "metadata": result.metadata.to_dict(),
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _load(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = (json.loads(line) for line in handle)
        return {(r["run"], r["id"]): r for r in records}


def diff(before_path: Path, after_path: Path, show: int) -> None:
    before, after = _load(before_path), _load(after_path)
    counts: Counter[tuple[str, str]] = Counter()
    shown = 0
    for key in sorted(before):
        old, new = before[key], after.get(key)
        if new is None:
            counts[(key[0], "missing")] += 1
            continue
        counts[(key[0], "pages")] += 1
        if old["text"] != new["text"]:
            counts[(key[0], "text")] += 1
            if shown < show:
                shown += 1
                print(f"== {key[0]} {key[1]}")
                lines = difflib.unified_diff(
                    old["text"].split("\n"), new["text"].split("\n"), lineterm="", n=0
                )
                for line in list(lines)[2:14]:
                    print("   " + line[:160])
        if old["removed"] != new["removed"]:
            counts[(key[0], "removed")] += 1
        if old["metadata"] != new["metadata"]:
            counts[(key[0], "metadata")] += 1
    print()
    for mode, lang_given in RUNS:
        name = run_name(mode, lang_given)
        print(
            f"{name:18} pages {counts[(name, 'pages')]:5}  text differs {counts[(name, 'text')]:4}"
            f"  removals differ {counts[(name, 'removed')]:4}"
            f"  metadata differs {counts[(name, 'metadata')]:4}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write the outputs of one checkout")
    dumping.add_argument("checkout", type=Path)
    dumping.add_argument("-o", "--output", type=Path, required=True)
    dumping.add_argument("--raw-page", action="store_true", help="clean raw_page, not raw_p")
    diffing = commands.add_parser("diff", help="compare two dumps")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    diffing.add_argument("--show", type=int, default=20, help="pages whose diff is printed")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.checkout, args.output, "raw_page" if args.raw_page else "raw_p")
    else:
        diff(args.before, args.after, args.show)


if __name__ == "__main__":
    main()
