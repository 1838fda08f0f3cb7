"""Render a :class:`CleanResult` as text: each source line with its verdict and rule."""

from __future__ import annotations

from newsclean.model import CleanResult
from newsclean.segment import segment

_WIDTH = 96


def _clip(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def explain_result(result: CleanResult) -> str:
    """One line per verdict: ``KEEP`` for kept text, ``CUT <kind> <rule>`` for removals.

    >>> from newsclean import clean
    >>> print(clean("Advertisement\\nThe council met.", lang="en").explain())
    CUT  advert        universal.advert.label  | Advertisement
    KEEP                                       | The council met.
    """
    removals = list(result.removed)
    rule_width = max((len(r.rule) for r in removals), default=0)
    rows: list[str] = []
    position = 0
    for seg in segment(result.source):
        cursor = seg.start
        while position < len(removals) and removals[position].start < seg.end:
            removal = removals[position]
            kept = result.source[cursor : removal.start].strip()
            if kept:
                rows.append(f"KEEP {'':13} {'':{rule_width}} | {_clip(kept)}")
            label = f"CUT  {removal.kind.value:<13} {removal.rule:<{rule_width}}"
            rows.append(f"{label} | {_clip(removal.text.strip())}")
            cursor = removal.end
            position += 1
        kept = result.source[cursor : seg.end].strip()
        if kept:
            rows.append(f"KEEP {'':13} {'':{rule_width}} | {_clip(kept)}")
    return "\n".join(row.rstrip() if row.endswith("| ") else row for row in rows)


# One colour per kind family: reading order matters more than telling all fourteen apart.
_ANSI_KIND = {
    "paywall": "31",
    "promo": "31",
    "advert": "31",
    "cookie": "31",
    "related": "35",
    "read_more": "35",
    "navigation": "35",
    "footer": "33",
    "duplicate": "33",
    "credit": "36",
    "byline": "36",
    "dateline": "36",
    "caption": "34",
    "author_blurb": "34",
}
_RESET = "\x1b[0m"


def explain_colored(result: CleanResult) -> str:
    """The source as written, each removed span struck through in its kind's colour and
    followed by a dim ``[kind rule]`` label; kept text is left plain.

    >>> from newsclean import clean
    >>> print(repr(explain_colored(clean("Advertisement\\nRain.", lang="en"))))
    '\\x1b[9;31mAdvertisement\\x1b[0m\\x1b[2m [advert universal.advert.label]\\x1b[0m\\nRain.'
    """
    source = result.source
    pieces: list[str] = []
    cursor = 0
    for removal in result.removed:
        pieces.append(source[cursor : removal.start])
        colour = _ANSI_KIND.get(removal.kind.value, "31")
        pieces.append(f"\x1b[9;{colour}m{removal.text}{_RESET}")
        pieces.append(f"\x1b[2m [{removal.kind.value} {removal.rule}]{_RESET}")
        cursor = removal.end
    pieces.append(source[cursor:])
    return "".join(pieces).rstrip("\n")
