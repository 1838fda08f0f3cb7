"""The line table: every line's text and the facts steps read about it, each measured once.

Steps ask the same questions of the same lines (is it prose? a headline? which rules might
match it?). :class:`Line` answers each at most once per text, and :class:`LineTable` keeps
one ``Line`` per distinct text for the whole of one ``clean()`` call, so a line that a
later pass sees again, or a line repeated on the page, is measured once. Rule matches are
memoised the same way, by rule and text.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, Final

from newsclean.limits import DEFAULT_LINE_RULE_CHARS, USER_RULE_SECONDS
from newsclean.rules.derive import fold
from newsclean.rules.model import GLUED_LINE_CHARS, Rule, RuleMatch, RuleSet, phrase_key
from newsclean.shape import measure
from newsclean.typography import EDGE_CHARS

_UNSET: Final = object()


class Line:
    """One line's text and its shape (see :func:`newsclean.shape.measure`), measured
    when the line is first seen; its phrase key is computed when first asked for.

    >>> line = Line("Markets rally on rate hopes")
    >>> line.words, line.headline, line.paragraph
    (5, True, False)
    """

    __slots__ = (
        "_key",
        "clause_end",
        "content_words",
        "facts",
        "headline",
        "own_features",
        "paragraph",
        "repeat_key",
        "text",
        "verdicts",
        "words",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        # What each rule set (by token) makes worth trying on the line.
        self.facts: dict[int, LineRules] = {}
        # What steps that judge a line by its text alone gave on it: by step and rule set.
        self.verdicts: dict[tuple[str, int], tuple[Any, ...]] = {}
        self.words, self.clause_end, self.headline, self.paragraph = measure(text)
        # The form in which repeated lines are compared (case-folded, inner whitespace
        # collapsed); ``None`` for a line without letters, which is never a repeat.
        self.repeat_key: str | None = None
        if text[:1].isalpha() or any(map(str.isalpha, text)):
            plain = text.isprintable() and "  " not in text
            self.repeat_key = (text if plain else " ".join(text.split())).casefold()
        self._key: object = _UNSET
        # The line model's features of the text alone (``learned.features``), once asked.
        self.own_features: tuple[float, ...] | None = None
        # Its words of four letters or more (``steps.title.content_words``), once asked.
        self.content_words: frozenset[str] | None = None

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


class LineRules:
    """What one rule set makes worth trying on one line's text: the pattern rules whose
    literals it holds, per step, the phrase rule its phrase key is (or, for glued phrases,
    the first of them), per step, and so the steps worth visiting it."""

    __slots__ = ("candidates", "glued", "phrases", "steps")

    def __init__(self, line: Line, rules: RuleSet) -> None:
        text = line.text
        self.candidates, candidate_steps = rules.candidates(
            rules.scanner.hits(fold(text)), len(text)
        )
        key: str | None = None
        if len(text) <= rules.longest_key or not _key_longer_than(text, rules.longest_key):
            key = line.key
        self.phrases: Mapping[str, Rule] = _NO_RULES
        self.glued: Mapping[str, Rule] = _NO_RULES
        steps = candidate_steps
        if key is not None:
            phrase_steps = rules.phrase_steps.get(key)
            if phrase_steps:
                self.phrases = {name: rules[name].phrase_index[key] for name in phrase_steps}
                steps = steps | frozenset(phrase_steps)
            if " " in key and len(key) <= GLUED_LINE_CHARS:
                glue_steps = rules.glued_steps(key)
                if glue_steps:
                    glued = {}
                    for name in glue_steps:
                        rule = rules[name].glued_phrase_rule(key)
                        if rule is not None:
                            glued[name] = rule
                    if glued:
                        self.glued = glued
                        steps = steps | frozenset(glued)
        self.steps: frozenset[str] = steps

    def phrase_rule(self, step: str, glued: bool = True) -> Rule | None:
        """The phrase rule of ``step`` that the line is, or (``glued``) the rule of the first
        of several of the step's phrases glued into it ("Leave a Reply Cancel reply")."""
        rule = self.phrases.get(step)
        if rule is not None or not glued:
            return rule
        return self.glued.get(step)

    def worth_trying(self, step: str) -> bool:
        """Whether any rule of ``step`` might match the line."""
        return step in self.steps


_NO_RULES: Mapping[str, Rule] = {}


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
# Lines longer than this are not kept across documents (they rarely recur, and would pin
# memory); they are still measured once per call.
SHARED_LINE_CHARS = 1000


class LineCache:
    """Lines kept across the documents one pipeline cleans, with what was learnt about them
    (their shape, rule facts, and the verdicts of steps that judge a line by its text
    alone): a site's furniture comes back on every page. Bounded: two generations of at
    most ``size`` lines each; when the newer is full it becomes the older and the oldest is
    dropped. Everything kept is a pure function of the text, so the cache never changes a
    result, only its cost; it is not pickled (a worker process starts its own).

    >>> cache = LineCache(size=2)
    >>> for text in ("a", "b", "c"):
    ...     _ = cache.line(text)
    >>> cache.line("a") is cache.line("a"), len(cache) <= 2 * cache.size
    (True, True)
    """

    __slots__ = ("_new", "_old", "size")

    def __init__(self, size: int = 5_000) -> None:
        self.size = size
        self._new: dict[str, Line] = {}
        self._old: dict[str, Line] = {}

    def __len__(self) -> int:
        return len(self._new) + len(self._old)

    def line(self, text: str) -> Line:
        """The line of ``text``: kept, or measured now (and kept unless it is long)."""
        found = self._new.get(text)
        if found is None:
            found = self._old.get(text)
            if found is None:
                found = Line(text)
                if len(text) > SHARED_LINE_CHARS or not self.size:
                    return found
            if len(self._new) >= self.size:
                self._old, self._new = self._new, {}
            self._new[text] = found
        return found

    def __reduce__(self) -> tuple[type[LineCache], tuple[int]]:
        return LineCache, (self.size,)


class LineTable:
    """One :class:`Line` per distinct text for one ``clean()`` call (every pass of it),
    taken from the pipeline's :class:`LineCache`; rule matches memoised per call."""

    __slots__ = ("_cache", "_lines", "_matches", "budget_skips", "spent", "timeouts")

    def __init__(self, cache: LineCache | None = None) -> None:
        self._cache = cache if cache is not None else LineCache(0)
        self._lines: dict[str, Line] = {}
        self._matches: dict[tuple[int, str], RuleMatch | str | None] = {}
        # Rule id and text of every match that hit the regex timeout, in order.
        self.timeouts: dict[tuple[str, str], None] = {}
        # Seconds user rules spent on this document, and the matches skipped once spent.
        self.spent = 0.0
        self.budget_skips = 0

    def line(self, text: str) -> Line:
        """The line of ``text``, measured once."""
        found = self._lines.get(text)
        if found is None:
            found = self._lines[text] = self._cache.line(text)
        return found

    def rules_of(self, line: Line, rules: RuleSet) -> LineRules:
        """What ``rules`` make worth trying on ``line``."""
        found = line.facts.get(rules.token)
        if found is None:
            found = line.facts[rules.token] = LineRules(line, rules)
        return found

    def match(self, rule: Rule, text: str) -> RuleMatch | None:
        """``rule.match(text)``, memoised; a rule that times out counts as no match and is
        remembered in ``timeouts``."""
        key = (id(rule), text)
        found = self._matches.get(key, _UNSET)
        if found is _UNSET:
            if rule.budgeted and self.spent >= USER_RULE_SECONDS:
                self.budget_skips += 1
                return None
            started = time.perf_counter() if rule.budgeted else 0.0
            try:
                found = rule.match(text)
            except TimeoutError:
                found = TIMED_OUT
                self.timeouts[(rule.id, text)] = None
            if rule.budgeted:
                self.spent += time.perf_counter() - started
            self._matches[key] = found
        return None if found is TIMED_OUT else found  # type: ignore[return-value]
