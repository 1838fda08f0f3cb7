"""What may stand between an article's last line and its foot credit below it: an
author's line or a timestamp under the article's tags ("Von Frank Hahn", "Published: 03
December 2019") is the article's, one under a comment header, a share bar or a teaser
header is a comment's or a teaser's."""

from __future__ import annotations

import math
from collections.abc import Iterable

from newsclean.model import Kind, Removal

# The line model's rule for what it removes after the article (``steps.line_model``; named
# here, where it is read): the kind it gives such a removal is a guess, so it fences
# nothing.
AFTER_RULE = "model.after_article"
# What a rule may have removed between the article and its foot credit.
_BESIDE_FOOT_CREDIT = frozenset({Kind.NAVIGATION, Kind.CAPTION, Kind.CREDIT, Kind.BYLINE})


def fences(removal: Removal) -> bool:
    """Whether ``removal`` after the article makes what follows it no foot credit of the
    article: a rule's comment, teaser, share, footer or other line that is no tag,
    caption, credit or byline line.

    >>> fences(Removal(0, 6, "Tags: x", Kind.NAVIGATION, "u.tag_line", "navigation"))
    False
    >>> fences(Removal(0, 10, "Kommentare", Kind.PROMO, "de.promo.share", "promo"))
    True
    """
    return removal.rule != AFTER_RULE and removal.kind not in _BESIDE_FOOT_CREDIT


def foot_end(removals: Iterable[Removal], start: int, end: int) -> float:
    """Where the stretch below the article (kept from ``start`` to ``end``) that may hold
    its foot credit ends: the start of the first removal from ``end`` on that
    :func:`fences` (infinity when none does); ``end`` itself when a rule removed comment
    furniture within the article's span (a quoted comment kept as its last line: what
    follows is the thread).

    >>> tags = Removal(10, 16, "Tags: x", Kind.NAVIGATION, "u.tag_line", "navigation")
    >>> share = Removal(17, 27, "Kommentare", Kind.PROMO, "de.promo.share", "promo")
    >>> foot_end([tags, share], 0, 10)
    17
    >>> count = Removal(4, 8, "Comments (41)", Kind.COMMENT, "u.comment.count", "comment")
    >>> foot_end([count, tags, share], 0, 10)
    10
    """
    for removal in removals:
        if removal.start < start:
            continue
        if removal.start < end:
            if removal.kind is Kind.COMMENT and removal.rule != AFTER_RULE:
                return end
        elif fences(removal):
            return removal.start
    return math.inf
