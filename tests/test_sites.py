"""Site-scoped rules: the site of a page, the pack keys that scope rules, and the pipeline
applying a site's rules to that site's pages only."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from newsclean import Pipeline, RulePackError
from newsclean.rules import rules_for
from newsclean.rules.sites import site_rules_for
from newsclean.rules.user import UserPack, load_user_pack
from newsclean.sites import site_and_parents, site_of

BODY = (
    "The council met on Monday and agreed the budget for the coming year after a long debate.\n"
    "{furniture}\n"
    "The mayor said the vote was a good result for the city and its schools, and thanked staff."
)
FURNITURE = "The Example Daily, the paper of the valley since 1898"


@pytest.mark.parametrize(
    ("value", "site"),
    [
        ("https://www.Example.com/news/1.html", "example.com"),
        ("http://news.example.com:8080/a?b=c", "news.example.com"),
        ("//cdn.example.org/x", "cdn.example.org"),
        ("example.com/path", "example.com"),
        ("WWW.EXAMPLE.COM", "example.com"),
        ("xn--bcher-kva.example", "xn--bcher-kva.example"),
        ("user@example.net", "example.net"),
        ("", None),
        ("not a url", None),
        ("https://", None),
        ("http://[::1", None),
        ("-bad-.com", None),
        ("a" * 5000, None),
        (None, None),
    ],
)
def test_site_of(value: str | None, site: str | None) -> None:
    assert site_of(value) == site


def test_site_and_parents_most_specific_first() -> None:
    assert site_and_parents("a.b.example.com")[:3] == (
        "a.b.example.com",
        "b.example.com",
        "example.com",
    )


def _pack(tmp_path: Path, body: str, name: str = "site.toml") -> Path:
    path = tmp_path / name
    path.write_text('language = "universal"\ndescription = "test"\n' + body, encoding="utf-8")
    return path


SITE_RULE = f"""
[[rules]]
id = "universal.site.example-1"
site = "example.com"
phrases = ["{FURNITURE}"]
examples = ["{FURNITURE}"]
"""


@pytest.fixture
def site_pipeline(tmp_path: Path) -> Pipeline:
    return Pipeline.default(mode="precision", rule_packs=[_pack(tmp_path, SITE_RULE)])


@pytest.mark.parametrize(
    ("site", "removed"),
    [
        ("https://www.example.com/a", True),
        ("example.com", True),
        ("news.example.com", True),
        ("example.com.evil.net", False),
        ("notexample.com", False),
        ("other.org", False),
        ("junk value", False),
        (None, False),
    ],
)
def test_site_rule_applies_to_its_site_and_hosts_under_it(
    site_pipeline: Pipeline, site: str | None, removed: bool
) -> None:
    result = site_pipeline.clean(BODY.format(furniture=FURNITURE), lang="en", site=site)
    assert (FURNITURE not in result.text) is removed
    if removed:
        (removal,) = [r for r in result.removed if r.text == FURNITURE]
        assert removal.rule == "universal.site.example-1"
        assert removal.step == "site"


def test_pack_level_sites_scope_every_rule_that_names_none(tmp_path: Path) -> None:
    body = f"""sites = ["example.com", "example.org"]
[[rules]]
id = "universal.site.example-1"
phrases = ["{FURNITURE}"]
examples = ["{FURNITURE}"]
"""
    pipeline = Pipeline.default(mode="precision", rule_packs=[_pack(tmp_path, body)])
    text = BODY.format(furniture=FURNITURE)
    assert FURNITURE not in pipeline.clean(text, lang="en", site="example.org").text
    assert FURNITURE in pipeline.clean(text, lang="en", site="example.net").text
    assert FURNITURE in pipeline.clean(text, lang="en").text


def test_site_rules_stay_out_of_the_shared_rule_set(tmp_path: Path) -> None:
    pack = load_user_pack(_pack(tmp_path, SITE_RULE))
    assert rules_for("en", extra=(pack,)) is rules_for("en", extra=(pack,))
    assert not rules_for("en", extra=(pack,))["site"].rules
    assert site_rules_for("en", (pack,), "other.org") is None
    assert site_rules_for("en", (pack,), None) is None
    scoped = site_rules_for("en", (pack,), "example.com")
    assert scoped is not None
    assert site_rules_for("de", (pack,), "news.example.com") is scoped
    rule = scoped.phrase_rule(FURNITURE)
    assert rule is not None
    assert rule.id == "universal.site.example-1"


def test_site_rules_follow_their_packs_language(tmp_path: Path) -> None:
    body = SITE_RULE.replace("universal.site", "fr.site")
    path = tmp_path / "fr.toml"
    path.write_text('language = "fr"\n' + body, encoding="utf-8")
    pack = load_user_pack(path)
    assert site_rules_for("fr", (pack,), "example.com") is not None
    assert site_rules_for("en", (pack,), "example.com") is None


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (SITE_RULE.replace('site = "example.com"', 'site = "https://example.com"'), "host name"),
        (SITE_RULE.replace('site = "example.com"', 'site = "WWW.Example.com"'), "host name"),
        (SITE_RULE.replace('site = "example.com"', "site = 3"), "host name"),
        ("sites = []\n" + SITE_RULE, "non-empty list"),
        ('sites = "example.com"\n' + SITE_RULE, "non-empty list"),
        (SITE_RULE + "evidence = { pages = true }\n", "evidence.pages"),
        (SITE_RULE + "evidence = { pages = { a = 1 } }\n", "evidence.pages"),
        (SITE_RULE + "evidence = [1]\n", "evidence must be a table"),
        (SITE_RULE + "evidence = { pages = [1, 2] }\n", "list of strings"),
        (SITE_RULE.replace("universal.site.", "universal.navigation."), "only rules of the"),
        (SITE_RULE.replace('site = "example.com"\n', ""), "needs a 'site'"),
        (SITE_RULE + 'scope = "prefix"\n', "scope 'prefix' is not one this step takes"),
    ],
)
def test_bad_site_keys_name_the_rule(tmp_path: Path, body: str, problem: str) -> None:
    with pytest.raises(RulePackError, match=problem):
        load_user_pack(_pack(tmp_path, body))


def test_evidence_is_kept_on_the_rule(tmp_path: Path) -> None:
    body = SITE_RULE + 'evidence = { pages = 12, share = 0.8, example_pages = ["a", "b"] }\n'
    pack = load_user_pack(_pack(tmp_path, body))
    scoped = site_rules_for("en", (pack,), "example.com")
    assert scoped is not None
    rule = scoped.phrase_rule(FURNITURE)
    assert rule is not None
    assert dict(rule.evidence) == {"pages": "12", "share": "0.8", "example_pages": "a, b"}
    assert rule.sites == frozenset({"example.com"})


END_MARKER_PACK = """
[[rules]]
id = "universal.site.example-1"
site = "example.com"
role = "ends_article"
phrases = ["Join the Example forum"]
examples = ["Join the Example forum"]
"""


def test_end_marker_removes_what_follows_it(tmp_path: Path) -> None:
    pipeline = Pipeline.default(mode="precision", rule_packs=[_pack(tmp_path, END_MARKER_PACK)])
    text = (
        "The council met on Monday and agreed the budget for the coming year after a long debate.\n"
        "Join the Example forum\n"
        "I think the council got this one badly wrong, and the budget will not last the year.\n"
        "Agreed, they never listen to anyone who lives outside the centre of town."
    )
    result = pipeline.clean(text, lang="en", site="example.com")
    assert result.text.startswith("The council met on Monday")
    assert "forum" not in result.text
    assert "badly wrong" not in result.text
    followers = [r for r in result.removed if r.rule == "builtin.site.after_end_marker"]
    assert len(followers) == 2
    assert all(
        r.trigger is not None and r.trigger.rule == "universal.site.example-1" for r in followers
    )
    # Another site's page keeps everything.
    assert pipeline.clean(text, lang="en", site="example.org").text == "\n".join(text.split("\n"))


def test_end_marker_before_any_article_text_cuts_nothing_after_it(tmp_path: Path) -> None:
    pipeline = Pipeline.default(mode="precision", rule_packs=[_pack(tmp_path, END_MARKER_PACK)])
    text = (
        "Join the Example forum\n"
        "The council met on Monday and agreed the budget for the coming year after a long debate."
    )
    result = pipeline.clean(text, lang="en", site="example.com")
    assert result.text == text.split("\n")[1]


def test_with_rule_packs_adds_a_pack(tmp_path: Path) -> None:
    pack = UserPack("inline", 'language = "universal"\n' + SITE_RULE)
    pipeline = Pipeline.default(mode="precision").with_rule_packs(pack)
    text = BODY.format(furniture=FURNITURE)
    assert FURNITURE not in pipeline.clean(text, lang="en", site="example.com").text
    assert tomllib.loads(pack.text)["rules"][0]["site"] == "example.com"
