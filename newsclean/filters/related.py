"""Related-stories blocks: a header ("More Stories", "À lire aussi") and the headlines after it."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Document, Proposal
from newsclean.filters.base import RuleLineFilter, whole_line
from newsclean.model import Kind, Segment
from newsclean.rules.model import ENDS_ARTICLE_ROLE, Rule, RuleMatch, Scope
from newsclean.shape import is_headline_like, word_count

HEADER_ROLE = "header"
# A block never runs longer than this many lines after its header.
MAX_BLOCK_LINES = 25
# Short lines inside a block (dates, "2 hours ago", section labels) go with it.
MAX_BLOCK_LABEL_WORDS = 5
BLOCK_RULE = "builtin.related.headline_after_header"
READ_MORE_STEP = "read_more"


def _is_headline_text(text: str) -> bool:
    """A headline worth recording: three words or more, and not a timestamp ("2 hours ago")."""
    words = word_count(text)
    return words >= 3 and not (words <= 4 and any(ch.isdigit() for ch in text))


class RelatedFilter(RuleLineFilter):
    """Removes related-stories headers with the run of headline-like lines that follows,
    and single lines such as "Lesen Sie auch: <headline>"; headlines go to metadata."""

    def __init__(self) -> None:
        super().__init__("related")

    def uses_role(self, role: str) -> bool:
        return role != HEADER_ROLE

    def propose(self, doc: Document) -> Iterator[Proposal]:
        step_rules = doc.rules.get(self.name)
        if step_rules is None:
            return
        header_patterns = step_rules.by_scope(Scope.LINE, HEADER_ROLE)
        line_rules = step_rules.by_scope(Scope.LINE)
        block_until = -1
        for seg in self.lines_to_check(doc, self.name, line_rules + header_patterns):
            if doc.is_removed(seg.index) or seg.index <= block_until:
                continue
            header = self._header_rule(doc, seg, header_patterns)
            if header is None:
                proposal = self.match_line(doc, seg, line_rules)
                if proposal is not None:
                    yield proposal
                continue
            yield whole_line(seg, header, RuleMatch(0, len(seg.text), header.sets))
            for follower in self._block(doc, seg.index):
                block_until = follower.segment
                yield follower
        yield from self._blocks_after_read_more_labels(doc)

    def _blocks_after_read_more_labels(self, doc: Document) -> Iterator[Proposal]:
        """A "read more" label ending in a colon ("Weiterlesen:", "Read more:") that the
        read_more step removed heads a list of headlines when headlines follow it."""
        labels = sorted(
            {
                cut.segment
                for cut in doc.accepted
                if cut.step == READ_MORE_STEP
                and doc.segments[cut.segment].text.endswith(":")
                and doc.is_removed(cut.segment)
            }
        )
        for index in labels:
            yield from self._block(doc, index)

    def _header_rule(
        self, doc: Document, seg: Segment, header_patterns: tuple[Rule, ...]
    ) -> Rule | None:
        rule = doc.phrase_rule(self.name, seg.index, HEADER_ROLE)
        if rule is not None:
            return rule
        for candidate in header_patterns:
            if doc.match(candidate, doc.remaining(seg.index), seg.index) is not None:
                return candidate
        return None

    def _block(self, doc: Document, header_index: int) -> Iterator[Proposal]:
        last = min(len(doc.segments), header_index + 1 + MAX_BLOCK_LINES)
        for seg in doc.segments[header_index + 1 : last]:
            if doc.is_removed(seg.index):
                continue
            if _ends_article(doc, seg.index):
                return
            text = doc.remaining(seg.index)
            if is_headline_like(text):
                fields: tuple[tuple[str, str], ...] = ()
                if _is_headline_text(text):
                    fields = (("related", text),)
                yield Proposal(
                    seg.index, seg.start, seg.end, Kind.RELATED, BLOCK_RULE, self.name, fields
                )
            elif word_count(text) <= MAX_BLOCK_LABEL_WORDS and len(text) <= 60:
                yield Proposal(seg.index, seg.start, seg.end, Kind.RELATED, BLOCK_RULE, self.name)
            else:
                return


def _ends_article(doc: Document, index: int) -> bool:
    """Whether a line is an end-of-article marker of any step ("Leave a Reply", "Kommentar
    verfassen Antworten abbrechen"): as a phrase, glued phrases or a pattern."""
    end_rules = doc.rules.rules_with_role(ENDS_ARTICLE_ROLE)
    if not end_rules:
        return False
    for step in doc.rules.steps_with_role(ENDS_ARTICLE_ROLE):
        rule = doc.phrase_rule(step, index)
        if rule is not None and rule.role == ENDS_ARTICLE_ROLE:
            return True
    text = doc.remaining(index)
    return any(
        rule.pattern is not None and doc.match(rule, text, index) is not None
        for rule in doc.candidates(end_rules, index)
    )
