"""Golden cases: every raw text in ``samples/`` cleans to the JSON expected beside it.

Regenerate after a deliberate change with ``python tests/test_golden.py --update``, then
read the diff: each changed line is a behaviour change that must be intended.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

import newsclean

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CASES = sorted(SAMPLES.glob("*.txt"))


def expected_path(sample: Path) -> Path:
    return sample.with_suffix(".expected.json")


def observed(sample: Path) -> dict[str, Any]:
    result = newsclean.clean(sample.read_text(encoding="utf-8"))
    return {
        "text": result.text,
        "metadata": result.metadata.to_dict(),
        "removed": [{"kind": r.kind.value, "rule": r.rule, "text": r.text} for r in result.removed],
    }


def test_golden_samples_exist() -> None:
    assert len(CASES) >= 6
    for sample in CASES:
        assert expected_path(sample).exists(), f"{sample.name} has no expected JSON"


@pytest.mark.parametrize("sample", CASES, ids=[case.stem for case in CASES])
def test_golden_sample(sample: Path) -> None:
    expected = json.loads(expected_path(sample).read_text(encoding="utf-8"))
    got = observed(sample)
    assert got["text"] == expected["text"]
    assert got["metadata"] == expected["metadata"]
    assert got["removed"] == expected["removed"]


def update() -> None:
    for sample in CASES:
        path = expected_path(sample)
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        record = {
            "comment": old.get("comment", "TODO: say what this case shows"),
            **observed(sample),
        }
        path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(SAMPLES.parent)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_golden.py --update")
    update()
