"""The second pass: decide short, ambiguous lines from their neighbours (jusText's idea).

It reads the verdicts of the steps before it, as they stood when it started, so its own
decisions never cascade.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Document, Proposal
from newsclean.model import Kind
from newsclean.shape import is_headline_like, is_short_label

BESIDE_PROMPT_RULE = "builtin.context.label_beside_prompt"
SANDWICHED_RULE = "builtin.context.label_between_removed"
AFTER_CREDIT_RULE = "builtin.context.tail_after_credit"

# Kinds whose prompts come with buttons ("Inscription", "Subscribe", "Accept").
_PROMPT_KINDS = frozenset({Kind.PAYWALL, Kind.PROMO, Kind.COOKIE})
_SANDWICH_MAX_WORDS = 5


class ContextFilter:
    """Button lines beside prompts, labels between removed lines, and the headline-like
    lines right after a closing credit line."""

    name = "context"

    def propose(self, doc: Document) -> Iterator[Proposal]:
        segments = doc.segments
        kinds = [doc.removed_kind(seg.index) for seg in segments]
        for position, seg in enumerate(segments):
            if kinds[position] is not None or doc.cuts(seg.index):
                continue
            before = kinds[position - 1] if position > 0 else None
            after = kinds[position + 1] if position + 1 < len(segments) else None
            if is_short_label(seg.text):
                prompt = before if before in _PROMPT_KINDS else after
                if prompt in _PROMPT_KINDS:
                    assert prompt is not None
                    yield Proposal(seg.index, seg.start, seg.end, prompt, BESIDE_PROMPT_RULE, self.name)
                    continue
            if (
                before is not None
                and after is not None
                and is_short_label(seg.text, max_words=_SANDWICH_MAX_WORDS, max_chars=60)
            ):
                yield Proposal(seg.index, seg.start, seg.end, before, SANDWICHED_RULE, self.name)
        yield from self._tail_after_credit(doc, kinds)

    def _tail_after_credit(self, doc: Document, kinds: list[Kind | None]) -> Iterator[Proposal]:
        credit_positions = [i for i, kind in enumerate(kinds) if kind is Kind.CREDIT]
        if not credit_positions:
            return
        for seg in doc.segments[credit_positions[-1] + 1 :]:
            if kinds[seg.index] is not None:
                continue
            if doc.cuts(seg.index):
                return
            if not is_headline_like(seg.text) and not is_short_label(seg.text):
                return
            yield Proposal(seg.index, seg.start, seg.end, Kind.FOOTER, AFTER_CREDIT_RULE, self.name)
