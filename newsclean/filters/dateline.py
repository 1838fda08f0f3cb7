"""The dateline that opens an agency paragraph: ``PARIS, 28 janvier (Reuters) – ``."""

from __future__ import annotations

from dataclasses import replace

from newsclean.document import Document, Proposal
from newsclean.filters.base import RuleLineFilter, span_in_line
from newsclean.model import Segment
from newsclean.rules.model import Rule, RuleMatch, Scope

# What must follow a dateline: a real sentence, not the end of a short line.
MIN_BODY_CHARS = 20


class DatelineFilter(RuleLineFilter):
    """Cuts dateline prefixes (or, with ``keep_in_text``, only records them)."""

    def __init__(self, keep_in_text: bool = False) -> None:
        super().__init__("dateline")
        self.keep_in_text = keep_in_text

    def accepts_edge(self, seg: Segment, rule: Rule, found: RuleMatch) -> bool:
        body = seg.text[found.end :]
        return (
            rule.scope is Scope.PREFIX
            and len(body) >= MIN_BODY_CHARS
            and (body[0].isupper() or body[0].isdigit() or body[0] in "«\"“„'‘")
        )

    def edge_proposal(self, doc: Document, seg: Segment, rule: Rule, found: RuleMatch) -> Proposal:
        fields = (*found.fields, ("dateline", seg.text[found.start : found.end].strip()))
        proposal = span_in_line(seg, rule, RuleMatch(found.start, found.end, fields))
        return replace(proposal, cut=False) if self.keep_in_text else proposal
