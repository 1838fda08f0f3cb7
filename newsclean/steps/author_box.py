"""Author boxes: the writer's name line and bio, read from the lines around them.

The context step calls this with the verdicts of the steps before it: a box header that a
rule removed ("About the author"), or a bio that a rule removed, tells which kept lines
belong to the box.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsclean.extract.names import is_person_name
from newsclean.model import Kind
from newsclean.rules.model import Role
from newsclean.view import Proposal, View

AUTHOR_BOX_RULE = "builtin.context.author_box"
# A bio is one paragraph; anything longer is article text that happens to follow.
_BIO_MAX_CHARS = 1200
# A bio without a final full stop still runs this many words.
_BIO_MIN_WORDS = 12
# Removed lines (social icons, "E-Mail") tolerated between an author box's parts.
_BOX_MAX_SKIPPED = 3


def author_boxes(view: View, kinds: Sequence[Kind | None]) -> list[Proposal]:
    """The writer's name and bio in an author box.

    Two shapes: after a header line ("About the author", "Über den Autor"), an optional
    name line and one bio paragraph; without a header, a name line and a paragraph that
    opens with that full name ("Jane Doe is a reporter …"), when the pair ends a run of
    prose (chrome or a headline follows) and is the only such pair in the document
    (several pairs are a list of profiles). A name line right over a bio that a rule
    removed goes with it. Only a name under a header, that its bio repeats, becomes an
    author: a company profile has the second shape too.
    """
    found: list[Proposal] = []
    box_rules = view.rules.ids_by_role[Role.AUTHOR_BOX]
    name_led: list[tuple[int, int]] = []
    for position, kind in enumerate(kinds):
        if kind is not None:
            if box_rules and any(cut.rule in box_rules for cut in view.cuts(position)):
                found.extend(_box_after_header(view, kinds, position))
            continue
        following = position + 1
        if following == len(kinds):
            continue
        if kinds[following] is Kind.AUTHOR_BLURB and _names_a_bio(view, position, following):
            found.append(_box_proposal(view, position, position + 1))  # over a removed bio
            continue
        if kinds[following] is not None:
            continue
        text, bio_text = view.original(position), view.original(following)
        if (
            bio_text.startswith(text + " ")  # cheap: tried first, on every line
            and is_person_name(text)
            and not view.touched(position)
            and not view.touched(following)
            and _reads_as_bio(view, following)
        ):
            name_led.append((position, following))
    if len(name_led) != 1:
        return found
    name, bio = name_led[0]
    after = bio + 1
    if after < len(kinds) and kinds[after] is None and view.original_line(after).paragraph:
        return found
    found.append(_box_proposal(view, name))
    found.append(_box_proposal(view, bio, name))
    return found


def _names_a_bio(view: View, name: int, bio: int) -> bool:
    """Whether kept line ``name`` is a person's name over a bio that a rule (not a box
    header) removed: "Isabella Beyer" over "Als Redakteurin betreue ich den Blog …"."""
    return (
        not view.touched(name) and is_person_name(view.original(name)) and _reads_as_bio(view, bio)
    )


def _box_after_header(view: View, kinds: Sequence[Kind | None], header: int) -> list[Proposal]:
    line = _next_kept(view, kinds, header)
    if line is None:
        return []
    found: list[Proposal] = []
    text = view.original(line)
    if is_person_name(text):
        # The bio under the name: kept, or already removed by a bio rule.
        removed_bio = line + 1 < len(kinds) and kinds[line + 1] is Kind.AUTHOR_BLURB
        bio = line + 1 if removed_bio else _next_kept(view, kinds, line)
        if bio is None or not _names_in(view, bio, text):
            return []
        found.append(_box_proposal(view, line, header, author=text))
        if removed_bio:
            return found
        line = bio
    if _reads_as_bio(view, line):
        found.append(_box_proposal(view, line, header))
    return found


def _next_kept(view: View, kinds: Sequence[Kind | None], position: int) -> int | None:
    """The next line after ``position`` that nothing has touched, past at most
    ``_BOX_MAX_SKIPPED`` removed lines; ``None`` when there is none."""
    for index in range(position + 1, min(len(kinds), position + _BOX_MAX_SKIPPED + 2)):
        if kinds[index] is None:
            return None if view.touched(index) else index
    return None


def _names_in(view: View, bio: int, name: str) -> bool:
    """Whether a bio mentions ``name``, in full or by the first name ("Martin has …")."""
    return _reads_as_bio(view, bio) and name.split()[0] in view.original(bio)


def _reads_as_bio(view: View, index: int) -> bool:
    """One paragraph of prose: a sentence, or words enough to be one without its full stop."""
    line = view.original_line(index)
    return len(line.text) <= _BIO_MAX_CHARS and (line.clause_end or line.words >= _BIO_MIN_WORDS)


def _box_proposal(
    view: View, index: int, trigger: int | None = None, author: str | None = None
) -> Proposal:
    fields = (("authors", author),) if author is not None else ()
    return view.whole(index, Kind.AUTHOR_BLURB, AUTHOR_BOX_RULE, fields, trigger)
