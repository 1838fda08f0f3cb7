"""The ledger: overlapping proposals are trimmed, what is left of each line is what the
next pass reads, and every accepted span maps back to the right source characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean.ledger import Ledger, PassLine
from newsclean.model import Kind
from newsclean.segment import segment
from newsclean.view import Annotation, Proposal


def ledger_of(text: str) -> Ledger:
    return Ledger([PassLine.of(seg) for seg in segment(text)])


def test_ledger_trims_a_proposal_to_what_no_earlier_one_holds() -> None:
    ledger = ledger_of("Read more here and now")
    ledger.accept("a", [Proposal(0, 0, 9, Kind.READ_MORE, "a.x")])
    ledger.accept("b", [Proposal(0, 0, 22, Kind.FOOTER, "b.y")])
    assert [(c.start, c.end, c.step) for c in ledger.cuts(0)] == [(0, 9, "a"), (9, 22, "b")]
    assert ledger.is_removed(0)
    assert ledger.removed_kind(0) is Kind.FOOTER  # the longest cut


def test_ledger_drops_whitespace_only_pieces_and_keeps_annotations_apart() -> None:
    ledger = ledger_of("Hello world")
    ledger.accept(
        "a",
        [
            Proposal(0, 5, 6, Kind.PROMO, "a.x"),
            Annotation(0, 0, 5, Kind.DATELINE, "d", (("dateline", "Hello"),)),
        ],
    )
    assert list(ledger.cuts(0)) == []
    assert not ledger.cut_anything()
    removals, carriers = ledger.in_source("Hello world")
    assert removals == []
    assert [v.cut for v in carriers] == [False]


def test_ledger_remaining_text_and_span_follow_edge_cuts() -> None:
    ledger = ledger_of("PARIS (Reuters) - The talks went on. Read more")
    ledger.accept("dateline", [Proposal(0, 0, 18, Kind.DATELINE, "d")])
    ledger.accept("read_more", [Proposal(0, 37, 46, Kind.READ_MORE, "r")])
    assert ledger.remaining(0) == "The talks went on."
    assert ledger.span(0) == (18, 36)
    (following,) = ledger.next_lines()
    assert following.text == "The talks went on."


CUTS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=4)


@given(
    st.lists(st.sampled_from(["ab cd", "  xy  ", "Read more", "é ü", "q"]), min_size=1, max_size=5),
    CUTS,
    CUTS,
)
def test_two_passes_of_cuts_map_back_to_the_source(
    lines: list[str], first: list[tuple[int, int]], second: list[tuple[int, int]]
) -> None:
    # Cutting in a second pass over what the first left, then mapping both back, gives
    # the same characters as cutting the source directly.
    source = "\n".join(lines)
    ledger = ledger_of(source)
    ledger.accept(
        "a",
        [Proposal(i % len(ledger.lines), s, e, Kind.PROMO, "a") for i, (s, e) in enumerate(first)],
    )
    removed = {pos for r in ledger.in_source(source)[0] for pos in range(r.start, r.end)}
    following = ledger.next_lines()
    for line in following:
        assert line.text == line.text.strip()
        assert line.text
        assert "".join(source[s : s + n] for _, s, n in line.fragments) == line.text
    if not following:
        return
    ledger2 = Ledger(following)
    ledger2.accept(
        "b",
        [Proposal(i % len(following), s, e, Kind.FOOTER, "b") for i, (s, e) in enumerate(second)],
    )
    spans = [(r.start, r.end) for r in ledger2.in_source(source)[0]]
    for start, end in spans:
        assert not removed & set(range(start, end)), "a second-pass cut overlaps a first-pass one"
        removed |= set(range(start, end))
    kept_lines = [
        "".join(ch for pos, ch in enumerate(line) if pos + offset not in removed).strip()
        for line, offset in _with_offsets(source)
    ]
    expected = [line for line in kept_lines if line]
    assert [line.text for line in ledger2.next_lines()] == expected


def _with_offsets(source: str) -> list[tuple[str, int]]:
    found, offset = [], 0
    for line in source.split("\n"):
        found.append((line, offset))
        offset += len(line) + 1
    return found
