"""Train the line model on the dev pages and write it where the package reads it.

    pip install -e ".[bench]"
    python bench/train_line_model.py                  # -> newsclean/learned/line_model.json
    python bench/train_line_model.py -o /tmp/m.json   # elsewhere

A logistic regression on the features of :mod:`newsclean.learned.features`, each line
weighted by its length as the decoder weighs it; then, per preset, the decoder threshold
that does best on the training pages: ``precision`` favours keeping article text (F2 on
article characters), ``balanced`` F1, ``recall`` favours removing boilerplate (F0.5).
Everything here is fitted: ``bench/accuracy.py --folds 5`` reports it out-of-fold.
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

from line_data import DATA, PageLines, capture, read_pages  # noqa: E402

from newsclean.learned.decode import best_span, line_weight  # noqa: E402
from newsclean.learned.features import FEATURES  # noqa: E402
from newsclean.learned.model import LineModel  # noqa: E402
from newsclean.steps.line_model import KEEP_OUTSIDE  # noqa: E402

TARGET = ROOT / "newsclean" / "learned" / "line_model.json"
THRESHOLDS = [round(0.05 * step, 2) for step in range(2, 19)]
BETAS = {"precision": 2.0, "balanced": 1.0, "recall": 0.5}
REGULARISATION = 1.0


def fit(pages: Sequence[PageLines]) -> LineModel:
    """The model fitted on ``pages``' labelled lines, with its thresholds."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows, labels, weights = [], [], []
    for page in pages:
        for text, row, label in zip(page.texts, page.rows, page.labels, strict=True):
            if label is not None:
                rows.append(row)
                labels.append(label)
                weights.append(line_weight(len(text)))
    x = np.array(rows, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    mean[-1], scale[-1] = 0.0, 1.0  # the bias feature stays 1
    classifier = LogisticRegression(C=REGULARISATION, max_iter=2000)
    classifier.fit((x - mean) / scale, np.array(labels), sample_weight=np.array(weights))
    model = LineModel(
        FEATURES,
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in classifier.coef_[0]),
        float(classifier.intercept_[0]),
        {},
    )
    thresholds = {preset: best_threshold(model, pages, beta) for preset, beta in BETAS.items()}
    return LineModel(
        model.features, model.mean, model.scale, model.weights, model.intercept, thresholds
    )


def decoded(model: LineModel, page: PageLines, threshold: float) -> list[bool]:
    """Which lines the step keeps on ``page`` at ``threshold`` (removed ones are False)."""
    kept = [index for index, alive in enumerate(page.kept) if alive]
    if not kept:
        return list(page.kept)
    probabilities = [model.probability(page.rows[index]) for index in kept]
    weights = [line_weight(len(page.texts[index])) for index in kept]
    span = best_span(kept, probabilities, weights, threshold)
    if span is None:
        return list(page.kept)
    first, last = span
    sure = {index for index, p in zip(kept, probabilities, strict=True) if p >= KEEP_OUTSIDE}
    return [
        alive and (first <= index <= last or index in sure) for index, alive in enumerate(page.kept)
    ]


def best_threshold(model: LineModel, pages: Sequence[PageLines], beta: float) -> float:
    """The threshold whose decoded spans give the best F-beta on article characters of
    the labelled lines, averaged over pages (as the scorer averages over pages)."""
    best = (-1.0, 0.5)
    labelled = [page for page in pages if any(label is not None for label in page.labels)]
    for threshold in THRESHOLDS:
        total = sum(_page_f(decoded(model, page, threshold), page, beta) for page in labelled)
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
    args = parser.parse_args()
    if not args.data.exists():
        print(f"benchmark data not found at {args.data}; nothing to do")
        return 0
    pages = capture(read_pages(args.data), folds=5)
    model = fit(pages)
    report: dict[str, Any] = model.to_dict()
    report["trained_on"] = f"{len(pages)} dev pages ({args.data.name}), all folds"
    args.output.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    labelled = sum(label is not None for page in pages for label in page.labels)
    print(f"{labelled} labelled lines on {len(pages)} pages; thresholds {model.thresholds}")
    weights = zip(FEATURES, model.weights, strict=True)
    for name, weight in sorted(weights, key=lambda item: -abs(item[1])):
        print(f"  {name:24} {weight:+.3f}")
    print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
