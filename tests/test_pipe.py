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


def _die_mid_result_on_three(item: int) -> int:
    """Item 3's worker dies halfway through sending a result, as a worker killed while it
    writes one does: the message's header promises bytes that never come."""
    if item == 3:
        import gc
        import struct
        from multiprocessing.queues import SimpleQueue

        results = next(o for o in gc.get_objects() if type(o) is SimpleQueue)
        results._writer._send(struct.pack("!i", 1000) + b"half a result")
        os._exit(1)
    return item * 10


MID_RESULT_RUN = """
from newsclean.parallel import ordered_map
from tests.test_pipe import _die_mid_result_on_three
if __name__ == "__main__":
    results = ordered_map(
        _die_mid_result_on_three, range(8), workers=2, chunksize=2,
        on_lost=lambda item, reason: f"lost {item}",
    )
    print(list(results))
"""


def test_pipe_pool_survives_a_worker_that_dies_while_sending_a_result() -> None:
    # CPython's pool then waits forever for the rest of the message; the run must end,
    # with every item accounted for, and so must the interpreter (which joins the pool's
    # threads at exit).
    import subprocess
    import sys
    from pathlib import Path

    run = subprocess.run(
        [sys.executable, "-c", MID_RESULT_RUN],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == str([0, 10, 20, "lost 3", 40, 50, 60, 70])
