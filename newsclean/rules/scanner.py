"""Which of a rule set's literals a line holds, found in one pass over the line.

Every pattern rule has literals one of which each of its matches holds (derived by
:mod:`.derive`); a rule is tried only on lines holding one. With ``pyahocorasick``
installed (the ``newsclean[fast]`` extra) one Aho-Corasick automaton finds them all;
otherwise the standard ``re`` module runs a trie-shaped pattern of them, which at each
position follows one path no longer than the longest literal. Both give the same answer
(``tests/test_scanner.py`` checks it); both take time linear in the line.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

# A trie of literals: one node per shared prefix.
_Trie = dict[str, "_Trie"]
_END = ""
# The key under which a literal that must start the line is reported: "^" + literal.
START = "^"


def has_automaton() -> bool:
    """Whether ``pyahocorasick`` is installed (the ``newsclean[fast]`` extra)."""
    return importlib.util.find_spec("ahocorasick") is not None


class LiteralScanner:
    """Finds the literals of a fixed set in folded lines (see :func:`.derive.fold`).

    Literals are reported as written; those that must start the line as ``"^" + literal``.

    >>> scanner = LiteralScanner(["news", "newsletter", "letter"], ["no"])
    >>> sorted(scanner.hits("our newsletter")), sorted(scanner.hits("no news"))
    (['letter', 'news', 'newsletter'], ['^no', 'news'])
    """

    __slots__ = (
        "_automaton",
        "_pattern",
        "_prefixes",
        "_start_pattern",
        "_start_prefixes",
        "anywhere",
        "at_start",
    )

    def __init__(
        self, anywhere: Iterable[str], at_start: Iterable[str] = (), automaton: bool | None = None
    ) -> None:
        self.anywhere: frozenset[str] = frozenset(literal for literal in anywhere if literal)
        self.at_start: frozenset[str] = frozenset(literal for literal in at_start if literal)
        use_automaton = has_automaton() if automaton is None else automaton
        self._automaton: Any = None
        self._pattern: re.Pattern[str] | None = None
        self._prefixes: dict[str, tuple[str, ...]] = {}
        if self.anywhere and use_automaton:
            self._automaton = _build_automaton(self.anywhere)
        elif self.anywhere:
            self._pattern, self._prefixes = _build_trie_pattern(self.anywhere)
        # The literals that must start the line: one anchored match finds the longest that
        # does, and its prefixes among them are the others.
        self._start_pattern: re.Pattern[str] | None = None
        self._start_prefixes: dict[str, tuple[str, ...]] = {}
        if self.at_start:
            self._start_pattern, prefixes = _build_trie_pattern(self.at_start, anchored=True)
            self._start_prefixes = {
                longest: tuple(START + literal for literal in found)
                for longest, found in prefixes.items()
            }

    @property
    def uses_automaton(self) -> bool:
        """Whether this scanner runs an Aho-Corasick automaton."""
        return self._automaton is not None

    def hits(self, folded: str) -> frozenset[str]:
        """The literals ``folded`` (a folded line) holds; ``"^x"`` when it starts with x."""
        if self._automaton is not None:
            found = frozenset(map(_second, self._automaton.iter(folded)))
        elif self._pattern is not None:
            prefixes = self._prefixes
            found = frozenset(
                literal
                for longest in set(self._pattern.findall(folded))
                for literal in prefixes[longest]
            )
        else:
            found = frozenset()
        if self._start_pattern is not None:
            start = self._start_pattern.match(folded)
            if start is not None:
                found = found.union(self._start_prefixes[start[1]])
        return found


_second = itemgetter(1)


def _build_automaton(literals: frozenset[str]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for literal in sorted(literals):
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    return automaton


def _build_trie_pattern(
    literals: frozenset[str], anchored: bool = False
) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """A lookahead over a trie of ``literals`` that reports, at each position, the longest
    literal starting there (``anchored``: a group, for ``match`` at the start only); and for
    each literal, those of the set that are its prefixes (they start there too). The
    pattern holds literals only, so it needs no timeout: each position follows one path no
    longer than the longest literal."""
    trie: _Trie = {}
    for literal in literals:
        node = trie
        for char in literal:
            node = node.setdefault(char, {})
        node[_END] = {}
    prefixes = {
        literal: tuple(
            literal[:size] for size in range(1, len(literal) + 1) if literal[:size] in literals
        )
        for literal in literals
    }
    body = f"({_alternatives(trie)})" if anchored else f"(?=({_alternatives(trie)}))"
    return re.compile(body, re.DOTALL), prefixes


def _alternatives(node: _Trie) -> str:
    """The pattern that matches the longest path of ``node`` (greedy, so longer first)."""
    branches = [
        re.escape(char) + _alternatives(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if _END in node:
        return f"(?:{body})?"
    return body
