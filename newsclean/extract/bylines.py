"""Authors from a byline that carries its date: "Von Claudia Riedler 19. Oktober 2019
00:04 Uhr", "por Raúl Espina 4 mayo, 2022", "04.02.2022 | 15:33 Uhr | Dennis Steimels".

The date is read (see :mod:`newsclean.extract.dates`) and cut out, with the separators and
the byline word around it; what is left must be a list of person names
(:func:`newsclean.extract.names.split_names`) or nothing is taken. The date is what makes
the line a byline: a name alone on a line says too little.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence, Set

import regex

from newsclean.extract.dates import (
    BYLINE_SKIPPED_KINDS,
    LINES_ABOVE,
    first_date,
    foot_dated_line,
    is_date_line,
    is_update,
    lead_date,
    place_date,
    read_date,
    window_top,
)
from newsclean.extract.foot import foot_end
from newsclean.extract.names import (
    byline_labels,
    byline_roles,
    is_handle,
    is_single_name,
    split_names,
)
from newsclean.limits import REGEX_TIMEOUT
from newsclean.model import Kind, Removal

# Words and marks that join a byline's name and its date, or open the byline.
_NOISE = r"(?:[|·•∙—–\-,/:]|\b(?:am|um|on|at|le|el|il|em|uhr|gmt|à)\b)"
# The word that opens a byline in most languages ("By", "Post author By", "von", "par"),
# and, before a date, also "de" and "Author" (each pack's longer labels are its data).
_BYLINE_LEAD = r"(?:post\s+author\s+|written\s+|posted\s+)?"
_BYLINE_WORDS = r"by|von|par|por|di|door|przez|av"
_AROUND = regex.compile(
    r"(?i)^\s*(?:" + _BYLINE_LEAD + r"(?:" + _BYLINE_WORDS + r"|de|author|autor|autorin)\b\s*:?"
    r"|" + _NOISE + r")\s*|\s*" + _NOISE + r"\s*$"
)
# A count after the names: comments ("by Amy Motroni 5 Comments", "Luis Holuch 6").
_TRAILING_COUNT = regex.compile(r"\s+\d{1,5}(?:\s+\p{L}{2,15})?$")
MAX_BYLINE_CHARS = 160
# What follows a dated byline's date when it lists the post's categories.
_CATEGORIES = regex.compile(r"(?i)in\s+\w")
_TIME_NOISE = regex.compile(r"(?i)[\s|·•∙—–\-,/.:]|\d|\b(?:uhr|am|pm|gmt|um|at|à|a las|h)\b")


def dated_byline_authors(text: str, language: str | None = None) -> list[str]:
    """The names of a byline that carries its date, or ``[]``.

    >>> dated_byline_authors("Von Claudia Riedler 19. Oktober 2019 00:04 Uhr", "de")
    ['Claudia Riedler']
    >>> dated_byline_authors("04.02.2022 | 15:33 Uhr | Dennis Steimels", "de")
    ['Dennis Steimels']
    >>> dated_byline_authors("July 24, 2019 by Amy Motroni 5 Comments", "en")
    ['Amy Motroni']
    >>> dated_byline_authors("Wahl am 19. Oktober 2019 in Bern", "de")
    []
    >>> dated_byline_authors("Last Modified: Feb 18, 2020", "en")  # a date label, no name
    []
    >>> dated_byline_authors("Posted by Danielle Black on November 1, 2012 in Miscellaneous")
    ['Danielle Black']
    >>> dated_byline_authors("Jane Doe on November 1, 2012 in Berlin")  # no byline word
    []
    """
    found = _dated_byline(text, language)
    return found[0] if found is not None else []


# A user name in a labelled byline's place has at most this many words ("by oz").
MAX_HANDLE_WORDS = 3


def is_dated_byline(text: str, language: str | None = None) -> bool:
    """Whether ``text`` is a byline with its date: one that names its writers, or one
    that opens with a byline word or label before at most ``MAX_HANDLE_WORDS`` words that
    name nobody (a stand-in such as "admin"), which still mark the line as the post's
    byline, and its date as the post's.

    >>> line = "By admin - 2018-09-16"
    >>> is_dated_byline(line, "en"), dated_byline_authors(line, "en")
    (True, [])
    >>> is_dated_byline("admin - 2018-09-16", "en"), is_dated_byline("by", "en")
    (False, False)
    """
    found = _dated_byline(text, language)
    if found is None:
        return False
    names, labelled, rest = found
    return bool(names) or (
        labelled and len(rest.split()) <= MAX_HANDLE_WORDS and any(char.isalpha() for char in rest)
    )


def _dated_byline(text: str, language: str | None) -> tuple[list[str], bool, str] | None:
    """A dated byline's names, whether a byline word or label opens it, and what is left
    of it once the date, that word and the marks around them are cut; ``None`` when the
    line is no byline with its date at one end (also when a match runs out of time)."""
    if len(text) > MAX_BYLINE_CHARS:
        return None
    try:
        return _read_dated_byline(text, language)
    except TimeoutError:
        return None


def _read_dated_byline(text: str, language: str | None) -> tuple[list[str], bool, str] | None:
    found = first_date(text, language)
    if found is None:
        return None
    _, start, end = found
    before, after = text[:start].strip(), text[end:].strip()
    # A second date right after the first: the update's ("18. Oktober 2019 18. Oktober 2019").
    second = first_date(after, language)
    if second is not None and _only_noise(after[: second[1]]):
        after = after[second[2] :].strip()
    # The date is at one end: the names are on the other side. A blog engine's post line
    # names the post's categories after its date ("Posted by Zoe Tillman on November 06,
    # 2012 at 04:11 PM in Balancing Act, Current Affairs | Permalink"): with a byline
    # word before the name, they are no part of it.
    if (
        _CATEGORIES.match(after, timeout=REGEX_TIMEOUT)
        and _BYLINE_OPENING.match(before, timeout=REGEX_TIMEOUT) is not None
    ):
        after = ""
    rest = before if _only_noise(after) else after if _only_noise(before) else None
    if rest is None:
        return None
    labelled = _BYLINE_OPENING.match(rest, timeout=REGEX_TIMEOUT) is not None
    for _ in range(4):
        trimmed = _AROUND.sub("", rest, timeout=REGEX_TIMEOUT).strip()
        if trimmed == rest:
            break
        rest = trimmed
    unlabelled = _without_label(rest, language)
    labelled = labelled or unlabelled != rest
    rest = unlabelled
    if not rest or is_update(rest):
        return None
    rest = _TRAILING_COUNT.sub("", rest, timeout=REGEX_TIMEOUT)
    names = split_names(rest)
    if not names and labelled and (is_single_name(rest) or is_handle(rest)):
        names = [rest]
    return names, labelled, rest


def is_labelled_dated_byline(text: str, language: str | None = None) -> bool:
    """Whether ``text`` is a dated byline that opens with its byline word or label: a
    line that says who wrote the article and when, never a headline.

    >>> is_labelled_dated_byline("by Lee Hutchinson - Nov 9, 2012 5:30 pm UTC", "en")
    True
    >>> is_labelled_dated_byline("AWS Week in Review - October 29, 2012", "en")
    False
    """
    if len(text) > MAX_BYLINE_CHARS:
        return False  # no byline (is_dated_byline says so too, after more work)
    opening = text.lstrip()
    try:
        no_opening = _BYLINE_OPENING.match(opening, timeout=REGEX_TIMEOUT) is None
    except TimeoutError:
        return False
    if no_opening and _without_label(opening, language) == opening:
        return False
    return is_dated_byline(text, language)


def dated_byline_part(text: str, language: str | None = None) -> tuple[list[str], str]:
    """The names of a dated byline that is the line, or the first of its parts between
    bars ("By Ela on 31. October, 2023 | 18 Comments. This post may contain …"), with
    the text they were read from; ``([], text)`` when there is none.

    >>> dated_byline_part("By Ela on 31. October, 2023 | 18 Comments. Affiliate links.", "en")
    (['Ela'], 'By Ela on 31. October, 2023')
    """
    names = dated_byline_authors(text, language)
    if names or "|" not in text:
        return names, text
    return _dated_bar_part(text[: MAX_BYLINE_CHARS * 4], language) or ([], text)


def _dated_bar_part(text: str, language: str | None) -> tuple[list[str], str] | None:
    """The names of the first part of ``text`` between bars that is a dated byline, with
    that part, or ``None``."""
    for part in text.split("|"):
        part = part.strip()
        names = dated_byline_authors(part, language)
        if names:
            return names, part
    return None


def _without_label(text: str, language: str | None) -> str:
    """``text`` without a byline label it opens with ("Erstellt von", "Written by"): each
    pack's ``[names] byline_labels``."""
    for label in _labels_longest_first(language):
        size = len(label)
        if text[:size].casefold() == label and text[size : size + 1] in (" ", ":"):
            return text[size:].lstrip(" :")
    return text


@functools.cache
def _labels_longest_first(language: str | None) -> tuple[str, ...]:
    return tuple(sorted(byline_labels(language), key=lambda label: (-len(label), label)))


def _only_noise(text: str) -> bool:
    """Nothing but separators, a time and its words ("| 15:33 Uhr |", "à 09h08")."""
    return not _TIME_NOISE.sub(
        "",
        text,
        timeout=REGEX_TIMEOUT,
    )


# Where a page's own dated byline is looked for: removed lines near above the article
# (see dates.window_top), and its first kept lines: its date in the first three (a headline
# and a dek may stand above it: "by oz on December 4, 2006"), its names in the first two
# (on the dev pages the third line gave one right and one wrong author; it gave two more
# right dates and none wrong).
FIRST_KEPT_LINES = 3
FIRST_KEPT_NAME_LINES = 2


def _removed_above(
    removals: Iterable[Removal], source: str, start: int, lines: int, skipped: Set[Kind]
) -> list[Removal]:
    """The removals at most ``lines`` lines above the article's ``start`` in ``source``
    whose kind is not ``skipped``, the nearest first."""
    top = window_top(source, start, lines)
    above = [r for r in removals if top <= r.start < start and r.kind not in skipped]
    return sorted(above, key=lambda removal: -removal.start)


def page_byline_authors(
    removals: Iterable[Removal],
    kept: Sequence[str],
    source: str,
    start: int,
    language: str | None,
) -> list[str]:
    """The authors of the page's dated byline: the one nearest above the article's start
    (``start`` in ``source``) among removed lines, else among its first kept lines."""
    for removal in _removed_above(removals, source, start, LINES_ABOVE, BYLINE_SKIPPED_KINDS):
        names = dated_byline_authors(removal.text, language)
        if names:
            return names
    for line in kept[:FIRST_KEPT_NAME_LINES]:
        names, _ = dated_byline_part(line, language)
        if names:
            return names
    return []


def foot_byline_authors(
    removals: Sequence[Removal], start: int, end: int, language: str | None
) -> list[str]:
    """The authors of the one dated line below the article that may be its foot credit
    (:func:`~newsclean.extract.dates.foot_dated_line`), read as a dated byline in the part
    before or after a bar ("Posted by Seth Godin on July 12, 2012 | Permalink"), or
    ``[]``."""
    foot = foot_dated_line(removals, start, end, language)
    found = _dated_bar_part(foot[0].text, language) if foot is not None else None
    return found[0] if found is not None else []


def kept_byline_date(kept: Sequence[str], language: str | None) -> str | None:
    """The date of a dated byline among the article's first kept lines ("by oz on
    December 4, 2006"), or of a lead that opens with its date ("29.11.2022 – Mehrfach
    …", see :func:`~newsclean.extract.dates.lead_date`), ISO 8601, or ``None``."""
    for line in kept[:FIRST_KEPT_LINES]:
        names, part = dated_byline_part(line, language)
        if names or is_dated_byline(part, language):
            return read_date(part, language)
        found = lead_date(line, language) or place_date(line, language)
        if found is not None:
            return found
    return None


# An undated byline on its own line: "Post author By Helge Fahrnberger", "Jane Doe, Staff
# Writer", "Anna Muster | Redakteurin". It needs a byline label or a role: a name alone on a
# line is as often a menu's, a teaser's or a section's two capitalised words. It is read only
# right above the article's first line or right under its last one.
OWN_LINE_CHARS = 80
LEAD_NAME_LINES = 3  # line breaks from the line to the article's first line
FOOT_NAME_LINES = 2  # line breaks from the article's last line to the line
_LEADING_MARKS = "-–—•·|*>» "
_TRAILING_MARKS = " :,.|–—-·•"
# An undated byline's opening word: no "de" (a name's particle as often) and no "Author"
# (the packs' labels, read from their data).
_BYLINE_OPENING = regex.compile(r"(?i)^" + _BYLINE_LEAD + r"(?:" + _BYLINE_WORDS + r")\b\s*:?\s*")
_ROLE_SEPARATORS = ",|·•–—-/"


def own_line_names(text: str, language: str | None = None) -> list[str]:
    """The names of a short line that is a byline without a date: a byline label (the
    packs' ``[names] byline_labels``) or a role after the names (``[names] roles``), or
    both; ``[]`` for any other line.

    >>> own_line_names("Post author By Helge Fahrnberger", "en")
    ['Helge Fahrnberger']
    >>> own_line_names("Jane Doe | Reporter", "en"), own_line_names("Jane Doe, Staff Writer", "en")
    (['Jane Doe'], ['Jane Doe'])
    >>> own_line_names("Jane Doe", "en"), own_line_names("Social Media Marketing", "en")
    ([], [])
    """
    if len(text) > OWN_LINE_CHARS:
        return []
    line = text.strip().lstrip(_LEADING_MARKS).rstrip(_TRAILING_MARKS)
    # Only a byline's own words count as its label: not an article ("Le Monde
    # Diplomatique") or a preposition that opens a dated byline's other side.
    try:
        rest = _BYLINE_OPENING.sub("", line, count=1, timeout=REGEX_TIMEOUT)
    except TimeoutError:
        return []
    rest = _without_label(rest, language).strip().rstrip(_TRAILING_MARKS)
    labelled = rest != line
    names, role = _without_role(rest, language)
    if not labelled and not role:
        return []
    return split_names(names, language)


def _without_role(text: str, language: str | None) -> tuple[str, str | None]:
    """``text`` without the role it ends with ("Jane Doe, Staff Writer", "Logan C.
    RitchieStaff Writer": glued where the page lost a line break), and the role."""
    folded = text.casefold()
    for role in byline_roles(language):
        if not folded.endswith(role) or len(folded) == len(role):
            continue
        before = text[: len(text) - len(role)]
        marked = before.rstrip()
        # A mark between the names and the role ("Jane Doe, Staff Writer"), or none at all
        # where the page glued them; a space alone is no mark: "Chief Political
        # Correspondent" is a job title, not a name and a role.
        if marked and marked[-1] in _ROLE_SEPARATORS:
            return marked.rstrip(_ROLE_SEPARATORS + " "), role
        if before[-1].islower():
            return before, role
    return text, None


def own_line_authors(
    removals: Sequence[Removal], source: str, start: int, end: int, language: str | None
) -> list[str]:
    """The names of an undated byline on its own line (:func:`own_line_names`) right above
    the article kept from ``start`` to ``end`` in ``source`` (at most ``LEAD_NAME_LINES``
    line breaks above its first line, the nearest first), else right under it (at most
    ``FOOT_NAME_LINES``, with nothing between that :func:`~newsclean.extract.foot.fences`);
    above the article, a name alone on its line also names the author when the line right
    above or under it is a date line ("Christian Mihatsch" / "18.11.2022"); ``[]`` when
    there is none."""
    for removal in _removed_above(removals, source, start, LEAD_NAME_LINES, _LEAD_SKIPPED_KINDS):
        names = own_line_names(removal.text, language)
        if not names and removal.kind is not Kind.TITLE:
            names = _name_beside_date(removal, source, language)
        if names:
            return names
    limit = foot_end(removals, start, end)  # under a teaser header: a teaser's byline
    for removal in removals:
        if removal.start < end:
            continue
        if removal.start >= limit or source.count("\n", end, removal.start) > FOOT_NAME_LINES:
            break
        if removal.kind in _FOOT_SKIPPED_KINDS:
            continue
        names = own_line_names(removal.text, language)
        if names:
            return names
    return []


def _name_beside_date(removal: Removal, source: str, language: str | None) -> list[str]:
    """The names of a removed line that is only names, when the line right above or
    right under it in ``source`` is a date line; else ``[]``."""
    if len(removal.text) > OWN_LINE_CHARS:
        return []
    names = split_names(removal.text.strip(), language)
    # A blog's name is capitalised words too ("The Girl Who Ate Everything"): a name alone
    # says at most three.
    if not names or any(sum(word[:1].isupper() for word in name.split()) > 3 for name in names):
        return []
    if any(is_date_line(line.strip(), language) for line in _lines_beside(source, removal)):
        return names
    return []


def _lines_beside(source: str, removal: Removal) -> tuple[str, str]:
    """The line right above ``removal`` in ``source`` and the line right under it (``""``
    at the text's edges)."""
    above_end = source.rfind("\n", 0, removal.start)
    above = "" if above_end < 0 else source[source.rfind("\n", 0, above_end) + 1 : above_end]
    under_start = source.find("\n", removal.end)
    if under_start < 0:
        return above, ""
    under_end = source.find("\n", under_start + 1)
    return above, source[under_start + 1 : under_end if under_end >= 0 else len(source)]


# Above the article, a dateline is no byline either; nor is the headline a name alone
# beside a date ("On Quadrille Today" over its date is a post's title), though a byline
# taken for the headline still names its authors.
_LEAD_SKIPPED_KINDS = BYLINE_SKIPPED_KINDS | {Kind.DATELINE}
# Under the article, the line model files what it removes as related or footer text: only a
# caption, a repeated line or an author box's bio is no signature.
_FOOT_SKIPPED_KINDS = BYLINE_SKIPPED_KINDS - {Kind.RELATED}
