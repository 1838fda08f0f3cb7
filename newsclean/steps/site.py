"""The site step: rules about one site's own furniture, run after every other step.

Its rules are site-scoped whole-line rules (``newsclean learn`` writes them; see
:mod:`newsclean.corpus`), looked up for the page's site only (:mod:`newsclean.rules.sites`).
A rule with the ``ends_article`` role is a line after which the site puts no article text
(a comment form, the first line of its footer): every kept line after the first such
line goes too, provided some article text (a paragraph) was kept before it.
"""

from __future__ import annotations

from newsclean.model import Kind
from newsclean.rules.model import Role, Rule
from newsclean.view import Verdict, View

AFTER_MARKER_RULE = "builtin.site.after_end_marker"
NAME = "site"


class SiteStep:
    """Removes kept lines that are one of the site's lines, and what follows its end
    markers."""

    name = NAME

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def propose(self, view: View) -> list[Verdict]:
        site_rules = view.site_rules
        if site_rules is None:
            return []
        found: list[Verdict] = []
        matched: set[int] = set()
        end: int | None = None
        seen_article = False
        for index in view.kept():
            text = view.text(index)
            rule = self._rule_for(view, text)
            if rule is None:
                if end is None and view.line(index).paragraph:
                    seen_article = True
                continue
            matched.add(index)
            found.append(view.whole(index, rule.kind, rule.id))
            if end is None and seen_article and rule.role is Role.ENDS_ARTICLE:
                end = index
        if end is None:
            return found
        for index, line in view.kept_lines():
            if index > end and index not in matched:
                kind = Kind.RELATED if line.headline else Kind.FOOTER
                found.append(view.whole(index, kind, AFTER_MARKER_RULE, trigger=end))
        return found

    @staticmethod
    def _rule_for(view: View, text: str) -> Rule | None:
        """The site's rule that ``text`` matches (phrases first, then patterns), if any."""
        site_rules = view.site_rules
        assert site_rules is not None
        rule = site_rules.phrase_rule(text)
        if rule is not None:
            return rule
        for candidate in site_rules.pattern_candidates(text):
            if view.match(candidate, text) is not None:
                return candidate
        return None
