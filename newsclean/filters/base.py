"""The filter protocol and the line-rule filter most families are built on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from newsclean.document import Document, Proposal
from newsclean.model import Segment
from newsclean.rules.model import Rule, RuleMatch, Scope


class Filter(Protocol):
    """A named pipeline step. It reads the document and proposes removals; it never edits."""

    @property
    def name(self) -> str:
        """The step's unique name in a pipeline."""
        ...

    def propose(self, doc: Document) -> Iterable[Proposal]:
        """Proposals for this document, given what earlier steps decided."""
        ...


def whole_line(seg: Segment, rule: Rule, found: RuleMatch) -> Proposal:
    """A proposal that removes a whole segment for ``rule``."""
    return Proposal(seg.index, seg.start, seg.end, rule.kind, rule.id, rule.step, found.fields)


def span_in_line(seg: Segment, rule: Rule, found: RuleMatch) -> Proposal:
    """A proposal for the matched part of a segment (``found`` is relative to its text)."""
    return Proposal(
        seg.index,
        seg.start + found.start,
        seg.start + found.end,
        rule.kind,
        rule.id,
        rule.step,
        found.fields,
    )


class RuleLineFilter:
    """Removes lines, prefixes and suffixes that match the step's rules.

    Line rules (phrases first, then patterns) remove a whole line; prefix and suffix rules
    cut the matched part, or the whole line when nothing else is left of it.
    """

    def __init__(self, name: str) -> None:
        self._name = name

    @property
    def name(self) -> str:
        return self._name

    def propose(self, doc: Document) -> Iterator[Proposal]:
        step_rules = doc.rules.get(self._name)
        if step_rules is None or not step_rules.rules:
            return
        line_rules = step_rules.by_scope(Scope.LINE)
        edge_rules = step_rules.edge_rules
        for seg in self.lines_to_check(doc, self._name, line_rules + edge_rules):
            if doc.is_removed(seg.index):
                continue
            proposal = self.match_line(doc, seg, line_rules)
            if proposal is not None:
                yield proposal
                continue
            view = doc.remaining_view(seg.index)
            if view is None:
                continue
            for rule in doc.candidates(edge_rules, seg.index):
                found = doc.match(rule, view.text, seg.index)
                if found is not None and self.accepts_edge(view, rule, found):
                    yield self.edge_proposal(doc, view, rule, found)
                    break

    @staticmethod
    def lines_to_check(
        doc: Document, step: str, pattern_rules: tuple[Rule, ...]
    ) -> Iterator[Segment]:
        """The segments, in order, that some rule of ``step`` might match: those holding a
        required literal of a pattern rule or a phrase of the step, and those already cut
        (their remaining text is tested afresh)."""
        wanted = set(doc.phrase_lines(step))
        for rule in pattern_rules:
            lines = doc.lines_with(rule.requires)
            if lines is None:
                yield from (seg for seg in doc.segments if doc.in_focus(seg.index))
                return
            wanted.update(lines)
        wanted.update(doc.cut_lines())
        if doc.focus is not None:
            wanted &= doc.focus
        for index in sorted(wanted):
            yield doc.segments[index]

    def match_line(
        self, doc: Document, seg: Segment, line_rules: tuple[Rule, ...]
    ) -> Proposal | None:
        """The first whole-line match among phrase and pattern rules, if any."""
        phrase_rule = doc.phrase_rule(self._name, seg.index)
        if phrase_rule is not None and (
            phrase_rule.role is None or self.uses_role(phrase_rule.role)
        ):
            return whole_line(seg, phrase_rule, RuleMatch(0, len(seg.text), phrase_rule.sets))
        text = doc.remaining(seg.index)
        for rule in doc.candidates(line_rules, seg.index):
            if len(text) > rule.max_chars:
                continue
            if rule.role is not None and not self.uses_role(rule.role):
                continue
            found = doc.match(rule, text, seg.index)
            if found is not None:
                return whole_line(seg, rule, found)
        return None

    def uses_role(self, role: str) -> bool:
        """Whether the generic line pass handles rules of this role (others are special)."""
        return True

    def accepts_edge(self, seg: Segment, rule: Rule, found: RuleMatch) -> bool:
        """Whether a prefix or suffix match should be acted on (subclasses add checks)."""
        return True

    def edge_proposal(self, doc: Document, seg: Segment, rule: Rule, found: RuleMatch) -> Proposal:
        """Cut the matched edge, or the whole line when only punctuation would remain."""
        rest = seg.text[: found.start] + seg.text[found.end :]
        if not any(ch.isalnum() for ch in rest):
            return whole_line(seg, rule, found)
        return span_in_line(seg, rule, found)
