"""What a step sees and what it returns: the read-only :class:`View` of one pass over a
document, and the verdicts a step proposes (:class:`Proposal`, :class:`Annotation`).

A step reads the view (every line as it stood when the pass began, what earlier steps
removed from it, each line's shape and the rules worth trying on it) and returns its
verdicts; the pipeline accepts them once the step has returned, so nothing a step reads
changes while it runs. This is the public extension API: see "Adding a step" in the
README.

>>> from newsclean.view import Proposal
>>> Proposal(0, 0, 13, Kind.ADVERT, "house.advert.label").end
13
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsclean.lines import Line, LineRules, LineTable
from newsclean.model import Kind
from newsclean.rules.model import Fields, Rule, RuleMatch, RuleSet

if TYPE_CHECKING:
    from newsclean.ledger import Ledger


@dataclass(frozen=True, slots=True)
class _Verdict:
    line: int
    start: int
    end: int
    kind: Kind
    rule: str
    fields: Fields = ()

    def field(self, name: str) -> str | None:
        """The first captured value named ``name``, if any."""
        for key, value in self.fields:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Proposal(_Verdict):
    """A step's verdict that ``[start, end)`` of line ``line`` goes.

    Offsets are into the line's text as the pass began (``view.original(line)``); the
    pipeline trims the span to characters no earlier verdict holds. ``fields`` become
    metadata (``authors``, ``caption``, ``related``, …); ``trigger`` is the line whose
    verdict this one follows from (a prompt, a header, a credit line), when there is one.
    """

    trigger: int | None = None


@dataclass(frozen=True, slots=True)
class Annotation(_Verdict):
    """A step's record of fields on a span that stays in the text (a dateline kept with
    ``keep_dateline=True`` still fills ``metadata.dateline``)."""


Verdict = Proposal | Annotation


@dataclass(frozen=True, slots=True)
class Cut:
    """An accepted removal on a line, as later steps of the pass see it."""

    start: int
    end: int
    kind: Kind
    rule: str
    step: str


class View:
    """One pass over a document, read-only: its lines, the verdicts accepted so far in the
    pass (by the steps before the one reading), each line's shape and the rules worth
    trying on it."""

    __slots__ = ("_ledger", "_lines_for", "_table", "language", "rules")

    def __init__(
        self, ledger: Ledger, table: LineTable, rules: RuleSet, language: str | None
    ) -> None:
        self._ledger = ledger
        self._table = table
        self.rules = rules
        self.language = language
        self._lines_for: dict[str, list[int]] | None = None

    def __len__(self) -> int:
        return len(self._ledger.lines)

    def original(self, index: int) -> str:
        """Line ``index`` as the pass began (proposal offsets refer to it)."""
        return self._ledger.lines[index].text

    def original_line(self, index: int) -> Line:
        """The shape of line ``index`` as the pass began."""
        return self._table.line(self._ledger.lines[index].text)

    def text(self, index: int) -> str:
        """What is left of line ``index`` after the verdicts so far, stripped."""
        return self._ledger.remaining(index)

    def line(self, index: int) -> Line:
        """The shape of what is left of line ``index``."""
        return self._table.line(self._ledger.remaining(index))

    def span(self, index: int) -> tuple[int, int] | None:
        """Where ``text(index)`` lies in ``original(index)``; ``None`` when cuts split it."""
        return self._ledger.span(index)

    def removed(self, index: int) -> bool:
        """Whether nothing of line ``index`` is left."""
        return self._ledger.is_removed(index)

    def touched(self, index: int) -> bool:
        """Whether any verdict so far cut part or all of line ``index``."""
        return self._ledger.is_touched(index)

    def kind(self, index: int) -> Kind | None:
        """The kind of the longest cut of a removed line, else ``None`` (kept or partly cut)."""
        return self._ledger.removed_kind(index)

    def cuts(self, index: int) -> Sequence[Cut]:
        """The verdicts accepted on line ``index`` so far, in line order."""
        return self._ledger.cuts(index)

    def kept(self) -> Iterator[int]:
        """The lines not removed, in order."""
        ledger = self._ledger
        return (index for index in range(len(ledger.lines)) if not ledger.is_removed(index))

    def rules_of(self, index: int) -> LineRules:
        """What the rule set makes worth trying on what is left of line ``index``."""
        return self._table.rules_of(self.line(index), self.rules)

    def rules_for_text(self, text: str) -> LineRules:
        """What the rule set makes worth trying on ``text`` (a part of a line)."""
        return self._table.rules_of(self._table.line(text), self.rules)

    def lines_for(self, step: str) -> list[int]:
        """The lines, in order, on which some rule of ``step`` might match what is left."""
        if self._lines_for is None:
            self._lines_for = self._index_untouched()
        ledger = self._ledger
        found = [index for index in self._lines_for.get(step, ()) if not ledger.is_touched(index)]
        touched = [
            index
            for index in ledger.touched_lines()
            if not ledger.is_removed(index) and self.rules_of(index).worth_trying(step)
        ]
        return sorted(found + touched) if touched else found

    def _index_untouched(self) -> dict[str, list[int]]:
        """For each step, the lines as the pass began on which one of its rules might match."""
        table, rules, lines = self._table, self.rules, self._ledger.lines
        index: dict[str, list[int]] = {}
        for number, line in enumerate(lines):
            for name in table.rules_of(table.line(line.text), rules).steps:
                index.setdefault(name, []).append(number)
        return index

    def match(self, rule: Rule, text: str) -> RuleMatch | None:
        """``rule.match(text)``, memoised for the whole call; a rule that hits its regex
        timeout counts as no match and is reported in ``CleanResult.warnings``."""
        return self._table.match(rule, text)

    def whole(
        self,
        index: int,
        kind: Kind,
        rule: str,
        fields: Fields = (),
        trigger: int | None = None,
    ) -> Proposal:
        """A proposal that removes what is left of line ``index``."""
        return Proposal(index, 0, len(self._ledger.lines[index].text), kind, rule, fields, trigger)

    def part(self, index: int, found: RuleMatch, kind: Kind, rule: str) -> Proposal:
        """A proposal for the part of ``text(index)`` that ``found`` matched."""
        span = self._ledger.span(index)
        offset = span[0] if span is not None else 0
        return Proposal(index, offset + found.start, offset + found.end, kind, rule, found.fields)
