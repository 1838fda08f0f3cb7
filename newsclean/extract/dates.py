"""Dates as written on news pages, read into ISO 8601: ``2024-03-12``, or
``2024-03-12T14:10`` when the time is written, ``2024-03-12T14:10+01:00`` when its zone
is too (an ISO offset, or an abbreviation of the packs' ``[dates] zones``).

The month names of every shipped language come from the packs' ``[dates]`` tables (a
German page may carry an English date); numeric dates are day-month-year when written
with dots, year-month-day in ISO form and in Chinese, Japanese and Korean ("2024年3月12日",
"2024년 3월 12일"), and with slashes, or with dots and a two-digit year ("19.10.19", read
as 1990-2089), in the order of the page's language (a date whose order that leaves open,
03/05/2021 on an English page, is read only when one part is over 12). A date without a
year gives nothing: no year is guessed.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import regex

from newsclean.extract.foot import foot_end
from newsclean.limits import REGEX_TIMEOUT
from newsclean.model import Kind, Removal
from newsclean.typography import PLACE_SEPARATORS

MIN_YEAR, MAX_YEAR = 1990, 2100
# A time after the date: "14:10", "um 14:10", "at 8:16 AM", "à 10h30".
_TIME_LEAD = r"(?:,|um|at|à|a las|alle|om|o|в|às|-|–|—|/|\|)"
# After the time, its zone: an abbreviation of the packs' ``[dates] zones``, as written in
# capitals, with a shift after it ("GMT+1"); an ISO time's own offset ("…T23:30:00Z").
_SHIFT = r"(?P<zsign>[+-])(?P<zhours>\d{1,2})(?::?(?P<zminutes>\d{2}))?(?!\d)"
_ISO_ZONE = r"(?P<isosec>:\d{2}(?:\.\d{1,6})?)?(?P<isozone>Z|[+-]\d{2}:?\d{2})?(?!\d)"


def _time(zones: Iterable[str]) -> str:
    """The pattern of a time after a date ("14:10", "um 14:10", "at 8:16 AM", "à 10h30"),
    with its zone when one of ``zones`` follows it."""
    names = "|".join(regex.escape(name) for name in sorted(zones, key=lambda n: (-len(n), n)))
    zone = rf"(?:\s*(?-i:(?P<zone>{names}))(?!\w)(?:{_SHIFT})?)?" if names else ""
    return (
        rf"(?:\s*{_TIME_LEAD}?\s*(?P<hour>\d{{1,2}})[:.h](?P<minute>\d{{2}})"
        rf"(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?{zone})?"
    )


@dataclass(frozen=True, slots=True)
class _Reader:
    pattern: regex.Pattern[str]
    months: dict[str, int]
    slash_order: dict[str, str]
    # Each zone abbreviation's offset from UTC in minutes.
    zones: dict[str, int]
    # A weekday name (and its comma) that ends the text before a date.
    weekday: regex.Pattern[str] | None


@functools.cache
def _reader() -> _Reader:
    from newsclean.rules.loader import UNIVERSAL, available_languages, load_pack

    months: dict[str, int] = {}
    zones = {
        name: _minutes(offset)
        for pack in (UNIVERSAL, *available_languages())
        for name, offset in load_pack(pack).dates.zones
    }
    clashes: set[str] = set()
    orders: dict[str, str] = {}
    for language in available_languages():
        words = load_pack(language).dates
        orders[language] = words.order
        for number, names in enumerate(words.months, start=1):
            for name in names:
                key = name.rstrip(".")
                if months.get(key, number) != number:
                    clashes.add(key)
                months[key] = number
    for key in clashes:
        del months[key]
    weekdays = _weekday_names()
    alternatives = sorted(months, key=lambda name: (-len(name), name))
    month = rf"(?P<month>{'|'.join(regex.escape(name) for name in alternatives)})\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|\.)?"
    year = r"(?P<year>\d{4})"
    shapes = [
        r"(?P<iso>(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2}))"
        rf"(?:(?:(?P<isot>T)|\s)(?P<h1>\d{{1,2}}):(?P<n1>\d{{2}}){_ISO_ZONE})?",
        r"(?P<d2>\d{1,2})\.\s?(?P<m2>\d{1,2})\.\s?(?P<y2>\d{4})",
        # Day and month of two digits and a two-digit year ("19.10.19, 12:00 Uhr"): not
        # followed by another ".digit", so a version number "1.10.19.2" is no date.
        r"(?P<d4>\d{2})\.(?P<m4>\d{2})\.(?P<y4>\d{2})(?!\.?\d)",
        r"(?P<a3>\d{1,2})/(?P<b3>\d{1,2})/(?P<y3>\d{4})",
        rf"{day}\s*(?:de\s+)?{month}\s*(?:de\s+|del\s+)?,?\s*{year}",
        rf"{month}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}})",
    ]
    body = "|".join(f"(?:{shape})" for shape in shapes)
    # Chinese, Japanese and Korean write year, month and day each with its sign
    # ("2024年3月12日", "2024년 3월 12일"), glued to the words around them.
    east_asian = r"(?P<y5>\d{4})\s*[年년]\s*(?P<m5>\d{1,2})\s*[月월]\s*(?P<d5>\d{1,2})\s*[日일]"
    pattern = regex.compile(
        rf"(?:(?<![\w\d])(?:{body})|(?<!\d){east_asian}){_time(zones)}(?![\d])",
        regex.IGNORECASE | regex.VERSION0,
    )
    # A weekday before the date is part of it ("lundi 9 décembre 2019", "Mittwoch, 20. …"):
    # looked for only in front of a date found, not at every position of every line.
    days = "|".join(regex.escape(name) for name in sorted(weekdays, key=lambda n: (-len(n), n)))
    weekday = regex.compile(rf"(?<![\w\d])(?:{days})\.?,?\s+$", regex.IGNORECASE) if days else None
    return _Reader(pattern, months, orders, zones, weekday)


@functools.cache
def _weekday_names() -> frozenset[str]:
    """The weekday names and abbreviations of every shipped language, folded."""
    from newsclean.rules.loader import available_languages, load_pack

    return frozenset(
        name.rstrip(".").casefold()
        for language in available_languages()
        for names in load_pack(language).dates.weekdays
        for name in names
    )


def is_weekday(word: str) -> bool:
    """Whether ``word`` is a weekday's name (or its abbreviation) in a shipped language.

    >>> is_weekday("Montag"), is_weekday("mardi"), is_weekday("Miles")
    (True, True, False)
    """
    return word.rstrip(".").casefold() in _weekday_names()


def _minutes(offset: str) -> int:
    """An offset from UTC ("+05:30", "-0400") in minutes."""
    digits = offset[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:] or 0)
    return -minutes if offset[0] == "-" else minutes


# An offset from UTC is at most this many minutes either way (UTC-12 to UTC+14).
MAX_OFFSET_MINUTES = 14 * 60


def _offset(groups: dict[str, str | None], zones: dict[str, int]) -> str:
    """The zone written after a date's time as an ISO offset ("+01:00"), or ``""``. An
    ISO time's offset counts after a "T" or seconds only: "2024-03-12 10:00-12:00" is a
    time range, not a time at UTC-12."""
    if groups.get("isozone") and (groups.get("isot") or groups.get("isosec")):
        written = groups["isozone"] or ""
        minutes = 0 if written == "Z" else _minutes(written)
    elif groups.get("zone"):
        minutes = zones[groups["zone"] or ""]
        if groups.get("zsign"):
            shift = int(groups["zhours"] or 0) * 60 + int(groups["zminutes"] or 0)
            minutes += -shift if groups["zsign"] == "-" else shift
    else:
        return ""
    if abs(minutes) > MAX_OFFSET_MINUTES:
        return ""
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def read_date(text: str, language: str | None = None) -> str | None:
    """The first date written in ``text`` (with its time, when one follows), in ISO 8601.

    >>> read_date("Veröffentlicht am 03.05.2021, 14:10 Uhr", "de")
    '2021-05-03T14:10'
    >>> read_date("First published on November 19, 2019 / 8:16 AM", "en")
    '2019-11-19T08:16'
    >>> read_date("LONDON, Jan 28 (Reuters)", "en") is None  # no year: nothing guessed
    True
    """
    found = first_date(text, language)
    return found[0] if found is not None else None


# Four digits in a row, or the two-digit year after "dd.mm.": a year, which every date
# shape holds (the standard ``re``: no backtracking, a C loop).
_YEAR = re.compile(r"\d{4}|\d\d\.\d\d\.\d\d(?!\d)")


@functools.lru_cache(maxsize=4096)
def first_date(text: str, language: str | None) -> tuple[str, int, int] | None:
    """The first date in ``text``: its ISO value and where it is written (memoised: the
    title, the date and the byline readers ask it of the same lines)."""
    if _YEAR.search(text, 0, 2000) is None:
        return None  # every date written has a year: most lines skip the pattern
    reader = _reader()
    try:
        for found in reader.pattern.finditer(text[:2000], timeout=REGEX_TIMEOUT):
            value = _value(found, reader, language)
            if value is not None:
                start = found.start()
                if reader.weekday is not None and start:
                    before = reader.weekday.search(
                        text, max(0, start - 20), start, timeout=REGEX_TIMEOUT
                    )
                    if before is not None:
                        start = before.start()
                return value, start, found.end()
    except TimeoutError:
        return None
    return None


# Hours and minutes as every time of day is written ("11:06", "17.00", "10h30"): most
# lines have none and skip the date pattern.
_CLOCK = re.compile(r"\d[:.h]\d\d")


def stamp_span(text: str) -> tuple[int, int] | None:
    """Where ``text`` first writes a date with its time of day, whichever order its day
    and month are in (a comment's stamp: "11.06.12 at 11:06 am"), else ``None``.

    >>> stamp_span("Tim Worstall 11.06.12 at 11:06 am")
    (13, 33)
    >>> stamp_span("Published March 12, 2024") is None  # no time of day
    True
    >>> stamp_span("by Jaxon on Aug 9, 2012 10:15 AM EDT reply")  # the zone is a frame word
    (12, 32)
    """
    if _CLOCK.search(text, 0, 2000) is None or _YEAR.search(text, 0, 2000) is None:
        return None
    try:
        for found in _reader().pattern.finditer(text[:2000], timeout=REGEX_TIMEOUT):
            if found.group("hour") is not None or found.group("h1") is not None:
                # A zone's abbreviation after the time is a word of the stamp's frame
                # ("… 10:19 AM EDT reply"), as its other words are.
                end = found.start("zone") if found.group("zone") else found.end()
                return found.start(), len(text[:end].rstrip())
    except TimeoutError:
        return None
    return None


def _value(found: regex.Match[str], reader: _Reader, language: str | None) -> str | None:
    groups = found.groupdict()
    hour, minute = groups.get("hour"), groups.get("minute")
    if groups["iso"] is not None:
        y, m, d = int(groups["y1"]), int(groups["m1"]), int(groups["d1"])
        hour, minute = groups["h1"] or hour, groups["n1"] or minute
    elif groups["d2"] is not None:
        y, m, d = int(groups["y2"]), int(groups["m2"]), int(groups["d2"])
    elif groups["y5"] is not None:
        y, m, d = int(groups["y5"]), int(groups["m5"]), int(groups["d5"])
    elif groups["d4"] is not None or groups["a3"] is not None:
        if groups["d4"] is not None:  # "11.06.12" is June 11th in Berlin, November 6th in Boston
            first, second = int(groups["d4"]), int(groups["m4"])
            y = _full_year(int(groups["y4"]))
        else:
            first, second, y = int(groups["a3"]), int(groups["b3"]), int(groups["y3"])
        order = reader.slash_order.get(language or "", "dmy")
        if first > 12 >= second:
            d, m = first, second
        elif second > 12 >= first:
            m, d = first, second
        elif order == "mdy":
            if first != second:
                return None  # 03/05/2021 on an English page: either order is a date
            m, d = first, second
        else:
            d, m = first, second
    elif groups["month"] is not None:
        m = reader.months[groups["month"].casefold().rstrip(".")]
        if groups["day"] is not None:
            d, y = int(groups["day"]), int(groups["year"])
        else:
            d, y = int(groups["day2"]), int(groups["year2"])
    else:
        return None
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        day = datetime.date(y, m, d)
    except ValueError:
        return None
    if hour is None or minute is None:
        return day.isoformat()
    h, n = int(hour), int(minute)
    ampm = (groups.get("ampm") or "").replace(".", "").replace(" ", "").casefold()
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if not (0 <= h <= 23 and 0 <= n <= 59):
        return day.isoformat()
    return f"{day.isoformat()}T{h:02d}:{n:02d}{_offset(groups, reader.zones)}"


# A two-digit year below this is in the 2000s, else in the 1900s (the years read are
# MIN_YEAR and later).
_CENTURY_PIVOT = 90


def _full_year(short: int) -> int:
    """The year a two-digit year is written for: ``19`` is 2019, ``98`` is 1998."""
    return 2000 + short if short < _CENTURY_PIVOT else 1900 + short


def _whole_words(words: Iterable[str]) -> regex.Pattern[str]:
    """One pattern matching any of ``words`` (case-folded) as whole words."""
    folded = {word.casefold() for word in words}
    alternatives = "|".join(
        regex.escape(word) for word in sorted(folded, key=lambda w: (-len(w), w))
    )
    return regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@functools.cache
def _pack_words(key: Literal["updated", "as_of", "published"]) -> regex.Pattern[str]:
    """The words of ``[dates] <key>`` in every shipped language, as one pattern: those that
    mark an update ("Updated", "Stand"), those of them that date the page as it stands
    ("Stand": its publication date too when it states no other), those that label a
    publication date ("Veröffentlicht", "Published", "Post date")."""
    from newsclean.rules.loader import available_languages, load_pack

    words = [word for lang in available_languages() for word in getattr(load_pack(lang).dates, key)]
    return _whole_words(words) if words else regex.compile(r"(?!)")


def _find_pack_word(
    key: Literal["updated", "as_of", "published"], text: str
) -> regex.Match[str] | None:
    """The first of the ``[dates] <key>`` words in ``text`` (case-folded first); ``None``
    when there is none or the search runs out of time."""
    try:
        return _pack_words(key).search(text.casefold(), timeout=REGEX_TIMEOUT)
    except TimeoutError:
        return None


# The short lines read here (date lines, labelled dates, lines opening with a date) have
# at most this many characters: a longer one is refused before it is split into words
# (a removed 50 MB line would be split into millions).
SHORT_LINE_CHARS = 400
# A labelled date line says at most this many words ("Veröffentlicht am 03.02.2022 von
# Sarah Schnieder, Reiterrevue International").
LABELLED_DATE_WORDS = 14


def is_labelled_date(text: str, language: str | None = None) -> bool:
    """Whether a short line holds a date after a word that labels it as the publication
    date (the packs' ``[dates] published``), whatever else it says.

    >>> is_labelled_date("Erstellt von Fabian am Dienstag 6. Mai 2014", "de")
    True
    >>> is_labelled_date("Post date March 5, 2014", "en")
    True
    >>> is_labelled_date("Our new study of wild bees was published on March 5, 2014", "en")
    False
    """
    if len(text) > SHORT_LINE_CHARS or len(text.split()) > LABELLED_DATE_WORDS:
        return False
    found = first_date(text, language)
    if found is None:
        return False
    label = _find_pack_word("published", text[: found[1]])
    # The label opens the line, or follows a name or a short lead ("Zuschauerrückkehr …
    # 02.02.2022" is a teaser, not a label): at most three words before it.
    return label is not None and len(text[: label.start()].split()) <= 3


def is_as_of(text: str) -> bool:
    """Whether a date line's update word dates the page as it stands (the packs'
    ``[dates] as_of``).

    >>> is_as_of("Stand: 28.04.2020 18:00 Uhr"), is_as_of("Aktualisiert am 17.01.2021")
    (True, False)
    """
    return _find_pack_word("as_of", text) is not None


def is_update(text: str) -> bool:
    """Whether a date line says when the article was updated rather than published.

    >>> is_update("Aktualisiert am 17.01.2021"), is_update("Published 3 May 2021")
    (True, False)
    """
    return _find_pack_word("updated", text) is not None


# The kinds of removed lines a page's own dates are read from: timestamp and credit
# lines, bylines, datelines (whose dates rarely hold a year); and, above the article,
# a line that is little more than a date, which the layout step cuts as navigation.
DATE_KINDS = frozenset({Kind.CREDIT, Kind.BYLINE, Kind.DATELINE})
DATE_LINE_KINDS = frozenset({Kind.NAVIGATION, Kind.TITLE})
# Removed lines above the article whose dated byline is another story's or a caption.
BYLINE_SKIPPED_KINDS = frozenset({Kind.RELATED, Kind.DUPLICATE, Kind.CAPTION, Kind.AUTHOR_BLURB})
# A date line has at most this many words ("Mittwoch, 20. November 2019, 14:10 Uhr"),
# and the date is at least this share of its characters ("Ausdruck vom 11.02.2020" is not).
DATE_LINE_WORDS = 8
DATE_LINE_SHARE = 0.6
# Dates above the article are read from at most this many lines above it (a site's
# "today is …" in its header is not the article's date).
LINES_ABOVE = 20


def is_date_line(text: str, language: str | None = None) -> bool:
    """Whether a line is little more than a date.

    >>> is_date_line("18. Oktober 2019"), is_date_line("Wahl am 18. Oktober 2019 in Bern beendet")
    (True, False)
    """
    if len(text) > SHORT_LINE_CHARS:
        return False
    words = text.split()
    if not words or len(words) > DATE_LINE_WORDS:
        return False
    found = first_date(text, language)
    if found is None:
        return False
    visible = len(text) - text.count(" ")
    written = found[2] - found[1] - text.count(" ", found[1], found[2])
    return written >= DATE_LINE_SHARE * visible


# A line that opens with its date may say this many words more ("24.01.2022 – Meldung –
# Energiewende im Gebäudebereich", "18. Oktober 2019 von David"), or, when a dot or a bar
# follows the date, as many as a labelled date line.
OPENING_DATE_WORDS = 6
_STRIP_MARKS = frozenset("·•∙|")


def _opening_date(text: str, language: str | None) -> tuple[str, int, int] | None:
    """The date ``text`` opens with (separators aside), as :func:`first_date` gives it."""
    found = first_date(text, language)
    if found is None or text[: found[1]].strip(" -–—|·•,:"):
        return None
    return found


def after_opening_date(text: str, language: str | None = None) -> str:
    """``text`` without the date it opens with (and the separators after it), or all of
    ``text`` when it opens with none.

    >>> after_opening_date("1. Februar 2022 Bundesministerin Raab: Mit Ländern", "de")
    'Bundesministerin Raab: Mit Ländern'
    >>> after_opening_date("Die Wahl am 24.01.2022", "de")
    'Die Wahl am 24.01.2022'
    """
    found = _opening_date(text, language)
    if found is None:
        return text
    return text[found[2] :].lstrip(" -–—|·•,:")


# What follows the date a lead paragraph opens with, in the house style that dates it.
_LEAD_MARKS = frozenset("–—-|·•")


def lead_date(text: str, language: str | None = None) -> str | None:
    """The date a lead paragraph opens with, when it is written as the article's date:
    followed by a dash or a bar, or with its time of day (ISO 8601), else ``None``.

    >>> lead_date("29.11.2022 – Mehrfach hatte die Branche die Nachteile kritisiert.", "de")
    '2022-11-29'
    >>> lead_date("19.10.2019, 15:30 Uhr Am 8. Spieltag treffen Dortmund und Gladbach", "de")
    '2019-10-19T15:30'
    >>> lead_date("1. Februar 2022 war ein kalter Tag in der ganzen Stadt.", "de") is None
    True
    """
    found = _opening_date(text, language)
    if found is None:
        return None
    value, _, end = found
    if "T" in value or text[end:].lstrip()[:1] in _LEAD_MARKS:
        return value
    return None


# A place or publication before its date has at most this many words ("Hofheim am
# Taunus | Wiesbaden", "The Guardian").
PLACE_WORDS = 6


def place_date(text: str, language: str | None = None) -> str | None:
    """The date of a line that is a place or a publication and the date it ends with
    ("Wiesbaden, 11. November 2021", a press release's; "The Guardian, Thursday 1 November
    2012 18.19 EDT"), ISO 8601, else ``None``: at most ``PLACE_WORDS`` words before the
    comma, the first capitalised (or a domain) and most of the others, no digits.

    >>> lines = [
    ...     "Hofheim am Taunus | Wiesbaden, 11. November 2021",
    ...     "guardian.co.uk, Monday 29 October 2012 13.42 EDT",
    ...     "Rain is expected in Berlin, 11. November 2021",
    ... ]
    >>> [place_date(line, "en") for line in lines]
    ['2021-11-11', '2012-10-29T13:42-04:00', None]
    """
    if len(text) > SHORT_LINE_CHARS:
        return None
    found = first_date(text, language)
    if found is None or text[found[2] :].strip(" .|·•–—-"):
        return None
    place, comma, rest = text[: found[1]].rstrip().rpartition(",")
    if not comma or rest.strip():
        return None
    words = [word for word in place.split() if word not in PLACE_SEPARATORS]
    if not 1 <= len(words) <= PLACE_WORDS or any(char.isdigit() for char in place):
        return None
    proper = [word[:1].isupper() or "." in word.strip(".") for word in words]
    if not proper[0] or 2 * sum(proper) < len(words):
        return None
    return found[0]


def opens_with_date(text: str, language: str | None = None) -> bool:
    """Whether a short line starts with a date.

    >>> opens_with_date("24.01.2022 - Meldung - Energiewende im Gebäudebereich", "de")
    True
    >>> opens_with_date("Die Wahl am 24.01.2022 hat der Kandidat der Partei gewonnen", "de")
    False
    >>> opens_with_date("February 4, 2020 • words written by Kanae Nakamine • Art by Koichi")
    True
    """
    if len(text) > SHORT_LINE_CHARS:
        return False
    found = _opening_date(text, language)
    if found is None:
        return False
    after = text[found[2] :]
    if len(after.split()) <= OPENING_DATE_WORDS:
        return True
    # A strip of the article's facts, each after a dot or a bar ("8. Dezember 2010 um 09:43
    # · Rezepte von Mutti · 6 Kommentare"), may be longer.
    return after.lstrip()[:1] in _STRIP_MARKS and len(text.split()) <= LABELLED_DATE_WORDS


def window_top(source: str, start: int, lines: int = LINES_ABOVE) -> int:
    """The first offset of ``source`` at most ``lines`` lines above the article's
    ``start``: what lies from there to ``start`` is near above the article. Found once
    per page, so that each removal is placed in constant time.

    >>> window_top("a\\n" * 30 + "body", 60) == 60 - 2 * LINES_ABOVE
    True
    """
    position = start
    for _ in range(lines + 1):
        position = source.rfind("\n", 0, position)
        if position < 0:
            return 0
    return position + 1


def _dates_the_page(
    removal: Removal,
    start: int,
    language: str | None,
    is_dated_byline: Callable[[str], bool] | None,
) -> bool:
    """Whether a removal near the article may give the page's date: a timestamp, credit,
    byline or dateline; above the article, a date line, a labelled date ("Veröffentlicht
    am …"), a place or publication with its date ("Wiesbaden, 11. November 2021") or a
    dated byline."""
    if removal.kind in DATE_KINDS:
        return True
    if removal.start >= start:
        return False
    text = removal.text
    if removal.kind in DATE_LINE_KINDS and (
        is_date_line(text, language) or opens_with_date(text, language)
    ):
        return True
    if removal.kind in BYLINE_SKIPPED_KINDS:
        return False
    return (
        is_labelled_date(text, language)
        or place_date(text, language) is not None
        or (is_dated_byline is not None and is_dated_byline(text))
    )


def _teaser_day(removal: Removal, language: str | None) -> str | None:
    """The day a removed line that is no date line opens with (ISO ``YYYY-MM-DD``): a
    teaser's ("17.11.2021 in Afrika, Flucht und Migration"), a sign that the dates around
    are other stories'."""
    if removal.kind not in DATE_LINE_KINDS and removal.kind is not Kind.RELATED:
        return None
    found = _opening_date(removal.text, language)
    return found[0][:10] if found is not None else None


def foot_dated_line(
    removals: Sequence[Removal], start: int, end: int, language: str | None
) -> tuple[Removal, str] | None:
    """The one timestamp, credit or byline line that carries a (publication) date below
    the article kept from ``start`` to ``end``, with nothing but tags, captions, credits and
    what the line model removed between (``extract.foot``), and that date; ``None`` when
    there are several (a thread's stamps, a list of posts) or none."""
    limit = foot_end(removals, start, end)
    found: list[tuple[Removal, str]] = []
    for removal in removals:
        if removal.start < end or removal.kind not in DATE_KINDS:
            continue
        if removal.start >= limit:
            break
        date = first_date(removal.text, language)
        if date is not None and not is_update(removal.text[: date[1]]):
            found.append((removal, date[0]))
    return found[0] if len(found) == 1 else None


def page_dates(
    removals: Sequence[Removal],
    source: str,
    start: int,
    end: int,
    language: str | None,
    is_dated_byline: Callable[[str], bool] | None = None,
) -> tuple[str | None, str | None]:
    """The page's publication and update dates: read from the removed timestamp, credit,
    byline and dateline lines that lie before the end of the article (``start`` and
    ``end`` bound the text kept in ``source``), the nearest to the article's start
    winning, those above it first (at most ``LINES_ABOVE`` lines above); above it also
    from date lines, from labelled dates ("Veröffentlicht am 03.02.2022 von …", see
    :func:`is_labelled_date`) and, with ``is_dated_byline``, from a byline that carries its date
    ("Marie Merlet | lundi 9 décembre 2019 à 09h08") whatever removed it. Dates after the
    article (comments, teasers) are read only when none of these gives one, and only the
    one dated line of its foot credit (``extract.foot``). A page that states only the date it stands
    at ("Stand: …", the packs' ``[dates] as_of``) is published that day. Lines of two or
    more different days (not updates) give no publication date: the page lists other
    stories' dates (a teaser rail, an archive), and naming none beats naming the wrong
    one."""
    published: tuple[tuple[int, int], str] | None = None
    updated: tuple[tuple[int, int], str] | None = None
    as_of: tuple[tuple[int, int], str] | None = None
    days: set[str] = set()
    top = window_top(source, start)
    for removal in removals:
        if removal.start >= end or removal.start < top:
            continue
        if not _dates_the_page(removal, start, language, is_dated_byline):
            teaser = _teaser_day(removal, language) if removal.start < start else None
            if teaser is not None:
                days.add(teaser)
            continue
        found = first_date(removal.text, language)
        if found is None:
            continue
        value = found[0]
        rank = (0, start - removal.start) if removal.start < start else (1, removal.start - start)
        # The words before the date say what it is: "Von Jan Kupitz | Oct 24, 2023 |
        # Zuletzt geändert: Nov 7, 2023" is published on the 24th.
        label = removal.text[: found[1]]
        if is_update(label):
            if updated is None or rank < updated[0]:
                updated = (rank, value)
            if is_as_of(label) and (as_of is None or rank < as_of[0]):
                as_of = (rank, value)
        else:
            days.add(value[:10])
            if published is None or rank < published[0]:
                published = (rank, value)
    if len(days) > 1:
        published = None
    elif published is None and not days:
        foot = foot_dated_line(removals, start, end, language)
        if foot is not None:
            published = ((1, foot[0].start - end), foot[1])
    if published is None and not days and as_of is not None:
        # "Stand: 28.04.2020 18:00 Uhr" and no other date: the page's day (its time is
        # the version's, not the publication's).
        published = (as_of[0], as_of[1][:10])
    return (
        published[1] if published is not None else None,
        updated[1] if updated is not None else None,
    )
