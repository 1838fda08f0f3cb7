"""Corpus learning: which recurring lines a site's pages teach, with which evidence, and
the rule pack they become."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

import newsclean
from newsclean import ConfigError, Pipeline
from newsclean.corpus import Outcome, SiteLearner, learn
from newsclean.corpus.observe import line_key, template_key
from newsclean.corpus.pack import line_pattern, template_pattern, toml_string
from newsclean.rules.user import UserPack, compile_user_pack

ROOT = Path(__file__).resolve().parent.parent
CRAWL = ROOT / "samples" / "sites" / "crawl.jsonl"
LEARNED = ROOT / "samples" / "sites" / "site_rules.toml"

STORIES = [
    "The council approved the new budget on Monday after a debate that lasted six hours.",
    "Heavy rain flooded the lower town overnight and closed two schools near the river.",
    "The museum reopened its east wing with a show of maps drawn by local sailors.",
    "Bus drivers agreed a new contract that raises pay and shortens the longest shifts.",
    "A family of otters has been seen near the old mill for the first time in decades.",
]


def _page(n: int, *extra: str, story: str | None = None) -> str:
    lines = [
        "Sign up for the Example Bulletin and get our news every morning",
        story or STORIES[n % len(STORIES)],
        "The officials said more details would follow later in the week, after a review.",
        *extra,
    ]
    return "\n".join(lines)


def _learner(**options: object) -> SiteLearner:
    return SiteLearner(**options)  # type: ignore[arg-type]


def _learned_keys(learner: SiteLearner) -> set[str]:
    return {candidate.key for candidate in learner.result().learned}


def test_a_line_on_every_page_of_a_site_is_learned_with_its_evidence() -> None:
    learner = _learner(min_pages=3)
    for n in range(4):
        learner.add(_page(n), site=f"https://www.example.com/{n}", page_id=f"p{n}", lang="en")
    result = learner.result()
    (candidate,) = [c for c in result.learned if "bulletin" in c.key]
    assert candidate.site == "example.com"
    assert (candidate.stories, candidate.site_stories, candidate.share) == (4, 4, 1.0)
    assert candidate.pages == ("p0", "p1")
    assert result.pages == 4
    assert result.sites == 1
    rules = tomllib.loads(result.toml)["rules"]
    (rule,) = [r for r in rules if "Bulletin" in r["phrases"][0]]
    assert rule["site"] == "example.com"
    assert rule["id"].startswith("universal.site.example-com-")
    assert rule["evidence"]["pages"] == 4
    assert rule["evidence"]["example_pages"] == ["p0", "p1"]
    assert "4 of 4 pages of example.com" in rule["note"]


def test_the_written_pack_loads_and_removes_the_line_on_that_site_only() -> None:
    pages = [{"url": f"https://example.com/{n}", "id": str(n), "text": _page(n)} for n in range(3)]
    learned = learn(pages, lang="en", pipeline=Pipeline.default(mode="precision"))
    pipeline = Pipeline.default(mode="precision").with_rule_packs(learned.pack())
    text = _page(4)
    assert "Bulletin" not in pipeline.clean(text, lang="en", site="example.com").text
    assert "Bulletin" in pipeline.clean(text, lang="en", site="example.org").text
    assert compile_user_pack(UserPack("again", learned.toml)).rules


def test_too_few_pages_or_too_small_a_share_teach_nothing() -> None:
    learner = _learner(min_pages=3)
    for n in range(2):
        learner.add(_page(n), site="example.com", page_id=str(n), lang="en")
    assert not learner.result().learned
    learner = _learner(min_pages=3, min_share=0.8)
    for n in range(5):  # the extra line is on 3 of 5 pages: 60%
        extra = ("Our reporters are on the quay every morning",) if n < 3 else ()
        learner.add(_page(n, *extra), site="example.com", page_id=str(n), lang="en")
    outcomes = {c.key: c.outcome for c in learner.result().candidates}
    assert outcomes["our reporters are on the quay every morning"] is Outcome.TOO_RARE


def test_copies_of_one_story_count_once() -> None:
    learner = _learner(min_pages=3)
    story = "\n".join(
        [
            "A long story that the site published twice, word for word, with the same lines.",
            "Its second paragraph is just as long as the first one, and it says the same again.",
            "The third paragraph closes the story with a quote from someone who was there.",
        ]
    )
    for n in range(4):  # one story crawled four times
        learner.add(_page(n, story=story), site="example.com", page_id=str(n), lang="en")
    assert learner.sites["example.com"].stories == 1
    assert not learner.result().learned


def test_numbers_are_masked_and_give_a_pattern_rule() -> None:
    learner = _learner(min_pages=3)
    for n in range(3):
        learner.add(_page(n, f"{n + 2} readers shared this page today"), site="example.com",
                    page_id=str(n), lang="en")  # fmt: skip
    result = learner.result()
    assert "0 readers shared this page today" in {c.key for c in result.learned}
    (rule,) = [r for r in tomllib.loads(result.toml)["rules"] if "pattern" in r]
    assert rule["pattern"] == line_pattern("2 readers shared this page today")
    pack = result.pack()
    pipeline = Pipeline.default(mode="precision").with_rule_packs(pack)
    cleaned = pipeline.clean(_page(1, "117 readers shared this page today"), lang="en",
                             site="example.com")  # fmt: skip
    assert "readers shared" not in cleaned.text


def test_templates_learn_lines_whose_names_vary() -> None:
    learner = _learner(min_pages=3)
    names = ["Ann Lee", "Bo", "Carla de Wit", "Dan Ruiz"]
    months = ["March", "April", "May", "June"]
    for n, name in enumerate(names):
        learner.add(_page(n, f"{name} on {months[n]} {n + 1}, 2026 wrote:"), site="example.com",
                    page_id=str(n), lang="en")  # fmt: skip
    result = learner.result()
    templates = [c for c in result.learned if c.key.startswith("template: ")]
    assert [c.key for c in templates] == ["template: ␣ on ␣ 0, 0 wrote:"]
    pipeline = Pipeline.default(mode="precision").with_rule_packs(result.pack())
    cleaned = pipeline.clean(_page(0, "Zoe Quinn on April 9, 2026 wrote:"), lang="en",
                             site="example.com")  # fmt: skip
    assert "wrote:" not in cleaned.text


def test_template_and_pattern_builders() -> None:
    assert (
        template_key("by Ed Fry on May 9, 2011 at 7:08 am") == "template: by ␣ on ␣ 0, 0 at 0:0 am"
    )
    assert template_key("All Capitalised Words Here") is None
    assert line_key("*** ---") is None
    pattern = template_pattern(["by Ed Fry on May 9", "by Jo on May 10"])
    assert "May" in pattern  # the same words in every variant stay literal
    assert "Ed" not in pattern
    assert "Jo" not in pattern


@pytest.mark.parametrize(
    "text",
    [
        'say "hi"',
        "back\\slash",
        "tab\there",
        "new\nline",
        "\x00\x1f\x7f",
        "ünïcödé 日本",
        "'single'",
    ],
)
def test_toml_strings_round_trip(text: str) -> None:
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


def test_long_prose_bylines_and_related_headlines_are_not_learned() -> None:
    learner = _learner(min_pages=3)
    prose = " ".join(["This sentence about the site's long history recurs."] * 4)
    for n in range(3):
        learner.add(_page(n, prose, "Post written by Leo Babauta.", "The Canadian Press"),
                    site="example.com", page_id=str(n), lang="en")  # fmt: skip
    outcomes = {c.key: c.outcome for c in learner.result().candidates}
    assert outcomes[str(line_key(prose))] is Outcome.PROSE
    assert outcomes["post written by leo babauta"] is Outcome.METADATA
    assert outcomes["the canadian press"] is Outcome.METADATA


def test_lines_the_shipped_rules_remove_are_not_learned_again() -> None:
    learner = _learner(min_pages=3)
    for n in range(3):
        learner.add(_page(n, "Advertisement"), site="example.com", page_id=str(n), lang="en")
    (candidate,) = [c for c in learner.result().candidates if c.key == "advertisement"]
    assert candidate.outcome is Outcome.ALREADY_REMOVED
    assert candidate.removed_by.startswith("universal.advert.")


def test_pages_without_a_site_are_skipped_and_counted() -> None:
    records = [{"text": _page(0)}, {"url": 3, "text": _page(1)}, {"url": "x", "text": None}]
    learned = learn(records, lang="en")
    assert learned.pages == 0
    assert learned.pages_skipped == 3
    assert not learned.learned


@pytest.mark.parametrize(
    "options", [{"min_pages": 1}, {"min_pages": 2.5}, {"min_share": 0}, {"min_share": 1.5}]
)
def test_bad_settings_are_refused(options: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        _learner(**options)


def test_learning_is_deterministic() -> None:
    records = [json.loads(line) for line in CRAWL.read_text(encoding="utf-8").splitlines()]
    first = learn(records).toml
    assert learn(records).toml == first


def test_the_sample_pack_is_what_learning_the_sample_crawl_gives() -> None:
    records = [json.loads(line) for line in CRAWL.read_text(encoding="utf-8").splitlines()]
    assert learn(records).toml == LEARNED.read_text(encoding="utf-8"), (
        "regenerate: newsclean learn samples/sites/crawl.jsonl -o samples/sites/site_rules.toml"
    )


def test_the_sample_pack_removes_the_sites_furniture() -> None:
    records = [json.loads(line) for line in CRAWL.read_text(encoding="utf-8").splitlines()]
    pipeline = Pipeline.default().with_rule_packs(LEARNED)
    for record in records:
        plain = newsclean.clean(record["text"]).text
        with_site = pipeline.clean(record["text"], site=record["url"]).text
        assert "Gazette journalism is paid for" not in with_site
        assert "Join the conversation on the Gazette forum" not in with_site
        assert len(with_site) <= len(plain)


def test_key_table_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.corpus import counts
    from newsclean.corpus.observe import LineSeen, PageSeen, Position

    monkeypatch.setattr(counts, "MAX_KEYS", 100)
    site = counts.SiteCounts("example.com")
    for page in range(50):
        lines = tuple(
            LineSeen(f"line {page} {n}", f"line {page} {n} key", 3, Position.INSIDE, "", "", "")
            for n in range(40)
        )
        site.add(f"p{page}", PageSeen(lines, frozenset({page * 10 + i for i in range(5)})))
    assert len(site.keys) <= 100
    assert site.keys_dropped >= 50 * 40 - 100


def test_learning_survives_hostile_pages() -> None:
    """Every hostile class as the pages of one site (and as site values): no exception,
    and whatever is learned loads as a valid pack."""
    from tests.hostile import HOSTILE

    records = []
    for number, (name, make) in enumerate(HOSTILE.items()):
        text = make(3_000)
        for copy in range(3):
            records.append(
                {"url": f"https://hostile.example/{number}/{copy}", "id": name, "text": text}
            )
        records.append({"url": text[:200], "id": f"{name} as site", "text": _page(number)})
    learned = learn(records, lang="en")
    assert learned.pages >= 3 * len(HOSTILE)
    compile_user_pack(UserPack("hostile", learned.toml))
    pipeline = Pipeline.default().with_rule_packs(learned.pack())
    for record in records[:12]:
        pipeline.clean(record["text"], lang="en", site=record["url"])
