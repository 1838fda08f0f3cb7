"""Rule packs of the user's own: applied after the shipped ones, and refused, with the
file, the rule and the problem named, when they are malformed, slow or too large."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from newsclean import Pipeline, RulePackError
from newsclean.cli import main
from newsclean.rules import UNIVERSAL, available_languages, load_pack
from newsclean.rules.user import MAX_PACK_BYTES, slow_probe

GOOD = """
language = "{language}"
description = "House rules"

[[rules]]
id = "{language}.promo.zorp"
note = "Our site's widget line."
pattern = '''zorp widget: .{{1,80}}'''
requires = ["zorp widget"]
examples = ["Zorp widget: try it now, it is free for every reader."]
counter_examples = ["The zorp went home."]
"""
ARTICLE = (
    "The council approved the budget on Monday after a long debate.\n"
    "Zorp widget: try it now, it is free for every reader.\n"
    "The mayor said the vote was a relief for the city."
)
CLEANED = ARTICLE.replace("Zorp widget: try it now, it is free for every reader.\n", "")


def write(tmp_path: Path, text: str, name: str = "pack.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_universal_user_pack_applies_with_its_rule_id(tmp_path: Path) -> None:
    pack = write(tmp_path, GOOD.format(language="universal"))
    result = Pipeline.default(rule_packs=[pack]).clean(ARTICLE, lang="en")
    assert result.text == CLEANED
    assert [r.rule for r in result.removed] == ["universal.promo.zorp"]
    assert Pipeline.default().clean(ARTICLE, lang="en").text == ARTICLE


def test_language_user_pack_applies_to_its_language_only(tmp_path: Path) -> None:
    pipeline = Pipeline.default(rule_packs=[write(tmp_path, GOOD.format(language="it"))])
    assert pipeline.clean(ARTICLE, lang="it").text == CLEANED
    assert pipeline.clean(ARTICLE, lang="en").text == ARTICLE


def test_user_packs_travel_to_worker_processes(tmp_path: Path) -> None:
    pipeline = Pipeline.default(rule_packs=[write(tmp_path, GOOD.format(language="universal"))])
    results = list(pipeline.pipe([ARTICLE] * 4, lang="en", workers=2, chunksize=1))
    assert {r.text for r in results} == {CLEANED}


def bad_rule(**fields: str) -> str:
    rule = {
        "id": '"xx.promo.bad"',
        "note": '"n"',
        "pattern": "'''zorp .{1,20}'''",
        "requires": '["zorp"]',
        "examples": '["zorp here"]',
        "counter_examples": '["nothing"]',
    }
    rule.update(fields)
    body = "\n".join(f"{key} = {value}" for key, value in rule.items() if value)
    return f'language = "xx"\ndescription = "d"\n[[rules]]\n{body}\n'


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            bad_rule(pattern="'''(?:a|aa)+b'''", requires='["b"]', examples='["aab"]'),
            "catastrophic",
        ),
        (
            bad_rule(pattern="'''(?:.*?,){11}P'''", requires='["p"]', examples='[",,,,,,,,,,,P"]'),
            "catastrophic",
        ),
        (bad_rule(examples='["zorp is far too long to match here"]'), "example not matched"),
        (bad_rule(counter_examples='["zorp there"]'), "counter-example matched"),
        (bad_rule(requires='["widget"]'), "does not show every match holds"),
        (bad_rule(role="42"), "role 42 is not one this step takes"),
        (bad_rule(role='"header"'), "role 'header' is not one this step takes"),
        (bad_rule(id='"xx.related.bad"', scope='"suffix"'), "scope 'suffix' is not one"),
        (bad_rule(id='"xx.caption.bad"', scope='"prefix"'), "scope 'prefix' is not one"),
        (bad_rule(kind='"cookie"'), "kind 'cookie' is not one this step takes"),
        (bad_rule(pattern="'''zorp (?P<colour>.{1,20})'''"), "are not metadata fields"),
        (bad_rule(sets="{ colour = 'red' }"), "sets names unknown fields"),
        (bad_rule(max_chars="true"), "max_chars must be an integer"),
        ('language = "xx"\nrules = [1, 2]\n', "every rule must be a table"),
        ('language = "xx"\n[lists]\nflags = ["a"]\n', "list name 'flags'"),
        ('language = "xx"\nfavourite = 1\n', "unknown top-level keys"),
        (bad_rule(id='"xx.nosuchstep.bad"'), "unknown step"),
        (bad_rule(pattern="'''(unclosed'''"), "does not compile"),
        ('language = "English"\ndescription = "d"\n', "ISO 639-1"),
        (bad_rule().replace("[[rules]]", "[[rules]]\nfoo = 1"), "unknown keys"),
        ("language = ", "invalid TOML"),
    ],
)
def test_bad_user_packs_are_refused_with_file_rule_and_problem(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RulePackError) as info:
        Pipeline.default(rule_packs=[path])
    message = str(info.value)
    assert str(path) in message
    assert problem in message
    if "[[rules]]" in text and "nosuchstep" not in text:
        assert "xx." in message
        assert ".bad" in message


def test_user_pack_size_encoding_and_id_limits(tmp_path: Path) -> None:
    big = write(tmp_path, "#" * (MAX_PACK_BYTES + 1), "big.toml")
    with pytest.raises(RulePackError, match="larger than"):
        Pipeline.default(rule_packs=[big])
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'language = "fr"\ndescription = "\xe9"\n')
    with pytest.raises(RulePackError, match="not UTF-8"):
        Pipeline.default(rule_packs=[latin])
    shipped = load_pack(UNIVERSAL).rules[0]
    clash = bad_rule(id=f'"{shipped.id}"').replace('"xx"', '"universal"', 1)
    with pytest.raises(RulePackError, match="already used by a shipped pack"):
        Pipeline.default(rule_packs=[write(tmp_path, clash, "clash.toml")])
    with pytest.raises(RulePackError, match="cannot read"):
        Pipeline.default(rule_packs=[tmp_path / "missing.toml"])


@pytest.mark.parametrize("name", [UNIVERSAL, *available_languages()])
def test_shipped_patterns_pass_the_cost_probe(name: str) -> None:
    assert [rule.id for rule in load_pack(name).rules if slow_probe(rule)] == []


def test_cli_rules_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write(tmp_path, GOOD.format(language="universal"))
    source = write(tmp_path, ARTICLE, "article.txt")
    out = io.StringIO()
    assert main(["clean", "--lang", "en", "--rules", str(pack), str(source)], out=out) == 0
    assert json.loads(out.getvalue())["text"] == CLEANED
    bad = write(
        tmp_path,
        bad_rule(pattern="'''(?:a|aa)+b'''", requires='["b"]', examples='["aab"]'),
        "bad.toml",
    )
    assert main(["clean", "--rules", str(bad), str(source)], out=io.StringIO()) == 1
    assert "catastrophic" in capsys.readouterr().err


def test_user_pack_literals_in_capitals_or_single_characters_still_gate_their_rule(
    tmp_path: Path,
) -> None:
    # The one-pass literal scanner takes lower-case literals of two or more characters;
    # a user's "ZORP WIDGET" is lowered on load and a lone "~" is searched for on its own.
    pack = (
        GOOD.format(language="universal")
        .replace('requires = ["zorp widget"]', 'requires = ["ZORP WIDGET", "~"]')
        .replace("zorp widget: .{1,80}", "(?:zorp widget|~~): .{1,80}")
    )
    pipeline = Pipeline.default(rule_packs=[write(tmp_path, pack)])
    assert pipeline.clean(ARTICLE, lang="en").text == CLEANED
    tilde = ARTICLE.replace("Zorp widget:", "~~:")
    assert pipeline.clean(tilde, lang="en").text == CLEANED


GOOD_RULE = (
    'id = "xx.promo.zorp"\nnote = "n"\npattern = "zorp .{1,20}"\n'
    'examples = ["zorp here"]\ncounter_examples = ["nothing"]\n'
)


def pack_text(rule: str = GOOD_RULE, language: str = "xx") -> str:
    return f'language = "{language}"\ndescription = "d"\n[[rules]]\n{rule}'


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_user_packs_must_be_regular_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pack.toml"
    os.mkfifo(fifo)
    with pytest.raises(RulePackError, match="regular file"):
        Pipeline.default(rule_packs=[fifo])  # refused without blocking on the FIFO
    if Path("/dev/zero").exists():
        with pytest.raises(RulePackError, match="regular file"):
            Pipeline.default(rule_packs=["/dev/zero"])
    with pytest.raises(RulePackError, match="regular file"):
        Pipeline.default(rule_packs=[tmp_path])


def test_user_packs_larger_than_the_limit_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    with path.open("wb") as handle:
        handle.truncate(MAX_PACK_BYTES + 1)
    with pytest.raises(RulePackError, match="larger than"):
        Pipeline.default(rule_packs=[path])


def test_user_packs_deep_nesting_and_odd_ids_name_the_file(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text('language = "xx"\nx = ' + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=str(deep)):
        Pipeline.default(rule_packs=[deep])
    odd = write(
        tmp_path, pack_text(GOOD_RULE.replace("xx.promo.zorp", "xx.promo.\\u001b]0;x\\u0007"))
    )
    with pytest.raises(RulePackError, match="must look like") as info:
        Pipeline.default(rule_packs=[odd])
    assert "\x1b" not in str(info.value)


def test_user_packs_may_not_share_a_rule_id(tmp_path: Path) -> None:
    first = tmp_path / "a.toml"
    second = tmp_path / "b.toml"
    first.write_text(pack_text(), encoding="utf-8")
    second.write_text(pack_text(), encoding="utf-8")
    with pytest.raises(RulePackError, match="already used by"):
        Pipeline.default(rule_packs=[first, second])


def test_user_packs_requires_is_bounded(tmp_path: Path) -> None:
    literals = ", ".join(f'"zorp{n}"' for n in range(600))
    path = write(tmp_path, pack_text(GOOD_RULE + f"requires = [{literals}]\n"))
    with pytest.raises(RulePackError, match="at most 500 literals"):
        Pipeline.default(rule_packs=[path])


def test_user_rules_share_a_time_budget_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, pack_text(language="universal").replace("xx.promo", "universal.promo"))
    pipeline = Pipeline.default(rule_packs=[path])
    text = "zorp here\nThe council approved the new budget on Monday after a long debate."
    assert [r.rule for r in pipeline.clean(text, lang="en").removed] == ["universal.promo.zorp"]
    monkeypatch.setattr("newsclean.lines.USER_RULE_SECONDS", 0.0)
    result = Pipeline.default(rule_packs=[path]).clean(text, lang="en")
    assert "universal.promo.zorp" not in {r.rule for r in result.removed}
    assert any("budget" in warning for warning in result.warnings)
