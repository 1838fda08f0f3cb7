"""A logistic line model read from JSON: the probability that a line is article text."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsclean.errors import ConfigError
from newsclean.learned.features import FEATURES

DEFAULT_MODEL = "line_model.json"


@dataclass(frozen=True, slots=True)
class LineModel:
    """Standardised features, one weight each, an intercept; and the decoder's threshold
    per preset (``precision``, ``balanced``, ``recall``)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    thresholds: Mapping[str, float]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LineModel:
        """A model from its JSON form; its features must be :data:`FEATURES`."""
        try:
            model = cls(
                tuple(data["features"]),
                tuple(float(v) for v in data["mean"]),
                tuple(float(v) for v in data["scale"]),
                tuple(float(v) for v in data["weights"]),
                float(data["intercept"]),
                {str(k): float(v) for k, v in data["thresholds"].items()},
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"not a line model: {exc}") from None
        if model.features != FEATURES:
            raise ConfigError("the line model was trained on other features than these")
        sizes = {len(model.mean), len(model.scale), len(model.weights)}
        if sizes != {len(FEATURES)}:
            raise ConfigError("the line model's vectors do not match its features")
        return model

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "intercept": self.intercept,
            "thresholds": dict(self.thresholds),
        }

    def logit(self, row: Sequence[float]) -> float:
        """The log-odds that the line of feature ``row`` is article text."""
        total = self.intercept
        for value, mean, scale, weight in zip(
            row, self.mean, self.scale, self.weights, strict=True
        ):
            total += weight * (value - mean) / scale
        return total

    def probability(self, row: Sequence[float]) -> float:
        return _sigmoid(self.logit(row))

    def strongest(self, row: Sequence[float], count: int = 3) -> list[tuple[str, float]]:
        """The ``count`` features that weighed most on this line, with their share of the
        log-odds (negative: towards boilerplate)."""
        parts = [
            (name, weight * (value - mean) / scale)
            for name, value, mean, scale, weight in zip(
                self.features, row, self.mean, self.scale, self.weights, strict=True
            )
        ]
        return sorted(parts, key=lambda part: -abs(part[1]))[:count]


def _sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exponential = math.exp(value)
    return exponential / (1.0 + exponential)


@functools.cache
def default_model() -> LineModel:
    """The model shipped with the package (``newsclean/learned/line_model.json``)."""
    text = resources.files("newsclean.learned").joinpath(DEFAULT_MODEL).read_text("utf-8")
    return LineModel.from_dict(json.loads(text))
