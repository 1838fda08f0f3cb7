"""The document a pipeline works on: source, segments, rules, and the verdicts so far.

Filters read it and propose; only the pipeline records accepted proposals, trimming each
one so that no two accepted spans overlap (the earlier step keeps contested characters).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from newsclean.limits import DEFAULT_LINE_RULE_CHARS
from newsclean.model import Kind, Segment
from newsclean.rules.model import Fields, Rule, RuleMatch, StepRules, phrase_key


@dataclass(frozen=True, slots=True)
class Proposal:
    """A filter's verdict on a span of one segment (absolute offsets into the source).

    ``cut=False`` records captured fields (e.g. a dateline kept in the text) without
    removing anything.
    """

    segment: int
    start: int
    end: int
    kind: Kind
    rule: str
    step: str
    fields: Fields = ()
    cut: bool = True

    def field(self, name: str) -> str | None:
        """The first captured value named ``name``, if any."""
        for key, value in self.fields:
            if key == name:
                return value
        return None


class Document:
    """Mutable working state of one cleaning run; not part of the public API."""

    def __init__(
        self,
        source: str,
        segments: tuple[Segment, ...],
        language: str | None,
        rules: Mapping[str, StepRules],
    ) -> None:
        self.source = source
        self.segments = segments
        self.language = language
        self.rules = rules
        self.warnings: list[str] = []
        self.accepted: list[Proposal] = []
        self.annotations: list[Proposal] = []
        self._cuts: dict[int, list[Proposal]] = {}
        self._keys: dict[int, str | None] = {}

    # -- reading -----------------------------------------------------------------------

    def key(self, index: int) -> str | None:
        """The phrase key of a segment's remaining text, or ``None`` when it is too long."""
        if index not in self._keys:
            text = self.remaining(index)
            self._keys[index] = phrase_key(text) if len(text) <= DEFAULT_LINE_RULE_CHARS else None
        return self._keys[index]

    def cuts(self, index: int) -> list[Proposal]:
        """Accepted removals inside a segment, sorted by start."""
        return self._cuts.get(index, [])

    def remaining(self, index: int) -> str:
        """What is left of a segment's text after the accepted cuts, stripped."""
        seg = self.segments[index]
        cuts = self._cuts.get(index)
        if not cuts:
            return seg.text
        pieces, cursor = [], seg.start
        for cut in cuts:
            pieces.append(self.source[cursor : cut.start])
            cursor = cut.end
        pieces.append(self.source[cursor : seg.end])
        return "".join(pieces).strip()

    def is_removed(self, index: int) -> bool:
        """Whether nothing of the segment is left."""
        return bool(self._cuts.get(index)) and not self.remaining(index)

    def removed_kind(self, index: int) -> Kind | None:
        """The kind of the longest cut of a fully removed segment, else ``None``."""
        if not self.is_removed(index):
            return None
        return max(self._cuts[index], key=lambda cut: cut.end - cut.start).kind

    def match(self, rule: Rule, text: str, index: int) -> RuleMatch | None:
        """Apply one rule to a line; a timed-out rule is skipped and reported, not raised."""
        try:
            return rule.match(text)
        except TimeoutError:
            self.warnings.append(f"rule {rule.id} timed out on line {index + 1}; skipped")
            return None

    # -- recording (pipeline only) -----------------------------------------------------

    def accept(self, proposal: Proposal) -> None:
        """Record a proposal, trimmed to the characters no earlier cut holds."""
        if not proposal.cut:
            self.annotations.append(proposal)
            return
        seg = self.segments[proposal.segment]
        start, end = max(proposal.start, seg.start), min(proposal.end, seg.end)
        if start >= end:
            return
        existing = self._cuts.setdefault(proposal.segment, [])
        free: list[tuple[int, int]] = []
        cursor = start
        for cut in existing:
            if cut.end <= cursor or cut.start >= end:
                continue
            if cut.start > cursor:
                free.append((cursor, cut.start))
            cursor = max(cursor, cut.end)
        if cursor < end:
            free.append((cursor, end))
        for piece_start, piece_end in free:
            if not self.source[piece_start:piece_end].strip():
                continue
            piece = replace(proposal, start=piece_start, end=piece_end)
            existing.append(piece)
            self.accepted.append(piece)
        existing.sort(key=lambda cut: cut.start)
        self._keys.pop(proposal.segment, None)
