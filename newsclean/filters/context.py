"""The second pass: decide short, ambiguous lines from their neighbours (jusText's idea).

It reads the verdicts of the steps before it, as they stood when it started, so its own
decisions never cascade.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Document, Proposal
from newsclean.filters.author_box import author_boxes
from newsclean.model import Kind
from newsclean.shape import is_headline_like, is_paragraph_like, is_short_label

BESIDE_PROMPT_RULE = "builtin.context.button_after_prompt"
SANDWICHED_RULE = "builtin.context.label_between_removed"
AFTER_CREDIT_RULE = "builtin.context.tail_after_credit"
CONTINUATION_RULE = "builtin.context.continued_line"
TEASER_RUN_RULE = "builtin.context.headlines_with_bylines"

# A line cut short with an ellipsis, and the line that picks it up.
_ELLIPSES = ("…", "...")
# Removed lines that follow a teaser's headline: its byline, timestamp or agency.
_BYLINE_KINDS = frozenset({Kind.BYLINE, Kind.CREDIT, Kind.CAPTION, Kind.DATELINE})
# Headlines each followed by a byline, this many in a row, are a list of teasers.
_TEASER_RUN_MIN = 2

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
    """Button lines beside prompts, labels between removed lines, the headline-like lines
    right after a closing credit line, author boxes (see :mod:`.author_box`), teaser lists
    told by their bylines, and lines continuing a removed line after an ellipsis."""

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
        yield from _continuations(doc, kinds)
        yield from author_boxes(doc, kinds, self.name)
        yield from _headlines_with_bylines(doc, kinds)

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
            if is_paragraph_like(seg.text):
                return  # "Ja? Dann lesen Sie unbedingt …!": prose, whatever its last mark
            if seg.index + 1 < len(kinds) and kinds[seg.index + 1] is Kind.BYLINE:
                return  # a headline over its byline starts an article
            yield Proposal(seg.index, seg.start, seg.end, Kind.FOOTER, AFTER_CREDIT_RULE, self.name)


def _continuations(doc: Document, kinds: list[Kind | None]) -> Iterator[Proposal]:
    """A line that opens with an ellipsis right after a removed line that ends with one
    continues it ("Mäscot auf Facebook…" / "…und anderem Web 2.0 Gedöns."): it goes with
    the same kind."""
    segments = doc.segments
    for position in range(1, len(kinds)):
        kind, before = kinds[position], kinds[position - 1]
        if kind is not None or before is None:
            continue
        text = segments[position].text
        if (
            text.startswith(_ELLIPSES)
            and segments[position - 1].text.endswith(_ELLIPSES)
            and not doc.cuts(position)
        ):
            seg = segments[position]
            yield Proposal(
                position, seg.start, seg.end, before, CONTINUATION_RULE, ContextFilter.name
            )


def _headlines_with_bylines(doc: Document, kinds: list[Kind | None]) -> Iterator[Proposal]:
    """Teaser lists: headline-like lines each followed by removed bylines or timestamps,
    one right after another ("Russia: strikes on Syria wrong move" / "By REUTERS" /
    "11/20/2019 10:08 AM" / "11 dead in …" / …).

    A pair whose byline is followed by prose is the article's own headline and stays.
    """
    segments = doc.segments
    run: list[int] = []
    follows = -1  # where the last pair of the run ends
    for position, kind in enumerate(kinds):
        if kind is not None or position < follows:
            continue
        end = position + 1
        while end < len(kinds) and kinds[end] in _BYLINE_KINDS:
            end += 1
        is_pair = (
            end > position + 1
            and not doc.cuts(position)
            and is_headline_like(segments[position].text)
        )
        if is_pair and (not run or position == follows):
            run.append(position)
            follows = end
            continue
        yield from _teaser_run(doc, kinds, run, follows)
        run, follows = ([position], end) if is_pair else ([], -1)
    yield from _teaser_run(doc, kinds, run, follows)


def _teaser_run(
    doc: Document, kinds: list[Kind | None], run: list[int], end: int
) -> Iterator[Proposal]:
    """The headlines of ``run`` (pairs ending before line ``end``) when they are a list."""
    if len(run) < _TEASER_RUN_MIN:
        return
    after = doc.segments[end].text if end < len(kinds) and kinds[end] is None else ""
    if after and is_paragraph_like(after):
        run = run[:-1]  # the article's headline and byline, then its first paragraph
    if len(run) < _TEASER_RUN_MIN:
        return
    for index in run:
        seg = doc.segments[index]
        yield Proposal(
            index,
            seg.start,
            seg.end,
            Kind.RELATED,
            TEASER_RUN_RULE,
            ContextFilter.name,
            (("related", seg.text),),
        )
