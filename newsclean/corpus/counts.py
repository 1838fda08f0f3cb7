"""Counts of lines across one site's pages, kept in bounded memory while a corpus streams by.

Pages are grouped into stories: a page whose long kept lines mostly equal an earlier
page's (a second crawl of one URL, a syndicated article) joins that page's story, and a
line counts once per story. So a story copied onto five pages teaches nothing, and the
count of a line is the number of different stories it appears in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsclean.corpus.observe import KEPT, LineSeen, PageSeen, Position

# Two pages are one story when this share of the larger fingerprint, and at least
# SAME_STORY_LINES lines, are in both (a kept sponsor paragraph or two is not a story; a
# story of fewer long lines is not told from its copies).
SAME_STORY_SHARE = 0.5
SAME_STORY_LINES = 3
# The most stories a site keeps fingerprints of, and learns from.
MAX_STORIES = 500
# The most distinct line keys counted per site; past it, keys seen in one story only are
# dropped (lossy counting: a key that recurs is seen again and counted from then on).
MAX_KEYS = 20_000
# Per key: the distinct spellings kept (for the rule's examples) and example pages.
MAX_VARIANTS = 8
MAX_EXAMPLE_PAGES = 2


@dataclass(slots=True)
class KeyCounts:
    """What is known about one line key on one site."""

    stories: set[int] = field(default_factory=set)
    # Plain dicts of counts (a Counter per key costs more than the counting).
    positions: dict[Position, int] = field(default_factory=dict)
    # By step, rule and kind of the removal that took the line ("" for all three: kept).
    verdicts: dict[tuple[str, str, str], int] = field(default_factory=dict)
    variants: dict[str, int] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)
    words: int = 0


@dataclass(slots=True)
class SiteCounts:
    """The line counts of one site."""

    site: str
    pages: int = 0
    keys: dict[str, KeyCounts] = field(default_factory=dict)
    # The size of each story's fingerprint, and the story each hash was first seen in.
    story_sizes: list[int] = field(default_factory=list)
    owners: dict[int, int] = field(default_factory=dict)
    # Pages not learned from once MAX_STORIES stories were kept.
    pages_skipped: int = 0
    keys_dropped: int = 0
    # The first page, kept whole until a second page comes (then both are counted).
    first_page: tuple[str, PageSeen, int] | None = None

    @property
    def stories(self) -> int:
        """The distinct stories counted."""
        return len(self.story_sizes)

    def add(self, page_id: str, page: PageSeen) -> None:
        """Count one page's lines (each key once per page and story). A site's first page
        is only kept as it is until a second arrives: most sites of a crawl have one page,
        which can teach nothing, and a page costs far less than counts for its lines."""
        story = self._story(page.fingerprint)
        if story is None:
            self.pages_skipped += 1
            return
        self.pages += 1
        if self.pages == 1:
            self.first_page = (page_id, page, story)
            return
        if self.first_page is not None:
            first_id, first, first_story = self.first_page
            self.first_page = None
            self._count_page(first_id, first, first_story)
        self._count_page(page_id, page, story)

    def _count_page(self, page_id: str, page: PageSeen, story: int) -> None:
        seen: set[str] = set()
        for line in page.lines:
            for key in (line.key, line.template):
                if key is not None and key not in seen:
                    seen.add(key)
                    self._count(key, line, story, page_id)

    def _count(self, key: str, line: LineSeen, story: int, page_id: str) -> None:
        counts = self.keys.get(key)
        if counts is None:
            if len(self.keys) >= MAX_KEYS:
                self._prune()
            counts = self.keys[key] = KeyCounts(words=line.words)
        counts.stories.add(story)
        positions, verdicts = counts.positions, counts.verdicts
        positions[line.position] = positions.get(line.position, 0) + 1
        verdict = (line.step, line.rule, line.kind)
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
        if line.text in counts.variants or len(counts.variants) < MAX_VARIANTS:
            counts.variants[line.text] = counts.variants.get(line.text, 0) + 1
        if len(counts.pages) < MAX_EXAMPLE_PAGES and page_id not in counts.pages:
            counts.pages.append(page_id)

    def _story(self, fingerprint: frozenset[int]) -> int | None:
        """The story a page belongs to: an earlier one it mostly repeats, else a new one
        (``None`` when the site holds ``MAX_STORIES`` already)."""
        votes = Counter(self.owners[item] for item in fingerprint if item in self.owners)
        for number, shared in votes.most_common():
            larger = max(len(fingerprint), self.story_sizes[number])
            if shared >= max(SAME_STORY_LINES, SAME_STORY_SHARE * larger):
                return number
        if len(self.story_sizes) >= MAX_STORIES:
            return None
        number = len(self.story_sizes)
        self.story_sizes.append(len(fingerprint))
        for item in fingerprint:
            self.owners.setdefault(item, number)
        return number

    def _prune(self) -> None:
        """Drop the keys seen in one story, and, when they are fewer than a quarter of
        the table, the oldest others too: a quarter at least goes each time, so pruning
        costs a constant per key counted."""
        doomed = [key for key, counts in self.keys.items() if len(counts.stories) <= 1]
        wanted = len(self.keys) // 4
        if len(doomed) < wanted:
            rare = set(doomed)
            doomed += [key for key in self.keys if key not in rare][: wanted - len(doomed)]
        for key in doomed:
            del self.keys[key]
        self.keys_dropped += len(doomed)


def kept_share(counts: KeyCounts) -> float:
    """The share of a key's sightings on which the pipeline kept the line."""
    total = sum(counts.verdicts.values())
    kept = sum(n for (step, _, _), n in counts.verdicts.items() if step == KEPT)
    return kept / total if total else 0.0


def most_common(counts: dict[str, int]) -> list[str]:
    """The keys of ``counts``, most frequent first (ties in first-seen order)."""
    return [key for key, _ in sorted(counts.items(), key=lambda item: -item[1])]
