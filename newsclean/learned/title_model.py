"""A logistic model that scores headline candidates, read from JSON
(``title_model.json``, written by ``bench/train_title_model.py``)."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsclean.errors import ConfigError

# What the model reads of each candidate line (see newsclean.steps.title.candidates).
TITLE_FEATURES: tuple[str, ...] = (
    "kept_above",
    "lines_above",
    "log_chars",
    "log_words",
    "removed",
    "duplicate",
    "related",
    "teaser",
    "separators",
    "colon",
    "capitalised_share",
    "digits",
    "repeated",
    "nearest",
    "longest",
    "question",
    "next_paragraph",
    "previous_removed",
    "first_paragraph",
    "candidate_above",
    "candidate_below",
    "echo_below",
    "echo_above",
)


@dataclass(frozen=True, slots=True)
class TitleModel:
    """Standardised features, a weight each, an intercept and the least probability a
    candidate needs to be the title."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TitleModel:
        """A model from its JSON form; its features must be :data:`TITLE_FEATURES`."""
        try:
            if tuple(data["features"]) != TITLE_FEATURES:
                raise ConfigError("the title model was trained on other features than these")
            model = cls(
                tuple(float(v) for v in data["mean"]),
                tuple(float(v) for v in data["scale"]),
                tuple(float(v) for v in data["weights"]),
                float(data["intercept"]),
                float(data["threshold"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"not a title model: {exc}") from None
        if {len(model.mean), len(model.scale), len(model.weights)} != {len(TITLE_FEATURES)}:
            raise ConfigError("the title model's vectors do not match its features")
        return model

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(TITLE_FEATURES),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "intercept": self.intercept,
            "threshold": self.threshold,
        }

    def probability(self, row: Sequence[float]) -> float:
        """The probability that a candidate with features ``row`` is the title."""
        logit = self.intercept + sum(
            weight * (value - mean) / scale
            for weight, value, mean, scale in zip(
                self.weights, row, self.mean, self.scale, strict=True
            )
        )
        if logit < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-logit))


@functools.cache
def default_title_model() -> TitleModel | None:
    """The shipped model, or ``None`` when none is shipped (the nearest candidate wins)."""
    path = resources.files("newsclean.learned") / "title_model.json"
    if not path.is_file():
        return None
    return TitleModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
