"""Pipeline.pipe: order, bounded reading, and the same results with worker processes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsclean import Pipeline

from .conftest import SAMPLES

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def test_pipe_with_workers_matches_single_process() -> None:
    pipeline = Pipeline.default(mode="recall").without("duplicate")
    texts = TEXTS * 5
    one = list(pipeline.pipe(texts))
    two = list(pipeline.pipe(iter(texts), workers=2, chunksize=3))
    assert one == two
    assert [r.source for r in two] == [pipeline.clean(t).source for t in texts]


def test_pipe_reads_input_lazily() -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        while True:
            consumed += 1
            yield "Advertisement\nThe river rose overnight."

    results = Pipeline.default().pipe(endless(), lang="en", workers=2, chunksize=4)
    first = [next(results) for _ in range(10)]
    assert {r.text for r in first} == {"The river rose overnight."}
    # A bounded number of chunks is in flight, never the whole (endless) input.
    assert consumed <= 10 + 2 * 3 * 4 + 4
    results.close()


def test_pipe_checks_its_arguments() -> None:
    pipeline = Pipeline.default()
    with pytest.raises(ValueError, match="workers"):
        pipeline.pipe(["x"], workers=0)
    with pytest.raises(ValueError, match="chunksize"):
        pipeline.pipe(["x"], chunksize=0)
    with pytest.raises(TypeError, match="str"):
        list(pipeline.pipe([b"bytes"]))  # type: ignore[list-item]
