"""The line table: every line's text and the facts steps read about it, each measured once.

Steps ask the same questions of the same lines (is it prose? a headline? which rules might
match it?). :class:`Line` answers each at most once per text, and :class:`LineTable` keeps
one ``Line`` per distinct text for the whole of one ``clean()`` call, so a line that a
later pass sees again, or a line repeated on the page, is measured once. Rule matches are
memoised the same way, by rule and text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from newsclean.limits import DEFAULT_LINE_RULE_CHARS
from newsclean.rules.derive import fold
from newsclean.rules.model import GLUED_LINE_CHARS, Rule, RuleMatch, RuleSet, phrase_key
from newsclean.shape import count_words, ends_like_clause, is_paragraph_like
from newsclean.typography import EDGE_CHARS

# Word counts are exact up to this many; steps never ask about more.
MAX_COUNTED_WORDS: Final = 64
# The default limits of a headline-like line (see ``shape.is_headline_like``).
_HEADLINE_WORDS = 40
_HEADLINE_CHARS = 250
_UNSET: Final = object()


class Line:
    """One line's text and its shape: word count, sentence end, prose or headline shape.

    >>> line = Line("Markets rally on rate hopes")
    >>> line.words, line.headline, line.paragraph
    (5, True, False)
    """

    __slots__ = ("_clause_end", "_headline", "_key", "_paragraph", "_repeat_key", "_words", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._words = -1
        self._clause_end: bool | None = None
        self._headline: bool | None = None
        self._paragraph: bool | None = None
        self._key: object = _UNSET
        self._repeat_key: object = _UNSET

    @property
    def words(self) -> int:
        """Words (tokens holding a letter or digit), counted up to ``MAX_COUNTED_WORDS``."""
        if self._words < 0:
            self._words = count_words(self.text, MAX_COUNTED_WORDS)
        return self._words

    @property
    def clause_end(self) -> bool:
        """Whether the line ends with ".", ";", ":" or "," (see ``shape.ends_like_clause``)."""
        if self._clause_end is None:
            self._clause_end = ends_like_clause(self.text)
        return self._clause_end

    @property
    def headline(self) -> bool:
        """A title-shaped line: 2-40 words, at most 250 characters, no clause end."""
        if self._headline is None:
            self._headline = (
                len(self.text) <= _HEADLINE_CHARS
                and 2 <= self.words <= _HEADLINE_WORDS
                and not self.clause_end
            )
        return self._headline

    @property
    def paragraph(self) -> bool:
        """A line that reads like article prose (see ``shape.is_paragraph_like``)."""
        if self._paragraph is None:
            self._paragraph = is_paragraph_like(self.text)
        return self._paragraph

    def short_label(self, max_words: int = 4, max_chars: int = 40) -> bool:
        """A button- or label-like line: at most a few words, no clause end."""
        return len(self.text) <= max_chars and 1 <= self.words <= max_words and not self.clause_end

    @property
    def key(self) -> str | None:
        """The phrase key (``rules.model.phrase_key``), or ``None`` for lines longer than any
        line rule reads."""
        if self._key is _UNSET:
            self._key = phrase_key(self.text) if len(self.text) <= DEFAULT_LINE_RULE_CHARS else None
        return self._key  # type: ignore[return-value]

    @property
    def repeat_key(self) -> str | None:
        """The form in which repeated lines are compared (case-folded, inner whitespace
        collapsed), or ``None`` for a line without letters, which is never a repeat."""
        if self._repeat_key is _UNSET:
            text = self.text
            if text[:1].isalpha() or any(char.isalpha() for char in text):
                plain = text.isprintable() and "  " not in text
                self._repeat_key = (text if plain else " ".join(text.split())).casefold()
            else:
                self._repeat_key = None
        return self._repeat_key  # type: ignore[return-value]


class LineRules:
    """What one rule set makes worth trying on one line's text: the pattern rules whose
    literals it holds, per step, and the phrase rules its phrase key is, per step."""

    __slots__ = ("_glued", "_steps", "candidates", "key", "phrases", "rules")

    def __init__(self, line: Line, rules: RuleSet) -> None:
        self.rules = rules
        text = line.text
        self.candidates: Mapping[str, tuple[Rule, ...]] = rules.candidates(
            rules.scanner.hits(fold(text))
        )
        key: str | None = None
        longest = max(rules.longest_phrase, GLUED_LINE_CHARS)
        if len(text) <= longest or not _key_longer_than(text, longest):
            key = line.key
        self.key = key
        self.phrases: Mapping[str, Rule] = {}
        if key is not None:
            steps = rules.phrase_steps.get(key)
            if steps:
                self.phrases = {name: rules[name].phrase_index[key] for name in steps}
        self._glued: dict[str, Rule | None] | None = None
        self._steps: frozenset[str] | None = None

    def phrase_rule(self, step: str, glued: bool = True) -> Rule | None:
        """The phrase rule of ``step`` that the line is, or (``glued``) the rule of the first
        of several of the step's phrases glued into it ("Leave a Reply Cancel reply")."""
        rule = self.phrases.get(step)
        if rule is not None or not glued:
            return rule
        return self.glued_rule(step)

    def glued_rule(self, step: str) -> Rule | None:
        """The rule of the first of the step's phrases glued into the line, if any."""
        key = self.key
        if key is None or " " not in key or len(key) > GLUED_LINE_CHARS:
            return None
        if self._glued is None:
            self._glued = {}
            first = key[: key.index(" ")].rstrip(EDGE_CHARS)
            for name in self.rules.glue_steps.get(first, ()):
                self._glued[name] = self.rules[name].glued_phrase_rule(key)
        return self._glued.get(step)

    def worth_trying(self, step: str) -> bool:
        """Whether any rule of ``step`` might match the line."""
        return step in self.steps

    @property
    def steps(self) -> frozenset[str]:
        """The steps with a rule that might match the line."""
        if self._steps is None:
            steps = set(self.candidates) | set(self.phrases)
            if self.key is not None and " " in self.key and len(self.key) <= GLUED_LINE_CHARS:
                self.glued_rule("")
                assert self._glued is not None
                steps.update(name for name, rule in self._glued.items() if rule is not None)
            self._steps = frozenset(steps)
        return self._steps


def _key_longer_than(text: str, limit: int) -> bool:
    """Whether ``phrase_key(text)`` is surely longer than ``limit``, known without computing
    it: edge punctuation stripped, the core starts and ends with a letter or digit (so the
    key strips the same), and no run of spaces shortens it."""
    core = text.strip(EDGE_CHARS)
    return (
        len(core) > limit
        and (core[0].isalpha() or core[0].isdecimal())
        and (core[-1].isalpha() or core[-1].isdecimal())
        and core.isprintable()
        and "  " not in core
    )


TIMED_OUT: Final = "timed out"


class LineTable:
    """One :class:`Line` per distinct text, and the rule facts and matches per text, kept
    for one ``clean()`` call (every pass of it)."""

    __slots__ = ("_lines", "_matches", "_rules", "timeouts")

    def __init__(self) -> None:
        self._lines: dict[str, Line] = {}
        self._rules: dict[tuple[int, str], LineRules] = {}
        self._matches: dict[tuple[int, str], RuleMatch | str | None] = {}
        # Rule id and text of every match that hit the regex timeout, in order.
        self.timeouts: dict[tuple[str, str], None] = {}

    def line(self, text: str) -> Line:
        """The line of ``text``, measured once."""
        found = self._lines.get(text)
        if found is None:
            found = self._lines[text] = Line(text)
        return found

    def rules_of(self, line: Line, rules: RuleSet) -> LineRules:
        """What ``rules`` make worth trying on ``line``."""
        key = (id(rules), line.text)
        found = self._rules.get(key)
        if found is None:
            found = self._rules[key] = LineRules(line, rules)
        return found

    def match(self, rule: Rule, text: str) -> RuleMatch | None:
        """``rule.match(text)``, memoised; a rule that times out counts as no match and is
        remembered in ``timeouts``."""
        key = (id(rule), text)
        found = self._matches.get(key, _UNSET)
        if found is _UNSET:
            try:
                found = rule.match(text)
            except TimeoutError:
                found = TIMED_OUT
                self.timeouts[(rule.id, text)] = None
            self._matches[key] = found
        return None if found is TIMED_OUT else found  # type: ignore[return-value]
