"""The pipeline: normalize, segment, then passes of the steps until a pass cuts nothing.

One pass: detect the language of the pass's input (unless given), pick the rule packs,
run each step on a read-only view and accept its verdicts once it has returned, then map
what was accepted back to the source. The next pass reads what is left, exactly as the
output shows it, so cleaning the output again is the pass that cut nothing: idempotent by
construction. The line table and rule matches are kept across passes, so the confirming
pass costs little.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from newsclean.errors import ConfigError, UnknownStepError
from newsclean.extract.bylines import FIRST_KEPT_LINES
from newsclean.extract.metadata import Article, build_metadata
from newsclean.lang import Detected, detect, language_sample, warm_up
from newsclean.ledger import Ledger, PassLine, SourceVerdict
from newsclean.limits import USER_RULE_SECONDS
from newsclean.lines import LineCache, LineTable
from newsclean.model import CleanResult, Removal
from newsclean.modes import Mode
from newsclean.normalize import normalize
from newsclean.parallel import ordered_map
from newsclean.rules.loader import rules_for
from newsclean.rules.sites import site_rules_for
from newsclean.rules.user import UserPack, check_unique_ids, load_user_pack
from newsclean.sites import site_of
from newsclean.steps.base import Step
from newsclean.steps.registry import Settings, build_steps
from newsclean.view import View

# Passes over one document; the last must cut nothing. Real pages need two (the second
# confirms); more only when a cut exposes more boilerplate.
MAX_PASSES = 6


def check_text(text: object, caller: str = "clean") -> str:
    """Return ``text`` if it is a ``str``, else raise a ``TypeError`` that says what to pass."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{caller}() needs the text as str, not {type(text).__name__}; "
            "decode it first, e.g. data.decode('utf-8', errors='replace')"
        )
    raise TypeError(f"{caller}() needs the text as str, not {type(text).__name__}")


def _language_code(lang: object) -> str:
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str such as 'fr', not {type(lang).__name__}")
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if not (2 <= len(code) <= 3 and code.isascii() and code.isalpha()):
        raise ConfigError(f"lang must be an ISO 639-1 code such as 'fr' or 'en-GB', got {lang!r}")
    return code


class Pipeline:
    """An immutable sequence of named steps.

    >>> pipeline = Pipeline.default().without("author_blurb")
    >>> "author_blurb" in pipeline.steps
    False
    """

    __slots__ = ("_cache", "_rule_packs", "_steps")

    def __init__(
        self, steps: Sequence[Step], rule_packs: Sequence[str | Path | UserPack] = ()
    ) -> None:
        names = [step.name for step in steps]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ConfigError(f"step names must be unique; repeated: {', '.join(duplicates)}")
        for step in steps:
            if not isinstance(getattr(step, "name", None), str) or not callable(
                getattr(step, "propose", None)
            ):
                raise ConfigError(
                    f"{step!r} is not a step: a step has a 'name' and a 'propose(view)' method"
                )
        self._steps: tuple[Step, ...] = tuple(steps)
        self._rule_packs: tuple[UserPack, ...] = tuple(
            pack if isinstance(pack, UserPack) else load_user_pack(pack) for pack in rule_packs
        )
        check_unique_ids(self._rule_packs)
        # Facts about line texts, kept across the documents this pipeline cleans.
        self._cache = LineCache()

    @classmethod
    def default(
        cls,
        *,
        mode: str = "balanced",
        keep_dateline: bool = False,
        rule_packs: Sequence[str | Path] = (),
        line_model: bool = True,
        keep_title: bool = False,
    ) -> Pipeline:
        """All built-in steps in their standard order.

        ``mode`` trades keeping article text against removing boilerplate: it is the
        operating point of the learned line model that decides where the article is
        (``"precision"`` keeps the most article text, ``"balanced"`` is the default,
        ``"recall"`` removes the most boilerplate; see :class:`~newsclean.modes.Mode`).
        ``line_model=False`` puts the hand-written layout step in its place (whose
        precision mode leaves layout out). ``keep_dateline=True`` leaves the dateline in
        the text (it is still parsed into ``metadata.dateline``); ``keep_title=True``
        leaves the article's headline in the text as its first line (it is still
        ``metadata.title``). ``rule_packs`` are TOML files of your own rules, validated now
        (a bad one raises :class:`RulePackError` naming file, rule and problem) and applied
        after the shipped rules.
        """
        try:
            chosen = Mode(mode)
        except ValueError:
            valid = ", ".join(m.value for m in Mode)
            raise ConfigError(f"unknown mode {mode!r}; valid modes: {valid}") from None
        settings = Settings(chosen, keep_dateline, line_model, keep_title)
        return cls(build_steps(settings), rule_packs)

    @property
    def steps(self) -> tuple[str, ...]:
        """The step names, in the order they run."""
        return tuple(step.name for step in self._steps)

    def without(self, *names: str) -> Pipeline:
        """A copy without the named steps; an unknown name raises :class:`UnknownStepError`."""
        for name in names:
            if name not in self.steps:
                raise UnknownStepError(name, self.steps)
        return Pipeline([s for s in self._steps if s.name not in names], self._rule_packs)

    def with_step(
        self, step: Step, *, before: str | None = None, after: str | None = None
    ) -> Pipeline:
        """A copy with ``step`` added: at the end, or right ``before`` or ``after`` the
        named step (an unknown name raises :class:`UnknownStepError`).

        >>> from newsclean.steps import RuleStep
        >>> pipeline = Pipeline.default().without("promo")
        >>> pipeline.with_step(RuleStep("promo"), after="related").steps[9:11]
        ('related', 'promo')
        """
        if before is not None and after is not None:
            raise ConfigError("give at most one of 'before' and 'after'")
        steps = list(self._steps)
        anchor = before if before is not None else after
        if anchor is None:
            steps.append(step)
        else:
            if anchor not in self.steps:
                raise UnknownStepError(anchor, self.steps)
            position = self.steps.index(anchor) + (1 if after is not None else 0)
            steps.insert(position, step)
        return Pipeline(steps, self._rule_packs)

    def with_rule_packs(self, *packs: str | Path | UserPack) -> Pipeline:
        """A copy that also applies ``packs`` (paths, validated now, or :class:`UserPack`
        objects such as ``newsclean.learn(...).pack()``), after the ones it has."""
        return Pipeline(self._steps, (*self._rule_packs, *packs))

    def clean(self, text: str, lang: str | None = None, *, site: str | None = None) -> CleanResult:
        """Clean one text. ``lang`` (ISO 639-1) skips language detection. ``site`` (the
        page's URL or host) applies the rule packs' rules scoped to that site; a value that
        names no host applies none of them.

        >>> Pipeline.default().clean("Advertisement\\nThe council met.", lang="en").text
        'The council met.'
        """
        check_text(text)
        code = _language_code(lang) if lang is not None else None
        host = site_of(site) if site is not None and self._rule_packs else None
        source = normalize(text)
        lines = PassLine.first(source)
        table = LineTable(self._cache)
        removals: list[Removal] = []
        verdicts: list[SourceVerdict] = []
        warnings: list[str] = []
        sample: str | None = None
        detected: Detected | None = None
        language: str | None = code
        for _ in range(MAX_PASSES):
            if code is None:
                new_sample = language_sample([line.text for line in lines])
                if new_sample != sample:
                    sample, detected = new_sample, detect(new_sample)
                language = detected.language if detected is not None else None
            ledger = self._run_pass(lines, table, language, host)
            cut, carriers = ledger.in_source(source)
            removals.extend(cut)
            verdicts.extend(carriers)
            if not ledger.cut_anything():
                break
            lines = ledger.next_lines()
        else:
            warnings.append(
                f"still cutting after {MAX_PASSES} passes; the output may not be stable "
                "(cleaning it again can remove more)"
            )
        if table.budget_skips:
            warnings.append(
                f"user rules spent their {USER_RULE_SECONDS:g} s budget on this document; "
                f"{table.budget_skips} of their matches were skipped"
            )
        for rule_id, line_text in table.timeouts:
            warnings.append(
                f"rule {rule_id} timed out on a line of {len(line_text)} characters; skipped"
            )
        removals.sort(key=_start)
        confidence = detected.confidence if code is None and detected is not None else None
        article = None
        if lines:
            first_lines = [line.text for line in lines[:FIRST_KEPT_LINES]]
            start, end = lines[0].source_span()[0], lines[-1].source_span()[1]
            article = Article(source, start, end, removals, first_lines)
        metadata = build_metadata(_unique(verdicts), language, confidence, article)
        text_out = "\n".join(line.text for line in lines)
        return CleanResult(text_out, source, tuple(removals), metadata, tuple(warnings))

    def _run_pass(
        self, lines: list[PassLine], table: LineTable, language: str | None, site: str | None
    ) -> Ledger:
        rules = rules_for(language, extra=self._rule_packs)
        ledger = Ledger(lines)
        view = View(
            ledger, table, rules, language, site_rules_for(language, self._rule_packs, site)
        )
        for step in self._steps:
            ledger.accept(step.name, step.propose(view))
        return ledger

    def pipe(
        self,
        texts: Iterable[str],
        lang: str | None = None,
        *,
        workers: int = 1,
        chunksize: int = 64,
    ) -> Iterator[CleanResult]:
        """Clean many texts lazily, yielding results in input order.

        ``workers > 1`` cleans in that many processes; at most a few chunks of
        ``chunksize`` texts per worker are in flight, so memory stays bounded however long
        ``texts`` is, and each worker loads the language profiles once. Results are the
        same whatever the number of workers.

        >>> [r.text for r in Pipeline.default().pipe(["Advertisement", "Rain."], lang="en")]
        ['', 'Rain.']
        """
        if lang is not None:
            _language_code(lang)
        return ordered_map(
            _TextCleaner(self, lang),
            texts,
            workers=workers,
            chunksize=chunksize,
            warm_up=warm_up if lang is None else None,
        )

    def __repr__(self) -> str:
        return f"Pipeline(steps={list(self.steps)!r})"


def _start(removal: Removal) -> int:
    return removal.start


def _unique(verdicts: list[SourceVerdict]) -> list[SourceVerdict]:
    """The verdicts with annotations repeated by later passes (a kept dateline is seen by
    every pass) left out."""
    seen: set[tuple[tuple[tuple[int, int], ...], str]] = set()
    unique: list[SourceVerdict] = []
    for verdict in verdicts:
        if not verdict.cut:
            key = (verdict.spans, verdict.rule)
            if key in seen:
                continue
            seen.add(key)
        unique.append(verdict)
    return unique


class _TextCleaner:
    """A picklable ``pipeline.clean`` with a fixed ``lang``, for worker processes."""

    __slots__ = ("lang", "pipeline")

    def __init__(self, pipeline: Pipeline, lang: str | None) -> None:
        self.pipeline = pipeline
        self.lang = lang

    def __call__(self, text: str) -> CleanResult:
        return self.pipeline.clean(text, lang=self.lang)


_DEFAULT: Pipeline | None = None


def clean(text: str, lang: str | None = None) -> CleanResult:
    """Clean one text with the default pipeline.

    >>> result = clean("PARIS, 28 janvier (Reuters) – Le président a parlé.", lang="fr")
    >>> result.text, result.metadata.dateline.location
    ('Le président a parlé.', 'PARIS')
    """
    global _DEFAULT
    check_text(text)
    if _DEFAULT is None:
        _DEFAULT = Pipeline.default()
    return _DEFAULT.clean(text, lang=lang)
