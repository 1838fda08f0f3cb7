"""Presets that trade keeping article text against removing boilerplate."""

from __future__ import annotations

import enum


class Mode(enum.StrEnum):
    """How much the layout step (where the article starts and ends) removes. Every other
    step, pack rules and the block and neighbour rules alike, runs in every mode."""

    PRECISION = "precision"  # no layout step: what rules, blocks and neighbours name
    BALANCED = "balanced"  # the default: layout keeps the densest run of paragraphs
    RECALL = "recall"  # layout splits runs more readily and keeps only the larger ones
