"""Literals: the ones derived from each pattern are held by every match, the scanner finds
exactly the literals a line holds (with either backend), and folding never hides a match."""

from __future__ import annotations

import gc
import sys
import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.rules import UNIVERSAL, available_languages, load_pack, rules_for
from newsclean.rules.derive import derive, fold, implied
from newsclean.rules.scanner import START, LiteralScanner, has_automaton

# Literals that share prefixes ("ne"/"news"), contain one another ("news"/"ews"), overlap
# at their edges ("sle"/"lett"), are one character ("s"), start with a space, and must
# start the line ("n", "ne", "le").
ANYWHERE = ("ne", "news", "newsletter", "ews", "sle", "lett", "letter", " le", "s")
AT_START = ("n", "ne", "le")
PIECES = st.sampled_from(["news", "letter", "le", "tt", "s", "e", " ", "x", "ne"])
BACKENDS = [False, True] if has_automaton() else [False]
PATTERN_RULES = [
    rule
    for name in (UNIVERSAL, *available_languages())
    for rule in load_pack(name).rules
    if rule.pattern is not None
]


def naive(line: str, anywhere: tuple[str, ...], at_start: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        [literal for literal in anywhere if literal in line]
        + [START + literal for literal in at_start if line.startswith(literal)]
    )


def holds(keys: tuple[str, ...], line: str) -> bool:
    folded = fold(line)
    return any(
        folded.startswith(key[1:]) if key.startswith(START) else key in folded for key in keys
    )


@pytest.mark.parametrize("automaton", BACKENDS)
@given(st.lists(PIECES, max_size=40).map("".join), st.data())
def test_scanner_finds_what_a_line_by_line_test_finds(
    automaton: bool, line: str, data: st.DataObject
) -> None:
    anywhere = tuple(data.draw(st.sets(st.sampled_from(ANYWHERE), min_size=1)))
    at_start = tuple(data.draw(st.sets(st.sampled_from(AT_START))))
    scanner = LiteralScanner(anywhere, at_start, automaton=automaton)
    assert scanner.uses_automaton is automaton
    assert scanner.hits(line) == naive(line, anywhere, at_start)


def test_scanner_backends_agree_on_every_shipped_literal() -> None:
    scanner = rules_for("en", "de").scanner
    assert len(scanner.anywhere) > 300
    pure = LiteralScanner(scanner.anywhere, scanner.at_start, automaton=False)
    lines = [
        "newsletter abonnieren",
        "foto: dpa",
        "read more: latest news",
        "by jane doe",
        "© 2024 example media. all rights reserved.",
        "share this article",
        "no match here",
    ]
    for line in lines:
        expected = naive(line, tuple(scanner.anywhere), tuple(scanner.at_start))
        assert pure.hits(line) == expected
        assert scanner.hits(line) == expected
    assert any(scanner.hits(line) for line in lines)


def test_scanner_without_literals_finds_nothing() -> None:
    assert LiteralScanner([]).hits("any text") == frozenset()


def test_fold_is_a_superset_of_regex_ignore_case_for_every_cased_character() -> None:
    # A line is folded before its literals are looked for; a character that the regex
    # module matches case-insensitively against another must fold to the same string, or
    # the literal test would hide a match.
    cased = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Lu", "Ll", "Lt", "Lm", "Lo", "Mn")
        and (chr(code).lower() != chr(code) or chr(code).upper() != chr(code))
    ]
    for char in cased:
        variants = {char.lower(), char.upper(), char.title(), char.casefold(), char.swapcase()}
        for other in variants:
            if len(other) != 1 or other == char:
                continue
            if regex.fullmatch(regex.escape(char), other, regex.IGNORECASE | regex.VERSION0):
                assert fold(char) == fold(other), (char, other)


@pytest.mark.parametrize("rule", PATTERN_RULES, ids=[rule.id for rule in PATTERN_RULES])
@settings(max_examples=10)
@given(st.data())
def test_derived_literals_are_held_by_every_match_of_a_varied_example(
    rule: object, data: st.DataObject
) -> None:
    examples = rule.examples  # type: ignore[attr-defined]
    example = data.draw(st.sampled_from(examples)).strip()
    # Vary it: change the case of some characters, wrap it in other text.
    flips = data.draw(st.lists(st.booleans(), min_size=len(example), max_size=len(example)))
    varied = "".join(ch.swapcase() if flip else ch for ch, flip in zip(example, flips, strict=True))
    prefix = data.draw(st.sampled_from(["", "x ", "News: ", "« "]))
    suffix = data.draw(st.sampled_from(["", " x", ".", " »"]))
    for line in (varied, prefix + varied + suffix, example):
        if rule.match(line) is not None:  # type: ignore[attr-defined]
            assert holds(rule.requires, line), line  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("pattern", "anywhere", "at_start", "anchored"),
    [
        (r"(?:read|see) more", ("read more", "see more"), (), False),
        (r"(?i:foto|photo):\s*\w+", ("foto:", "photo:"), (), False),
        (r"[Ss]hare (?:this|it)", (), ("share it", "share this"), True),
        (r"(?=.{0,50}\bcookies\b).{0,200}consent.*", ("cookies",), (), True),
        (r"\L<agencies>/\w+", ("afp/", "reuters/"), (), False),
        (r"by\s+\w+", (), ("by",), True),
        (r"[0-9]{1,2}:[0-9]{2}", (":",), (), False),
    ],
)
def test_derive_examples(
    pattern: str, anywhere: tuple[str, ...], at_start: tuple[str, ...], anchored: bool
) -> None:
    found = derive(pattern, {"agencies": ("AFP", "Reuters")}, anchored=anchored)
    assert found is not None
    assert (found.anywhere, found.at_start) == (anywhere, at_start)


@pytest.mark.parametrize("pattern", [r"\p{Lu}\w+", r".*", r"(?:a|\w)+", r"x?y*"])
def test_derive_gives_nothing_when_no_literal_is_needed(pattern: str) -> None:
    assert derive(pattern, {}) is None


@pytest.mark.parametrize(
    ("pattern", "given", "expected"),
    [
        (r"(?:read|see) our (?:terms|rules)", ("our",), True),
        (r"(?:read|see) our (?:terms|rules)", ("terms",), False),
        (r"(?:read|see) our (?:terms|rules)", ("terms", "rules"), True),
        (r"the contents? of this site", ("contents of this site",), False),
        (r"\w+ cookies", ("cookie",), True),
    ],
)
def test_implied_checks_hand_written_literals(
    pattern: str, given: tuple[str, ...], expected: bool
) -> None:
    assert implied(pattern, {}, given) is expected


def test_candidates_are_what_the_hits_make_worth_trying_and_lines_share_them() -> None:
    rules = rules_for("en")
    scanner = rules.scanner
    text = "Share this article"
    hits = scanner.hits(fold(text))
    found, steps = rules.candidates(hits, len(text))
    # Every candidate rule either requires nothing or a literal the line holds, fits the
    # line's length, and comes in rule-set order.
    for step, candidates in found.items():
        assert step in steps
        assert candidates
        for rule in candidates:
            assert not rule.requires or set(rule.requires) & hits
            assert rule.max_chars >= len(text) or rule.scope.value != "line"
        order = [rules[step].rules.index(rule) for rule in candidates]
        assert order == sorted(order)
    # Hits that add nothing a rule requires give the same candidates: the same object.
    plain = rules.candidates(frozenset(), 12)
    assert rules.candidates(frozenset({"zzz-no-rule-requires-this"}), 12) is plain
    # The memo's keys hold nothing the garbage collector visits.
    assert not any(gc.is_tracked(key) for key in rules._candidates)
