"""Load rule packs (TOML files shipped in this package), validate them and compile them.

A pack holds a ``language`` (ISO 639-1, or ``universal``), a ``description``, optional
named ``[lists]`` that patterns use as ``\\L<name>``, and ``[[rules]]``. Each rule has:

``id``               ``<pack>.<step>.<name>``, unique; ``<step>`` is the step that uses it
``kind``             a :class:`~newsclean.Kind` value (default: the step's kind)
``scope``            ``line`` (default), ``prefix`` or ``suffix``
``pattern``          a ``regex`` pattern, or ``phrases``: a non-empty list of whole lines
``role``             what the step does with it (e.g. ``header`` in ``related``)
``max_chars``        the longest line (or edge window) the rule looks at
``case_sensitive``   default false
``requires``         literals of which every match holds one (case-insensitive): the rule is
                     tried only on lines that contain one; each example must contain one;
                     ``\\L<name>`` stands for the items of a named list; ``^word``
                     means the line starts with it
``sets``             constant fields the rule adds to what it captures (``{source = "Reuters"}``)
``examples``         lines the rule must match; ``counter_examples``: lines it must not
"""

from __future__ import annotations

import functools
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
from newsclean.rules.model import Rule, RuleSet, Scope, StepRules, phrase_key
from newsclean.steps import DEFAULT_STEPS, STEP_KIND

if TYPE_CHECKING:
    from newsclean.rules.user import UserPack

UNIVERSAL = "universal"
FALLBACK_LANGUAGE = "en"
_MAX_PATTERN_CHARS = 4000
_MAX_PHRASES = 5000
_MAX_RULE_CHARS = 5000
_ALLOWED_KEYS = frozenset(
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
    }
)


@dataclass(frozen=True, slots=True)
class RulePack:
    """One validated pack: its language, description, named lists and compiled rules."""

    language: str
    description: str
    lists: Mapping[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    origin: str


def _fail(origin: str, rule_id: str | None, problem: str) -> RulePackError:
    where = f"{origin}: rule {rule_id!r}" if rule_id else origin
    return RulePackError(f"{where}: {problem}")


def _string_list(value: Any, origin: str, rule_id: str | None, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _fail(origin, rule_id, f"{name} must be a list of strings")
    return tuple(value)


def _compile_rule(
    raw: Mapping[str, Any],
    language: str,
    lists: Mapping[str, tuple[str, ...]],
    origin: str,
) -> Rule:
    rule_id = raw.get("id")
    if not isinstance(rule_id, str):
        raise _fail(origin, None, "every rule needs a string 'id'")
    unknown = set(raw) - _ALLOWED_KEYS
    if unknown:
        raise _fail(origin, rule_id, f"unknown keys {sorted(unknown)}")
    parts = rule_id.split(".")
    if len(parts) != 3 or parts[0] != language or not all(parts):
        raise _fail(origin, rule_id, f"id must look like '{language}.<step>.<name>'")
    step = parts[1]
    if step not in STEP_KIND:
        raise _fail(origin, rule_id, f"unknown step {step!r}; rule steps: {sorted(STEP_KIND)}")
    try:
        kind = Kind(raw.get("kind", STEP_KIND[step].value))
        scope = Scope(raw.get("scope", "line"))
    except ValueError as exc:
        raise _fail(origin, rule_id, str(exc)) from None
    default_chars = DEFAULT_LINE_RULE_CHARS if scope is Scope.LINE else DEFAULT_EDGE_WINDOW
    max_chars = raw.get("max_chars", default_chars)
    if not isinstance(max_chars, int) or not 1 <= max_chars <= _MAX_RULE_CHARS:
        raise _fail(origin, rule_id, f"max_chars must be an integer in 1..{_MAX_RULE_CHARS}")
    sets_raw = raw.get("sets", {})
    if not isinstance(sets_raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in sets_raw.items()
    ):
        raise _fail(origin, rule_id, "sets must be a table of strings")
    has_pattern, has_phrases = "pattern" in raw, "phrases" in raw
    if has_pattern == has_phrases:
        raise _fail(origin, rule_id, "give exactly one of 'pattern' and 'phrases'")
    flags = regex.VERSION0 | regex.UNICODE
    if not raw.get("case_sensitive", False):
        flags |= regex.IGNORECASE
    pattern: regex.Pattern[str] | None = None
    reverse: regex.Pattern[str] | None = None
    phrases: frozenset[str] = frozenset()
    required = _expand_lists(
        _string_list(raw.get("requires", []), origin, rule_id, "requires"), lists, origin, rule_id
    )
    if "requires" in raw and (not required or not all(required)):
        raise _fail(origin, rule_id, "requires must be a non-empty list of non-empty strings")
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
            source = (
                rf"\W*{body}\b\W*"
                if scope is Scope.PREFIX
                # A trailing phrase must follow the end of a sentence: "… rose. Read more",
                # never "… to read more."
                else rf"(?:^|(?<=[.!?…»”\"’)\]]))\s*{body}(?:\s*[.…»›>→]+)?\s*\Z"
            )
            pattern = regex.compile(source, flags, phrases=list(phrase_list))
            if scope is Scope.SUFFIX:
                reverse = regex.compile(source, flags | regex.REVERSE, phrases=list(phrase_list))
            required = phrase_list  # an edge phrase rule matches one of its phrases
    else:
        source = raw["pattern"]
        if not isinstance(source, str) or not source:
            raise _fail(origin, rule_id, "pattern must be a non-empty string")
        if len(source) > _MAX_PATTERN_CHARS:
            raise _fail(origin, rule_id, f"pattern longer than {_MAX_PATTERN_CHARS} characters")
        if scope is Scope.SUFFIX and not source.endswith(r"\Z"):
            source = rf"(?:{source})\Z"
        try:
            named: dict[str, Any] = {k: list(v) for k, v in lists.items()}
            pattern = regex.compile(source, flags, ignore_unused=True, **named)
            if scope is Scope.SUFFIX:
                # A suffix match ends the line: searched from the end, the many start
                # positions that lead nowhere fail at once. Used only to test existence.
                reverse = regex.compile(source, flags | regex.REVERSE, ignore_unused=True, **named)
        except (regex.error, ValueError, KeyError) as exc:
            raise _fail(origin, rule_id, f"pattern does not compile: {exc}") from None
    return Rule(
        id=rule_id,
        step=step,
        kind=kind,
        scope=scope,
        max_chars=max_chars,
        role=raw.get("role"),
        pattern=pattern,
        reverse=reverse,
        phrases=phrases,
        requires=tuple(dict.fromkeys(r.lower() for r in required)) if pattern is not None else (),
        sets=tuple(sorted(sets_raw.items())),
        examples=_string_list(raw.get("examples", []), origin, rule_id, "examples"),
        counter_examples=_string_list(
            raw.get("counter_examples", []), origin, rule_id, "counter_examples"
        ),
        origin=origin,
        note=str(raw.get("note", "")),
    )


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


def parse_pack(text: str, origin: str, shared_lists: Mapping[str, tuple[str, ...]]) -> RulePack:
    """Validate and compile the TOML text of one pack; raise :class:`RulePackError` if bad."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(origin, None, f"invalid TOML: {exc}") from None
    language = data.get("language")
    if not isinstance(language, str) or not language:
        raise _fail(origin, None, "missing 'language'")
    raw_lists = data.get("lists", {})
    if not isinstance(raw_lists, dict):
        raise _fail(origin, None, "'lists' must be a table")
    lists = dict(shared_lists)
    for name, values in raw_lists.items():
        items = _string_list(values, origin, None, f"list {name!r}")
        if not items:
            raise _fail(origin, None, f"list {name!r} is empty")
        lists[name] = items
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise _fail(origin, None, "'rules' must be an array of tables")
    rules = tuple(_compile_rule(raw, language, lists, origin) for raw in raw_rules)
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise _fail(origin, rule.id, "duplicate rule id")
        seen.add(rule.id)
    return RulePack(language, str(data.get("description", "")), lists, rules, origin)


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


def rules_for(*languages: str | None, extra: tuple[UserPack, ...] = ()) -> Mapping[str, StepRules]:
    """Rules by step: universal first, then each language's pack in the order given, then
    the ``extra`` user packs that are universal or in one of ``languages``.

    A language without a pack (or ``None``) gets the English pack, never an error.
    """
    known = _languages()
    packs = tuple(dict.fromkeys(lang if lang in known else FALLBACK_LANGUAGE for lang in languages))
    if extra:
        wanted = {lang for lang in languages if lang} | {UNIVERSAL}
        extra = tuple(pack for pack in extra if pack.language in wanted)
    return _rules_for_packs(packs or (FALLBACK_LANGUAGE,), extra)


@functools.cache
def shipped_rule_ids() -> frozenset[str]:
    """The ids of every rule in the shipped packs."""
    names = (UNIVERSAL, *available_languages())
    return frozenset(rule.id for name in names for rule in load_pack(name).rules)


@functools.cache
def _languages() -> frozenset[str]:
    return frozenset(available_languages())


@functools.cache
def _rules_for_packs(
    names: tuple[str, ...], extra: tuple[UserPack, ...]
) -> Mapping[str, StepRules]:
    from newsclean.rules.user import compile_user_pack

    packs = (
        load_pack(UNIVERSAL),
        *(load_pack(name) for name in names),
        *(compile_user_pack(pack) for pack in extra),
    )
    by_step = RuleSet()
    for step in DEFAULT_STEPS:
        rules = tuple(rule for pack in packs for rule in pack.rules if rule.step == step)
        index: dict[str, Rule] = {}
        for rule in rules:
            for key in rule.phrases:
                index.setdefault(key, rule)
        by_step[step] = StepRules(step, rules, index)
    return by_step


def check_examples(rule: Rule) -> list[str]:
    """Problems with a rule's own examples: ones it misses, counter-examples it matches."""
    problems = []
    for example in rule.examples:
        if not rule.may_match(example.strip()):
            problems.append(f"{rule.id}: example holds none of the required literals: {example!r}")
        elif rule.match(example.strip()) is None:
            problems.append(f"{rule.id}: example not matched: {example!r}")
    for counter in rule.counter_examples:
        if rule.match(counter.strip()) is not None:
            problems.append(f"{rule.id}: counter-example matched: {counter!r}")
    return problems
