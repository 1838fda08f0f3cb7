"""Boosted stumps: a logistic additive model fitted by gradient boosting, one feature per
round, so the result is one step function per feature (what the package's
:class:`newsclean.learned.model.LineModel` evaluates in pure Python).

Each feature is cut into at most ``bins`` bins at quantiles of its values; a round finds,
over every feature and bin boundary, the split that most lowers the weighted log-loss
(Newton step, L2-regularised leaf values) and adds its two leaf values to that feature's
bins. Deterministic: no sampling. Needs numpy (a bench dependency).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Additive:
    """What :func:`fit_stumps` returns: per feature, ascending ``edges`` and one value per
    bin (a value ``x`` is in bin ``bisect_left(edges, x)``), and the intercept. Each
    feature's values are centred on the training lines (weighted mean 0), so a value says
    how far that feature moves a line from the average line."""

    edges: list[list[float]]
    values: list[list[float]]
    intercept: float


def _bin_edges(column: Any, bins: int) -> Any:
    import numpy as np

    quantiles = np.quantile(column, np.linspace(0.0, 1.0, bins + 1)[1:-1])
    edges = np.unique(quantiles)
    # The top edge would leave its bin empty: values equal to it fall below it.
    return edges[edges < column.max()]


def fit_stumps(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    weights: Sequence[float],
    rounds: int = 400,
    rate: float = 0.1,
    bins: int = 64,
    l2: float = 1.0,
    min_hessian: float = 1.0,
) -> Additive:
    """Fit ``rounds`` stumps to the weighted lines (1: article, 0: boilerplate)."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels, dtype=float)
    w = np.asarray(weights, dtype=float)
    count, width = x.shape
    edges = [_bin_edges(x[:, column], bins) for column in range(width)]
    codes = [np.searchsorted(edges[column], x[:, column], side="left") for column in range(width)]
    tables = [np.zeros(len(edges[column]) + 1) for column in range(width)]
    prior = float(np.clip((w * y).sum() / w.sum(), 1e-6, 1 - 1e-6))
    base = float(np.log(prior / (1 - prior)))
    score = np.full(count, base)
    for _ in range(rounds):
        probability = 1.0 / (1.0 + np.exp(-score))
        gradient = w * (probability - y)
        hessian = w * probability * (1.0 - probability)
        total_g, total_h = gradient.sum(), hessian.sum()
        best: tuple[float, int, int] | None = None
        for column in range(width):
            size = len(tables[column])
            if size < 2:
                continue
            g = np.bincount(codes[column], gradient, minlength=size)
            h = np.bincount(codes[column], hessian, minlength=size)
            left_g, left_h = np.cumsum(g)[:-1], np.cumsum(h)[:-1]
            right_g, right_h = total_g - left_g, total_h - left_h
            gain = (
                left_g**2 / (left_h + l2)
                + right_g**2 / (right_h + l2)
                - total_g**2 / (total_h + l2)
            )
            gain[(left_h < min_hessian) | (right_h < min_hessian)] = -np.inf
            split = int(np.argmax(gain))
            if np.isfinite(gain[split]) and (best is None or gain[split] > best[0]):
                best = (float(gain[split]), column, split)
        if best is None:
            break
        _, column, split = best
        g = np.bincount(codes[column], gradient, minlength=len(tables[column]))
        h = np.bincount(codes[column], hessian, minlength=len(tables[column]))
        left_g, left_h = g[: split + 1].sum(), h[: split + 1].sum()
        left = -rate * left_g / (left_h + l2)
        right = -rate * (total_g - left_g) / (total_h - left_h + l2)
        tables[column][: split + 1] += left
        tables[column][split + 1 :] += right
        score += np.where(codes[column] <= split, left, right)
    intercept = base
    for column in range(width):
        mean = float((w * tables[column][codes[column]]).sum() / w.sum())
        tables[column] -= mean
        intercept += mean
    kept_edges, kept_values = [], []
    for column in range(width):
        column_edges, column_values = _merged(edges[column], tables[column])
        kept_edges.append(column_edges)
        kept_values.append(column_values)
    return Additive(kept_edges, kept_values, intercept)


def _merged(edges: Any, values: Any) -> tuple[list[float], list[float]]:
    """The step function without edges between bins of equal value."""
    kept_edges: list[float] = []
    kept_values = [round(float(values[0]), 6)]
    for edge, value in zip(edges, values[1:], strict=True):
        value = round(float(value), 6)
        if value != kept_values[-1]:
            kept_edges.append(float(edge))
            kept_values.append(value)
    return kept_edges, kept_values
