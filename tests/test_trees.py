"""Gradient-boosted trees read from JSON (``newsclean.learned.trees``)."""

from __future__ import annotations

import math

import pytest

from newsclean import ConfigError
from newsclean.learned.trees import LEAF, Tree, Trees

# x0 <= 0.1 ? (x1 <= 2 ? -1 : 1) : 3
STUMPS = Tree(
    feature=(0, 1, LEAF, LEAF, LEAF),
    threshold=(0.1, 2.0, 0.0, 0.0, 0.0),
    left=(1, 2, -1, -1, -1),
    right=(4, 3, -1, -1, -1),
    value=(0.0, 0.0, -1.0, 1.0, 3.0),
)


def test_a_row_goes_left_when_its_value_is_at_most_the_threshold() -> None:
    trees = Trees(base=0.25, trees=(STUMPS, STUMPS))
    assert trees.logit([0.05, 1.0]) == pytest.approx(0.25 - 2.0)
    assert trees.logit([0.05, 3.0]) == pytest.approx(0.25 + 2.0)
    assert trees.logit([0.2, 0.0]) == pytest.approx(0.25 + 6.0)
    assert trees.probability([0.2, 0.0]) == pytest.approx(1 / (1 + math.exp(-6.25)))


def test_rows_are_compared_as_32_bit_floats_as_the_trees_were_fitted() -> None:
    # The fitting library compares float32(value) with the threshold: 0.1 rounds up to
    # 0.10000000149..., past a threshold between the two, so the row goes right, as in
    # the fit (compared as a 64-bit float it would go left).
    threshold = 0.1000000005
    tree = Tree((0, LEAF, LEAF), (threshold, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0, -1, 1))
    assert Trees(0.0, (tree,)).logit([0.1]) == 1.0
    assert Trees(0.0, (tree,)).logit([0.09]) == -1.0


def test_malformed_trees_are_refused() -> None:
    good = Trees(0.0, (STUMPS,)).to_dict()
    assert Trees.from_dict(good, 2) == Trees(0.0, (STUMPS,))
    tree = good["trees"][0]
    for bad in (
        {"base": 0.0},
        {"base": 0.0, "trees": []},
        {"base": math.inf, "trees": [tree]},
        {"base": 0.0, "trees": [{**tree, "right": [4, 3, -1, -1]}]},
        {"base": 0.0, "trees": [{**tree, "feature": [2, 1, -1, -1, -1]}]},
        {"base": 0.0, "trees": [{**tree, "left": [1, 1, -1, -1, -1]}]},
        {"base": 0.0, "trees": [{**tree, "value": [0, 0, "x", 1, 3]}]},
        {"base": 0.0, "trees": [{**tree, "threshold": [math.nan, 2.0, 0, 0, 0]}]},
    ):
        with pytest.raises(ConfigError):
            Trees.from_dict(bad, 2)
