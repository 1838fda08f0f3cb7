"""The learned line model: its data file, its features, the decoder, and the step in the
layout step's place (``Pipeline.default(line_model=True)``)."""

from __future__ import annotations

import io
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.cli import main
from newsclean.errors import ConfigError
from newsclean.learned.decode import best_span
from newsclean.learned.features import FEATURES
from newsclean.learned.model import LineModel, default_model
from newsclean.model import Kind
from newsclean.modes import Mode

from .conftest import SAMPLES

PARAGRAPHS = [
    "The city council voted on Monday to approve a new budget that raises spending on "
    "schools and public transport by four percent over the next two years.",
    "Opponents said the plan relied on optimistic forecasts of tax revenue, and warned "
    "that the city could face a deficit if the economy slowed down next year.",
    "The mayor, who proposed the budget in March, said the vote showed that the council "
    "was ready to invest in the city's future despite the uncertain outlook.",
    "A final reading is scheduled for next month, after which the budget will take effect "
    "at the start of the fiscal year in July, officials said on Monday evening.",
]
MENU = ["Home", "World", "Business", "Sport", "Weather"]
TEASERS = ["Storm batters coast", "Team wins cup final", "Prices rise again", "New bridge opens"]
PAGE = "\n".join([*MENU, *PARAGRAPHS, "More stories", *TEASERS])


def test_the_shipped_model_matches_the_features_and_orders_its_presets() -> None:
    model = default_model()
    assert model.features == FEATURES
    assert set(model.thresholds) == {mode.value for mode in Mode}
    # precision keeps more around the article than balanced, recall less.
    assert model.thresholds["precision"] <= model.thresholds["balanced"]
    assert model.thresholds["balanced"] <= model.thresholds["recall"]


def test_a_model_for_other_features_is_refused() -> None:
    data = default_model().to_dict()
    assert LineModel.from_dict(data) == default_model()
    with pytest.raises(ConfigError, match="other features"):
        LineModel.from_dict({**data, "features": data["features"][:-1]})
    with pytest.raises(ConfigError, match="do not match"):
        LineModel.from_dict({**data, "values": data["values"][:-1]})
    with pytest.raises(ConfigError, match="not a line model"):
        LineModel.from_dict({"features": list(FEATURES)})
    # A table whose values do not fit its edges, edges out of order, a value not finite.
    with pytest.raises(ConfigError, match="malformed"):
        LineModel.from_dict(
            {**data, "values": [[0.0]] * len(FEATURES), "edges": [[1.0]] * len(FEATURES)}
        )
    with pytest.raises(ConfigError, match="not ascending"):
        LineModel.from_dict(
            {
                **data,
                "values": [[0.0, 1.0, 2.0]] * len(FEATURES),
                "edges": [[2.0, 1.0]] * len(FEATURES),
            }
        )
    with pytest.raises(ConfigError, match="malformed"):
        LineModel.from_dict({**data, "intercept": float("nan")})


def test_the_model_reads_each_feature_at_its_bin() -> None:
    model = default_model()
    row = [0.0] * len(FEATURES)
    # Each feature adds the value of the bin its number falls in: moving one feature across
    # one of its edges changes the log-odds by the difference of the two bins' values.
    column = max(range(len(FEATURES)), key=lambda index: len(model.edges[index]))
    edges, values = model.edges[column], model.values[column]
    below, above = list(row), list(row)
    below[column], above[column] = edges[0], edges[0] + 1e-9
    assert model.logit(above) - model.logit(below) == pytest.approx(values[1] - values[0])
    assert (
        sum(abs(part) for _, part in model.strongest(above, count=len(FEATURES)))
        >= abs(model.logit(above) - model.intercept) - 1e-9
    )


@pytest.mark.parametrize("seed", range(5))
def test_parts_give_the_rows_score_and_evidence(seed: int) -> None:
    # The step looks a line's bins up once (``parts``) for both its probability and its
    # evidence: both must equal what the row alone gives, to the last bit.
    model = default_model()
    rng = random.Random(seed)
    for _ in range(50):
        row = [
            rng.choice([*column, rng.uniform(-1, 10)]) if column else rng.uniform(-1, 10)
            for column in model.edges
        ]
        parts = model.parts(row)
        assert model.logit_of(parts) == model.logit(row)
        assert model.probability_of(parts) == model.probability(row)
        assert model.towards_boilerplate(row, parts=parts) == model.towards_boilerplate(row)
        assert all(value < 0 for _, value in model.towards_boilerplate(row))


def test_the_decoder_finds_the_best_run_or_none() -> None:
    lines = [0, 2, 3, 5]
    assert best_span(lines, [0.9, 0.9, 0.9, 0.9], [1, 1, 1, 1], 0.5) == (0, 5)
    assert best_span(lines, [0.1, 0.2, 0.1, 0.3], [1, 1, 1, 1], 0.5) is None
    # One weak line between two strong ones stays inside; a long weak run splits them.
    assert best_span(lines, [0.9, 0.4, 0.9, 0.1], [1, 1, 1, 1], 0.5) == (0, 3)
    assert best_span(lines, [0.6, 0.1, 0.1, 0.9], [1, 1, 1, 3], 0.5) == (5, 5)


def test_probabilities_explain_themselves() -> None:
    model = default_model()
    row = [0.0] * len(FEATURES)
    strongest = model.strongest(row, count=3)
    assert len(strongest) == 3
    assert all(name in FEATURES for name, _ in strongest)
    assert 0.0 < model.probability(row) < 1.0


def test_menu_and_teasers_around_an_article_go_and_the_article_stays() -> None:
    result = newsclean.Pipeline.default(line_model=True).clean(PAGE, lang="en")
    assert result.text.splitlines() == PARAGRAPHS
    rules = {removal.rule for removal in result.removed}
    assert "model.before_article" in rules
    assert all(removal.step == "layout" for removal in result.removed if "model" in removal.rule)
    spans = [(removal.start, removal.end) for removal in result.removed]
    assert newsclean.rebuild_text(result.source, spans) == result.text


def test_the_model_takes_the_layout_steps_place() -> None:
    assert newsclean.Pipeline.default(line_model=True).steps == newsclean.Pipeline.default().steps
    without = newsclean.Pipeline.default(line_model=True).without("layout")
    assert "Weather" in without.clean(PAGE, lang="en").text.splitlines()


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda path: path.stem)
def test_the_samples_stay_idempotent_and_keep_their_first_paragraph(path) -> None:  # type: ignore[no-untyped-def]
    pipeline = newsclean.Pipeline.default(line_model=True)
    text = path.read_text(encoding="utf-8")
    once = pipeline.clean(text).text
    assert pipeline.clean(once).text == once
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    first = expected["text"].splitlines()[0]
    assert first in once


def test_the_command_line_option() -> None:
    out = io.StringIO()
    status = main(
        ["clean", "--lang", "en", "--line-model", "-"], out=out, stdin=io.BytesIO(PAGE.encode())
    )
    assert status == 0
    assert json.loads(out.getvalue())["text"].splitlines() == PARAGRAPHS


def test_character_classes_are_counted_as_str_methods_count_them() -> None:
    from newsclean.learned.features import character_classes

    every_ascii = "".join(map(chr, range(128)))
    mixed = ("Zürich 12 ½ ٣", "Москва\u00a0３\u3000é\u2028x", "\ud800 a\U0001f600 1")
    for text in (every_ascii, "Rates rose 2.5% on\tMonday\x1c.", "", *mixed):
        expected = (
            sum(map(str.isalpha, text)),
            sum(map(str.isdigit, text)),
            sum(map(str.isspace, text)),
        )
        assert character_classes(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_character_classes_match_str_methods_on_any_text(text: str) -> None:
    from newsclean.learned.features import character_classes

    expected = (
        sum(map(str.isalpha, text)),
        sum(map(str.isdigit, text)),
        sum(map(str.isspace, text)),
    )
    assert character_classes(text) == expected


def test_the_models_removals_carry_their_evidence() -> None:
    result = newsclean.clean(PAGE, lang="en")
    removals = [removal for removal in result.removed if removal.rule.startswith("model.")]
    assert removals
    for removal in removals:
        assert removal.evidence is not None
        assert removal.evidence.startswith("p 0.")
        assert "threshold 0.25" in removal.evidence
        named = removal.evidence.split("against: ")[1].split(", ")
        assert 1 <= len(named) <= 3
        assert all(part.split()[0] in FEATURES and float(part.split()[1]) < 0 for part in named)
        assert removal.to_dict()["evidence"] == removal.evidence
        assert removal.evidence in result.explain()
    # Rule removals carry none: their rule id says why.
    assert all(r.evidence is None for r in result.removed if not r.rule.startswith("model."))


def test_each_removals_evidence_is_what_its_own_row_gives() -> None:
    # Evidence is written once per bins and place; a line never gets another's.
    from newsclean.ledger import Ledger, PassLine
    from newsclean.lines import LineTable
    from newsclean.rules import rules_for
    from newsclean.steps.line_model import LineModelStep
    from newsclean.view import View

    listing = [f"Item {n}: {word} for sale, {n * 7} euros" for n, word in enumerate(TEASERS * 5)]
    text = "\n".join([*MENU, *PARAGRAPHS, *listing])
    lines = PassLine.first(text)
    step = LineModelStep(Mode.BALANCED)
    view = View(Ledger(lines), LineTable(), rules_for("en"), "en")
    removals = [v for v in step.propose(view) if getattr(v, "evidence", None)]
    assert len(removals) > 10
    rows, scored, parts = step._scored(view)
    probabilities = dict(scored)
    for removal in removals:
        where = removal.evidence.split(", ")[1].split(" (threshold")[0]
        expected = step.evidence(
            rows[removal.line], probabilities[removal.line], where, parts[removal.line]
        )
        assert removal.evidence == expected


def test_a_comment_thread_below_the_article_is_removed_as_comments() -> None:
    comments = [
        "Leave a Reply",
        "I have followed this council for years and this budget is the worst one yet.",
        "Thanks for the clear write-up, it explains the vote better than anything else.",
    ]
    result = newsclean.clean("\n".join([*PARAGRAPHS, *comments]), lang="en")
    assert result.text.splitlines() == PARAGRAPHS
    kinds = {removal.text: (removal.kind, removal.rule) for removal in result.removed}
    assert kinds["Leave a Reply"] == (Kind.COMMENT, "universal.comment.form")
    for comment in comments[1:]:
        assert kinds[comment] == (Kind.COMMENT, "model.after_article")
    # Without the comment form there is no thread to tell: the same lines are a footer.
    plain = newsclean.clean("\n".join([*PARAGRAPHS, *comments[1:]]), lang="en")
    assert all(r.kind is not Kind.COMMENT for r in plain.removed)


def test_a_blogs_thread_under_its_comment_count_is_removed_as_comments() -> None:
    # The Thesis theme's count opens the thread under the post; the comments are long,
    # sentence-shaped lines that would otherwise read as the article going on.
    count = "{ 38 comments… read them below or add one }"
    comments = [
        "I have followed this council for years and this budget is the worst one yet, "
        "with nothing for the schools and far too much for the new stadium downtown.",
        "Thanks for the clear write-up, it explains the vote better than anything else "
        "I have read this week, and I have read a lot of coverage of the council.",
        "Does anyone know when the next public hearing on the budget is going to be held? "
        "I would like to go and ask the mayor about the harbour money in person.",
    ]
    result = newsclean.clean("\n".join([*PARAGRAPHS, count, *comments]), lang="en")
    assert result.text.splitlines() == PARAGRAPHS
    kinds = {removal.text: (removal.kind, removal.rule) for removal in result.removed}
    assert kinds[count] == (Kind.COMMENT, "universal.comment.thread_count")
    for comment in comments:
        assert kinds[comment] == (Kind.COMMENT, "model.after_article")


def test_a_list_the_last_paragraph_announces_stays_with_the_article() -> None:
    announced = "The budget funds three projects that the mayor listed on Monday evening:"
    projects = ["Two new primary schools", "A repaired harbour wall", "Longer library hours"]
    page = [*PARAGRAPHS, announced, *projects, "More stories", *TEASERS[:2]]
    result = newsclean.clean("\n".join(page), lang="en")
    assert result.text.splitlines() == [*PARAGRAPHS, announced, *projects]


def _end_markers(text: str) -> list[str]:
    """The lines the line model reads as end-of-article markers, after the comment step."""
    from newsclean.steps.base import RuleStep
    from newsclean.steps.line_model import end_markers
    from newsclean.view import Verdict, View

    found: list[str] = []

    class Probe:
        name = "probe"

        def propose(self, view: View) -> list[Verdict]:
            if not found:
                found.extend(view.original(index) for index in sorted(end_markers(view)))
            return []

    newsclean.Pipeline([RuleStep("comment"), Probe()]).clean(text, lang="en")
    return found


def test_a_comment_count_under_the_articles_paragraphs_marks_its_end() -> None:
    comment = "I read this twice and still disagree with the council's plan."
    below = "\n".join([*PARAGRAPHS, "12 Comments", comment])
    assert _end_markers(below) == ["12 Comments"]
    # Above the article, in a byline's strip of facts, it ends nothing.
    above = "\n".join(["By Jane Doe", "12 Comments", *PARAGRAPHS])
    assert _end_markers(above) == []
    # A comment form ends the article wherever it stands.
    form = "\n".join(["Leave a Reply", *PARAGRAPHS])
    assert _end_markers(form) == ["Leave a Reply"]
    # An invitation to comment, like a count: under the article only.
    assert _end_markers("\n".join([*PARAGRAPHS, "Leave a comment", comment])) == ["Leave a comment"]
    assert _end_markers("\n".join(["By Jane Doe | Leave a comment", *PARAGRAPHS])) == []
    assert _end_markers("\n".join(["Leave a comment", *PARAGRAPHS])) == []


@pytest.mark.parametrize("invitation", ["Comment on this Story", "Speak your mind"])
def test_the_thread_under_an_invitation_to_comment_goes(invitation: str) -> None:
    comment = "This is a terrible idea and the council should be ashamed of itself, really."
    text = "\n".join([*PARAGRAPHS, invitation, "John Smith", comment])
    assert _end_markers(text) == [invitation]
    result = newsclean.clean(text, lang="en")
    assert comment not in result.text
    assert result.text.startswith(PARAGRAPHS[0])
