"""Related-stories blocks: a header ("More Stories", "À lire aussi") and the headlines after it."""

from __future__ import annotations

from newsclean.lines import LineRules
from newsclean.model import Kind
from newsclean.rules.model import Role, Rule
from newsclean.steps.base import RuleStep
from newsclean.view import Proposal, Verdict, View

# A block never runs longer than this many lines after its header.
MAX_BLOCK_LINES = 25
# Short lines inside a block (dates, "2 hours ago", section labels) go with it.
MAX_BLOCK_LABEL_WORDS = 5
MAX_BLOCK_LABEL_CHARS = 60
BLOCK_RULE = "builtin.related.headline_after_header"
READ_MORE_STEP = "read_more"


def is_headline_text(words: int, text: str) -> bool:
    """A headline worth recording: three words or more, and not a timestamp ("2 hours ago")."""
    return words >= 3 and not (words <= 4 and any(char.isdigit() for char in text))


class RelatedStep(RuleStep):
    """Removes related-stories headers with the run of headline-like lines that follows,
    and single lines such as "Lesen Sie auch: <headline>"; headlines go to metadata."""

    def __init__(self) -> None:
        super().__init__("related")

    def uses_role(self, role: Role) -> bool:
        return role is not Role.HEADER

    def propose(self, view: View) -> list[Verdict]:
        step_rules = view.rules.get(self.name)
        if step_rules is None:
            return []
        found: list[Verdict] = []
        # The lines this step removes, which its blocks step over as removed.
        mine: set[int] = set()
        block_until = -1
        for index, facts in view.rule_lines(self.name):
            if index <= block_until or index in mine:
                continue
            header = self._header_rule(view, index, facts)
            if header is None:
                proposal = self.match_line(view, index, view.text(index), facts, step_rules)
                if proposal is not None:
                    found.append(proposal)
                    mine.add(index)
                continue
            found.append(view.whole(index, header.kind, header.id, header.sets))
            mine.add(index)
            for follower in self._block(view, index, mine):
                block_until = follower.line
                found.append(follower)
                mine.add(follower.line)
        for label in self._read_more_labels(view):
            for follower in self._block(view, label, mine):
                found.append(follower)
                mine.add(follower.line)
        return found

    @staticmethod
    def _read_more_labels(view: View) -> list[int]:
        """Removed "read more" labels ending in a colon ("Weiterlesen:", "Read more:"):
        they head a list of headlines when headlines follow them."""
        return [
            index
            for index in range(len(view))
            if view.removed(index)
            and view.original(index).endswith(":")
            and any(cut.step == READ_MORE_STEP for cut in view.cuts(index))
        ]

    def _header_rule(self, view: View, index: int, facts: LineRules) -> Rule | None:
        rule = facts.phrase_rule(self.name, glued=False)
        if rule is not None and rule.role is Role.HEADER:
            return rule
        text = view.text(index)
        for candidate in facts.candidates.get(self.name, ()):
            if candidate.role is Role.HEADER and view.match(candidate, text) is not None:
                return candidate
        return None

    def _block(self, view: View, header: int, mine: set[int]) -> list[Proposal]:
        found: list[Proposal] = []
        last = min(len(view), header + 1 + MAX_BLOCK_LINES)
        for index in range(header + 1, last):
            if view.removed(index) or index in mine:
                continue
            if ends_article(view, index) or is_prompt(view, index):
                break  # a newsletter or sign-in prompt ends the list; its own step cuts it
            line = view.line(index)
            if line.headline:
                fields: tuple[tuple[str, str], ...] = ()
                if is_headline_text(line.words, line.text):
                    fields = (("related", line.text),)
                found.append(view.whole(index, Kind.RELATED, BLOCK_RULE, fields, trigger=header))
            elif line.words <= MAX_BLOCK_LABEL_WORDS and len(line.text) <= MAX_BLOCK_LABEL_CHARS:
                found.append(view.whole(index, Kind.RELATED, BLOCK_RULE, trigger=header))
            else:
                break
        return found


# The steps whose lines are prompts to the reader, never a related headline.
PROMPT_STEPS = ("paywall", "cookie", "advert", "promo")


def is_prompt(view: View, index: int) -> bool:
    """Whether a rule of a prompt step (a newsletter, sign-in or cookie prompt) matches
    the line, as a phrase or a pattern."""
    facts = view.rules_of(index)
    text = view.text(index)
    for step in PROMPT_STEPS:
        if not facts.worth_trying(step):
            continue
        if facts.phrase_rule(step, glued=False) is not None:
            return True
        for rule in facts.candidates.get(step, ()):
            if view.match(rule, text) is not None:
                return True
    return False


def ends_article(view: View, index: int) -> bool:
    """Whether a line is an end-of-article marker of any step ("Leave a Reply", "Kommentar
    verfassen Antworten abbrechen"): as a phrase, glued phrases or a pattern."""
    marker_rules = view.rules.by_role[Role.ENDS_ARTICLE]
    if not marker_rules:
        return False
    facts = view.rules_of(index)
    for step in dict.fromkeys(rule.step for rule in marker_rules):
        rule = facts.phrase_rule(step)
        if rule is not None and rule.role is Role.ENDS_ARTICLE:
            return True
    text = view.text(index)
    return any(
        rule.role is Role.ENDS_ARTICLE and view.match(rule, text) is not None
        for rules in facts.candidates.values()
        for rule in rules
    )
