"""Error classes for ``bench/errors.py --classes``: what kind of boilerplate a cleaned page
kept, and which step dropped the article text it lost, so that the next change is chosen
by volume across the dev pages rather than by the last page looked at.

The classes are read off the line's text and shape, never off a site or a page id:

- kept boilerplate: ``comments`` (reader comments and their furniture: "says:", "Reply",
  "Posted by …", a time of day with a name), ``legal`` (copyright and reuse notices),
  ``headline`` (headline-shaped lines: teasers, related links, section titles),
  ``short`` (a label or button of up to four words), ``prose`` (sentence-shaped text that
  is not the article: bios, promos, teaser summaries), ``other``; each before, inside or
  after the article (where the gold text starts and ends);
- article text dropped: by the step that removed it (``layout`` is the line model;
  ``title`` the headline it moves to ``metadata.title``, which some gold texts hold), and
  for ``layout``, whether it was the article's first line (``lead``), its last
  (``end``) or one inside.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from newsclean.lines import Line
from newsclean.model import CleanResult
from newsclean.steps.title import TITLE_RULE

_COMMENT = re.compile(
    r"\b(?:says|said|wrote|writes)\s*:|\breply\b|\breport abuse\b|\bposted by\b|"
    r"\bcomments?\b|\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)|^@\w+|\blog in to\b",
    re.IGNORECASE,
)
_LEGAL = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|all rights reserved|may not be (?:published|reproduced)|"
    r"rechte vorbehalten|tous droits|derechos reservados|riproduzione riservata",
    re.IGNORECASE,
)


def boilerplate_class(text: str) -> str:
    """The class of a kept line that the gold calls boilerplate."""
    line = Line(text)
    if _LEGAL.search(text):
        return "legal"
    if _COMMENT.search(text):
        return "comments"
    if line.words <= 4:
        return "short"
    if line.headline:
        return "headline"
    if line.paragraph or line.clause_end:
        return "prose"
    return "other"


def place(index: int, first: int | None, last: int | None) -> str:
    """Where line ``index`` stands against the article's first and last gold line."""
    if first is None or last is None:
        return "?"
    return "before" if index < first else "after" if index > last else "inside"


@dataclass
class Tally:
    """Counts of error lines and their tokens, by class."""

    lines: Counter[str] = field(default_factory=Counter)
    tokens: Counter[str] = field(default_factory=Counter)
    pages: dict[str, set[str]] = field(default_factory=dict)

    def add(self, name: str, tokens: int, page: str) -> None:
        self.lines[name] += 1
        self.tokens[name] += tokens
        self.pages.setdefault(name, set()).add(page)

    def table(self, title: str) -> list[str]:
        total = sum(self.tokens.values()) or 1
        rows = [f"{title:<34}{'lines':>8}{'tokens':>9}{'share':>7}{'pages':>7}"]
        for name, tokens in self.tokens.most_common():
            rows.append(
                f"  {name:<32}{self.lines[name]:>8}{tokens:>9}{tokens / total:>7.0%}"
                f"{len(self.pages[name]):>7}"
            )
        return rows


def source_lines(result: CleanResult) -> list[tuple[str, float, str | None]]:
    """Each line of ``result.source``: its text, the share of its characters removed, and
    the step of the removal that took most of it (``None`` when nothing did; ``"title"``
    for the headline, which the layout step moves to ``metadata.title``)."""
    found: list[tuple[str, float, str | None]] = []
    removals = list(result.removed)
    position = 0
    start = 0
    for text in result.source.split("\n"):
        end = start + len(text)
        while position < len(removals) and removals[position].end <= start:
            position += 1
        taken: Counter[str] = Counter()
        cursor = position
        while cursor < len(removals) and removals[cursor].start < end:
            removal = removals[cursor]
            step = "title" if removal.rule == TITLE_RULE else removal.step
            taken[step] += min(end, removal.end) - max(start, removal.start)
            cursor += 1
        visible = len(text.strip()) or 1
        share = min(sum(taken.values()) / visible, 1.0)
        found.append((text, share, taken.most_common(1)[0][0] if taken else None))
        start = end + 1
    return found


def page_errors(
    page_id: str,
    result: CleanResult,
    label: Callable[[str], int | None],
    tokens: Callable[[str], int],
    kept: Tally,
    dropped: Tally,
) -> None:
    """Tally one page's errors: each source line with a gold ``label`` (1 article, 0
    boilerplate, ``None`` unknown) that the result kept (at least half of it) against
    the label, or removed against it."""
    lines = source_lines(result)
    labels = [label(text) for text, _, _ in lines]
    # The article's extent from its lines of some length (a short line that matches a
    # line of the gold, "Share", can stand anywhere).
    article = [
        index
        for index, value in enumerate(labels)
        if value == 1 and len(lines[index][0].split()) >= 4
    ]
    first, last = (article[0], article[-1]) if article else (None, None)
    seen: set[str] = set()
    for index, ((text, removed, step), value) in enumerate(zip(lines, labels, strict=True)):
        key = " ".join(text.split())
        repeated = key in seen
        seen.add(key)
        if value is None or not key or repeated:
            continue  # a later copy of a line: the gold counts its text once
        if value == 0 and removed < 0.5:
            name = f"{boilerplate_class(text.strip())} {place(index, first, last)}"
            kept.add(name, tokens(text), page_id)
        elif value == 1 and removed >= 0.5:
            name = step or "?"
            if name == "layout":
                name += " lead" if index == first else " end" if index == last else " inside"
            dropped.add(name, tokens(text), page_id)
