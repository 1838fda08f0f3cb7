"""The core: passes until nothing is cut, steps that only read, the registry, triggers,
and the defects the core review found (each case fails on the old design)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import Kind, Pipeline
from newsclean.lines import Line
from newsclean.model import Trigger
from newsclean.modes import Mode
from newsclean.pipeline import MAX_PASSES
from newsclean.rules import Scope, load_pack, rules_for
from newsclean.rules.user import _probes
from newsclean.shape import count_words, ends_like_clause, ends_like_sentence, word_count
from newsclean.steps import DEFAULT_STEPS, FAMILIES, RuleStep
from newsclean.steps.registry import KIND_STYLES, RULE_FAMILIES, Settings
from newsclean.view import Proposal, View

BODY = "The city council approved the new budget on Monday after a long debate."
BODY2 = "Officials said the plan would take effect in the spring of next year."


def idempotent(text: str, lang: str | None = "en") -> newsclean.CleanResult:
    once = newsclean.clean(text, lang=lang)
    assert newsclean.clean(once.text, lang=lang).text == once.text
    return once


def test_core_a_dateline_repeated_along_a_line_is_peeled_to_a_stable_text() -> None:
    line = "PARIS (Reuters) - " * 13 + "Le président a déclaré vendredi qu'il souhaitait parler."
    result = idempotent(line, "fr")
    assert result.text == "Le président a déclaré vendredi qu'il souhaitait parler."
    assert not result.warnings


def test_core_peeled_datelines_that_leave_a_repeat_are_stable() -> None:
    sentence = "Le président a déclaré vendredi qu'il souhaitait poursuivre les pourparlers."
    text = "\n".join(
        [sentence, "PARIS (Reuters) - " + sentence, "LYON (AFP) - PARIS (Reuters) - " + sentence]
    )
    idempotent(text, "fr")


def test_core_text_in_two_languages_reports_one_of_them() -> None:
    # The old every-pack branch reported the alphabetically last pack ("ru").
    result = idempotent("(Alle Angaben ohne Gewähr)\nContenuto riservato agli abbonati", None)
    assert result.metadata.language in {None, "de", "it"}


class _OneCharacterAPass:
    """A step that cuts the first character of the first line: never stable."""

    name = "nibble"

    def propose(self, view: View) -> list[Proposal]:
        if len(view) and len(view.text(0)) > 1:
            return [Proposal(0, 0, 1, Kind.PROMO, "test.nibble.first")]
        return []


def test_core_a_pass_cap_that_is_hit_says_so() -> None:
    pipeline = Pipeline([_OneCharacterAPass()])
    result = pipeline.clean("abcdefghijklmnop", lang="en")
    assert result.text == "abcdefghijklmnop"[MAX_PASSES:]
    assert any("passes" in warning for warning in result.warnings)


def test_core_steps_never_see_their_own_verdicts() -> None:
    seen: list[bool] = []

    class Twice:
        name = "twice"

        def propose(self, view: View) -> list[Proposal]:
            if not len(view) or not view.original(0).startswith("Share"):
                return []
            first = view.whole(0, Kind.PROMO, "test.twice.a")
            seen.append(view.removed(0))  # still kept: the verdict is not accepted yet
            return [first, view.whole(0, Kind.FOOTER, "test.twice.b")]

    result = Pipeline([Twice()]).clean("Share this\nThe council met.", lang="en")
    assert seen
    assert not any(seen)
    assert [(r.kind, r.rule) for r in result.removed] == [(Kind.PROMO, "test.twice.a")]


def test_core_precision_mode_still_runs_neighbour_and_block_rules() -> None:
    text = f"{BODY}\nSign up now for free unlimited access to Reuters.com\nGo on\n{BODY2}"
    rules = {r.rule for r in Pipeline.default(mode="precision").clean(text, lang="en").removed}
    assert "builtin.context.button_after_prompt" in rules
    menu = "\n".join(["Politics", "Business", "Tech", BODY, BODY2])
    hand_written = Pipeline.default(mode=Mode.PRECISION.value, line_model=False)
    assert not hand_written.clean(menu, lang="en").removed  # its layout step cuts nothing
    # The line model's precision preset is its operating point that keeps the most text.
    kept = Pipeline.default(mode=Mode.PRECISION.value).clean(menu, lang="en")
    assert kept.text.splitlines()[-2:] == [BODY, BODY2]


@pytest.mark.parametrize(
    ("text", "sentence", "clause"),
    [
        ("He left!", True, False),
        ("Well,", False, True),
        ("Who won?", True, False),
        ("Go", False, False),
    ],
)
def test_core_sentence_and_clause_ends(text: str, sentence: bool, clause: bool) -> None:
    assert ends_like_sentence(text) is sentence
    assert ends_like_clause(text) is clause


def test_core_cost_probes_are_all_distinct() -> None:
    probes = _probes(50)
    assert len(probes) == 14
    assert len(set(probes.values())) == 14


def test_core_a_removal_after_a_prompt_names_the_prompt() -> None:
    text = f"{BODY}\nSign up now for free unlimited access to Reuters.com\nGo on\n{BODY2}"
    result = newsclean.clean(text, lang="en")
    button = next(r for r in result.removed if r.rule == "builtin.context.button_after_prompt")
    prompt = next(r for r in result.removed if r.rule == "universal.paywall.signup_for_access")
    assert button.trigger == Trigger(prompt.start, prompt.end, prompt.rule)
    assert button.to_dict()["trigger"] == {
        "start": prompt.start,
        "end": prompt.end,
        "rule": prompt.rule,
    }
    assert "after line 2 (universal.paywall.signup_for_access)" in result.explain()


def test_core_headlines_after_a_related_header_name_the_header() -> None:
    text = "\n".join(
        [BODY, "More Stories", "Markets rally on rate hopes", "Oil prices climb again"]
    )
    result = Pipeline.default().without("layout").clean(text, lang="en")
    header = next(r for r in result.removed if r.rule == "universal.related.header")
    followers = [r for r in result.removed if r.rule == "builtin.related.headline_after_header"]
    assert len(followers) == 2
    assert all(r.trigger is not None and r.trigger.start == header.start for r in followers)


@pytest.mark.parametrize(
    ("lang", "line", "rule"),
    [
        (
            "en",
            "The content of this site is protected by copyright and may not be reproduced.",
            "universal.footer.site_terms",
        ),
        (
            "fr",
            "Pour citer cet article : Dupont, J. (2020). Le titre. Revue, 3(2), 1-10.",
            "universal.footer.suggested_citation",
        ),
    ],
)
def test_core_rules_whose_literals_had_drifted_fire_as_written(
    lang: str, line: str, rule: str
) -> None:
    result = Pipeline.default().without("layout").clean(f"{BODY}\n{line}", lang=lang)
    assert [r.rule for r in result.removed] == [rule]


def test_core_registry_gives_order_kinds_scopes_and_styles() -> None:
    assert tuple(family.name for family in FAMILIES) == DEFAULT_STEPS
    assert Pipeline.default().steps == DEFAULT_STEPS
    assert set(KIND_STYLES) == set(Kind)
    for family in FAMILIES:
        if family.takes_rules:
            assert family.rule_kinds
            assert Scope.LINE in family.scopes
    # Every shipped rule uses a kind, scope and role its family takes.
    by_name = {family.name: family for family in FAMILIES}
    for name in ("universal", "en", "de", "fr"):
        for rule in load_pack(name).rules:
            family = by_name[rule.step]
            assert rule.kind in family.rule_kinds
            assert rule.scope in family.scopes
            assert rule.role is None or rule.role in family.roles
    assert set(rules_for("en")) == set(RULE_FAMILIES)


def test_core_a_family_is_built_from_its_settings() -> None:
    steps = {step.name: step for step in (f.build(Settings(keep_dateline=True)) for f in FAMILIES)}
    assert isinstance(steps["paywall"], RuleStep)
    assert steps["dateline"].keep_in_text  # type: ignore[attr-defined]


def test_core_lines_are_measured_once_per_text() -> None:
    line = Line("Markets rally on rate hopes")
    assert (line.words, line.headline, line.paragraph, line.clause_end) == (5, True, False, False)
    assert line.key == "markets rally on rate hopes"
    assert line.repeat_key == "markets rally on rate hopes"
    assert Line("—— ··").repeat_key is None


def test_core_a_warm_cache_gives_the_same_results_as_a_cold_one() -> None:
    texts = [f"Advertisement\nShare\n{BODY}\nRead more\n{BODY2} {n}" for n in range(5)]
    warm = Pipeline.default()
    for text in texts:
        assert (
            warm.clean(text, lang="en").to_dict()
            == Pipeline.default().clean(text, lang="en").to_dict()
        )


_TOKENS = st.sampled_from(["word", "42", "👍🏽", "🇫🇷", "—", "«", "»", "a.", "...", "x-y", "·"])


@given(
    st.lists(st.tuples(_TOKENS, st.sampled_from([" ", "  ", "\t", "\u00a0"])), max_size=300),
    st.integers(min_value=1, max_value=60),
)
def test_count_words_is_word_count_up_to_the_limit(
    tokens: list[tuple[str, str]], limit: int
) -> None:
    # Long runs of tokens that are no words (emoji, dashes) go through its doubling split.
    text = "".join(token + space for token, space in tokens)
    assert count_words(text, limit) == min(word_count(text), limit)


def test_chinese_and_japanese_words_are_counted_two_characters_each() -> None:
    from newsclean.shape import measure

    # Written without spaces: a line of one "token" is a headline or a paragraph by its
    # characters, and the CJK full stop ends a clause as "." does.
    headline = measure("市政府通过明年预算")
    paragraph = measure("市议会周二在长时间辩论后批准了明年的预算，辩论内容涉及学校和道路。")
    assert (headline.words, headline.headline, headline.paragraph) == (4, True, False)
    assert (paragraph.clause_end, paragraph.headline, paragraph.paragraph) == (True, False, True)
    assert measure("Kindle for PCの起動ホットキーがKeePassと被る").headline
    assert count_words("新华社北京12月7日电", 40) == 6
    assert count_words("首页", 40) == 1
    assert count_words("预算" * 10_000, 41) == 41  # a long line: its head tells
    # Korean spaces its words: counted as any other language.
    assert count_words("시의회가 내년 예산을 승인했다", 40) == 4


def test_a_chinese_page_gives_its_headline_and_date() -> None:
    text = "\n".join(
        [
            "首页",
            "新闻",
            "国际",
            "市政府通过明年预算",
            "2024年3月12日 10:15",
            "市议会周二在长时间辩论后批准了明年的预算，辩论内容涉及学校和道路。",
            "议员们表示，该计划将在未来一年内保持税收稳定，同时为维修工作提供资金。",
            "市长对投票结果表示欢迎，并表示大桥的工程将于明年春天开始。",
            "反对者认为，该市应该为以后几年节省更多的盈余资金。",
            "最终审读定于下个月进行，届时居民可以就计划细节发表意见。",
        ]
    )
    result = Pipeline.default().clean(text)
    assert result.metadata.language == "zh"
    assert result.metadata.title == "市政府通过明年预算"
    assert result.metadata.published == "2024-03-12T10:15"
    assert result.text.startswith("市议会周二")


def test_a_greek_question_mark_ends_a_question_not_a_clause() -> None:
    from newsclean.shape import measure

    # Greek writes its question mark as ";" (U+037E normalises to it): a headline may end
    # with it, as with "?", where an English ";" ends a clause.
    question = measure("Τι σημαίνει η απόφαση για την Ελλάδα;")
    assert (question.clause_end, question.headline) == (False, True)
    assert ends_like_sentence("Τι σημαίνει η απόφαση για την Ελλάδα;")
    assert ends_like_clause("The council met; it voted;")
    assert measure("The council met; it voted;").clause_end
