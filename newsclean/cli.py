"""Command line: ``newsclean clean`` turns documents into JSON lines, ``newsclean explain``
shows what was cut and why."""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, Any, BinaryIO, NoReturn, TextIO

from newsclean import __version__
from newsclean.errors import NewscleanError
from newsclean.explain import explain_colored
from newsclean.lang import warm_up
from newsclean.modes import Mode
from newsclean.parallel import ordered_map
from newsclean.pipeline import Pipeline
from newsclean.records import STDIN, InputFormat, Outcome, RawRecord, RecordCleaner, read_records
from newsclean.report import html_report
from newsclean.steps import DEFAULT_STEPS

EXIT_OK = 0
EXIT_FATAL = 1  # bad arguments, unreadable configuration, unwritable output
EXIT_RECORDS_FAILED = 2  # the run finished, but some records carry an "error" object
EXIT_INTERRUPTED = 130
WHEN_CHOICES = ["auto", "always", "never"]

_EPILOG = """\
inputs: .txt files hold one document each; .jsonl / .jsonl.gz hold one JSON object per
line with the text in --text-field; '-' reads stdin (JSONL when it starts with '{').

output: one JSON line per input record, in input order. JSONL records keep their other
fields; the cleaned text goes to --output-field and metadata to "newsclean". A record that
cannot be cleaned (invalid JSON or UTF-8, missing or non-string text field, truncated
input) still gives one line, with an "error" object naming the input and line number.

exit status: 0 all records cleaned; 2 some records failed (see their "error"); 1 bad usage
or output not writable; 130 interrupted (the output holds complete lines only).
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
        description="Show a .txt document with each removed span marked in colour.",
    )
    explain.add_argument("input", metavar="FILE", help="a .txt file, or '-' for stdin")
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
    except (NewscleanError, OSError) as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return EXIT_FATAL


def _explain(args: argparse.Namespace, pipeline: Pipeline, out: TextIO, stdin: BinaryIO) -> int:
    data = stdin.read() if args.input == STDIN else Path(args.input).read_bytes()
    text = data.decode("utf-8", errors="replace")
    result = pipeline.clean(text, lang=args.lang)
    colour = _wanted(args.color, out)
    out.write((explain_colored(result) if colour else result.explain()) + "\n")
    if args.html:
        title = "standard input" if args.input == STDIN else Path(args.input).name
        Path(args.html).write_text(html_report(result, title=title), encoding="utf-8")
    return EXIT_OK


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
    """Turns SIGINT into a flag checked between records, so no line is ever half written."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> _Interrupt:
        with contextlib.suppress(ValueError):  # not in the main thread: leave SIGINT alone
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:  # a second Ctrl-C: stop now
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _open_output(path: str | None, out: TextIO | None) -> tuple[IO[str], bool]:
    if path is None:
        if out is not None:
            return out, False
        return io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n"), False
    if path.lower().endswith(".gz"):
        return gzip.open(path, "wt", encoding="utf-8", newline="\n"), True
    return open(path, "w", encoding="utf-8", newline="\n"), True


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
    cleaner = RecordCleaner(
        pipeline,
        lang=args.lang,
        text_field=args.text_field,
        output_field=args.output_field,
        with_removed=args.with_removed,
        indent=2 if args.pretty else None,
    )
    requested = InputFormat(args.format)

    def records() -> Iterator[RawRecord]:
        for path in args.inputs:
            yield from read_records(path, requested, stdin)

    positions: deque[tuple[str, int]] = deque()  # records read and not yet written

    def tracked() -> Iterator[RawRecord]:
        # The parent remembers where each record came from to report how far a run got.
        for record in records():
            positions.append((record.source, record.line))
            yield record

    tally = _Tally()
    sink, owned = _open_output(args.output, out)
    bar = _progress_bar(args.progress)
    started = time.perf_counter()
    outcomes = ordered_map(
        cleaner,
        tracked(),
        workers=args.workers,
        chunksize=args.chunksize,
        warm_up=warm_up if args.lang is None else None,
    )
    with _Interrupt() as interrupt:
        try:
            for outcome in outcomes:
                sink.write(outcome.line + "\n")
                tally.add(outcome, positions.popleft())
                if bar is not None:
                    bar.update(1)
                if interrupt.requested:
                    break
        finally:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()
            if bar is not None:
                bar.close()
            sink.flush()
            if owned:
                sink.close()
            elif sink is not out:
                sink.detach()  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - started
    if args.stats:
        _print_stats(tally, elapsed)
    if interrupt.requested:
        where = f"{tally.last[0]} line {tally.last[1]}" if tally.last else "the start"
        print(
            f"newsclean: interrupted after {tally.records} records (last written: {where}); "
            "the output holds complete lines only",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    if tally.failed:
        print(
            f"newsclean: {tally.failed} of {tally.records} records failed; "
            "their output lines carry an 'error' object",
            file=sys.stderr,
        )
        return EXIT_RECORDS_FAILED
    return EXIT_OK


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
