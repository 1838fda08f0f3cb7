"""Hostile input: every str gives a result that keeps the invariant and idempotence, fast
enough that a timeout never fires; anything else is a TypeError."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import newsclean
from newsclean import CleanResult, rebuild_text

from .hostile import HOSTILE

SIZE = 200_000
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def check(result: CleanResult) -> None:
    spans = [(r.start, r.end) for r in result.removed]
    assert rebuild_text(result.source, spans) == result.text
    assert all(a.end <= b.start for a, b in zip(result.removed, result.removed[1:], strict=False))
    for char in ("\x00", "\x1b", "\u202e", "\ud800"):
        assert char not in result.text


# Classes that cost seconds at this size: in the full run only.
SLOW_CLASSES = frozenset({"many short lines", "mojibake word list", "binary junk as latin-1"})


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.slow) if n in SLOW_CLASSES else n for n in sorted(HOSTILE)],
)
def test_hostile_class_gives_a_result(name: str) -> None:
    text = HOSTILE[name](SIZE)
    result = newsclean.clean(text)
    check(result)
    assert newsclean.clean(result.text).text == result.text
    assert newsclean.clean(text).to_dict() == result.to_dict()  # deterministic


@pytest.mark.timeout(120)
def test_text_that_is_all_boilerplate_is_all_removed() -> None:
    result = newsclean.clean(HOSTILE["only boilerplate"](SIZE), lang="en")
    check(result)
    assert result.text == ""
    assert sum(len(r.text) for r in result.removed) > SIZE // 2


@pytest.mark.timeout(120)
def test_a_page_of_slightly_different_boilerplate_lines_is_almost_all_removed() -> None:
    # No line of it is article text, so the line model's span, if any, is a few lines: a
    # model whose short lines drift above the decoder's threshold keeps the page whole
    # (a refit with lines weighed by their characters kept 70% of it).
    text = HOSTILE["slightly different boilerplate lines"](20_000)
    result = newsclean.clean(text)
    check(result)
    assert len(result.text) <= 0.05 * len(text)


@pytest.mark.timeout(120)
def test_boilerplate_line_repeated_20000_times() -> None:
    line = "Inscrivez-vous maintenant pour un accès gratuit et illimité à Reuters.com\n"
    result = newsclean.clean(line * 20_000)
    check(result)
    assert result.text == ""
    assert len(result.removed) == 20_000
    assert {r.kind.value for r in result.removed} == {"paywall"}


@pytest.mark.timeout(120)
def test_trigger_phrase_repeated_100000_times_on_one_line() -> None:
    text = "Read more " * 100_000
    result = newsclean.clean(text)
    check(result)
    assert newsclean.clean(result.text).text == result.text


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_million_short_lines_and_a_50_mb_line() -> None:
    many = newsclean.clean("Short line here\n" * 1_000_000, lang="en")
    check(many)
    long_line = newsclean.clean("word, another word; " * 2_500_000, lang="en")
    assert long_line.text == long_line.source.strip()


@pytest.mark.parametrize("value", [b"bytes", bytearray(b"x"), None, 3, ["list"], object()])
def test_non_str_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="str"):
        newsclean.clean(value)  # type: ignore[arg-type]


# Modules whose regex work runs before or outside ``clean()``.
_NOT_WHILE_CLEANING = ("newsclean.limits", "newsclean.rules.loader", "newsclean.corpus")


def _modules_with_regex_timeouts() -> list[ModuleType]:
    """The package's modules that bound their regex matches with ``REGEX_TIMEOUT`` while
    cleaning (the rule-pack loader and the corpus tools, which run before or outside
    ``clean()``, aside)."""
    found = []
    for info in pkgutil.walk_packages(newsclean.__path__, "newsclean."):
        if info.name.endswith("__main__") or info.name.startswith(_NOT_WHILE_CLEANING):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an integration whose optional dependency is not installed
            continue
        if hasattr(module, "REGEX_TIMEOUT"):
            found.append(module)
    return found


@pytest.mark.timeout(300)
def test_a_regex_that_runs_out_of_time_anywhere_never_escapes_clean(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every bounded match in the package times out at once (the regex module raises
    # TimeoutError at its first check past a tiny limit): whatever reads a line must take
    # that as "no match", so a result still comes, whole, on every kind of page.
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    texts.append(
        "By Jane Doe, Staff Writer\nPosted on March 3, 2021 by Sarah Whitfield\n"
        "Council approves the budget\nThe council met on Tuesday to discuss the budget, "
        "officials said.\nJoe says: March 3, 2021 at 6:44 am\nGreat post!\n"
        "Anna says: March 4, 2021 at 7:10 pm\nThanks!\nBob says: March 5, 2021 at 9:01 am\n"
        "© 2019 The Spokesman-Review"
    )
    for text in texts:
        newsclean.clean(text)  # the packs loaded (their loader is not under test here)
    modules = _modules_with_regex_timeouts()
    assert len(modules) >= 10  # the extractors and the steps that read lines
    for module in modules:
        monkeypatch.setattr(module, "REGEX_TIMEOUT", 1e-12)
    for text in texts:
        check(newsclean.Pipeline.default().clean(text))
