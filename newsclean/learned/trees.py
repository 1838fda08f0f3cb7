"""Gradient-boosted regression trees, evaluated in pure Python from their JSON form.

A fitted ensemble (``bench/train_title_model.py`` exports scikit-learn's) is a base score
and trees whose leaves hold what they add to the log-odds. Every tree is stored flat:
node ``i`` either splits (``feature[i] >= 0``: a row goes to ``left[i]`` when its value
of that feature is at most ``threshold[i]``, else to ``right[i]``) or is a leaf
(``feature[i] == -1``) whose ``value[i]`` is added. Rows are rounded to 32-bit floats
before they are compared, as the fitting library compares them, so the shipped model
gives exactly the scores it was measured with.

>>> tree = Tree(feature=(0, -1, -1), threshold=(0.5, 0.0, 0.0), left=(1, -1, -1),
...             right=(2, -1, -1), value=(0.0, -1.0, 2.0))
>>> Trees(base=0.5, trees=(tree,)).logit([0.7])
2.5
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsclean.errors import ConfigError

LEAF = -1
# Trees deeper than this are refused (a shipped model's are three levels deep).
MAX_DEPTH = 16


def sigmoid(value: float) -> float:
    """The probability of log-odds ``value``, without overflow at either end.

    >>> sigmoid(0.0), sigmoid(-1000.0)
    (0.5, 0.0)
    """
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exponential = math.exp(value)
    return exponential / (1.0 + exponential)


@dataclass(frozen=True, slots=True)
class Tree:
    """One regression tree, flat (see the module's docstring)."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def check(self, width: int) -> None:
        """Refuse a tree whose arrays disagree, whose splits read a feature beyond
        ``width``, or whose children do not lead forward to leaves (no loops)."""
        size = len(self.feature)
        if not size or {len(self.threshold), len(self.left), len(self.right), len(self.value)} != {
            size
        }:
            raise ConfigError("a tree's arrays differ in length")
        depth = [0] * size
        for node in range(size):
            if self.feature[node] == LEAF:
                continue
            if not 0 <= self.feature[node] < width:
                raise ConfigError(f"a tree splits on feature {self.feature[node]} of {width}")
            for child in (self.left[node], self.right[node]):
                if not node < child < size:
                    raise ConfigError("a tree's child must come after its parent")
                depth[child] = depth[node] + 1
                if depth[child] > MAX_DEPTH:
                    raise ConfigError(f"a tree is deeper than {MAX_DEPTH}")
        if not all(map(math.isfinite, (*self.threshold, *self.value))):
            raise ConfigError("a tree holds a value that is not finite")


@dataclass(frozen=True, slots=True)
class Trees:
    """A base log-odds and the trees whose leaves add to it."""

    base: float
    trees: tuple[Tree, ...]

    def logit(self, row: Sequence[float]) -> float:
        """The log-odds of ``row`` (rounded to 32-bit floats first)."""
        rounded = array("f", row)
        total = self.base
        for tree in self.trees:
            feature, threshold, left, right = tree.feature, tree.threshold, tree.left, tree.right
            node = 0
            while (split := feature[node]) != LEAF:
                node = left[node] if rounded[split] <= threshold[node] else right[node]
            total += tree.value[node]
        return total

    def probability(self, row: Sequence[float]) -> float:
        return sigmoid(self.logit(row))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], width: int) -> Trees:
        """Trees from their JSON form, each checked (``width``: how many features a row
        has); anything malformed is a :class:`ConfigError`."""
        try:
            trees = tuple(
                Tree(
                    tuple(int(v) for v in tree["feature"]),
                    tuple(float(v) for v in tree["threshold"]),
                    tuple(int(v) for v in tree["left"]),
                    tuple(int(v) for v in tree["right"]),
                    tuple(float(v) for v in tree["value"]),
                )
                for tree in data["trees"]
            )
            base = float(data["base"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"not a tree ensemble: {exc!r}") from None
        if not trees or not math.isfinite(base):
            raise ConfigError("a tree ensemble needs a finite base and at least one tree")
        for tree in trees:
            tree.check(width)
        return cls(base, trees)

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "trees": [
                {
                    "feature": list(tree.feature),
                    "threshold": list(tree.threshold),
                    "left": list(tree.left),
                    "right": list(tree.right),
                    "value": list(tree.value),
                }
                for tree in self.trees
            ],
        }
