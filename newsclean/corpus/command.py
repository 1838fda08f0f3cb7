"""``newsclean learn``: learn site rules from a corpus, show the evidence, write the pack."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import BinaryIO, TextIO

from newsclean.corpus.decide import Candidate, Outcome, is_template
from newsclean.corpus.inputs import learn_from_inputs
from newsclean.corpus.learner import LearnedRules
from newsclean.pipeline import Pipeline
from newsclean.records import STDIN
from newsclean.terminal import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    UsageError,
    printable,
    write_atomically,
)

# Candidates shown per site in a review, most frequent first.
REVIEW_PER_SITE = 40


def learn_inputs(
    args: argparse.Namespace,
    pipeline: Pipeline,
    stdin: BinaryIO,
    inputs: list[str] | None = None,
) -> LearnedRules:
    """The learning pass over ``inputs`` (default ``args.inputs``), for ``learn`` and
    ``clean --learn-sites``."""
    inputs = list(args.inputs) if inputs is None else inputs
    if not inputs:
        raise UsageError("no inputs: name the JSONL files to learn from")
    return learn_from_inputs(
        inputs,
        pipeline,
        stdin,
        text_field=args.text_field,
        site_field=args.site_field,
        id_field=args.id_field,
        lang=args.lang,
        min_pages=args.min_pages,
        min_share=args.min_share,
        workers=args.workers,
        chunksize=args.chunksize,
        max_record_bytes=args.max_record_bytes,
        max_records=getattr(args, "learn_sample", None),
    )


def run_learn(args: argparse.Namespace, pipeline: Pipeline, out: TextIO, stdin: BinaryIO) -> int:
    """Run ``newsclean learn``: the pack to ``-o`` (or stdout), the review with ``--review``."""
    if STDIN in args.inputs and len(args.inputs) > 1:
        raise UsageError("'-' must be the only input")
    try:
        learned = learn_inputs(args, pipeline, stdin)
    except KeyboardInterrupt:
        print("newsclean: interrupted; no rule pack written", file=sys.stderr)
        return EXIT_INTERRUPTED
    if args.review:
        out.write(review(learned, args.min_pages, args.min_share))
    if args.output is not None:
        write_atomically(Path(args.output), learned.toml)
    elif not args.review:
        out.write(learned.toml)
    out.flush()
    return EXIT_OK


def summary(learned: LearnedRules) -> str:
    """One line: pages, sites, rules learned."""
    sites = len({candidate.site for candidate in learned.learned})
    return (
        f"{len(learned.learned)} rules for {sites} sites, learned from {learned.pages} pages "
        f"of {learned.sites} sites ({learned.pages_skipped} pages without a text or site "
        "skipped)"
    )


def review(learned: LearnedRules, min_pages: int, min_share: float) -> str:
    """The candidates of every site with their evidence and what was decided."""
    rows = [
        f"# {summary(learned)}; a line is learned on >= {min_pages} pages and >= "
        f"{min_share:.0%} of its site's pages",
        "",
    ]
    by_site: dict[str, list[Candidate]] = {}
    for candidate in learned.candidates:
        if candidate.outcome is not Outcome.TOO_FEW_PAGES:
            by_site.setdefault(candidate.site, []).append(candidate)
    invalid = {id(candidate): problem for candidate, problem in learned.invalid}
    for site, candidates in by_site.items():
        outcomes = Counter(candidate.outcome for candidate in candidates)
        rows.append(
            f"## {site}: {candidates[0].site_stories} pages; "
            + ", ".join(f"{outcome.value} {n}" for outcome, n in outcomes.most_common())
        )
        for candidate in candidates[:REVIEW_PER_SITE]:
            rows.append(_row(candidate, invalid.get(id(candidate))))
        if len(candidates) > REVIEW_PER_SITE:
            rows.append(f"  … {len(candidates) - REVIEW_PER_SITE} more")
        rows.append("")
    return "\n".join(rows) + "\n"


def _row(candidate: Candidate, problem: str | None) -> str:
    mark = "+" if candidate.learned and problem is None else "-"
    where = " ".join(f"{position.value}:{n}" for position, n in candidate.positions)
    verdict = candidate.outcome.value
    if candidate.learned:
        verdict = f"{candidate.kind.value} ({candidate.kind_from})"
        if candidate.ends_article:
            verdict += ", ends the article"
    elif candidate.removed_by:
        verdict += f" ({candidate.removed_by})"
    if problem is not None:
        verdict = f"invalid: {problem}"
    line = candidate.key if is_template(candidate.key) else candidate.variants[0]
    shown = line if len(line) <= 70 else line[:69] + "…"
    return printable(
        f"  {mark} {candidate.stories:>4} pages {candidate.share:>4.0%}  {where:<28} "
        f"{shown!r}  {verdict}"
    )
