"""Real inputs newsclean gets wrong today, kept as strict expected failures: when a change
fixes one, its test passes, the strict xfail turns red, and the case moves to
``metadata_cases.json``, whose cases are ordinary tests.

Each case in ``known_failures.json`` has a ``label``, a ``comment`` saying what is wrong,
the ``input`` (and ``lang``), and the ``expected`` parts of the result: ``text`` and/or
some ``metadata`` fields.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsclean

HERE = Path(__file__).parent
CASES = json.loads((HERE / "known_failures.json").read_text(encoding="utf-8"))
FIXED = json.loads((HERE / "metadata_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
@pytest.mark.xfail(strict=True, reason="a known failure (see its comment)")
def test_known_failure(case: dict[str, Any]) -> None:
    check(case)


@pytest.mark.parametrize("case", FIXED, ids=[case["label"] for case in FIXED])
def test_fixed_case(case: dict[str, Any]) -> None:
    check(case)


def check(case: dict[str, Any]) -> None:
    """The case's input, cleaned, gives its expected text and metadata fields."""
    result = newsclean.clean(case["input"], lang=case.get("lang"))
    expected = case["expected"]
    if "text" in expected:
        assert result.text == expected["text"]
    metadata = result.metadata.to_dict()
    for field, value in expected.get("metadata", {}).items():
        assert metadata[field] == value, field


def test_known_failures_are_well_formed() -> None:
    labels = [case["label"] for case in CASES + FIXED]
    assert len(labels) == len(set(labels))
    for case in CASES + FIXED:
        assert set(case) <= {"label", "comment", "lang", "input", "expected"}
        assert case["comment"]
        assert case["input"]
        assert case["expected"]
