"""Where the article is: the dense runs of paragraphs. Page chrome before and after goes.

A raw page puts menus, teasers and link lists around the article. Paragraph-like lines
(long enough, ending like sentences) cluster where the article is. The article spans from
the first to the last cluster that holds a fair share of the largest one's text; short
lines inside that span (subheadings, list items) stay, kept lines outside it are removed.
Run again on its own output it finds the same span, so it is idempotent.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newsclean.document import Document, Proposal
from newsclean.limits import REGEX_TIMEOUT
from newsclean.model import Kind
from newsclean.modes import Mode
from newsclean.shape import count_words, ends_with, is_headline_like

BEFORE_RULE = "builtin.layout.before_article"
AFTER_RULE = "builtin.layout.after_article"

_TERMINAL = frozenset(".!?…:;。！？")
# Scripts written without spaces: count characters instead of words.
_CHARS_PER_WORD_NO_SPACES = 2
# A line ending like a sentence with at least this many words is prose, not chrome.
MIN_SENTENCE_WORDS = 5
# A line not ending like a sentence is prose when it is this long and has inner punctuation.
MIN_PROSE_WORDS = 25


def is_paragraph_like(text: str) -> bool:
    """A line that reads like article prose (see :func:`_paragraph_like`); memoised for
    lines of ordinary length, which the layout step asks about more than once."""
    if len(text) <= _MEMO_MAX_CHARS:
        return _paragraph_like_memo(text)
    return _paragraph_like(text)


# Memoise answers for lines up to this long; the memo then holds at most a few MB.
_MEMO_MAX_CHARS = 1000


@functools.lru_cache(maxsize=8192)
def _paragraph_like_memo(text: str) -> bool:
    return _paragraph_like(text)


def _paragraph_like(text: str) -> bool:
    """A line that reads like article prose: several words ending like a sentence, or long.

    >>> is_paragraph_like("The council approved the new budget on Monday after a debate.")
    True
    >>> is_paragraph_like("Politics Business Tech Sport Culture")
    False
    """
    terminal = ends_with(text, _TERMINAL)
    if not terminal and sum(text.count(mark) for mark in ",.;") < 2:
        return False
    needed = MIN_SENTENCE_WORDS if terminal else MIN_PROSE_WORDS
    words = count_words(text, max(needed, 3))
    if words <= 2 and len(text) >= 16:
        words = len(text) // _CHARS_PER_WORD_NO_SPACES
    return words >= needed


def _teaser_summaries(doc: Document) -> set[int]:
    """Summary lines of teaser runs: at least ``MIN_TEASERS`` headline + short-summary pairs
    in a row ("Cities urge boycott…" / "Lawmakers in the two biggest…" / …). Such lines
    read like prose one by one; in a run they are a list of other stories."""
    kept = [seg.index for seg in doc.segments if not doc.is_removed(seg.index)]
    texts = [doc.remaining(index) for index in kept]
    runs: list[list[int]] = []  # positions in ``kept`` of the summaries of each run
    position = 0
    while position + 1 < len(kept):
        head, summary = texts[position], texts[position + 1]
        if (
            len(head) <= TEASER_HEADLINE_CHARS
            and is_headline_like(head)
            and _is_teaser_summary(head, summary)
        ):
            if runs and runs[-1][-1] == position - 1:
                runs[-1].append(position + 1)
            else:
                runs.append([position + 1])
            position += 2
        else:
            position += 1
    summaries = _glued_teasers(kept, texts)
    for run in runs:
        has_long = any(len(texts[position]) > TEASER_MAX_CHARS for position in run)
        if len(run) >= (MIN_LONG_TEASERS if has_long else MIN_TEASERS):
            summaries.update(kept[position] for position in run)
    return summaries


def _glued_teasers(kept: list[int], texts: list[str]) -> set[int]:
    """Runs of at least ``MIN_TEASERS`` lines that each glue a headline to a summary opening
    with a dateline ("… returns home from US NEW DELHI: Their American dream …"): a list
    item holding both, scraped as one line."""
    found: set[int] = set()
    run: list[int] = []
    for index, text in zip([*kept, -1], [*texts, ""], strict=True):
        if (
            len(text) <= LONG_TEASER_MAX_CHARS
            and ": " in text
            and _INNER_DATELINE.search(text, timeout=REGEX_TIMEOUT) is not None
        ):
            run.append(index)
            continue
        if len(run) >= MIN_TEASERS:
            found.update(run)
        run = []
    return found


def _cut_off(doc: Document, before: _Cluster, after: _Cluster, best: _Cluster) -> bool:
    """Whether the smaller of two neighbouring clusters (never ``best``) is cut off from
    the other by at least ``CHROME_RUN_LINES`` removed chrome lines."""
    edge = before if after is best or after.score >= before.score else after
    if edge is best or edge.score >= CUT_OFF_MAX_SHARE * best.score:
        return False
    chrome = 0
    for index in range(before.last + 1, after.first):
        if doc.is_removed(index) and doc.removed_kind(index) in _CHROME_KINDS:
            chrome += 1
    return chrome >= CHROME_RUN_LINES


def _is_teaser_summary(head: str, text: str) -> bool:
    """A teaser's summary under ``head``: a short paragraph, or a title-shaped line longer
    than the headline (many sites drop the full stop from summaries: "Lawmakers in the two
    biggest U.S. cities want to …"). A longer paragraph pairs only with a full-sentence
    headline (article subheads are short)."""
    if len(text) > TEASER_MAX_CHARS and not (
        len(text) <= LONG_TEASER_MAX_CHARS
        and count_words(head, LONG_TEASER_HEADLINE_WORDS) >= LONG_TEASER_HEADLINE_WORDS
    ):
        return False
    return is_paragraph_like(text) or (
        len(text) >= TEASER_SUMMARY_LENGTH_RATIO * len(head)
        and count_words(text, TEASER_SUMMARY_WORDS) >= TEASER_SUMMARY_WORDS
    )


@dataclass(frozen=True, slots=True)
class _Cluster:
    first: int
    last: int
    score: int
    region: int


# Teasers: a headline-like line, then a short paragraph; MIN_TEASERS pairs in a row.
TEASER_MAX_CHARS = 300
TEASER_HEADLINE_CHARS = 150
# A longer summary pairs with a full-sentence headline only (article subheads are short),
# and a run holding one needs more pairs.
LONG_TEASER_MAX_CHARS = 600
LONG_TEASER_HEADLINE_WORDS = 7
MIN_LONG_TEASERS = 5
# A summary without a sentence end has at least this many words.
TEASER_SUMMARY_WORDS = 10
# ... and is this much longer than its headline (a list of headlines does not pair up).
TEASER_SUMMARY_LENGTH_RATIO = 1.3
MIN_TEASERS = 3
# A dateline inside a line, after a headline: "… from US NEW DELHI: Their American …".
_INNER_DATELINE = regex.compile(r"\p{Ll}\S{0,30}\s+\p{Lu}{2,}(?:[\s\-]\p{Lu}{2,}){0,2}:\s+\p{Lu}")

# The most lines after a paragraph ending in a colon that count as its list, not a gap.
MAX_LIST_ITEMS = 8
_COLON = frozenset(":")


# A cluster at the span's edge, smaller than this share of the largest, that at least
# CHROME_RUN_LINES removed chrome lines separate from the rest is a sidebar.
CUT_OFF_MAX_SHARE = 0.5
CHROME_RUN_LINES = 6
_CHROME_KINDS = frozenset({Kind.NAVIGATION, Kind.RELATED, Kind.ADVERT, Kind.COOKIE, Kind.PROMO})

# Rules with this role mark where the article has ended (a comment header, say): no
# article span reaches past one.
ENDS_ARTICLE_ROLE = "ends_article"
# Before such a marker, a cluster this share of the largest one is the article's.
EARLIER_REGION_SHARE = 0.1


class LayoutFilter:
    """Removes kept lines before and after the main clusters of paragraph-like lines."""

    name = "layout"
    # Its verdicts change which lines are neighbours: the pipeline re-runs it to a fixpoint.
    repeat_until_stable = True

    def __init__(self, mode: Mode = Mode.BALANCED) -> None:
        self.mode = mode
        self.max_gap = 2 if mode is Mode.RECALL else 4
        # Clusters at least this share of the largest belong to the article too.
        self.min_share = 0.5 if mode is Mode.RECALL else 0.25

    def propose(self, doc: Document) -> Iterator[Proposal]:
        if self.mode is Mode.PRECISION:
            return
        end_rules = doc.rules.ids_with_role(ENDS_ARTICLE_ROLE)
        clusters = self._clusters(doc, end_rules)
        if not clusters:
            return
        best = max(clusters, key=lambda cluster: cluster.score)
        # Comment threads and sidebars after an end-of-article marker can outweigh the
        # article: the first region with a fair share of the best cluster's text wins.
        region = self._article_region(clusters, best)
        best = max((c for c in clusters if c.region == region), key=lambda c: c.score)
        major = [
            c
            for c in clusters
            if c.region == best.region and c.score >= self.min_share * best.score
        ]
        major = self._without_cut_off_edges(doc, major, best)
        first, last = major[0].first, major[-1].last
        for seg in doc.segments:
            index = seg.index
            if first <= index <= last or doc.is_removed(index):
                continue
            if index < first:
                yield Proposal(index, seg.start, seg.end, Kind.NAVIGATION, BEFORE_RULE, self.name)
            else:
                text = doc.remaining(index)
                kind = Kind.RELATED if is_headline_like(text) else Kind.FOOTER
                yield Proposal(index, seg.start, seg.end, kind, AFTER_RULE, self.name)

    @staticmethod
    def _without_cut_off_edges(
        doc: Document, major: list[_Cluster], best: _Cluster
    ) -> list[_Cluster]:
        """``major`` without the smaller clusters at its ends that a long run of removed
        page chrome (menus, link lists, adverts) separates from the rest: a sidebar, not
        more of the article.

        Idempotent: the output holds no removed chrome, so a second run cuts off nothing,
        and the clusters it sees are exactly those kept here.
        """
        position = major.index(best)
        first, last = 0, len(major) - 1
        for index in range(position - 1, -1, -1):
            if _cut_off(doc, major[index], major[index + 1], best):
                first = index + 1
                break
        for index in range(position + 1, len(major)):
            if _cut_off(doc, major[index - 1], major[index], best):
                last = index - 1
                break
        return major[first : last + 1]

    @staticmethod
    def _article_region(clusters: list[_Cluster], best: _Cluster) -> int:
        """The first region holding a cluster of at least ``EARLIER_REGION_SHARE`` of the
        best cluster's text."""
        return next(c.region for c in clusters if c.score >= EARLIER_REGION_SHARE * best.score)

    def _clusters(self, doc: Document, end_rules: frozenset[str]) -> list[_Cluster]:
        """Runs of paragraph-like lines with at most ``max_gap`` other lines between them;
        an end-of-article marker starts a new region. The items of a list that a paragraph
        announces with a colon ("The highlights at a glance:") are not a gap."""
        clusters: list[_Cluster] = []
        gap = 0
        region = 0
        list_items_left = 0
        teasers = _teaser_summaries(doc)
        end_markers = {cut.segment for cut in doc.accepted if cut.rule in end_rules}
        for seg in doc.segments:
            index = seg.index
            if doc.is_removed(index):
                if index in end_markers:
                    region += 1
                continue
            text = doc.remaining(index)
            if index in teasers or not is_paragraph_like(text):
                if list_items_left:
                    list_items_left -= 1
                else:
                    gap += 1
                continue
            list_items_left = MAX_LIST_ITEMS if ends_with(text, _COLON) else 0
            current = clusters[-1] if clusters else None
            if current is None or gap > self.max_gap or current.region != region:
                clusters.append(_Cluster(index, index, len(text), region))
            else:
                clusters[-1] = _Cluster(current.first, index, current.score + len(text), region)
            gap = 0
        return clusters
