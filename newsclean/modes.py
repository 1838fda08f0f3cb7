"""Presets that trade keeping article text against removing boilerplate."""

from __future__ import annotations

import enum


class Mode(enum.StrEnum):
    """How aggressive the heuristic steps are; rule-pack rules apply in every mode."""

    PRECISION = "precision"  # only what rules name; no block or neighbour guesses
    BALANCED = "balanced"  # the default
    RECALL = "recall"  # page chrome is removed more aggressively
