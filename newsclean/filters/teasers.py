"""Teaser lists: headlines of other stories, each with a summary that reads like prose.

One by one such summaries look like article paragraphs; in a run they are a list of other
stories, and the layout step must not count them as the article's text.
"""

from __future__ import annotations

import regex

from newsclean.document import Document
from newsclean.limits import REGEX_TIMEOUT
from newsclean.shape import count_words, is_headline_like, is_paragraph_like

# Teasers: a headline-like line, then a short paragraph; MIN_TEASERS pairs in a row.
TEASER_MAX_CHARS = 300
TEASER_HEADLINE_CHARS = 150
# A longer summary pairs with a full-sentence headline only (article subheads are short),
# and a run holding one needs more pairs.
LONG_TEASER_MAX_CHARS = 600
LONG_TEASER_HEADLINE_WORDS = 7
MIN_LONG_TEASERS = 5
# A summary without a sentence end has at least this many words.
TEASER_SUMMARY_WORDS = 10
# ... and is this much longer than its headline (a list of headlines does not pair up).
TEASER_SUMMARY_LENGTH_RATIO = 1.3
MIN_TEASERS = 3
# A dateline inside a line, after a headline: "… from US NEW DELHI: Their American …".
_INNER_DATELINE = regex.compile(r"\p{Ll}\S{0,30}\s+\p{Lu}{2,}(?:[\s\-]\p{Lu}{2,}){0,2}:\s+\p{Lu}")


def teaser_summaries(doc: Document) -> set[int]:
    """Summary lines of teaser runs: at least ``MIN_TEASERS`` headline + short-summary pairs
    in a row ("Cities urge boycott…" / "Lawmakers in the two biggest…" / …). Such lines
    read like prose one by one; in a run they are a list of other stories."""
    kept = [seg.index for seg in doc.segments if not doc.is_removed(seg.index)]
    texts = [doc.remaining(index) for index in kept]
    runs: list[list[int]] = []  # positions in ``kept`` of the summaries of each run
    position = 0
    while position + 1 < len(kept):
        head, summary = texts[position], texts[position + 1]
        if (
            len(head) <= TEASER_HEADLINE_CHARS
            and is_headline_like(head)
            and _is_teaser_summary(head, summary)
        ):
            if runs and runs[-1][-1] == position - 1:
                runs[-1].append(position + 1)
            else:
                runs.append([position + 1])
            position += 2
        else:
            position += 1
    summaries = _glued_teasers(kept, texts)
    for run in runs:
        has_long = any(len(texts[position]) > TEASER_MAX_CHARS for position in run)
        if len(run) >= (MIN_LONG_TEASERS if has_long else MIN_TEASERS):
            summaries.update(kept[position] for position in run)
    return summaries


def _glued_teasers(kept: list[int], texts: list[str]) -> set[int]:
    """Runs of at least ``MIN_TEASERS`` lines that each glue a headline to a summary opening
    with a dateline ("… returns home from US NEW DELHI: Their American dream …"): a list
    item holding both, scraped as one line."""
    found: set[int] = set()
    run: list[int] = []
    for index, text in zip([*kept, -1], [*texts, ""], strict=True):
        if (
            len(text) <= LONG_TEASER_MAX_CHARS
            and _has_capitals_before_colon(text)
            and _INNER_DATELINE.search(text, timeout=REGEX_TIMEOUT) is not None
        ):
            run.append(index)
            continue
        if len(run) >= MIN_TEASERS:
            found.update(run)
        run = []
    return found


def _has_capitals_before_colon(text: str) -> bool:
    """Whether a colon follows two capitals and precedes a space: what an inner dateline
    needs, tested before the costlier search for one.

    >>> _has_capitals_before_colon("from US NEW DELHI: Their")
    True
    >>> _has_capitals_before_colon("Note: x")
    False
    """
    position = text.find(":", 2)
    while position >= 0:
        if (
            text[position - 1].isupper()
            and text[position - 2].isupper()
            and text[position + 1 : position + 2].isspace()
        ):
            return True
        position = text.find(":", position + 1)
    return False


def _is_teaser_summary(head: str, text: str) -> bool:
    """A teaser's summary under ``head``: a short paragraph, or a title-shaped line longer
    than the headline (many sites drop the full stop from summaries: "Lawmakers in the two
    biggest U.S. cities want to …"). A longer paragraph pairs only with a full-sentence
    headline (article subheads are short)."""
    if len(text) > TEASER_MAX_CHARS and not (
        len(text) <= LONG_TEASER_MAX_CHARS
        and count_words(head, LONG_TEASER_HEADLINE_WORDS) >= LONG_TEASER_HEADLINE_WORDS
    ):
        return False
    return is_paragraph_like(text) or (
        len(text) >= TEASER_SUMMARY_LENGTH_RATIO * len(head)
        and count_words(text, TEASER_SUMMARY_WORDS) >= TEASER_SUMMARY_WORDS
    )
