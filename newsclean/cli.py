"""Command line: ``newsclean clean`` turns documents into JSON lines, ``newsclean explain``
shows what was cut and why."""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import re
import signal
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, Any, BinaryIO, NoReturn, TextIO, cast

from newsclean import __version__
from newsclean.errors import NewscleanError
from newsclean.explain import explain_colored
from newsclean.lang import warm_up
from newsclean.modes import Mode
from newsclean.parallel import ordered_map
from newsclean.pipeline import Pipeline
from newsclean.records import (
    MAX_RECORD_BYTES,
    STDIN,
    InputFormat,
    Outcome,
    RawRecord,
    RecordCleaner,
    read_records,
)
from newsclean.report import html_report
from newsclean.steps import DEFAULT_STEPS

EXIT_OK = 0
EXIT_FATAL = 1  # bad arguments, unreadable configuration, unwritable output
EXIT_RECORDS_FAILED = 2  # the run finished, but some records carry an "error" object
EXIT_INTERRUPTED = 130  # SIGINT (Ctrl-C)
EXIT_PIPE_CLOSED = 141  # the reader of the output went away (SIGPIPE's status)
EXIT_TERMINATED = 143  # SIGTERM
WHEN_CHOICES = ["auto", "always", "never"]

_EPILOG = """\
inputs: .txt files hold one document each; .jsonl / .jsonl.gz hold one JSON object per
line with the text in --text-field; '-' reads stdin (JSONL when it starts with '{').

output: one JSON line per input record, in input order. JSONL records keep their other
fields; the cleaned text goes to --output-field and metadata to "newsclean". A record that
cannot be cleaned (invalid JSON or UTF-8, missing or non-string text field, truncated
input) still gives one line, with an "error" object naming the input and line number.

exit status: 0 all records cleaned; 2 some records failed (see their "error"); 1 bad usage
or output not writable; 130 interrupted, 143 terminated (the output holds complete lines
only); 141 the reader of the output went away.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # Exit status 2 means "some records failed"; usage errors get 1.
        self.print_usage(sys.stderr)
        self.exit(EXIT_FATAL, f"{self.prog}: error: {message}\n")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be a positive integer")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsclean",
        description="Clean raw scraped news text into article text plus metadata.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add_pipeline_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--lang", help="ISO 639-1 code for every document; skips detection")
        sub.add_argument(
            "--mode",
            choices=[m.value for m in Mode],
            default=Mode.BALANCED.value,
            help="precision removes only what rules name; recall removes more page chrome "
            "(default: %(default)s)",
        )
        sub.add_argument(
            "--without",
            action="append",
            default=[],
            metavar="STEP",
            help=f"drop a step (repeatable): {', '.join(DEFAULT_STEPS)}",
        )
        sub.add_argument(
            "--keep-dateline", action="store_true", help="leave the dateline in the text"
        )
        sub.add_argument(
            "--rules",
            action="append",
            default=[],
            metavar="PACK.toml",
            help="a rule pack of your own, validated before any document (repeatable)",
        )

    clean = commands.add_parser(
        "clean",
        help="clean .txt / .jsonl / .jsonl.gz inputs into JSON lines",
        description="Clean documents into JSON lines: cleaned text plus metadata.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clean.add_argument("inputs", nargs="+", metavar="INPUT", help="files, or '-' for stdin")
    clean.add_argument("-o", "--output", metavar="OUT", help="write here (.gz compresses)")
    clean.add_argument(
        "--format",
        choices=[f.value for f in InputFormat],
        default=InputFormat.AUTO.value,
        help="how to read inputs (default: by extension)",
    )
    clean.add_argument("--text-field", default="text", help="JSONL field to clean")
    clean.add_argument(
        "--output-field", default="text", help="where the cleaned text goes (default: text)"
    )
    clean.add_argument(
        "--metadata-field",
        default="newsclean",
        help="the field of the newsclean object (default: newsclean); a record that already "
        "has it becomes an error record keeping the raw line",
    )
    clean.add_argument(
        "--error-field",
        default="error",
        help="the field that marks a failed record (default: error); likewise",
    )
    clean.add_argument(
        "--max-record-bytes",
        type=_positive,
        default=MAX_RECORD_BYTES,
        help="a larger record (JSONL line, or .txt document) becomes an error record "
        f"(default: {MAX_RECORD_BYTES:,})",
    )
    add_pipeline_options(clean)
    clean.add_argument("--workers", type=_positive, default=1, help="processes (default: 1)")
    clean.add_argument(
        "--chunksize", type=_positive, default=32, help="records per task sent to a worker"
    )
    clean.add_argument("--with-removed", action="store_true", help="include removed spans")
    clean.add_argument("--pretty", action="store_true", help="indented JSON (not JSONL)")
    clean.add_argument(
        "--stats", action="store_true", help="print documents, MB, docs/s, removals per kind"
    )
    clean.add_argument(
        "--progress",
        choices=WHEN_CHOICES,
        default="auto",
        help="progress bar on stderr (auto: when it is a terminal; needs tqdm)",
    )

    explain = commands.add_parser(
        "explain",
        help="show a document with each removed span marked, with its kind and rule",
        description="Show a document (a .txt file, or one record of a .jsonl / .jsonl.gz) "
        "with each removed span marked in colour.",
    )
    explain.add_argument("input", metavar="FILE", help="a .txt or .jsonl(.gz) file, or '-'")
    explain.add_argument(
        "--record", type=_positive, metavar="N", help="the JSONL record on line N (default: 1)"
    )
    explain.add_argument("--id", metavar="ID", help="the JSONL record whose 'id' field is ID")
    explain.add_argument("--text-field", default="text", help="JSONL field to explain")
    add_pipeline_options(explain)
    explain.add_argument(
        "--color",
        choices=WHEN_CHOICES,
        default="auto",
        help="colour the terminal output (auto: when stdout is a terminal)",
    )
    explain.add_argument(
        "--html", metavar="REPORT", help="also write a self-contained HTML report here"
    )
    return parser


def _pipeline(args: argparse.Namespace) -> Pipeline:
    pipeline = Pipeline.default(
        mode=args.mode, keep_dateline=args.keep_dateline, rule_packs=args.rules
    )
    return pipeline.without(*args.without)


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    stdin = stdin if stdin is not None else sys.stdin.buffer
    try:
        pipeline = _pipeline(args)
        if args.lang is not None:
            pipeline.clean("", lang=args.lang)  # reject a bad code before reading anything
        if args.command == "explain":
            return _explain(args, pipeline, out or sys.stdout, stdin)
        return _clean(args, pipeline, out, stdin)
    except (NewscleanError, OSError, _UsageError, ValueError) as exc:
        print(f"newsclean: error: {_printable(str(exc))}", file=sys.stderr)
        return EXIT_FATAL


class _UsageError(Exception):
    """A command line that cannot run (exit status 1)."""


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), never sent raw to a
    terminal."""
    return _CONTROLS.sub(lambda found: found.group().encode("unicode_escape").decode(), text)


def _explain(args: argparse.Namespace, pipeline: Pipeline, out: TextIO, stdin: BinaryIO) -> int:
    text = _explained_text(args, stdin)
    result = pipeline.clean(text, lang=args.lang)
    colour = _wanted(args.color, out)
    shown = explain_colored(result) if colour else result.explain()
    out.write(_printable_keeping_colour(shown) + "\n")
    if args.html:
        name = "standard input" if args.input == STDIN else Path(args.input).name
        # A file name that is not UTF-8 (undecodable bytes) is shown with replacements.
        title = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        _write_atomically(Path(args.html), html_report(result, title=title))
    return EXIT_OK


def _explained_text(args: argparse.Namespace, stdin: BinaryIO) -> str:
    """The text ``explain`` shows: a .txt document, or one JSONL record's text field."""
    data = stdin.read() if args.input == STDIN else Path(args.input).read_bytes()
    name = args.input.lower()
    if data[:2] == b"\x1f\x8b":
        if not name.endswith(".gz"):
            raise _UsageError(f"{args.input} is gzip-compressed; name it .gz to read it")
        data = gzip.decompress(data)
    is_jsonl = name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz"))
    is_jsonl = is_jsonl or (args.record is not None or args.id is not None)
    if b"\x00" in data[:65536]:
        raise _UsageError(f"{args.input} holds binary data, not text; nothing to explain")
    if not is_jsonl:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    for number, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").splitlines(), start=1):
        if not raw.strip():
            continue
        if args.record is not None and number != args.record:
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValueError):
            if args.id is None:
                raise _UsageError(f"{args.input} line {number} is not a JSON object") from None
            continue
        if not isinstance(record, dict):
            continue
        if args.id is not None and str(record.get("id")) != args.id:
            continue
        value = record.get(args.text_field)
        if not isinstance(value, str):
            raise _UsageError(
                f"{args.input} line {number} has no string field {args.text_field!r}; "
                f"its fields: {', '.join(sorted(map(str, record))) or 'none'}"
            )
        return value
    wanted = f"id {args.id!r}" if args.id is not None else f"line {args.record or 1}"
    raise _UsageError(f"{args.input} has no record at {wanted}")


def _printable_keeping_colour(text: str) -> str:
    """Control characters escaped, but for the colour sequences explain writes itself."""
    pieces = _COLOUR.split(text)
    return "".join(piece if index % 2 else _printable(piece) for index, piece in enumerate(pieces))


_COLOUR = re.compile("(\x1b\\[[0-9;]*m)")


def _write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file renamed into place."""
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, then renamed)
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            handle.write(content)
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


@dataclass
class _Tally:
    records: int = 0
    failed: int = 0
    input_bytes: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    last: tuple[str, int] | None = None

    def add(self, outcome: Outcome, where: tuple[str, int]) -> None:
        self.records += 1
        self.failed += not outcome.ok
        self.input_bytes += outcome.input_bytes
        self.kinds.update(outcome.removed_by_kind)
        self.last = where


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
    run that fails leaves any earlier file of that name as it was."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        # Kept open for the run; closed by commit() or discard().
        self.temporary = tempfile.NamedTemporaryFile(  # noqa: SIM115
            "wb", dir=self.path.parent or ".", prefix=f".{self.path.name}.", delete=False
        )
        raw: IO[bytes] = self.temporary
        if path.lower().endswith(".gz"):
            raw = cast(IO[bytes], gzip.GzipFile(fileobj=self.temporary, mode="wb"))
        self._raw = raw
        self.stream: IO[str] = io.TextIOWrapper(cast(BinaryIO, raw), encoding="utf-8", newline="\n")

    def commit(self) -> None:
        self.stream.close()
        if self._raw is not self.temporary:
            self.temporary.close()
        os.replace(self.temporary.name, self.path)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            self.temporary.close()
        with contextlib.suppress(OSError):
            os.unlink(self.temporary.name)


def _refuse_output_among_inputs(output: str, inputs: Sequence[str]) -> None:
    target = Path(output)
    for name in inputs:
        if name == STDIN:
            continue
        path = Path(name)
        try:
            same = target.exists() and path.exists() and os.path.samefile(path, target)
        except OSError:
            same = False
        if same or os.path.realpath(path) == os.path.realpath(target):
            raise _UsageError(
                f"the output {output} is the input {name}: it would be overwritten before "
                "it is read; write elsewhere"
            )


def _wanted(choice: str, stream: IO[str]) -> bool:
    """An ``auto|always|never`` option's answer: ``auto`` means "when it is a terminal"."""
    return choice == "always" or (choice == "auto" and stream.isatty())


def _progress_bar(choice: str) -> Any:
    if not _wanted(choice, sys.stderr):
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        if choice == "always":
            print("newsclean: no progress bar: pip install 'newsclean[progress]'", file=sys.stderr)
        return None
    return tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


def _clean(
    args: argparse.Namespace, pipeline: Pipeline, out: TextIO | None, stdin: BinaryIO
) -> int:
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
        )
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    if args.output is not None:
        _refuse_output_among_inputs(args.output, args.inputs)
    requested = InputFormat(args.format)

    def records() -> Iterator[RawRecord]:
        for path in args.inputs:
            yield from read_records(path, requested, stdin, args.max_record_bytes)

    positions: deque[tuple[str, int]] = deque()  # records read and not yet written

    def tracked() -> Iterator[RawRecord]:
        # The parent remembers where each record came from to report how far a run got.
        for record in records():
            positions.append((record.source, record.line))
            yield record

    tally = _Tally()
    atomic = _AtomicOutput(args.output) if args.output is not None else None
    sink: IO[str]
    if atomic is not None:
        sink = atomic.stream
    elif out is not None:
        sink = out
    else:
        sink = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    bar = _progress_bar(args.progress)
    started = time.perf_counter()
    pipe_closed = False
    with _Interrupt() as interrupt:
        outcomes = ordered_map(
            cleaner,
            tracked(),
            workers=args.workers,
            chunksize=args.chunksize,
            warm_up=warm_up if args.lang is None else None,
            on_lost=cleaner.lost,
            should_stop=lambda: interrupt.requested,
        )
        try:
            for outcome in outcomes:
                try:
                    sink.write(outcome.line + "\n")
                except BrokenPipeError:
                    pipe_closed = True
                    break
                tally.add(outcome, positions.popleft())
                if bar is not None:
                    bar.update(1)
                if interrupt.requested:
                    break
        except BaseException:
            if atomic is not None:
                atomic.discard()
            raise
        finally:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()
            if bar is not None:
                bar.close()
        if pipe_closed:
            _silence_stdout()
            return EXIT_PIPE_CLOSED
        try:
            if atomic is not None:
                atomic.commit()
            else:
                sink.flush()
                if sink is not out:
                    sink.detach()  # type: ignore[attr-defined]
        except BrokenPipeError:
            _silence_stdout()
            return EXIT_PIPE_CLOSED
    elapsed = time.perf_counter() - started
    if args.stats:
        _print_stats(tally, elapsed)
    if interrupt.requested:
        where = f"{tally.last[0]} line {tally.last[1]}" if tally.last else "the start"
        what = "terminated" if interrupt.signal == signal.SIGTERM else "interrupted"
        print(
            f"newsclean: {what} after {tally.records} records (last written: {where}); "
            "the output holds complete lines only",
            file=sys.stderr,
        )
        return EXIT_TERMINATED if interrupt.signal == signal.SIGTERM else EXIT_INTERRUPTED
    if tally.failed:
        print(
            f"newsclean: {tally.failed} of {tally.records} records failed; "
            f"their output lines carry an {args.error_field!r} object",
            file=sys.stderr,
        )
        return EXIT_RECORDS_FAILED
    return EXIT_OK


def _silence_stdout() -> None:
    """After the reader of stdout went away: point it at /dev/null, so the interpreter's
    last flush at exit neither fails nor prints."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _print_stats(tally: _Tally, elapsed: float) -> None:
    megabytes = tally.input_bytes / 1e6
    rate = tally.records / elapsed if elapsed > 0 else 0.0
    lines = [
        f"documents  {tally.records} ({tally.records - tally.failed} cleaned, "
        f"{tally.failed} failed)",
        f"input      {megabytes:.2f} MB in {elapsed:.2f} s",
        f"speed      {rate:.1f} docs/s, {megabytes / elapsed if elapsed > 0 else 0.0:.2f} MB/s",
        "removals   "
        + (", ".join(f"{kind} {n}" for kind, n in tally.kinds.most_common()) or "none"),
    ]
    print("\n".join(lines), file=sys.stderr)
