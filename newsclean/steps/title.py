"""The article's headline: the headline-shaped line right before the article body.

The step that finds where the article starts (layout, or the line model in its place)
asks :func:`title_line` for the headline above that start, and removes it as ``title``
(or, with ``keep_title``, records it and leaves it in the text). Metadata reads it as
``metadata.title``.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Container

import regex

from newsclean.extract.bylines import is_labelled_dated_byline
from newsclean.extract.dates import after_opening_date, is_date_line, is_labelled_date
from newsclean.learned.title_model import default_title_model
from newsclean.limits import REGEX_TIMEOUT
from newsclean.lines import Line
from newsclean.model import Kind
from newsclean.rules.model import Role
from newsclean.shape import is_link_row
from newsclean.typography import QUOTES
from newsclean.view import Annotation, Proposal, View, field_of

TITLE_RULE = "builtin.title.headline"
# How many kept lines above the article's first paragraph the headline may be (the others
# short labels); lines other steps removed (a byline, a date, a caption) are passed over.
MAX_LINES_ABOVE = 8
# A headline has at least this many words ("Politics" is a section label; two-word lines
# such as "World News" are candidates too, and the model weighs their shape).
MIN_TITLE_WORDS = 2
# Lines other steps removed that may still be the headline: a copy of it the page repeats,
# a headline cut under a related header, a line a navigation rule took.
CANDIDATE_KINDS = frozenset({Kind.DUPLICATE, Kind.RELATED, Kind.NAVIGATION})
# Lines removed by other steps in between are passed over, up to this many in all.
MAX_REMOVED_ABOVE = 40
# Candidates at most this many lines apart are a pair (a headline and its dek).
PAIR_LINES = 2
# A label before a colon is at most this long ("Recommended: …").
MAX_LABEL_CHARS = 40
_CLOSING_BRACKETS = {"(": ")", "[": "]", "{": "}"}
# A headline's words come back in the article under it (a dek or a teaser's far less):
# the share of a candidate's content words (of at least four letters) found in the
# ``ECHO_LINES`` lines below it, and in those above it, are two of its features.
ECHO_LINES = 30
# (stdlib ``re``: one character class repeated, linear by construction.)
_CONTENT_WORD = re.compile(r"\w{4,}")
# A sentence's end followed by the next sentence's capital, inside a line.
_INNER_SENTENCE_END = regex.compile(r"[.?!…][\"'»”’)]?\s+[\"'«„“‘(]?\p{Lu}")


def candidates(
    view: View,
    first: int,
    stop_at: Container[int] = (),
    passable: Container[int] = (),
    with_first: bool = False,
) -> list[tuple[int, tuple[float, ...]]]:
    """The headline candidates above line ``first`` (the article's first paragraph) and
    their features (:data:`~newsclean.learned.title_model.TITLE_FEATURES`): going up at
    most ``MAX_LINES_ABOVE`` kept lines and ``MAX_REMOVED_ABOVE`` removed ones, the
    headline-shaped lines of ``MIN_TITLE_WORDS`` words or more that are no date line; a
    line in ``stop_at`` (a teaser's, one the caller keeps) ends the search, and so does a
    kept line that is neither a headline nor a short label, unless it is ``passable`` (one
    the caller removes: it counts as removed).

    ``with_first``: line ``first`` is a candidate too, when it is headline-shaped and
    some line stands above it (a headline that ends with "?" or "!" reads as the first
    paragraph); on the page's first line it never is, so cleaning the output again does
    not take its lead for a headline.

    The candidates are lines above the article's start (or that start itself), which
    the caller removes (or, in precision, leaves alone): the next pass finds none there,
    so cleaning stays idempotent.
    """
    found: list[tuple[int, int, int]] = []  # index, kept lines above first, lines above
    kept = removed = 0
    for index in range(first - 1, -1, -1):
        is_removed = view.removed(index)
        passing = index in passable
        if (is_removed and view.kind(index) is not Kind.DUPLICATE) or passing:
            removed += 1
            if removed > MAX_REMOVED_ABOVE:
                break
        else:
            kept += 1
            if kept > MAX_LINES_ABOVE or index in stop_at:
                break
        if is_removed and view.kind(index) not in CANDIDATE_KINDS:
            continue  # a caption, a prompt, a credit line: never the headline
        line = view.original_line(index) if is_removed else view.line(index)
        if (
            is_date_line(line.text, view.language)
            or _is_byline_or_date_label(line.text, view.language)
            or _bracketed(line.text)
            or is_tag_list(line.text)
            or _ends_in_credit(line.text)
            or _under_header_label(view, line.text)
            or _is_header(view, line.text)
        ):
            continue
        if headline_shaped(line):
            found.append((index, kept, first - index))
        elif not is_removed and not passing and not line.short_label():
            break
    anchor = (
        with_first
        and 0 < first < len(view)
        and not view.removed(first)
        and headline_shaped(view.line(first))
        and not is_date_line(view.text(first), view.language)
        and not _is_byline_or_date_label(view.text(first), view.language)
        and not has_inner_sentence_end(view.text(first))
    )
    if anchor:
        found.insert(0, (first, 0, 0))
    if not found:
        return []
    longest = max(len(view.original(index)) for index, _, _ in found)
    keys = _repeat_keys(view)
    places = sorted(index for index, _, _ in found)
    content = _ContentWords(view, places, places[0] - ECHO_LINES, places[-1] + 1 + ECHO_LINES)
    rows: list[tuple[int, tuple[float, ...]]] = []
    # ``rank`` 0 is the nearest candidate above ``first``; the start itself, when it is
    # one, is ranked before it (-1), so "nearest" keeps its meaning.
    for rank, (index, kept_above, lines_above) in enumerate(found, start=-1 if anchor else 0):
        # A headline and its dek stand one under the other: which of a pair is this?
        place = places.index(index)
        pair_above = place > 0 and index - places[place - 1] <= PAIR_LINES
        pair_below = place + 1 < len(places) and places[place + 1] - index <= PAIR_LINES
        text = view.original(index)
        words = text.split()
        # The kept line under the candidate (for the others, at most ``first``).
        below = next((i for i in range(index + 1, len(view)) if not view.removed(i)), None)
        line = view.original_line(index)
        rows.append(
            (
                index,
                (
                    kept_above / MAX_LINES_ABOVE,
                    lines_above / MAX_REMOVED_ABOVE,
                    math.log1p(len(text)),
                    math.log1p(len(words)),
                    float(view.removed(index)),
                    float(view.kind(index) is Kind.DUPLICATE),
                    float(view.kind(index) is Kind.RELATED),
                    float(index in stop_at),
                    float(any(mark in text for mark in "|·•∙")),
                    float(":" in text),
                    sum(word[:1].isupper() for word in words) / len(words),
                    float(any(char.isdigit() for char in text)),
                    float(keys.get(line.repeat_key, 0) > 1),
                    float(rank == 0),
                    float(len(text) == longest),
                    float(text.endswith(("?", "!"))),
                    float(below is not None and view.line(below).paragraph),
                    float(index > 0 and view.removed(index - 1)),
                    float(index == first),
                    float(pair_above),
                    float(pair_below),
                    content.echo(index, index + 1, index + 1 + ECHO_LINES),
                    content.echo(index, index - ECHO_LINES, index),
                ),
            )
        )
    return rows


class _ContentWords:
    """Where the candidates' content words stand among lines ``start:stop`` of the page as
    written (removed ones too), read once; a line's words are kept on its :class:`Line`
    (measured once per text)."""

    def __init__(self, view: View, candidates: list[int], start: int, stop: int) -> None:
        self._view = view
        wanted = frozenset().union(*(_line_words(view.original_line(i)) for i in candidates))
        self._places: dict[str, list[int]] = {word: [] for word in wanted}
        for index in range(max(start, 0), min(stop, len(view))):
            for word in _line_words(view.original_line(index)) & wanted:
                self._places[word].append(index)  # in order: lines are read top to bottom

    def echo(self, index: int, start: int, stop: int) -> float:
        """The share of candidate ``index``'s content words that lines ``start:stop`` hold
        (within the lines read)."""
        own = _line_words(self._view.original_line(index))
        if not own:
            return 0.0
        found = 0
        for word in own:
            places = self._places[word]
            at = bisect_left(places, start)
            found += at < len(places) and places[at] < stop
        return found / len(own)


def _line_words(line: Line) -> frozenset[str]:
    found = line.content_words
    if found is None:
        found = line.content_words = content_words(line.text)
    return found


def content_words(text: str) -> frozenset[str]:
    """The words of at least four letters or digits in ``text``, case-folded.

    >>> sorted(content_words("Council approves the new budget"))
    ['approves', 'budget', 'council']
    """
    return frozenset(_CONTENT_WORD.findall(text.casefold()))


def has_inner_sentence_end(text: str) -> bool:
    """Whether a sentence ends inside ``text`` and another begins: a headline is one
    sentence, so the first paragraph is a headline candidate only when it is one too
    (taking a paragraph for the headline would remove article text).

    >>> has_inner_sentence_end("Ist die Inklusion im Kapitalismus umsetzbar?")
    False
    >>> has_inner_sentence_end("Rain is coming. Farmers wait for it.")
    True
    """
    try:
        return _INNER_SENTENCE_END.search(text.rstrip(), timeout=REGEX_TIMEOUT) is not None
    except TimeoutError:
        return True


def _is_byline_or_date_label(text: str, language: str | None) -> bool:
    """Whether ``text`` is a byline or a publication label with its date ("by Lee
    Hutchinson - Nov 9, 2012 5:30 pm UTC", "Veröffentlicht am 03.02.2022 von Sarah
    Schnieder"): it says who wrote the article and when, never what it is called."""
    return is_labelled_date(text, language) or is_labelled_dated_byline(text, language)


def _bracketed(text: str) -> bool:
    """Whether ``text`` is wholly in brackets, an aside ("(copyright: Getty Images)",
    "{ 2 comments… read them below or add one }"): no headline is written so."""
    closer = _CLOSING_BRACKETS.get(text[:1])
    return closer is not None and text.endswith(closer)


# A tag list: this many comma-separated entries or more, of few words each on average.
TAG_LIST_ENTRIES = 4
TAG_ENTRY_WORDS = 1.5


def is_tag_list(text: str) -> bool:
    """Whether ``text`` is a list of tags ("amiga, dogs, floppy, Hunde, Hundeleben"): no
    headline lists four or more entries of a word or two.

    >>> is_tag_list("amiga, dogs, floppy, Hunde, Hundeleben, Mesty")
    True
    >>> is_tag_list("Rain, wind and snow: what the storm brings to Berlin, Hamburg and Bremen")
    False
    """
    entries = text.split(",")
    if len(entries) < TAG_LIST_ENTRIES:
        return False
    return sum(len(entry.split()) for entry in entries) <= TAG_ENTRY_WORDS * len(entries)


# A photo credit in brackets at a line's end: a name or agency with a slash, a copyright
# sign or a domain ("(mlharing / iStock.com)", "(© dpa)").
_CREDIT_IN_BRACKETS = regex.compile(r"\([^()]{2,60}(?:/|©|\.com\b)[^()]{0,40}\)\s*$")


def _ends_in_credit(text: str) -> bool:
    """Whether ``text`` ends with a photo credit in brackets: a caption, never a headline
    ("Das Hermelin ist im Winter gut getarnt. (mlharing / iStock.com)")."""
    try:
        return _CREDIT_IN_BRACKETS.search(text, timeout=REGEX_TIMEOUT) is not None
    except TimeoutError:
        return False


def _is_header(view: View, text: str) -> bool:
    """Whether ``text`` is a section header's phrase ("Top Stories", "Latest News", "Mehr
    zum Thema"): a rule with the ``header`` role names it, so it heads other stories and
    is never the article's own headline."""
    phrases = view.rules_for_text(text).phrases
    return any(rule.role is Role.HEADER for rule in phrases.values())


def _under_header_label(view: View, text: str) -> bool:
    """Whether ``text`` is a teaser under a related header's word and a colon
    ("Recommended: Man with baggy pants booted from plane"): the label is a phrase of a
    rule with the ``header`` role."""
    label, colon, rest = text.partition(":")
    if not colon or not rest.strip() or len(label) > MAX_LABEL_CHARS:
        return False
    return _is_header(view, label)


def headline_shaped(line: Line) -> bool:
    """Whether ``line`` has a headline's shape and length (date lines aside, a title
    candidate when it stands above the article); a row of links ("« Previous post | Main |
    Next post »", a breadcrumb) is none.

    >>> headline_shaped(Line("Council approves the new budget"))
    True
    >>> headline_shaped(Line("« Council approves the budget | Main | Rain is coming »"))
    False
    """
    return line.headline and line.words >= MIN_TITLE_WORDS and not is_link_row(line.text)


def _repeat_keys(view: View) -> dict[str | None, int]:
    counts: dict[str | None, int] = {}
    for index in range(len(view)):
        key = view.original_line(index).repeat_key
        counts[key] = counts.get(key, 0) + 1
    return counts


def title_line(
    view: View,
    first: int,
    stop_at: Container[int] = (),
    passable: Container[int] = (),
    with_first: bool = False,
) -> int | None:
    """The line of the headline above line ``first`` (or, ``with_first``, that line): the
    candidate that another line of the page names as the title (a comment thread's heading:
    "11 Antworten zu “Title”"), else the candidate the shipped title model scores highest,
    when its probability reaches the model's threshold (without a model, the nearest
    candidate)."""
    rows = candidates(view, first, stop_at, passable, with_first)
    if not rows:
        return None
    named = _named_titles(view)
    if named:
        for index, _ in rows:
            if _folded(headline_text(view.original(index), view.language)) in named:
                return index
    model = default_title_model()
    if model is None:
        return rows[0][0]
    best, probability = max(
        ((index, model.probability(row)) for index, row in rows), key=lambda item: item[1]
    )
    return best if probability >= model.threshold else None


def _named_titles(view: View) -> frozenset[str]:
    """The titles that the lines removed so far name (their rules' ``title`` field),
    folded as :func:`_folded`."""
    named = set()
    for index in range(len(view)):
        for cut in view.cuts(index):
            title = field_of(cut.fields, "title")
            if title:
                named.add(_folded(title))
    return frozenset(named)


def _folded(text: str) -> str:
    """``text`` as titles are compared: quotes around it, case and spacing aside."""
    return " ".join(text.strip(QUOTES + " ").split()).casefold()


# A clip's length glued to the headline's last word: "… sommé de démissionner4:22".
_GLUED_LENGTH = regex.compile(r"(?<=\p{L})\d{1,2}:\d{2}$")


def headline_text(text: str, language: str | None = None) -> str:
    """The headline line as ``metadata.title``: without a date it opens with or a clip
    length glued to its end (the line itself is removed whole).

    >>> headline_text("1. Februar 2022 Bundesministerin Raab: Neue Rahmenbedingungen", "de")
    'Bundesministerin Raab: Neue Rahmenbedingungen'
    >>> headline_text("Le ministre de la Santé sommé de démissionner4:22", "fr")
    'Le ministre de la Santé sommé de démissionner'
    """
    title = after_opening_date(text, language) or text
    try:
        return _GLUED_LENGTH.sub("", title, timeout=REGEX_TIMEOUT) or title
    except TimeoutError:
        return title


def title_verdict(view: View, index: int, keep: bool) -> Proposal | Annotation:
    """The verdict on the headline line: a removal of kind ``title``, or with ``keep`` an
    annotation that records it and leaves it in the text."""
    removed = view.removed(index)  # already removed as a duplicate: only recorded
    line = view.original(index) if removed else view.text(index)
    fields = (("title", headline_text(line, view.language)),)
    if not keep and not removed:
        return view.whole(index, Kind.TITLE, TITLE_RULE, fields)
    return Annotation(index, 0, len(view.original(index)), Kind.TITLE, TITLE_RULE, fields)
