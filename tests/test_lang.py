"""Language identification: seeded, bounded, never per line, never global state."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.lang import detect, language_sample
from newsclean.limits import LANGUAGE_SAMPLE_CHARS


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le président a déclaré vendredi qu'il souhaitait poursuivre les pourparlers.", "fr"),
        ("Der Bundestag hat am Freitag eine Erhöhung des Mindestlohns beschlossen.", "de"),
        ("El Consejo de Ministros ha aprobado este martes un plan de ayudas al alquiler.", "es"),
        ("British retailers reported their weakest month of sales in almost a year.", "en"),
    ],
)
def test_detect_finds_the_language(text: str, language: str) -> None:
    found = detect(text)
    assert found is not None
    assert found.language == language
    assert 0.0 < found.confidence <= 1.0


@pytest.mark.parametrize("text", ["", "12345 !!!", "More Stories", "ok"])
def test_detect_returns_none_for_too_little_text(text: str) -> None:
    assert detect(text) is None


def test_detect_is_deterministic() -> None:
    text = "Ceci est un texte assez court mais ambigu, with some English words mixed in."
    assert len({detect(text) for _ in range(5)}) == 1


def test_language_sample_is_bounded_and_prefers_long_lines() -> None:
    long_line = "Le président a déclaré vendredi qu'il souhaitait poursuivre. " * 40
    lines = ["More Stories", long_line.strip(), "Share"]
    sample = language_sample(lines)
    assert len(sample) <= LANGUAGE_SAMPLE_CHARS
    assert "More Stories" not in sample


def test_clean_does_not_touch_langdetect_global_seed() -> None:
    from langdetect.detector_factory import DetectorFactory

    before = DetectorFactory.seed
    newsclean.clean("Le président a déclaré vendredi qu'il souhaitait poursuivre les pourparlers.")
    assert DetectorFactory.seed == before


def test_clean_with_lang_skips_detection() -> None:
    result = newsclean.clean("Some English text that is plainly English.", lang="fr")
    assert result.metadata.language == "fr"
    assert result.metadata.language_confidence is None


def test_unknown_language_falls_back_without_error() -> None:
    result = newsclean.clean("Advertisement\nTämä on suomenkielinen artikkeli.", lang="fi")
    assert result.metadata.language == "fi"
    assert result.text == "Tämä on suomenkielinen artikkeli."
