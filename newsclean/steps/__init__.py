"""The pipeline steps, one module per family, registered in :mod:`.registry`.

Families whose knowledge is all in the rule packs (paywall, cookie, advert, footer, credit,
read_more, promo, navigation) are the generic :class:`RuleStep`; the others add block,
shape or neighbour logic in a module of their own.
"""

from newsclean.steps.base import RuleStep, Step
from newsclean.steps.registry import DEFAULT_STEPS, FAMILIES, FAMILY, Family, Settings

__all__ = ["DEFAULT_STEPS", "FAMILIES", "FAMILY", "Family", "RuleStep", "Settings", "Step"]
