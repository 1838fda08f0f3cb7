"""LiteralScanner: one pass finds exactly the lines a line-by-line test finds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean.rules import rules_for
from newsclean.rules.literals import LiteralScanner
from newsclean.rules.model import RuleSet
from newsclean.segment import segment

# Literals that share prefixes ("ne"/"news"), contain one another ("news"/"ews"), overlap
# at their edges ("sle"/"lett"), start with a space, and must start the line ("^n").
LITERALS = ("ne", "news", "newsletter", "ews", "sle", "lett", "letter", " le", "^n", "^ne", "^le")
PIECES = st.sampled_from(["news", "NEWS", "letter", "le", "tt", "s", "e", " ", "\n", " \n", "x"])


def naive(text: str, literals: tuple[str, ...]) -> dict[str, frozenset[int]]:
    found: dict[str, set[int]] = {}
    for seg in segment(text):
        lowered = seg.text.lower()
        for literal in literals:
            holds = lowered.startswith(literal[1:]) if literal[0] == "^" else literal in lowered
            if holds:
                found.setdefault(literal, set()).add(seg.index)
    return {literal: frozenset(lines) for literal, lines in found.items()}


@given(
    st.lists(PIECES, max_size=60).map("".join),
    st.lists(st.sampled_from(LITERALS), min_size=1, max_size=6),
)
def test_scanner_agrees_with_a_line_by_line_test(text: str, literals: list[str]) -> None:
    chosen = tuple(dict.fromkeys(literals))
    scanner = LiteralScanner(chosen)
    assert scanner.lines_holding(text.lower(), segment(text)) == naive(text, chosen)


def test_scanner_finds_every_shipped_literal_where_a_line_test_does() -> None:
    text = (
        "Newsletter abonnieren\nFoto: dpa\n  Read more: Latest news  \nBy Jane Doe\n"
        "© 2024 Example Media. All rights reserved.\nShare this article\nno match here\n"
    )
    scanner = RuleSet.of(rules_for("en", "de")).literal_scanner
    literals = tuple(sorted(scanner.literals))
    assert len(literals) > 200
    found = scanner.lines_holding(text.lower(), segment(text))
    assert found == naive(text, literals)
    assert found  # the text holds some of them


@pytest.mark.parametrize("literal", ["x", "^", "News", "a\nb"])
def test_scanner_rejects_literals_it_cannot_scan_for(literal: str) -> None:
    with pytest.raises(ValueError, match="cannot scan for"):
        LiteralScanner([literal])


def test_scanner_without_literals_finds_nothing() -> None:
    assert LiteralScanner([]).lines_holding("any text", segment("any text")) == {}
