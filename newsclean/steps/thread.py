"""Reader-comment threads, told by their stamps: a short line holding a name and a date
with its time of day, in the same frame again and again ("Tim Worstall 11.06.12 at 11:06
am", "Posted by: Jane | November 02, 2012 at 04:42 AM", "1 Marrije Says: November 7th,
2012 at 9:42 pm", "Kritischer Kritiker sagt: 3. November 2023 um 20:14 Uhr"), or a name
and the verb that heads a comment ("Peter Bromberg wrote:", "Ramón dijo:": the universal
pack's ``comment_verbs``).

One stamp is a byline; three or more in one frame, a few lines apart, naming at least
two people, are a comment thread: the stamps and every line between them go, as
comments. The frame is what the stamps share besides their names and dates: the words
and marks found in most of them ("says", "Posted by:", "| Permalink"), in order, so the
article's own byline, written in another frame, never joins its comments' thread.

Most engines put the stamp above its comment, so the last comment's text lies below the
thread's last stamp; this step takes it when a comment form or button (a line removed as
a comment or a promo), or the page's end, closes it within the length of the thread's
longest comment. Some sign comments below their text ("… Posted by: Jane | date"); there
the first comment's text lies above the first stamp, and this step takes it when it is
told: no sentence follows the last stamp, and a comment header or button stands right
above that text, which is no longer than the thread's longest comment.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from newsclean.extract.dates import stamp_span
from newsclean.limits import REGEX_TIMEOUT
from newsclean.model import Kind
from newsclean.shape import ends_like_sentence
from newsclean.view import Verdict, View

STAMP_RULE = "builtin.thread.stamp"
BODY_RULE = "builtin.thread.between_stamps"
SIGNED_RULE = "builtin.thread.signed_comment"
LAST_RULE = "builtin.thread.last_comment"

# A stamp is a short line: its date and time, and at most this many words besides.
STAMP_MAX_CHARS = 160
STAMP_MAX_WORDS = 8
# A stamp told by its comment verb is a name and the verb alone: a short line, ending
# with the verb's colon or an ellipsis.
VERB_STAMP_MAX_CHARS = 80
_VERB_ENDS = (":", "…", "...")
# This many stamps in one frame, each at most MAX_GAP lines below the one before, with
# at least two different names, make a thread.
MIN_STAMPS = 3
MAX_GAP = 15
# A word is part of the frame when it is in at least this share of the page's stamps.
FRAME_SHARE = 0.5

# A stamp's tokens: its words, and its marks one by one (a frame's ":" and "|").
_TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:['’.][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\p{N}]")
# Removed lines that head or close a comment: a thread title, a count, a comment button.
_COMMENT_FURNITURE = frozenset({Kind.COMMENT, Kind.PROMO})


@dataclass(frozen=True, slots=True)
class _Stamp:
    index: int
    # The tokens before and after the date, case-folded.
    before: tuple[str, ...]
    after: tuple[str, ...]


@functools.cache
def _comment_verb_end() -> regex.Pattern[str]:
    """A comment verb that ends a line with its colon or an ellipsis ("… wrote:")."""
    from newsclean.rules.loader import UNIVERSAL, load_pack

    verbs = sorted(load_pack(UNIVERSAL).lists.get("comment_verbs", ()), key=lambda v: (-len(v), v))
    alternation = "|".join(regex.escape(verb) for verb in verbs) or "(?!)"
    return regex.compile(rf"(?<=\S\s+)(?:{alternation})\s*(?::|\.\.\.|…)\s*$", regex.IGNORECASE)


def _stamp_span(text: str) -> tuple[int, int] | None:
    """Where a line's stamp is: its date and time; or, for a line a comment verb ends, an
    empty span at its end (the verb and its colon are then words of the frame)."""
    span = stamp_span(text)
    if span is not None or len(text) > VERB_STAMP_MAX_CHARS:
        return span
    if not text.rstrip().endswith(_VERB_ENDS):
        return None  # most lines: no colon or ellipsis at the end, no comment verb there
    try:
        found = _comment_verb_end().search(text, timeout=REGEX_TIMEOUT)
    except TimeoutError:
        return None
    return None if found is None else (len(text), len(text))


def _stamp(index: int, text: str) -> _Stamp | None:
    """The stamp on a line, if the line is one."""
    if len(text) > STAMP_MAX_CHARS:
        return None
    span = _stamp_span(text)
    if span is None:
        return None
    try:
        before = tuple(t.casefold() for t in _TOKEN.findall(text[: span[0]], timeout=REGEX_TIMEOUT))
        after = tuple(t.casefold() for t in _TOKEN.findall(text[span[1] :], timeout=REGEX_TIMEOUT))
    except TimeoutError:
        return None
    if not 1 <= sum(token.isalpha() for token in before + after) <= STAMP_MAX_WORDS:
        return None
    return _Stamp(index, before, after)


def _frame(stamp: _Stamp, frame_words: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """The frame words on either side of the date, in order."""
    return (
        tuple(w for w in stamp.before if w in frame_words),
        tuple(w for w in stamp.after if w in frame_words),
    )


def _names(stamp: _Stamp, frame_words: frozenset[str]) -> tuple[str, ...]:
    """The stamp's words outside its frame: the commenter's name."""
    return tuple(w for w in stamp.before + stamp.after if w not in frame_words and w.isalpha())


def comment_threads(view: View) -> list[list[int]]:
    """The page's comment threads: each a list of its stamps' line indexes, in order."""
    stamps = [
        stamp
        for index in range(len(view))
        if (stamp := _stamp(index, view.original(index))) is not None
    ]
    if len(stamps) < MIN_STAMPS:
        return []
    counts = Counter(w for stamp in stamps for w in set(stamp.before + stamp.after))
    needed = max(MIN_STAMPS, FRAME_SHARE * len(stamps))
    frame_words = frozenset(w for w, n in counts.items() if n >= needed)
    by_frame: dict[tuple[tuple[str, ...], ...], list[_Stamp]] = defaultdict(list)
    for stamp in stamps:
        by_frame[_frame(stamp, frame_words)].append(stamp)
    threads: list[list[int]] = []
    for group in by_frame.values():
        chain: list[_Stamp] = []
        for stamp in [*group, None]:
            if stamp is not None and (not chain or stamp.index - chain[-1].index <= MAX_GAP):
                chain.append(stamp)
                continue
            names = {_names(s, frame_words) for s in chain}
            if len(chain) >= MIN_STAMPS and len(names - {()}) >= 2:
                threads.append([s.index for s in chain])
            chain = [stamp] if stamp is not None else []
    return sorted(threads)


def _longest_comment(thread: Sequence[int]) -> int:
    """The most lines between two of the thread's stamps."""
    return max(b - a for a, b in pairwise(thread)) - 1


def last_comment(view: View, thread: Sequence[int]) -> list[int]:
    """The kept lines below the thread's last stamp, up to a removed comment form or
    button or the page's end, when they are no longer than the thread's longest comment."""
    longest = _longest_comment(thread)
    below = thread[-1] + 1
    end = min(len(view), below + longest + 1)  # a scan never passes a comment's length
    while below < end and not view.removed(below):
        below += 1
    lines = list(range(thread[-1] + 1, below))
    if len(lines) > longest:
        return []
    if below == len(view):
        return lines
    return lines if view.removed(below) and view.kind(below) in _COMMENT_FURNITURE else []


def signed_comment(view: View, thread: Sequence[int]) -> list[int]:
    """The kept lines above the thread's first stamp that are the first comment's text,
    when the thread's stamps sign the comments above them (else none)."""
    longest = _longest_comment(thread)
    after = thread[-1] + 1
    while after < min(len(view), thread[-1] + longest + 2) and view.removed(after):
        after += 1
    if after < len(view) and not view.removed(after) and ends_like_sentence(view.text(after)):
        return []  # the last stamp has a comment below it: stamps head their comments
    above = thread[0] - 1
    start = max(-1, above - longest - 1)
    while above > start and not view.removed(above):
        above -= 1
    lines = list(range(above + 1, thread[0]))
    if above < 0 or not lines or len(lines) > longest or not view.removed(above):
        return []
    return lines if view.kind(above) in _COMMENT_FURNITURE else []


class ThreadStep:
    """Removes comment threads: their stamps and the lines between them."""

    name = "thread"

    def propose(self, view: View) -> Sequence[Verdict]:
        found: dict[int, Verdict] = {}  # by line: threads of two frames may interleave

        def take(index: int, rule: str, trigger: int | None = None) -> None:
            if index not in found and not view.removed(index):
                found[index] = view.whole(index, Kind.COMMENT, rule, trigger=trigger)

        for thread in comment_threads(view):
            for index in signed_comment(view, thread):
                take(index, SIGNED_RULE, thread[0])
            stamps = set(thread)
            last_stamp = thread[0]
            for index in range(thread[0], thread[-1] + 1):
                if index in stamps:
                    last_stamp = index
                    take(index, STAMP_RULE)
                else:
                    take(index, BODY_RULE, last_stamp)
            for index in last_comment(view, thread):
                take(index, LAST_RULE, thread[-1])
        return [found[index] for index in sorted(found)]
