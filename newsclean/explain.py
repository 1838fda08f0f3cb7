"""Render a :class:`CleanResult` as text: each source line with its verdict and rule."""

from __future__ import annotations

from bisect import bisect_right

from newsclean.model import CleanResult, Removal
from newsclean.segment import segment
from newsclean.steps.registry import KIND_STYLES

_WIDTH = 96


def _clip(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


class LineNumbers:
    """Source offsets to 1-based line numbers."""

    def __init__(self, source: str) -> None:
        self._starts = [0]
        position = source.find("\n")
        while position >= 0:
            self._starts.append(position + 1)
            position = source.find("\n", position + 1)

    def of(self, offset: int) -> int:
        return bisect_right(self._starts, offset)


def because(removal: Removal, numbers: LineNumbers) -> str:
    """What a removal followed from, for reading: ``"after line 3 (fr.paywall.x)"``, or ``""``.

    >>> from newsclean.model import Kind, Trigger
    >>> r = Removal(9, 20, "Inscription", Kind.PAYWALL, "r", "context", Trigger(0, 8, "p"))
    >>> because(r, LineNumbers("Sign up!\\nInscription"))
    'after line 1 (p)'
    """
    trigger = removal.trigger
    if trigger is None:
        return ""
    line = numbers.of(trigger.start)
    return f"after line {line} ({trigger.rule})" if trigger.rule else f"after line {line}"


def why(removal: Removal, numbers: LineNumbers) -> str:
    """What a removal followed from and its evidence, for reading, or ``""``.

    >>> from newsclean.model import Kind
    >>> r = Removal(0, 4, "Home", Kind.NAVIGATION, "model.before_article", "layout",
    ...             evidence="p .05 < .25; relative_length -0.50")
    >>> why(r, LineNumbers("Home"))
    'p .05 < .25; relative_length -0.50'
    """
    parts = [part for part in (because(removal, numbers), removal.evidence) if part]
    return "; ".join(parts)


def explain_result(result: CleanResult) -> str:
    """One line per verdict: ``KEEP`` for kept text, ``CUT <kind> <rule>`` for removals,
    followed, for a removal decided by a neighbour, by the line and rule it followed from,
    and by a learned decision's evidence.

    >>> from newsclean import clean
    >>> print(clean("Advertisement\\nThe council met.", lang="en").explain())
    CUT  advert        universal.advert.label  | Advertisement
    KEEP                                       | The council met.
    """
    removals = list(result.removed)
    numbers = LineNumbers(result.source)
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
            reason = why(removal, numbers)
            suffix = f"  [{reason}]" if reason else ""
            rows.append(f"{label} | {_clip(removal.text.strip())}{suffix}")
            cursor = removal.end
            position += 1
        kept = result.source[cursor : seg.end].strip()
        if kept:
            rows.append(f"KEEP {'':13} {'':{rule_width}} | {_clip(kept)}")
    return "\n".join(row.rstrip() if row.endswith("| ") else row for row in rows)


_RESET = "\x1b[0m"


def explain_colored(result: CleanResult) -> str:
    """The source as written, each removed span struck through in its kind's colour and
    followed by a dim ``[kind rule]`` label; kept text is left plain.

    >>> from newsclean import clean
    >>> print(repr(explain_colored(clean("Advertisement\\nRain.", lang="en"))))
    '\\x1b[9;31mAdvertisement\\x1b[0m\\x1b[2m [advert universal.advert.label]\\x1b[0m\\nRain.'
    """
    source = result.source
    numbers = LineNumbers(source)
    pieces: list[str] = []
    cursor = 0
    for removal in result.removed:
        pieces.append(source[cursor : removal.start])
        colour = KIND_STYLES[removal.kind].ansi
        reason = why(removal, numbers)
        label = f"{removal.kind.value} {removal.rule}" + (f", {reason}" if reason else "")
        pieces.append(f"\x1b[9;{colour}m{removal.text}{_RESET}")
        pieces.append(f"\x1b[2m [{label}]{_RESET}")
        cursor = removal.end
    pieces.append(source[cursor:])
    return "".join(pieces).rstrip("\n")
