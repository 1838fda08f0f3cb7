"""Shared fixtures: paths to the bundled samples and to the optional benchmark data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DEV_DATA = ROOT.parent / "shared" / "data" / "dev.jsonl.gz"
# A short English article body, three paragraphs, that the metadata tests put pages around.
COUNCIL_BODY = (
    "The city council approved the budget on Monday after a debate that lasted six hours.\n"
    "The mayor said the plan would fund two new schools and repair the old harbour wall.\n"
    "Opposition members said the spending was too high and asked for an audit next year."
)


@pytest.fixture(scope="session")
def french_sample() -> str:
    return (SAMPLES / "reuters_fr_putin_macron.txt").read_text(encoding="utf-8")


# CI runs the same examples every time (a red build must be reproducible); local runs
# explore new ones.
if os.environ.get("CI"):
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    settings.load_profile("ci")
