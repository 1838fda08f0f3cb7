"""The model that scores headline candidates: gradient-boosted trees read from JSON
(``title_model.json``, written by ``bench/train_title_model.py``)."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsclean.errors import ConfigError
from newsclean.learned.trees import Trees

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
    """Trees that give a candidate's log-odds of being the title, and the least
    probability the best candidate needs to be taken."""

    trees: Trees
    threshold: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TitleModel:
        """A model from its JSON form; its features must be :data:`TITLE_FEATURES`."""
        try:
            if tuple(data["features"]) != TITLE_FEATURES:
                raise ConfigError("the title model was trained on other features than these")
            threshold = float(data["threshold"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"not a title model: {exc!r}") from None
        if not 0.0 <= threshold <= 1.0:
            raise ConfigError(f"the title model's threshold {threshold} is no probability")
        return cls(Trees.from_dict(data, len(TITLE_FEATURES)), threshold)

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(TITLE_FEATURES), "threshold": self.threshold} | (
            self.trees.to_dict()
        )

    def probability(self, row: Sequence[float]) -> float:
        """The probability that a candidate with features ``row`` is the title."""
        return self.trees.probability(row)


@functools.cache
def default_title_model() -> TitleModel | None:
    """The shipped model, or ``None`` when none is shipped (the nearest candidate wins)."""
    path = resources.files("newsclean.learned") / "title_model.json"
    if not path.is_file():
        return None
    return TitleModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
