"""The names of the default pipeline steps, in the order they run, and the kind each removes.

Order is priority: when two steps claim the same characters, the earlier step keeps them.
"""

from __future__ import annotations

from newsclean.model import Kind

DEFAULT_STEPS: tuple[str, ...] = (
    "paywall",
    "cookie",
    "advert",
    "footer",
    "credit",
    "caption",
    "dateline",
    "read_more",
    "related",
    "author_blurb",
    "promo",
    "navigation",
    "context",
    "duplicate",
    "layout",
)

# The kind a step's rules remove unless a rule says otherwise.
STEP_KIND: dict[str, Kind] = {
    "paywall": Kind.PAYWALL,
    "cookie": Kind.COOKIE,
    "advert": Kind.ADVERT,
    "footer": Kind.FOOTER,
    "credit": Kind.CREDIT,
    "caption": Kind.CAPTION,
    "dateline": Kind.DATELINE,
    "read_more": Kind.READ_MORE,
    "related": Kind.RELATED,
    "author_blurb": Kind.AUTHOR_BLURB,
    "promo": Kind.PROMO,
    "navigation": Kind.NAVIGATION,
    "duplicate": Kind.DUPLICATE,
}
