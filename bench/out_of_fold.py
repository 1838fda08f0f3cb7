"""Out-of-fold accuracy of the line model, beside the hand-tuned layout step.

    python bench/out_of_fold.py                 # 5 folds by site, balanced preset
    python bench/out_of_fold.py --folds 5 --mode recall
    python bench/out_of_fold.py --refits 4      # and the spread of four perturbed refits

The pages are split into folds by site (URL host; the page id where there is none). For
each fold the model is fitted on the other folds' pages and cleans this fold's pages;
the predictions of all folds together are scored: the out-of-fold figure. Beside it: the
default pipeline with the layout step (nothing in it is fitted by a script, so its score
is the same in and out of sample, but it was tuned by hand on these pages), and the model
fitted on every page (in-sample, labelled so). Pages with raw_p_cov >= 0.8.

One refit is noisy: leaving 22 of the ~1,000 training pages out moves a column by up to
.005 (docs/design-notes.md), so a change smaller than that says nothing alone.
``--refits K`` also fits each fold's model K more times, each without a different random
2% of its training pages (seeded), and prints the mean and the range of each column over
those refits: judge a change by whether its mean moves beyond the range.

The presets' decoder thresholds are kept as shipped (.15 / .25 / .35, chosen on all dev
pages on 2026-12-02), as ``bench/train_line_model.py`` keeps them: only the stumps are
fitted per fold. ``--choose-thresholds`` chooses them on each fold's training pages too;
the objective is flat there, so that choice flips between neighbours and adds up to .019
of noise to a column.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from line_data import (  # noqa: E402
    DATA,
    PageLines,
    capture,
    fold_of,
    in_layout_place,
    read_pages,
    site,
)
from train_line_model import fit, shipped_thresholds  # noqa: E402

import newsclean  # noqa: E402
from newsclean.learned.model import LineModel  # noqa: E402
from newsclean.modes import Mode  # noqa: E402
from newsclean.steps.line_model import LineModelStep  # noqa: E402

SCORER = ROOT.parent / "shared" / "tools" / "score.py"
COLUMNS = {"scrapinghub": ("sh_f1",), "trafilatura": ("with_r", "wo_ok", "sn_f1"),
           "dragnet": ("sh_f1",)}  # fmt: skip
BY = ("source", "lang")


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("newsclean_oof_score", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def model_pipeline(mode: str, model: LineModel) -> newsclean.Pipeline:
    """The default pipeline with the line model in the layout step's place."""
    step = LineModelStep(Mode(mode), model)
    return in_layout_place(newsclean.Pipeline.default(mode=mode, line_model=False), step)


def predict(
    pages: Sequence[dict[str, Any]], pipeline_for: Callable[[dict[str, Any]], newsclean.Pipeline]
) -> dict[str, str]:
    return {page["id"]: pipeline_for(page).clean(page["raw_p"]).text for page in pages}


def scores(
    data: Path, predictions: dict[str, str], by: tuple[str, ...] = ("source",)
) -> dict[str, dict[str, float]]:
    """At raw_p_cov >= 0.8: ``"ALL"`` and per group (``"source=dragnet"``, ``"lang=de"``)."""
    scorer = _scorer()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for page_id, text in predictions.items():
            handle.write(json.dumps({"id": page_id, "text": text}, ensure_ascii=False) + "\n")
    groups, _, _, _ = scorer.score(str(data), handle.name, by, 0.8, "raw_p_cov")
    Path(handle.name).unlink()
    return dict(groups)


def row(label: str, found: dict[str, dict[str, float]]) -> str:
    cells = [
        f"{found.get('source=' + source, {}).get(column) or 0:.4f}"
        for source, columns in COLUMNS.items()
        for column in columns
    ]
    return f"{label:<34}" + "".join(f"{cell:>10}" for cell in cells)


def language_rows(results: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    """Per language: pages, then sh_f1 (pages with a gold text) and sn_f1 (snippet pages)
    of each result."""
    languages = sorted(
        (name for name in next(iter(results.values())) if name.startswith("lang=")),
        key=lambda name: -int(next(iter(results.values()))[name]["n"]),
    )
    lines = [f"{'lang':<6}{'pages':>6}" + "".join(f"{label[:22]:>24}" for label in results)]
    lines.append(f"{'':<12}" + "".join(f"{'sh_f1':>12}{'sn_f1':>12}" for _ in results))
    for name in languages:
        first = next(iter(results.values()))[name]
        cells = ""
        for found in results.values():
            group = found[name]
            cells += "".join(
                f"{group[column]:>12.3f}" if group.get(column) is not None else f"{'-':>12}"
                for column in ("sh_f1", "sn_f1")
            )
        lines.append(f"{name.removeprefix('lang='):<6}{int(first['n']):>6}" + cells)
    return lines


def out_of_fold_models(
    captured: Sequence[PageLines],
    folds: int,
    left_out: frozenset[str] = frozenset(),
    thresholds: dict[str, float] | None = None,
) -> dict[int, LineModel]:
    """Per fold, the model fitted on the other folds' pages (but those in ``left_out``);
    ``thresholds``: the presets' thresholds to keep (else chosen on those pages)."""
    return {
        fold: fit([p for p in captured if p.fold != fold and p.page_id not in left_out], thresholds)
        for fold in range(folds)
    }


def _pipeline_of(
    pipelines: dict[int, newsclean.Pipeline], folds: int, page: dict[str, Any]
) -> newsclean.Pipeline:
    return pipelines[fold_of(page, folds)]


# Each perturbed refit leaves out this share of the pages, drawn with its own seed.
LEFT_OUT_SHARE = 0.02


def refit_spread(
    data: Path, pages: Sequence[dict[str, Any]], captured: Sequence[PageLines], args: Any
) -> list[str]:
    """Lines giving, per column, the mean and the range of ``args.refits`` out-of-fold
    scores, each refit without a different random ``LEFT_OUT_SHARE`` of the pages."""
    ids = sorted(page.page_id for page in captured)
    runs: list[dict[str, dict[str, float]]] = []
    for seed in range(1, args.refits + 1):
        left_out = frozenset(random.Random(seed).sample(ids, int(len(ids) * LEFT_OUT_SHARE)))
        models = out_of_fold_models(captured, args.folds, left_out, fixed_thresholds(args))
        pipelines = {fold: model_pipeline(args.mode, model) for fold, model in models.items()}
        runs.append(scores(data, predict(pages, partial(_pipeline_of, pipelines, args.folds))))
    lines = []
    for label, pick in (("mean", statistics.fmean), ("lowest", min), ("highest", max)):
        cells = [
            pick(run.get("source=" + source, {}).get(column) or 0.0 for run in runs)
            for source, columns in COLUMNS.items()
            for column in columns
        ]
        lines.append(
            f"{label + f' of {args.refits} refits':<34}" + "".join(f"{c:>10.4f}" for c in cells)
        )
    return lines


def fixed_thresholds(args: Any) -> dict[str, float] | None:
    """The shipped model's thresholds, kept as ``bench/train_line_model.py`` keeps them;
    ``None`` (chosen on each fold's training pages) with ``--choose-thresholds``."""
    return None if args.choose_thresholds else shipped_thresholds()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--mode", default="balanced", choices=[m.value for m in Mode])
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument(
        "--refits", type=int, default=0, help="perturbed refits whose spread to print (0: none)"
    )
    parser.add_argument(
        "--choose-thresholds",
        action="store_true",
        help="choose the presets' thresholds on each fold's pages (else keep the shipped ones)",
    )
    args = parser.parse_args()
    if not args.data.exists() or not SCORER.exists():
        print(f"benchmark data or scorer not found ({args.data}); nothing to do")
        return 0
    pages = read_pages(args.data)
    sites = {site(page) for page in pages}
    print(f"{len(pages)} pages, {len(sites)} sites, {args.folds} folds by site")
    captured = capture(pages, args.folds)
    models = out_of_fold_models(captured, args.folds, thresholds=fixed_thresholds(args))
    pipelines = {fold: model_pipeline(args.mode, model) for fold, model in models.items()}
    layout = newsclean.Pipeline.default(mode=args.mode, line_model=False)
    results = {
        "layout (hand-tuned)": scores(args.data, predict(pages, lambda page: layout), BY),
        "model, out-of-fold": scores(
            args.data, predict(pages, lambda page: pipelines[fold_of(page, args.folds)]), BY
        ),
    }
    everything = model_pipeline(args.mode, fit(captured, fixed_thresholds(args)))
    results["model, in-sample (all pages)"] = scores(
        args.data, predict(pages, lambda page: everything), BY
    )
    header = "".join(
        f"{source[:6] + ' ' + column:>10}" for source, cols in COLUMNS.items() for column in cols
    )
    print(f"\nmode={args.mode}, pages with raw_p_cov >= 0.8\n{'':<34}{header}")
    for label, found in results.items():
        print(row(label, found))
    print("\nper language (pages with raw_p_cov >= 0.8)")
    print("\n".join(language_rows(results)))
    thresholds = {fold: model.thresholds[args.mode] for fold, model in models.items()}
    how = "chosen per fold" if args.choose_thresholds else "kept as shipped"
    print(f"\nthresholds {how} ({args.mode}): {thresholds}")
    if args.refits:
        print(f"\nout-of-fold, each refit without {LEFT_OUT_SHARE:.0%} of the pages at random")
        print("\n".join(refit_spread(args.data, pages, captured, args)))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
