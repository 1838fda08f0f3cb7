"""Author bio boxes: generated title runs («Analyste. Passionné du Web. …») and bio lines."""

from __future__ import annotations

import regex

from newsclean.limits import REGEX_TIMEOUT
from newsclean.model import Kind
from newsclean.steps.base import RuleStep
from newsclean.typography import FRAGMENT_ENDS, QUOTES, SPACES
from newsclean.view import Verdict, View

FRAGMENT_RULE = "builtin.author_blurb.title_fragments"
MIN_FRAGMENTS = 4
MAX_FRAGMENT_WORDS = 6
MAX_MEAN_FRAGMENT_WORDS = 3.5
MAX_BLURB_CHARS = 400

_QUOTES_AND_SPACES = QUOTES + SPACES
_FRAGMENT_END = regex.compile(rf"(?<=[{regex.escape(FRAGMENT_ENDS)}])\s+")


def is_title_fragment_run(text: str) -> bool:
    """A line made of several short, capitalised title fragments, without commas or digits.

    >>> is_title_fragment_run("« Analyste. Passionné du Web. Expert en musique. Explorateur. »")
    True
    >>> is_title_fragment_run("He paused. Then he spoke. The room was silent. Nobody moved, ever.")
    False
    """
    if len(text) > MAX_BLURB_CHARS or "," in text or ";" in text or ":" in text:
        return False
    body = text.strip(_QUOTES_AND_SPACES)
    if not body.endswith(tuple(FRAGMENT_ENDS)) or any(ch.isdigit() for ch in text):
        return False
    try:
        fragments = [f for f in _FRAGMENT_END.split(body, timeout=REGEX_TIMEOUT) if f]
    except TimeoutError:
        return False
    if len(fragments) < MIN_FRAGMENTS:
        return False
    sizes = [len(fragment.split()) for fragment in fragments]
    if max(sizes) > MAX_FRAGMENT_WORDS or sum(sizes) / len(sizes) > MAX_MEAN_FRAGMENT_WORDS:
        return False
    return all(fragment[0].isupper() for fragment in fragments)


def _may_be_fragment_run(text: str) -> bool:
    """A cheap necessary condition of :func:`is_title_fragment_run`: no comma, semicolon or
    colon, and a full stop or exclamation mark after each fragment."""
    if "," in text or ";" in text or ":" in text:
        return False
    return sum(map(text.count, FRAGMENT_ENDS)) >= MIN_FRAGMENTS


class AuthorBlurbStep(RuleStep):
    """Bio lines from the rule packs plus the language-independent title-fragment shape."""

    def __init__(self) -> None:
        super().__init__("author_blurb")

    def propose(self, view: View) -> list[Verdict]:
        found = super().propose(view)
        judged = {verdict.line for verdict in found}
        touched = view.touched
        for index, line in view.kept_lines():
            if index in judged:
                continue
            if not touched(index) and not _may_be_fragment_run(line.text):
                continue
            if view.span(index) is not None and is_title_fragment_run(view.text(index)):
                found.append(view.whole(index, Kind.AUTHOR_BLURB, FRAGMENT_RULE))
        return found
