"""Build :class:`Metadata` from the fields that accepted proposals captured."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from newsclean.extract.bylines import (
    foot_byline_authors,
    is_dated_byline,
    kept_byline_date,
    own_line_authors,
    page_byline_authors,
)
from newsclean.extract.dates import page_dates
from newsclean.extract.foot import foot_end
from newsclean.extract.names import split_names, trailing_organisation
from newsclean.extract.publisher import publisher
from newsclean.lines import Line
from newsclean.model import Dateline, Kind, Metadata, Removal

# Captured groups whose names are reporters: bylines, "Reporting by", "Writing by", …
# "Additional reporting by …" and "Mitarbeit: …" name contributors, not the authors of
# record: they stay in the removed credit line but not in ``authors``.
AUTHOR_GROUPS = ("authors", "writers", "compilers")
# More byline lines than this that may name the article's authors (before its end, or
# its foot credit) and none of them is trusted.
MAX_BYLINES = 2
# The article's own byline among many (teasers' bylines): at most this many line breaks
# above its first line (a date line, a photo credit may stand between).
LEAD_BYLINE_LINES = 3
# A split byline at most this many lines below the article's last line, with no paragraph
# in between (share buttons, tags, a photo credit may stand there), is its foot credit
# ("Autoren:" / "Tilman Weber"), not a comment's; another byline only right under it.
FOOT_CREDIT_LINES = 25
FOOT_BYLINE_LINES = 2  # line breaks from the article's end: the next line only
# The rule of split bylines (``steps.split_byline``; named here, where it is read).
SPLIT_BYLINE_RULE = "builtin.context.split_byline"
# The rule of a name and its role on a line of their own (``steps.split_byline``).
ROLE_BYLINE_RULE = "builtin.context.role_byline"


class Verdict(Protocol):
    """What metadata is read from: an accepted verdict's kind, position and fields."""

    @property
    def kind(self) -> Kind: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def fields(self) -> tuple[tuple[str, str], ...]: ...

    @property
    def rule(self) -> str: ...

    def field(self, name: str) -> str | None: ...


def _add(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


def _readable_byline(proposal: Verdict, article: Article | None) -> bool:
    """Whether a byline may name the article's authors: it stands before the article's
    end, or it is the article's foot credit."""
    return article is None or proposal.start < article.end or _foot_credit(proposal, article)


def _foot_credit(proposal: Verdict, article: Article) -> bool:
    """Whether a byline after the article ("Autoren:" / "Tilman Weber", "Von Frank Hahn")
    is its foot credit, not a comment's or a teaser's byline: a split byline at most
    ``FOOT_CREDIT_LINES`` lines below the article's last one, with no paragraph (a
    comment, a teaser's summary) and no comment furniture in between; a byline of the
    byline rules only on the line right under the last one (a "Kommentare" link or a
    tag line above one is often a comment's)."""
    limit = FOOT_CREDIT_LINES if proposal.rule == SPLIT_BYLINE_RULE else FOOT_BYLINE_LINES
    if article.source.count("\n", article.end, proposal.start) >= limit:
        return False
    between = article.source[article.end : proposal.start].split("\n")
    if any(Line(text.strip()).paragraph for text in between):
        return False
    return not any(
        removal.kind is Kind.COMMENT and article.end <= removal.start < proposal.start
        for removal in article.removals
    )


def _sole_byline(ordered: Sequence[Verdict], article: Article) -> Verdict | None:
    """The page's only byline, when it stands after the article with nothing between but
    what the line model removed and tag, caption and credit lines (``extract.foot``)."""
    bylines = [p for p in ordered if p.kind is Kind.BYLINE]
    if len(bylines) != 1 or bylines[0].start < article.end:
        return None
    sole = bylines[0]
    return sole if sole.start < foot_end(article.removals, article.start, article.end) else None


def _lead_byline(ordered: Sequence[Verdict], article: Article | None) -> Verdict | None:
    """The byline right above the article's first line (at most ``LEAD_BYLINE_LINES``
    line breaks above it, with no other byline between), if there is one."""
    if article is None:
        return None
    above = [p for p in ordered if p.kind is Kind.BYLINE and p.end <= article.start]
    if not above:
        return None
    nearest = above[-1]
    if article.source.count("\n", nearest.end, article.start) > LEAD_BYLINE_LINES:
        return None
    return nearest


def _dateline(proposal: Verdict) -> Dateline:
    return Dateline(
        text=proposal.field("dateline") or "",
        location=proposal.field("location"),
        date=proposal.field("date"),
        agency=proposal.field("agency"),
    )


@dataclass(frozen=True, slots=True)
class Article:
    """Where the kept text lies in ``source`` (``start`` to ``end``), the removals, and
    the first kept lines: what the page's dates and dated byline are read around."""

    source: str
    start: int
    end: int
    removals: Sequence[Removal]
    first_lines: Sequence[str]


def build_metadata(
    proposals: Iterable[Verdict],
    language: str | None,
    language_confidence: float | None,
    article: Article | None = None,
) -> Metadata:
    """Collect names, credits, captions, headlines, the dateline and the source, in order;
    with the ``article``, also its dates and, when no byline rule named an author, the
    authors of a dated byline above it.

    A byline after the article's end belongs to a comment or a teaser, not to the
    article: it names no author, but for its foot credit, right under its last line, and
    the page's only byline with nothing but tags, captions and credits above it.
    (Credit lines after the article, "Reporting by …", still do.)

    >>> from newsclean.view import Proposal
    >>> p = Proposal(0, 0, 9, Kind.CREDIT, "x", (("authors", "Ann Lee and Bo Li"),))
    >>> build_metadata([p], "en", 0.99).authors
    ['Ann Lee', 'Bo Li']
    """
    authors: list[str] = []
    editors: list[str] = []
    credits: list[str] = []
    captions: list[str] = []
    related: list[str] = []
    sources: list[str] = []
    desks: list[str] = []
    titles: list[str] = []
    dateline: Dateline | None = None
    ordered = sorted(proposals, key=lambda p: (p.start, p.end))
    # Many bylines on one page belong to teasers of other stories: naming no author beats
    # naming the wrong one. Bylines after the article that are no foot credit are not read,
    # so they do not count.
    readable = {id(p) for p in ordered if p.kind is Kind.BYLINE and _readable_byline(p, article)}
    if not readable and article is not None:
        sole = _sole_byline(ordered, article)
        if sole is not None:
            readable = {id(sole)}
    if len(readable) > MAX_BYLINES:
        # The article's own byline stands right above its first line; the others are
        # teasers' further down or around.
        lead = _lead_byline(ordered, article)
        readable = {id(lead)} if lead is not None else set()
    for proposal in ordered:
        if not proposal.fields:
            continue
        if proposal.kind is Kind.BYLINE and id(proposal) not in readable:
            continue
        pack = proposal.rule.partition(".")[0]  # the rule's language: its name words
        for group in AUTHOR_GROUPS:
            names = split_names(proposal.field(group) or "", pack)
            for name in names:
                _add(authors, name)
            if names:  # "Von Anna Muster, NDR": the desk's organisation
                _add(desks, trailing_organisation(proposal.field(group) or "", pack))
        for name in split_names(proposal.field("editors") or "", pack):
            _add(editors, name)
        _add(credits, proposal.field("credit"))
        _add(captions, proposal.field("caption"))
        _add(related, proposal.field("related"))
        if proposal.kind is Kind.DATELINE and dateline is None:
            dateline = _dateline(proposal)
        _add(sources, publisher(proposal.field("source")))
        _add(titles, proposal.field("title"))
    title = titles[0] if titles else None
    if title is not None:
        # The article's own headline is never one of the related headlines.
        own = _folded(title)
        related = [headline for headline in related if _folded(headline) != own]
    source = dateline.agency if dateline is not None and dateline.agency else None
    if source is None and sources:
        source = sources[0]
    if source is None and desks:
        source = desks[0]  # the publisher, when a line names it, comes first
    published = updated = None
    if article is not None:
        published, updated = page_dates(
            article.removals,
            article.source,
            article.start,
            article.end,
            language,
            lambda text: is_dated_byline(text, language),
        )
        if published is None:
            published = kept_byline_date(article.first_lines, language)
        if not authors:
            authors = page_byline_authors(
                article.removals, article.first_lines, article.source, article.start, language
            )
        if not authors:
            authors = foot_byline_authors(article.removals, article.start, article.end, language)
        if not authors:
            authors = own_line_authors(
                article.removals, article.source, article.start, article.end, language
            )
    return Metadata(
        language=language,
        language_confidence=language_confidence,
        dateline=dateline,
        authors=authors,
        editors=editors,
        photo_credits=credits,
        captions=captions,
        related=related,
        source=source,
        title=title,
        published=published,
        updated=updated,
    )


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()
