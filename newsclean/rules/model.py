"""Compiled rules: what one rule matches on one line, and the rules of one step and of a
whole rule set, with the indexes every step shares."""

from __future__ import annotations

import enum
import itertools
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

import regex

from newsclean.extract.names import split_names
from newsclean.limits import REGEX_TIMEOUT
from newsclean.model import Kind
from newsclean.rules.scanner import START, LiteralScanner
from newsclean.typography import EDGE_CHARS

Fields = tuple[tuple[str, str], ...]

# Runs of punctuation, symbols and spaces at the start of a line and, searched backwards
# from its end, at the end (each costs the length of its run, not of the line).
_LEADING_PUNCTUATION = regex.compile(r"[\W_]+")
_TRAILING_PUNCTUATION = regex.compile(r"(?r)[\W_]+")

# Glued phrases: the most words a line may hold.
MAX_GLUED_WORDS = 16
# The longest line looked at for glued phrases ("Share this: Facebook Twitter Email").
GLUED_LINE_CHARS = 120

# Captured groups that must hold a list of person names for the rule to fire.
NAME_GROUPS = frozenset({"authors", "editors", "writers", "additional", "compilers"})
# Every field a rule may capture (a named group) or set (``sets``); groups named with a
# leading underscore are the pattern's own (back-references) and are not captured.
FIELDS = NAME_GROUPS | frozenset(
    {"caption", "credit", "related", "location", "date", "agency", "source", "dateline", "title"}
)


class Role(enum.StrEnum):
    """What a rule's line means to steps other than its own."""

    # A related-stories header: the headlines after it go with it (related step).
    HEADER = "header"
    # No article text follows: comment forms and headers (layout, related blocks).
    ENDS_ARTICLE = "ends_article"
    # No article text follows when the line stands below the article's paragraphs: a
    # comment count ("2 Kommentare") heads the thread there, but sits in a byline's
    # strip of facts above the article (the line model).
    ENDS_ARTICLE_BELOW = "ends_article_below"
    # An author-box header ("About the author"): the name and bio follow (context step).
    AUTHOR_BOX = "author_box"


class Scope(enum.StrEnum):
    """Where a rule looks on a line and what it cuts."""

    LINE = "line"  # the whole line must match; the whole line is cut
    PREFIX = "prefix"  # a match at the start of the line is cut
    SUFFIX = "suffix"  # a match at the end of the line is cut


def phrase_key(text: str) -> str:
    """The form in which a line is compared with a phrase list.

    Case-folded, inner whitespace collapsed, punctuation and symbols trimmed at both ends.

    >>> phrase_key("  ▶ Lesen  Sie AUCH: ")
    'lesen sie auch'
    """
    if not (text and _is_word_char(text[0]) and _is_word_char(text[-1])):
        text = strip_edge_punctuation(text)
    # Printable text has no whitespace but the plain space (Python counts the others as
    # separators or controls), so it only needs collapsing where two spaces meet.
    if not text.isprintable() or "  " in text:
        text = " ".join(text.split())
    return text.casefold()


def strip_edge_punctuation(text: str) -> str:
    """``text`` without the runs of ``[\\W_]`` at its start and end (character classes,
    searched from each end: linear by construction, so no timeout is needed).

    >>> strip_edge_punctuation("  ▶ Lesen Sie auch: ")
    'Lesen Sie auch'
    """
    leading = _LEADING_PUNCTUATION.match(text)
    start = leading.end() if leading else 0
    if start == len(text):
        return ""
    trailing = _TRAILING_PUNCTUATION.match(text, start)
    return text[start : trailing.start() if trailing else len(text)]


def _is_word_char(char: str) -> bool:
    """A character ``[\\W_]`` never matches (a letter or a decimal digit): nothing to trim."""
    return char.isalpha() or char.isdecimal()


class RuleMatch(NamedTuple):
    """Where a rule matched inside a line (offsets relative to the line) and what it captured."""

    start: int
    end: int
    fields: Fields = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """One validated, compiled rule from a rule pack."""

    id: str
    step: str
    kind: Kind
    scope: Scope
    max_chars: int
    role: Role | None = None
    pattern: regex.Pattern[str] | None = None
    # The suffix pattern compiled to search backwards: a fast test that a match exists.
    reverse: regex.Pattern[str] | None = None
    phrases: frozenset[str] = frozenset()
    # Folded literals one of which every match holds ("^by": the line starts with "by"),
    # derived from the pattern; empty when none can be told (tried on every line).
    requires: tuple[str, ...] = ()
    sets: Fields = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    origin: str = ""
    note: str = ""
    # A user pack's rule: its matches share the document's time budget.
    budgeted: bool = False
    # The sites the rule applies to (see :mod:`newsclean.sites`); empty: every page.
    sites: frozenset[str] = frozenset()
    # Why the rule exists, as the pack states it (a learned rule: its corpus counts).
    evidence: Fields = ()

    def match(self, line: str) -> RuleMatch | None:
        """Match this rule against one stripped line; ``None`` when it does not apply.

        May raise ``TimeoutError`` from the ``regex`` module; callers skip the rule then.
        """
        if self.scope is Scope.LINE:
            if len(line) > self.max_chars:
                return None
            if self.pattern is None:
                return (
                    RuleMatch(0, len(line), self.sets) if phrase_key(line) in self.phrases else None
                )
            found = self.pattern.fullmatch(line, timeout=REGEX_TIMEOUT)
        elif self.scope is Scope.PREFIX:
            assert self.pattern is not None
            found = self.pattern.match(line, 0, self.max_chars, timeout=REGEX_TIMEOUT)
        else:
            assert self.pattern is not None
            window_start = max(0, len(line) - self.max_chars)
            if (
                self.reverse is not None
                and self.reverse.search(line, window_start, timeout=REGEX_TIMEOUT) is None
            ):
                return None
            found = self.pattern.search(line, window_start, timeout=REGEX_TIMEOUT)
        if found is None:
            return None
        fields = tuple(
            (name, value.strip())
            for name, value in sorted(found.groupdict().items())
            if value is not None and value.strip() and not name.startswith("_")
        )
        for name, value in fields:
            if name in NAME_GROUPS and not split_names(value, self.id.partition(".")[0]):
                return None
        return RuleMatch(found.start(), found.end(), fields + self.sets)


@dataclass(frozen=True, slots=True)
class StepRules:
    """The rules one step uses for one language, in priority order."""

    step: str
    rules: tuple[Rule, ...]
    phrase_index: Mapping[str, Rule]
    # The longest key in ``phrase_index``: a line surely longer can skip the lookup.
    longest_phrase: int = field(init=False, compare=False, repr=False)
    # Line-rule phrases (which may be glued on one line): their most words, by first word.
    _glue_by_first_word: dict[str, int] = field(init=False, compare=False, repr=False)
    # Every word of the line-rule phrases, edge punctuation trimmed: a line of glued
    # phrases holds no other word.
    _glue_words: frozenset[str] = field(init=False, compare=False, repr=False)
    # Pattern rules that cut whole lines, in priority order.
    line_rules: tuple[Rule, ...] = field(init=False, compare=False, repr=False)
    # Prefix rules, then suffix rules (each in priority order): what edge matching tries.
    edge_rules: tuple[Rule, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        longest = max((len(key) for key in self.phrase_index), default=0)
        object.__setattr__(self, "longest_phrase", longest)
        by_first_word: dict[str, int] = {}
        glue_words: set[str] = set()
        for key, rule in self.phrase_index.items():
            if rule.scope is Scope.LINE:
                words = key.split(" ")
                first = words[0].strip(EDGE_CHARS)
                by_first_word[first] = max(by_first_word.get(first, 0), len(words))
                glue_words.update(word.strip(EDGE_CHARS) for word in words)
        object.__setattr__(self, "_glue_by_first_word", by_first_word)
        object.__setattr__(self, "_glue_words", frozenset(glue_words))
        line_rules = tuple(
            rule for rule in self.rules if rule.scope is Scope.LINE and rule.pattern is not None
        )
        object.__setattr__(self, "line_rules", line_rules)
        edges = tuple(rule for rule in self.rules if rule.scope is Scope.PREFIX) + tuple(
            rule for rule in self.rules if rule.scope is Scope.SUFFIX
        )
        object.__setattr__(self, "edge_rules", edges)

    def glued_phrase_rule(self, key: str) -> Rule | None:
        """The rule of the first phrase when a line's key is two or more of this step's
        line phrases glued together ("schreibe einen kommentar antworten abbrechen"):
        scraped text often runs adjacent buttons and labels into one line.

        Each piece is compared with its edge punctuation trimmed; at most
        ``MAX_GLUED_WORDS`` words are read.
        """
        words = key.split(" ")
        if not 2 <= len(words) <= MAX_GLUED_WORDS or not self._most_words_from(words[0]):
            return None
        if not _only_phrase_words(words, self._glue_words):
            return None
        # first_piece[i]: the words before i split into phrases, the first being this rule's.
        first_piece: dict[int, Rule] = {}
        for start in range(len(words)):
            if start and start not in first_piece:
                continue
            if start and not words[start].strip(EDGE_CHARS):  # a separator: "·", "|", "/"
                first_piece.setdefault(start + 1, first_piece[start])
                continue
            for stop in range(
                start + 1, min(len(words), start + self._most_words_from(words[start])) + 1
            ):
                if stop in first_piece:
                    continue
                rule = self.phrase_index.get(" ".join(words[start:stop]).strip(EDGE_CHARS))
                if rule is not None and rule.scope is Scope.LINE:
                    first_piece[stop] = first_piece.get(start, rule)
        return first_piece.get(len(words))

    def glue_first_words(self) -> frozenset[str]:
        """First words (edge punctuation trimmed) of this step's line phrases."""
        return frozenset(self._glue_by_first_word)

    def glue_words(self) -> frozenset[str]:
        """Every word (edge punctuation trimmed) of this step's line phrases."""
        return self._glue_words

    def _most_words_from(self, word: str) -> int:
        """The most words of a line phrase starting with ``word`` (0: none starts so)."""
        return self._glue_by_first_word.get(word.strip(EDGE_CHARS), 0)

    def rules_with_role(self, role: Role) -> tuple[Rule, ...]:
        """Pattern rules of line scope that have ``role``, in priority order."""
        return tuple(rule for rule in self.line_rules if rule.role is role)


def _only_phrase_words(words: Iterable[str], vocabulary: frozenset[str]) -> bool:
    """Whether every word (edge punctuation trimmed) is in ``vocabulary`` or is only a
    separator ("·", "|"): what a line of glued phrases holds."""
    for word in words:
        bare = word.strip(EDGE_CHARS)
        if bare and bare not in vocabulary:
            return False
    return True


_NO_CANDIDATES: tuple[Mapping[str, tuple[Rule, ...]], frozenset[str]] = ({}, frozenset())
# Distinct sets of literal hits whose candidates a rule set remembers (a few thousand
# occur in a large crawl; the cap bounds memory on hostile input).
_MAX_REMEMBERED_HITS = 100_000
_order = itemgetter(0)


def _grouped(
    kept: tuple[tuple[int, str, Rule], ...],
) -> tuple[Mapping[str, tuple[Rule, ...]], frozenset[str]]:
    """The candidates of ``kept`` (pattern rules in rule-set order, with their steps) by
    step, and those steps."""
    grouped: dict[str, list[Rule]] = {}
    for _, name, rule in kept:
        grouped.setdefault(name, []).append(rule)
    if not grouped:
        return _NO_CANDIDATES
    return {name: tuple(rules) for name, rules in grouped.items()}, frozenset(grouped)


_TOKENS = itertools.count()


class RuleSet(dict[str, StepRules]):
    """The rules of every step for one combination of packs, with the indexes that all
    steps share, built when the set is: the phrase index, roles, the literal scanner, and
    (memoised) the rules each set of literal hits makes worth trying."""

    def __init__(self, rules: Mapping[str, StepRules] | None = None) -> None:
        super().__init__(rules or {})
        # A number no other rule set in the process has: what caches key rule facts by.
        self.token: int = next(_TOKENS)
        # Keyed by a string of the hits and the length bucket, and each distinct grouping
        # kept once: a crawl's tens of thousands of entries add no object the garbage
        # collector must visit on every full collection but the few groupings.
        self._candidates: dict[str, tuple[Mapping[str, tuple[Rule, ...]], frozenset[str]]] = {}
        self._groupings: dict[
            tuple[int, ...], tuple[Mapping[str, tuple[Rule, ...]], frozenset[str]]
        ] = {}
        # The steps whose phrase index holds each phrase key.
        self.phrase_steps: dict[str, tuple[str, ...]] = self._steps_by(
            lambda step_rules: step_rules.phrase_index
        )
        # The steps with a line phrase starting with each first word (glued phrases), and
        # every word of any step's line phrases.
        self.glue_steps: dict[str, tuple[str, ...]] = self._steps_by(StepRules.glue_first_words)
        self._glue_words: frozenset[str] = frozenset().union(
            *(step_rules.glue_words() for step_rules in self.values())
        )
        by_role: dict[Role, list[Rule]] = {role: [] for role in Role}
        for step_rules in self.values():
            for rule in step_rules.rules:
                if rule.role is not None:
                    by_role[rule.role].append(rule)
        # The rules of every step (in step order) that have each role, and their ids.
        self.by_role: Mapping[Role, tuple[Rule, ...]] = {
            role: tuple(found) for role, found in by_role.items()
        }
        self.ids_by_role: Mapping[Role, frozenset[str]] = {
            role: frozenset(rule.id for rule in found) for role, found in self.by_role.items()
        }
        # Every pattern rule with its place in rule-set order and its step.
        self._ordered: tuple[tuple[int, str, Rule], ...] = tuple(
            (order, name, rule)
            for order, (name, rule) in enumerate(
                (name, rule)
                for name, step_rules in self.items()
                for rule in step_rules.rules
                if rule.pattern is not None
            )
        )
        # The pattern rules with no required literal (tried on every line).
        self._unconstrained = tuple(entry for entry in self._ordered if not entry[2].requires)
        by_literal: dict[str, list[tuple[int, str, Rule]]] = {}
        for entry in self._ordered:
            for literal in entry[2].requires:
                by_literal.setdefault(literal, []).append(entry)
        self._rules_by_literal = {literal: tuple(found) for literal, found in by_literal.items()}
        # Where the line rules a line's length allows change: their distinct max_chars.
        self._length_limits: tuple[int, ...] = tuple(
            sorted({rule.max_chars for _, _, rule in self._ordered if rule.scope is Scope.LINE})
        )
        # The end of a memo key for each length bucket; alone, the key of no hits. (No
        # literal holds a line break: the literals are read off lines.)
        self._bucket_keys = tuple(f"\n{bucket}" for bucket in range(len(self._length_limits) + 1))
        # The longest phrase key of any step, and the longest key worth computing.
        self.longest_phrase: int = max(
            (step_rules.longest_phrase for step_rules in self.values()), default=0
        )
        self.longest_key: int = max(self.longest_phrase, GLUED_LINE_CHARS)
        self.scanner = self._build_scanner()

    def glued_steps(self, key: str) -> tuple[str, ...]:
        """The steps whose line phrases, glued, might make up a line of phrase key ``key``
        (a quick test on its words; ``StepRules.glued_phrase_rule`` tells)."""
        words = key.split(" ")
        if not 2 <= len(words) <= MAX_GLUED_WORDS:
            return ()
        steps = self.glue_steps.get(words[0].strip(EDGE_CHARS))
        if not steps:
            return ()
        return steps if _only_phrase_words(words, self._glue_words) else ()

    def _steps_by(
        self, keys_of: Callable[[StepRules], Iterable[str]]
    ) -> dict[str, tuple[str, ...]]:
        steps: dict[str, list[str]] = {}
        for name, step_rules in self.items():
            for key in keys_of(step_rules):
                steps.setdefault(key, []).append(name)
        return {key: tuple(names) for key, names in steps.items()}

    def _build_scanner(self) -> LiteralScanner:
        """One scanner for the required literals of every rule."""
        anywhere: set[str] = set()
        at_start: set[str] = set()
        for step_rules in self.values():
            for rule in step_rules.rules:
                for literal in rule.requires:
                    if literal.startswith(START):
                        at_start.add(literal[len(START) :])
                    else:
                        anywhere.add(literal)
        return LiteralScanner(anywhere, at_start)

    def candidates(
        self, hits: frozenset[str], length: int
    ) -> tuple[Mapping[str, tuple[Rule, ...]], frozenset[str]]:
        """Per step, the pattern rules (in priority order) that a line of ``length``
        characters holding exactly the literals ``hits`` may match (a line rule reads no
        line longer than its ``max_chars``), and those steps; memoised."""
        bucket = bisect_left(self._length_limits, length)
        key = (
            "\n".join(sorted(hits)) + self._bucket_keys[bucket]
            if hits
            else self._bucket_keys[bucket]
        )
        found = self._candidates.get(key)
        if found is None:
            by_literal = self._rules_by_literal
            entries: set[tuple[int, str, Rule]] = set(self._unconstrained)
            for literal in hits:
                entries.update(by_literal.get(literal, ()))
            kept = tuple(
                entry
                for entry in sorted(entries, key=_order)
                if entry[2].scope is not Scope.LINE or entry[2].max_chars >= length
            )
            orders = tuple(map(_order, kept))
            found = self._groupings.get(orders)
            if found is None:
                found = _grouped(kept)
            if len(self._candidates) < _MAX_REMEMBERED_HITS:
                self._candidates[key] = found
                self._groupings.setdefault(orders, found)
        return found
