"""The ledger of one pass: the verdicts the pipeline accepted, and what is left of each line.

Only the pipeline writes it, after each step has returned. A proposal is trimmed to the
characters no earlier verdict holds (pieces that are only whitespace are dropped), so the
accepted spans never overlap and every removed character is owed to exactly one step and
rule. At the end of a pass the ledger maps what it accepted back to the source, and gives
the lines the next pass reads: what is left of each, stripped, as the output shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import NamedTuple

from newsclean.model import Kind, Removal, Segment, Trigger
from newsclean.rules.model import Fields
from newsclean.view import Annotation, Cut, Proposal, Verdict, field_of

# A piece of a line's text that comes from the source: (offset in the line, offset in the
# source, length).
Fragment = tuple[int, int, int]


@dataclass(slots=True)
class PassLine:
    """A line as one pass reads it, with where each of its characters lies in the source."""

    text: str
    fragments: tuple[Fragment, ...]

    @classmethod
    def of(cls, segment: Segment) -> PassLine:
        """A source line, read by the first pass."""
        return cls(segment.text, ((0, segment.start, len(segment.text)),))

    @classmethod
    def first(cls, source: str) -> list[PassLine]:
        """The non-blank lines of ``source``, stripped, as the first pass reads them (the
        same lines as :func:`newsclean.segment.segment`).

        >>> [(line.text, line.fragments) for line in PassLine.first("  Hello \\n\\nWorld")]
        [('Hello', ((0, 2, 5),)), ('World', ((0, 10, 5),))]
        """
        lines: list[PassLine] = []
        start = 0
        for raw in source.split("\n"):
            text = raw.strip()
            if text:
                lead = start + raw.index(text[0])
                lines.append(cls(text, ((0, lead, len(text)),)))
            start += len(raw) + 1
        return lines

    def to_source(self, start: int, end: int) -> list[tuple[int, int]]:
        """The source spans of ``[start, end)`` of this line's text, in order."""
        if len(self.fragments) == 1:
            offset, source_offset, length = self.fragments[0]
            low, high = max(start, offset), min(end, offset + length)
            return (
                [(source_offset + low - offset, source_offset + high - offset)]
                if low < high
                else []
            )
        spans: list[tuple[int, int]] = []
        for offset, source_offset, length in self.fragments:
            low, high = max(start, offset), min(end, offset + length)
            if low < high:
                spans.append((source_offset + low - offset, source_offset + high - offset))
        return spans

    def source_span(self) -> tuple[int, int]:
        """The source span from the line's first character to its last."""
        first, last = self.fragments[0], self.fragments[-1]
        return first[1], last[1] + last[2]


class Accepted(NamedTuple):
    """An accepted verdict of one pass, in line offsets: a cut or an annotation."""

    line: int
    start: int
    end: int
    kind: Kind
    rule: str
    step: str
    fields: Fields
    trigger: int | None
    cut: bool
    evidence: str | None = None


@dataclass(slots=True)
class SourceVerdict:
    """An accepted verdict mapped to the source: its spans there (a line that earlier
    passes cut in the middle can give several) and the line and rule it followed from."""

    spans: tuple[tuple[int, int], ...]
    kind: Kind
    rule: str
    step: str
    fields: Fields
    trigger: Trigger | None
    cut: bool

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def field(self, name: str) -> str | None:
        """The first captured value named ``name``, if any."""
        return field_of(self.fields, name)


class Ledger:
    """The accepted verdicts of one pass over ``lines``."""

    __slots__ = ("_cuts", "_remaining", "_removed", "accepted", "lines")

    def __init__(self, lines: Sequence[PassLine]) -> None:
        self.lines = lines
        self.accepted: list[Accepted] = []
        # Only touched lines have an entry.
        self._cuts: dict[int, list[Cut]] = {}
        self._removed: set[int] = set()
        self._remaining: dict[int, tuple[str, tuple[int, int] | None]] = {}

    @property
    def cut_lines(self) -> Mapping[int, Sequence[Cut]]:
        """The cuts by line (only touched lines have an entry); read-only to its readers."""
        return self._cuts

    @property
    def removed_lines(self) -> AbstractSet[int]:
        """The lines nothing is left of."""
        return self._removed

    # -- reading ---------------------------------------------------------------------

    def remaining(self, index: int) -> str:
        """What is left of a line, stripped."""
        if index not in self._cuts:
            return self.lines[index].text
        return self._left(index)[0]

    def span(self, index: int) -> tuple[int, int] | None:
        """Where the remaining text lies in the line; ``None`` when cuts split it."""
        if index not in self._cuts:
            return 0, len(self.lines[index].text)
        return self._left(index)[1]

    def is_removed(self, index: int) -> bool:
        return index in self._removed

    def is_touched(self, index: int) -> bool:
        return index in self._cuts

    def touched_lines(self) -> list[int]:
        """The lines with at least one accepted cut, in order."""
        return sorted(self._cuts)

    def cuts(self, index: int) -> Sequence[Cut]:
        return self._cuts.get(index, ())

    def removed_kind(self, index: int) -> Kind | None:
        """The kind of the longest cut of a removed line (the first, on a tie)."""
        if index not in self._removed:
            return None
        cuts = self._cuts[index]
        if len(cuts) == 1:
            return cuts[0].kind
        return max(cuts, key=lambda cut: cut.end - cut.start).kind

    def removed_kinds(self) -> list[Kind | None]:
        """``removed_kind`` of every line, in order."""
        kinds: list[Kind | None] = [None] * len(self.lines)
        for index in self._removed:
            kinds[index] = self.removed_kind(index)
        return kinds

    def cut_anything(self) -> bool:
        return bool(self._cuts)

    def _left(self, index: int) -> tuple[str, tuple[int, int] | None]:
        found = self._remaining.get(index)
        if found is None:
            text = self.lines[index].text
            pieces = self._uncut(index)
            joined = "".join(text[start:end] for start, end in pieces).strip()
            solid = [(start, end) for start, end in pieces if text[start:end].strip()]
            span: tuple[int, int] | None = None
            if len(solid) == 1:
                start, end = solid[0]
                raw = text[start:end]
                start += len(raw) - len(raw.lstrip())
                span = (start, start + len(raw.strip()))
            found = self._remaining[index] = (joined, span)
        return found

    def _uncut(self, index: int) -> list[tuple[int, int]]:
        """The spans of a line that no accepted cut holds, in order."""
        pieces: list[tuple[int, int]] = []
        cursor = 0
        for cut in self._cuts.get(index, ()):
            if cut.start > cursor:
                pieces.append((cursor, cut.start))
            cursor = max(cursor, cut.end)
        length = len(self.lines[index].text)
        if cursor < length:
            pieces.append((cursor, length))
        return pieces

    # -- writing (the pipeline only) -------------------------------------------------------

    def accept(self, step: str, verdicts: Iterable[Verdict]) -> None:
        """Record a step's verdicts, in order, each cut trimmed to what is still free."""
        for verdict in verdicts:
            if isinstance(verdict, Proposal):
                self._accept_cut(step, verdict)
            elif isinstance(verdict, Annotation):
                self.accepted.append(
                    Accepted(
                        verdict.line,
                        verdict.start,
                        verdict.end,
                        verdict.kind,
                        verdict.rule,
                        step,
                        verdict.fields,
                        None,
                        False,
                    )
                )
            else:
                raise TypeError(
                    f"step {step!r} returned {type(verdict).__name__}; "
                    "steps return Proposal or Annotation objects"
                )

    def _accept_cut(self, step: str, proposal: Proposal) -> None:
        index = proposal.line
        if not 0 <= index < len(self.lines):
            raise IndexError(f"step {step!r} proposed line {index} of {len(self.lines)}")
        text = self.lines[index].text
        start, end = max(proposal.start, 0), min(proposal.end, len(text))
        if start >= end:
            return
        existing = self._cuts.get(index)
        if existing is None and start == 0 and end == len(text):
            # The common case, a whole line nothing cut yet: the line goes as it is.
            kind, rule = proposal.kind, proposal.rule
            self._cuts[index] = [Cut(0, end, kind, rule, step, proposal.fields)]
            self._removed.add(index)
            self.accepted.append(
                Accepted(
                    index,
                    0,
                    end,
                    kind,
                    rule,
                    step,
                    proposal.fields,
                    proposal.trigger,
                    True,
                    proposal.evidence,
                )
            )
            return
        existing = existing or []
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
        added = False
        for piece_start, piece_end in free:
            if not text[piece_start:piece_end].strip():
                continue
            existing.append(
                Cut(piece_start, piece_end, proposal.kind, proposal.rule, step, proposal.fields)
            )
            self._record(step, proposal, piece_start, piece_end)
            added = True
        if not added:
            return
        existing.sort(key=lambda cut: cut.start)
        self._cuts[index] = existing
        self._remaining.pop(index, None)
        if not self._left(index)[0]:
            self._removed.add(index)

    def _record(self, step: str, proposal: Proposal, start: int, end: int) -> None:
        self.accepted.append(
            Accepted(
                proposal.line,
                start,
                end,
                proposal.kind,
                proposal.rule,
                step,
                proposal.fields,
                proposal.trigger,
                True,
                proposal.evidence,
            )
        )

    # -- the end of the pass ---------------------------------------------------------------

    def in_source(self, source: str) -> tuple[list[Removal], list[SourceVerdict]]:
        """The cuts of the pass as removals of the source, and the verdicts that carry
        metadata (fields, or a byline's kind), mapped to the source."""
        removals: list[Removal] = []
        carriers: list[SourceVerdict] = []
        triggers: dict[int, Trigger | None] = {}
        lines = self.lines
        for verdict in self.accepted:
            spans = lines[verdict.line].to_source(verdict.start, verdict.end)
            if not spans:
                continue
            trigger = None
            if verdict.trigger is not None:
                if verdict.trigger not in triggers:
                    triggers[verdict.trigger] = self._trigger(verdict.trigger)
                trigger = triggers[verdict.trigger]
            if verdict.cut:
                for start, end in spans:
                    removals.append(
                        Removal(
                            start,
                            end,
                            source[start:end],
                            verdict.kind,
                            verdict.rule,
                            verdict.step,
                            trigger,
                            verdict.evidence,
                        )
                    )
            if verdict.fields or verdict.kind is Kind.BYLINE:
                carriers.append(
                    SourceVerdict(
                        tuple(spans),
                        verdict.kind,
                        verdict.rule,
                        verdict.step,
                        verdict.fields,
                        trigger,
                        verdict.cut,
                    )
                )
        return removals, carriers

    def _trigger(self, index: int) -> Trigger | None:
        if not 0 <= index < len(self.lines):
            return None
        start, end = self.lines[index].source_span()
        cuts = self._cuts.get(index)
        rule = None
        if cuts:
            rule = max(cuts, key=lambda cut: cut.end - cut.start).rule
        return Trigger(start, end, rule)

    def next_lines(self) -> list[PassLine]:
        """What is left of each line, stripped, as the next pass (and the output) reads it."""
        following: list[PassLine] = []
        for index, line in enumerate(self.lines):
            if index in self._removed:
                continue
            if index not in self._cuts:
                following.append(line)
                continue
            following.append(_remains(line, self._uncut(index)))
        return following


def _remains(line: PassLine, pieces: list[tuple[int, int]]) -> PassLine:
    """The line made of ``pieces`` of ``line``, stripped, with its fragments."""
    text = "".join(line.text[start:end] for start, end in pieces)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    fragments: list[Fragment] = []
    position = 0  # where the next piece starts in ``text``
    for start, end in pieces:
        for source_start, source_end in line.to_source(start, end):
            length = source_end - source_start
            low, high = max(position, lead), min(position + length, lead + len(stripped))
            if low < high:
                fragments.append((low - lead, source_start + low - position, high - low))
            position += length
    return PassLine(stripped, tuple(_merged(fragments)))


def _merged(fragments: list[Fragment]) -> list[Fragment]:
    """Fragments with neighbours that continue each other in the source joined."""
    merged: list[Fragment] = []
    for fragment in fragments:
        if merged:
            offset, source_offset, length = merged[-1]
            if offset + length == fragment[0] and source_offset + length == fragment[1]:
                merged[-1] = (offset, source_offset, length + fragment[2])
                continue
        merged.append(fragment)
    return merged
