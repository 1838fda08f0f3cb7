"""newsclean: raw scraped news text in, clean article text and audited metadata out.

>>> import newsclean
>>> result = newsclean.clean("Advertisement\\nThe council approved the budget.", lang="en")
>>> result.text, [r.kind.value for r in result.removed]
('The council approved the budget.', ['advert'])

The names below are imported when first used, so that ``newsclean --help`` and tools that
import one submodule do not load the rule packs, ftfy and langdetect.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from newsclean.corpus import LearnedRules, SiteLearner, learn
    from newsclean.errors import ConfigError, NewscleanError, RulePackError, UnknownStepError
    from newsclean.model import CleanResult, Dateline, Kind, Metadata, Removal
    from newsclean.pipeline import Pipeline, clean
    from newsclean.segment import rebuild_text

_HOME = {
    "ConfigError": "newsclean.errors",
    "NewscleanError": "newsclean.errors",
    "RulePackError": "newsclean.errors",
    "UnknownStepError": "newsclean.errors",
    "CleanResult": "newsclean.model",
    "Dateline": "newsclean.model",
    "Kind": "newsclean.model",
    "Metadata": "newsclean.model",
    "Removal": "newsclean.model",
    "Pipeline": "newsclean.pipeline",
    "clean": "newsclean.pipeline",
    "rebuild_text": "newsclean.segment",
    "LearnedRules": "newsclean.corpus",
    "SiteLearner": "newsclean.corpus",
    "learn": "newsclean.corpus",
}

__all__ = [
    "CleanResult",
    "ConfigError",
    "Dateline",
    "Kind",
    "LearnedRules",
    "Metadata",
    "NewscleanError",
    "Pipeline",
    "Removal",
    "RulePackError",
    "SiteLearner",
    "UnknownStepError",
    "__version__",
    "clean",
    "learn",
    "rebuild_text",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'newsclean' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
