"""The newsclean exception hierarchy, documented in one place.

``NewscleanError``
    Root of everything newsclean raises on purpose; catch it to catch them all.

``UnknownStepError`` (also a ``KeyError``)
    A pipeline step name that does not exist, e.g. ``Pipeline.default().without("nope")``.
    The message lists the valid names.

``RulePackError`` (also a ``ValueError``)
    A rule pack that does not load: bad TOML, a missing field, a pattern that does not
    compile, an example that its rule does not match. The message names the file and rule.

``ConfigError`` (also a ``ValueError``)
    An invalid option, e.g. an unknown ``mode`` or a malformed ``lang`` code.

Wrong argument types are not newsclean errors: ``clean(None)`` or ``clean(b"...")`` raise
the built-in ``TypeError``.
"""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of all errors newsclean raises on purpose."""


class UnknownStepError(NewscleanError, KeyError):
    """A pipeline step name that is not in the pipeline."""

    def __init__(self, name: str, valid: tuple[str, ...]) -> None:
        self.name = name
        self.valid = valid
        super().__init__(f"unknown step {name!r}; valid step names: {', '.join(valid)}")

    def __str__(self) -> str:
        return str(self.args[0])


class RulePackError(NewscleanError, ValueError):
    """A rule pack file or rule that fails validation."""


class ConfigError(NewscleanError, ValueError):
    """An invalid pipeline option."""
