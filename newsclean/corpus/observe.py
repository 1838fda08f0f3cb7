"""What the pipeline did to each line of one page: the raw material of corpus learning.

A page is cleaned once with the pipeline learning runs on; each non-blank line of its
source becomes a :class:`LineSeen`: the line, the form it is counted under across pages
(its :func:`line_key`), where it lies (before, inside or after the kept article text) and
what removed it, if anything. The page's long kept lines are hashed into a fingerprint, so
that two copies of one story (a page crawled twice, a syndicated article) count once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

import regex

from newsclean.limits import DEFAULT_LINE_RULE_CHARS, REGEX_TIMEOUT
from newsclean.model import CleanResult
from newsclean.rules.model import phrase_key
from newsclean.segment import segment
from newsclean.shape import measure

# Runs of digits, masked so that "3 comments" and "12 comments" are one line.
_DIGITS = regex.compile(r"\d+")
# A kept line of at least this many words is prose: it goes into the page's fingerprint.
FINGERPRINT_WORDS = 12
# Templates: what stands for a run of capitalised words, and what a template needs.
SLOT = "\u2423"
TEMPLATE_PREFIX = "template: "
TEMPLATE_FIXED_WORDS = 2
TEMPLATE_MAX_WORDS = 30


class Position(StrEnum):
    """Where a line lies on its page, relative to the article text the pipeline kept."""

    BEFORE = "before"
    INSIDE = "inside"
    AFTER = "after"


# What removed a line: the step and the rule (``KEPT`` when the line stayed).
KEPT = ""


@dataclass(frozen=True, slots=True)
class LineSeen:
    """One line of one page: its text, its counting key, its words, where it lies and the
    step, rule and kind of the removal that took it (``KEPT`` for all three when it stayed)."""

    text: str
    key: str
    words: int
    position: Position
    step: str
    rule: str
    kind: str
    # The line's template (:func:`template_key`), when it has one.
    template: str | None = None


@dataclass(frozen=True, slots=True)
class PageSeen:
    """The lines of one page worth counting and its story fingerprint."""

    lines: tuple[LineSeen, ...]
    fingerprint: frozenset[int]


def line_key(text: str) -> str | None:
    """The form a line is counted under: its phrase key with runs of digits masked;
    ``None`` for a line no learned rule could be (no letters, or too long to be a line
    rule).

    >>> line_key("  12 Comments »"), line_key("3 comments")
    ('0 comments', '0 comments')
    >>> line_key("* * *") is None
    True
    """
    if len(text) > DEFAULT_LINE_RULE_CHARS:
        return None
    key = phrase_key(text)
    if not any(map(str.isalpha, key)):
        return None
    return _DIGITS.sub("0", key, timeout=REGEX_TIMEOUT)


def template_key(text: str) -> str | None:
    """The line with each run of capitalised words as one slot and digits masked, so that
    "by Dharmesh Shah on December 4, 2010" and "by Ed Fry on May 9, 2011" are one line;
    ``None`` unless at least ``TEMPLATE_FIXED_WORDS`` lower-case words stay fixed.

    >>> template_key("by Ed Fry on May 9, 2011 at 7:08 am. Reply #")
    'template: by ␣ on ␣ 0, 0 at 0:0 am. ␣ #'
    >>> template_key("Markets Rally On Rate Hopes") is None
    True
    """
    if len(text) > DEFAULT_LINE_RULE_CHARS:
        return None
    pieces = template_pieces(text)
    if sum(len(words.split()) for _, words in pieces) > TEMPLATE_MAX_WORDS:
        return None
    out: list[str] = []
    fixed = 0
    for is_slot, word in pieces:
        if is_slot:
            out.append(SLOT)
            continue
        masked = _DIGITS.sub("0", word.casefold(), timeout=REGEX_TIMEOUT)
        out.append(masked)
        if any(map(str.isalpha, masked)):
            fixed += 1
    if fixed < TEMPLATE_FIXED_WORDS or SLOT not in out:
        return None
    return TEMPLATE_PREFIX + " ".join(out)


def template_pieces(text: str) -> list[tuple[bool, str]]:
    """A line's words as template pieces, ``(is_slot, text)``: each run of capitalised
    words is one slot, every other word a piece of its own.

    >>> template_pieces("by Ed Fry on May 9")
    [(False, 'by'), (True, 'Ed Fry'), (False, 'on'), (True, 'May'), (False, '9')]
    """
    pieces: list[tuple[bool, str]] = []
    for word in text.split():
        if not word[0].isupper():
            pieces.append((False, word))
        elif pieces and pieces[-1][0]:
            pieces[-1] = (True, pieces[-1][1] + " " + word)
        else:
            pieces.append((True, word))
    return pieces


def observe(result: CleanResult) -> PageSeen:
    """The lines of a cleaned page, each with its place and what removed it.

    A line counts as removed when removals cover all of its text (the rule of the widest
    of them is the one recorded); a partly cut line counts as kept.
    """
    source = result.source
    removals = result.removed  # sorted by start, never overlapping (CleanResult)
    segments = segment(source)
    verdicts: list[tuple[str, str, str]] = []
    cursor = 0
    for line in segments:
        while cursor < len(removals) and removals[cursor].end <= line.start:
            cursor += 1
        left: list[str] = []
        widest: tuple[int, str, str, str] = (0, KEPT, KEPT, KEPT)
        offset = line.start
        probe = cursor
        while probe < len(removals) and removals[probe].start < line.end:
            removal = removals[probe]
            start, end = max(removal.start, offset), min(removal.end, line.end)
            if end > start:
                left.append(source[offset:start])
                offset = end
                widest = max(widest, (end - start, removal.step, removal.rule, removal.kind.value))
            probe += 1
        left.append(source[offset : line.end])
        removed = widest[0] > 0 and not "".join(left).strip()
        verdicts.append(widest[1:] if removed else (KEPT, KEPT, KEPT))
    kept = [index for index, verdict in enumerate(verdicts) if verdict[0] == KEPT]
    first, last = (kept[0], kept[-1]) if kept else (len(segments), len(segments))
    lines: list[LineSeen] = []
    fingerprint: set[int] = set()
    for index, line in enumerate(segments):
        step, rule, kind = verdicts[index]
        words = measure(line.text)[0]
        if step == KEPT and words >= FINGERPRINT_WORDS:
            fingerprint.add(_hash(line.text))
        key = line_key(line.text)
        if key is None:
            continue
        position = (
            Position.BEFORE
            if index < first
            else Position.AFTER
            if index > last
            else Position.INSIDE
        )
        lines.append(
            LineSeen(line.text, key, words, position, step, rule, kind, template_key(line.text))
        )
    return PageSeen(tuple(lines), frozenset(fingerprint))


def _hash(text: str) -> int:
    digest = hashlib.blake2b(
        " ".join(text.split()).casefold().encode("utf-8", "replace"), digest_size=8
    )
    return int.from_bytes(digest.digest(), "big")
