"""Derive from a pattern the literals that every match contains, so that a rule is tried
only on lines holding one (its ``requires``), and no hand-written list can drift from it.

The pattern is parsed into a small tree (literals, classes, groups, alternations,
repetitions, named lists); each node then says which strings it can match exactly, when
they are few, and which literals any of its matches must contain. Whatever the parser does
not understand counts as "any text", which only ever makes the answer weaker, never wrong.
Literals are folded (:func:`fold`), and lines are folded the same way before they are
searched, so the test is case-insensitive and a superset of what the pattern can match.

>>> derive(r"(?:sign up|register) for access to \\w+", {}, anchored=False)
Literals(anywhere=('register for access to ', 'sign up for access to '), at_start=())
>>> derive(r"[a-z]+ (?:\\w+ )*(?:newsletter|mailing list)", {}, anchored=False)
Literals(anywhere=('mailing list', 'newsletter'), at_start=())
>>> derive(r"by\\s+(?P<authors>\\p{Lu}\\w+)", {})
Literals(anywhere=(), at_start=('by',))
>>> derive(r"\\p{Lu}+", {}) is None
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import product

# A node's exact strings are kept while there are at most this many of them; more and
# only what every match contains is kept.
_MAX_EXACT = 64
# ... and while none is longer than this.
_MAX_EXACT_CHARS = 64
# A named list used in a pattern has this many items at most before it is "any text".
_MAX_LIST_ITEMS = 2000
_FOLD_TABLE = str.maketrans({"\u0130": "i", "\u0131": "i"})


def fold(text: str) -> str:
    """The form in which literals and lines are compared: case-folded, with the Turkish
    dotted capital and dotless small i read as "i" (the ``regex`` module's ignore-case
    matches "I" against "ı", which ``str.casefold`` keeps apart).

    >>> fold("STRAẞE İstanbul ıI")
    'strasse istanbul ii'
    """
    if "\u0130" in text or "\u0131" in text:
        text = text.translate(_FOLD_TABLE)
    return text.casefold()


@dataclass(frozen=True, slots=True)
class Literals:
    """What every match holds: one of ``anywhere``, or a line starting with one of
    ``at_start`` (exactly one of the two is non-empty)."""

    anywhere: tuple[str, ...]
    at_start: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a node can match: ``exact``, all its strings when known and few; ``required``,
    literals one of which each of its matches holds (``None``: no such set known);
    ``prefix``, strings one of which each match starts with (``None``: unknown)."""

    exact: frozenset[str] | None
    required: frozenset[str] | None
    prefix: frozenset[str] | None


_ANY = _Facts(None, None, None)
_EMPTY = _Facts(frozenset({""}), None, frozenset({""}))


class _Unsupported(ValueError):
    """Syntax the parser does not read; the whole pattern then derives nothing."""


def derive(
    pattern: str, lists: Mapping[str, tuple[str, ...]], anchored: bool = True
) -> Literals | None:
    """The literals every match of ``pattern`` contains, or ``None`` when none can be told
    (the rule is then tried on every line). ``anchored``: every match starts where the line
    does (line and prefix rules), so literals that start every match can be required at the
    start of the line; they are preferred when at least as selective (``by`` at the start
    of a line is far rarer than anywhere in it)."""
    try:
        facts = _Parser(pattern, lists, _score).parse()
    except _Unsupported:
        return None
    best = _best(facts, _score)
    prefix = _usable(facts.prefix) if anchored else None
    if prefix is not None and (best is None or _score(prefix) + 3 >= _score(best)):
        return Literals((), tuple(sorted(_minimal(prefix, str.startswith))))
    if best is None:
        return None
    return Literals(tuple(sorted(_minimal(best, str.__contains__))), ())


def implied(
    pattern: str,
    lists: Mapping[str, tuple[str, ...]],
    anywhere: tuple[str, ...],
    at_start: tuple[str, ...] = (),
    anchored: bool = True,
) -> bool:
    """Whether every match of ``pattern`` holds one of ``anywhere`` or (``anchored``)
    starts with one of ``at_start``, as far as the parser can tell: literals written by hand
    are checked this way. ``False`` means "not shown", so the hand-written list is refused.

    >>> implied(r"(?:read|see) our (?:terms|rules)", {}, ("our",))
    True
    >>> implied(r"(?:read|see) our (?:terms|rules)", {}, ("terms",))
    False
    """
    given_any = tuple(fold(item) for item in anywhere)
    given_start = tuple(fold(item) for item in at_start)

    def covered(found: frozenset[str]) -> bool:
        return all(any(literal in item for literal in given_any) for item in found)

    def prefers_covered(found: frozenset[str]) -> float:
        return _score(found) + (1000.0 if covered(found) else 0.0)

    try:
        facts = _Parser(pattern, lists, prefers_covered).parse()
    except _Unsupported:
        return False
    best = _best(facts, prefers_covered)
    if best is not None and covered(best):
        return True
    prefix = _usable(facts.prefix) if anchored else None
    return prefix is not None and all(
        item.startswith(given_start) or any(literal in item for literal in given_any)
        for item in prefix
    )


Score = Callable[[frozenset[str]], float]


def _usable(found: frozenset[str] | None) -> frozenset[str] | None:
    """``found`` when it constrains anything (no empty string, not empty)."""
    if not found or "" in found:
        return None
    return found


def _score(found: frozenset[str]) -> float:
    """How selective a set of literals is, roughly: a line holds a literal less often the
    longer it is and the rarer its characters (letters and digits count one, spaces and
    the punctuation of running text half, other symbols more: "(" and "©" are rarer than
    "de"); and holds one of a set more often the more literals it has."""
    weakest = min(sum(_char_weight(char) for char in item) for item in found)
    return weakest - 0.5 * math.log2(len(found))


_COMMON_MARKS = frozenset(" .,-'’\"")


def _char_weight(char: str) -> float:
    if char.isalnum():
        return 1.0
    if char in _COMMON_MARKS:
        return 0.5
    return 2.5


def _best(facts: _Facts, score: Score) -> frozenset[str] | None:
    candidates = [found for found in (_usable(facts.exact), _usable(facts.required)) if found]
    return max(candidates, key=score) if candidates else None


def _minimal(found: frozenset[str], implies: Callable[[str, str], bool]) -> frozenset[str]:
    """``found`` without the literals that ``implies`` says another one of it covers: one
    that contains a shorter one (anywhere in a line), or starts with it (at its start)."""
    ordered = sorted(found, key=lambda item: (len(item), item))
    kept: list[str] = []
    for item in ordered:
        if not any(implies(item, shorter) for shorter in kept):
            kept.append(item)
    return frozenset(kept)


def _literal(chars: frozenset[str]) -> _Facts:
    folded = frozenset(fold(char) for char in chars)
    return _Facts(folded, None, folded)


def _concat(parts: list[_Facts], score: Score) -> _Facts:
    """A sequence: exact strings multiply while few; the required literals are the most
    selective of any part's, or of any run of exact parts glued together."""
    exact: frozenset[str] | None = frozenset({""})
    candidates: list[frozenset[str]] = []
    run: frozenset[str] | None = frozenset({""})
    prefix: frozenset[str] | None = frozenset({""})
    prefix_open = True  # every part so far was exact: the prefix can still grow
    for part in parts:
        exact = _product(exact, part.exact)
        if part.exact is None:
            if run is not None and _usable(run):
                candidates.append(run)
            run = frozenset({""})
            if part.required is not None:
                candidates.append(part.required)
            if prefix_open:
                grown_prefix = _product(prefix, part.prefix) if part.prefix else None
                prefix = prefix if grown_prefix is None else grown_prefix
                prefix_open = False
        else:
            grown = _product(run, part.exact)
            if grown is None:
                if run is not None and _usable(run):
                    candidates.append(run)
                run = part.exact
            else:
                run = grown
            if prefix_open:
                grown_prefix = _product(prefix, part.exact)
                if grown_prefix is None:
                    prefix_open = False
                else:
                    prefix = grown_prefix
    if run is not None and _usable(run):
        candidates.append(run)
    usable = [found for found in candidates if _usable(found)]
    required = max(usable, key=score) if usable else None
    return _Facts(exact, required, _usable(prefix))


def _product(left: frozenset[str] | None, right: frozenset[str] | None) -> frozenset[str] | None:
    if left is None or right is None or len(left) * len(right) > _MAX_EXACT:
        return None
    joined = frozenset(a + b for a, b in product(left, right))
    if any(len(item) > _MAX_EXACT_CHARS for item in joined):
        return None
    return joined


def _alternate(branches: list[_Facts], score: Score) -> _Facts:
    """Alternatives: exact strings unite while few; the required literals unite when every
    branch has some (a branch that requires nothing makes the whole require nothing)."""
    exact: frozenset[str] | None = frozenset()
    required: frozenset[str] | None = frozenset()
    prefix: frozenset[str] | None = frozenset()
    for branch in branches:
        exact = None if exact is None or branch.exact is None else exact | branch.exact
        if exact is not None and len(exact) > _MAX_EXACT:
            exact = None
        best = _best(branch, score)
        required = None if required is None or best is None else required | best
        prefix = None if prefix is None or branch.prefix is None else prefix | branch.prefix
    return _Facts(exact, _usable(required), _usable(prefix) if prefix else None)


def _repeat(inner: _Facts, low: int, high: int | None, score: Score) -> _Facts:
    if low == 0:
        if high == 1 and inner.exact is not None:
            return _Facts(inner.exact | {""}, None, inner.exact | {""})
        return _EMPTY if high == 0 else _Facts(None, None, frozenset({""}))
    if high == low and inner.exact is not None:
        exact: frozenset[str] | None = frozenset({""})
        for _ in range(low):
            exact = _product(exact, inner.exact)
            if exact is None:
                break
        if exact is not None:
            return _Facts(exact, None, exact)
    return _Facts(None, _best(inner, score), inner.prefix)


_ESCAPE_CHARS = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
# Escapes that match a class of characters or no character at all.
_CLASS_ESCAPES = frozenset("dDsSwWhHX")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZzGmMK")


class _Parser:
    """A recursive-descent reader of the ``regex`` syntax (version 0) that rule packs use."""

    def __init__(self, pattern: str, lists: Mapping[str, tuple[str, ...]], score: Score) -> None:
        self.text = pattern
        self.at = 0
        self.lists = lists
        self.score = score
        self.verbose = False

    def parse(self) -> _Facts:
        self._global_flags()
        facts = self._alternation()
        if self.at != len(self.text):
            raise _Unsupported(f"unbalanced ')' at {self.at}")
        return facts

    def _global_flags(self) -> None:
        while self.text.startswith("(?", self.at):
            end = self.text.find(")", self.at)
            flags = self.text[self.at + 2 : end] if end > 0 else ""
            if not flags or not flags.isalpha():
                return
            if "x" in flags:
                self.verbose = True
            self.at = end + 1

    def _peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""

    def _alternation(self) -> _Facts:
        branches = [self._sequence()]
        while self._peek() == "|":
            self.at += 1
            branches.append(self._sequence())
        return branches[0] if len(branches) == 1 else _alternate(branches, self.score)

    def _sequence(self) -> _Facts:
        parts: list[_Facts] = []
        while self.at < len(self.text) and self._peek() not in "|)":
            atom = self._atom()
            if atom is None:
                continue
            parts.append(self._quantified(atom))
        return _concat(parts, self.score) if parts else _EMPTY

    def _quantified(self, atom: _Facts) -> _Facts:
        char = self._peek()
        bounds: tuple[int, int | None] | None = None
        if char == "*":
            bounds, self.at = (0, None), self.at + 1
        elif char == "+":
            bounds, self.at = (1, None), self.at + 1
        elif char == "?":
            bounds, self.at = (0, 1), self.at + 1
        elif char == "{":
            bounds = self._braces()
        if bounds is None:
            return atom
        if self._peek() in ("?", "+"):  # lazy or possessive: the same strings
            self.at += 1
        return self._quantified(_repeat(atom, *bounds, self.score))

    def _braces(self) -> tuple[int, int | None] | None:
        end = self.text.find("}", self.at)
        if end < 0:
            return None
        body = self.text[self.at + 1 : end]
        low_text, comma, high_text = body.partition(",")
        if not (low_text.isdigit() or (comma and not low_text)) or not (
            not high_text or high_text.isdigit()
        ):
            return None  # a literal "{"
        if not comma and not low_text:
            return None
        self.at = end + 1
        low = int(low_text) if low_text else 0
        if not comma:
            return low, low
        return low, int(high_text) if high_text else None

    def _atom(self) -> _Facts | None:
        char = self._peek()
        if self.verbose and char.isspace():
            self.at += 1
            return None
        if self.verbose and char == "#":
            end = self.text.find("\n", self.at)
            self.at = len(self.text) if end < 0 else end + 1
            return None
        if char == "(":
            return self._group()
        if char == "[":
            return self._class()
        if char == "\\":
            return self._escape()
        self.at += 1
        if char in "^$":
            return _EMPTY
        if char == ".":
            return _ANY
        return _literal(frozenset({char}))

    def _group(self) -> _Facts | None:
        text = self.text
        self.at += 1
        lookaround: bool | None = False  # None: a negative one
        if text.startswith("?", self.at):
            self.at += 1
            marker = self._peek()
            if marker == "#":
                end = text.find(")", self.at)
                if end < 0:
                    raise _Unsupported("unterminated comment")
                self.at = end + 1
                return None
            if marker in "=!":
                lookaround, self.at = (True if marker == "=" else None), self.at + 1
            elif marker == "<" and text[self.at + 1 : self.at + 2] in ("=", "!"):
                positive = text[self.at + 1] == "="
                lookaround, self.at = (True if positive else None), self.at + 2
            elif marker == ":" or marker == ">" or marker == "|":
                self.at += 1
            elif (marker == "P" and text.startswith("P<", self.at)) or marker == "<":
                end = text.find(">", self.at)
                if end < 0:
                    raise _Unsupported("unterminated group name")
                self.at = end + 1
            elif marker == "P" and text.startswith("P=", self.at):
                end = text.find(")", self.at)
                if end < 0:
                    raise _Unsupported("unterminated back-reference")
                self.at = end + 1
                return _ANY
            else:
                # Scoped flags: "(?i:...)", "(?-i:...)"; a flags-only group sets them.
                start = self.at
                while self._peek().isalpha() or self._peek() == "-":
                    self.at += 1
                if start == self.at or self._peek() not in ":)":
                    raise _Unsupported(f"group syntax at {start}")
                if self._peek() == ")":
                    self.at += 1
                    return None
                self.at += 1
        inner = self._alternation()
        if self._peek() != ")":
            raise _Unsupported("unterminated group")
        self.at += 1
        if lookaround is None:
            return _EMPTY
        if lookaround:
            # What a positive lookaround needs is in the line too (before or after the match).
            return _Facts(None, _best(inner, self.score), None)
        return inner

    def _class(self) -> _Facts:
        """A character class: its characters when it lists a few literally ("[sS]",
        "[’']"), else any character."""
        text = self.text
        self.at += 1
        negated = self._peek() == "^"
        if negated:
            self.at += 1
        chars: set[str] = set()
        plain = not negated
        first = True
        while True:
            if self.at >= len(text):
                raise _Unsupported("unterminated class")
            char = text[self.at]
            if char == "]" and not first:
                self.at += 1
                break
            first = False
            if char == "[" and text.startswith("[:", self.at):
                raise _Unsupported("POSIX classes")
            if char == "\\":
                escaped = text[self.at + 1 : self.at + 2]
                if escaped in _ESCAPE_CHARS:
                    chars.add(_ESCAPE_CHARS[escaped])
                    self.at += 2
                elif escaped.isalnum():
                    plain = False
                    self._skip_escape()
                else:
                    chars.add(escaped)
                    self.at += 2
                continue
            if text.startswith("-", self.at + 1) and text[self.at + 2 : self.at + 3] not in (
                "]",
                "",
            ):
                high = text[self.at + 2]
                if high == "\\":
                    raise _Unsupported("a class range ending in an escape")
                if ord(high) - ord(char) > 9:
                    plain = False  # a wide range
                else:
                    chars.update(chr(code) for code in range(ord(char), ord(high) + 1))
                self.at += 3
                continue
            chars.add(char)
            self.at += 1
        if not plain or not chars or len(chars) > 10:
            return _ANY
        return _literal(frozenset(chars))

    def _skip_escape(self) -> None:
        """Move past an escape inside a class that stands for many characters."""
        escaped = self.text[self.at + 1 : self.at + 2]
        self.at += 2
        if escaped in "pPN" and self._peek() == "{":
            end = self.text.find("}", self.at)
            if end < 0:
                raise _Unsupported("unterminated property")
            self.at = end + 1
        elif escaped == "x":
            self.at += 2
        elif escaped == "u":
            self.at += 4
        elif escaped == "U":
            self.at += 8

    def _escape(self) -> _Facts:
        text = self.text
        escaped = text[self.at + 1 : self.at + 2]
        if not escaped:
            raise _Unsupported("trailing backslash")
        if escaped == "L" and text.startswith("<", self.at + 2):
            end = text.find(">", self.at)
            name = text[self.at + 3 : end]
            self.at = end + 1
            items = self.lists.get(name)
            if items is None:
                raise _Unsupported(f"unknown list {name!r}")
            if not items or len(items) > _MAX_LIST_ITEMS or not all(items):
                return _ANY
            folded = frozenset(fold(item) for item in items)
            exact = folded if len(folded) <= _MAX_EXACT else None
            return _Facts(exact, folded, folded)
        if escaped in _ESCAPE_CHARS:
            self.at += 2
            return _literal(frozenset({_ESCAPE_CHARS[escaped]}))
        if escaped in _ZERO_WIDTH_ESCAPES:
            self.at += 2
            return _EMPTY
        if escaped in _CLASS_ESCAPES:
            self.at += 2
            return _ANY
        if escaped in "pPN":
            self._skip_escape()
            return _ANY
        if escaped in "xuU":
            size = {"x": 2, "u": 4, "U": 8}[escaped]
            digits = text[self.at + 2 : self.at + 2 + size]
            self.at += 2 + size
            try:
                return _literal(frozenset({chr(int(digits, 16))}))
            except ValueError:
                raise _Unsupported(f"bad escape \\{escaped}{digits}") from None
        if escaped.isdigit():
            self.at += 2
            while self._peek().isdigit():
                self.at += 1
            return _ANY  # a back-reference
        if escaped.isalpha():
            raise _Unsupported(f"escape \\{escaped}")
        self.at += 2
        return _literal(frozenset({escaped}))
