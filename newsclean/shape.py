"""Cheap facts about the shape of a line: word counts, headline-likeness, sentence ends.

:func:`measure` reads a line once for all of them; the predicates below are the same
facts one at a time. Steps read them from the line table (:mod:`newsclean.lines`), which
measures each distinct line once.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsclean.typography import (
    CLAUSE_ENDS,
    CLOSERS,
    ENTRY_MARKS,
    LINK_SEPARATORS,
    PARAGRAPH_ENDS,
    SENTENCE_ENDS,
)

# Word counts are exact up to this many on lines short enough to be a headline (at most
# 40 words); on longer lines, up to LONG_LINE_WORDS at least (no step asks of them more).
COUNTED_WORDS = 41
LONG_LINE_WORDS = 12
# A headline has 2-40 words and at most this many characters.
HEADLINE_WORDS = 40
HEADLINE_CHARS = 250
# Scripts written without spaces: count characters instead of words.
_CHARS_PER_WORD_NO_SPACES = 2
# Han ideographs and Japanese kana: words written without spaces between them (Korean
# spaces its words). (stdlib ``re``: one character class, linear by construction.)
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# How much of a line's head is read for those scripts: far more characters than the
# largest word count asked (COUNTED_WORDS) takes in them.
_SCRIPT_HEAD_CHARS = 4_000
# A line ending like a sentence with at least this many words is prose, not chrome.
MIN_SENTENCE_WORDS = 5
# A line not ending like a sentence is prose when it is this long and has inner punctuation.
MIN_PROSE_WORDS = 25
# A line this long is text, not a label, whatever its punctuation (a calendar, a listing).
_LONG_LINE_WORDS = 40
# ... unless it is a row of links: a separator every this many words or more often.
_WORDS_PER_SEPARATOR = 8
# ... or a tag cloud: an entry mark (a colon, a dash) less than once in this many words.
_WORDS_PER_ENTRY = 12
# ... and a mark every word or two is a menu row ("Home - News - Sport - …"): an entry
# runs 2.5 words at least (written doubled, to stay in integers).
_MIN_ENTRY_WORDS_X2 = 5


class Shape(NamedTuple):
    """What :func:`measure` reads off a line."""

    words: int  # words, counted up to COUNTED_WORDS
    clause_end: bool  # ends with ".", ";", ":" or ","
    headline: bool  # title-shaped
    paragraph: bool  # reads like prose


def _is_word(token: str) -> bool:
    return (
        token.isalnum() or token[-1].isalnum() or token[0].isalnum() or any(map(str.isalnum, token))
    )


def count_words(text: str, limit: int) -> int:
    """``min(word_count(text), limit)``, reading no more of the line than it needs; in
    Chinese and Japanese, written without spaces, every two characters count as a word.

    >>> count_words("one two three four", 2)
    2
    >>> count_words("市政府通过明年预算", 40), count_words("新华社北京12月7日电", 40)
    (4, 6)
    """
    if not text.isascii():
        # The script is read off the line's head: on a longer line the count is the limit
        # either way, and a 50 MB line is not copied.
        spaced, unspaced = _UNSPACED.subn(" ", text[:_SCRIPT_HEAD_CHARS])
        if unspaced:
            words = max(unspaced // _CHARS_PER_WORD_NO_SPACES, 1)
            return min(limit, words + _count_spaced_words(spaced, limit))
    return _count_spaced_words(text, limit)


def _count_spaced_words(text: str, limit: int) -> int:
    count = 0
    rest = text
    # Each round splits off twice as many tokens as the last: a line of tokens that are
    # no words (a row of emoji) is copied a logarithmic number of times, not once per
    # ``limit`` tokens.
    chunk = limit
    while rest:
        tokens = rest.split(None, chunk)
        rest = tokens.pop() if len(tokens) > chunk else ""
        chunk *= 2
        for token in tokens:
            if (
                token.isalnum()
                or token[-1].isalnum()
                or token[0].isalnum()
                or any(map(str.isalnum, token))
            ):
                count += 1
                if count >= limit:
                    return count
    return count


def word_count(text: str) -> int:
    """Whitespace-separated tokens that contain a letter or digit.

    >>> word_count("Read more »")
    2
    """
    return sum(1 for token in text.split() if _is_word(token))


# Greek letters: in Greek, ";" is the question mark (Unicode's Greek question mark
# normalises to it). (stdlib ``re``: one character class.)
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


def _last_mark(trimmed: str) -> str:
    """The last character of ``trimmed`` (closers already stripped), a Greek ";" read
    as the question mark it is."""
    last = trimmed[-1] if trimmed else ""
    if last == ";" and _GREEK.search(trimmed, max(0, len(trimmed) - 80)):
        return "?"
    return last


def ends_with(text: str, marks: frozenset[str]) -> bool:
    """Whether the last character before closing quotes, brackets and spaces is in ``marks``
    (a Greek ";" is a question mark).

    >>> ends_with("« Il a dit non. »", frozenset("."))
    True
    >>> ends_with("Τι σημαίνει αυτό για την Ελλάδα;", frozenset("?"))
    True
    """
    return _last_mark(text.rstrip(CLOSERS)) in marks


def ends_like_sentence(text: str) -> bool:
    """Whether the line ends like a sentence: a full stop, "!", "?" or an ellipsis
    (closing quotes ignored).

    >>> ends_like_sentence("He left!"), ends_like_sentence("Well,")
    (True, False)
    """
    return ends_with(text, SENTENCE_ENDS)


def ends_like_clause(text: str) -> bool:
    """Whether the line ends with ".", ";", ":" or "," (closing quotes ignored): prose that
    stops or goes on, never a title or a button, which may end in "!" or "?".

    >>> ends_like_clause("Well,"), ends_like_clause("Who will win?")
    (True, False)
    """
    return ends_with(text, CLAUSE_ENDS)


def measure(text: str) -> Shape:
    """Every shape fact of a line, read in one go; ``words`` is exact up to
    ``COUNTED_WORDS`` on lines a headline could be, and up to ``LONG_LINE_WORDS`` (at least)
    on longer ones, which steps only ask small counts of.

    >>> measure("Markets rally on rate hopes")
    Shape(words=5, clause_end=False, headline=True, paragraph=False)
    """
    size = len(text)
    trimmed = text.rstrip(CLOSERS)
    last = _last_mark(trimmed)
    clause_end = last in CLAUSE_ENDS if last else False
    terminal = last in PARAGRAPH_ENDS if last else False
    punctuated = terminal or text.count(",") + text.count(".") + text.count(";") >= 2
    if size <= HEADLINE_CHARS:
        words = count_words(text, COUNTED_WORDS)
    else:
        # Only prose tests read a long line's count: five words make a sentence prose,
        # twenty-five an unended line with inner punctuation, forty an unpunctuated one.
        words = count_words(
            text,
            LONG_LINE_WORDS if terminal else MIN_PROSE_WORDS if punctuated else _LONG_LINE_WORDS,
        )
    headline = size <= HEADLINE_CHARS and 2 <= words <= HEADLINE_WORDS and not clause_end
    if not punctuated:
        paragraph = words >= _LONG_LINE_WORDS and _is_long_unpunctuated_text(text)
    else:
        needed = MIN_SENTENCE_WORDS if terminal else MIN_PROSE_WORDS
        counted = words
        if counted <= 2 and size >= 16:
            counted = size // _CHARS_PER_WORD_NO_SPACES
        paragraph = counted >= needed
    return Shape(words, clause_end, headline, paragraph)


def is_headline_like(
    text: str, max_words: int = HEADLINE_WORDS, max_chars: int = HEADLINE_CHARS
) -> bool:
    """A title-shaped line: 2-40 words, not ending like a clause.

    >>> is_headline_like("Les paiements en temps réel en France devraient se développer")
    True
    >>> is_headline_like("He said the talks would continue next week.")
    False
    """
    if len(text) > max_chars:
        return False
    return not ends_like_clause(text) and 2 <= count_words(text, max_words + 1) <= max_words


def is_short_label(text: str, max_words: int = 4, max_chars: int = 40) -> bool:
    """A button- or label-like line: at most a few words, no clause end.

    >>> is_short_label("Inscription"), is_short_label("The vote passed.")
    (True, False)
    """
    return (
        len(text) <= max_chars
        and 1 <= count_words(text, max_words + 1) <= max_words
        and not ends_like_clause(text)
    )


def is_paragraph_like(text: str) -> bool:
    """A line that reads like article prose: several words ending like a sentence, or long.

    >>> is_paragraph_like("The council approved the new budget on Monday after a debate.")
    True
    >>> is_paragraph_like("Politics Business Tech Sport Culture")
    False
    """
    return measure(text).paragraph


# A row of links has at least this many link separators standing between words.
LINK_ROW_SEPARATORS = 2
_SPACED_SEPARATORS = tuple(f" {mark} " for mark in LINK_SEPARATORS)


def is_link_row(text: str) -> bool:
    """Whether ``text`` is a row of links: ``LINK_SEPARATORS`` with a space on each side,
    at least ``LINK_ROW_SEPARATORS`` of them ("« Previous | Main | Next »", "Home » World
    » Story"); one is a headline's site name ("Story | Site"), and "24/7" is no separator.

    >>> is_link_row("Home » World » Rain is coming"), is_link_row("Rain is coming | Gazette")
    (True, False)
    """
    return sum(map(text.count, _SPACED_SEPARATORS)) >= LINK_ROW_SEPARATORS


def _is_long_unpunctuated_text(text: str) -> bool:
    """A long line without sentence punctuation that is still text: a listing of entries
    ("1a etapa: 10 de março – Interlagos 2a etapa: …"), not a row of links (separators
    every few words, or dashes every word or two) or a tag cloud (words and nothing
    between them)."""
    words = word_count(text)
    if words < _LONG_LINE_WORDS:
        return False
    separators = sum(text.count(mark) for mark in LINK_SEPARATORS)
    entries = sum(text.count(mark) for mark in ENTRY_MARKS)
    return (
        separators * _WORDS_PER_SEPARATOR <= words < entries * _WORDS_PER_ENTRY
        and entries * _MIN_ENTRY_WORDS_X2 <= words * 2
    )
