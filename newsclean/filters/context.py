"""The second pass: decide short, ambiguous lines from their neighbours (jusText's idea).

It reads the verdicts of the steps before it, as they stood when it started, so its own
decisions never cascade.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Document, Proposal
from newsclean.extract.names import is_person_name
from newsclean.model import Kind
from newsclean.rules.model import AUTHOR_BOX_ROLE
from newsclean.shape import (
    ends_like_sentence,
    is_headline_like,
    is_paragraph_like,
    is_short_label,
    word_count,
)

BESIDE_PROMPT_RULE = "builtin.context.button_after_prompt"
SANDWICHED_RULE = "builtin.context.label_between_removed"
AFTER_CREDIT_RULE = "builtin.context.tail_after_credit"
AUTHOR_BOX_RULE = "builtin.context.author_box"
CONTINUATION_RULE = "builtin.context.continued_line"
_ELLIPSES = ("…", "...")
TEASER_RUN_RULE = "builtin.context.headlines_with_bylines"
# Removed lines that follow a teaser's headline: its byline, timestamp or agency.
_BYLINE_KINDS = frozenset({Kind.BYLINE, Kind.CREDIT, Kind.CAPTION, Kind.DATELINE})
# Headlines each followed by a byline, this many in a row, are a list of teasers.
_TEASER_RUN_MIN = 2
# A bio is one paragraph; anything longer is article text that happens to follow.
_BIO_MAX_CHARS = 1200
# A name line is short; longer lines are not tested for a name at all.
MAX_NAME_LINE_CHARS = 60
# A bio without a final full stop still runs this many words.
_BIO_MIN_WORDS = 12
# Removed lines (social icons, "E-Mail") tolerated between an author box's parts.
_BOX_MAX_SKIPPED = 3

# Kinds whose prompts come with buttons ("Inscription", "Subscribe", "Accept").
_PROMPT_KINDS = frozenset({Kind.PAYWALL, Kind.PROMO, Kind.COOKIE})
# Page chrome: a short line with chrome on both sides is chrome too (a menu item, a label).
_CHROME_KINDS = frozenset(
    {Kind.NAVIGATION, Kind.PROMO, Kind.COOKIE, Kind.ADVERT, Kind.PAYWALL, Kind.RELATED, Kind.FOOTER}
)
_SANDWICH_MAX_WORDS = 5
# Button labels right after a prompt: "Inscription", "Register", "Accept and close".
_BUTTON_MAX_WORDS = 3
_BUTTON_MAX_CHARS = 30


class ContextFilter:
    """Button lines beside prompts, labels between removed lines, and the headline-like
    lines right after a closing credit line."""

    name = "context"

    def propose(self, doc: Document) -> Iterator[Proposal]:
        segments = doc.segments
        kinds = [doc.removed_kind(seg.index) for seg in segments]
        # The kind of the prompt a run of button labels follows, carried down the run.
        prompt: Kind | None = None
        for position, seg in enumerate(segments):
            kind = kinds[position]
            if kind is not None:
                prompt = kind if kind in _PROMPT_KINDS else None
                continue
            if doc.cuts(seg.index):
                prompt = None
                continue
            if prompt is not None and is_short_label(
                seg.text, max_words=_BUTTON_MAX_WORDS, max_chars=_BUTTON_MAX_CHARS
            ):
                yield Proposal(seg.index, seg.start, seg.end, prompt, BESIDE_PROMPT_RULE, self.name)
                continue
            prompt = None
            before = kinds[position - 1] if position > 0 else None
            after = kinds[position + 1] if position + 1 < len(segments) else None
            if (
                before in _CHROME_KINDS
                and after in _CHROME_KINDS
                and is_short_label(seg.text, max_words=_SANDWICH_MAX_WORDS, max_chars=60)
            ):
                yield Proposal(
                    seg.index, seg.start, seg.end, Kind.NAVIGATION, SANDWICHED_RULE, self.name
                )
        yield from self._tail_after_credit(doc, kinds)
        yield from _continuations(doc, kinds)
        yield from _author_boxes(doc, kinds)
        yield from _headlines_with_bylines(doc, kinds)

    def _tail_after_credit(self, doc: Document, kinds: list[Kind | None]) -> Iterator[Proposal]:
        credit_positions = [i for i, kind in enumerate(kinds) if kind is Kind.CREDIT]
        if not credit_positions:
            return
        for seg in doc.segments[credit_positions[-1] + 1 :]:
            if kinds[seg.index] is not None:
                continue
            if doc.cuts(seg.index):
                return
            if not is_headline_like(seg.text) and not is_short_label(seg.text):
                return
            if is_paragraph_like(seg.text):
                return  # "Ja? Dann lesen Sie unbedingt …!": prose, whatever its last mark
            if seg.index + 1 < len(kinds) and kinds[seg.index + 1] is Kind.BYLINE:
                return  # a headline over its byline starts an article
            yield Proposal(seg.index, seg.start, seg.end, Kind.FOOTER, AFTER_CREDIT_RULE, self.name)


def _continuations(doc: Document, kinds: list[Kind | None]) -> Iterator[Proposal]:
    """A line that opens with an ellipsis right after a removed line that ends with one
    continues it ("Mäscot auf Facebook…" / "…und anderem Web 2.0 Gedöns."): it goes with
    the same kind."""
    segments = doc.segments
    for position in range(1, len(kinds)):
        kind, before = kinds[position], kinds[position - 1]
        if kind is not None or before is None:
            continue
        text = segments[position].text
        if (
            text.startswith(_ELLIPSES)
            and segments[position - 1].text.endswith(_ELLIPSES)
            and not doc.cuts(position)
        ):
            seg = segments[position]
            yield Proposal(
                position, seg.start, seg.end, before, CONTINUATION_RULE, ContextFilter.name
            )


def _author_boxes(doc: Document, kinds: list[Kind | None]) -> Iterator[Proposal]:
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
                yield from _box_after_header(doc, kinds, position)
            continue
        following = position + 1
        if following == len(kinds):
            continue
        if kinds[following] is Kind.AUTHOR_BLURB and _names_a_bio(doc, position, following):
            yield _box_proposal(doc, position)  # the name over a bio a rule removed
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
    yield _box_proposal(doc, name)
    yield _box_proposal(doc, bio)


def _names_a_bio(doc: Document, name: int, bio: int) -> bool:
    """Whether kept line ``name`` is a person's name over a bio that a rule (not a box
    header) removed: "Isabella Beyer" over "Als Redakteurin betreue ich den Blog …"."""
    text = doc.segments[name].text
    return (
        len(text) <= MAX_NAME_LINE_CHARS
        and not doc.cuts(name)
        and is_person_name(text)
        and _reads_as_bio(doc.segments[bio].text)
    )


def _box_after_header(doc: Document, kinds: list[Kind | None], header: int) -> Iterator[Proposal]:
    line = _next_kept(doc, kinds, header, max_skipped=_BOX_MAX_SKIPPED)
    if line is None:
        return
    text = doc.segments[line].text
    if is_person_name(text):
        bio = _next_kept(doc, kinds, line, max_skipped=_BOX_MAX_SKIPPED)
        if bio is None or not _names_in(doc.segments[bio].text, text):
            return
        yield _box_proposal(doc, line, author=text)
        line, text = bio, doc.segments[bio].text
    if _reads_as_bio(text):
        yield _box_proposal(doc, line)


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


def _box_proposal(doc: Document, index: int, author: str | None = None) -> Proposal:
    seg = doc.segments[index]
    fields = (("authors", author),) if author is not None else ()
    return Proposal(
        index, seg.start, seg.end, Kind.AUTHOR_BLURB, AUTHOR_BOX_RULE, ContextFilter.name, fields
    )


def _headlines_with_bylines(doc: Document, kinds: list[Kind | None]) -> Iterator[Proposal]:
    """Teaser lists: headline-like lines each followed by removed bylines or timestamps,
    one right after another ("Russia: strikes on Syria wrong move" / "By REUTERS" /
    "11/20/2019 10:08 AM" / "11 dead in …" / …).

    A pair whose byline is followed by prose is the article's own headline and stays.
    """
    segments = doc.segments
    run: list[int] = []
    follows = -1  # where the last pair of the run ends
    for position, kind in enumerate(kinds):
        if kind is not None or position < follows:
            continue
        end = position + 1
        while end < len(kinds) and kinds[end] in _BYLINE_KINDS:
            end += 1
        is_pair = (
            end > position + 1
            and not doc.cuts(position)
            and is_headline_like(segments[position].text)
        )
        if is_pair and (not run or position == follows):
            run.append(position)
            follows = end
            continue
        yield from _teaser_run(doc, kinds, run, follows)
        run, follows = ([position], end) if is_pair else ([], -1)
    yield from _teaser_run(doc, kinds, run, follows)


def _teaser_run(
    doc: Document, kinds: list[Kind | None], run: list[int], end: int
) -> Iterator[Proposal]:
    if len(run) < _TEASER_RUN_MIN:
        return
    after = doc.segments[end].text if end < len(kinds) and kinds[end] is None else ""
    if after and is_paragraph_like(after):
        run = run[:-1]  # the article's headline and byline, then its first paragraph
    if len(run) < _TEASER_RUN_MIN:
        return
    for index in run:
        seg = doc.segments[index]
        yield Proposal(
            index,
            seg.start,
            seg.end,
            Kind.RELATED,
            TEASER_RUN_RULE,
            ContextFilter.name,
            (("related", seg.text),),
        )
