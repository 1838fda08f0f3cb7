"""Teaser lists: headlines of other stories, each with a summary that reads like prose.

One by one such summaries look like article paragraphs; in a run they are a list of other
stories, and the layout step must not count them as the article's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from newsclean.limits import REGEX_TIMEOUT
from newsclean.lines import Line
from newsclean.view import View

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


@dataclass(frozen=True, slots=True)
class TeaserRuns:
    """The teaser runs of a pass: each run's lines (headlines and summaries, in order), and
    the summary lines, which do not count as article prose."""

    runs: tuple[tuple[int, ...], ...]
    summaries: frozenset[int]

    def run_of(self) -> dict[int, int]:
        """For each line of a run, the run's first line."""
        return {index: run[0] for run in self.runs for index in run}


def teaser_runs(view: View) -> TeaserRuns:
    """Runs of at least ``MIN_TEASERS`` headline + short-summary pairs in a row ("Cities
    urge boycott…" / "Lawmakers in the two biggest…" / …), and runs of lines that glue a
    headline to a dateline-led summary. Such lines read like prose one by one; in a run they
    are a list of other stories."""
    entries = view.kept_lines()
    kept = [index for index, _ in entries]
    lines = [line for _, line in entries]
    pairs: list[list[int]] = []  # positions in ``kept`` of the headline and summary of each pair
    position = 0
    while position + 1 < len(kept):
        head, summary = lines[position], lines[position + 1]
        if (
            len(head.text) <= TEASER_HEADLINE_CHARS
            and head.headline
            and _is_teaser_summary(head, summary)
        ):
            if pairs and pairs[-1][-1] == position - 1:
                pairs[-1].extend((position, position + 1))
            else:
                pairs.append([position, position + 1])
            position += 2
        else:
            position += 1
    runs: list[tuple[int, ...]] = []
    summaries: set[int] = set()
    for run in pairs:
        run_summaries = run[1::2]
        has_long = any(len(lines[p].text) > TEASER_MAX_CHARS for p in run_summaries)
        if len(run_summaries) >= (MIN_LONG_TEASERS if has_long else MIN_TEASERS):
            runs.append(tuple(kept[p] for p in run))
            summaries.update(kept[p] for p in run_summaries)
    for run in glued_teaser_runs(kept, lines):
        runs.append(tuple(run))
        summaries.update(run)
    runs.sort()
    return TeaserRuns(tuple(runs), frozenset(summaries))


def glued_teaser_runs(kept: Sequence[int], lines: Sequence[Line]) -> list[list[int]]:
    """Runs of at least ``MIN_TEASERS`` lines (``kept``: their indexes, ``lines``: their
    shapes) that each glue a headline to a summary opening with a dateline ("… returns
    home from US NEW DELHI: Their American dream …"): a list item holding both, scraped as
    one line."""
    found: list[list[int]] = []
    run: list[int] = []
    for index, line in zip([*kept, -1], [*lines, None], strict=True):
        text = line.text if line is not None else ""
        if (
            len(text) <= LONG_TEASER_MAX_CHARS
            and _has_capitals_before_colon(text)
            and _has_inner_dateline(text)
        ):
            run.append(index)
            continue
        if len(run) >= MIN_TEASERS:
            found.append(run)
        run = []
    return found


def _has_inner_dateline(text: str) -> bool:
    try:
        return _INNER_DATELINE.search(text, timeout=REGEX_TIMEOUT) is not None
    except TimeoutError:
        return False


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


def _is_teaser_summary(head: Line, summary: Line) -> bool:
    """A teaser's summary under ``head``: a short paragraph, or a title-shaped line longer
    than the headline (many sites drop the full stop from summaries: "Lawmakers in the two
    biggest U.S. cities want to …"). A longer paragraph pairs only with a full-sentence
    headline (article subheads are short)."""
    text = summary.text
    if len(text) > TEASER_MAX_CHARS and not (
        len(text) <= LONG_TEASER_MAX_CHARS and head.words >= LONG_TEASER_HEADLINE_WORDS
    ):
        return False
    return summary.paragraph or (
        len(text) >= TEASER_SUMMARY_LENGTH_RATIO * len(head.text)
        and summary.words >= TEASER_SUMMARY_WORDS
    )
