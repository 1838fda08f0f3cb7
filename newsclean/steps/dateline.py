"""The dateline that opens an agency paragraph: ``PARIS, 28 janvier (Reuters) – ``."""

from __future__ import annotations

from newsclean.rules.model import Rule, RuleMatch, Scope
from newsclean.steps.base import RuleStep
from newsclean.typography import OPENING_QUOTES
from newsclean.view import Annotation, Proposal, Verdict, View

# What must follow a dateline: a real sentence, not the end of a short line.
MIN_BODY_CHARS = 20


class DatelineStep(RuleStep):
    """Cuts dateline prefixes (or, with ``keep_in_text``, only records them)."""

    def __init__(self, keep_in_text: bool = False) -> None:
        super().__init__("dateline")
        self.keep_in_text = keep_in_text

    def accepts_edge(self, text: str, rule: Rule, found: RuleMatch) -> bool:
        body = text[found.end :]
        return (
            rule.scope is Scope.PREFIX
            and len(body) >= MIN_BODY_CHARS
            and (body[0].isupper() or body[0].isdigit() or body[0] in OPENING_QUOTES)
        )

    def edge_verdict(
        self, view: View, index: int, text: str, offset: int, rule: Rule, found: RuleMatch
    ) -> Verdict:
        fields = (*found.fields, ("dateline", text[found.start : found.end].strip()))
        start, end = offset + found.start, offset + found.end
        if self.keep_in_text:
            return Annotation(index, start, end, rule.kind, rule.id, fields)
        return Proposal(index, start, end, rule.kind, rule.id, fields)
