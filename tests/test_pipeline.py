"""The public contract: clean(), CleanResult, Removal, Pipeline and the errors."""

from __future__ import annotations

import json

import pytest

import newsclean
from newsclean import (
    CleanResult,
    ConfigError,
    Kind,
    Metadata,
    NewscleanError,
    Pipeline,
    Removal,
    UnknownStepError,
)
from newsclean.steps import DEFAULT_STEPS


def test_public_api_is_exported() -> None:
    for name in (
        "clean",
        "CleanResult",
        "Removal",
        "Kind",
        "Metadata",
        "Dateline",
        "Pipeline",
        "NewscleanError",
        "__version__",
    ):
        assert name in newsclean.__all__


@pytest.mark.parametrize("bad", [None, b"bytes", bytearray(b"x"), 42, ["a"]])
def test_clean_rejects_non_str_with_a_helpful_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="needs the text as str"):
        newsclean.clean(bad)  # type: ignore[arg-type]


def test_clean_bytes_message_says_how_to_decode() -> None:
    with pytest.raises(TypeError, match=r"decode"):
        newsclean.clean(b"abc")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["", "french!", "123", "f"])
def test_clean_rejects_malformed_lang(lang: str) -> None:
    with pytest.raises(ConfigError):
        newsclean.clean("text", lang=lang)


@pytest.mark.parametrize(("lang", "code"), [("FR", "fr"), ("en-GB", "en"), ("pt_BR", "pt")])
def test_clean_accepts_region_tags(lang: str, code: str) -> None:
    assert newsclean.clean("text", lang=lang).metadata.language == code


def test_pipeline_without_unknown_step_lists_valid_names() -> None:
    with pytest.raises(UnknownStepError) as info:
        Pipeline.default().without("nope")
    assert isinstance(info.value, NewscleanError)
    assert isinstance(info.value, KeyError)
    for name in DEFAULT_STEPS:
        assert name in str(info.value)


def test_pipeline_is_immutable_and_without_returns_a_copy() -> None:
    pipeline = Pipeline.default()
    smaller = pipeline.without("paywall", "promo")
    assert pipeline.steps == DEFAULT_STEPS
    assert "paywall" not in smaller.steps
    assert "promo" not in smaller.steps
    with pytest.raises(AttributeError):
        pipeline.extra = 1  # type: ignore[attr-defined]


def test_pipeline_rejects_duplicate_step_names() -> None:
    from newsclean.steps import RuleStep

    with pytest.raises(ConfigError, match="unique"):
        Pipeline([RuleStep("paywall"), RuleStep("paywall")])


def test_pipeline_without_a_step_keeps_its_lines() -> None:
    text = "Advertisement\nThe council approved the budget."
    assert Pipeline.default().without("advert", "layout").clean(text, lang="en").text == text


def test_pipe_keeps_order_and_is_lazy() -> None:
    texts = [f"Advertisement\nArticle number {i} is here." for i in range(5)]
    results = Pipeline.default().pipe(iter(texts), lang="en")
    assert not isinstance(results, list)
    assert [r.text for r in results] == [f"Article number {i} is here." for i in range(5)]


def test_clean_result_types_and_to_dict_round_trip(french_sample: str) -> None:
    result = newsclean.clean(french_sample)
    assert isinstance(result, CleanResult)
    assert isinstance(result.metadata, Metadata)
    assert all(isinstance(r, Removal) and isinstance(r.kind, Kind) for r in result.removed)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["text"] == result.text
    assert data["source"] == result.source
    assert data["metadata"]["dateline"]["agency"] == "Reuters"
    assert {r["kind"] for r in data["removed"]} >= {"paywall", "caption"}
    assert data["removed"][0] == result.removed[0].to_dict()


def test_removals_name_kind_rule_and_step(french_sample: str) -> None:
    for removal in newsclean.clean(french_sample).removed:
        assert removal.rule
        assert removal.step in DEFAULT_STEPS
        assert removal.kind.value in {k.value for k in Kind}


def test_explain_lists_every_removal_and_kept_line(french_sample: str) -> None:
    result = newsclean.clean(french_sample)
    explanation = result.explain()
    for removal in result.removed:
        assert removal.rule in explanation
    assert explanation.count("KEEP") == 9
    assert "fr.paywall.inscrivez_vous" in explanation


def test_kind_values_are_the_contract() -> None:
    assert {k.value for k in Kind} >= {
        "paywall",
        "related",
        "read_more",
        "author_blurb",
        "credit",
        "caption",
        "dateline",
        "byline",
        "promo",
        "cookie",
        "advert",
        "footer",
        "navigation",
        "duplicate",
    }


def test_result_is_frozen(french_sample: str) -> None:
    result = newsclean.clean(french_sample)
    with pytest.raises(AttributeError):
        result.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize("text", ["Advertisement\nBy Jane Doe", "Werbung\nBy Jane Doe"])
def test_output_too_short_to_detect_was_cleaned_with_the_fallback_pack(text: str) -> None:
    # The input reads as some language, the output as none: cleaning the output again uses
    # the fallback pack, so the first run must already have applied it (idempotence).
    once = newsclean.clean(text)
    assert newsclean.clean(once.text).text == once.text
