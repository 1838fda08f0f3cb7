"""Which lines hold each of many literals, found in one pass over the document.

Every pattern rule names literals that each of its matches holds (``requires``). Looking
for several hundred of them with one ``str.find`` scan each reads the document several
hundred times; a single pass of one trie-shaped pattern reads it once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from newsclean.model import Segment

# A trie of escaped literals: one node per shared prefix, so that at each position the
# pattern follows a single path and tries no alternative twice.
_Trie = dict[str, "_Trie"]
_END = ""


class LiteralScanner:
    """Finds the lines holding each of a fixed set of required literals with one pass over
    the lower-cased document.

    Literals are lower case and hold no line break. One written ``^head`` must start the
    line; the others (two characters or more) may be anywhere in it.

    The pattern is a lookahead over a trie of the literals, tried at every position, so
    overlapping occurrences are all seen. At each position it matches the longest literal
    starting there; the literals that are prefixes of that one start there too. Line-start
    literals are looked up by the first two characters of each line instead.

    The pattern is compiled with the standard ``re`` module, without a timeout: it holds
    literals only, so at each position it follows one path no longer than the longest
    literal, and a pass costs time linear in the text. (The ``regex`` module runs this
    shape of pattern about four times slower than ``re``.)

    >>> scanner = LiteralScanner(["news", "newsletter", "letter", "^no"])
    >>> text = "our newsletter\\nno news\\nletters"
    >>> from newsclean.segment import segment
    >>> found = scanner.lines_holding(text, segment(text))
    >>> {literal: sorted(lines) for literal, lines in sorted(found.items())}
    {'^no': [1], 'letter': [0, 2], 'news': [0, 1], 'newsletter': [0]}
    """

    __slots__ = ("_heads", "_pattern", "_prefixes", "literals")

    def __init__(self, literals: Iterable[str]) -> None:
        wanted = sorted(set(literals))
        for literal in wanted:
            if not self.can_scan(literal):
                raise ValueError(
                    f"cannot scan for {literal!r}: literals are lower case, of two or more "
                    "characters (a line start: '^' and one or more), without line breaks"
                )
        self.literals: frozenset[str] = frozenset(wanted)
        anywhere = [literal for literal in wanted if literal[0] != "^"]
        known = frozenset(anywhere)
        self._prefixes: dict[str, tuple[str, ...]] = {
            literal: tuple(
                literal[:size] for size in range(2, len(literal) + 1) if literal[:size] in known
            )
            for literal in anywhere
        }
        trie: _Trie = {}
        for literal in anywhere:
            node = trie
            for char in literal:
                node = node.setdefault(char, {})
            node[_END] = {}
        self._pattern = re.compile(f"(?=({_alternatives(trie)}))") if anywhere else None
        # Line-start literals by their first two characters (or one, when that is all).
        heads: dict[str, list[str]] = {}
        for literal in wanted:
            if literal[0] == "^":
                heads.setdefault(literal[1:3], []).append(literal)
        self._heads = {key: tuple(group) for key, group in heads.items()}

    @staticmethod
    def can_scan(literal: str) -> bool:
        """Whether ``literal`` is one a scanner takes (see the class docstring).

        >>> LiteralScanner.can_scan("^by"), LiteralScanner.can_scan(":")
        (True, False)
        """
        return len(literal) >= 2 and literal == literal.lower() and "\n" not in literal

    def lines_holding(self, lowered: str, segments: Sequence[Segment]) -> dict[str, frozenset[int]]:
        """The indices of the segments whose text (read in ``lowered``, aligned with the
        source) holds each literal; literals found nowhere are left out."""
        found: dict[str, set[int]] = {}
        if self._heads:
            self._find_heads(lowered, segments, found)
        if self._pattern is not None and segments:
            self._find_anywhere(self._pattern, lowered, segments, found)
        return {literal: frozenset(lines) for literal, lines in found.items()}

    def _find_heads(
        self, lowered: str, segments: Sequence[Segment], found: dict[str, set[int]]
    ) -> None:
        heads = self._heads
        for seg in segments:
            start, end = seg.start, seg.end
            for key in (lowered[start : min(start + 2, end)], lowered[start : min(start + 1, end)]):
                for literal in heads.get(key, ()):
                    if lowered.startswith(literal[1:], start, end):
                        found.setdefault(literal, set()).add(seg.index)
                if len(key) < 2:
                    break

    def _find_anywhere(
        self,
        pattern: re.Pattern[str],
        lowered: str,
        segments: Sequence[Segment],
        found: dict[str, set[int]],
    ) -> None:
        starts = [seg.start for seg in segments]
        line, line_start, line_end = -1, 0, 0
        for match in pattern.finditer(lowered):
            position = match.start()
            if not line_start <= position < line_end:
                line = bisect_right(starts, position) - 1
                if line < 0:
                    continue
                line_start, line_end = segments[line].start, segments[line].end
                if position >= line_end:  # between two lines
                    continue
            for literal in self._prefixes[match.group(1)]:
                if position + len(literal) <= line_end:
                    found.setdefault(literal, set()).add(line)


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
