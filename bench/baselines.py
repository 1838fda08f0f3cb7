"""The other tools' accuracy on the dev pages, scored like newsclean's, per source and per
language: trafilatura on each page's HTML, datatrove's C4 line filter and jusText on
``raw_p`` (each line a paragraph), and the input unchanged.

    pip install -e ".[bench]"        # trafilatura, datatrove, jusText
    python bench/baselines.py        # pages with raw_p_cov >= 0.8
    python bench/baselines.py --json bench/out/baselines.json

A tool that is not installed is skipped with a note. Nothing here is fitted, so these are
the same in and out of sample. Needs ../shared/data (exits with a message when absent).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from line_data import DATA, read_pages  # noqa: E402
from out_of_fold import BY, COLUMNS, SCORER, language_rows, row, scores  # noqa: E402

Tool = Callable[[dict[str, Any]], str]


def read_html(page: dict[str, Any]) -> str:
    """A dev page's HTML (stored gzip-compressed)."""
    path = DATA.parent / page["html_file"]
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
        return handle.read()


def tools() -> dict[str, Tool]:
    """The installed tools, by the name their row shows."""
    found: dict[str, Tool] = {"input unchanged": lambda page: page["raw_p"]}
    if importlib.util.find_spec("datatrove"):
        from datatrove.data import Document
        from datatrove.pipeline.filters import C4QualityFilter

        c4 = C4QualityFilter(min_num_sentences=-1, filter_curly_bracket=False)

        def c4_lines(page: dict[str, Any]) -> str:
            document = Document(text=page["raw_p"], id=page["id"])
            return document.text if c4.filter(document) is True else ""

        found["datatrove C4 line filter"] = c4_lines
    else:
        print("note: datatrove not installed; its row is skipped", file=sys.stderr)
    if importlib.util.find_spec("justext"):
        import html

        import justext

        def justext_lines(page: dict[str, Any]) -> str:
            markup = "".join(f"<p>{html.escape(line)}</p>" for line in page["raw_p"].split("\n"))
            language = {"de": "German", "fr": "French", "es": "Spanish", "pl": "Polish"}.get(
                page["lang"], "English"
            )
            paragraphs = justext.justext(markup, justext.get_stoplist(language))
            return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        found["jusText on lines"] = justext_lines
    else:
        print("note: jusText not installed; its row is skipped", file=sys.stderr)
    if importlib.util.find_spec("trafilatura"):
        import trafilatura

        def trafilatura_html(page: dict[str, Any]) -> str:
            return trafilatura.extract(read_html(page)) or ""

        found["trafilatura on the HTML"] = trafilatura_html
    else:
        print("note: trafilatura not installed; its row is skipped", file=sys.stderr)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    if not DATA.exists() or not SCORER.exists():
        print(f"benchmark data or scorer not found ({DATA}); nothing to do")
        return 0
    pages = read_pages(DATA)
    report = {
        name: scores(DATA, {page["id"]: tool(page) for page in pages}, BY)
        for name, tool in tools().items()
    }
    header = "".join(f"{source[:6] + ' ' + column:>10}" for source, cols in COLUMNS.items()
                     for column in cols)  # fmt: skip
    print(f"pages with raw_p_cov >= 0.8\n{'':<34}{header}")
    print("\n".join(row(name, found) for name, found in report.items()))
    print("\nper language")
    print("\n".join(language_rows(report)))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
