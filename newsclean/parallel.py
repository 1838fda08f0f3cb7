"""An ordered map over worker processes that streams with bounded memory.

``concurrent.futures`` and ``multiprocessing.Pool.imap`` read their whole input ahead of
the workers; here at most ``workers * _CHUNKS_PER_WORKER`` chunks are in flight, so a
generator over a 1 GB file is consumed no faster than it is cleaned.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_CHUNKS_PER_WORKER = 3
# Spawned workers start from a clean interpreter on every platform: no state inherited by
# fork (locks held by other threads, seeded globals), so results cannot depend on it.
_START_METHOD = "spawn"

_worker_function: Callable[[Any], Any] | None = None


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` consecutive items (the last may be shorter).

    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _start_worker(function: Callable[[Any], Any], warm_up: Callable[[], None] | None) -> None:
    global _worker_function
    # The parent decides what an interrupt means (stop, keep complete output); a worker
    # that died of it would only turn a clean stop into a broken pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_function = function
    if warm_up is not None:
        warm_up()


def _run_chunk(chunk: list[Any]) -> list[Any]:
    assert _worker_function is not None, "worker started without a function"
    return [_worker_function(item) for item in chunk]


def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int = 1,
    chunksize: int = 64,
    warm_up: Callable[[], None] | None = None,
) -> Iterator[R]:
    """Apply a picklable ``function`` to ``items`` in ``workers`` processes, in input order.

    With ``workers == 1`` everything runs in the calling process and no pool is started.
    ``warm_up`` runs once in each worker before its first item (load models, profiles).
    Closing the iterator early cancels the work not yet started.

    >>> list(ordered_map(abs, [-2, 1, -3], workers=1))
    [2, 1, 3]
    """
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive integer, got {workers!r}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive integer, got {chunksize!r}")
    if workers == 1:
        return (function(item) for item in items)
    return _pooled(function, items, workers, chunksize, warm_up)


def _pooled(
    function: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    chunksize: int,
    warm_up: Callable[[], None] | None,
) -> Iterator[R]:
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(_START_METHOD),
        initializer=_start_worker,
        initargs=(function, warm_up),
    )
    pending: deque[Future[list[R]]] = deque()
    limit = workers * _CHUNKS_PER_WORKER
    try:
        for chunk in chunked(items, chunksize):
            pending.append(executor.submit(_run_chunk, chunk))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
