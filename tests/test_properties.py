"""Hypothesis properties: never raises, spans are sound, text rebuilds, idempotent, stable."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import CleanResult, rebuild_text
from newsclean.rules import UNIVERSAL, available_languages, load_pack

from .hostile import HOSTILE

BOILERPLATE = [
    "Advertisement",
    "Read more",
    "More Stories",
    "Share",
    "Inscription",
    "Lesen Sie auch",
    "Sign up now for free unlimited access to Reuters.com",
    "Subscribe to continue reading",
    "Reporting by John Irish; Editing by Mark Heinrich",
    "By Jane Doe",
    "Par Jean Dupont",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "© 2024 Example Media.",
    "We use cookies to improve your experience.",
    "Home > News > World",
    "Accept all",
    "Workers at the port. REUTERS/Peter Nicholls",
    "Foto: Kay Nietfeld/dpa",
    "Publicité",
    "Zombie fan. Coffee lover. Web nerd. Music guru.",
    "Te puede interesar",
    "Lire la suite",
]
ARTICLE = [
    "The council approved the budget on Monday after a long debate.",
    "LONDON, Jan 28 (Reuters) - British retail sales fell in January, a survey showed.",
    "Le président a déclaré qu'il souhaitait poursuivre les pourparlers. Lire la suite",
    "Berlin (dpa) - Der Bundestag hat am Freitag den Mindestlohn erhöht.",
    "Markets rally on rate hopes",
    "« Il a dit qu'il ne voulait pas de guerre », a déclaré le responsable.",
]
# Real boilerplate: every example line of every shipped rule.
PACK_LINES = sorted(
    {
        example
        for name in (UNIVERSAL, *available_languages())
        for rule in load_pack(name).rules
        for example in rule.examples
    }
)
HOSTILE_PIECES = [make(size) for make in HOSTILE.values() for size in (7, 60)]
SINGLE_LINES = st.one_of(
    st.sampled_from(BOILERPLATE),
    st.sampled_from(PACK_LINES),
    st.sampled_from(ARTICLE),
    st.sampled_from(HOSTILE_PIECES),
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
)
# Lines glued from pieces: an article sentence with a trailing "Read more", a dateline
# before a credit, boilerplate inside junk.
LINES = st.one_of(SINGLE_LINES, st.lists(SINGLE_LINES, min_size=2, max_size=3).map(" ".join))
DOCUMENTS = st.one_of(
    st.text(max_size=400),
    st.lists(LINES, max_size=25).map("\n".join),
    st.lists(LINES, max_size=12).map("\r\n".join),
)
LANGS = st.sampled_from([None, "en", "fr", "de", "es"])
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_spans(result: CleanResult) -> None:
    previous_end = 0
    for removal in result.removed:
        assert 0 <= removal.start < removal.end <= len(result.source)
        assert removal.start >= previous_end, "removals overlap or are unsorted"
        assert result.source[removal.start : removal.end] == removal.text
        assert "\n" not in removal.text
        previous_end = removal.end


@SETTINGS
@given(DOCUMENTS, LANGS)
def test_clean_never_raises_and_spans_are_sound(text: str, lang: str | None) -> None:
    result = newsclean.clean(text, lang=lang)
    check_spans(result)


def replay(source: str, removed: list[tuple[int, int]]) -> str:
    """The invariant, written independently of the package: mark every removed character,
    keep the others line by line, strip, drop empty lines."""
    gone = bytearray(len(source))
    for start, end in removed:
        gone[start:end] = b"\x01" * (end - start)
    lines: list[str] = []
    current: list[str] = []
    for position, char in enumerate(source):
        if char == "\n":
            lines.append("".join(current))
            current = []
        elif not gone[position]:
            current.append(char)
    lines.append("".join(current))
    return "\n".join(line.strip() for line in lines if line.strip())


@SETTINGS
@given(DOCUMENTS, LANGS)
def test_cutting_removed_spans_rebuilds_the_text(text: str, lang: str | None) -> None:
    result = newsclean.clean(text, lang=lang)
    spans = [(r.start, r.end) for r in result.removed]
    assert replay(result.source, spans) == result.text
    assert rebuild_text(result.source, spans) == result.text
    for line in result.text.split("\n") if result.text else []:
        assert line
        assert line == line.strip()


@SETTINGS
@given(DOCUMENTS, LANGS)
def test_clean_is_idempotent(text: str, lang: str | None) -> None:
    once = newsclean.clean(text, lang=lang)
    twice = newsclean.clean(once.text, lang=lang)
    assert twice.text == once.text


@SETTINGS
@given(DOCUMENTS)
def test_clean_is_deterministic(text: str) -> None:
    assert newsclean.clean(text).to_dict() == newsclean.clean(text).to_dict()
