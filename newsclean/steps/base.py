"""The step protocol, and the rule step most families are: phrases and patterns from the
rule packs, applied line by line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from newsclean.lines import LineRules
from newsclean.rules.model import Role, Rule, RuleMatch, Scope, StepRules
from newsclean.view import Annotation, Proposal, Verdict, View

# Edge rules peel a line at most this many times per pass ("PARIS (AP) — BERLIN (AP) —
# …"); what is left is peeled by the next pass.
MAX_PEELS = 16


class Step(Protocol):
    """A named pipeline step: it reads a :class:`~newsclean.view.View` and returns its
    verdicts (:class:`~newsclean.view.Proposal` and :class:`~newsclean.view.Annotation`).
    It never edits text and never sees its own verdicts while it runs."""

    @property
    def name(self) -> str:
        """The step's unique name in a pipeline."""
        ...

    def propose(self, view: View) -> Sequence[Verdict]:
        """The verdicts for this pass, given what the steps before this one decided."""
        ...


class RuleStep:
    """Removes lines, prefixes and suffixes that match the step's rules.

    Line rules (phrases first, then patterns) remove a whole line; prefix and suffix rules
    cut the matched part, or the whole line when only punctuation would be left, and are
    tried again on what is left ("Read more Read more") until none matches.
    """

    def __init__(self, name: str) -> None:
        self._name = name

    @property
    def name(self) -> str:
        return self._name

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._name!r})"

    def propose(self, view: View) -> list[Verdict]:
        name = self._name
        step_rules = view.rules.get(name)
        if step_rules is None or not step_rules.rules:
            return []
        found: list[Verdict] = []
        for index, facts in view.rule_lines(name):
            if view.touched(index):
                found.extend(self.judge(view, index, view.text(index), facts, step_rules))
                continue
            # An untouched line is judged from its text alone: what this step gave on the
            # same text before (a repeated line, or the next pass) is given again.
            remembered = view.remembered(name, index)
            if remembered is None:
                text = view.original(index)
                remembered = tuple(
                    _moved(verdict, 0)
                    for verdict in self.judge(view, index, text, facts, step_rules)
                )
                view.remember(name, index, remembered)
            if remembered:
                found.extend(_moved(verdict, index) for verdict in remembered)
        return found

    def judge(
        self, view: View, index: int, text: str, facts: LineRules, step_rules: StepRules
    ) -> list[Verdict]:
        """The verdicts on one line (``text``: what is left of it), from that text alone: a
        whole-line match, else its edges peeled. Subclasses must keep it so: the pipeline
        gives the verdicts again wherever the same untouched text comes back."""
        whole = self.match_line(view, index, text, facts, step_rules)
        if whole is not None:
            return [whole]
        if not step_rules.edge_rules:
            return []
        span = view.span(index)
        if span is None:
            return []
        return self._peel(view, index, text, span[0], facts, step_rules)

    def match_line(
        self, view: View, index: int, text: str, facts: LineRules, step_rules: StepRules
    ) -> Proposal | None:
        """The first whole-line match among phrase and pattern rules, if any."""
        phrase_rule = facts.phrase_rule(self._name)
        if phrase_rule is not None and (
            phrase_rule.role is None or self.uses_role(phrase_rule.role)
        ):
            return view.whole(index, phrase_rule.kind, phrase_rule.id, phrase_rule.sets)
        for rule in facts.candidates.get(self._name, ()):
            if rule.scope is not Scope.LINE or len(text) > rule.max_chars:
                continue
            if rule.role is not None and not self.uses_role(rule.role):
                continue
            found = view.match(rule, text)
            if found is not None:
                return view.whole(index, rule.kind, rule.id, found.fields)
        return None

    def _peel(
        self,
        view: View,
        index: int,
        text: str,
        offset: int,
        facts: LineRules,
        step_rules: StepRules,
    ) -> list[Verdict]:
        """Cut matching edges off ``text`` (at ``offset`` in the line) until none matches.
        The literals of what is left are a subset of the line's, so the line's candidate
        rules are tried throughout."""
        edge_rules = [
            rule for rule in facts.candidates.get(self._name, ()) if rule.scope is not Scope.LINE
        ]
        if not edge_rules:
            return []
        found: list[Verdict] = []
        for _ in range(MAX_PEELS):
            verdict = None
            for rule in edge_rules:
                matched = view.match(rule, text)
                if matched is not None and self.accepts_edge(text, rule, matched):
                    verdict = self.edge_verdict(view, index, text, offset, rule, matched)
                    break
            if verdict is None:
                break
            found.append(verdict)
            if not isinstance(verdict, Proposal) or verdict.end - verdict.start >= len(text):
                break
            # What is left, stripped, as the output will show it.
            assert matched is not None
            if matched.start > 0:  # a suffix: what comes before it stays
                rest, kept_from = text[: matched.start], offset
            else:  # a prefix: what comes after it stays
                rest, kept_from = text[matched.end :], offset + matched.end
            lead = len(rest) - len(rest.lstrip())
            text, offset = rest.strip(), kept_from + lead
            if not text:
                break
            whole = self.match_line(view, index, text, view.rules_for_text(text), step_rules)
            if whole is not None:
                found.append(whole)
                break
        return found

    def uses_role(self, role: Role) -> bool:
        """Whether the generic line pass handles rules of this role (others are special)."""
        return True

    def accepts_edge(self, text: str, rule: Rule, found: RuleMatch) -> bool:
        """Whether a prefix or suffix match should be acted on (subclasses add checks)."""
        return True

    def edge_verdict(
        self, view: View, index: int, text: str, offset: int, rule: Rule, found: RuleMatch
    ) -> Verdict:
        """Cut the matched edge, or the whole line when only punctuation would remain."""
        rest = text[: found.start] + text[found.end :]
        if not any(char.isalnum() for char in rest):
            return view.whole(index, rule.kind, rule.id, found.fields)
        return Proposal(
            index, offset + found.start, offset + found.end, rule.kind, rule.id, found.fields
        )


def _moved(verdict: Verdict, index: int) -> Verdict:
    """``verdict`` on line ``index`` instead."""
    if isinstance(verdict, Proposal):
        return Proposal(
            index,
            verdict.start,
            verdict.end,
            verdict.kind,
            verdict.rule,
            verdict.fields,
            verdict.trigger,
            verdict.evidence,
        )
    return Annotation(index, verdict.start, verdict.end, verdict.kind, verdict.rule, verdict.fields)
