"""newsclean: raw scraped news text in, clean article text and audited metadata out.

>>> import newsclean
>>> result = newsclean.clean("Advertisement\\nThe council approved the budget.", lang="en")
>>> result.text, [r.kind.value for r in result.removed]
('The council approved the budget.', ['advert'])
"""

from newsclean.errors import ConfigError, NewscleanError, RulePackError, UnknownStepError
from newsclean.model import CleanResult, Dateline, Kind, Metadata, Removal
from newsclean.pipeline import Pipeline, clean
from newsclean.segment import rebuild_text

__version__ = "0.1.0"

__all__ = [
    "CleanResult",
    "ConfigError",
    "Dateline",
    "Kind",
    "Metadata",
    "NewscleanError",
    "Pipeline",
    "Removal",
    "RulePackError",
    "UnknownStepError",
    "__version__",
    "clean",
    "rebuild_text",
]
