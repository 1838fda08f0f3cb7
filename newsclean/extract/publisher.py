"""The publisher a copyright or rights line names, as ``metadata.source`` gives it.

Rules capture the holder as written ("The Everywhereist 2012", "Google - Privacy Policy -
Terms of Service", "- Fundacja Liberté! All Rights Reserved"); what the source field keeps
is the name alone: no year, no rights phrase, nothing after a separator, no "Copyright
by" or "Powered by". A photo credit in the holder's place ("Foto: Getty Images/iStock",
"Oli Scarff/Getty Images") or a theme credit ("Theme Blass by 1000ff") names no
publisher. The words are pack data: the universal pack's ``rights_reserved``,
``agencies`` and ``photo_agencies`` lists.
"""

from __future__ import annotations

import functools

import regex

from newsclean.limits import REGEX_TIMEOUT

# Marks around a holder that belong to the line, not the name.
_EDGE_MARKS = " -–—·•|/:,;*"
# What opens a holder but is no part of the name.
_LEAD = regex.compile(r"(?i)^(?:copyright\s+)?(?:(?:powered\s+)?by\s+)?")
# A separator after the name: the line goes on with something else ("Google - Privacy
# Policy", "Liebe geht durch den Magen · WordPress").
_SEPARATOR = regex.compile(r"\s+[-–—·•|]\s+|\s+[·•|]|[·•|]\s+")
# A year or a span of years after the name ("The Everywhereist 2012", "Bundespolizei
# 1999-2021"), or a version number ("Kyffhäuser Nachrichten 2.6411"); dots beyond an
# abbreviation's own ("e.V...").
_TRAILING_NUMBER = regex.compile(r"[\s,]*(?:\d{4}(?:\s*[-–]\s*\d{4})?|\d+(?:\.\d+)+)$|(?<=\.)\.+$")
# A photo credit's label: "Foto: Getty Images", "Photo: Jane Doe".
_PHOTO_LABEL = regex.compile(r"(?i)^(?:fotos?|photos?|bild(?:er)?|images?|credits?)\s*:")
# A theme's credit: "Theme Blass by 1000ff", "Delicious Theme on Genesis Framework".
_THEME = regex.compile(r"(?i)\b(?:theme|framework)\b")
# A year or a span of years before the name ("2008-2012 David Airey").
_LEADING_YEARS = regex.compile(r"^\d{4}(?:\s*[-–]\s*\d{4})?[\s,]*")
_MIN_LETTERS = 2


@functools.cache
def _lists() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The rights phrases and the picture libraries (photo agencies that are no news
    agencies: "Getty Images", "Unsplash"), each as one case-insensitive pattern."""
    from newsclean.rules.loader import UNIVERSAL, load_pack

    lists = load_pack(UNIVERSAL).lists
    news = {item.casefold() for item in lists.get("agencies", ())}
    # Two letters ("PA") are too short to tell a library from a word of a name.
    pictures = {
        item.casefold()
        for item in lists.get("photo_agencies", ())
        if item.casefold() not in news and len(item) > 2
    }

    def words(items: set[str]) -> regex.Pattern[str]:
        ordered = sorted(items, key=lambda item: (-len(item), item))
        alternatives = "|".join(regex.escape(item) for item in ordered) or "(?!)"
        return regex.compile(rf"(?i)(?<!\w)(?:{alternatives})(?!\w)")

    rights = {item.casefold() for item in lists.get("rights_reserved", ())}
    return words(rights), words(pictures)


def publisher(holder: str | None) -> str | None:
    """The publisher's name in a captured holder, or ``None`` when it names none.

    >>> publisher("The Everywhereist 2012"), publisher("Google - Privacy Policy - Terms of Service")
    ('The Everywhereist', 'Google')
    >>> publisher("- Fundacja Liberté! All Rights Reserved"), publisher("Powered by Minute Media -")
    ('Fundacja Liberté!', 'Minute Media')
    >>> publisher("Oli Scarff/Getty Images") is None, publisher("Theme Blass by 1000ff") is None
    (True, True)
    >>> publisher("-2012 David Airey"), publisher("· Delicious Theme on Genesis Framework · Log in")
    ('David Airey', None)
    >>> publisher("Reuters"), publisher("ARD-aktuell / tagesschau")
    ('Reuters', 'ARD-aktuell / tagesschau')
    """
    if not holder:
        return None
    try:
        return _publisher(holder)
    except TimeoutError:
        return None


def _publisher(holder: str) -> str | None:
    rights, pictures = _lists()
    text = holder.strip(_EDGE_MARKS)
    if _PHOTO_LABEL.match(text):
        return None
    if pictures.search(text, timeout=REGEX_TIMEOUT) is not None:
        return None
    found = rights.search(text, timeout=REGEX_TIMEOUT)
    if found is not None:
        text = text[: found.start()]
    text = _LEAD.sub("", text.strip(_EDGE_MARKS), count=1, timeout=REGEX_TIMEOUT)
    text = _SEPARATOR.split(text, maxsplit=1, timeout=REGEX_TIMEOUT)[0]
    text = _TRAILING_NUMBER.sub("", text.strip(_EDGE_MARKS), timeout=REGEX_TIMEOUT)
    text = _LEADING_YEARS.sub("", text.strip(_EDGE_MARKS), timeout=REGEX_TIMEOUT)
    text = text.strip(_EDGE_MARKS)
    if _THEME.search(text, timeout=REGEX_TIMEOUT) is not None:
        return None
    if sum(character.isalpha() for character in text) < _MIN_LETTERS or text.casefold() == "www":
        return None
    return text
