"""The dev pages as training data for the line model: folds by site, each page's lines as
the model step sees them (features), and a label per line from the gold.

Shared by ``bench/train_line_model.py`` and ``bench/accuracy.py --folds``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "dev.jsonl.gz"
sys.path.insert(0, str(ROOT))

import newsclean  # noqa: E402
from newsclean.learned.features import page_features  # noqa: E402
from newsclean.modes import Mode  # noqa: E402
from newsclean.steps.base import Step  # noqa: E402
from newsclean.steps.line_model import end_markers, layout_cuts  # noqa: E402
from newsclean.view import Verdict, View  # noqa: E402

# n-grams that decide whether a line of at least N words is gold text.
N = 4
# A line whose n-grams are at least this share in the gold is article; under LOW, not.
HIGH, LOW = 0.5, 0.2
_WORD = re.compile(r"\w+")


def read_pages(path: Path = DATA) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def site(page: dict[str, Any]) -> str:
    """The page's site: its URL's host without ``www.``, else its id (a site of its own)."""
    host = urlsplit(page.get("url") or "").hostname or ""
    return host.removeprefix("www.") or page["id"]


def fold_of(page: dict[str, Any], folds: int) -> int:
    """The page's fold: a hash of its site, so all pages of a site share one fold."""
    digest = hashlib.sha256(site(page).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % folds


def _tokens(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def _grams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + N]) for i in range(len(tokens) - N + 1)}


@dataclass
class Gold:
    """What a page's gold says, in the forms the labels compare with."""

    grams: set[tuple[str, ...]]
    short_lines: set[tuple[str, ...]]
    with_snippets: list[str]
    without_snippets: list[str]

    @classmethod
    def of(cls, page: dict[str, Any]) -> Gold:
        text = page.get("gold_text") or ""
        lines = {tuple(_tokens(line)) for line in text.splitlines()}
        return cls(
            _grams(_tokens(text)),
            {line for line in lines if 0 < len(line) < N},
            [" ".join(_tokens(s)) for s in page.get("with") or [] if _tokens(s)],
            [" ".join(_tokens(s)) for s in page.get("without") or [] if _tokens(s)],
        )

    def label(self, text: str) -> int | None:
        """1 article, 0 boilerplate, ``None`` when the gold does not tell."""
        tokens = _tokens(text)
        if not tokens:
            return None
        if self.grams or self.short_lines:
            if len(tokens) < N:
                return int(tuple(tokens) in self.short_lines)
            grams = _grams(tokens)
            share = len(grams & self.grams) / len(grams)
            return 1 if share >= HIGH else 0 if share < LOW else None
        joined = " ".join(tokens)
        if any(s in joined or (len(tokens) >= N and joined in s) for s in self.with_snippets):
            return 1
        if any(s in joined or (len(tokens) >= N and joined in s) for s in self.without_snippets):
            return 0
        return None


@dataclass
class PageLines:
    """One page as the model step sees it on the first pass."""

    page_id: str
    fold: int
    texts: list[str]
    kept: list[bool]
    rows: list[list[float]]
    labels: list[int | None]


# Steps the model is trained without. The thread step removes the comment threads it
# recognises before the model runs; trained on pages without them, the model would no
# longer learn comment prose as boilerplate, and it must: on sites it never saw, many
# threads come in shapes the thread step does not know. With them, out of fold, it keeps
# more of everyone's boilerplate prose (scrapinghub sh_f1 -.010, wo_ok -.008).
UNSEEN_BY_TRAINING = ("thread",)


def in_layout_place(pipeline: newsclean.Pipeline, step: Step) -> newsclean.Pipeline:
    """``pipeline`` with ``step`` where its layout step was: the steps after the layout
    step see what the model decided, as in the default pipeline."""
    names = pipeline.steps
    position = names.index("layout")
    without = pipeline.without("layout")
    if position + 1 < len(names):
        return without.with_step(step, before=names[position + 1])
    return without.with_step(step)


class _Recorder:
    """A step in the model's place that records the first pass's view and cuts nothing."""

    name = "model"

    def __init__(self) -> None:
        self.taken: tuple[list[str], list[bool], list[list[float]]] | None = None

    def propose(self, view: View) -> list[Verdict]:
        if self.taken is None:
            size = len(view)
            texts = [view.text(index) for index in range(size)]
            kept = [not view.removed(index) for index in range(size)]
            rows = page_features(view, end_markers(view), layout_cuts(view, Mode.BALANCED))
            self.taken = (texts, kept, rows)
        return []


def capture(pages: Iterable[dict[str, Any]], folds: int, field: str = "raw_p") -> list[PageLines]:
    """Every page's lines, features and labels, cleaned by the default pipeline up to the
    step the model replaces, without the steps in :data:`UNSEEN_BY_TRAINING`."""
    recorder = _Recorder()
    pipeline = in_layout_place(
        newsclean.Pipeline.default(line_model=False).without(*UNSEEN_BY_TRAINING), recorder
    )
    captured = []
    for page in pages:
        recorder.taken = None
        pipeline.clean(page[field])
        if recorder.taken is None:
            continue
        texts, kept, rows = recorder.taken
        gold = Gold.of(page)
        pairs = zip(texts, kept, strict=True)
        labels = [gold.label(text) if alive else None for text, alive in pairs]
        captured.append(PageLines(page["id"], fold_of(page, folds), texts, kept, rows, labels))
    return captured
