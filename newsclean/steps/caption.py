"""Image captions, recognised by the photo credit that ends (or is) the line."""

from __future__ import annotations

from newsclean.rules.model import Rule, RuleMatch, Scope
from newsclean.steps.base import RuleStep
from newsclean.view import Verdict, View

# Captions are a sentence or two; a longer line ending in a credit is article text.
MAX_CAPTION_CHARS = 600


class CaptionStep(RuleStep):
    """A line ending in a photo credit is a caption: the whole line goes, split into
    ``caption`` (the text before the credit) and ``credit`` fields."""

    def __init__(self) -> None:
        super().__init__("caption")

    def accepts_edge(self, text: str, rule: Rule, found: RuleMatch) -> bool:
        return rule.scope is Scope.SUFFIX and len(text) <= MAX_CAPTION_CHARS

    def edge_verdict(
        self, view: View, index: int, text: str, offset: int, rule: Rule, found: RuleMatch
    ) -> Verdict:
        caption = text[: found.start].strip()
        credit = text[found.start : found.end].strip()
        fields = dict(found.fields)
        fields.setdefault("credit", credit)
        if caption:
            fields.setdefault("caption", caption)
        return view.whole(index, rule.kind, rule.id, tuple(sorted(fields.items())))
