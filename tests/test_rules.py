"""Rule packs: every shipped pack loads, and every rule's examples check out."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newsclean.errors import RulePackError
from newsclean.rules import (
    UNIVERSAL,
    Scope,
    available_languages,
    check_examples,
    load_pack,
    parse_pack,
    phrase_key,
    rules_for,
)

PACKS = [UNIVERSAL, *available_languages()]
ALL_RULES = [rule for name in PACKS for rule in load_pack(name).rules]


def test_rules_ship_the_required_languages() -> None:
    assert {"en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru"} <= set(available_languages())


def test_rules_ids_are_unique_across_packs() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.id for rule in ALL_RULES])
def test_rules_examples_match_and_counter_examples_do_not(rule: object) -> None:
    assert check_examples(rule) == []  # type: ignore[arg-type]


@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.id for rule in ALL_RULES])
def test_rules_have_examples_and_a_note(rule: object) -> None:
    assert rule.examples, "every rule needs at least one example"  # type: ignore[attr-defined]
    assert rule.note, "every rule says why it exists"  # type: ignore[attr-defined]
    if rule.pattern is not None:  # type: ignore[attr-defined]
        assert rule.counter_examples, "pattern rules need a counter-example"  # type: ignore[attr-defined]


# Patterns that hold no literal every match needs are tried on every line; a shipped one
# would be listed here on purpose (there is none).
UNCONSTRAINED: frozenset[str] = frozenset()


@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.id for rule in ALL_RULES])
def test_rules_shipped_patterns_have_derived_literals(rule: object) -> None:
    # Without them a rule is tried on every line of every document: the packs stay fast
    # only if each pattern holds words it cannot match without.
    if rule.pattern is not None and rule.id not in UNCONSTRAINED:  # type: ignore[attr-defined]
        assert rule.requires, "no literal every match holds could be derived"  # type: ignore[attr-defined]


def test_rules_literals_are_derived_from_the_pattern() -> None:
    text = _pack(
        'id = "xx.promo.a"\npattern = "join (?:our|the) club.*"\n'
        'examples = ["Join our club today"]\ncounter_examples = ["Join us"]'
    )
    (rule,) = parse_pack(text, "p.toml", {}).rules
    assert rule.requires == ("^join our club", "^join the club")
    assert rule.match("JOIN THE CLUB NOW") is not None


def test_rules_hand_written_requires_must_be_implied_by_the_pattern() -> None:
    base = 'id = "xx.promo.a"\npattern = "join (?:our|the) club.*"\nexamples = ["Join our club"]\n'
    (rule,) = parse_pack(_pack(base + 'requires = ["Club"]'), "p.toml", {}).rules
    assert rule.requires == ("^join our club", "^join the club")  # the derived ones are used
    with pytest.raises(RulePackError, match="does not show every match holds"):
        parse_pack(_pack(base + 'requires = ["team"]'), "p.toml", {})


@pytest.mark.parametrize("name", PACKS)
def test_rules_each_pack_has_a_description(name: str) -> None:
    assert load_pack(name).description.strip()


def test_rules_for_unknown_language_falls_back_to_english() -> None:
    assert rules_for("xx") is rules_for("en")
    assert rules_for(None) is rules_for("en")
    assert any(r.id.startswith("en.") for r in rules_for("xx")["credit"].rules)


def test_rules_for_french_includes_universal_first() -> None:
    ids = [rule.id for rule in rules_for("fr")["paywall"].rules]
    assert ids[0].startswith("universal.")
    assert "fr.paywall.inscrivez_vous" in ids


def _pack(rule: str, lists: str = "") -> str:
    return f'language = "xx"\ndescription = "test"\n{lists}\n[[rules]]\n{rule}\n'


@pytest.mark.parametrize(
    ("rule_text", "problem"),
    [
        ('id = "xx.paywall.a"\nphrases = []', "empty phrase list"),
        ('id = "xx.paywall.a"\npattern = "(unclosed"', "does not compile"),
        ('id = "xx.nosuchstep.a"\nphrases = ["x"]', "unknown step"),
        ('id = "yy.paywall.a"\nphrases = ["x"]', "must look like"),
        ('id = "xx.paywall.a"\nphrases = ["x"]\npattern = "x"', "exactly one"),
        ('id = "xx.paywall.a"\nphrases = ["x"]\nkind = "nope"', "nope"),
        ('id = "xx.paywall.a"\nphrases = ["x"]\nscope = "middle"', "middle"),
        ('id = "xx.paywall.a"\nphrases = ["x"]\nmax_chars = 0', "max_chars"),
        ('id = "xx.paywall.a"\nphrases = ["x"]\ncolour = "red"', "unknown keys"),
        ('id = "xx.paywall.a"\npattern = "\\\\L<missing>"', "does not compile"),
        ('id = "xx.paywall.a"\nphrases = ["..."]', "empty once punctuation"),
        ('id = "xx.paywall.a"\npattern = "x"\nrequires = []', "requires must be"),
        ('id = "xx.paywall.a"\npattern = "x"\nrequires = [""]', "requires must be"),
    ],
)
def test_parse_pack_rejects_bad_rules_naming_file_and_rule(rule_text: str, problem: str) -> None:
    with pytest.raises(RulePackError) as info:
        parse_pack(_pack(rule_text), "my_pack.toml", {})
    message = str(info.value)
    assert "my_pack.toml" in message
    assert problem in message


def test_parse_pack_rejects_duplicate_ids_and_bad_toml() -> None:
    rule = 'id = "xx.paywall.a"\nphrases = ["x"]'
    with pytest.raises(RulePackError, match="duplicate rule id"):
        parse_pack(_pack(rule) + "[[rules]]\n" + rule + "\n", "p.toml", {})
    with pytest.raises(RulePackError, match="invalid TOML"):
        parse_pack("language = ", "p.toml", {})


def test_parse_pack_compiles_named_lists_and_scopes() -> None:
    text = (
        _pack(
            'id = "xx.read_more.tail"\nscope = "suffix"\nphrases = ["Read more"]',
        )
        + '[[rules]]\nid = "xx.advert.agency"\npattern = "ad by \\\\L<agencies>"\n'
    )
    pack = parse_pack(text, "p.toml", {"agencies": ("Reuters",)})
    tail, agency = pack.rules
    assert tail.scope is Scope.SUFFIX
    assert tail.match("Prices rose. Read more") is not None
    assert tail.match("to read more") is None
    assert agency.match("Ad by Reuters") is not None


@given(st.text(alphabet=st.sampled_from("aZé9½_ \t\u00a0.,«»!-\u0301\u2003"), max_size=30))
def test_phrase_key_fast_path_agrees_with_the_definition(text: str) -> None:
    edge = regex.compile(r"^[\W_]+|[\W_]+$")
    spaces = regex.compile(r"\s+")
    assert phrase_key(text) == spaces.sub(" ", edge.sub("", text)).casefold()


@pytest.mark.parametrize(
    ("line", "rule_id"),
    [
        ("Schreibe einen Kommentar Antworten abbrechen", "universal.comment.form"),
        ("Leave a Reply Cancel reply", "universal.comment.form"),
        ("Share: Facebook · Twitter · Email", "universal.promo.share_buttons"),
        ("Print Comments Save", "universal.promo.share_buttons"),
    ],
)
def test_glued_phrases_match_the_first_phrase_rule(line: str, rule_id: str) -> None:
    step = rule_id.split(".")[1]
    rule = rules_for("de", "en")[step].glued_phrase_rule(phrase_key(line))
    assert rule is not None
    assert rule.id == rule_id


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell",  # one phrase and ordinary words
        "Print",  # one phrase alone is the plain phrase lookup's job
        "Comments Save Print Share " * 5,  # longer than a line of glued buttons
        "Reply to the ministry came on Friday",
    ],
)
def test_glued_phrases_need_every_word_in_a_phrase(line: str) -> None:
    assert rules_for("en")["promo"].glued_phrase_rule(phrase_key(line)) is None


@given(st.data())
def test_rules_glued_phrases_are_found_whatever_words_surround_them(data: st.DataObject) -> None:
    # The glue test skips lines holding a word no phrase has; that shortcut must never hide
    # a line made of phrases and separators.
    step_rules = rules_for("en", "de")["promo"]
    phrases = sorted(
        key for key, rule in step_rules.phrase_index.items() if rule.scope is Scope.LINE
    )
    pieces = data.draw(
        st.lists(st.sampled_from(phrases), min_size=2, max_size=3).flatmap(
            lambda chosen: st.tuples(
                st.just(chosen),
                st.lists(
                    st.sampled_from(["", "·", "|", "/"]), min_size=len(chosen), max_size=len(chosen)
                ),
            )
        )
    )
    chosen, separators = pieces
    words = " ".join(
        f"{phrase} {sep}".strip() for phrase, sep in zip(chosen, separators, strict=True)
    )
    key = phrase_key(words)
    if len(key.split(" ")) <= 16:
        assert step_rules.glued_phrase_rule(key) is not None
        # The rule set's quick test on the words lets the line through to the step.
        assert "promo" in rules_for("en", "de").glued_steps(key)
    assert step_rules.glued_phrase_rule(key + " zorgleflap") is None
    assert rules_for("en", "de").glued_steps(key + " zorgleflap") == ()
