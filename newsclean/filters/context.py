"""The second pass: decide short, ambiguous lines from their neighbours (jusText's idea).

It reads the verdicts of the steps before it, as they stood when it started, so its own
decisions never cascade.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Document, Proposal
from newsclean.model import Kind
from newsclean.shape import is_headline_like, is_short_label

BESIDE_PROMPT_RULE = "builtin.context.button_after_prompt"
SANDWICHED_RULE = "builtin.context.label_between_removed"
AFTER_CREDIT_RULE = "builtin.context.tail_after_credit"

# Kinds whose prompts come with buttons ("Inscription", "Subscribe", "Accept").
_PROMPT_KINDS = frozenset({Kind.PAYWALL, Kind.PROMO, Kind.COOKIE})
# Page chrome: a short line with chrome on both sides is chrome too (a menu item, a label).
_CHROME_KINDS = frozenset(
    {Kind.NAVIGATION, Kind.PROMO, Kind.COOKIE, Kind.ADVERT, Kind.PAYWALL, Kind.RELATED, Kind.FOOTER}
)
_SANDWICH_MAX_WORDS = 5
# Button labels right after a prompt: "Inscription", "Register", "Accept and close".
_BUTTON_MAX_WORDS = 3
_BUTTON_MAX_CHARS = 30


class ContextFilter:
    """Button lines beside prompts, labels between removed lines, and the headline-like
    lines right after a closing credit line."""

    name = "context"

    def propose(self, doc: Document) -> Iterator[Proposal]:
        segments = doc.segments
        kinds = [doc.removed_kind(seg.index) for seg in segments]
        # The kind of the prompt a run of button labels follows, carried down the run.
        prompt: Kind | None = None
        for position, seg in enumerate(segments):
            kind = kinds[position]
            if kind is not None:
                prompt = kind if kind in _PROMPT_KINDS else None
                continue
            if doc.cuts(seg.index):
                prompt = None
                continue
            if prompt is not None and is_short_label(
                seg.text, max_words=_BUTTON_MAX_WORDS, max_chars=_BUTTON_MAX_CHARS
            ):
                yield Proposal(seg.index, seg.start, seg.end, prompt, BESIDE_PROMPT_RULE, self.name)
                continue
            prompt = None
            before = kinds[position - 1] if position > 0 else None
            after = kinds[position + 1] if position + 1 < len(segments) else None
            if (
                before in _CHROME_KINDS
                and after in _CHROME_KINDS
                and is_short_label(seg.text, max_words=_SANDWICH_MAX_WORDS, max_chars=60)
            ):
                yield Proposal(
                    seg.index, seg.start, seg.end, Kind.NAVIGATION, SANDWICHED_RULE, self.name
                )
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
