"""Render a :class:`CleanResult` as text: each source line with its verdict and rule."""

from __future__ import annotations

from newsclean.model import CleanResult
from newsclean.segment import segment

_WIDTH = 96


def _clip(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def explain_result(result: CleanResult) -> str:
    """One line per verdict: ``KEEP`` for kept text, ``CUT <kind> <rule>`` for removals.

    >>> from newsclean import clean
    >>> print(clean("Advertisement\\nThe council met.", lang="en").explain())
    CUT  advert        universal.advert.label  | Advertisement
    KEEP                                       | The council met.
    """
    removals = list(result.removed)
    rule_width = max((len(r.rule) for r in removals), default=0)
    rows: list[str] = []
    position = 0
    for seg in segment(result.source):
        cursor = seg.start
        while position < len(removals) and removals[position].start < seg.end:
            removal = removals[position]
            kept = result.source[cursor : removal.start].strip()
            if kept:
                rows.append(f"KEEP {'':13} {'':{rule_width}} | {_clip(kept)}")
            label = f"CUT  {removal.kind.value:<13} {removal.rule:<{rule_width}}"
            rows.append(f"{label} | {_clip(removal.text.strip())}")
            cursor = removal.end
            position += 1
        kept = result.source[cursor : seg.end].strip()
        if kept:
            rows.append(f"KEEP {'':13} {'':{rule_width}} | {_clip(kept)}")
    return "\n".join(row.rstrip() if row.endswith("| ") else row for row in rows)
