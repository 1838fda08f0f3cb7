"""Author bio boxes: generated title runs («Analyste. Passionné du Web. …») and bio lines."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.document import Document, Proposal
from newsclean.filters.base import RuleLineFilter
from newsclean.limits import REGEX_TIMEOUT
from newsclean.model import Kind

FRAGMENT_RULE = "builtin.author_blurb.title_fragments"
MIN_FRAGMENTS = 4
MAX_FRAGMENT_WORDS = 6
MAX_MEAN_FRAGMENT_WORDS = 3.5
MAX_BLURB_CHARS = 400

_QUOTES = "«»“”„\"'‘’ \u00a0\u202f"
_FRAGMENT_END = regex.compile(r"(?<=[.!])\s+")


def is_title_fragment_run(text: str) -> bool:
    """A line made of several short, capitalised title fragments, without commas or digits.

    >>> is_title_fragment_run("« Analyste. Passionné du Web. Expert en musique. Explorateur. »")
    True
    >>> is_title_fragment_run("He paused. Then he spoke. The room was silent. Nobody moved, ever.")
    False
    """
    if len(text) > MAX_BLURB_CHARS or "," in text or ";" in text or ":" in text:
        return False
    body = text.strip(_QUOTES)
    if not body.endswith((".", "!")) or any(ch.isdigit() for ch in text):
        return False
    fragments = [f for f in _FRAGMENT_END.split(body, timeout=REGEX_TIMEOUT) if f]
    if len(fragments) < MIN_FRAGMENTS:
        return False
    sizes = [len(fragment.split()) for fragment in fragments]
    if max(sizes) > MAX_FRAGMENT_WORDS or sum(sizes) / len(sizes) > MAX_MEAN_FRAGMENT_WORDS:
        return False
    return all(fragment[0].isupper() for fragment in fragments)


def _may_be_fragment_run(text: str) -> bool:
    """A cheap necessary condition of :func:`is_title_fragment_run`: no comma, semicolon or
    colon, and a full stop or exclamation mark after each fragment."""
    if "," in text or ";" in text or ":" in text:
        return False
    return text.count(".") + text.count("!") >= MIN_FRAGMENTS


class AuthorBlurbFilter(RuleLineFilter):
    """Bio lines from the rule packs plus the language-independent title-fragment shape."""

    def __init__(self) -> None:
        super().__init__("author_blurb")

    def propose(self, doc: Document) -> Iterator[Proposal]:
        proposed = set()
        for proposal in super().propose(doc):
            proposed.add(proposal.segment)
            yield proposal
        for seg in doc.segments:
            if not doc.in_focus(seg.index):
                continue
            if seg.index in proposed or doc.is_removed(seg.index):
                continue
            if not doc.cuts(seg.index) and not _may_be_fragment_run(seg.text):
                continue
            view = doc.remaining_view(seg.index)
            if view is not None and is_title_fragment_run(view.text):
                yield Proposal(
                    seg.index, view.start, view.end, Kind.AUTHOR_BLURB, FRAGMENT_RULE, self.name
                )
