"""Author boxes: the writer's name line and bio, read from the lines around them.

The context step calls this with the verdicts of the steps before it: a box header that a
rule removed ("About the author"), or a bio that a rule removed, tells which kept lines
belong to the box.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Document, Proposal
from newsclean.extract.names import is_person_name
from newsclean.model import Kind
from newsclean.rules.model import AUTHOR_BOX_ROLE
from newsclean.shape import ends_like_sentence, is_paragraph_like, word_count

AUTHOR_BOX_RULE = "builtin.context.author_box"
# A bio is one paragraph; anything longer is article text that happens to follow.
_BIO_MAX_CHARS = 1200
# A bio without a final full stop still runs this many words.
_BIO_MIN_WORDS = 12
# Removed lines (social icons, "E-Mail") tolerated between an author box's parts.
_BOX_MAX_SKIPPED = 3


def author_boxes(doc: Document, kinds: list[Kind | None], step: str) -> Iterator[Proposal]:
    """The writer's name and bio in an author box.

    Two shapes: after a header line ("About the author", "Über den Autor"), an optional
    name line and one bio paragraph; without a header, a name line and a paragraph that
    opens with that full name ("Jane Doe is a reporter …"), when the pair ends a run of
    prose (chrome or a headline follows) and is the only such pair in the document
    (several pairs are a list of profiles). A name line right over a bio that a rule
    removed goes with it. Only a name under a header, that its bio repeats, becomes an
    author: a company profile has the second shape too.
    """
    segments = doc.segments
    box_rules = doc.rules.ids_with_role(AUTHOR_BOX_ROLE)
    name_led: list[tuple[int, int]] = []
    for position, kind in enumerate(kinds):
        if kind is not None:
            if box_rules and any(cut.rule in box_rules for cut in doc.cuts(position)):
                yield from _box_after_header(doc, kinds, position, step)
            continue
        following = position + 1
        if following == len(kinds):
            continue
        if kinds[following] is Kind.AUTHOR_BLURB and _names_a_bio(doc, position, following):
            yield _box_proposal(step, doc, position)  # the name over a bio a rule removed
            continue
        if kinds[following] is not None:
            continue
        text, bio_text = segments[position].text, segments[following].text
        if (
            bio_text.startswith(text + " ")  # cheap: tried first, on every line
            and is_person_name(text)
            and not doc.cuts(position)
            and not doc.cuts(following)
            and _reads_as_bio(bio_text)
        ):
            name_led.append((position, following))
    if len(name_led) != 1:
        return
    name, bio = name_led[0]
    after = bio + 1
    if after < len(kinds) and kinds[after] is None and is_paragraph_like(segments[after].text):
        return
    yield _box_proposal(step, doc, name)
    yield _box_proposal(step, doc, bio)


def _names_a_bio(doc: Document, name: int, bio: int) -> bool:
    """Whether kept line ``name`` is a person's name over a bio that a rule (not a box
    header) removed: "Isabella Beyer" over "Als Redakteurin betreue ich den Blog …"."""
    text = doc.segments[name].text
    return not doc.cuts(name) and is_person_name(text) and _reads_as_bio(doc.segments[bio].text)


def _box_after_header(
    doc: Document, kinds: list[Kind | None], header: int, step: str
) -> Iterator[Proposal]:
    line = _next_kept(doc, kinds, header, max_skipped=_BOX_MAX_SKIPPED)
    if line is None:
        return
    text = doc.segments[line].text
    if is_person_name(text):
        bio = _next_kept(doc, kinds, line, max_skipped=_BOX_MAX_SKIPPED)
        if bio is None or not _names_in(doc.segments[bio].text, text):
            return
        yield _box_proposal(step, doc, line, author=text)
        line, text = bio, doc.segments[bio].text
    if _reads_as_bio(text):
        yield _box_proposal(step, doc, line)


def _next_kept(
    doc: Document, kinds: list[Kind | None], position: int, max_skipped: int
) -> int | None:
    """The next line after ``position`` that nothing has touched, past at most
    ``max_skipped`` removed lines; ``None`` when there is none."""
    for index in range(position + 1, min(len(kinds), position + max_skipped + 2)):
        if kinds[index] is None:
            return None if doc.cuts(index) else index
    return None


def _names_in(bio: str, name: str) -> bool:
    """Whether a bio mentions ``name``, in full or by the first name ("Martin has …")."""
    return _reads_as_bio(bio) and name.split()[0] in bio


def _reads_as_bio(text: str) -> bool:
    """One paragraph of prose: a sentence, or words enough to be one without its full stop."""
    return len(text) <= _BIO_MAX_CHARS and (
        ends_like_sentence(text) or word_count(text) >= _BIO_MIN_WORDS
    )


def _box_proposal(step: str, doc: Document, index: int, author: str | None = None) -> Proposal:
    seg = doc.segments[index]
    fields = (("authors", author),) if author is not None else ()
    return Proposal(index, seg.start, seg.end, Kind.AUTHOR_BLURB, AUTHOR_BOX_RULE, step, fields)
