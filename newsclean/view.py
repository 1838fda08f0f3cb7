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
from typing import TYPE_CHECKING, NamedTuple

from newsclean.lines import Line, LineRules, LineTable
from newsclean.model import Kind
from newsclean.rules.model import Fields, Rule, RuleMatch, RuleSet

if TYPE_CHECKING:
    from newsclean.ledger import Ledger
    from newsclean.rules.sites import SiteRules


class _Verdict(NamedTuple):
    line: int
    start: int
    end: int
    kind: Kind
    rule: str
    fields: Fields = ()
    trigger: int | None = None
    # Why, for reading (a learned decision's score and the features that weighed most).
    evidence: str | None = None

    def field(self, name: str) -> str | None:
        """The first captured value named ``name``, if any."""
        return field_of(self.fields, name)


class Proposal(_Verdict):
    """A step's verdict that ``[start, end)`` of line ``line`` goes.

    Offsets are into the line's text as the pass began (``view.original(line)``); the
    pipeline trims the span to characters no earlier verdict holds. ``fields`` become
    metadata (``authors``, ``caption``, ``related``, …); ``trigger`` is the line whose
    verdict this one follows from (a prompt, a header, a credit line), when there is one;
    ``evidence`` says why in words, when the rule id alone does not (``Removal.evidence``).
    """

    __slots__ = ()


class Annotation(_Verdict):
    """A step's record of fields on a span that stays in the text (a dateline kept with
    ``keep_dateline=True`` still fills ``metadata.dateline``); ``trigger`` is unused."""

    __slots__ = ()


def field_of(fields: Fields, name: str) -> str | None:
    """The first value named ``name`` in ``fields``, if any."""
    for key, value in fields:
        if key == name:
            return value
    return None


Verdict = Proposal | Annotation


class Cut(NamedTuple):
    """An accepted removal on a line, as later steps of the pass see it, with the fields
    its rule captured."""

    start: int
    end: int
    kind: Kind
    rule: str
    step: str
    fields: Fields = ()


class View:
    """One pass over a document, read-only: its lines, the verdicts accepted so far in the
    pass (by the steps before the one reading), each line's shape and the rules worth
    trying on it."""

    __slots__ = (
        "_base",
        "_by_step",
        "_cuts",
        "_ledger",
        "_table",
        "language",
        "rules",
        "site_rules",
    )

    def __init__(
        self,
        ledger: Ledger,
        table: LineTable,
        rules: RuleSet,
        language: str | None,
        site_rules: SiteRules | None = None,
    ) -> None:
        self._ledger = ledger
        # The ledger's cuts by line, read on every question about a line.
        self._cuts = ledger.cut_lines
        self._table = table
        self.rules = rules
        self.language = language
        # The rules of the page's site (the site step's), when it has any.
        self.site_rules = site_rules
        # Every line as the pass began, measured (once per distinct text per call).
        self._base: list[Line] = [table.line(line.text) for line in ledger.lines]
        self._by_step: dict[str, list[tuple[int, LineRules]]] | None = None

    def __len__(self) -> int:
        return len(self._base)

    def original(self, index: int) -> str:
        """Line ``index`` as the pass began (proposal offsets refer to it)."""
        return self._base[index].text

    def original_line(self, index: int) -> Line:
        """The shape of line ``index`` as the pass began."""
        return self._base[index]

    def text(self, index: int) -> str:
        """What is left of line ``index`` after the verdicts so far, stripped."""
        if index in self._cuts:
            return self._ledger.remaining(index)
        return self._base[index].text

    def line(self, index: int) -> Line:
        """The shape of what is left of line ``index``."""
        if index in self._cuts:
            return self._table.line(self._ledger.remaining(index))
        return self._base[index]

    def span(self, index: int) -> tuple[int, int] | None:
        """Where ``text(index)`` lies in ``original(index)``; ``None`` when cuts split it."""
        return self._ledger.span(index)

    def removed(self, index: int) -> bool:
        """Whether nothing of line ``index`` is left."""
        return self._ledger.is_removed(index)

    def touched(self, index: int) -> bool:
        """Whether any verdict so far cut part or all of line ``index``."""
        return index in self._cuts

    def kind(self, index: int) -> Kind | None:
        """The kind of the longest cut of a removed line, else ``None`` (kept or partly cut)."""
        return self._ledger.removed_kind(index)

    def kinds(self) -> list[Kind | None]:
        """``kind`` of every line, in order."""
        return self._ledger.removed_kinds()

    def cuts(self, index: int) -> Sequence[Cut]:
        """The verdicts accepted on line ``index`` so far, in line order."""
        return self._cuts.get(index, ())

    def kept(self) -> Iterator[int]:
        """The lines not removed, in order."""
        removed = self._ledger.removed_lines
        return (index for index in range(len(self._base)) if index not in removed)

    def kept_lines(self) -> list[tuple[int, Line]]:
        """The lines not removed, in order, each with the shape of what is left of it."""
        removed, cuts, base = self._ledger.removed_lines, self._cuts, self._base
        if not cuts:
            return list(enumerate(base))
        table, ledger = self._table, self._ledger
        return [
            (index, table.line(ledger.remaining(index)) if index in cuts else line)
            for index, line in enumerate(base)
            if index not in removed
        ]

    def rules_of(self, index: int) -> LineRules:
        """What the rule set makes worth trying on what is left of line ``index``."""
        return self._table.rules_of(self.line(index), self.rules)

    def rules_for_text(self, text: str) -> LineRules:
        """What the rule set makes worth trying on ``text`` (a part of a line)."""
        return self._table.rules_of(self._table.line(text), self.rules)

    def lines_for(self, step: str) -> list[int]:
        """The lines, in order, on which some rule of ``step`` might match what is left."""
        return [index for index, _ in self.rule_lines(step)]

    def rule_lines(self, step: str) -> list[tuple[int, LineRules]]:
        """The lines, in order, on which some rule of ``step`` might match what is left,
        each with what the rule set makes worth trying on it."""
        if self._by_step is None:
            self._by_step = self._index()
        cuts = self._cuts
        found = self._by_step.get(step, [])
        if not cuts:
            return found
        found = [entry for entry in found if entry[0] not in cuts]
        removed = self._ledger.removed_lines
        table, rules = self._table, self.rules
        for index in cuts:
            if index not in removed:
                facts = table.rules_of(table.line(self._ledger.remaining(index)), rules)
                if step in facts.steps:
                    found.append((index, facts))
        found.sort(key=_first)
        return found

    def _index(self) -> dict[str, list[tuple[int, LineRules]]]:
        """For each step, the lines as the pass began on which one of its rules might
        match, with their rule facts."""
        table, rules = self._table, self.rules
        index: dict[str, list[tuple[int, LineRules]]] = {}
        for number, line in enumerate(self._base):
            facts = table.rules_of(line, rules)
            for name in facts.steps:
                entries = index.get(name)
                if entries is None:
                    index[name] = [(number, facts)]
                else:
                    entries.append((number, facts))
        return index

    def match(self, rule: Rule, text: str) -> RuleMatch | None:
        """``rule.match(text)``, memoised for the whole call; a rule that hits its regex
        timeout counts as no match and is reported in ``CleanResult.warnings``."""
        return self._table.match(rule, text)

    def remembered(self, step: str, index: int) -> tuple[Verdict, ...] | None:
        """The verdicts ``step`` gave before, with these rules, on the text line ``index``
        began the pass with, if any (steps that judge a line from its text alone remember
        them, as if on line 0)."""
        return self._base[index].verdicts.get((step, self.rules.token))

    def remember(self, step: str, index: int, verdicts: tuple[Verdict, ...]) -> None:
        """Remember what ``step`` gave on the text line ``index`` began the pass with."""
        self._base[index].verdicts[(step, self.rules.token)] = verdicts

    def whole(
        self,
        index: int,
        kind: Kind,
        rule: str,
        fields: Fields = (),
        trigger: int | None = None,
        evidence: str | None = None,
    ) -> Proposal:
        """A proposal that removes what is left of line ``index``."""
        return Proposal(
            index, 0, len(self._base[index].text), kind, rule, fields, trigger, evidence
        )

    def part(self, index: int, found: RuleMatch, kind: Kind, rule: str) -> Proposal:
        """A proposal for the part of ``text(index)`` that ``found`` matched."""
        span = self._ledger.span(index)
        offset = span[0] if span is not None else 0
        return Proposal(index, offset + found.start, offset + found.end, kind, rule, found.fields)


def _first(entry: tuple[int, LineRules]) -> int:
    return entry[0]
