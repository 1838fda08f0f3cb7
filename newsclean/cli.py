"""Command line: ``newsclean clean`` prints JSON lines, ``newsclean explain`` shows verdicts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from newsclean import __version__
from newsclean.errors import NewscleanError
from newsclean.model import CleanResult
from newsclean.pipeline import Pipeline
from newsclean.steps import DEFAULT_STEPS

EXIT_OK = 0
EXIT_USAGE = 1


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _record(path: str, result: CleanResult, with_removed: bool) -> dict[str, Any]:
    info: dict[str, Any] = {"metadata": result.metadata.to_dict()}
    if with_removed:
        info["removed"] = [removal.to_dict() for removal in result.removed]
    if result.warnings:
        info["warnings"] = list(result.warnings)
    return {"file": path, "text": result.text, "newsclean": info}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean raw scraped news text into article text plus metadata.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    def add_common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--lang", help="ISO 639-1 code; skips language detection")
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

    clean = commands.add_parser(
        "clean",
        help="clean .txt files (one document each, '-' for stdin) into JSON lines",
        description="Print one JSON object per input file: its cleaned text and metadata.",
    )
    clean.add_argument("inputs", nargs="+", metavar="INPUT")
    add_common(clean)
    clean.add_argument("--with-removed", action="store_true", help="include removed spans")
    clean.add_argument("--pretty", action="store_true", help="indented JSON for reading")

    explain = commands.add_parser(
        "explain", help="show each line of a file with its verdict and rule"
    )
    explain.add_argument("input", metavar="FILE")
    add_common(explain)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = out or sys.stdout
    args = _parser().parse_args(argv)
    try:
        pipeline = Pipeline.default(keep_dateline=args.keep_dateline).without(*args.without)
        if args.command == "explain":
            out.write(pipeline.clean(_read(args.input), lang=args.lang).explain() + "\n")
            return EXIT_OK
        for path in args.inputs:
            result = pipeline.clean(_read(path), lang=args.lang)
            record = _record(path, result, args.with_removed)
            out.write(json.dumps(record, ensure_ascii=False, indent=2 if args.pretty else None))
            out.write("\n")
    except (NewscleanError, OSError) as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
