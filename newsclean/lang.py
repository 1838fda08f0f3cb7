"""Language identification: langdetect through a private, seeded factory on a bounded sample.

The factory is built lazily, once per process, and never touches langdetect's global
factory or its class-level seed, so results are the same on every run and machine.
"""

from __future__ import annotations

import heapq
import importlib
import importlib.util
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from newsclean.limits import LANGUAGE_SAMPLE_CHARS

_SEED = 0
_MIN_SAMPLE_LETTERS = 20
# Lines considered for the sample: the longest ones, which are body text far more often
# than boilerplate. Bounded so the choice costs O(lines), not a full sort.
_SAMPLE_LINES = 32

_factory_lock = threading.Lock()
_factory: object | None = None
# Factories loaded by use_backend, by backend name.
_loaded: dict[str, object] = {}


@dataclass(frozen=True, slots=True)
class Detected:
    """A detected language (ISO 639-1) and langdetect's probability for it."""

    language: str
    confidence: float


def backend_name() -> str:
    """The langdetect implementation in use: ``langdetect_rs`` when installed, else ``langdetect``.

    ``langdetect_rs`` (the ``newsclean[fast]`` extra) gives the same probabilities, bit for
    bit, about thirty times faster; ``tests/test_lang_backends.py`` checks that.
    """
    return "langdetect_rs" if importlib.util.find_spec("langdetect_rs") else "langdetect"


def use_backend(name: str | None) -> None:
    """Pick the langdetect implementation (``"langdetect"`` or ``"langdetect_rs"``) for
    this process; ``None`` goes back to the default. Results are the same with either;
    benchmarks use this to time both. Each backend's profiles load once per process, so
    switching back and forth costs nothing after the first time."""
    global _factory
    with _factory_lock:
        if name is None:
            _factory = None
            return
        if name not in _loaded:
            _loaded[name] = load_factory(name)
        _factory = _loaded[name]


def _get_factory() -> object:
    global _factory
    if _factory is None:
        with _factory_lock:
            if _factory is None:
                _factory = load_factory(backend_name())
    return _factory


def load_factory(backend: str) -> object:
    """A new detector factory of ``backend`` with every profile loaded and the seed fixed."""
    module = importlib.import_module(f"{backend}.detector_factory")
    factory = module.DetectorFactory()
    factory.load_profile(module.PROFILES_DIRECTORY)
    factory.set_seed(_SEED)
    return factory


def warm_up() -> None:
    """Load the language profiles now (once per process) instead of on the first detection."""
    _get_factory()


def language_sample(lines: Sequence[str], limit: int = LANGUAGE_SAMPLE_CHARS) -> str:
    """Up to ``limit`` characters from the longest distinct lines, in document order.

    >>> language_sample(["Menu", "A long sentence of body text.", "Home"], limit=12)
    'A long sente'
    """
    longest = heapq.nlargest(_SAMPLE_LINES, range(len(lines)), key=lambda i: (len(lines[i]), -i))
    chosen: list[int] = []
    seen: set[str] = set()
    total = 0
    for index in longest:
        text = lines[index]
        if text in seen:
            continue
        seen.add(text)
        chosen.append(index)
        total += len(text) + 1
        if total >= limit:
            break
    chosen.sort()
    return "\n".join(lines[index] for index in chosen)[:limit]


def detect(sample: str) -> Detected | None:
    """The most probable language of ``sample``, or ``None`` when it has too few letters.

    >>> detect("Le président a déclaré vendredi qu'il souhaitait poursuivre les pourparlers.")
    Detected(language='fr', confidence=...)
    """
    if not _has_letters(sample, _MIN_SAMPLE_LETTERS):
        return None
    factory = _get_factory()
    detector = factory.create()  # type: ignore[attr-defined]
    detector.append(sample)
    try:
        best = detector.get_probabilities()
    except Exception:  # the backend's LangDetectException: nothing it could read
        return None
    if not best:
        return None
    code = str(best[0].lang).split("-")[0]
    return Detected(code, round(float(best[0].prob), 4))


def _has_letters(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` letters (stops reading once it does).

    >>> _has_letters("a1 b2 c3", 3), _has_letters("a1 b2 c3", 4)
    (True, False)
    """
    if count <= 0:
        return True
    for char in text:
        if char.isalpha():
            count -= 1
            if not count:
                return True
    return False
