"""The line model read from JSON: the probability that a line is article text.

An additive logistic model: each feature has a step function (ascending ``edges``, one
value per bin between them), the log-odds are the intercept plus each feature's value at
the line's bin. Fitted by boosted stumps (``bench/additive.py``); evaluated here in pure
Python, a binary search per feature.
"""

from __future__ import annotations

import functools
import json
import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise
from typing import Any

from newsclean.errors import ConfigError
from newsclean.learned.features import FEATURES
from newsclean.learned.trees import sigmoid

DEFAULT_MODEL = "line_model.json"


@dataclass(frozen=True, slots=True)
class LineModel:
    """Per feature, ascending ``edges`` and ``values`` (one more than edges: a feature value
    ``x`` reads ``values[bisect_left(edges, x)]``); an intercept; and the decoder's
    threshold per preset (``precision``, ``balanced``, ``recall``). Each feature's values
    are centred on the training lines, so a value is how far that feature moves a line's
    log-odds from the average line's.

    >>> model = LineModel(("a",), ((0.5,),), ((-1.0, 2.0),), 0.0, {})
    >>> model.logit([0.2]), model.logit([0.5]), model.logit([0.9])
    (-1.0, -1.0, 2.0)
    """

    features: tuple[str, ...]
    edges: tuple[tuple[float, ...], ...]
    values: tuple[tuple[float, ...], ...]
    intercept: float
    thresholds: Mapping[str, float]
    # The features whose table is not flat, with their tables: the only ones read.
    _active: tuple[tuple[int, tuple[float, ...], tuple[float, ...]], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        active = tuple(
            (index, edges, values)
            for index, (edges, values) in enumerate(zip(self.edges, self.values, strict=False))
            if edges or any(values)
        )
        object.__setattr__(self, "_active", active)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LineModel:
        """A model from its JSON form; its features must be :data:`FEATURES`."""
        try:
            model = cls(
                tuple(str(name) for name in data["features"]),
                tuple(tuple(float(v) for v in column) for column in data["edges"]),
                tuple(tuple(float(v) for v in column) for column in data["values"]),
                float(data["intercept"]),
                {str(k): float(v) for k, v in data["thresholds"].items()},
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"not a line model: {exc}") from None
        if model.features != FEATURES:
            raise ConfigError("the line model was trained on other features than these")
        if {len(model.edges), len(model.values)} != {len(FEATURES)}:
            raise ConfigError("the line model's tables do not match its features")
        for name, edges, values in zip(model.features, model.edges, model.values, strict=True):
            numbers = (*edges, *values, model.intercept)
            if len(values) != len(edges) + 1 or not all(map(math.isfinite, numbers)):
                raise ConfigError(f"the line model's table for {name!r} is malformed")
            if any(low >= high for low, high in pairwise(edges)):
                raise ConfigError(f"the line model's edges for {name!r} are not ascending")
        return model

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "edges": [list(column) for column in self.edges],
            "values": [list(column) for column in self.values],
            "intercept": self.intercept,
            "thresholds": dict(self.thresholds),
        }

    def logit(self, row: Sequence[float]) -> float:
        """The log-odds that the line of feature ``row`` is article text."""
        return self.logit_of(self.parts(row))

    def parts(self, row: Sequence[float]) -> list[float]:
        """What each feature whose table is not flat adds to the log-odds of ``row``, in
        the order of :attr:`features`; :meth:`logit_of` and :meth:`towards_boilerplate`
        read them, so a line's bins are looked up once for its score and its evidence."""
        return [values[bisect_left(edges, row[index])] for index, edges, values in self._active]

    def logit_of(self, parts: Sequence[float]) -> float:
        """The log-odds from a row's :meth:`parts` (added in order, as :meth:`logit` does)."""
        total = self.intercept
        for part in parts:
            total += part
        return total

    def probability(self, row: Sequence[float]) -> float:
        return sigmoid(self.logit(row))

    def probability_of(self, parts: Sequence[float]) -> float:
        """The probability from a row's :meth:`parts`."""
        return sigmoid(self.logit_of(parts))

    def strongest(self, row: Sequence[float], count: int = 3) -> list[tuple[str, float]]:
        """The ``count`` features that weighed most on this line, with what each added to
        its log-odds against the average line (negative: towards boilerplate)."""
        parts = [
            (name, values[bisect_left(edges, value)])
            for name, value, edges, values in zip(
                self.features, row, self.edges, self.values, strict=True
            )
        ]
        return sorted(parts, key=lambda part: -abs(part[1]))[:count]

    def towards_boilerplate(
        self, row: Sequence[float], count: int = 3, parts: Sequence[float] | None = None
    ) -> list[tuple[str, float]]:
        """The ``count`` features that moved this line's log-odds most towards boilerplate
        (those below the average line's), most first; ``parts``: the row's :meth:`parts`,
        when already computed."""
        if parts is None:
            parts = self.parts(row)
        names = self.features
        against = [
            (value, index)
            for value, (index, _, _) in zip(parts, self._active, strict=True)
            if value < 0
        ]
        against.sort()  # the order heapq.nsmallest gives, faster on a few dozen items
        return [(names[index], value) for value, index in against[:count]]


@functools.cache
def default_model() -> LineModel:
    """The model shipped with the package (``newsclean/learned/line_model.json``)."""
    text = resources.files("newsclean.learned").joinpath(DEFAULT_MODEL).read_text("utf-8")
    return LineModel.from_dict(json.loads(text))
