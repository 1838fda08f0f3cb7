"""The document a pipeline works on: source, segments, rules, and the verdicts so far.

Filters read it and propose; only the pipeline records accepted proposals, trimming each
one so that no two accepted spans overlap (the earlier step keeps contested characters).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, replace

import regex

from newsclean.limits import DEFAULT_LINE_RULE_CHARS, REGEX_TIMEOUT
from newsclean.model import Kind, Segment
from newsclean.rules.model import (
    EDGE_CHARS,
    Fields,
    Rule,
    RuleMatch,
    RuleSet,
    StepRules,
    phrase_key,
)


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


_DOTTED_I = "\u0130"
_DIGITS = frozenset("0123456789")
_ASCII_DIGIT = regex.compile(r"[0-9]")
# The longest line looked at for glued phrases ("Share this: Facebook Twitter Email").
GLUED_LINE_CHARS = 120


def _key_longer_than(text: str, limit: int) -> bool:
    """Whether ``phrase_key(text)`` is surely longer than ``limit``, known without
    computing it: edge punctuation stripped, the core starts and ends with a letter or
    digit (so the key's regex strips the same), and no run of spaces shortens it."""
    core = text.strip(EDGE_CHARS)
    return (
        len(core) > limit
        and (core[0].isalpha() or core[0].isdecimal())
        and (core[-1].isalpha() or core[-1].isdecimal())
        and core.isprintable()
        and "  " not in core
    )


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
        self.rules = RuleSet.of(rules)
        # "İ" is the one character whose lower case is two characters long; it becomes "i"
        # so that offsets stay aligned, and its lines are left to the rules' own test.
        self._lowered = source.replace(_DOTTED_I, "i").lower()
        self._unaligned = (
            frozenset(seg.index for seg in segments if _DOTTED_I in seg.text)
            if _DOTTED_I in source
            else frozenset()
        )
        self._starts = [seg.start for seg in segments]
        self._lines_with: dict[tuple[str, ...], frozenset[int]] = {}
        # Lines holding each required literal: filled by one pass on first use.
        self._literal_lines: dict[str, frozenset[int]] | None = None
        self._scanned: frozenset[str] = frozenset()
        self._with_digits: frozenset[int] | None = None
        # The rules each line may match, per tuple of rules (by identity; the tuple is kept
        # with its index, so a reused id is noticed).
        self._candidates: dict[int, tuple[tuple[Rule, ...], dict[int, tuple[Rule, ...]]]] = {}
        self._phrase_lines: dict[str, frozenset[int]] | None = None
        # When set, line-rule steps look at these segments only (the settling rounds).
        self.focus: frozenset[int] | None = None
        self.warnings: list[str] = []
        self.accepted: list[Proposal] = []
        self.annotations: list[Proposal] = []
        # Only segments with at least one cut have an entry.
        self._cuts: dict[int, list[Proposal]] = {}
        self._keys: dict[int, str | None] = {}
        self._remaining: dict[int, str] = {}
        self._removed: set[int] = set()

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
        if index not in self._cuts:
            return self.segments[index].text
        text = self._remaining.get(index)
        if text is None:
            text = self._remaining[index] = self._rebuild_remaining(index)
        return text

    def _rebuild_remaining(self, index: int) -> str:
        pieces = self._uncut_pieces(index)
        return "".join(self.source[start:end] for start, end in pieces).strip()

    def _uncut_pieces(self, index: int) -> list[tuple[int, int]]:
        """The source spans of a segment that no accepted cut holds, in order."""
        seg = self.segments[index]
        pieces: list[tuple[int, int]] = []
        cursor = seg.start
        for cut in self._cuts.get(index, ()):
            if cut.start > cursor:
                pieces.append((cursor, cut.start))
            cursor = max(cursor, cut.end)
        if cursor < seg.end:
            pieces.append((cursor, seg.end))
        return pieces

    def remaining_view(self, index: int) -> Segment | None:
        """What is left of a segment as a segment of its own (offsets into the source), when
        it is one contiguous piece; ``None`` when cuts split it or nothing is left.

        Rules then read a partly cut line exactly as they will read it in the output, so a
        second run over the output decides the same (idempotence).
        """
        if index not in self._cuts:
            return self.segments[index]
        pieces = [
            (start, end)
            for start, end in self._uncut_pieces(index)
            if self.source[start:end].strip()
        ]
        if len(pieces) != 1:
            return None
        start, end = pieces[0]
        raw = self.source[start:end]
        text = raw.strip()
        start += len(raw) - len(raw.lstrip())
        return Segment(index, start, start + len(text), text)

    def is_removed(self, index: int) -> bool:
        """Whether nothing of the segment is left."""
        return index in self._removed

    def removed_kind(self, index: int) -> Kind | None:
        """The kind of the longest cut of a fully removed segment, else ``None``."""
        if not self.is_removed(index):
            return None
        return max(self._cuts[index], key=lambda cut: cut.end - cut.start).kind

    def lines_with(self, literals: tuple[str, ...]) -> frozenset[int] | None:
        """Indices of the segments whose text holds one of ``literals`` (lower case, found
        case-insensitively); ``None`` when ``literals`` is empty (no constraint).

        The rule set's literals are all found in one pass over the document (see
        :class:`~newsclean.rules.literals.LiteralScanner`); any other literal costs one
        scan of its own, at C speed.
        """
        if not literals:
            return None
        found = self._lines_with.get(literals)
        if found is None:
            found = self._lines_with[literals] = self._find_lines_with(literals)
        return found

    def _find_lines_with(self, literals: tuple[str, ...]) -> frozenset[int]:
        if self._literal_lines is None:
            scanner = self.rules.literal_scanner
            self._literal_lines = scanner.lines_holding(self._lowered, self.segments)
            self._scanned = scanner.literals
        table = self._literal_lines
        parts: list[frozenset[int]] = []
        if _DIGITS.issubset(literals):  # "any digit": one search per line instead of ten
            parts.append(self._digit_lines())
            literals = tuple(literal for literal in literals if literal not in _DIGITS)
        for literal in literals:
            lines = table.get(literal)
            if lines is None:
                lines = table[literal] = (
                    frozenset()
                    if literal in self._scanned
                    else frozenset(self._scan_for(literal, self._lowered))
                )
            if lines:
                parts.append(lines)
        return self._unaligned.union(*parts)

    def _digit_lines(self) -> frozenset[int]:
        """Segments holding an ASCII digit: one search per such segment, each resuming at
        the end of the segment the previous digit was found in."""
        if self._with_digits is None:
            lines: set[int] = set()
            source = self.source
            found = _ASCII_DIGIT.search(source, timeout=REGEX_TIMEOUT)
            while found is not None:
                index = bisect_right(self._starts, found.start()) - 1
                end = self.segments[index].end if index >= 0 else found.end()
                if index >= 0 and found.start() < end:
                    lines.add(index)
                found = _ASCII_DIGIT.search(source, max(end, found.end()), timeout=REGEX_TIMEOUT)
            self._with_digits = frozenset(lines)
        return self._with_digits

    def _scan_for(self, literal: str, lowered: str) -> set[int]:
        """Segments whose text in ``lowered`` (the lowered source, or a string aligned with
        it) holds ``literal``."""
        if literal[0] == "^":  # at the start of the line (the scanner takes nearly all)
            head = literal[1:]
            return {
                index for index, start in enumerate(self._starts) if lowered.startswith(head, start)
            }
        lines: set[int] = set()
        position = lowered.find(literal)
        while position >= 0:
            index = bisect_right(self._starts, position) - 1
            if index >= 0:
                seg = self.segments[index]
                if position + len(literal) <= seg.end:
                    lines.add(index)
                position = lowered.find(literal, max(position + 1, seg.end))
            else:
                position = lowered.find(literal, position + 1)
        return lines

    def phrase_lines(self, step: str) -> frozenset[int]:
        """Uncut segments whose phrase key is one of ``step``'s phrases."""
        if self._phrase_lines is None:
            by_step: dict[str, set[int]] = {name: set() for name in self.rules}
            phrase_steps = self.rules.phrase_steps
            glue_steps = self.rules.glue_steps
            # Glued phrases make a line up to GLUED_LINE_CHARS long worth a look.
            longest = max(self.rules.longest_phrase, GLUED_LINE_CHARS)
            for seg in self.segments:
                if len(seg.text) > longest and _key_longer_than(seg.text, longest):
                    continue
                key = self.key(seg.index)
                if key is None:
                    continue
                steps = phrase_steps.get(key)
                if steps is not None:
                    for name in steps:
                        by_step[name].add(seg.index)
                    continue
                if " " not in key or len(key) > GLUED_LINE_CHARS:
                    continue
                for name in glue_steps.get(key[: key.index(" ")].rstrip(EDGE_CHARS), ()):
                    if self.rules[name].glued_phrase_rule(key):
                        by_step[name].add(seg.index)
            self._phrase_lines = {name: frozenset(lines) for name, lines in by_step.items()}
        return self._phrase_lines.get(step, frozenset())

    def phrase_rule(self, step: str, index: int, role: str | None = None) -> Rule | None:
        """The phrase rule of ``step`` that a segment's remaining text is, or (when no
        ``role`` is asked for) the first of the phrases glued into it."""
        step_rules = self.rules[step]
        key = self.key(index)
        rule = step_rules.phrase_rule(key, role)
        if rule is None and role is None and key is not None and len(key) <= GLUED_LINE_CHARS:
            rule = step_rules.glued_phrase_rule(key)
        return rule

    def in_focus(self, index: int) -> bool:
        """Whether segment ``index`` is to be looked at in the current round."""
        return self.focus is None or index in self.focus

    def partly_cut_lines(self) -> frozenset[int]:
        """Segments with some text cut and some left."""
        return frozenset(self._cuts.keys() - self._removed)

    def cut_lines(self) -> list[int]:
        """Indices of the segments that hold at least one accepted cut."""
        return list(self._cuts)

    def candidates(self, rules: tuple[Rule, ...], index: int) -> tuple[Rule, ...]:
        """Those of ``rules`` (in their order) that segment ``index`` may match: the ones
        whose required literals it holds (or that require none), and all of them on a line
        that earlier steps cut (its remaining text is left to the rules). Read from an index
        built once per tuple of rules."""
        if index in self._cuts:
            return rules
        built = self._candidates.get(id(rules))
        if built is None or built[0] is not rules:
            built = self._candidates[id(rules)] = (rules, self._rules_by_line(rules))
        return built[1].get(index, ())

    def _rules_by_line(self, rules: tuple[Rule, ...]) -> dict[int, tuple[Rule, ...]]:
        """For each segment, the rules whose required literals it holds, in order."""
        by_line: dict[int, list[Rule]] = {}
        for rule in rules:
            lines = self.lines_with(rule.requires)
            for index in range(len(self.segments)) if lines is None else lines:
                by_line.setdefault(index, []).append(rule)
        return {index: tuple(found) for index, found in by_line.items()}

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
        if (
            proposal.start == seg.start
            and proposal.end == seg.end
            and proposal.segment not in self._cuts
        ):
            # The common case, a whole line nothing cut yet: the line goes as it is.
            self._cuts[proposal.segment] = [proposal]
            self.accepted.append(proposal)
            self._forget_text(proposal.segment)
            self._removed.add(proposal.segment)
            return
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
            whole = piece_start == proposal.start and piece_end == proposal.end
            piece = proposal if whole else replace(proposal, start=piece_start, end=piece_end)
            existing.append(piece)
            self.accepted.append(piece)
        existing.sort(key=lambda cut: cut.start)
        self._forget_text(proposal.segment)
        if not existing:
            del self._cuts[proposal.segment]  # nothing was free to cut
        elif not self.remaining(proposal.segment):
            self._removed.add(proposal.segment)

    def _forget_text(self, index: int) -> None:
        """Drop the cached key and remaining text of a segment whose cuts changed."""
        self._keys.pop(index, None)
        self._remaining.pop(index, None)
