"""The site step: rules about one site's own furniture, run after every other step.

Its rules are site-scoped (``newsclean learn`` writes them; see :mod:`newsclean.corpus`).
A rule with the ``ends_article`` role is a line after which the site puts no article
text (a comment form, the first line of its footer): every kept line after the first
such line goes too, provided some article text (a paragraph) was kept before it.
"""

from __future__ import annotations

from newsclean.model import Kind
from newsclean.rules.model import Role
from newsclean.steps.base import RuleStep
from newsclean.view import Proposal, Verdict, View

AFTER_MARKER_RULE = "builtin.site.after_end_marker"
NAME = "site"


class SiteStep(RuleStep):
    """Removes lines that match the site's rules, and what follows its end markers."""

    def __init__(self) -> None:
        super().__init__(NAME)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def propose(self, view: View) -> list[Verdict]:
        found = super().propose(view)
        step_rules = view.rules.get(NAME)
        if not found or step_rules is None:
            return found
        markers = {rule.id for rule in step_rules.rules if rule.role is Role.ENDS_ARTICLE}
        if not markers:
            return found
        marked = {
            verdict.line
            for verdict in found
            if isinstance(verdict, Proposal) and verdict.rule in markers
        }
        cut = {verdict.line for verdict in found if isinstance(verdict, Proposal)}
        seen_article = False
        end: int | None = None
        for index, line in view.kept_lines():
            if index in marked and seen_article:
                end = index
                break
            if line.paragraph and index not in cut:
                seen_article = True
        if end is None:
            return found
        for index, line in view.kept_lines():
            if index > end and index not in cut:
                kind = Kind.RELATED if line.headline else Kind.FOOTER
                found.append(view.whole(index, kind, AFTER_MARKER_RULE, trigger=end))
        return found
