"""Split credit and byline text into person names, refusing text that is not a name list."""

from __future__ import annotations

import functools

import regex

from newsclean.limits import REGEX_TIMEOUT

_MAX_NAMES_CHARS = 300
_MAX_NAME_TOKENS = 5
_MAX_NAME_CHARS = 60

# Separators between names: ";", ",", "&", "/", and the word "and" in the languages we ship.
_SEPARATORS = regex.compile(
    r"\s*(?:[;,&/|]|\band\b|\bet\b|\bund\b|\by\b|\be\b|\bi\b|\bи\b|\boraz\b)\s*",
    regex.IGNORECASE,
)
# "John Irish in Paris", "Jean Dupont à Lyon": the place goes, the name stays.
_PLACE_TAIL = regex.compile(r"(?<!\s)\s+(?:in|à|aus|en|em|w|в|from|desde)\s+\p{Lu}[\p{L}.'’\- ]*$")
_PARENTHETICAL = regex.compile(r"\s*\([^()]{0,60}\)")
# Credit-list entries that name an organisation, not a reporter.
_NOT_PERSONS = frozenset(
    [
        "reuters",
        "ap",
        "afp",
        "dpa",
        "efe",
        "epa",
        "ansa",
        "apa",
        "sda",
        "kna",
        "epd",
        "pap",
        "tass",
        "xinhua",
        "bloomberg",
        "cnn",
        "bbc",
        "staff",
        "redaktion",
        "rédaction",
        "redacción",
        "redazione",
        "agencies",
        "agencias",
        "agences",
        "agenturen",
    ]
) | {"associated press", "the associated press", "europa press", "ria novosti", "staff writer"}
_NAME_PARTICLES = frozenset(
    [
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "des",
        "du",
        "la",
        "le",
        "van",
        "von",
        "zu",
        "dos",
        "das",
        "y",
        "bin",
        "al",
        "ibn",
        "ben",
        "mac",
    ]
)
_NAME_TOKEN = regex.compile(r"(?:\p{Lu}[\p{Ll}\p{Lu}'’\-]*\.?|\p{Lu}\.)(?:-\p{Lu}[\p{Ll}'’]*)*")


def is_person_name(text: str) -> bool:
    """Whether ``text`` looks like one person's name: 2-5 capitalised tokens (particles free).

    >>> is_person_name("Sudeep Kar-Gupta"), is_person_name("the editorial board")
    (True, False)
    """
    if len(text) > _MAX_NAME_CHARS:
        return False  # before splitting: long lines are common, names are short
    tokens = text.split()
    if not tokens or len(tokens) > _MAX_NAME_TOKENS:
        return False
    capitalised = 0
    for token in tokens:
        if token.lower() in _NAME_PARTICLES:
            continue
        if not _NAME_TOKEN.fullmatch(token, timeout=REGEX_TIMEOUT):
            return False
        capitalised += 1
    # One capitalised word ("Monday", "Reuters") is too weak a signal for a person.
    return capitalised >= 2


def _is_known_boilerplate(text: str) -> bool:
    """Whether ``text`` is a whole-line phrase of the universal pack ("Sponsored content")."""
    return _phrase_key_of(text) in _universal_phrases()


@functools.cache
def _universal_phrases() -> frozenset[str]:
    # Imported here: the rule packs import this module to validate their name groups.
    from newsclean.rules.loader import UNIVERSAL, load_pack

    return frozenset(key for rule in load_pack(UNIVERSAL).rules for key in rule.phrases)


def _phrase_key_of(text: str) -> str:
    from newsclean.rules.model import phrase_key

    return phrase_key(text)


def split_names(text: str) -> list[str]:
    """The names in a credit list, or ``[]`` when any part is not a name (or time ran out).

    >>> split_names("Sudeep Kar-Gupta et Mark Heinrich")
    ['Sudeep Kar-Gupta', 'Mark Heinrich']
    >>> split_names("John Irish in Paris; additional reporting")
    []
    """
    if not text:
        return []
    try:
        return _split_names(text)
    except TimeoutError:
        return []


def _split_names(text: str) -> list[str]:
    text = _PARENTHETICAL.sub("", text.strip(), timeout=REGEX_TIMEOUT).strip().rstrip(".")
    if not text or len(text) > _MAX_NAMES_CHARS:
        return []
    names: list[str] = []
    for part in _SEPARATORS.split(text, timeout=REGEX_TIMEOUT):
        part = _PLACE_TAIL.sub("", part.strip(), timeout=REGEX_TIMEOUT).strip(" ()")
        if not part or part.casefold() in _NOT_PERSONS:
            continue
        if _is_known_boilerplate(part):
            return []  # "von Gesponserte Inhalte": a label in a byline's place
        if not is_person_name(part):
            return []
        if part not in names:
            names.append(part)
    return names
