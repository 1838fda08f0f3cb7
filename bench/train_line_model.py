"""Train the line model on the dev pages and write it where the package reads it.

    pip install -e ".[bench]"
    python bench/train_line_model.py                  # -> newsclean/learned/line_model.json
    python bench/train_line_model.py -o /tmp/m.json   # elsewhere
    python bench/train_line_model.py --choose-thresholds  # the presets' thresholds too

Boosted stumps (``bench/additive.py``: one step function per feature of
:mod:`newsclean.learned.features`), each line weighted by its length as the decoder
weighs it. The presets' decoder thresholds are kept as shipped; with
``--choose-thresholds``, per preset, the threshold that does best on the training pages:
``precision`` favours keeping article text (F2 on article characters), ``balanced`` F1,
``recall`` favours removing boilerplate (F0.5). The training objective is flat around
the chosen thresholds, so choosing them again on every refit flips them between
neighbours for changes on a few pages (docs/design-notes.md); they were last chosen on
all dev pages on 2026-12-02 (.15 / .25 / .35). Everything here is fitted:
``bench/out_of_fold.py`` reports it out-of-fold, refitting only the stumps as this script
does (``--choose-thresholds`` there too for the thresholds).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from additive import fit_stumps  # noqa: E402
from line_data import DATA, PageLines, capture, read_pages  # noqa: E402

from newsclean.learned.decode import best_span, line_weight  # noqa: E402
from newsclean.learned.features import FEATURES  # noqa: E402
from newsclean.learned.model import LineModel, default_model  # noqa: E402
from newsclean.steps.line_model import KEEP_OUTSIDE  # noqa: E402

TARGET = ROOT / "newsclean" / "learned" / "line_model.json"
THRESHOLDS = [round(0.05 * step, 2) for step in range(2, 19)]
BETAS = {"precision": 2.0, "balanced": 1.0, "recall": 0.5}
# Boosted stumps: enough rounds that more change nothing out of fold (400 and 800 at half
# the rate score alike), bins at quantiles of each feature.
BOOSTING: dict[str, Any] = {"rounds": 400, "rate": 0.1, "bins": 64, "l2": 1.0, "min_hessian": 1.0}


def shipped_thresholds() -> dict[str, float]:
    """The presets' thresholds of the shipped model: what a refit keeps."""
    return dict(default_model().thresholds)


def fit(pages: Sequence[PageLines], thresholds: dict[str, float] | None = None) -> LineModel:
    """The model fitted on ``pages``' labelled lines, with its thresholds: chosen on
    ``pages``, or ``thresholds`` as given (only the stumps are fitted)."""
    rows, labels, weights = [], [], []
    for page in pages:
        for text, row, label in zip(page.texts, page.rows, page.labels, strict=True):
            if label is not None:
                rows.append(row)
                labels.append(label)
                weights.append(line_weight(len(text)))
    fitted = fit_stumps(rows, labels, weights, **BOOSTING)
    model = LineModel(
        FEATURES,
        tuple(tuple(column) for column in fitted.edges),
        tuple(tuple(column) for column in fitted.values),
        round(fitted.intercept, 6),
        {},
    )
    if thresholds is None:
        thresholds = {preset: best_threshold(model, pages, beta) for preset, beta in BETAS.items()}
    return LineModel(model.features, model.edges, model.values, model.intercept, thresholds)


def decoded(
    model: LineModel,
    page: PageLines,
    threshold: float,
    probabilities: Sequence[float] | None = None,
) -> list[bool]:
    """Which lines the step keeps on ``page`` at ``threshold`` (removed ones are False);
    ``probabilities``: those of its kept lines, when already computed."""
    kept = [index for index, alive in enumerate(page.kept) if alive]
    if not kept:
        return list(page.kept)
    if probabilities is None:
        probabilities = kept_probabilities(model, page)
    weights = [line_weight(len(page.texts[index])) for index in kept]
    span = best_span(kept, probabilities, weights, threshold)
    if span is None:
        return list(page.kept)
    first, last = span
    sure = {index for index, p in zip(kept, probabilities, strict=True) if p >= KEEP_OUTSIDE}
    return [
        alive and (first <= index <= last or index in sure) for index, alive in enumerate(page.kept)
    ]


def kept_probabilities(model: LineModel, page: PageLines) -> list[float]:
    pairs = zip(page.rows, page.kept, strict=True)
    return [model.probability(row) for row, alive in pairs if alive]


def best_threshold(model: LineModel, pages: Sequence[PageLines], beta: float) -> float:
    """The threshold whose decoded spans give the best F-beta on article characters of
    the labelled lines, averaged over pages (as the scorer averages over pages)."""
    best = (-1.0, 0.5)
    labelled = [page for page in pages if any(label is not None for label in page.labels)]
    probabilities = [kept_probabilities(model, page) for page in labelled]
    for threshold in THRESHOLDS:
        total = sum(
            _page_f(decoded(model, page, threshold, found), page, beta)
            for page, found in zip(labelled, probabilities, strict=True)
        )
        best = max(best, (total / max(len(labelled), 1), threshold))
    return best[1]


def _page_f(keeps: list[bool], page: PageLines, beta: float) -> float:
    true_positive = false_positive = false_negative = 0
    for keep, text, label in zip(keeps, page.texts, page.labels, strict=True):
        if label is None:
            continue
        size = len(text)
        if keep and label:
            true_positive += size
        elif keep:
            false_positive += size
        elif label:
            false_negative += size
    b2 = beta * beta
    denominator = (1 + b2) * true_positive + b2 * false_negative + false_positive
    return (1 + b2) * true_positive / denominator if denominator else 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    parser.add_argument(
        "--choose-thresholds",
        action="store_true",
        help="choose the presets' thresholds on the pages (else keep the shipped ones)",
    )
    args = parser.parse_args()
    if not args.data.exists():
        print(f"benchmark data not found at {args.data}; nothing to do")
        return 0
    pages = capture(read_pages(args.data), folds=5)
    model = fit(pages, None if args.choose_thresholds else shipped_thresholds())
    report: dict[str, Any] = model.to_dict()
    report["trained_on"] = f"{len(pages)} dev pages ({args.data.name}), all folds"
    args.output.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    labelled = sum(label is not None for page in pages for label in page.labels)
    print(f"{labelled} labelled lines on {len(pages)} pages; thresholds {model.thresholds}")
    print("feature                    range of its log-odds (edges)")
    tables = zip(FEATURES, model.values, model.edges, strict=True)
    for name, values, edges in sorted(tables, key=lambda item: min(item[1]) - max(item[1])):
        print(f"  {name:24} {min(values):+.2f} .. {max(values):+.2f}  ({len(edges)})")
    print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
