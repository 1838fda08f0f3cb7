"""langdetect_rs (the ``fast`` extra) must decide exactly as langdetect does: same
languages, same probabilities, on thousands of texts in many scripts and sizes."""

from __future__ import annotations

import random

import pytest

from newsclean.lang import load_factory
from newsclean.rules.loader import available_languages, load_pack

from .conftest import SAMPLES

pytest.importorskip("langdetect_rs")


def corpus(size: int = 2500) -> list[str]:
    lines = [
        line.strip()
        for path in sorted(SAMPLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for name in ("universal", *available_languages()):
        for rule in load_pack(name).rules:
            lines.extend(rule.examples)
            lines.extend(rule.counter_examples)
    extra = [
        "東京都は二十七日、新しい計画を発表した。",
        "Москва заявила о новых переговорах.",
        "القاهرة أعلنت اليوم عن خطة جديدة",
        "ירושלים הודיעה היום על תוכנית חדשה",
        "Ο πρωθυπουργός μίλησε σήμερα στη Βουλή.",
        "Warszawa ogłosiła nowe przepisy.",
        "🙂🙂🙂 !!!",
        "12 345 678",
        "a",
        "",
    ]
    lines.extend(extra)
    rng = random.Random(20261127)
    texts = list(dict.fromkeys(lines))
    while len(texts) < size:
        start = rng.randrange(len(lines))
        texts.append("\n".join(lines[start : start + rng.randint(2, 12)]))
        mixed = rng.sample(lines, rng.randint(1, 6))
        texts.append(" ".join(mixed))
    return texts[:size]


def probabilities(factory: object, text: str) -> object:
    detector = factory.create()  # type: ignore[attr-defined]
    detector.append(text)
    try:
        return [(guess.lang, guess.prob) for guess in detector.get_probabilities()]
    except Exception as exc:  # both raise their LangDetectException on text without letters
        return type(exc).__name__


@pytest.mark.slow
def test_fast_backend_is_bit_identical() -> None:
    reference, fast = load_factory("langdetect"), load_factory("langdetect_rs")
    texts = corpus()
    assert len(texts) == 2500
    differences = [
        text for text in texts if probabilities(reference, text) != probabilities(fast, text)
    ]
    assert differences == []
