"""Learn each site's furniture from a corpus: stream pages in, get a rule pack out.

>>> from newsclean.corpus import SiteLearner
>>> learner = SiteLearner(min_pages=3)
>>> stories = ["Rain fell all day.", "The mayor resigned.", "Schools reopen.", "Tram fares rise."]
>>> for n, story in enumerate(stories):
...     page = f"Get the Example Bulletin every morning\\n{story}"
...     learner.add(page, site="example.com", page_id=f"p{n}", lang="en")
>>> [rule.key for rule in learner.result().learned]
['get the example bulletin every morning']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsclean.corpus.counts import SiteCounts
from newsclean.corpus.decide import Candidate, Outcome, candidates
from newsclean.corpus.observe import PageSeen, observe
from newsclean.corpus.pack import check_rule, pack_toml, rule_name, rule_toml
from newsclean.errors import ConfigError
from newsclean.rules.user import UserPack, compile_user_pack
from newsclean.sites import site_of

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline

# The most sites counted; pages of further sites are not learned from (counted).
MAX_SITES = 2_000
DEFAULT_MIN_PAGES = 3
DEFAULT_MIN_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class LearnedRules:
    """What a corpus taught: every candidate line (learned or not, with why), the pack
    text of the learned ones, and how much of the corpus was read."""

    candidates: tuple[Candidate, ...]
    toml: str
    pages: int
    sites: int
    # Pages without a site, of sites past MAX_SITES, or past a site's story cap.
    pages_skipped: int = 0
    # Learned candidates whose rule failed validation, with the reason (rare).
    invalid: tuple[tuple[Candidate, str], ...] = ()

    @property
    def learned(self) -> tuple[Candidate, ...]:
        """The candidates written as rules."""
        failed = {id(candidate) for candidate, _ in self.invalid}
        return tuple(c for c in self.candidates if c.learned and id(c) not in failed)

    def pack(self, origin: str = "<learned>") -> UserPack:
        """The learned rules as a validated user pack, ready for ``Pipeline(rule_packs=...)``."""
        pack = UserPack(origin, self.toml)
        compile_user_pack(pack)
        return pack

    def write(self, path: str | Path) -> None:
        """Write the pack's TOML to ``path``."""
        Path(path).write_text(self.toml, encoding="utf-8")


@dataclass(slots=True)
class SiteLearner:
    """Counts lines per site as pages are added; :meth:`result` decides and writes rules.

    Memory is bounded: at most ``MAX_SITES`` sites, and per site at most
    ``counts.MAX_STORIES`` stories and ``counts.MAX_KEYS`` line keys (see
    :mod:`newsclean.corpus.counts`).
    """

    min_pages: int = DEFAULT_MIN_PAGES
    min_share: float = DEFAULT_MIN_SHARE
    pipeline: Pipeline | None = None
    sites: dict[str, SiteCounts] = field(default_factory=dict)
    pages: int = 0
    pages_skipped: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.min_pages, bool) or not isinstance(self.min_pages, int):
            raise ConfigError(f"min_pages must be an integer, got {self.min_pages!r}")
        if self.min_pages < 2:
            raise ConfigError(f"min_pages must be at least 2, got {self.min_pages}")
        if not 0.0 < self.min_share <= 1.0:
            raise ConfigError(f"min_share must be in (0, 1], got {self.min_share!r}")

    def _pipeline(self) -> Pipeline:
        if self.pipeline is None:
            from newsclean.pipeline import Pipeline

            self.pipeline = Pipeline.default()
        return self.pipeline

    def add(self, text: str, *, site: str | None, page_id: str, lang: str | None = None) -> None:
        """Clean one page and count its lines under its site (a URL or a host; a page
        without one is skipped)."""
        host = site_of(site)
        if host is None:
            self.pages_skipped += 1
            return
        if host not in self.sites and len(self.sites) >= MAX_SITES:
            self.pages_skipped += 1  # as add_seen would, but before the page is cleaned
            return
        self.add_seen(host, page_id, observe(self._pipeline().clean(text, lang=lang)))

    def add_seen(self, site: str, page_id: str, page: PageSeen) -> None:
        """Count a page already observed (by :func:`newsclean.corpus.observe.observe`, for
        example in a worker process) under ``site`` (as :func:`site_of` gives it)."""
        counts = self.sites.get(site)
        if counts is None:
            if len(self.sites) >= MAX_SITES:
                self.pages_skipped += 1
                return
            counts = self.sites[site] = SiteCounts(site)
        self.pages += 1
        skipped = counts.pages_skipped
        counts.add(page_id, page)
        self.pages_skipped += counts.pages_skipped - skipped

    def result(self) -> LearnedRules:
        """Every site's candidates decided, and the learned ones written as a pack."""
        found: list[Candidate] = []
        tables: list[str] = []
        invalid: list[tuple[Candidate, str]] = []
        for site in sorted(self.sites):
            counts = self.sites[site]
            if counts.stories < self.min_pages:
                continue
            number = 0
            for candidate in candidates(counts, self.min_pages, self.min_share):
                found.append(candidate)
                if candidate.outcome is not Outcome.LEARNED:
                    continue
                number += 1
                rule_id = f"universal.site.{rule_name(site, number)}"
                table = rule_toml(candidate, rule_id)
                problem = check_rule(table, "<learned>")
                if problem is not None:
                    invalid.append((candidate, problem))
                    continue
                tables.append(table)
        description = (
            f"Site rules learned by newsclean learn from {self.pages} pages of "
            f"{len(self.sites)} sites (min_pages={self.min_pages}, "
            f"min_share={self.min_share:g}); review before use."
        )
        return LearnedRules(
            tuple(found),
            pack_toml(tables, description),
            self.pages,
            len(self.sites),
            self.pages_skipped,
            tuple(invalid),
        )


def learn(
    records: Iterable[Mapping[str, Any]],
    *,
    text_field: str = "text",
    site_field: str = "url",
    id_field: str = "id",
    min_pages: int = DEFAULT_MIN_PAGES,
    min_share: float = DEFAULT_MIN_SHARE,
    pipeline: Pipeline | None = None,
    lang: str | None = None,
) -> LearnedRules:
    """Learn site rules from records (mappings holding a text, and a URL or host in
    ``site_field``); records lacking either are skipped and counted.

    >>> stories = ["Rain fell all day.", "The mayor resigned.", "Schools reopen."]
    >>> pages = [
    ...     {"url": f"https://example.com/{n}", "id": str(n),
    ...      "text": f"Get the Example Bulletin every morning\\n{story}"}
    ...     for n, story in enumerate(stories)
    ... ]
    >>> learned = learn(pages, lang="en")
    >>> [candidate.site for candidate in learned.learned]
    ['example.com']
    """
    learner = SiteLearner(min_pages, min_share, pipeline)
    for number, record in enumerate(records, 1):
        text, site = record.get(text_field), record.get(site_field)
        if not isinstance(text, str) or not isinstance(site, str):
            learner.pages_skipped += 1
            continue
        page_id = record.get(id_field)
        learner.add(
            text, site=site, page_id=str(page_id if page_id is not None else number), lang=lang
        )
    return learner.result()
