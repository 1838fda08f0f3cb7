"""Presets that trade keeping article text against removing boilerplate."""

from __future__ import annotations

import enum


class Mode(enum.StrEnum):
    """How much the layout step (where the article starts and ends) removes. Every other
    step, pack rules and the block and neighbour rules alike, runs in every mode.

    With the line model (the default) a mode is an operating point of its decoder, a
    threshold fitted on the dev pages: ``precision`` keeps the most article text (F2 on
    article characters), ``balanced`` weighs both (F1), ``recall`` removes the most
    boilerplate (F0.5). With the hand-written layout step (``line_model=False``) the
    comments below say what each mode does.
    """

    PRECISION = "precision"  # hand-written: no layout step, only what rules name
    BALANCED = "balanced"  # the default; hand-written: the densest run of paragraphs
    RECALL = "recall"  # hand-written: runs split more readily, only the larger ones kept
