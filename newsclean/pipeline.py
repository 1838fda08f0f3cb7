"""The pipeline: normalize, segment, detect the language, run the filters, cut once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import regex

from newsclean.document import Document
from newsclean.errors import ConfigError, UnknownStepError
from newsclean.extract.metadata import build_metadata
from newsclean.filters import FILTERS, DatelineFilter, Filter, RuleLineFilter
from newsclean.lang import Detected, detect, language_sample, warm_up
from newsclean.limits import REGEX_TIMEOUT
from newsclean.model import CleanResult, Removal, Segment
from newsclean.modes import Mode
from newsclean.normalize import normalize
from newsclean.parallel import ordered_map
from newsclean.rules.loader import FALLBACK_LANGUAGE, available_languages, rules_for
from newsclean.rules.user import UserPack, load_user_pack
from newsclean.segment import rebuild_text, segment

_LANG_CODE = regex.compile(r"[a-z]{2,3}")
# Re-detections allowed when cleaning changes what the language sample sees.
_LANGUAGE_ROUNDS = 2
# Rounds of line rules over partly cut lines after all steps ran (see Pipeline._settle).
_SETTLE_ROUNDS = 3


def _language_of(detected: Detected | None) -> tuple[str | None, float | None]:
    if detected is None:
        return None, None
    return detected.language, detected.confidence


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
    if not _LANG_CODE.fullmatch(code, timeout=REGEX_TIMEOUT):
        raise ConfigError(f"lang must be an ISO 639-1 code such as 'fr' or 'en-GB', got {lang!r}")
    return code


class Pipeline:
    """An immutable sequence of named filter steps.

    >>> pipeline = Pipeline.default().without("author_blurb")
    >>> "author_blurb" in pipeline.steps
    False
    """

    __slots__ = ("_filters", "_rule_packs")

    def __init__(
        self, filters: Sequence[Filter], rule_packs: Sequence[str | Path | UserPack] = ()
    ) -> None:
        names = [f.name for f in filters]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ConfigError(f"step names must be unique; repeated: {', '.join(duplicates)}")
        self._filters: tuple[Filter, ...] = tuple(filters)
        self._rule_packs: tuple[UserPack, ...] = tuple(
            pack if isinstance(pack, UserPack) else load_user_pack(pack) for pack in rule_packs
        )

    @classmethod
    def default(
        cls,
        *,
        mode: str = "balanced",
        keep_dateline: bool = False,
        rule_packs: Sequence[str | Path] = (),
    ) -> Pipeline:
        """All built-in steps in their standard order.

        ``mode`` trades keeping article text against removing boilerplate:
        ``"precision"`` removes only what rules name, ``"balanced"`` (the default) adds
        the block and neighbour heuristics, ``"recall"`` removes page chrome more
        aggressively. ``keep_dateline=True`` leaves the dateline in the text (it is still
        parsed into ``metadata.dateline``). ``rule_packs`` are TOML files of your own rules,
        validated now (a bad one raises :class:`RulePackError` naming file, rule and
        problem) and applied after the shipped rules.
        """
        try:
            chosen = Mode(mode)
        except ValueError:
            valid = ", ".join(m.value for m in Mode)
            raise ConfigError(f"unknown mode {mode!r}; valid modes: {valid}") from None
        filters: list[Filter] = []
        for name, factory in FILTERS.items():
            if name == "dateline" and keep_dateline:
                filters.append(DatelineFilter(keep_in_text=True))
            else:
                filters.append(factory(chosen))
        return cls(filters, rule_packs)

    @property
    def steps(self) -> tuple[str, ...]:
        """The step names, in the order they run."""
        return tuple(f.name for f in self._filters)

    def without(self, *names: str) -> Pipeline:
        """A copy without the named steps; an unknown name raises :class:`UnknownStepError`."""
        for name in names:
            if name not in self.steps:
                raise UnknownStepError(name, self.steps)
        return Pipeline([f for f in self._filters if f.name not in names], self._rule_packs)

    def clean(self, text: str, lang: str | None = None) -> CleanResult:
        """Clean one text. ``lang`` (ISO 639-1) skips language detection.

        >>> Pipeline.default().clean("Advertisement\\nThe council met.", lang="en").text
        'The council met.'
        """
        check_text(text)
        source = normalize(text)
        segments = segment(source)
        if lang is not None:
            return self._run(source, segments, [_language_code(lang)], None)
        # Detect on the input, then confirm on the output: boilerplate in another language
        # can sway the first guess, and cleaning the output again must find the language
        # the output was cleaned with (idempotence). A second call happens only when
        # cleaning changed the sampled lines.
        sample = language_sample(segments)
        detected = detect(sample)
        languages = [_language_of(detected)[0]]
        result = self._run(source, segments, languages, detected)
        for _ in range(_LANGUAGE_ROUNDS):
            kept_sample = language_sample(segment(result.text))
            if kept_sample == sample:
                break
            confirmed = detect(kept_sample)
            if confirmed is None:
                # Too little text left to tell: keep the language the input showed. Cleaning
                # the output again will not tell either and will use the fallback pack, so
                # that pack must have been applied too.
                if _reads_as_fallback(languages):
                    break
                languages.append(None)
                sample = kept_sample
                result = self._run(source, segments, languages, detected)
                continue
            if confirmed.language in languages:
                # The output reads as a language whose rules were applied: cleaning it
                # again applies a subset of them and removes nothing more.
                result = replace(
                    result,
                    metadata=replace(
                        result.metadata,
                        language=confirmed.language,
                        language_confidence=confirmed.confidence,
                    ),
                )
                break
            # Apply the new language's rules on top of those already applied, so that
            # whichever of them the output is later detected as, nothing more goes.
            languages.append(confirmed.language)
            sample = kept_sample
            result = self._run(source, segments, languages, confirmed)
        else:
            # The detections did not settle (text mixing languages, or junk): apply every
            # pack, so that whatever language the output is later read as, its rules are a
            # subset of those applied and cleaning again removes nothing more.
            every = [*languages, *(code for code in available_languages() if code not in languages)]
            result = self._run(source, segments, every, confirmed)
        return result

    def _run(
        self,
        source: str,
        segments: tuple[Segment, ...],
        languages: list[str | None],
        detected: Detected | None,
    ) -> CleanResult:
        rules = rules_for(*languages, extra=self._rule_packs)
        doc = Document(source, segments, languages[-1], rules)
        # The document's state (as a count of accepted cuts) right after a step that wants
        # a fixpoint ran and cut nothing: if nothing changes later, it is already stable.
        stable_at = -1
        for _ in range(_SETTLE_ROUNDS):
            for step in self._filters:
                if not _apply([step], doc) and _repeats_until_stable(step):
                    stable_at = len(doc.accepted)
            if not self._settle(doc):
                break
            # Settling cut more of some lines: what the other steps see changed (two lines
            # may now read the same), so all steps run again, as a second run would.
        if stable_at != len(doc.accepted):
            self._repeat_until_stable(doc)
        cuts = sorted(doc.accepted, key=lambda p: p.start)
        removed = tuple(
            Removal(p.start, p.end, source[p.start : p.end], p.kind, p.rule, p.step) for p in cuts
        )
        text_out = rebuild_text(source, [(r.start, r.end) for r in removed])
        language, confidence = (
            _language_of(detected) if detected is not None else (languages[-1], None)
        )
        metadata = build_metadata([*cuts, *doc.annotations], language, confidence)
        return CleanResult(text_out, source, removed, metadata, tuple(doc.warnings))

    def _settle(self, doc: Document) -> int:
        """Run the line-rule steps again over partly cut lines until nothing more is cut;
        returns how many cuts that added.

        A later step's edge cut ("… Read more") can leave a line that an earlier step's
        rule now matches; cleaning the output again would cut it, so it is cut now.
        """
        line_steps = [step for step in self._filters if isinstance(step, RuleLineFilter)]
        checked: dict[int, str] = {}
        added = 0
        for _ in range(_SETTLE_ROUNDS):
            remaining = {index: doc.remaining(index) for index in doc.partly_cut_lines()}
            changed = {i: text for i, text in remaining.items() if checked.get(i) != text}
            if not changed:
                break
            checked.update(changed)
            doc.focus = frozenset(changed)
            try:
                added += _apply(line_steps, doc)
            finally:
                doc.focus = None
        return added

    def _repeat_until_stable(self, doc: Document) -> None:
        """Run the steps that judge lines by their kept neighbours (``layout``) again until
        they cut nothing more: their first verdict changes the neighbours, and a second
        run over the output must find nothing left to cut."""
        steps = [step for step in self._filters if _repeats_until_stable(step)]
        for _ in range(_SETTLE_ROUNDS):
            if not _apply(steps, doc):
                return

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


def _apply(steps: Iterable[Filter], doc: Document) -> int:
    """Run ``steps`` in order, accepting their proposals; returns how many cuts were added."""
    before = len(doc.accepted)
    for step in steps:
        for proposal in step.propose(doc):
            doc.accept(proposal)
    return len(doc.accepted) - before


def _reads_as_fallback(languages: list[str | None]) -> bool:
    """Whether the packs for ``languages`` include the one an undetected text gets."""
    return (
        None in languages
        or FALLBACK_LANGUAGE in languages
        or any(code not in available_languages() for code in languages if code is not None)
    )


def _repeats_until_stable(step: Filter) -> bool:
    """Whether the step asks to be re-run until it cuts nothing more (see LayoutFilter)."""
    return bool(getattr(step, "repeat_until_stable", False))


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
