"""Pipeline.pipe: order, bounded reading, and the same results with worker processes."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from newsclean import Pipeline
from newsclean.parallel import ordered_map

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


def _die_on_three(item: int) -> int:
    if item == 3:
        os._exit(1)  # the worker process dies, as if killed
    return item * 10


def test_pipe_pool_survives_a_worker_that_dies() -> None:
    results = list(
        ordered_map(
            _die_on_three,
            range(8),
            workers=2,
            chunksize=2,
            on_lost=lambda item, reason: f"lost {item}: {reason}",
        )
    )
    assert results[:3] == [0, 10, 20]
    assert isinstance(results[3], str)
    assert results[3].startswith("lost 3: the worker process")
    assert results[4:] == [40, 50, 60, 70]
