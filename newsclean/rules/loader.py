"""Load rule packs (TOML files shipped in this package), validate them and compile them.

A pack holds a ``language`` (ISO 639-1, or ``universal``), a ``description``, optional
named ``[lists]`` that patterns use as ``\\L<name>``, optional ``[names]`` (the words of
its language that credit lines put between and around names, see :mod:`..extract.names`)
and ``[[rules]]``. Each rule has:

``id``               ``<pack>.<step>.<name>``, unique; ``<step>`` is the family that uses it
``kind``             one of the family's kinds (default: its first, see the registry)
``scope``            ``line`` (default), ``prefix`` or ``suffix``, if the family takes it
``pattern``          a ``regex`` pattern, or ``phrases``: a non-empty list of whole lines
``role``             ``header``, ``ends_article`` or ``author_box``, if the family takes it
``max_chars``        the longest line (or edge window) the rule looks at
``case_sensitive``   default false
``sets``             constant fields the rule adds to what it captures (``{source = "Reuters"}``)
``examples``         lines the rule must match; ``counter_examples``: lines it must not
``requires``         optional: literals one of which every match holds. The loader derives
                     them from the pattern; a list written here must be one the pattern
                     shows it needs (``^word``: the line starts with it), or it is refused.
``site``             the one site (a host, see :mod:`newsclean.sites`) a rule of the
                     ``site`` step applies to (those rules need one; no other step's
                     rules take one); a pack-level ``sites = [...]`` scopes every rule
                     that names none. A site-scoped rule fires only on pages cleaned with
                     ``site=`` set to that host or a host under it.
``evidence``         optional: a table of strings and numbers saying why the rule exists
                     (``newsclean learn`` writes its corpus counts here); shown by explain.

Named groups capture metadata fields (``authors``, ``caption``, ``location``, …, see
``rules.model.FIELDS``); a group whose name starts with ``_`` is the pattern's own.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from newsclean.errors import RulePackError
from newsclean.limits import DEFAULT_EDGE_WINDOW, DEFAULT_LINE_RULE_CHARS, REGEX_TIMEOUT
from newsclean.model import Kind
from newsclean.rules.derive import derive, fold, implied
from newsclean.rules.model import (
    FIELDS,
    Fields,
    Role,
    Rule,
    RuleSet,
    Scope,
    StepRules,
    phrase_key,
)
from newsclean.rules.scanner import START
from newsclean.sites import site_of
from newsclean.typography import AFTER_TRAILING_PHRASE, BEFORE_TRAILING_PHRASE

if TYPE_CHECKING:
    from newsclean.rules.user import UserPack
    from newsclean.steps.registry import Family

UNIVERSAL = "universal"
# The step whose rules are scoped to sites (see :mod:`newsclean.rules.sites`).
SITE_STEP = "site"
FALLBACK_LANGUAGE = "en"
_MAX_PATTERN_CHARS = 4000
_MAX_PHRASES = 5000
_MAX_RULE_CHARS = 5000
_MAX_LITERALS = 500
_MAX_LITERAL_CHARS = 200
_PACK_KEYS = frozenset({"language", "description", "lists", "names", "dates", "rules", "sites"})
_RULE_KEYS = frozenset(
    {
        "id",
        "kind",
        "scope",
        "pattern",
        "phrases",
        "role",
        "max_chars",
        "case_sensitive",
        "sets",
        "examples",
        "counter_examples",
        "note",
        "requires",
        "site",
        "evidence",
    }
)
# Names a list may not take: they are arguments of ``regex.compile``.
_RESERVED_LIST_NAMES = frozenset({"pattern", "flags", "ignore_unused", "cache_pattern"})
_LIST_NAME = regex.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_RULE_NAME = regex.compile(r"[A-Za-z0-9_\-]{1,80}")


def _shown(text: str) -> str:
    """``text`` quoted for a message, control characters escaped, at most 80 characters."""
    return repr(text[:80] + ("…" if len(text) > 80 else ""))


# The word lists of a pack's ``[names]`` table (see :class:`NameWords`).
_NAME_WORD_KEYS = (
    "separators",
    "particles",
    "not_persons",
    "articles",
    "place_prepositions",
    "byline_labels",
    "roles",
)
_NAME_KEYS = frozenset({*_NAME_WORD_KEYS, "examples"})


@dataclass(frozen=True, slots=True)
class NameWords:
    """A pack's words around names: between them ("and", "et"), inside them ("van",
    "de"), in a name's place without being one ("staff", "Redaktion"), before a place
    that follows a name ("in", "à"), the labels that stand alone on the line above a
    writer's name ("By", "Von", "Artikel von"), the roles written after a writer's name
    ("Staff Writer", "Redakteurin") and the articles that open a publication's name, never
    a person's ("The Guardian", "Der Spiegel"); with examples of credit text and the names
    in it."""

    separators: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    not_persons: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    place_prepositions: tuple[str, ...] = ()
    byline_labels: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    examples: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class DateWords:
    """A pack's words for dates: the names of each month (``months[0]`` January, …, full
    names and abbreviations), how numeric dates with slashes are ordered (``dmy`` or
    ``mdy``), the words that mark an update rather than a publication ("Aktualisiert",
    "Updated"), those of them that state the date of the page as it stands ("Stand": the
    page's publication date too, when it states no other), the words that label the
    publication date ("Veröffentlicht", "Published": a short line above the article that
    holds one before its date dates the page), the
    names of the weekdays (``weekdays[0]`` Monday; read as part of a date they precede:
    "lundi 9 décembre 2019"), the time zones written after a time ("EDT", "MESZ": each
    with its offset from UTC, read into the ISO value), and examples of date text with the
    ISO value read from it."""

    months: tuple[tuple[str, ...], ...] = ()
    order: str = "dmy"
    updated: tuple[str, ...] = ()
    as_of: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    weekdays: tuple[tuple[str, ...], ...] = ()
    zones: tuple[tuple[str, str], ...] = ()
    examples: tuple[tuple[str, str], ...] = ()


_DATE_KEYS = frozenset(
    {"months", "order", "updated", "as_of", "published", "weekdays", "zones", "examples"}
)
# A zone entry: its abbreviation as written (capital letters) and its offset from UTC.
_ZONE_ENTRY = re.compile(r"([A-Z]{2,5}) ([+-])(\d\d):(\d\d)")
MAX_ZONE_HOURS = 14


def _section(raw: Any, origin: str, name: str, keys: frozenset[str]) -> dict[str, Any]:
    """A pack's ``[name]`` table, refused when it is not a table or has unknown keys."""
    if not isinstance(raw, dict):
        raise _fail(origin, None, f"'{name}' must be a table")
    unknown = sorted(set(raw) - keys)
    if unknown:
        raise _fail(origin, None, f"[{name}] has unknown keys {unknown}")
    return raw


def _calendar_names(
    raw: dict[str, Any], origin: str, key: str, count: int, what: str
) -> tuple[tuple[str, ...], ...]:
    """``dates.<key>``: none, or ``count`` entries of names (full and abbreviated, split on
    spaces), case-folded, in calendar order."""
    entries = _string_list(raw.get(key, []), origin, None, f"dates.{key}")
    if entries and len(entries) != count:
        raise _fail(origin, None, f"dates.{key} must name the {what}")
    return tuple(tuple(entry.casefold().split()) for entry in entries)


def _parse_dates(raw: Any, origin: str) -> DateWords:
    raw = _section(raw, origin, "dates", _DATE_KEYS)
    months = _calendar_names(raw, origin, "months", 12, "12 months (January first)")
    weekdays = _calendar_names(raw, origin, "weekdays", 7, "7 days (Monday first)")
    order = raw.get("order", "dmy")
    if order not in ("dmy", "mdy"):
        raise _fail(origin, None, "dates.order must be 'dmy' or 'mdy'")
    examples: list[tuple[str, str]] = []
    for example in raw.get("examples", []):
        if (
            not isinstance(example, dict)
            or set(example) != {"text", "date"}
            or not all(isinstance(value, str) for value in example.values())
        ):
            raise _fail(origin, None, "[[dates.examples]] need a 'text' and its 'date'")
        examples.append((example["text"], example["date"]))
    updated = _string_list(raw.get("updated", []), origin, None, "dates.updated")
    as_of = _string_list(raw.get("as_of", []), origin, None, "dates.as_of")
    if not set(as_of) <= set(updated):
        raise _fail(origin, None, "dates.as_of must be words of dates.updated")
    return DateWords(
        months=months,
        zones=_zones(raw, origin),
        order=order,
        updated=updated,
        as_of=as_of,
        published=_string_list(raw.get("published", []), origin, None, "dates.published"),
        weekdays=weekdays,
        examples=tuple(examples),
    )


def _zones(raw: dict[str, Any], origin: str) -> tuple[tuple[str, str], ...]:
    """``dates.zones``: entries "EDT -04:00", an abbreviation and its offset from UTC."""
    zones: list[tuple[str, str]] = []
    for entry in _string_list(raw.get("zones", []), origin, None, "dates.zones"):
        found = _ZONE_ENTRY.fullmatch(entry)
        if found is None or int(found[3]) > MAX_ZONE_HOURS or int(found[4]) >= 60:
            raise _fail(origin, None, f"dates.zones entry {entry!r} must be like 'EDT -04:00'")
        zones.append((found[1], entry.partition(" ")[2]))
    return tuple(zones)


@dataclass(frozen=True, slots=True)
class RulePack:
    """One validated pack: its language, description, named lists, name words and rules."""

    language: str
    description: str
    lists: Mapping[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    origin: str
    names: NameWords = NameWords()
    dates: DateWords = DateWords()


def _fail(origin: str, rule_id: str | None, problem: str) -> RulePackError:
    where = f"{origin}: rule {rule_id!r}" if rule_id else origin
    return RulePackError(f"{where}: {problem}")


def _string_list(value: Any, origin: str, rule_id: str | None, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _fail(origin, rule_id, f"{name} must be a list of strings")
    return tuple(value)


@functools.cache
def _families() -> Mapping[str, Family]:
    # Imported here: the registry imports the steps, which import the rule model.
    from newsclean.steps.registry import FAMILY

    return FAMILY


def _family(origin: str, rule_id: str, step: str) -> Family:
    family = _families().get(step)
    if family is None or not family.takes_rules:
        takers = sorted(name for name, f in _families().items() if f.takes_rules)
        raise _fail(origin, rule_id, f"unknown step {step!r}; steps that take rules: {takers}")
    return family


def _choice(raw: Any, allowed: Any, what: str, origin: str, rule_id: str) -> Any:
    """``raw`` as a member of the enum-like ``allowed`` collection, or a clear error."""
    for member in allowed:
        if isinstance(raw, str) and raw == member.value:
            return member
    names = ", ".join(sorted(member.value for member in allowed))
    raise _fail(origin, rule_id, f"{what} {raw!r} is not one this step takes ({names})")


def _site(value: Any, origin: str, rule_id: str | None, name: str) -> str:
    """A rule's or pack's site, as :func:`newsclean.sites.site_of` writes it."""
    site = site_of(value) if isinstance(value, str) else None
    if site is None or site != value.strip().lower():
        raise _fail(
            origin,
            rule_id,
            f"{name} must be a host name such as 'example.com' (lower case, no scheme, "
            f"path or 'www.'), got {_shown(str(value))}",
        )
    return site


_MAX_EVIDENCE_KEYS = 32


def _evidence(value: Any, origin: str, rule_id: str) -> Fields:
    """A rule's ``evidence`` table: short strings, numbers, or lists of short strings."""
    if not isinstance(value, dict) or len(value) > _MAX_EVIDENCE_KEYS:
        raise _fail(
            origin, rule_id, f"evidence must be a table of at most {_MAX_EVIDENCE_KEYS} keys"
        )
    items: list[tuple[str, str]] = []
    for key, item in value.items():
        if isinstance(item, bool) or not isinstance(item, (str, int, float, list)):
            raise _fail(origin, rule_id, f"evidence.{key} must be a string, a number or a list")
        if isinstance(item, list):
            if not all(isinstance(part, str) for part in item):
                raise _fail(origin, rule_id, f"evidence.{key} must be a list of strings")
            shown = ", ".join(item)
        else:
            shown = str(item)
        if len(shown) > _MAX_RULE_CHARS:
            raise _fail(
                origin, rule_id, f"evidence.{key} is longer than {_MAX_RULE_CHARS} characters"
            )
        items.append((key, shown))
    return tuple(items)


def _compile_rule(
    raw: Mapping[str, Any],
    language: str,
    lists: Mapping[str, tuple[str, ...]],
    origin: str,
    pack_sites: frozenset[str] = frozenset(),
) -> Rule:
    if not isinstance(raw, dict):
        raise _fail(origin, None, f"every rule must be a table, got {type(raw).__name__}")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str):
        raise _fail(origin, None, "every rule needs a string 'id'")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _fail(origin, rule_id, f"unknown keys {sorted(unknown)}")
    parts = rule_id.split(".")
    if (
        len(parts) != 3
        or parts[0] != language
        or not _RULE_NAME.fullmatch(parts[2], timeout=REGEX_TIMEOUT)
    ):
        raise _fail(
            origin,
            None,
            f"rule id {_shown(rule_id)} must look like '{language}.<step>.<name>', the name "
            "of letters, digits, '_' and '-'",
        )
    family = _family(origin, rule_id, parts[1])
    kind = _choice(
        raw.get("kind", family.default_kind.value), family.rule_kinds, "kind", origin, rule_id
    )
    scope = _choice(raw.get("scope", "line"), family.scopes, "scope", origin, rule_id)
    role = None
    if "role" in raw:
        role = _choice(raw["role"], family.roles, "role", origin, rule_id)
    default_chars = DEFAULT_LINE_RULE_CHARS if scope is Scope.LINE else DEFAULT_EDGE_WINDOW
    max_chars = raw.get("max_chars", default_chars)
    if type(max_chars) is not int or not 1 <= max_chars <= _MAX_RULE_CHARS:
        raise _fail(origin, rule_id, f"max_chars must be an integer in 1..{_MAX_RULE_CHARS}")
    sets_raw = raw.get("sets", {})
    if not isinstance(sets_raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in sets_raw.items()
    ):
        raise _fail(origin, rule_id, "sets must be a table of strings")
    unknown_fields = sorted(set(sets_raw) - FIELDS)
    if unknown_fields:
        raise _fail(
            origin, rule_id, f"sets names unknown fields {unknown_fields}; known: {sorted(FIELDS)}"
        )
    case_sensitive = raw.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise _fail(origin, rule_id, "case_sensitive must be true or false")
    has_pattern, has_phrases = "pattern" in raw, "phrases" in raw
    if has_pattern == has_phrases:
        raise _fail(origin, rule_id, "give exactly one of 'pattern' and 'phrases'")
    flags = regex.VERSION0 | regex.UNICODE
    if not case_sensitive:
        flags |= regex.IGNORECASE
    pattern: regex.Pattern[str] | None = None
    reverse: regex.Pattern[str] | None = None
    phrases: frozenset[str] = frozenset()
    source = ""
    named: dict[str, Any] = {name: list(items) for name, items in lists.items()}
    if has_phrases:
        phrase_list = _string_list(raw["phrases"], origin, rule_id, "phrases")
        if not phrase_list:
            raise _fail(origin, rule_id, "empty phrase list (it would match everything)")
        if len(phrase_list) > _MAX_PHRASES:
            raise _fail(origin, rule_id, f"more than {_MAX_PHRASES} phrases")
        keys = [phrase_key(p) for p in phrase_list]
        if any(not key for key in keys):
            raise _fail(origin, rule_id, "a phrase is empty once punctuation is trimmed")
        if scope is Scope.LINE:
            phrases = frozenset(keys)
        else:
            body = r"\L<phrases>"
            before, after = (
                regex.escape(BEFORE_TRAILING_PHRASE),
                regex.escape(AFTER_TRAILING_PHRASE),
            )
            source = (
                rf"\W*{body}\b\W*"
                if scope is Scope.PREFIX
                # A trailing phrase must follow the end of a sentence: "… rose. Read more",
                # never "… to read more."
                else rf"(?:^|(?<=[{before}]))\s*{body}(?:\s*[{after}]+)?\s*\Z"
            )
            named = {"phrases": list(phrase_list)}
            pattern = regex.compile(source, flags, **named)
            if scope is Scope.SUFFIX:
                reverse = regex.compile(source, flags | regex.REVERSE, **named)
    else:
        source = raw["pattern"]
        if not isinstance(source, str) or not source:
            raise _fail(origin, rule_id, "pattern must be a non-empty string")
        if len(source) > _MAX_PATTERN_CHARS:
            raise _fail(origin, rule_id, f"pattern longer than {_MAX_PATTERN_CHARS} characters")
        if scope is Scope.SUFFIX and not source.endswith(r"\Z"):
            source = rf"(?:{source})\Z"
        try:
            pattern = regex.compile(source, flags, ignore_unused=True, **named)
            if scope is Scope.SUFFIX:
                # A suffix match ends the line: searched from the end, the many start
                # positions that lead nowhere fail at once. Used only to test existence.
                reverse = regex.compile(source, flags | regex.REVERSE, ignore_unused=True, **named)
        except (regex.error, ValueError, KeyError, TypeError, OverflowError) as exc:
            raise _fail(origin, rule_id, f"pattern does not compile: {exc}") from None
        groups = sorted(name for name in pattern.groupindex if not name.startswith("_"))
        unknown_groups = [name for name in groups if name not in FIELDS]
        if unknown_groups:
            raise _fail(
                origin,
                rule_id,
                f"named groups {unknown_groups} are not metadata fields; known: "
                f"{sorted(FIELDS)} (a group of the pattern's own starts with '_')",
            )
    requires: tuple[str, ...] = ()
    if pattern is not None:
        requires = _requires(raw, source, named, scope, lists, origin, rule_id)
    sites = pack_sites
    if "site" in raw:
        sites = frozenset({_site(raw["site"], origin, rule_id, "site")})
    if sites and family.name != SITE_STEP:
        raise _fail(
            origin,
            rule_id,
            f"only rules of the {SITE_STEP!r} step are scoped to a site "
            f"(an id like '{language}.{SITE_STEP}.<name>')",
        )
    if family.name == SITE_STEP and not sites:
        raise _fail(origin, rule_id, f"a rule of the {SITE_STEP!r} step needs a 'site'")
    evidence = _evidence(raw["evidence"], origin, rule_id) if "evidence" in raw else ()
    return Rule(
        id=rule_id,
        step=family.name,
        kind=kind,
        scope=scope,
        max_chars=max_chars,
        role=role,
        pattern=pattern,
        reverse=reverse,
        phrases=phrases,
        requires=requires,
        sets=tuple(sorted(sets_raw.items())),
        examples=_string_list(raw.get("examples", []), origin, rule_id, "examples"),
        counter_examples=_string_list(
            raw.get("counter_examples", []), origin, rule_id, "counter_examples"
        ),
        origin=origin,
        note=str(raw.get("note", "")),
        sites=sites,
        evidence=evidence,
    )


def _requires(
    raw: Mapping[str, Any],
    source: str,
    named: Mapping[str, Any],
    scope: Scope,
    lists: Mapping[str, tuple[str, ...]],
    origin: str,
    rule_id: str,
) -> tuple[str, ...]:
    """The literal keys a line must hold for the rule to be tried: derived from the
    pattern; a hand-written ``requires`` is accepted only when the pattern shows it."""
    anchored = scope is not Scope.SUFFIX
    pattern_lists = {name: tuple(items) for name, items in named.items()}
    derived = derive(source, pattern_lists, anchored=anchored)
    if "requires" in raw:
        given = _expand_lists(
            _string_list(raw["requires"], origin, rule_id, "requires"), lists, origin, rule_id
        )
        if not given or not all(item.strip("^") for item in given):
            raise _fail(origin, rule_id, "requires must be a non-empty list of non-empty strings")
        if len(given) > _MAX_LITERALS or max(map(len, given)) > _MAX_LITERAL_CHARS:
            raise _fail(
                origin,
                rule_id,
                f"requires may hold at most {_MAX_LITERALS} literals of at most "
                f"{_MAX_LITERAL_CHARS} characters",
            )
        anywhere = tuple(item for item in given if not item.startswith(START))
        at_start = tuple(item[len(START) :] for item in given if item.startswith(START))
        if not implied(source, pattern_lists, anywhere, at_start, anchored=anchored):
            raise _fail(
                origin,
                rule_id,
                "requires names literals the pattern does not show every match holds; "
                "leave 'requires' out: the loader derives them from the pattern",
            )
        if derived is None:
            keys = (*(fold(item) for item in anywhere), *(START + fold(item) for item in at_start))
            return tuple(dict.fromkeys(keys))
    if derived is None:
        return ()
    keys = (*derived.anywhere, *(START + literal for literal in derived.at_start))
    if len(keys) > _MAX_LITERALS:
        return ()  # too many to index: the rule is tried on every line instead
    return keys


_LIST_REFERENCE = regex.compile(r"\\L<(\w+)>")


def _expand_lists(
    items: tuple[str, ...],
    lists: Mapping[str, tuple[str, ...]],
    origin: str,
    rule_id: str,
) -> tuple[str, ...]:
    """``requires`` entries with each ``\\L<name>`` replaced by the items of that list."""
    expanded: list[str] = []
    for item in items:
        reference = _LIST_REFERENCE.fullmatch(item, timeout=REGEX_TIMEOUT)
        if reference is None:
            expanded.append(item)
        elif reference[1] in lists:
            expanded.extend(lists[reference[1]])
        else:
            raise _fail(origin, rule_id, f"requires names an unknown list {reference[1]!r}")
    return tuple(expanded)


def _parse_names(raw: Any, origin: str) -> NameWords:
    raw = _section(raw, origin, "names", _NAME_KEYS)
    examples: list[tuple[str, tuple[str, ...]]] = []
    for example in raw.get("examples", []):
        if (
            not isinstance(example, dict)
            or not isinstance(example.get("text"), str)
            or set(example) != {"text", "names"}
        ):
            raise _fail(origin, None, "[[names.examples]] need a 'text' and its 'names'")
        examples.append((example["text"], _string_list(example["names"], origin, None, "names")))
    words = {
        key: _string_list(raw.get(key, []), origin, None, f"names.{key}") for key in _NAME_WORD_KEYS
    }
    for key, items in words.items():
        if any(not item.strip() or item != item.strip() for item in items):
            raise _fail(origin, None, f"names.{key} holds an empty or padded word")
    return NameWords(**words, examples=tuple(examples))


def parse_pack(text: str, origin: str, shared_lists: Mapping[str, tuple[str, ...]]) -> RulePack:
    """Validate and compile the TOML text of one pack; raise :class:`RulePackError` if bad."""
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise _fail(origin, None, f"invalid TOML: {exc}") from None
    except RecursionError:
        raise _fail(origin, None, "invalid TOML: nested too deeply") from None
    unknown = sorted(set(data) - _PACK_KEYS)
    if unknown:
        raise _fail(origin, None, f"unknown top-level keys {unknown}; known: {sorted(_PACK_KEYS)}")
    language = data.get("language")
    if not isinstance(language, str) or not language:
        raise _fail(origin, None, "missing 'language'")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise _fail(origin, None, "'description' must be a string")
    raw_lists = data.get("lists", {})
    if not isinstance(raw_lists, dict):
        raise _fail(origin, None, "'lists' must be a table")
    lists = dict(shared_lists)
    for name, values in raw_lists.items():
        if not _LIST_NAME.fullmatch(name, timeout=REGEX_TIMEOUT) or name in _RESERVED_LIST_NAMES:
            raise _fail(
                origin,
                None,
                f"list name {name!r} must be a word of letters, digits and '_' "
                f"and not one of {sorted(_RESERVED_LIST_NAMES)}",
            )
        items = _string_list(values, origin, None, f"list {name!r}")
        if not items or not all(items):
            raise _fail(origin, None, f"list {name!r} is empty or holds an empty item")
        lists[name] = items
    names = _parse_names(data.get("names", {}), origin)
    dates = _parse_dates(data.get("dates", {}), origin)
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise _fail(origin, None, "'rules' must be an array of tables")
    raw_sites = data.get("sites", [])
    if not isinstance(raw_sites, list) or (not raw_sites and "sites" in data):
        raise _fail(origin, None, "'sites' must be a non-empty list of host names")
    pack_sites = frozenset(_site(item, origin, None, "sites") for item in raw_sites)
    rules = tuple(_compile_rule(raw, language, lists, origin, pack_sites) for raw in raw_rules)
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise _fail(origin, rule.id, "duplicate rule id")
        seen.add(rule.id)
    return RulePack(language, description, lists, rules, origin, names, dates)


def _pack_files() -> dict[str, Any]:
    folder = resources.files("newsclean.rules")
    return {
        Path(entry.name).stem: entry for entry in folder.iterdir() if entry.name.endswith(".toml")
    }


def available_languages() -> tuple[str, ...]:
    """Languages that have a rule pack of their own (the universal pack excluded).

    >>> "fr" in available_languages()
    True
    """
    return tuple(sorted(name for name in _pack_files() if name != UNIVERSAL))


@functools.cache
def load_pack(name: str) -> RulePack:
    """The shipped pack ``name`` (a language code or ``universal``), compiled once."""
    files = _pack_files()
    if name not in files:
        raise RulePackError(f"no rule pack {name!r}; available: {', '.join(sorted(files))}")
    shared = {} if name == UNIVERSAL else load_pack(UNIVERSAL).lists
    origin = f"newsclean/rules/{name}.toml"
    pack = parse_pack(files[name].read_text(encoding="utf-8"), origin, shared)
    if pack.language != name:
        raise _fail(origin, None, f"language {pack.language!r} does not match the file name")
    return pack


def rules_for(*languages: str | None, extra: tuple[UserPack, ...] = ()) -> RuleSet:
    """Rules by step: universal first, then each language's pack in the order given, then
    the ``extra`` user packs that are universal or in one of ``languages`` (their
    site-scoped rules aside: see :func:`newsclean.rules.sites.site_rules_for`).

    A language without a pack (or ``None``) gets the English pack, never an error.
    """
    known = _languages()
    packs = tuple(dict.fromkeys(lang if lang in known else FALLBACK_LANGUAGE for lang in languages))
    return _rules_for_packs(packs or (FALLBACK_LANGUAGE,), for_languages(extra, languages))


def for_languages(
    extra: tuple[UserPack, ...], languages: tuple[str | None, ...]
) -> tuple[UserPack, ...]:
    """The user packs that apply to documents in ``languages``: universal ones and theirs."""
    if not extra:
        return extra
    wanted = {lang for lang in languages if lang} | {UNIVERSAL}
    return tuple(pack for pack in extra if pack.language in wanted)


@functools.cache
def shipped_rule_ids() -> frozenset[str]:
    """The ids of every rule in the shipped packs."""
    names = (UNIVERSAL, *available_languages())
    return frozenset(rule.id for name in names for rule in load_pack(name).rules)


@functools.cache
def _languages() -> frozenset[str]:
    return frozenset(available_languages())


@functools.cache
def _rules_for_packs(names: tuple[str, ...], extra: tuple[UserPack, ...]) -> RuleSet:
    from newsclean.rules.user import compile_user_pack
    from newsclean.steps.registry import RULE_FAMILIES

    packs = (
        load_pack(UNIVERSAL),
        *(load_pack(name) for name in names),
        *(compile_user_pack(pack) for pack in extra),
    )
    by_step: dict[str, StepRules] = {}
    for step in RULE_FAMILIES:
        rules = tuple(
            rule for pack in packs for rule in pack.rules if rule.step == step and not rule.sites
        )
        index: dict[str, Rule] = {}
        for rule in rules:
            for key in rule.phrases:
                index.setdefault(key, rule)
        by_step[step] = StepRules(step, rules, index)
    return RuleSet(by_step)


def check_examples(rule: Rule) -> list[str]:
    """Problems with a rule's own examples: ones it misses, counter-examples it matches,
    and examples that hold none of the literals the rule is tried on."""
    problems = []
    for example in rule.examples:
        line = example.strip()
        if rule.requires and not holds_required(rule.requires, fold(line)):
            problems.append(f"{rule.id}: example holds none of the required literals: {example!r}")
        elif rule.match(line) is None:
            problems.append(f"{rule.id}: example not matched: {example!r}")
    for counter in rule.counter_examples:
        if rule.match(counter.strip()) is not None:
            problems.append(f"{rule.id}: counter-example matched: {counter!r}")
    return problems


def holds_required(keys: tuple[str, ...], folded: str) -> bool:
    """Whether a folded line holds one of a rule's required literals (``^word``: starts
    with it)."""
    return any(
        folded.startswith(key[len(START) :]) if key.startswith(START) else key in folded
        for key in keys
    )


__all__ = [
    "FALLBACK_LANGUAGE",
    "UNIVERSAL",
    "Kind",
    "NameWords",
    "Role",
    "RulePack",
    "available_languages",
    "check_examples",
    "load_pack",
    "parse_pack",
    "rules_for",
    "shipped_rule_ids",
]
