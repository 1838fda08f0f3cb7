"""Split credit and byline text into person names, refusing text that is not a name list.

The words this needs (the "and" of each language, name particles such as "van" or "de",
entries that name no person such as "Redaktion" or an agency, and the prepositions before a
place: "John Irish in Paris") are language data: each shipped pack's ``[names]`` table,
plus the universal pack's lists of news and photo agencies. They are read once, from every
shipped pack, since credit lines name people in any language.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from newsclean.limits import REGEX_TIMEOUT
from newsclean.typography import NAME_SEPARATOR_MARKS

if TYPE_CHECKING:
    from newsclean.rules.loader import NameWords

_MAX_NAMES_CHARS = 300
_MAX_NAME_TOKENS = 5
_MAX_NAME_CHARS = 60
_PARENTHETICAL = regex.compile(r"\s*\([^()]{0,60}\)")
# A capitalised word, an initial, or initials written together ("R.C.", "J.R.R.").
_NAME_TOKEN = regex.compile(
    r"(?:\p{Lu}[\p{Ll}\p{Lu}'’\-]*\.?|(?:\p{Lu}\.){1,3})(?:-\p{Lu}[\p{Ll}'’]*)*"
)

# One word of two to six capitals (and digits) after the last separator: an organisation.
_ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}\d]{1,5}")


@dataclass(frozen=True, slots=True)
class _NameData:
    separators: regex.Pattern[str]
    place_tail: regex.Pattern[str]
    particles: frozenset[str]
    not_persons: frozenset[str]
    articles: frozenset[str]


def _alternation(words: set[str]) -> str:
    return "|".join(regex.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def _data(language: str | None = None) -> _NameData:
    """The words around names of every shipped pack. A word that one language puts
    between names and another before a place (Dutch "en", Spanish "en") separates names
    only in credit text of the first language (``language``, the rule's pack)."""
    # Imported here: the rule packs import this module to validate their name groups.
    from newsclean.rules.loader import UNIVERSAL, available_languages, load_pack

    packs = [load_pack(name) for name in (UNIVERSAL, *available_languages())]
    universal = packs[0]
    every_separator = {word for pack in packs for word in pack.names.separators}
    every_place = {word for pack in packs for word in pack.names.place_prepositions}
    own = load_pack(language).names.separators if language in available_languages() else ()
    separators = (every_separator - every_place) | set(own)
    places = every_place - set(own)
    particles = {word.casefold() for pack in packs for word in pack.names.particles}
    not_persons = {word.casefold() for pack in packs for word in pack.names.not_persons}
    for list_name in ("agencies", "photo_agencies"):
        not_persons.update(item.casefold() for item in universal.lists.get(list_name, ()))
    return _NameData(
        separators=regex.compile(
            rf"\s*(?:[{regex.escape(NAME_SEPARATOR_MARKS)}]|\b(?:{_alternation(separators)})\b)\s*",
            regex.IGNORECASE,
        ),
        place_tail=regex.compile(
            rf"(?<!\s)\s+(?:{_alternation(places)})\s+\p{{Lu}}[\p{{L}}.'’\- ]*$"
        ),
        particles=frozenset(particles),
        not_persons=frozenset(not_persons),
        articles=frozenset(word.casefold() for pack in packs for word in pack.names.articles),
    )


def is_person_name(text: str) -> bool:
    """Whether ``text`` looks like one person's name: 2-5 capitalised tokens (particles free).

    >>> is_person_name("Sudeep Kar-Gupta"), is_person_name("the editorial board")
    (True, False)
    >>> is_person_name("The Guardian"), is_person_name("Der Spiegel")
    (False, False)
    """
    if len(text) > _MAX_NAME_CHARS:
        return False  # before splitting: long lines are common, names are short
    tokens = text.split()
    if not tokens or len(tokens) > _MAX_NAME_TOKENS:
        return False
    data = _data()
    if tokens[0].casefold() in data.articles:
        return False  # "The Guardian", "Der Spiegel": a publication
    particles = data.particles
    capitalised = 0
    for token in tokens:
        if token.lower() in particles:
            continue
        try:
            if not _NAME_TOKEN.fullmatch(token, timeout=REGEX_TIMEOUT):
                return False
        except TimeoutError:
            return False
        capitalised += 1
    # One capitalised word ("Monday", "Reuters") is too weak a signal for a person.
    return capitalised >= 2


# One capitalised word that may be a writer's name where a byline word stands before it
# ("von David · 18. Oktober 2019"): a blog's authors often sign with a first name.
_SINGLE_NAME = regex.compile(r"\p{Lu}\p{Ll}{1,19}(?:-\p{Lu}\p{Ll}{1,19})?")


def is_single_name(text: str) -> bool:
    """Whether ``text`` is one capitalised word that may be a first name: no entry that
    names no person ("Redaktion", "Reuters"), no month or weekday, no known boilerplate.
    Only a byline's label and date make it a name (see ``extract.bylines``).

    >>> is_single_name("David"), is_single_name("Reuters"), is_single_name("Redaktion")
    (True, False, False)
    >>> is_single_name("Jane Doe"), is_single_name("Oktober"), is_single_name("admin")
    (False, False, False)
    """
    return _fullmatches(_SINGLE_NAME, text) and _may_name_someone(text)


def _fullmatches(pattern: regex.Pattern[str], text: str) -> bool:
    try:
        return pattern.fullmatch(text, timeout=REGEX_TIMEOUT) is not None
    except TimeoutError:
        return False


def _may_name_someone(word: str) -> bool:
    """Whether ``word`` is no entry that names no person ("Redaktion", "admin"), no month
    or weekday and no known boilerplate."""
    folded = word.casefold()
    return (
        folded not in _data().not_persons
        and folded not in _calendar_words()
        and not _is_known_boilerplate(word)
    )


# A user name: one token of letters and digits (dots, dashes and underscores inside),
# "randfish", "happyface313", "jane_doe".
_HANDLE = regex.compile(r"[\p{L}\d][\p{L}\d._\-]{1,29}")


def is_handle(text: str) -> bool:
    """Whether ``text`` is one token that may be a writer's user name ("randfish",
    "happyface313"): a letter in it, lower case first or a digit or "_" in it (a
    capitalised word is a name or a role, see :func:`is_single_name`), no entry that names
    no person ("admin", "staff"), no month or weekday, no known boilerplate. Only a
    byline's word and date make it an author (see ``extract.bylines``): blogs sign posts
    with their users' names.

    >>> is_handle("randfish"), is_handle("happyface313"), is_handle("admin")
    (True, True, False)
    >>> is_handle("2010"), is_handle("two words"), is_handle("december")
    (False, False, False)
    >>> is_handle("Editor-in-chief"), is_handle("TheLordHelix"), is_handle("Jessie_K")
    (False, False, True)
    """
    if not _fullmatches(_HANDLE, text) or not any(char.isalpha() for char in text):
        return False
    if text[0].isupper() and not any(char.isdigit() or char == "_" for char in text):
        return False  # a capitalised word is a name or a role ("Editor-in-chief"), no handle
    return _may_name_someone(text)


@functools.cache
def _calendar_words() -> frozenset[str]:
    """Every shipped pack's month and weekday names, case-folded, dots aside."""
    from newsclean.rules.loader import available_languages, load_pack

    words: set[str] = set()
    for language in available_languages():
        dates = load_pack(language).dates
        for names in (*dates.months, *dates.weekdays):
            words.update(name.casefold().rstrip(".") for name in names)
    return frozenset(words)


def _is_known_boilerplate(text: str) -> bool:
    """Whether ``text`` is a whole-line phrase of the universal pack ("Sponsored content")."""
    return _phrase_key_of(text) in _universal_phrases()


@functools.cache
def _universal_phrases() -> frozenset[str]:
    from newsclean.rules.loader import UNIVERSAL, load_pack

    return frozenset(key for rule in load_pack(UNIVERSAL).rules for key in rule.phrases)


def _phrase_key_of(text: str) -> str:
    from newsclean.rules.model import phrase_key

    return phrase_key(text)


def split_names(text: str, language: str | None = None) -> list[str]:
    """The names in a credit list, or ``[]`` when any part is not a name (or time ran out).

    Entries that name no person (an agency, "staff") are left out.

    >>> split_names("Sudeep Kar-Gupta et Mark Heinrich")
    ['Sudeep Kar-Gupta', 'Mark Heinrich']
    >>> split_names("Anna Muster, Interfax")
    ['Anna Muster']
    >>> split_names("John Irish in Paris; additional reporting")
    []
    """
    if not text:
        return []
    try:
        return _split_names(text, language)
    except TimeoutError:
        return []


def _split_names(text: str, language: str | None) -> list[str]:
    text = _PARENTHETICAL.sub("", text.strip(), timeout=REGEX_TIMEOUT).strip().rstrip(".")
    if not text or len(text) > _MAX_NAMES_CHARS:
        return []
    data = _data(language)
    names: list[str] = []
    parts = data.separators.split(text, timeout=REGEX_TIMEOUT)
    if _organisation(parts) is not None:
        parts.pop()  # "…, NDR", "…, BBC": the desk's organisation, no person
    for part in parts:
        part = data.place_tail.sub("", part.strip(), timeout=REGEX_TIMEOUT).strip(" ()")
        if not part or part.casefold() in data.not_persons:
            continue
        if " " in part and part.rsplit(None, 1)[1].casefold() in data.not_persons:
            continue  # "Bossip Staff", "Lokal Redaktion": a desk, not a person
        if _is_known_boilerplate(part):
            return []  # "von Gesponserte Inhalte": a label in a byline's place
        if not is_person_name(part):
            return []
        if part not in names:
            names.append(part)
    return names


def trailing_organisation(text: str, language: str | None = None) -> str | None:
    """The organisation a name list ends with (one word of two to six capitals after
    the last separator), or ``None``.

    >>> trailing_organisation("Anna Muster und Peter Paul, NDR", "de")
    'NDR'
    >>> trailing_organisation("Anna Muster und Peter Paul", "de") is None
    True
    """
    if not text or len(text) > _MAX_NAMES_CHARS:
        return None
    try:
        return _organisation(_data(language).separators.split(text, timeout=REGEX_TIMEOUT))
    except TimeoutError:
        return None


def _organisation(parts: list[str]) -> str | None:
    last = parts[-1].strip() if len(parts) > 1 else ""
    if last and _ACRONYM.fullmatch(last, timeout=REGEX_TIMEOUT):
        return last
    return None


def _pack_name_words(language: str | None) -> list[NameWords]:
    """The ``[names]`` tables of ``language``'s pack, or of every pack when it is unknown."""
    from newsclean.rules.loader import available_languages, load_pack

    languages = [language] if language in available_languages() else available_languages()
    return [load_pack(code).names for code in languages]


@functools.cache
def byline_labels(language: str | None) -> frozenset[str]:
    """The byline labels of ``language``'s pack (every pack's when it is unknown),
    case-folded: the words that stand before a writer's name ("Von", "Written by")."""
    return frozenset(
        label.casefold() for words in _pack_name_words(language) for label in words.byline_labels
    )


@functools.cache
def byline_roles(language: str | None) -> tuple[str, ...]:
    """The roles of ``language``'s pack (every pack's when it is unknown) that a byline
    writes after the names ("Jane Doe, Staff Writer"), case-folded, longest first."""
    roles = {role.casefold() for words in _pack_name_words(language) for role in words.roles}
    return tuple(sorted(roles, key=lambda role: (-len(role), role)))
