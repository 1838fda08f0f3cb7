"""The filter families. ``FILTERS`` maps each step name to a factory taking the
:class:`~newsclean.modes.Mode`, in pipeline order.

Families whose knowledge is all in the rule packs (paywall, cookie, advert, footer, credit,
read_more, promo, navigation) use the generic :class:`RuleLineFilter`; the others add
block, shape or neighbour logic in a module of their own.
"""

from __future__ import annotations

from collections.abc import Callable

from newsclean.filters.author_blurb import AuthorBlurbFilter
from newsclean.filters.base import Filter, RuleLineFilter
from newsclean.filters.caption import CaptionFilter
from newsclean.filters.context import ContextFilter
from newsclean.filters.dateline import DatelineFilter
from newsclean.filters.duplicate import DuplicateFilter
from newsclean.filters.layout import LayoutFilter
from newsclean.filters.related import RelatedFilter
from newsclean.modes import Mode
from newsclean.steps import DEFAULT_STEPS

Factory = Callable[[Mode], Filter]


def _rule_filter(name: str) -> Factory:
    return lambda mode: RuleLineFilter(name)


FILTERS: dict[str, Factory] = {
    "paywall": _rule_filter("paywall"),
    "cookie": _rule_filter("cookie"),
    "advert": _rule_filter("advert"),
    "footer": _rule_filter("footer"),
    "credit": _rule_filter("credit"),
    "caption": lambda mode: CaptionFilter(),
    "dateline": lambda mode: DatelineFilter(),
    "read_more": _rule_filter("read_more"),
    "related": lambda mode: RelatedFilter(),
    "author_blurb": lambda mode: AuthorBlurbFilter(),
    "promo": _rule_filter("promo"),
    "navigation": _rule_filter("navigation"),
    "context": lambda mode: ContextFilter(),
    "duplicate": lambda mode: DuplicateFilter(),
    "layout": LayoutFilter,
}

assert tuple(FILTERS) == DEFAULT_STEPS, "FILTERS and DEFAULT_STEPS must list the same steps"

__all__ = [
    "FILTERS",
    "AuthorBlurbFilter",
    "CaptionFilter",
    "ContextFilter",
    "DatelineFilter",
    "DuplicateFilter",
    "Filter",
    "LayoutFilter",
    "RelatedFilter",
    "RuleLineFilter",
]
