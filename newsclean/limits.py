"""Bounds on work: regex timeouts and per-line caps that keep cost linear in input size."""

from __future__ import annotations

# Seconds one rule may spend on one line window before it is skipped and reported.
REGEX_TIMEOUT = 0.25

# Seconds the rules of user packs may spend on one document, all together; once spent,
# they are skipped for the rest of it and a warning says so (shipped rules are not
# budgeted: their patterns are linear, and the cost probe cannot prove a user's are).
USER_RULE_SECONDS = 1.0

# A whole-text pass (normalization, splitting) is linear; its timeout grows with the text
# so that only a pathological stall, never an honest large input, can trip it.
_WHOLE_TEXT_SECONDS_PER_MB = 2.0


def whole_text_timeout(n_chars: int) -> float:
    """Timeout in seconds for a linear regex pass over ``n_chars`` characters.

    >>> whole_text_timeout(0), whole_text_timeout(10_000_000)
    (1.0, 21.0)
    """
    return 1.0 + _WHOLE_TEXT_SECONDS_PER_MB * n_chars / 1_000_000


# Characters of body text given to language detection.
LANGUAGE_SAMPLE_CHARS = 1000

# Lines longer than this are never matched whole by a line rule (rules may set less).
DEFAULT_LINE_RULE_CHARS = 300

# Width of the window at the start or end of a line that prefix and suffix rules search.
DEFAULT_EDGE_WINDOW = 200
