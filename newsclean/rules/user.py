"""Rule packs of the user's own: validated before use, then applied after the shipped ones.

A user pack has the shipped packs' format (see :mod:`.loader`) with ``language`` set to an
ISO 639-1 code (applied to documents in that language) or ``universal`` (applied to all).
Before any document is cleaned it must pass, or :class:`~newsclean.RulePackError` names the
file, the rule and the problem: the TOML schema, size limits, every pattern compiling,
every example matching and no counter-example matching, and a cost probe that rejects
patterns which backtrack catastrophically on adversarial lines.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from newsclean.errors import RulePackError
from newsclean.limits import REGEX_TIMEOUT
from newsclean.rules.loader import (
    UNIVERSAL,
    RulePack,
    check_examples,
    load_pack,
    parse_pack,
    shipped_rule_ids,
)
from newsclean.rules.model import Rule, Scope

# A learned pack for a crawl of a few thousand sites runs to tens of megabytes.
MAX_PACK_BYTES = 64_000_000
# Rules that apply to every page; a site's own rules (the site step's) are counted apart:
# each page is matched against its site's only.
MAX_RULES = 2_000
MAX_RULES_PER_SITE = 2_000
MAX_SITE_RULES = 200_000
# A pattern may spend this long on one adversarial line of its own window size; a linear
# pattern needs well under a millisecond.
PROBE_SECONDS = 0.05
_LANGUAGE = regex.compile(r"[a-z]{2,3}|universal")


@dataclass(frozen=True, slots=True)
class UserPack:
    """The validated source of a user pack; it compiles once per process, and pickles small."""

    origin: str
    text: str

    @property
    def language(self) -> str:
        """The pack's ``language``: an ISO 639-1 code or ``universal``."""
        return compile_user_pack(self).language


def load_user_pack(path: str | Path) -> UserPack:
    """Read and fully validate the pack at ``path``; raise :class:`RulePackError` if bad.

    Only a regular file of at most ``MAX_PACK_BYTES`` is read (a device, a FIFO or a
    directory is refused before any byte is read)."""
    origin = str(path)
    try:
        # Opened without blocking (a FIFO would wait for a writer), then checked.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise RulePackError(f"{origin}: a rule pack must be a regular file")
            if info.st_size > MAX_PACK_BYTES:
                raise RulePackError(f"{origin}: rule pack larger than {MAX_PACK_BYTES:,} bytes")
            data = handle.read(MAX_PACK_BYTES + 1)
    except IsADirectoryError:
        raise RulePackError(f"{origin}: a rule pack must be a regular file") from None
    except OSError as exc:
        raise RulePackError(f"{origin}: cannot read rule pack: {exc.strerror or exc}") from None
    if len(data) > MAX_PACK_BYTES:
        raise RulePackError(f"{origin}: rule pack larger than {MAX_PACK_BYTES:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RulePackError(f"{origin}: rule pack is not UTF-8 (byte {exc.start})") from None
    pack = UserPack(origin, text)
    compile_user_pack(pack)
    return pack


@functools.cache
def compile_user_pack(pack: UserPack) -> RulePack:
    """Compile and check a user pack (cached: once per process and pack)."""
    origin = pack.origin
    compiled = parse_pack(pack.text, origin, load_pack(UNIVERSAL).lists)
    if not _LANGUAGE.fullmatch(compiled.language, timeout=REGEX_TIMEOUT):
        raise RulePackError(
            f"{origin}: language must be an ISO 639-1 code or 'universal', "
            f"got {compiled.language!r}"
        )
    everywhere = [rule for rule in compiled.rules if not rule.sites]
    if len(everywhere) > MAX_RULES:
        raise RulePackError(f"{origin}: more than {MAX_RULES} rules that are not site-scoped")
    if len(compiled.rules) - len(everywhere) > MAX_SITE_RULES:
        raise RulePackError(f"{origin}: more than {MAX_SITE_RULES} site-scoped rules")
    per_site = Counter(site for rule in compiled.rules for site in rule.sites)
    if per_site and max(per_site.values()) > MAX_RULES_PER_SITE:
        site, count = per_site.most_common(1)[0]
        raise RulePackError(
            f"{origin}: {count} rules for the site {site!r}; at most {MAX_RULES_PER_SITE}"
        )
    taken = shipped_rule_ids()
    for rule in compiled.rules:
        if rule.id in taken:
            raise RulePackError(f"{origin}: rule {rule.id!r}: id already used by a shipped pack")
        problems = check_examples(rule)
        if problems:
            raise RulePackError(f"{origin}: rule {rule.id!r}: {problems[0].split(': ', 1)[1]}")
        slow = slow_probe(rule)
        if slow is not None:
            raise RulePackError(
                f"{origin}: rule {rule.id!r}: pattern takes over {PROBE_SECONDS:g} s on "
                f"{slow} (catastrophic backtracking: nested or overlapping quantifiers?)"
            )
    # The user's rules share a time budget per document (see limits.USER_RULE_SECONDS).
    return dataclasses.replace(
        compiled, rules=tuple(dataclasses.replace(rule, budgeted=True) for rule in compiled.rules)
    )


def check_unique_ids(packs: tuple[UserPack, ...]) -> None:
    """Refuse two user packs in one pipeline that define the same rule id."""
    seen: dict[str, str] = {}
    for pack in packs:
        for rule in compile_user_pack(pack).rules:
            if rule.id in seen and seen[rule.id] != pack.origin:
                raise RulePackError(
                    f"{pack.origin}: rule {rule.id!r}: id already used by {seen[rule.id]}"
                )
            seen[rule.id] = pack.origin


def _probes(size: int) -> dict[str, str]:
    """Lines that make backtracking patterns explode, cut to the rule's window."""
    shapes = {
        "a run of one letter": "a",
        "a run of spaces": " ",
        "alternating letters and spaces": "a ",
        "a run of capitalised words": "Ab ",
        "repeated punctuation": ".,;-",
        "a run of digits": "1",
        "mixed words and punctuation": "Ab, cd. Ef- ",
    }
    return {
        f"{name}{' and a final mark' if tail else ''}": (unit * (size // len(unit) + 1))[:size]
        + tail
        for name, unit in shapes.items()
        for tail in ("", "!")
    }


def slow_probe(rule: Rule) -> str | None:
    """The name of an adversarial line on which the rule's pattern times out, if any."""
    if rule.pattern is None:
        return None
    size = min(rule.max_chars, 2_000)
    for name, line in _probes(size).items():
        try:
            if rule.scope is Scope.LINE:
                rule.pattern.fullmatch(line, timeout=PROBE_SECONDS)
            elif rule.scope is Scope.PREFIX:
                rule.pattern.match(line, 0, rule.max_chars, timeout=PROBE_SECONDS)
            else:
                rule.pattern.search(line, 0, timeout=PROBE_SECONDS)
        except TimeoutError:
            return f"{name} ({len(line)} characters)"
    return None
