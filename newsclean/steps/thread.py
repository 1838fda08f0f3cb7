"""Reader-comment threads, told by their stamps: a short line holding a name and a date
with its time of day, in the same frame again and again ("Tim Worstall 11.06.12 at 11:06
am", "Posted by: Jane | November 02, 2012 at 04:42 AM", "1 Marrije Says: November 7th,
2012 at 9:42 pm", "Kritischer Kritiker sagt: 3. November 2023 um 20:14 Uhr"), or a name
and the verb that heads a comment ("Peter Bromberg wrote:", "Ramón dijo:": the universal
pack's ``comment_verbs``). Some engines write no time of day: a name and a date ("Cristine
Arroyo October 2, 2012, | Permalink") or a relative time ("Miles Taylor 12 days ago");
such a stamp holds at most a few words besides, none of them a weekday (a list of dated
teasers, "Montag | 22. Juli 2019", names nobody), and joins only threads of stamps like
it; when most of them stand right under a headline, they are a list of posts ("by Jane on
November 3, 2019" under each post's title), not a thread.

One stamp is a byline; three or more in one frame, a few lines apart, naming at least
two people, are a comment thread: the stamps and every line between them go, as
comments. The frame is what the stamps share besides their names and dates: the words
and marks found in most of them ("says", "Posted by:", "| Permalink"), in order, so the
article's own byline, written in another frame, never joins its comments' thread. A stamp
with a longer name (up to ``LONG_STAMP_MAX_WORDS`` words) joins a thread whose frame it
has, when its other words stand where the thread's names do; two threads of one frame are
one when only a comment lies between them (kept lines, none headline-shaped but
quotations): a comment longer than ``MAX_GAP`` lines had split the thread.

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
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter

import regex

from newsclean.extract.dates import first_date, is_weekday, stamp_span
from newsclean.limits import REGEX_TIMEOUT
from newsclean.model import Kind
from newsclean.shape import ends_like_sentence
from newsclean.steps.title import headline_shaped
from newsclean.typography import DASHES, HEADLINE_FREE_MARKS, OPENING_QUOTES
from newsclean.view import Verdict, View

STAMP_RULE = "builtin.thread.stamp"
BODY_RULE = "builtin.thread.between_stamps"
SIGNED_RULE = "builtin.thread.signed_comment"
LAST_RULE = "builtin.thread.last_comment"

# A stamp is a short line: its date and time, and at most this many words besides.
STAMP_MAX_CHARS = 160
STAMP_MAX_WORDS = 8
# A stamp with a longer name ("Posted by: No Dummy, But Not An SSL Expert at November 8,
# 2012 12:58 AM") joins a thread whose frame it has, on the side its names stand, up to
# this many words besides its date.
LONG_STAMP_MAX_WORDS = 16
# A stamp told by its comment verb is a name and the verb alone: a short line, ending
# with the verb's colon or an ellipsis.
VERB_STAMP_MAX_CHARS = 80
_VERB_ENDS = (":", "…", "...")
# A stamp without a time of day (a date, or a relative time) is a name and a few frame
# words ("Jamie Wayne, on November 7th, 2012 // Twitter: @jamie"): at most this many
# words besides its date; it forms threads only with stamps like it.
CLOCKLESS_STAMP_MAX_WORDS = 6
CLOCKLESS_STAMP_MAX_CHARS = 100
# Its words besides the date, and a date's own (at most four: "Monday, November 5 2012").
CLOCKLESS_STAMP_MAX_SPACES = CLOCKLESS_STAMP_MAX_WORDS + 4
# (stdlib ``re``: one character class.)
_DIGIT = re.compile(r"\d")
# A year a comment's date has (1800-2099): most numbers in a line are none (a count, an
# id: "Read more 180264"), and skip the date reader. (No look-behind: it would cost four
# times as much on every short line with a digit.)
_STAMP_YEAR = re.compile(r"(?:1[89]|20)\d\d(?!\d)")
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
    # How many words it has besides its date and time.
    words: int
    # Whether it writes no time of day (a date alone, or a relative time).
    clockless: bool = False


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


# The universal pack's rule for a relative time alone on a line ("12 days ago", "vor 3
# Stunden"): its pattern finds one inside a stamp ("Miles Taylor 12 days ago").
RELATIVE_TIME_RULE = "universal.credit.relative_time"


@functools.cache
def _relative_time() -> tuple[re.Pattern[str], regex.Pattern[str]] | None:
    """The relative-time rule's literals as one pattern (every match holds one of them,
    folded: a cheap test first) and the rule's pattern; ``None`` when the universal pack
    has no such rule."""
    from newsclean.rules.loader import UNIVERSAL, load_pack

    rule = next((r for r in load_pack(UNIVERSAL).rules if r.id == RELATIVE_TIME_RULE), None)
    if rule is None or rule.pattern is None or not rule.requires:
        return None
    return re.compile("|".join(map(re.escape, rule.requires))), rule.pattern


def _clockless_span(text: str) -> tuple[int, int] | None:
    """Where a short line writes a date with its year but no time of day ("dipitblack
    October 2, 2012, | Permalink"), or else a relative time in figures ("Miles Taylor 12
    days ago"; a thread that writes "a day ago" writes "2 days ago" too); ``None`` for an
    embedded post's attribution ("— Name (@handle) November 20, 2019"). Both hold a digit,
    and a year or one of the relative-time rule's literals: most lines have neither, and
    are refused by these tests first."""
    if len(text) > CLOCKLESS_STAMP_MAX_CHARS or _DIGIT.search(text) is None:
        return None
    dated = _STAMP_YEAR.search(text) is not None
    relative = _relative_time()
    if not dated and (relative is None or relative[0].search(text.casefold()) is None):
        return None
    if text.count(" ") > CLOCKLESS_STAMP_MAX_SPACES or text.lstrip()[:1] in DASHES or "(@" in text:
        return None
    if dated:
        found = first_date(text, None)
        if found is not None:
            return found[1], found[2]
    if relative is None:
        return None
    try:
        match = relative[1].search(text, timeout=REGEX_TIMEOUT)
    except TimeoutError:
        return None
    return None if match is None else match.span()


def _stamp(index: int, text: str) -> _Stamp | None:
    """The stamp on a line, if the line is one: a date and its time of day, with up to
    ``LONG_STAMP_MAX_WORDS`` words besides; or, in a line of at most
    ``CLOCKLESS_STAMP_MAX_CHARS``, a date without a time or a relative time (see
    :func:`_clockless_span`) with up to ``CLOCKLESS_STAMP_MAX_WORDS`` words besides that
    are no weekday's name."""
    if len(text) > STAMP_MAX_CHARS:
        return None
    span = _stamp_span(text)
    clockless = span is None
    if span is None:
        span = _clockless_span(text)
        if span is None:
            return None
    try:
        before = tuple(t.casefold() for t in _TOKEN.findall(text[: span[0]], timeout=REGEX_TIMEOUT))
        after = tuple(t.casefold() for t in _TOKEN.findall(text[span[1] :], timeout=REGEX_TIMEOUT))
    except TimeoutError:
        return None
    words = sum(token.isalpha() for token in before + after)
    if clockless:
        # A weekday is part of the date ("Montag | 22. Juli 2019"), no commenter's name.
        words -= sum(is_weekday(token) for token in before + after)
    if not 1 <= words <= (CLOCKLESS_STAMP_MAX_WORDS if clockless else LONG_STAMP_MAX_WORDS):
        return None
    return _Stamp(index, before, after, words, clockless)


def _frame(stamp: _Stamp, frame_words: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """The frame words on either side of the date, in order."""
    return (
        tuple(w for w in stamp.before if w in frame_words),
        tuple(w for w in stamp.after if w in frame_words),
        ("<no time of day>",) if stamp.clockless else (),
    )


def _names(stamp: _Stamp, frame_words: frozenset[str]) -> tuple[str, ...]:
    """The stamp's words outside its frame: the commenter's name."""
    return tuple(w for w in stamp.before + stamp.after if w not in frame_words and w.isalpha())


def comment_threads(view: View) -> list[list[int]]:
    """The page's comment threads: each a list of its stamps' line indexes, in order."""
    stamps: list[_Stamp] = []
    long_stamps: list[_Stamp] = []
    for index in range(len(view)):
        stamp = _stamp(index, view.original(index))
        if stamp is not None:
            (stamps if stamp.words <= STAMP_MAX_WORDS else long_stamps).append(stamp)
    if len(stamps) < MIN_STAMPS:
        return []
    counts = Counter(w for stamp in stamps for w in set(stamp.before + stamp.after))
    needed = max(MIN_STAMPS, FRAME_SHARE * len(stamps))
    frame_words = frozenset(w for w, n in counts.items() if n >= needed)
    by_frame: dict[tuple[tuple[str, ...], ...], list[_Stamp]] = defaultdict(list)
    for stamp in stamps:
        by_frame[_frame(stamp, frame_words)].append(stamp)
    if long_stamps:
        _add_long_stamps(long_stamps, by_frame, frame_words)
    threads: list[list[int]] = []
    for group in by_frame.values():
        found: list[list[int]] = []
        chain: list[_Stamp] = []
        for stamp in [*group, None]:
            if stamp is not None and (not chain or stamp.index - chain[-1].index <= MAX_GAP):
                chain.append(stamp)
                continue
            names = {_names(s, frame_words) for s in chain}
            if (
                len(chain) >= MIN_STAMPS
                and len(names - {()}) >= 2
                and not (chain[0].clockless and _under_headlines(view, chain))
            ):
                found.append([s.index for s in chain])
            chain = [stamp] if stamp is not None else []
        threads.extend(_joined(view, found))
    return sorted(threads)


def _under_headlines(view: View, chain: Sequence[_Stamp]) -> bool:
    """Whether most of the stamps stand right under a headline: a list of posts (a
    headline, "by Jane on November 3, 2019", an excerpt), not a comment thread, whose
    stamps stand under the comment before ("Great! Fantastic shirt!", a signature link)."""
    headed = sum(stamp.index > 0 and _headline(view, stamp.index - 1) for stamp in chain)
    return headed * 2 >= len(chain)


def _headline(view: View, index: int) -> bool:
    """Whether line ``index`` reads as a post's headline: headline-shaped, opening with a
    capital, with no sentence mark or link in it."""
    line = view.original_line(index)
    text = line.text
    return (
        headline_shaped(line)
        and text[:1].isupper()
        and not any(mark in text for mark in HEADLINE_FREE_MARKS)
        and "://" not in text
    )


def _joined(view: View, threads: list[list[int]]) -> list[list[int]]:
    """``threads`` of one frame, in order, with each two joined into one that only a
    comment's lines separate (a comment longer than ``MAX_GAP`` lines broke the thread
    there): kept lines, none of them headline-shaped (an article between two threads has
    its headline, and most likely a removed line too)."""
    joined: list[list[int]] = []
    for thread in threads:
        if joined and all(_comment_line(view, i) for i in range(joined[-1][-1] + 1, thread[0])):
            joined[-1].extend(thread)
        else:
            joined.append(thread)
    return joined


def _comment_line(view: View, index: int) -> bool:
    """Whether line ``index`` may be a comment's: kept, and not headline-shaped but
    for a quotation (a comment quotes the article or another comment)."""
    if view.removed(index):
        return False
    line = view.line(index)
    return not line.headline or line.text[:1] in OPENING_QUOTES


def _add_long_stamps(
    long_stamps: list[_Stamp],
    by_frame: dict[tuple[tuple[str, ...], ...], list[_Stamp]],
    frame_words: frozenset[str],
) -> None:
    """Add to each frame of ``MIN_STAMPS`` stamps or more the stamps with a longer name
    in that frame: the same frame words, and the other words only on the side where the
    frame's stamps have their names (a sentence that quotes a date has words on both)."""
    sides: dict[tuple[tuple[str, ...], ...], bool] = {}
    for frame, group in by_frame.items():
        if len(group) >= MIN_STAMPS and any(frame):
            before = sum(1 for s in group if _has_name(s.before, frame_words))
            sides[frame] = before * 2 >= len(group)
    if not sides:
        return
    for stamp in long_stamps:
        frame = _frame(stamp, frame_words)
        names_before = sides.get(frame)
        if names_before is None:
            continue
        other = stamp.after if names_before else stamp.before
        if not _has_name(other, frame_words):
            by_frame[frame].append(stamp)
    for group in by_frame.values():
        group.sort(key=attrgetter("index"))


def _has_name(tokens: tuple[str, ...], frame_words: frozenset[str]) -> bool:
    """Whether ``tokens`` hold a word outside the frame."""
    return any(token.isalpha() and token not in frame_words for token in tokens)


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
