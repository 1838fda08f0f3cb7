"""Bylines split over two lines: a label alone on its line ("Von", "By", "Artikel von:")
and the writer's name on the next ("Claudia Riedler"). Scraped text often breaks a
byline so, where the page set the label and the name in two elements.

The labels are language data: each shipped pack's ``[names] byline_labels``.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsclean.extract.metadata import SPLIT_BYLINE_RULE
from newsclean.extract.names import byline_labels, is_person_name
from newsclean.model import Kind
from newsclean.view import Proposal, View

# A label line is short: "Ein Beitrag von:" at most.
_LABEL_MAX_CHARS = 24


def split_bylines(view: View, kinds: Sequence[Kind | None]) -> list[Proposal]:
    """The label line and the name line of each split byline: the label removed as a
    ``credit``, the name as a ``byline`` that names the author. The name line must read
    as one person's name and follow the label directly; neither line may have been
    touched by another step."""
    labels = byline_labels(view.language)
    found: list[Proposal] = []
    for index in range(len(kinds) - 1):
        if kinds[index] is not None or kinds[index + 1] is not None:
            continue
        text = view.original(index)
        if len(text) > _LABEL_MAX_CHARS or text.rstrip(" :").casefold() not in labels:
            continue
        name = view.original(index + 1)
        # A name starts with a capital ("der Stadt Bern" has a name's particles, not one).
        if view.touched(index) or view.touched(index + 1) or not name[:1].isupper():
            continue
        if not is_person_name(name):
            continue
        # The label is credit furniture; the name line is the byline (one per byline, as
        # the metadata counts them).
        found.append(view.whole(index, Kind.CREDIT, SPLIT_BYLINE_RULE, trigger=index + 1))
        found.append(
            view.whole(index + 1, Kind.BYLINE, SPLIT_BYLINE_RULE, (("authors", name),), index)
        )
    return found
