"""Cheap facts about the shape of a line: word counts, headline-likeness, sentence ends."""

from __future__ import annotations

import functools

from newsclean.typography import (
    CLAUSE_ENDS,
    CLOSERS,
    ENTRY_MARKS,
    LINK_SEPARATORS,
    PARAGRAPH_ENDS,
    SENTENCE_ENDS,
)


def word_count(text: str) -> int:
    """Whitespace-separated tokens that contain a letter or digit.

    >>> word_count("Read more »")
    2
    """
    return sum(1 for token in text.split() if token.isalnum() or any(ch.isalnum() for ch in token))


def count_words(text: str, limit: int) -> int:
    """``min(word_count(text), limit)``, stopping as soon as ``limit`` words are seen.

    >>> count_words("one two three four", 2)
    2
    """
    count = 0
    for token in text.split():
        if token.isalnum() or any(ch.isalnum() for ch in token):
            count += 1
            if count >= limit:
                break
    return count


def ends_with(text: str, marks: frozenset[str]) -> bool:
    """Whether the last character before closing quotes, brackets and spaces is in ``marks``.

    >>> ends_with("« Il a dit non. »", frozenset("."))
    True
    """
    trimmed = text.rstrip(CLOSERS)
    return bool(trimmed) and trimmed[-1] in marks


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


# The default word limit of a headline; answers for it are memoised.
_HEADLINE_WORDS = 40


def is_headline_like(text: str, max_words: int = _HEADLINE_WORDS, max_chars: int = 250) -> bool:
    """A title-shaped line: 2-40 words, not ending like a sentence.

    >>> is_headline_like("Les paiements en temps réel en France devraient se développer")
    True
    >>> is_headline_like("He said the talks would continue next week.")
    False
    """
    if len(text) > max_chars:
        return False
    if max_words == _HEADLINE_WORDS:
        return _headline_like_memo(text)
    return _headline_like(text, max_words)


@functools.lru_cache(maxsize=8192)
def _headline_like_memo(text: str) -> bool:
    """Memoised answers for the default word limit, which layout asks about repeatedly."""
    return _headline_like(text, _HEADLINE_WORDS)


def _headline_like(text: str, max_words: int) -> bool:
    return not ends_like_clause(text) and 2 <= count_words(text, max_words + 1) <= max_words


def is_short_label(text: str, max_words: int = 4, max_chars: int = 40) -> bool:
    """A button- or label-like line: at most a few words, no sentence end.

    >>> is_short_label("Inscription"), is_short_label("The vote passed.")
    (True, False)
    """
    return (
        len(text) <= max_chars and 1 <= word_count(text) <= max_words and not ends_like_clause(text)
    )


# Scripts written without spaces: count characters instead of words.
_CHARS_PER_WORD_NO_SPACES = 2
# A line ending like a sentence with at least this many words is prose, not chrome.
MIN_SENTENCE_WORDS = 5
# A line not ending like a sentence is prose when it is this long and has inner punctuation.
MIN_PROSE_WORDS = 25


def is_paragraph_like(text: str) -> bool:
    """A line that reads like article prose (see :func:`_paragraph_like`); memoised for
    lines of ordinary length, which the layout step asks about more than once."""
    if len(text) <= _MEMO_MAX_CHARS:
        return _paragraph_like_memo(text)
    return _paragraph_like(text)


# A line this long is text, not a label, whatever its punctuation (a calendar, a listing).
_LONG_LINE_WORDS = 40
# ... unless it is a row of links: a separator every this many words or more often.
_WORDS_PER_SEPARATOR = 8
# ... or a tag cloud: an entry mark (a colon, a dash) less than once in this many words.
_WORDS_PER_ENTRY = 12
# ... and a mark every word or two is a menu row ("Home - News - Sport - …"): an entry
# runs 2.5 words at least (written doubled, to stay in integers).
_MIN_ENTRY_WORDS_X2 = 5
# Memoise answers for lines up to this long; the memo then holds at most a few MB.
_MEMO_MAX_CHARS = 1000


def _is_long_unpunctuated_text(text: str) -> bool:
    """A long line without sentence punctuation that is still text: a listing of entries
    ("1a etapa: 10 de março – Interlagos 2a etapa: …"), not a row of links (separators
    every few words, or dashes every word or two) or a tag cloud (words and nothing
    between them)."""
    if count_words(text, _LONG_LINE_WORDS) < _LONG_LINE_WORDS:
        return False
    words = word_count(text)
    separators = sum(text.count(mark) for mark in LINK_SEPARATORS)
    entries = sum(text.count(mark) for mark in ENTRY_MARKS)
    return (
        separators * _WORDS_PER_SEPARATOR <= words < entries * _WORDS_PER_ENTRY
        and entries * _MIN_ENTRY_WORDS_X2 <= words * 2
    )


@functools.lru_cache(maxsize=8192)
def _paragraph_like_memo(text: str) -> bool:
    return _paragraph_like(text)


def _paragraph_like(text: str) -> bool:
    """A line that reads like article prose: several words ending like a sentence, or long.

    >>> is_paragraph_like("The council approved the new budget on Monday after a debate.")
    True
    >>> is_paragraph_like("Politics Business Tech Sport Culture")
    False
    """
    terminal = ends_with(text, PARAGRAPH_ENDS)
    if not terminal and sum(text.count(mark) for mark in ",.;") < 2:
        return _is_long_unpunctuated_text(text)
    needed = MIN_SENTENCE_WORDS if terminal else MIN_PROSE_WORDS
    words = count_words(text, max(needed, 3))
    if words <= 2 and len(text) >= 16:
        words = len(text) // _CHARS_PER_WORD_NO_SPACES
    return words >= needed
