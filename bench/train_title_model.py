"""Fit the headline model: which candidate line above the article is its title.

    python bench/train_title_model.py            # out-of-fold report, then fit and write
    python bench/train_title_model.py --no-write

Candidates are what ``newsclean.steps.title.candidates`` gives on each dev page, as the
default pipeline's first pass sees them. Two kinds of page teach the model:

- trafilatura-eval pages with a gold title: a candidate is positive when its text is the
  gold title (case and spacing aside);
- Dragnet pages (``raw_p_cov >= 0.8``), whose gold text opens with the headline: a
  candidate is positive when it is the gold text's first line.

Gradient-boosted trees (scikit-learn, ``pip install -e ".[bench]"``) are fitted and
exported to JSON (``newsclean.learned.trees`` evaluates them); per page the
best-scoring candidate is the title when its probability reaches the threshold (the
best F1 on the training folds' trafilatura-eval pages). Reported **out of fold**, 5 folds
by site over both kinds of page: precision and recall of the title against the gold
titles, and how often the title is the Dragnet gold text's first line, beside the
nearest-candidate rule and the model fitted on all pages (in-sample).
Writes ``newsclean/learned/title_model.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from line_data import DATA, fold_of, read_pages  # noqa: E402

import newsclean  # noqa: E402
import newsclean.steps.title as title_step  # noqa: E402
from newsclean.learned.title_model import TitleModel  # noqa: E402
from newsclean.learned.trees import LEAF, Tree, Trees  # noqa: E402

OUT = ROOT / "newsclean" / "learned" / "title_model.json"
FOLDS = 5
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace(".", " ").split()).casefold()


Page = tuple[list[str], list[tuple[float, ...]]]


def collect(pages: list[dict[str, Any]]) -> dict[str, Page]:
    """Each page's first-pass candidates: their texts and feature rows. The shipped model
    is not read (the candidates come before any choice; the nearest one is taken), so a
    model with other features can be fitted."""
    seen: dict[str, Page] = {}
    current: list[Page] = []
    original = title_step.candidates
    shipped = title_step.default_title_model

    def recording(
        view: Any, first: int, stop_at: Any = (), passable: Any = (), with_first: bool = False
    ) -> Any:
        rows = original(view, first, stop_at, passable, with_first)
        if not current:
            current.append(([view.original(i) for i, _ in rows], [row for _, row in rows]))
        return rows

    title_step.candidates = recording  # type: ignore[assignment]
    title_step.default_title_model = lambda: None  # type: ignore[assignment]
    pipeline = newsclean.Pipeline.default()
    try:
        for page in pages:
            current.clear()
            pipeline.clean(page["raw_p"])
            seen[page["id"]] = current[0] if current else ([], [])
    finally:
        title_step.candidates = original  # type: ignore[assignment]
        title_step.default_title_model = shipped  # type: ignore[assignment]
    return seen


# The ensemble: small trees (three levels), so that a candidate is read in context (a
# long line is a dek when a shorter candidate stands above it). Out of fold on the dev
# pages, 50-200 trees of depth 2-3 all gave precision .71-.75 and recall .64-.67, against
# .69 / .63 for a logistic model over the same features.
TREES = {"n_estimators": 50, "learning_rate": 0.1, "max_depth": 3, "min_samples_leaf": 20}


def fit(rows: list[tuple[float, ...]], labels: list[int]) -> Trees:
    """Gradient-boosted trees (scikit-learn), exported and checked: the exported trees give
    the fitted model's log-odds on every training row."""
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    matrix = np.asarray(rows, dtype=np.float64)
    model = GradientBoostingClassifier(random_state=0, **TREES).fit(matrix, labels)
    rate = model.learning_rate
    trees = []
    for (estimator,) in model.estimators_:
        tree = estimator.tree_
        leaves = (tree.children_left == -1).tolist()
        trees.append(
            Tree(
                tuple(
                    LEAF if leaf else int(f) for f, leaf in zip(tree.feature, leaves, strict=True)
                ),
                tuple(
                    0.0 if leaf else float(t)
                    for t, leaf in zip(tree.threshold, leaves, strict=True)
                ),
                tuple(int(c) for c in tree.children_left),
                tuple(int(c) for c in tree.children_right),
                tuple(float(rate * v) for v in tree.value[:, 0, 0]),
            )
        )
    partial = Trees(0.0, tuple(trees))
    fitted = model.decision_function(matrix[:1])[0]
    exported = Trees(float(fitted - partial.logit(rows[0])), tuple(trees))
    expected = model.decision_function(matrix)
    worst = max(abs(exported.logit(row) - value) for row, value in zip(rows, expected, strict=True))
    if worst > 1e-6:
        raise SystemExit(f"the exported trees differ from the fitted model by {worst}")
    return exported


def choose(model: TitleModel | None, page: Page) -> str | None:
    texts, rows = page
    if not rows:
        return None
    if model is None:
        return texts[0]
    scored = [(model.probability(row), text) for row, text in zip(rows, texts, strict=True)]
    probability, text = max(scored, key=lambda item: item[0])
    return text if probability >= model.threshold else None


def _first_gold_line(page: dict[str, Any]) -> str | None:
    lines = [line for line in page["gold_text"].split("\n") if line.strip()]
    return _norm(lines[0]) if lines else None


def gold_title(page: dict[str, Any]) -> str | None:
    """The title a page teaches: its gold title, or a Dragnet page's first gold line."""
    if page["source"] == "dragnet":
        return _first_gold_line(page)
    return _norm(page["gold_meta"]["title"])


def counts(
    pages: list[dict[str, Any]], pick: Callable[[dict[str, Any]], str | None]
) -> tuple[int, int]:
    """How many pages ``pick`` gives a title, and on how many it is the page's title."""
    given = right = 0
    for page in pages:
        value = pick(page)
        if value:
            given += 1
            right += _norm(value) == gold_title(page)
    return given, right


def score(
    pages: list[dict[str, Any]], pick: Callable[[dict[str, Any]], str | None]
) -> tuple[float, float, int]:
    """Precision, recall and pages given of ``pick`` against each page's title."""
    given, right = counts(pages, pick)
    return (right / given if given else 0.0, right / len(pages) if pages else 0.0, given)


def training(pages: list[dict[str, Any]], seen: dict[str, Page]) -> tuple[list, list]:
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    for page in pages:
        texts, page_rows = seen[page["id"]]
        gold = gold_title(page)
        for text, row in zip(texts, page_rows, strict=True):
            rows.append(row)
            labels.append(int(_norm(text) == gold))
    return rows, labels


def best_threshold(pages: list[dict[str, Any]], seen: dict[str, Page], trees: Trees) -> float:
    """The threshold of the best F1 on the training pages with a gold title."""
    titled = [page for page in pages if page["source"] != "dragnet"]

    def f1(threshold: float) -> float:
        chosen = TitleModel(trees, threshold)
        precision, recall, _ = score(titled, lambda page: choose(chosen, seen[page["id"]]))
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    return max(THRESHOLDS, key=f1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"benchmark data not found at {DATA}; nothing to fit")
        return 0
    all_pages = read_pages(DATA)
    titled = [p for p in all_pages if (p.get("gold_meta") or {}).get("title")]
    dragnet = [p for p in all_pages if p["source"] == "dragnet" and p.get("raw_p_cov", 0) >= 0.8]
    pages = titled + dragnet
    seen = collect(pages)
    chosen_oof: dict[str, str | None] = {}
    for fold in range(FOLDS):
        train = [p for p in pages if fold_of(p, FOLDS) != fold]
        test = [p for p in pages if fold_of(p, FOLDS) == fold]
        rows, labels = training(train, seen)
        trees = fit(rows, labels)
        fitted = TitleModel(trees, best_threshold(train, seen, trees))
        for page in test:
            chosen_oof[page["id"]] = choose(fitted, seen[page["id"]])
    rows, labels = training(pages, seen)
    trees = fit(rows, labels)
    final = TitleModel(trees, best_threshold(pages, seen, trees))
    print(
        f"{len(titled)} pages with a gold title and {len(dragnet)} Dragnet pages; "
        f"{sum(labels)} of {len(labels)} candidates are the title"
    )
    print(
        "| title | gold titles: precision | recall | pages given "
        "| Dragnet: titles given | the gold's first line |"
    )
    print("|---|---|---|---|---|---|")
    for name, pick in (
        ("nearest candidate", lambda page: choose(None, seen[page["id"]])),
        ("model, out-of-fold (5 folds by site)", lambda page: chosen_oof[page["id"]]),
        ("model fitted on all pages (in-sample)", lambda page: choose(final, seen[page["id"]])),
    ):
        precision, recall, given = score(titled, pick)
        dragnet_given, dragnet_right = counts(dragnet, pick)
        print(
            f"| {name} | {precision:.2f} | {recall:.2f} | {given} "
            f"| {dragnet_given} | {dragnet_right} |"
        )
    if not args.no_write:
        OUT.write_text(json.dumps(final.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} (threshold {final.threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
