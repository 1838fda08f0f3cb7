"""Document's literal index: which lines hold a rule's required words, found in one scan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean.document import Document, Proposal
from newsclean.model import Kind
from newsclean.rules import rules_for
from newsclean.segment import segment

LITERALS = ("by", "cookies", "i̇", "ß", " us on ", "^by", "^c", "^us on")
PIECES = st.sampled_from(
    ["By", "bY ", "cookies", "COOKIES", "İ", "ẞ", "ß", "us on", " ", "\n", "x", "b", "y"]
)


@given(
    st.lists(PIECES, max_size=40).map("".join),
    st.lists(st.sampled_from(LITERALS), min_size=1, max_size=3),
)
def test_lines_with_agrees_with_a_line_by_line_test(text: str, literals: list[str]) -> None:
    segments = segment(text)
    doc = Document(text, segments, "en", rules_for("en"))
    wanted = tuple(dict.fromkeys(literals))

    def holds(line: str, literal: str) -> bool:
        lowered = line.lower()
        return lowered.startswith(literal[1:]) if literal[0] == "^" else literal in lowered

    expected = {s.index for s in segments if any(holds(s.text, lit) for lit in wanted)}
    # Lines holding "İ" (whose lower case is two characters) are always candidates.
    expected |= {s.index for s in segments if "İ" in s.text}
    assert doc.lines_with(wanted) == expected


def test_lines_with_no_literals_means_every_line() -> None:
    text = "a\nb"
    assert Document(text, segment(text), "en", rules_for("en")).lines_with(()) is None


def test_candidates_are_the_rules_whose_literals_a_line_holds_in_order() -> None:
    text = (
        "Sign up for our newsletter\nBy Jane Doe\nThe council met on Monday.\n"
        "Photo: Reuters\nRead more: the budget\nShare this article on Facebook"
    )
    segments = segment(text)
    doc = Document(text, segments, "en", rules_for("en"))
    seen_some = False
    for step_rules in doc.rules.values():
        for rules in (step_rules.rules, step_rules.edge_rules):
            for seg in segments:
                expected = tuple(
                    rule
                    for rule in rules
                    if not rule.requires or seg.index in (doc.lines_with(rule.requires) or ())
                )
                assert doc.candidates(rules, seg.index) == expected
                seen_some = seen_some or bool(expected)
    assert seen_some


def test_candidates_of_a_partly_cut_line_are_every_rule() -> None:
    text = "The council met.\nRead more: the budget"
    segments = segment(text)
    doc = Document(text, segments, "en", rules_for("en"))
    rules = doc.rules["read_more"].rules
    line = segments[1]
    doc.accept(Proposal(1, line.start, line.start + 10, Kind.READ_MORE, "t.r", "read_more"))
    assert doc.candidates(rules, 1) == rules
