"""The step families, in pipeline order: the one place a family is registered.

Each :class:`Family` says how to build its step, which kinds its pack rules may remove
(the first is their default), which scopes and roles its rules may use (the loader refuses
others), and the report shows each kind in the colours of :data:`KIND_STYLES`. Order is
priority: when two steps claim the same characters, the earlier step keeps them.

Adding a family is one module (its step) and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from newsclean.model import Kind
from newsclean.modes import Mode
from newsclean.rules.model import Role, Scope
from newsclean.steps.author_blurb import AuthorBlurbStep
from newsclean.steps.base import RuleStep, Step
from newsclean.steps.caption import CaptionStep
from newsclean.steps.context import ContextStep
from newsclean.steps.dateline import DatelineStep
from newsclean.steps.duplicate import DuplicateStep
from newsclean.steps.layout import LayoutStep
from newsclean.steps.line_model import LineModelStep
from newsclean.steps.related import RelatedStep
from newsclean.steps.site import SiteStep
from newsclean.steps.thread import ThreadStep


@dataclass(frozen=True, slots=True)
class Settings:
    """The options a family's step is built with (``Pipeline.default``'s arguments)."""

    mode: Mode = Mode.BALANCED
    keep_dateline: bool = False
    # The learned line model in the layout step's place (experimental).
    line_model: bool = True
    # Leave the headline in the text (it is still ``metadata.title``).
    keep_title: bool = False


@dataclass(frozen=True, slots=True)
class Family:
    """One step family: its name (the ``<step>`` of its rule ids), how to build its step,
    and what its pack rules may say (no ``scopes``: it takes no pack rules)."""

    name: str
    build: Callable[[Settings], Step]
    rule_kinds: tuple[Kind, ...] = ()
    scopes: frozenset[Scope] = frozenset()
    roles: frozenset[Role] = frozenset()

    @property
    def takes_rules(self) -> bool:
        return bool(self.scopes)

    @property
    def default_kind(self) -> Kind:
        return self.rule_kinds[0]


_ALL_SCOPES = frozenset(Scope)
_LINE_ONLY = frozenset({Scope.LINE})
_MARKERS = frozenset({Role.ENDS_ARTICLE, Role.ENDS_ARTICLE_BELOW})


def _layout(settings: Settings) -> Step:
    if settings.line_model:
        return LineModelStep(settings.mode, keep_title=settings.keep_title)
    return LayoutStep(settings.mode, keep_title=settings.keep_title)


def _rules_only(name: str) -> Callable[[Settings], Step]:
    return lambda settings: RuleStep(name)


FAMILIES: tuple[Family, ...] = (
    Family("paywall", _rules_only("paywall"), (Kind.PAYWALL,), _ALL_SCOPES, _MARKERS),
    Family("cookie", _rules_only("cookie"), (Kind.COOKIE,), _ALL_SCOPES, _MARKERS),
    Family("advert", _rules_only("advert"), (Kind.ADVERT,), _ALL_SCOPES, _MARKERS),
    Family("footer", _rules_only("footer"), (Kind.FOOTER,), _ALL_SCOPES, _MARKERS),
    # Reader comments' furniture (forms, headers, counts, policies): most of it ends the
    # article, and the line model files what follows such a line as ``comment``.
    Family("comment", _rules_only("comment"), (Kind.COMMENT,), _ALL_SCOPES, _MARKERS),
    Family("credit", _rules_only("credit"), (Kind.CREDIT, Kind.BYLINE), _ALL_SCOPES, _MARKERS),
    Family(
        "caption",
        lambda settings: CaptionStep(),
        (Kind.CAPTION,),
        frozenset({Scope.LINE, Scope.SUFFIX}),
        _MARKERS,
    ),
    Family(
        "dateline",
        lambda settings: DatelineStep(keep_in_text=settings.keep_dateline),
        (Kind.DATELINE,),
        frozenset({Scope.LINE, Scope.PREFIX}),
    ),
    Family("read_more", _rules_only("read_more"), (Kind.READ_MORE,), _ALL_SCOPES, _MARKERS),
    Family(
        "related",
        lambda settings: RelatedStep(),
        (Kind.RELATED,),
        _LINE_ONLY,
        frozenset({Role.HEADER, Role.ENDS_ARTICLE}),
    ),
    Family(
        "author_blurb",
        lambda settings: AuthorBlurbStep(),
        (Kind.AUTHOR_BLURB,),
        _ALL_SCOPES,
        frozenset({Role.AUTHOR_BOX, Role.ENDS_ARTICLE}),
    ),
    Family("promo", _rules_only("promo"), (Kind.PROMO,), _ALL_SCOPES, _MARKERS),
    Family("navigation", _rules_only("navigation"), (Kind.NAVIGATION,), _ALL_SCOPES, _MARKERS),
    # Reader-comment threads told by their repeated stamps (a name with a date and time,
    # or with the verb that heads a comment).
    Family("thread", lambda settings: ThreadStep()),
    Family("context", lambda settings: ContextStep()),
    Family("duplicate", lambda settings: DuplicateStep()),
    Family("layout", lambda settings: _layout(settings)),
    # Rules about one site's own furniture (``newsclean learn`` writes them here): last,
    # so that they never change what the layout step sees in its first pass, and its end
    # markers cut what the layout step kept after them.
    Family(
        "site",
        lambda settings: SiteStep(),
        (
            Kind.NAVIGATION,
            Kind.FOOTER,
            Kind.COMMENT,
            Kind.PROMO,
            Kind.PAYWALL,
            Kind.COOKIE,
            Kind.ADVERT,
            Kind.READ_MORE,
            Kind.RELATED,
            Kind.CREDIT,
            Kind.BYLINE,
            Kind.CAPTION,
            Kind.AUTHOR_BLURB,
        ),
        _LINE_ONLY,
        _MARKERS,
    ),
)

FAMILY: Mapping[str, Family] = {family.name: family for family in FAMILIES}
# The names of the default steps, in the order they run.
DEFAULT_STEPS: tuple[str, ...] = tuple(FAMILY)
# The families whose rules the packs hold.
RULE_FAMILIES: tuple[str, ...] = tuple(family.name for family in FAMILIES if family.takes_rules)


@dataclass(frozen=True, slots=True)
class KindStyle:
    """How reports show a kind: a terminal colour (an SGR code) and a background tint."""

    ansi: str
    html: str


# One colour per family of kinds in the terminal (reading order matters more than telling
# all of them apart), a tint of its own per kind in HTML, light enough to read on.
KIND_STYLES: Mapping[Kind, KindStyle] = {
    Kind.PAYWALL: KindStyle("31", "#f8c9c9"),
    Kind.PROMO: KindStyle("31", "#f9d6b5"),
    Kind.ADVERT: KindStyle("31", "#f3c1e0"),
    Kind.COOKIE: KindStyle("31", "#e6d3b3"),
    Kind.RELATED: KindStyle("35", "#d9ccf2"),
    Kind.READ_MORE: KindStyle("35", "#cfd8f7"),
    Kind.NAVIGATION: KindStyle("35", "#d4d4d4"),
    Kind.FOOTER: KindStyle("33", "#f2e6a6"),
    Kind.COMMENT: KindStyle("33", "#f5dcc0"),
    Kind.DUPLICATE: KindStyle("33", "#e0e0c8"),
    Kind.CREDIT: KindStyle("36", "#bfe8e0"),
    Kind.BYLINE: KindStyle("36", "#c4ecc4"),
    Kind.DATELINE: KindStyle("36", "#c9e7f5"),
    Kind.CAPTION: KindStyle("34", "#bcd9f2"),
    Kind.AUTHOR_BLURB: KindStyle("34", "#e3cfe8"),
    Kind.TITLE: KindStyle("32", "#d2ecc1"),
}


def build_steps(settings: Settings) -> list[Step]:
    """The default steps, built with ``settings``, in pipeline order."""
    return [family.build(settings) for family in FAMILIES]
