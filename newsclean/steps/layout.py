"""Where the article is: the dense runs of paragraphs. Page chrome before and after goes.

A raw page puts menus, teasers and link lists around the article. Paragraph-like lines
(long enough, ending like sentences) cluster where the article is. The article spans from
the first to the last cluster that holds a fair share of the largest one's text; short
lines inside that span (subheadings, list items) stay, kept lines outside it are removed.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newsclean.limits import REGEX_TIMEOUT
from newsclean.model import Kind
from newsclean.modes import Mode
from newsclean.rules.model import Role
from newsclean.shape import ends_with
from newsclean.steps.teasers import teaser_runs
from newsclean.steps.title import title_line, title_verdict
from newsclean.typography import COLON
from newsclean.view import Verdict, View

BEFORE_RULE = "builtin.layout.before_article"
AFTER_RULE = "builtin.layout.after_article"
TEASER_RULE = "builtin.layout.teaser_run"


@dataclass(frozen=True, slots=True)
class _Cluster:
    first: int
    last: int
    score: int
    region: int


# The most lines after a paragraph ending in a colon that count as its list, not a gap.
MAX_LIST_ITEMS = 8
# A numbered list ("1) …", "2) …") runs as far as its numbering, up to this many items,
# each with up to MAX_ITEM_EXTRA_LINES kept lines of its own (a link, a price).
MAX_NUMBERED_ITEMS = 100
MAX_ITEM_EXTRA_LINES = 2
_ITEM_NUMBER = regex.compile(r"(\d{1,3})[.)]\s+\S")
# ... and the fewest that make a list (one line after a colon may be the next section).
MIN_LIST_ITEMS = 2

# A cluster at the span's edge, smaller than this share of the largest, that at least
# CHROME_RUN_LINES removed chrome lines separate from the rest is a sidebar.
CUT_OFF_MAX_SHARE = 0.5
CHROME_RUN_LINES = 6
_SIDEBAR_EDGE_KINDS = frozenset(
    {Kind.NAVIGATION, Kind.RELATED, Kind.ADVERT, Kind.COOKIE, Kind.PROMO, Kind.COMMENT}
)

# Before such a marker, a cluster this share of the largest one is the article's.
EARLIER_REGION_SHARE = 0.1


def _cut_off(view: View, before: _Cluster, after: _Cluster, best: _Cluster) -> bool:
    """Whether the smaller of two neighbouring clusters (never ``best``) is cut off from
    the other by at least ``CHROME_RUN_LINES`` removed chrome lines."""
    edge = before if after is best or after.score >= before.score else after
    if edge is best or edge.score >= CUT_OFF_MAX_SHARE * best.score:
        return False
    chrome = sum(
        1
        for index in range(before.last + 1, after.first)
        if view.kind(index) in _SIDEBAR_EDGE_KINDS
    )
    return chrome >= CHROME_RUN_LINES


def announced_list_end(view: View, last: int) -> int:
    """``last``, or the last item of the list that the article's last paragraph announces
    with a colon ("I'll summarize them:"): ``MIN_LIST_ITEMS`` to ``MAX_LIST_ITEMS`` kept,
    title-shaped lines right after it, with nothing removed between them; or, when the
    items are numbered from 1 ("1) …", "2. …"), as far as the numbering goes on."""
    if not ends_with(view.text(last), COLON):
        return last
    numbered = _numbered_list_end(view, last)
    if numbered is not None:
        return numbered
    end = last
    for index in range(last + 1, min(len(view), last + 1 + MAX_LIST_ITEMS)):
        if view.removed(index) or not view.line(index).headline:
            break
        end = index
    return end if end - last >= MIN_LIST_ITEMS else last


def _numbered_list_end(view: View, last: int) -> int | None:
    """The last line of a list numbered 1, 2, 3 … that starts right after line ``last``
    (each item may carry up to ``MAX_ITEM_EXTRA_LINES`` kept lines, a link or a
    description); ``None`` when no such list of ``MIN_LIST_ITEMS`` items starts there."""
    expected, end, count = 1, last, 0
    extra = 0  # how many lines of its own the item before the last one carried
    index = last + 1
    size = len(view)
    while index < size and count < MAX_NUMBERED_ITEMS:
        item = next(
            (
                i
                for i in range(index, min(size, index + 1 + MAX_ITEM_EXTRA_LINES))
                if not view.removed(i) and _item_number(view.text(i)) == expected
            ),
            None,
        )
        if item is None or any(view.removed(i) for i in range(index, item)):
            break
        if count:
            extra = item - end - 1
        end, expected, count, index = item, expected + 1, count + 1, item + 1
    if count < MIN_LIST_ITEMS:
        return None
    # The last item carries as many lines of its own as the one before it (its link, its
    # description), when they are there.
    for index in range(end + 1, min(size, end + 1 + extra)):
        if view.removed(index):
            break
        text = view.text(index)
        if view.line(index).paragraph or _item_number(text) is not None:
            break
        end = index
    return end


def _item_number(text: str) -> int | None:
    """The number a list item starts with ("12) …", "3. …"), else ``None``."""
    try:
        match = _ITEM_NUMBER.match(text, timeout=REGEX_TIMEOUT)
    except TimeoutError:
        return None
    return int(match.group(1)) if match else None


class LayoutStep:
    """Removes kept lines before and after the main clusters of paragraph-like lines."""

    name = "layout"

    def __init__(self, mode: Mode = Mode.BALANCED, keep_title: bool = False) -> None:
        self.mode = mode
        self.keep_title = keep_title
        self.max_gap = 2 if mode is Mode.RECALL else 4
        # Clusters at least this share of the largest belong to the article too.
        self.min_share = 0.5 if mode is Mode.RECALL else 0.25

    def __repr__(self) -> str:
        return f"LayoutStep(mode={self.mode.value!r})"

    def propose(self, view: View) -> list[Verdict]:
        found_span = self.article_span(view)
        if found_span is None:
            return []
        first, last, run_of = found_span
        title = title_line(view, first, run_of)
        found: list[Verdict] = []
        if self.mode is Mode.PRECISION:
            # Precision removes nothing by position: the headline is recorded, not cut.
            return [title_verdict(view, title, keep=True)] if title is not None else []
        if title is not None:
            found.append(title_verdict(view, title, self.keep_title))
        for index, line in view.kept_lines():
            if first <= index <= last or index == title:
                continue
            run_start = run_of.get(index)
            if run_start is not None:
                trigger = None if run_start == index else run_start
                found.append(view.whole(index, Kind.RELATED, TEASER_RULE, trigger=trigger))
            elif index < first:
                found.append(view.whole(index, Kind.NAVIGATION, BEFORE_RULE, trigger=first))
            else:
                kind = Kind.RELATED if line.headline else Kind.FOOTER
                found.append(view.whole(index, kind, AFTER_RULE, trigger=last))
        return found

    def article_span(self, view: View) -> tuple[int, int, dict[int, int]] | None:
        """The first and last line of the article (every kept line outside goes), and the
        teaser runs (line: the first line of its run); ``None`` when the page has no run
        of paragraphs."""
        teasers = teaser_runs(view)
        clusters = self._clusters(view, teasers.summaries)
        if not clusters:
            return None
        best = max(clusters, key=lambda cluster: cluster.score)
        # Comment threads and sidebars after an end-of-article marker can outweigh the
        # article: the first region with a fair share of the best cluster's text wins.
        region = next(c.region for c in clusters if c.score >= EARLIER_REGION_SHARE * best.score)
        best = max((c for c in clusters if c.region == region), key=lambda c: c.score)
        major = [
            c
            for c in clusters
            if c.region == best.region and c.score >= self.min_share * best.score
        ]
        major = self._without_cut_off_edges(view, major, best)
        first, last = major[0].first, announced_list_end(view, major[-1].last)
        return first, last, teasers.run_of()

    @staticmethod
    def _without_cut_off_edges(view: View, major: list[_Cluster], best: _Cluster) -> list[_Cluster]:
        """``major`` without the smaller clusters at its ends that a long run of removed
        page chrome (menus, link lists, adverts) separates from the rest: a sidebar, not
        more of the article."""
        position = major.index(best)
        first, last = 0, len(major) - 1
        for index in range(position - 1, -1, -1):
            if _cut_off(view, major[index], major[index + 1], best):
                first = index + 1
                break
        for index in range(position + 1, len(major)):
            if _cut_off(view, major[index - 1], major[index], best):
                last = index - 1
                break
        return major[first : last + 1]

    def _clusters(self, view: View, teasers: frozenset[int]) -> list[_Cluster]:
        """Runs of paragraph-like lines with at most ``max_gap`` other lines between them;
        an end-of-article marker starts a new region. The items of a list that a paragraph
        announces with a colon ("The highlights at a glance:") are not a gap."""
        # [first, last, score, region] of each cluster.
        clusters: list[list[int]] = []
        gap = 0
        region = 0
        list_items_left = 0
        max_gap = self.max_gap
        end_rules = view.rules.ids_by_role[Role.ENDS_ARTICLE]
        previous = -1
        for index, line in view.kept_lines():
            if end_rules and index > previous + 1:
                # Removed lines between: an end-of-article marker among them starts a region.
                for between in range(previous + 1, index):
                    if any(cut.rule in end_rules for cut in view.cuts(between)):
                        region += 1
            previous = index
            if not line.paragraph or index in teasers:
                if list_items_left:
                    list_items_left -= 1
                else:
                    gap += 1
                continue
            text = line.text
            list_items_left = MAX_LIST_ITEMS if ends_with(text, COLON) else 0
            current = clusters[-1] if clusters else None
            if current is None or gap > max_gap or current[3] != region:
                clusters.append([index, index, len(text), region])
            else:
                current[1] = index
                current[2] += len(text)
            gap = 0
        return [_Cluster(*cluster) for cluster in clusters]
