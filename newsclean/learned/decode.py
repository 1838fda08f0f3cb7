"""The article span: the run of kept lines with the best total score over the page.

Each kept line adds ``(p - threshold) * weight``, its weight growing with its length, so a
long paragraph counts more than a button; the best-scoring contiguous run (removed lines
inside it are skipped, not counted) is the article. One global decision per page: no
line is judged by a cut-off alone, and a page whose best run scores nothing keeps all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def line_weight(chars: int) -> float:
    """How much a line of ``chars`` characters counts in the span's score."""
    return math.log1p(chars)


def best_span(
    kept: Sequence[int], probabilities: Sequence[float], weights: Sequence[float], threshold: float
) -> tuple[int, int] | None:
    """The first and last of the ``kept`` line indexes (in order) whose run has the highest
    total of ``(p - threshold) * weight``; ``None`` when no run scores above zero.

    >>> best_span([0, 1, 2, 3], [0.1, 0.9, 0.8, 0.2], [1, 1, 1, 1], 0.5)
    (1, 2)
    """
    best = 0.0
    found: tuple[int, int] | None = None
    running = 0.0
    start = 0
    for position, (probability, weight) in enumerate(zip(probabilities, weights, strict=True)):
        if running <= 0:
            running, start = 0.0, position
        running += (probability - threshold) * weight
        if running > best:
            best, found = running, (kept[start], kept[position])
    return found
