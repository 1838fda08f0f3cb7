"""The article's headline: the headline-shaped line right before the article body.

The step that finds where the article starts (layout, or the line model in its place)
asks :func:`title_line` for the headline above that start, and removes it as ``title``
(or, with ``keep_title``, records it and leaves it in the text). Metadata reads it as
``metadata.title``.
"""

from __future__ import annotations

from collections.abc import Container

from newsclean.extract.dates import is_date_line
from newsclean.model import Kind
from newsclean.view import Annotation, Proposal, View

TITLE_RULE = "builtin.title.headline"
# How many kept lines above the article's first paragraph the headline may be (the others
# short labels); lines other steps removed (a byline, a date, a caption) are passed over.
MAX_LINES_ABOVE = 8
# A headline has at least this many words ("Politics", "World News" are section labels).
MIN_TITLE_WORDS = 3
# Lines removed by other steps in between are passed over, up to this many in all.
MAX_REMOVED_ABOVE = 40


def title_line(view: View, first: int, stop_at: Container[int] = ()) -> int | None:
    """The line of the headline above line ``first`` (the article's first paragraph):
    going up, lines other steps removed and short labels are passed over, and the first
    other line is the headline when it is headline-shaped; a line in ``stop_at`` (a
    teaser's, one the caller keeps) ends the search. A line the duplicate step removed
    (a headline the page also shows in its breadcrumbs) may be it.

    Only lines above ``first`` are looked at, which the caller removes (or, in
    precision, leaves alone): the next pass finds none there, so cleaning stays
    idempotent.
    """
    kept = removed = 0
    for index in range(first - 1, -1, -1):
        if view.removed(index) and view.kind(index) is not Kind.DUPLICATE:
            removed += 1
            if removed > MAX_REMOVED_ABOVE:
                return None
            continue
        kept += 1
        if kept > MAX_LINES_ABOVE or index in stop_at:
            return None
        line = view.original_line(index) if view.removed(index) else view.line(index)
        if is_date_line(line.text, view.language):
            continue  # "18. Oktober 2019": the date, above or below the headline
        if line.headline and line.words >= MIN_TITLE_WORDS:
            return index
        if not line.short_label():
            return None
    return None


def title_verdict(view: View, index: int, keep: bool) -> Proposal | Annotation:
    """The verdict on the headline line: a removal of kind ``title``, or with ``keep`` an
    annotation that records it and leaves it in the text."""
    removed = view.removed(index)  # already removed as a duplicate: only recorded
    fields = (("title", view.original(index) if removed else view.text(index)),)
    if not keep and not removed:
        return view.whole(index, Kind.TITLE, TITLE_RULE, fields)
    return Annotation(index, 0, len(view.original(index)), Kind.TITLE, TITLE_RULE, fields)
