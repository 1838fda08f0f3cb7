"""Image captions, recognised by the photo credit that ends (or is) the line."""

from __future__ import annotations

from newsclean.document import Document, Proposal
from newsclean.filters.base import RuleLineFilter, whole_line
from newsclean.model import Segment
from newsclean.rules.model import Rule, RuleMatch, Scope

# Captions are a sentence or two; a longer line ending in a credit is article text.
MAX_CAPTION_CHARS = 600


class CaptionFilter(RuleLineFilter):
    """A line ending in a photo credit is a caption: the whole line goes, split into
    ``caption`` (the text before the credit) and ``credit`` fields."""

    def __init__(self) -> None:
        super().__init__("caption")

    def accepts_edge(self, seg: Segment, rule: Rule, found: RuleMatch) -> bool:
        return rule.scope is Scope.SUFFIX and len(seg.text) <= MAX_CAPTION_CHARS

    def edge_proposal(self, doc: Document, seg: Segment, rule: Rule, found: RuleMatch) -> Proposal:
        caption = seg.text[: found.start].strip()
        credit = seg.text[found.start : found.end].strip()
        fields = dict(found.fields)
        fields.setdefault("credit", credit)
        if caption:
            fields.setdefault("caption", caption)
        return whole_line(seg, rule, RuleMatch(0, len(seg.text), tuple(sorted(fields.items()))))
