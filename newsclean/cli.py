"""Command line: ``newsclean clean`` turns documents into JSON lines, ``newsclean explain``
shows what was cut and why, ``newsclean learn`` learns each site's furniture from a corpus."""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn, TextIO

from newsclean import __version__
from newsclean.errors import NewscleanError
from newsclean.modes import Mode
from newsclean.records import MAX_RECORD_BYTES, STDIN, InputFormat
from newsclean.terminal import (
    EXIT_FATAL,
    EXIT_OK,
    WHEN_CHOICES,
    UsageError,
    printable,
    printable_keeping_colour,
    wanted_colour,
    write_atomically,
)

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline

# The heavy modules (the pipeline, its rule packs, ftfy, langdetect) are imported only
# when a command runs, so that --help answers at once.

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


class _Help(argparse.RawDescriptionHelpFormatter):
    """Lists the step names under --without only when help is shown (reading them loads
    the steps, which the other commands do later anyway)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help
        if action.dest == "without" and text is not None:
            from newsclean.steps import DEFAULT_STEPS

            text = f"{text}: {', '.join(DEFAULT_STEPS)}"
        return text


def _encoding(value: str) -> str:
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be a positive integer")
    return number


def _share(value: str) -> float:
    number = float(value)
    if not 0.0 < number <= 1.0:
        raise argparse.ArgumentTypeError("must be a share in (0, 1]")
    return number


def _at_least_two(value: str) -> int:
    number = int(value)
    if number < 2:
        raise argparse.ArgumentTypeError("must be at least 2")
    return number


def _add_worker_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--workers", type=_positive, default=1, help="processes (default: 1)")
    sub.add_argument(
        "--chunksize", type=_positive, default=32, help="records per task sent to a worker"
    )


def _add_learning_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--id-field", default="id", help="JSONL field naming each page in the evidence"
    )
    sub.add_argument(
        "--min-pages",
        type=_at_least_two,
        default=3,
        help="learn a line seen on at least this many of a site's pages (default: 3)",
    )
    sub.add_argument(
        "--min-share",
        type=_share,
        default=0.5,
        help="... and on at least this share of them (default: 0.5)",
    )


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
            help="drop a step (repeatable)",
        )
        sub.add_argument(
            "--keep-dateline", action="store_true", help="leave the dateline in the text"
        )
        sub.add_argument(
            "--keep-title",
            action="store_true",
            help="leave the headline in the text (it is still metadata.title)",
        )
        sub.add_argument(
            "--line-model",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="the learned line model decides where the article is (the default); "
            "--no-line-model: the hand-written layout step",
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
        formatter_class=_Help,
    )
    clean.add_argument("inputs", nargs="*", metavar="INPUT", help="files, or '-' for stdin")
    clean.add_argument(
        "-o", "--output", metavar="OUT", help="write here (.gz, .bz2, .zst compress)"
    )
    clean.add_argument(
        "--input-dir",
        metavar="DIR",
        help="also clean every .txt / .jsonl file under DIR, recursively",
    )
    clean.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write one output file per input under DIR, mirroring --input-dir's tree "
        "(JSONL inputs keep their names; a .txt document becomes .jsonl)",
    )
    clean.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        help="how .txt documents are encoded (default: utf-8; JSONL is always UTF-8)",
    )
    clean.add_argument(
        "--format",
        choices=[f.value for f in InputFormat],
        default=InputFormat.AUTO.value,
        help="how to read inputs (default: by extension)",
    )
    clean.add_argument("--text-field", default="text", help="JSONL field to clean")
    clean.add_argument(
        "--site-field",
        metavar="FIELD",
        help="JSONL field with each record's URL or host: rules scoped to a site apply to "
        "its pages (with --learn-sites: default url)",
    )
    clean.add_argument(
        "--learn-sites",
        action="store_true",
        help="first learn each site's furniture from the inputs (newsclean learn), then "
        "clean with the learned rules; reads the inputs twice",
    )
    clean.add_argument(
        "--learn-sample",
        type=_positive,
        metavar="N",
        help="with --learn-sites: learn from the first N records only",
    )
    clean.add_argument(
        "--learned-rules",
        metavar="PACK.toml",
        help="with --learn-sites: also write the learned rule pack here, for review",
    )
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
    _add_learning_options(clean)
    _add_worker_options(clean)
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

    learn = commands.add_parser(
        "learn",
        help="learn each site's recurring furniture from a JSONL corpus as a rule pack",
        description="Learn, per site, the lines its pages repeat (exactly, or with numbers\n"
        "and capitalised names varying) and write them as site-scoped rules, each with\n"
        "its evidence: on how many pages, where on the page, example pages.",
        formatter_class=_Help,
    )
    learn.add_argument("inputs", nargs="*", metavar="CORPUS", help="JSONL files, or '-'")
    learn.add_argument(
        "-o", "--output", metavar="PACK.toml", help="write the rule pack here (default: stdout)"
    )
    learn.add_argument(
        "--review",
        action="store_true",
        help="print every candidate line with its evidence and what was decided",
    )
    learn.add_argument("--text-field", default="text", help="JSONL field with the page text")
    learn.add_argument(
        "--site-field", default="url", help="JSONL field with the URL or host (default: url)"
    )
    _add_learning_options(learn)
    add_pipeline_options(learn)
    _add_worker_options(learn)
    learn.add_argument(
        "--max-record-bytes",
        type=_positive,
        default=MAX_RECORD_BYTES,
        help="larger records are skipped",
    )

    explain = commands.add_parser(
        "explain",
        help="show a document with each removed span marked, with its kind and rule",
        description="Show a document (a .txt file, or one record of a .jsonl / .jsonl.gz) "
        "with each removed span marked in colour.",
        formatter_class=_Help,
    )
    explain.add_argument("input", metavar="FILE", help="a .txt or .jsonl(.gz) file, or '-'")
    explain.add_argument(
        "--record", type=_positive, metavar="N", help="the JSONL record on line N (default: 1)"
    )
    explain.add_argument("--id", metavar="ID", help="the JSONL record whose 'id' field is ID")
    explain.add_argument("--text-field", default="text", help="JSONL field to explain")
    explain.add_argument(
        "--site-field",
        metavar="FIELD",
        help="JSONL field with the record's URL or host (applies site-scoped rules)",
    )
    add_pipeline_options(explain)
    explain.add_argument(
        "--color",
        choices=WHEN_CHOICES,
        default="auto",
        help="colour the terminal output (auto: when stdout is a terminal, unless NO_COLOR "
        "is set; FORCE_COLOR colours any output)",
    )
    explain.add_argument(
        "--html", metavar="REPORT", help="also write a self-contained HTML report here"
    )
    return parser


def _pipeline(args: argparse.Namespace) -> Pipeline:
    from newsclean.pipeline import Pipeline

    pipeline = Pipeline.default(
        mode=args.mode,
        keep_dateline=args.keep_dateline,
        keep_title=args.keep_title,
        rule_packs=args.rules,
        line_model=args.line_model,
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
            _warn_without_pack(args.lang)
        if args.command == "explain":
            return _explain(args, pipeline, out or sys.stdout, stdin)
        if args.command == "learn":
            from newsclean.corpus.command import run_learn

            return run_learn(args, pipeline, out or sys.stdout, stdin)
        if args.learn_sites:
            pipeline = _with_learned_rules(args, pipeline, stdin)
        elif args.learned_rules is not None or args.learn_sample is not None:
            raise UsageError("--learned-rules and --learn-sample need --learn-sites")
        from newsclean.batch import run_clean

        return run_clean(args, pipeline, out, stdin)
    except (NewscleanError, OSError, UsageError, ValueError) as exc:
        print(f"newsclean: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_FATAL


def _with_learned_rules(args: argparse.Namespace, pipeline: Pipeline, stdin: BinaryIO) -> Pipeline:
    """``clean --learn-sites``: learn from the inputs, then clean with what was learned."""
    from newsclean.corpus.command import learn_inputs, summary

    if STDIN in args.inputs:
        raise UsageError("--learn-sites reads its inputs twice: name JSONL files, not '-'")
    if args.site_field is None:
        args.site_field = "url"
    inputs = list(args.inputs)
    if args.input_dir is not None:
        from newsclean.batch import directory_inputs

        inputs += directory_inputs(args.input_dir)
    learned = learn_inputs(args, pipeline, stdin, inputs)
    print(f"newsclean: learned {summary(learned)}", file=sys.stderr)
    if args.learned_rules is not None:
        write_atomically(Path(args.learned_rules), learned.toml)
    return pipeline.with_rule_packs(learned.pack(origin=args.learned_rules or "<learned>"))


def _warn_without_pack(lang: str) -> None:
    """One warning when no shipped pack holds ``lang``'s phrases (the code is valid)."""
    from newsclean.pipeline import _language_code
    from newsclean.rules.loader import available_languages

    code = _language_code(lang)
    shipped = [name for name in available_languages() if name != "universal"]
    if code not in shipped:
        print(
            f"newsclean: warning: no rule pack for language {code!r} (packs: "
            f"{', '.join(shipped)}); only the language-independent rules apply",
            file=sys.stderr,
        )


def _explain(args: argparse.Namespace, pipeline: Pipeline, out: TextIO, stdin: BinaryIO) -> int:
    from newsclean.explain import explain_colored

    text, site = _explained_text(args, stdin)
    result = pipeline.clean(text, lang=args.lang, site=site)
    colour = wanted_colour(args.color, out)
    shown = explain_colored(result) if colour else result.explain()
    out.write(printable_keeping_colour(shown) + "\n")
    if args.html:
        name = "standard input" if args.input == STDIN else Path(args.input).name
        # A file name that is not UTF-8 (undecodable bytes) is shown with replacements.
        title = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        from newsclean.report import html_report

        write_atomically(Path(args.html), html_report(result, title=title))
    return EXIT_OK


def _explained_text(args: argparse.Namespace, stdin: BinaryIO) -> tuple[str, str | None]:
    """The text ``explain`` shows (a .txt document, or one JSONL record's text field) and
    the record's site (its ``--site-field``)."""
    data = stdin.read() if args.input == STDIN else Path(args.input).read_bytes()
    name = args.input.lower()
    if data[:2] == b"\x1f\x8b":
        if not name.endswith(".gz"):
            raise UsageError(f"{args.input} is gzip-compressed; name it .gz to read it")
        data = gzip.decompress(data)
    is_jsonl = name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz"))
    is_jsonl = is_jsonl or (args.record is not None or args.id is not None)
    if b"\x00" in data[:65536]:
        raise UsageError(f"{args.input} holds binary data, not text; nothing to explain")
    if not is_jsonl:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace"), None
    for number, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").splitlines(), start=1):
        if not raw.strip():
            continue
        if args.record is not None and number != args.record:
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValueError):
            if args.id is None:
                raise UsageError(f"{args.input} line {number} is not a JSON object") from None
            continue
        if not isinstance(record, dict):
            continue
        if args.id is not None and str(record.get("id")) != args.id:
            continue
        value = record.get(args.text_field)
        if not isinstance(value, str):
            raise UsageError(
                f"{args.input} line {number} has no string field {args.text_field!r}; "
                f"its fields: {', '.join(sorted(map(str, record))) or 'none'}"
            )
        site = record.get(args.site_field) if args.site_field else None
        return value, site if isinstance(site, str) else None
    wanted = f"id {args.id!r}" if args.id is not None else f"line {args.record or 1}"
    raise UsageError(f"{args.input} has no record at {wanted}")
