"""Image captions, recognised by the photo credit that ends (or is) the line."""

from __future__ import annotations

from newsclean.rules.model import Rule, RuleMatch, Scope
from newsclean.steps.base import RuleStep
from newsclean.view import Verdict, View

# Captions are a sentence or two; a longer line ending in a credit is article text.
MAX_CAPTION_CHARS = 600
# What separates a caption from its credit ("… Lee Elder. | Foto: …", "… (Bild: …").
_SEPARATOR_MARKS = " |/–—-(·•,;"
# A label left before the credit has at most this many words ("Titelbild:", "Photo:").
_LABEL_WORDS = 3


def caption_text(before: str) -> str:
    """The caption in the text before a credit: without the marks that separate it from
    the credit, and without a label ending in a colon ("Union Station, 1960. Photo:"); a
    label alone ("Titelbild:") is no caption.

    >>> caption_text("Kämpfte sich nach Augusta: Lee Elder. | ")
    'Kämpfte sich nach Augusta: Lee Elder.'
    >>> caption_text("Union Station, Chicago, 1960. Photo: "), caption_text("Titelbild: ")
    ('Union Station, Chicago, 1960.', '')
    >>> caption_text("Ein Bild: Die Menge wird zum Mob")  # a colon inside stays
    'Ein Bild: Die Menge wird zum Mob'
    """
    caption = before.strip().rstrip(_SEPARATOR_MARKS).strip()
    if caption.endswith(":"):
        head, _, label = caption[:-1].rpartition(". ")
        if len(label.split()) <= _LABEL_WORDS:
            caption = f"{head}." if head else ""
    return caption.rstrip(_SEPARATOR_MARKS).strip()


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
        caption = caption_text(text[: found.start])
        credit = text[found.start : found.end].strip()
        fields = dict(found.fields)
        fields.setdefault("credit", credit)
        if caption:
            fields.setdefault("caption", caption)
        return view.whole(index, rule.kind, rule.id, tuple(sorted(fields.items())))
