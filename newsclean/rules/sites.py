"""The rules of one site: the site-scoped rules of the user packs, indexed by site, so that a
page gets its site's rules without any other site's rules weighing on it.

A crawl may carry rules for thousands of sites. They stay out of the shared rule sets
(:func:`newsclean.rules.loader.rules_for`); the ``site`` step asks for its page's
:class:`SiteRules`, built once per site and kept in a bounded cache.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsclean.limits import DEFAULT_LINE_RULE_CHARS
from newsclean.rules.derive import fold
from newsclean.rules.loader import for_languages, holds_required
from newsclean.rules.model import Rule, phrase_key
from newsclean.sites import site_and_parents

if TYPE_CHECKING:
    from newsclean.rules.user import UserPack

# Sites whose rules are kept built at once; the least recently used go first.
CACHED_SITES = 1024


@dataclass(frozen=True, slots=True)
class SiteRules:
    """The rules for one page's site (its host and the hosts above it), in pack order:
    whole-line phrases by phrase key, and pattern rules."""

    phrases: Mapping[str, Rule]
    patterns: tuple[Rule, ...]

    def phrase_rule(self, text: str) -> Rule | None:
        """The phrase rule ``text`` is, if any."""
        if not self.phrases or len(text) > DEFAULT_LINE_RULE_CHARS:
            return None
        rule = self.phrases.get(phrase_key(text))
        if rule is not None and len(text) > rule.max_chars:
            return None
        return rule

    def pattern_candidates(self, text: str) -> list[Rule]:
        """The pattern rules that might match ``text``: long enough a window, and holding
        one of their required literals."""
        folded = fold(text)
        return [
            rule
            for rule in self.patterns
            if len(text) <= rule.max_chars
            and (not rule.requires or holds_required(rule.requires, folded))
        ]


def site_rules_for(
    language: str | None, extra: tuple[UserPack, ...], site: str | None
) -> SiteRules | None:
    """The rules of ``extra`` scoped to ``site`` (as :func:`newsclean.sites.site_of` gives
    it) or a host above it, from the packs of ``language`` and the universal ones;
    ``None`` when there are none."""
    if site is None or not extra:
        return None
    packs = for_languages(extra, (language,))
    if not packs:
        return None
    hosts = site_and_parents(site)
    matched = tuple(host for host in hosts if any(host in _pack_index(pack) for pack in packs))
    if not matched:
        return None
    return _site_rules(packs, matched)


@functools.lru_cache(maxsize=CACHED_SITES)
def _site_rules(packs: tuple[UserPack, ...], hosts: tuple[str, ...]) -> SiteRules:
    rules = [rule for pack in packs for host in hosts for rule in _pack_index(pack).get(host, ())]
    phrases: dict[str, Rule] = {}
    for rule in rules:
        for key in rule.phrases:
            phrases.setdefault(key, rule)
    patterns = tuple(dict.fromkeys(rule for rule in rules if rule.pattern is not None))
    return SiteRules(phrases, patterns)


@functools.cache
def _pack_index(pack: UserPack) -> Mapping[str, tuple[Rule, ...]]:
    """A user pack's site-scoped rules by site, in pack order."""
    from newsclean.rules.user import compile_user_pack

    index: dict[str, list[Rule]] = {}
    for rule in compile_user_pack(pack).rules:
        for host in sorted(rule.sites):
            index.setdefault(host, []).append(rule)
    return {host: tuple(rules) for host, rules in index.items()}
