"""Bylines that no pattern rule reads: split over two lines, a label alone on its line
("Von", "By", "Artikel von:") and the writer's name on the next ("Claudia Riedler"), as
scraped text often breaks a byline where the page set the label and the name in two
elements; and a name with its role on a line of its own ("Jane Doe, Staff Writer", "Anna
Muster | Redakteurin").

The labels and roles are language data: each shipped pack's ``[names] byline_labels`` and
``[names] roles``.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsclean.extract.bylines import OWN_LINE_CHARS, own_line_names
from newsclean.extract.metadata import ROLE_BYLINE_RULE, SPLIT_BYLINE_RULE
from newsclean.extract.names import byline_labels, byline_roles, is_person_name
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


def role_bylines(view: View, kinds: Sequence[Kind | None]) -> list[Proposal]:
    """Lines that are a name list and a role ("Jane Doe | Reporter", "Anna Muster,
    Redakteurin"; a byline label may open them), removed as ``byline`` lines that name the
    authors; lines another step touched are left alone. Which byline names the article's
    authors is the metadata's decision (one above the article, or its foot credit)."""
    roles = byline_roles(view.language)
    found: list[Proposal] = []
    for index, kind in enumerate(kinds):
        if kind is not None:
            continue
        text = view.original(index)
        # Cheap, on every kept line: short, two words at least (a name), and ends with a
        # role (a full stop aside).
        if (
            len(text) > OWN_LINE_CHARS
            or " " not in text
            or not text.rstrip(" .").casefold().endswith(roles)
        ):
            continue
        names = own_line_names(text, view.language)
        if names and not view.touched(index):
            fields = (("authors", " and ".join(names)),)
            found.append(view.whole(index, Kind.BYLINE, ROLE_BYLINE_RULE, fields))
    return found
