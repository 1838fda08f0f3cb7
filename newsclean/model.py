"""The data newsclean produces: removal kinds, removals, metadata and the clean result."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any


class Kind(enum.StrEnum):
    """Why a span was removed. The value is the stable string used in JSON output."""

    PAYWALL = "paywall"
    RELATED = "related"
    READ_MORE = "read_more"
    AUTHOR_BLURB = "author_blurb"
    CREDIT = "credit"
    BYLINE = "byline"
    CAPTION = "caption"
    DATELINE = "dateline"
    PROMO = "promo"
    COOKIE = "cookie"
    ADVERT = "advert"
    FOOTER = "footer"
    COMMENT = "comment"
    NAVIGATION = "navigation"
    DUPLICATE = "duplicate"
    TITLE = "title"


@dataclass(frozen=True, slots=True)
class Segment:
    """One non-blank line of the source; ``start``/``end`` bound its text without edge spaces."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Trigger:
    """The line a removal follows from: a button after a prompt, a headline after a
    related-stories header, a tail after a credit line. ``start``/``end`` bound that line in
    ``CleanResult.source``; ``rule`` is the rule that removed it (``None`` when it stayed)."""

    start: int
    end: int
    rule: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-serializable form."""
        return {"start": self.start, "end": self.end, "rule": self.rule}


@dataclass(frozen=True, slots=True)
class Removal:
    """A span of ``CleanResult.source`` that was cut, with the step and rule that cut it,
    for a removal decided by a neighbour the line it followed from (``trigger``), and for a
    learned decision its ``evidence``.

    >>> Removal(0, 5, "Share", Kind.PROMO, "universal.promo.share_buttons", "promo").kind
    <Kind.PROMO: 'promo'>
    """

    start: int
    end: int
    text: str
    kind: Kind
    rule: str
    step: str
    trigger: Trigger | None = None
    # Why, in words, where the rule id alone does not say: for the line model's removals
    # the line's probability of being article text, the threshold, and the features that
    # weighed most ("p .08 < .25; nearest_paragraph_distance -1.67, …").
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-serializable form (``trigger`` is ``None`` or its own dict)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "rule": self.rule,
            "step": self.step,
            "trigger": None if self.trigger is None else self.trigger.to_dict(),
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Dateline:
    """A lead dateline such as ``PARIS, 28 janvier (Reuters) –``, parsed as written."""

    text: str
    location: str | None = None
    date: str | None = None
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the removed boilerplate said about the article.

    Defaults describe a text with no recognised boilerplate: every list empty, every
    optional field ``None``.
    """

    language: str | None = None
    language_confidence: float | None = None
    dateline: Dateline | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    photo_credits: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    source: str | None = None
    # The article's headline (removed from the text unless ``keep_title``).
    title: str | None = None
    # When the article was published and last updated, ISO 8601 (``2024-03-12`` or
    # ``2024-03-12T14:10``), read from its timestamp, byline and dateline lines.
    published: str | None = None
    updated: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-serializable form."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The outcome of cleaning one text.

    ``text`` is exactly what remains of ``source`` once every span in ``removed`` is cut,
    taken line by line, stripped, with empty lines dropped and the rest joined by ``"\\n"``
    (see :func:`newsclean.rebuild_text`).
    """

    text: str
    source: str
    removed: tuple[Removal, ...]
    metadata: Metadata
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-serializable dict of the text, source, removals, metadata and warnings."""
        return {
            "text": self.text,
            "source": self.source,
            "removed": [removal.to_dict() for removal in self.removed],
            "metadata": self.metadata.to_dict(),
            "warnings": list(self.warnings),
        }

    def explain(self) -> str:
        """Each source line with its verdict: ``KEEP``, or the kind and rule that cut it.

        Partly cut lines are shown once per removed span, then kept with what remains.
        """
        from newsclean.explain import explain_result

        return explain_result(self)
