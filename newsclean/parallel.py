"""An ordered map over worker processes that streams with bounded memory and survives
workers that die.

``concurrent.futures`` and ``multiprocessing.Pool.imap`` read their whole input ahead of
the workers; here at most ``workers * _CHUNKS_PER_WORKER`` chunks are in flight, so a
generator over a 1 GB file is consumed no faster than it is cleaned. A worker that dies
(killed, out of memory) costs only the items it held: they are retried one by one in a
fresh pool, and an item that kills a worker again is handed to ``on_lost``; every input
item gives exactly one result.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, TimeoutError
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_CHUNKS_PER_WORKER = 3
# Spawned workers start from a clean interpreter on every platform: no state inherited by
# fork (locks held by other threads, seeded globals), so results cannot depend on it.
_START_METHOD = "spawn"
# How often a wait for a worker's result looks at ``should_stop``.
_POLL_SECONDS = 0.1
# Pools a run may lose to dying workers before the rest of its items are given up.
MAX_BROKEN_POOLS = 16
# A worker dead this long without the pool saying so is taken for a broken pool all the
# same: CPython's executor notices a death at once, unless the worker was killed halfway
# through sending a result, when its manager thread waits for the rest of the message
# forever (and every result with it).
UNNOTICED_DEATH_SECONDS = 2.0

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
    # The parent decides what an interrupt or a termination means (stop, keep complete
    # output, end the workers); a worker that died of one would only break the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker_function = function
    if warm_up is not None:
        warm_up()


def _run_chunk(chunk: list[Any]) -> list[Any]:
    assert _worker_function is not None, "worker started without a function"
    return [_worker_function(item) for item in chunk]


def _never() -> bool:
    return False


def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int = 1,
    chunksize: int = 64,
    warm_up: Callable[[], None] | None = None,
    on_lost: Callable[[T, str], R] | None = None,
    should_stop: Callable[[], bool] = _never,
) -> Iterator[R]:
    """Apply a picklable ``function`` to ``items`` in ``workers`` processes, in input order.

    With ``workers == 1`` everything runs in the calling process and no pool is started.
    ``warm_up`` runs once in each worker before its first item (load models, profiles).
    ``on_lost(item, reason)`` gives the result of an item whose worker died twice (without
    it, the pool's error is raised). When ``should_stop()`` turns true, or the iterator is
    closed, the work not yet done is dropped and the workers are ended at once.

    >>> list(ordered_map(abs, [-2, 1, -3], workers=1))
    [2, 1, 3]
    """
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive integer, got {workers!r}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive integer, got {chunksize!r}")
    if workers == 1:
        return (function(item) for item in items)
    return _Pooled(function, workers, warm_up, on_lost, should_stop).run(items, chunksize)


class _Pooled:
    """The pooled run: submits chunks, yields their results in order, replaces a pool whose
    worker died, and ends every worker it started."""

    def __init__(
        self,
        function: Callable[[Any], Any],
        workers: int,
        warm_up: Callable[[], None] | None,
        on_lost: Callable[[Any, str], Any] | None,
        should_stop: Callable[[], bool],
    ) -> None:
        self.function = function
        self.workers = workers
        self.warm_up = warm_up
        self.on_lost = on_lost
        self.should_stop = should_stop
        self.broken = 0
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        self.death_seen: float | None = None
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context(_START_METHOD),
            initializer=_start_worker,
            initargs=(self.function, self.warm_up),
        )

    def run(self, items: Iterable[Any], chunksize: int) -> Iterator[Any]:
        pending: deque[tuple[list[Any], Future[list[Any]]]] = deque()
        limit = self.workers * _CHUNKS_PER_WORKER
        try:
            for chunk in chunked(items, chunksize):
                pending.append((chunk, self._submit(chunk)))
                while len(pending) >= limit:
                    yield from self._next(pending)
                    if self.should_stop():
                        return
            while pending:
                yield from self._next(pending)
                if self.should_stop():
                    return
        finally:
            self._end(pending)

    def _submit(self, chunk: list[Any]) -> Future[list[Any]]:
        """The chunk's future; when the pool broke since the last chunk (a worker died
        between two results), a future holding that error, handled like any other."""
        try:
            return self.executor.submit(_run_chunk, chunk)
        except BrokenProcessPool as exc:
            failed: Future[list[Any]] = Future()
            failed.set_exception(exc)
            return failed

    def _next(self, pending: deque[tuple[list[Any], Future[list[Any]]]]) -> Iterator[Any]:
        future = pending[0][1]
        while True:
            try:
                results = future.result(timeout=_POLL_SECONDS)
                break
            except TimeoutError:
                if self.should_stop():
                    return
                if self._unnoticed_death():
                    yield from self._recover(pending, "a worker process died unnoticed")
                    return
            except BrokenProcessPool as exc:
                yield from self._recover(pending, str(exc) or "a worker process died")
                return
        pending.popleft()
        yield from results

    def _recover(
        self, pending: deque[tuple[list[Any], Future[list[Any]]]], reason: str
    ) -> Iterator[Any]:
        """A worker died: every chunk in flight is lost with the pool. Retry their items
        one by one in a fresh pool; an item whose worker dies again is lost for good."""
        self.broken += 1
        lost = [item for chunk, _ in pending for item in chunk]
        pending.clear()
        self._terminate()
        self.executor = self._new_executor()
        for item in lost:
            yield from self._retry(item, reason)

    def _retry(self, item: Any, reason: str) -> Iterator[Any]:
        if self.broken > MAX_BROKEN_POOLS:
            yield self._lost(item, f"not cleaned: worker processes died {self.broken} times")
            return
        future = self._submit([item])
        while True:
            try:
                yield from future.result(timeout=_POLL_SECONDS)
                return
            except TimeoutError:
                if self.should_stop():
                    return
                if not self._unnoticed_death():
                    continue
            except BrokenProcessPool:
                pass
            # Its worker died again (noticed by the pool or not): the item is lost.
            self.broken += 1
            self._terminate()
            self.executor = self._new_executor()
            yield self._lost(item, f"the worker process cleaning it died ({reason})")
            return

    def _unnoticed_death(self) -> bool:
        """Whether a worker of the pool has been dead for ``UNNOTICED_DEATH_SECONDS``
        while the pool still waits (see there)."""
        processes = list(getattr(self.executor, "_processes", {}).values())
        if not any(process.exitcode is not None for process in processes):
            self.death_seen = None
            return False
        now = time.monotonic()
        if self.death_seen is None:
            self.death_seen = now
        return now - self.death_seen >= UNNOTICED_DEATH_SECONDS

    def _lost(self, item: Any, reason: str) -> Any:
        if self.on_lost is None:
            raise BrokenProcessPool(reason)
        return self.on_lost(item, reason)

    def _end(self, pending: deque[tuple[list[Any], Future[list[Any]]]]) -> None:
        for _, future in pending:
            future.cancel()
        if pending:
            self._terminate()
        else:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _terminate(self) -> None:
        """End the pool's workers now, without waiting for the chunks they hold."""
        processes = list(getattr(self.executor, "_processes", {}).values())
        results = getattr(self.executor, "_result_queue", None)
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        deadline = time.monotonic() + 5
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(1)
        # A manager thread stuck reading a result its worker died halfway through sending
        # reads the end of the pipe once no process holds its writing end: the workers
        # are gone, so close this process's. (Else it waits forever, and so does the
        # interpreter's exit, which joins it.)
        writer = getattr(results, "_writer", None)
        if writer is not None:
            writer.close()
