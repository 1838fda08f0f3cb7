"""Per-line features for the learned article/boilerplate decision.

Every feature is a number read off the line's own shape, its place in the page, its
neighbours and what the named rules did around it; none names a phrase, a site or a
language's words, so that what the model learns holds on pages from sites it never saw.
:data:`FEATURES` names them in the order :func:`page_features` gives them.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from newsclean.lines import Line
from newsclean.shape import ends_like_sentence
from newsclean.typography import LINK_SEPARATORS, OPENING_QUOTES
from newsclean.view import View

# Neighbourhood for density features: this many lines on each side.
WINDOW = 3
_SEPARATORS = frozenset("".join(LINK_SEPARATORS) + "»«›‹")
_TIME_MARKS = (" am", " pm", " a.m.", " p.m.")
_TOKEN_EDGES = ".,;:!?\"'()«»“”"

FEATURES: tuple[str, ...] = (
    "log_chars",
    "log_words",
    "sentence_end",
    "clause_end",
    "paragraph",
    "headline",
    "capitalised_share",
    "digit_share",
    "punctuation_share",
    "separators",
    "short_word_share",
    "starts_with_quote",
    "time_of_day",
    "at_handle",
    "relative_length",
    "window_paragraph_share",
    "window_removed_share",
    "previous_paragraph",
    "next_paragraph",
    "previous_log_chars",
    "next_log_chars",
    "previous_removed",
    "next_removed",
    "repeated",
    "after_end_marker",
    "paragraphs_before_share",
    "paragraphs_after_share",
    "nearest_paragraph_distance",
    "layout_keeps",
)


# The ASCII characters of each class (as ``str.isalpha``, ``isdigit``, ``isspace`` say).
_ASCII_LETTERS = bytes(code for code in range(128) if chr(code).isalpha())
_ASCII_DIGITS = bytes(code for code in range(128) if chr(code).isdigit())
_ASCII_SPACES = bytes(code for code in range(128) if chr(code).isspace())
# One character outside ASCII (stdlib ``re``: a single character class, linear by
# construction, as the normalisation's patterns are).
_NON_ASCII = re.compile("[^\x00-\x7f]")


def character_classes(text: str) -> tuple[int, int, int]:
    """How many letters, digits and spaces ``text`` holds (disjoint classes), as
    ``str.isalpha``, ``isdigit`` and ``isspace`` count them: the ASCII characters by byte
    deletion, the others (a few in most European lines) one by one.

    >>> character_classes("Zürich, 12 ½")
    (6, 2, 2)
    """
    raw = text.encode("ascii", "ignore")
    size = len(raw)
    letters = size - len(raw.translate(None, _ASCII_LETTERS))
    digits = size - len(raw.translate(None, _ASCII_DIGITS))
    spaces = size - len(raw.translate(None, _ASCII_SPACES))
    if size < len(text):
        others = _NON_ASCII.findall(text)
        letters += sum(map(str.isalpha, others))
        digits += sum(map(str.isdigit, others))
        spaces += sum(map(str.isspace, others))
    return letters, digits, spaces


def _own(line: Line) -> tuple[float, ...]:
    """The features of a line's text alone, computed once per text (kept on the line)."""
    found = line.own_features
    if found is None:
        found = line.own_features = _measure_own(line)
    return found


def _measure_own(line: Line) -> tuple[float, ...]:
    text = line.text
    chars = len(text)
    tokens = text.split()
    words = max(line.words, 1)
    letters, digits, spaces = character_classes(text)
    punctuation = chars - letters - digits - spaces
    visible = max(letters + digits + punctuation, 1)
    capitalised = short = 0
    for token in tokens:
        if token[0].isupper():
            capitalised += 1
        if len(token) <= 3 or len(token.strip(_TOKEN_EDGES)) <= 3:
            short += 1
    return (
        math.log1p(chars),
        math.log1p(line.words),
        float(ends_like_sentence(text)),
        float(line.clause_end),
        float(line.paragraph),
        float(line.headline),
        capitalised / max(len(tokens), 1),
        digits / visible,
        punctuation / visible,
        float(sum(map(text.count, _SEPARATORS)) >= 2),
        short / words,
        float(text[:1] in OPENING_QUOTES),
        float(":" in text and any(mark in text.lower() for mark in _TIME_MARKS)),
        float("@" in text and any(token.startswith("@") for token in tokens)),
    )


# What is left of a removed line: nothing.
_GONE = Line("")


def page_features(
    view: View,
    end_markers: frozenset[int] = frozenset(),
    layout_cuts: frozenset[int] = frozenset(),
) -> list[list[float]]:
    """The feature rows of every line of the page, in order; a removed line's row is empty
    (the decoder skips it; its neighbours read its length and that it is gone).
    ``end_markers``: lines removed as end-of-article markers; ``layout_cuts``: the lines the
    hand-written layout step would remove (its verdict is one more feature, weighed by what
    the data says of it)."""
    size = len(view)
    # A removed line reads as empty (nothing of it is left): its shape is not looked up.
    lines = [_GONE] * size
    removed = [True] * size
    for index, line in view.kept_lines():
        lines[index] = line
        removed[index] = False
    lengths = [0 if gone else len(line.text) for line, gone in zip(lines, removed, strict=True)]
    longest = max(lengths, default=0) or 1
    paragraph = [line.paragraph and not gone for line, gone in zip(lines, removed, strict=True)]
    repeats = Counter(line.repeat_key for line in lines if line.repeat_key is not None)
    paragraph_chars = [
        length if is_paragraph else 0
        for length, is_paragraph in zip(lengths, paragraph, strict=True)
    ]
    all_paragraph_chars = max(sum(paragraph_chars), 1)
    distances = _distances_to_paragraph(paragraph)
    rows: list[list[float]] = []
    paragraph_before = 0
    seen_marker = False
    paragraphs_upto = _running_totals(paragraph)
    removed_upto = _running_totals(removed)
    # Per line, once: what its neighbours read of it.
    log_chars = [math.log1p(len(line.text)) for line in lines]
    is_paragraph = [1.0 if flag else 0.0 for flag in paragraph]
    is_removed = [1.0 if flag else 0.0 for flag in removed]
    last = size - 1
    for index, line in enumerate(lines):
        seen_marker = seen_marker or index in end_markers
        if removed[index]:
            rows.append([])
            continue
        low, high = max(0, index - WINDOW), min(size, index + WINDOW + 1)
        window = high - low - 1 or 1
        window_paragraph = paragraphs_upto[high] - paragraphs_upto[low] - paragraph[index]
        window_removed = removed_upto[high] - removed_upto[low]
        rows.append(
            [
                *_own(line),
                lengths[index] / longest,
                window_paragraph / window,
                window_removed / window,
                is_paragraph[index - 1] if index else 0.0,
                is_paragraph[index + 1] if index < last else 0.0,
                log_chars[index - 1] if index else 0.0,
                log_chars[index + 1] if index < last else 0.0,
                is_removed[index - 1] if index else 0.0,
                is_removed[index + 1] if index < last else 0.0,
                1.0 if line.repeat_key is not None and repeats[line.repeat_key] > 1 else 0.0,
                1.0 if seen_marker else 0.0,
                paragraph_before / all_paragraph_chars,
                (all_paragraph_chars - paragraph_before - paragraph_chars[index])
                / all_paragraph_chars,
                math.log1p(distances[index]),
                0.0 if index in layout_cuts else 1.0,
            ]
        )
        paragraph_before += paragraph_chars[index]
    return rows


def _running_totals(flags: list[bool]) -> list[int]:
    """``totals[i]``: how many of ``flags[:i]`` are true."""
    totals = [0]
    for flag in flags:
        totals.append(totals[-1] + flag)
    return totals


def _distances_to_paragraph(paragraph: list[bool]) -> list[int]:
    """For each line, how many lines away the nearest other paragraph is (the page's
    length when there is none)."""
    size = len(paragraph)
    distances = [size] * size
    last = -1
    for index in range(size):
        if last >= 0:
            distances[index] = index - last
        if paragraph[index]:
            last = index
    last = -1
    for index in range(size - 1, -1, -1):
        if last >= 0:
            distances[index] = min(distances[index], last - index)
        if paragraph[index]:
            last = index
    return distances
