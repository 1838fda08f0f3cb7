"""``newsclean clean``: records in, one JSON line per record out, a summary on stderr.

Inputs are files (``.txt``, ``.jsonl``, plain or ``.gz``/``.bz2``/``.zst``), stdin, or a
directory tree mirrored into an output tree. Output files are written under a temporary
name and renamed into place. SIGINT and SIGTERM stop the run between records.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, Any, BinaryIO, TextIO

from newsclean.compression import suffix, without_suffix, wrap_write
from newsclean.pipeline import Pipeline
from newsclean.records import STDIN, InputFormat, Outcome, RawRecord, RecordCleaner, read_records
from newsclean.terminal import (
    EXIT_FATAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PIPE_CLOSED,
    EXIT_RECORDS_FAILED,
    EXIT_TERMINATED,
    UsageError,
    printable,
    wanted,
)

# Failed records named one by one on stderr; the rest are counted in the summary.
ERRORS_SHOWN = 20
# After this many records, a run in which every record lacks the text field stops.
FIELD_CHECK_RECORDS = 100
_INPUT_ENDINGS = (".txt", ".text", ".jsonl", ".ndjson", ".json")


@dataclass
class _Tally:
    records: int = 0
    failed: int = 0
    input_bytes: int = 0
    text_bytes: int = 0
    missing_field: int = 0
    fields_seen: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    last: tuple[str, int] | None = None

    def add(self, outcome: Outcome, where: tuple[str, int]) -> None:
        self.records += 1
        self.failed += not outcome.ok
        self.input_bytes += outcome.input_bytes
        self.text_bytes += outcome.text_bytes
        self.kinds.update(outcome.removed_by_kind)
        if outcome.fields_seen is not None:
            self.missing_field += 1
            self.fields_seen.update(outcome.fields_seen)
        self.last = where

    def all_lack_the_text_field(self) -> bool:
        return self.records > 0 and self.missing_field == self.records


class _Interrupt:
    """Turns SIGINT and SIGTERM into a flag checked between records (and while waiting for
    workers), so no line is ever half written and the workers are ended."""

    def __init__(self) -> None:
        self.requested = False
        self.signal: int | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> _Interrupt:
        for number in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(ValueError):  # not in the main thread: leave it alone
                self._previous[number] = signal.signal(number, self._handle)
        return self

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested and signum == signal.SIGINT:  # a second Ctrl-C: stop now
            raise KeyboardInterrupt
        self.requested = True
        self.signal = signum

    def __exit__(self, *exc: object) -> None:
        for number, previous in self._previous.items():
            signal.signal(number, previous)


class _AtomicOutput:
    """An output file written under a temporary name in its folder and renamed into place
    when the run ends (also when interrupted: it then holds the complete lines written); a
    run that fails leaves any earlier file of that name as it was. Compressed by its name's
    suffix (``.gz``, ``.bz2``, ``.zst``)."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Kept open for the run; closed by commit() or discard().
        self.temporary = tempfile.NamedTemporaryFile(  # noqa: SIM115
            "wb", dir=self.path.parent, prefix=f".{self.path.name}.", delete=False
        )
        self._raw = wrap_write(path, self.temporary)
        self.stream: IO[str] = io.TextIOWrapper(
            self._raw,
            encoding="utf-8",
            newline="\n",
        )

    def commit(self) -> None:
        self.stream.close()
        if self._raw is not self.temporary:
            self.temporary.close()
        os.replace(self.temporary.name, self.path)

    def discard(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()
        with contextlib.suppress(OSError):
            self.temporary.close()
        with contextlib.suppress(OSError):
            os.unlink(self.temporary.name)


class _Sinks:
    """Where each record's line goes: one stream, or (mirroring a tree) the output file of
    the record's input, opened when its first record arrives. Records arrive in input
    order, so each output file is finished before the next is opened."""

    def __init__(self, single: IO[str] | None, targets: dict[str, str] | None) -> None:
        self.single, self.targets = single, targets
        self.current: tuple[str, _AtomicOutput] | None = None
        self.started: set[str] = set()

    def stream_for(self, source: str) -> IO[str]:
        if self.targets is None:
            assert self.single is not None
            return self.single
        if self.current is not None and self.current[0] == source:
            return self.current[1].stream
        self.finish_current()
        output = _AtomicOutput(self.targets[source])
        self.current = (source, output)
        self.started.add(source)
        return output.stream

    def finish_current(self) -> None:
        if self.current is not None:
            self.current[1].commit()
            self.current = None

    def finish(self, complete: bool) -> None:
        """Commit the open file; when the run went through every input, also write an empty
        output for each input that held no record."""
        self.finish_current()
        if complete and self.targets is not None:
            for source, target in self.targets.items():
                if source not in self.started:
                    _AtomicOutput(target).commit()

    def discard(self) -> None:
        if self.current is not None:
            self.current[1].discard()
            self.current = None


def _is_input_file(path: Path) -> bool:
    return without_suffix(path.name.lower()).endswith(_INPUT_ENDINGS)


def directory_inputs(root: str) -> list[str]:
    """The input files under ``root``, recursively, sorted (hidden entries skipped)."""
    base = Path(root)
    if not base.is_dir():
        raise UsageError(f"--input-dir {root}: not a directory")
    found = []
    for folder, subfolders, files in os.walk(base):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if not name.startswith(".") and _is_input_file(path):
                found.append(str(path))
    return found


def mirrored_outputs(
    inputs: Sequence[str], input_dir: str | None, output_dir: str
) -> dict[str, str]:
    """Each input's output file: its path under ``output_dir`` as it is under ``input_dir``
    (its name alone without one), a JSONL input keeping its name and a ``.txt`` document
    becoming ``.jsonl``; compression kept. Two inputs with one output are refused."""
    outputs: dict[str, str] = {}
    taken: dict[str, str] = {}
    for name in inputs:
        if name == STDIN:
            raise UsageError("--output-dir needs files as inputs, not '-'")
        path = Path(name)
        relative = path.relative_to(input_dir) if input_dir is not None else Path(path.name)
        ending = suffix(relative.name)
        plain = without_suffix(relative.name)
        if not plain.lower().endswith((".jsonl", ".ndjson")):
            plain = (plain.rsplit(".", 1)[0] if "." in plain else plain) + ".jsonl"
        target = str(Path(output_dir) / relative.parent / (plain + ending))
        if target in taken:
            raise UsageError(f"{taken[target]} and {name} would both be written to {target}")
        taken[target] = name
        outputs[name] = target
    return outputs


def _inside(path: str, folder: str) -> bool:
    resolved, base = Path(path).resolve(), Path(folder).resolve()
    return resolved == base or base in resolved.parents


def refuse_output_among_inputs(outputs: Sequence[str], inputs: Sequence[str]) -> None:
    """A usage error when an output is one of the inputs (same path, symlink, ``./``)."""
    existing = [Path(name) for name in inputs if name != STDIN]
    for output in outputs:
        target = Path(output)
        for path in existing:
            try:
                same = target.exists() and path.exists() and os.path.samefile(path, target)
            except OSError:
                same = False
            if same or os.path.realpath(path) == os.path.realpath(target):
                raise UsageError(
                    f"the output {output} is the input {path}: it would be overwritten before "
                    "it is read; write elsewhere"
                )


def _progress_bar(choice: str, inputs: Sequence[str]) -> Any:
    if not wanted(choice, sys.stderr):
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        if choice == "always":
            print("newsclean: no progress bar: pip install 'newsclean[progress]'", file=sys.stderr)
        return None
    total = _known_size(inputs)
    if total is None:
        return tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
    return tqdm(
        total=total,
        unit="B",
        unit_scale=True,
        file=sys.stderr,
        dynamic_ncols=True,
        mininterval=0.5,
    )


def _advance(bar: Any, outcome: Outcome, records: int) -> None:
    """One record more on the bar: its bytes of a known total (with the documents counted
    beside them), or one document."""
    if bar.total is None:
        bar.update(1)
        return
    bar.set_postfix_str(f"{records} docs", refresh=False)
    bar.update(outcome.input_bytes)


def _known_size(inputs: Sequence[str]) -> int | None:
    """The bytes to read when every input is an uncompressed regular file, else ``None``."""
    total = 0
    for name in inputs:
        if name == STDIN or suffix(name):
            return None
        try:
            total += os.stat(name).st_size
        except OSError:
            return None
    return total


def _stop_for_missing_field(tally: _Tally, text_field: str) -> str:
    seen = ", ".join(name for name, _ in tally.fields_seen.most_common(12)) or "none"
    return (
        f"none of the first {tally.records} records has a {text_field!r} field "
        f"(--text-field); fields seen: {printable(seen)}"
    )


def run_clean(
    args: argparse.Namespace, pipeline: Pipeline, out: TextIO | None, stdin: BinaryIO
) -> int:
    """Run ``newsclean clean`` with parsed ``args``; the exit status."""
    from newsclean.lang import warm_up
    from newsclean.parallel import ordered_map

    try:
        cleaner = RecordCleaner(
            pipeline,
            lang=args.lang,
            text_field=args.text_field,
            output_field=args.output_field,
            with_removed=args.with_removed,
            indent=2 if args.pretty else None,
            metadata_field=args.metadata_field,
            error_field=args.error_field,
            encoding=args.encoding,
            site_field=args.site_field,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    inputs = list(args.inputs)
    if args.input_dir is not None:
        inputs += directory_inputs(args.input_dir)
    if not inputs:
        raise UsageError("no inputs: name files, '-', or --input-dir DIR")
    targets: dict[str, str] | None = None
    if args.output_dir is not None:
        if args.output is not None:
            raise UsageError("give -o or --output-dir, not both")
        input_dir = args.input_dir if not args.inputs else None
        if args.input_dir is not None and _inside(args.output_dir, args.input_dir):
            raise UsageError(
                f"--output-dir {args.output_dir} is inside --input-dir {args.input_dir}: a "
                "second run would read the first one's output; write elsewhere"
            )
        targets = mirrored_outputs(inputs, input_dir, args.output_dir)
        refuse_output_among_inputs(list(targets.values()), inputs)
    elif args.output is not None:
        refuse_output_among_inputs([args.output], inputs)
    requested = InputFormat(args.format)

    positions: deque[tuple[str, int]] = deque()  # records read and not yet written

    def records() -> Iterator[RawRecord]:
        # The parent remembers where each record came from to report how far a run got.
        for path in inputs:
            for record in read_records(path, requested, stdin, args.max_record_bytes):
                positions.append((record.source, record.line))
                yield record

    atomic = _AtomicOutput(args.output) if args.output is not None and targets is None else None
    single: IO[str] | None = None
    if targets is None:
        if atomic is not None:
            single = atomic.stream
        elif out is not None:
            single = out
        else:
            single = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    sinks = _Sinks(single, targets)
    tally = _Tally()
    bar = _progress_bar(args.progress, inputs)
    started = time.perf_counter()
    pipe_closed = False
    stopped: str | None = None
    with _Interrupt() as interrupt:
        outcomes = ordered_map(
            cleaner,
            records(),
            workers=args.workers,
            chunksize=args.chunksize,
            warm_up=warm_up if args.lang is None else None,
            on_lost=cleaner.lost,
            should_stop=lambda: interrupt.requested,
        )
        try:
            for outcome in outcomes:
                where = positions.popleft()
                try:
                    sinks.stream_for(where[0]).write(outcome.line + "\n")
                except BrokenPipeError:
                    pipe_closed = True
                    break
                tally.add(outcome, where)
                if outcome.error is not None and tally.failed <= ERRORS_SHOWN:
                    line = f" line {where[1]}" if where[1] else ""
                    message = f"{where[0]}{line}: {outcome.error}"
                    print(f"newsclean: {printable(message)}", file=sys.stderr)
                if bar is not None:
                    _advance(bar, outcome, tally.records)
                if tally.records == FIELD_CHECK_RECORDS and tally.all_lack_the_text_field():
                    stopped = _stop_for_missing_field(tally, args.text_field)
                    break
                if interrupt.requested:
                    break
        except BaseException:
            sinks.discard()
            if atomic is not None:
                atomic.discard()
            raise
        finally:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()
            if bar is not None:
                bar.close()
        if stopped is not None:
            sinks.discard()
            if atomic is not None:
                atomic.discard()
            print(f"newsclean: error: {stopped}; stopped", file=sys.stderr)
            return EXIT_FATAL
        if pipe_closed:
            _silence_stdout()
            return EXIT_PIPE_CLOSED
        try:
            sinks.finish(complete=not interrupt.requested)
            if atomic is not None:
                atomic.commit()
            elif single is not None:
                single.flush()
                if single is not out:
                    single.detach()  # type: ignore[attr-defined]
        except BrokenPipeError:
            _silence_stdout()
            return EXIT_PIPE_CLOSED
    elapsed = time.perf_counter() - started
    if args.stats:
        _print_stats(tally, elapsed)
    if interrupt.requested:
        where_text = f"{tally.last[0]} line {tally.last[1]}" if tally.last else "the start"
        what = "terminated" if interrupt.signal == signal.SIGTERM else "interrupted"
        print(
            f"newsclean: {what} after {tally.records} records (last written: "
            f"{printable(where_text)}); the output holds complete lines only",
            file=sys.stderr,
        )
        return EXIT_TERMINATED if interrupt.signal == signal.SIGTERM else EXIT_INTERRUPTED
    if tally.failed:
        _print_failures(tally, args)
        return EXIT_RECORDS_FAILED
    return EXIT_OK


def _print_failures(tally: _Tally, args: argparse.Namespace) -> None:
    if tally.failed > ERRORS_SHOWN:
        print(
            f"newsclean: ({tally.failed - ERRORS_SHOWN} further errors not shown)", file=sys.stderr
        )
    print(
        f"newsclean: {tally.failed} of {tally.records} records failed; "
        f"their output lines carry an {args.error_field!r} object",
        file=sys.stderr,
    )
    if tally.all_lack_the_text_field():
        print(f"newsclean: {_stop_for_missing_field(tally, args.text_field)}", file=sys.stderr)


def _silence_stdout() -> None:
    """After the reader of stdout went away: point it at /dev/null, so the interpreter's
    last flush at exit neither fails nor prints."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _print_stats(tally: _Tally, elapsed: float) -> None:
    megabytes = tally.input_bytes / 1e6
    text_megabytes = tally.text_bytes / 1e6
    rate = tally.records / elapsed if elapsed > 0 else 0.0
    text_rate = text_megabytes / elapsed if elapsed > 0 else 0.0
    lines = [
        f"documents  {tally.records} ({tally.records - tally.failed} cleaned, "
        f"{tally.failed} failed)",
        f"text       {text_megabytes:.2f} MB cleaned (of {megabytes:.2f} MB read) "
        f"in {elapsed:.2f} s",
        f"speed      {rate:.1f} docs/s, {text_rate:.2f} MB of text/s",
        "removals   "
        + (", ".join(f"{kind} {n}" for kind, n in tally.kinds.most_common()) or "none"),
    ]
    print("\n".join(lines), file=sys.stderr)
