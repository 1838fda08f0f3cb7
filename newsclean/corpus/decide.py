"""From one site's line counts to candidates: which recurring lines become rules, which
do not and why, and the kind of each learned rule.

A line is learned when it recurs in at least ``min_pages`` stories of its site and in at
least ``min_share`` of them, and none of these holds:

- it is long prose (more than ``MAX_WORDS`` words): recurring article text, not furniture;
- the shipped rules already remove it wherever it was seen: a learned rule adds nothing;
- the pipeline removed it as the headline of another story (a line of at least
  ``HEADLINE_WORDS`` words removed by one of ``HEADLINE_RULES``: after a related header,
  in a run of teasers): such lines rotate from page to page, and on the page of that
  story the same line is its own headline. Shorter lines there are section labels.

- it names the article's author or source: a line ending in a person's name after a
  lower-case word ("Post written by Leo Babauta"), or a news agency's name alone ("The
  Canadian Press"). A one-author blog or a wire feed repeats these on every page, but
  they are the page's metadata (the credit steps read them), not furniture.

A learned line is an end marker (the ``ends_article`` role: the site step removes every
kept line after it) when it was never seen before the article and at least
``END_MARKER_SHARE`` of its sightings lie after it (the others inside: on pages where
the pipeline kept the comments or the footer as article text), or when the shipped rule
its kind comes from is an end marker (a comment form in the site's own words).

A learned rule belongs to the ``site`` step, which runs last. Its kind is the one of the
shipped rule that removed the line where one did, else of the shipped phrase it
resembles most (half or more of the words of both shared), else ``navigation``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from newsclean.corpus.counts import KeyCounts, SiteCounts, kept_share, most_common
from newsclean.corpus.observe import (
    KEPT,
    TEMPLATE_PREFIX,
    Position,
    line_key,
    template_key,
)
from newsclean.extract.names import is_person_name
from newsclean.model import Kind
from newsclean.rules.loader import UNIVERSAL, available_languages, load_pack
from newsclean.rules.model import Role, phrase_key
from newsclean.steps.context import TEASER_RUN_RULE
from newsclean.steps.layout import TEASER_RULE
from newsclean.steps.related import BLOCK_RULE
from newsclean.typography import EDGE_CHARS

# A line of more words than this is prose, never learned.
MAX_WORDS = 30
# The shipped rules "already remove" a line removed by them on this share of its sightings.
ALREADY_REMOVED_SHARE = 0.9
# A shipped phrase resembles a line when this share of the words of both is shared.
RESEMBLES = 0.5
DEFAULT_KIND = Kind.NAVIGATION
# The share of a learned line's sightings after the article that makes it an end marker.
END_MARKER_SHARE = 0.5
# A line of this many words removed as a related headline names a story.
HEADLINE_WORDS = 4
# The steps' rules that remove a line as the headline of another story: after a related
# header, in a run of teasers, in a list of headlines with bylines. (A headline-shaped
# line the layout step cuts after the article may be anything: a prompt, a label.)
HEADLINE_RULES = frozenset({BLOCK_RULE, TEASER_RULE, TEASER_RUN_RULE})
# Rule ids of the steps that decide by position or by repetition, not by a rule.
_BUILTIN = "builtin."


class Outcome(StrEnum):
    """What became of a candidate line."""

    LEARNED = "learned"
    TOO_FEW_PAGES = "too few pages"
    TOO_RARE = "on too small a share of pages"
    PROSE = "long prose"
    ALREADY_REMOVED = "already removed by a shipped rule"
    RELATED_HEADLINE = "headline of another story"
    METADATA = "names the author or source"
    COVERED = "covered by a learned template"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One recurring line of one site, with the evidence and what was decided."""

    site: str
    key: str
    outcome: Outcome
    stories: int
    site_stories: int
    positions: tuple[tuple[Position, int], ...]
    kept_share: float
    variants: tuple[str, ...]
    pages: tuple[str, ...]
    kind: Kind
    kind_from: str
    # The shipped rule that removes it, for ALREADY_REMOVED.
    removed_by: str = ""
    # A learned line after which the site puts no article text.
    ends_article: bool = False

    @property
    def share(self) -> float:
        """The share of the site's stories the line appears in."""
        return self.stories / self.site_stories if self.site_stories else 0.0

    @property
    def learned(self) -> bool:
        return self.outcome is Outcome.LEARNED


def candidates(counts: SiteCounts, min_pages: int, min_share: float) -> list[Candidate]:
    """The site's lines seen in two or more stories, most frequent first, each decided."""
    found: list[Candidate] = []
    site_stories = counts.stories
    for key, key_counts in counts.keys.items():
        stories = len(key_counts.stories)
        if stories < 2:
            continue
        if is_template(key) and len({line_key(text) for text in key_counts.variants}) < 2:
            continue  # the same line each time: its own key is the candidate
        outcome, removed_by = _decide(key, key_counts, stories, site_stories, min_pages, min_share)
        kind, kind_from, kind_rule = _kind(key, key_counts)
        positions = key_counts.positions
        sightings = sum(positions.values())
        ends = outcome is Outcome.LEARNED and (
            (
                not positions.get(Position.BEFORE)
                and positions.get(Position.AFTER, 0) >= END_MARKER_SHARE * sightings
            )
            or kind_rule in _shipped_end_markers()
        )
        found.append(
            Candidate(
                site=counts.site,
                key=key,
                outcome=outcome,
                stories=stories,
                site_stories=site_stories,
                positions=tuple(
                    (position, key_counts.positions[position])
                    for position in Position
                    if key_counts.positions.get(position)
                ),
                kept_share=kept_share(key_counts),
                variants=tuple(most_common(key_counts.variants)),
                pages=tuple(key_counts.pages),
                kind=kind,
                kind_from=kind_from,
                removed_by=removed_by,
                ends_article=ends,
            )
        )
    found.sort(key=lambda candidate: (-candidate.stories, candidate.key))
    templates = {c.key for c in found if c.learned and is_template(c.key)}
    if templates:
        found = [
            dataclasses.replace(c, outcome=Outcome.COVERED)
            if c.learned and not is_template(c.key) and template_key(c.variants[0]) in templates
            else c
            for c in found
        ]
    return found


def is_template(key: str) -> bool:
    """Whether a candidate's key is a template (:func:`template_key`), not a line."""
    return key.startswith(TEMPLATE_PREFIX)


def _decide(
    key: str, counts: KeyCounts, stories: int, site_stories: int, min_pages: int, min_share: float
) -> tuple[Outcome, str]:
    if stories < min_pages:
        return Outcome.TOO_FEW_PAGES, ""
    if stories < min_share * site_stories:
        return Outcome.TOO_RARE, ""
    if counts.words > MAX_WORDS:
        return Outcome.PROSE, ""
    if names_author_or_source(most_common(counts.variants)[0]):
        return Outcome.METADATA, ""
    if (
        not is_template(key)
        and counts.words >= HEADLINE_WORDS
        and any(
            kind == Kind.RELATED and rule in HEADLINE_RULES for _, rule, kind in counts.verdicts
        )
    ):
        return Outcome.RELATED_HEADLINE, ""
    shipped = _shipped_removals(counts)
    if shipped and sum(shipped.values()) >= ALREADY_REMOVED_SHARE * sum(counts.verdicts.values()):
        (rule, _), _ = max(shipped.items(), key=_count_then_name)
        return Outcome.ALREADY_REMOVED, rule
    return Outcome.LEARNED, ""


def names_author_or_source(line: str) -> bool:
    """Whether a line credits the article's author or source.

    >>> names_author_or_source("Post written by Leo Babauta.")
    True
    >>> names_author_or_source("The Canadian Press")
    True
    >>> names_author_or_source("Club Nintendo"), names_author_or_source("Follow us on Twitter")
    (False, False)
    """
    key = phrase_key(line)
    if key in _agencies() or key.removeprefix("the ") in _agencies():
        return True
    words = line.strip(EDGE_CHARS).split()
    if len(words) > MAX_CREDIT_WORDS:
        return False
    for size in (4, 3, 2):
        head, tail = words[:-size], words[-size:]
        if head and any(word[:1].islower() for word in head) and is_person_name(" ".join(tail)):
            return True
    return False


# The most words of a line credited by :func:`names_author_or_source`.
MAX_CREDIT_WORDS = 10


@functools.cache
def _agencies() -> frozenset[str]:
    lists = load_pack(UNIVERSAL).lists
    return frozenset(phrase_key(item) for item in lists.get("agencies", ()))


def _count_then_name(item: tuple[object, int]) -> tuple[int, str]:
    return item[1], str(item[0])


def _shipped_removals(counts: KeyCounts) -> Counter[tuple[str, str]]:
    """How often each shipped rule (by id and kind) removed the line; the steps that
    decide by position or repetition (``builtin.`` rules) aside."""
    removals: Counter[tuple[str, str]] = Counter()
    for (step, rule, kind), n in counts.verdicts.items():
        if step != KEPT and not rule.startswith(_BUILTIN) and step in _rule_families():
            removals[(rule, kind)] += n
    return removals


def _kind(key: str, counts: KeyCounts) -> tuple[Kind, str, str]:
    """The kind of a learned rule for ``key``, why (for the note), and the shipped rule
    it was taken from ("" for the default)."""
    shipped = _shipped_removals(counts)
    if shipped:
        (rule, kind), _ = max(shipped.items(), key=_count_then_name)
        return Kind(kind), f"removed by {rule}", rule
    resembled = resembling_phrase(key)
    if resembled is not None:
        resembled_kind, rule = resembled
        return resembled_kind, f"resembles {rule}", rule
    return DEFAULT_KIND, "default", ""


@functools.cache
def _shipped_end_markers() -> frozenset[str]:
    return frozenset(
        rule.id
        for name in (UNIVERSAL, *available_languages())
        for rule in load_pack(name).rules
        if rule.role is Role.ENDS_ARTICLE
    )


def resembling_phrase(key: str) -> tuple[Kind, str] | None:
    """The kind and id of the shipped phrase rule whose phrase shares the most words
    with ``key`` (at least ``RESEMBLES`` of the words of both), if any.

    >>> resembling_phrase("share this story on facebook")
    (<Kind.PROMO: 'promo'>, 'universal.promo.share_buttons')
    """
    words = frozenset(key.split())
    if not words:
        return None
    phrases, by_word = _phrase_index()
    seen: set[int] = set()
    best: tuple[float, int] | None = None
    for word in sorted(words):
        for number in by_word.get(word, ()):
            if number in seen:
                continue
            seen.add(number)
            shared = len(words & phrases[number][0])
            score = min(shared / len(words), shared / len(phrases[number][0]))
            if score >= RESEMBLES and (best is None or score > best[0]):
                best = (score, number)
    if best is None:
        return None
    _, kind, rule = phrases[best[1]]
    return kind, rule


@functools.cache
def _phrase_index() -> tuple[
    tuple[tuple[frozenset[str], Kind, str], ...], dict[str, tuple[int, ...]]
]:
    """Every shipped phrase as its words, kind and rule id; and the phrases by word."""
    entries: list[tuple[frozenset[str], Kind, str]] = []
    for name in (UNIVERSAL, *available_languages()):
        for rule in load_pack(name).rules:
            for phrase in sorted(rule.phrases):
                entries.append((frozenset(phrase.split()), rule.kind, rule.id))
    by_word: dict[str, list[int]] = {}
    for number, (words, _, _) in enumerate(entries):
        for word in words:
            by_word.setdefault(word, []).append(number)
    return tuple(entries), {word: tuple(numbers) for word, numbers in by_word.items()}


@functools.cache
def _rule_families() -> frozenset[str]:
    from newsclean.steps.registry import RULE_FAMILIES

    return frozenset(RULE_FAMILIES)
