"""Where the article is: the dense runs of paragraphs. Page chrome before and after goes.

A raw page puts menus, teasers and link lists around the article. Paragraph-like lines
(long enough, ending like sentences) cluster where the article is. The article spans from
the first to the last cluster that holds a fair share of the largest one's text; short
lines inside that span (subheadings, list items) stay, kept lines outside it are removed.
Run again on its own output it finds the same span, so it is idempotent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean.document import Document, Proposal
from newsclean.model import Kind
from newsclean.modes import Mode
from newsclean.shape import is_headline_like, word_count

BEFORE_RULE = "builtin.layout.before_article"
AFTER_RULE = "builtin.layout.after_article"

_TERMINAL = frozenset(".!?…:;。！？")
_CLOSERS = "\"'”’»)]\u00a0\u202f\u2009 \t"
# Scripts written without spaces: count characters instead of words.
_CHARS_PER_WORD_NO_SPACES = 2
# A line ending like a sentence with at least this many words is prose, not chrome.
MIN_SENTENCE_WORDS = 5


def is_paragraph_like(text: str) -> bool:
    """A line that reads like article prose: several words ending like a sentence, or long.

    >>> is_paragraph_like("The council approved the new budget on Monday after a debate.")
    True
    >>> is_paragraph_like("Politics Business Tech Sport Culture")
    False
    """
    words = word_count(text)
    if words <= 2 and len(text) >= 16:
        words = len(text) // _CHARS_PER_WORD_NO_SPACES
    trimmed = text.rstrip(_CLOSERS)
    ends = bool(trimmed) and trimmed[-1] in _TERMINAL
    if words >= MIN_SENTENCE_WORDS and ends:
        return True
    inner = sum(text.count(mark) for mark in ",.;")
    return words >= 25 and inner >= 2


@dataclass(frozen=True, slots=True)
class _Cluster:
    first: int
    last: int
    score: int


class LayoutFilter:
    """Removes kept lines before and after the main cluster of paragraph-like lines."""

    name = "layout"

    def __init__(self, mode: Mode = Mode.BALANCED) -> None:
        self.mode = mode
        self.max_gap = 2 if mode is Mode.RECALL else 4
        # Clusters at least this share of the largest belong to the article too.
        self.min_share = 0.5 if mode is Mode.RECALL else 0.25

    def propose(self, doc: Document) -> Iterator[Proposal]:
        if self.mode is Mode.PRECISION:
            return
        kept = [seg.index for seg in doc.segments if not doc.is_removed(seg.index)]
        texts = {index: doc.remaining(index) for index in kept}
        clusters = self._clusters(kept, texts)
        if not clusters:
            return
        best = max(cluster.score for cluster in clusters)
        major = [c for c in clusters if c.score >= self.min_share * best]
        first, last = major[0].first, major[-1].last
        for index in kept:
            if first <= index <= last:
                continue
            seg = doc.segments[index]
            if index < first:
                yield Proposal(index, seg.start, seg.end, Kind.NAVIGATION, BEFORE_RULE, self.name)
            else:
                kind = Kind.RELATED if is_headline_like(texts[index]) else Kind.FOOTER
                yield Proposal(index, seg.start, seg.end, kind, AFTER_RULE, self.name)

    def _clusters(self, kept: list[int], texts: dict[int, str]) -> list[_Cluster]:
        """Runs of paragraph-like lines with at most ``max_gap`` other lines between them."""
        clusters: list[_Cluster] = []
        gap = 0
        for index in kept:
            text = texts[index]
            if not is_paragraph_like(text):
                gap += 1
                continue
            if not clusters or gap > self.max_gap:
                clusters.append(_Cluster(index, index, len(text)))
            else:
                current = clusters[-1]
                clusters[-1] = _Cluster(current.first, index, current.score + len(text))
            gap = 0
        return clusters
