"""Split normalized text once into line segments that carry their offsets."""

from __future__ import annotations

from newsclean.model import Segment


def segment(source: str) -> tuple[Segment, ...]:
    """The non-blank lines of ``source``, each trimmed of edge whitespace, with offsets.

    >>> [(s.start, s.end, s.text) for s in segment("  Hello \\n\\nWorld")]
    [(2, 7, 'Hello'), (10, 15, 'World')]
    """
    segments: list[Segment] = []
    line_start = 0
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = line_start + lead
            segments.append(Segment(len(segments), start, start + len(stripped), stripped))
        line_start += len(line) + 1
    return tuple(segments)


def rebuild_text(source: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> str:
    """Cut sorted, non-overlapping ``(start, end)`` spans out of ``source``, line by line.

    Each line keeps what is left of it, stripped; empty lines are dropped; the rest are
    joined by ``"\\n"``. This is how ``CleanResult.text`` is made from its removals.

    >>> rebuild_text("Ad\\nBody text. Read more\\n", [(0, 2), (14, 23)])
    'Body text.'
    """
    pieces: list[str] = []
    cursor = 0
    for start, end in spans:
        pieces.append(source[cursor:start])
        cursor = end
    pieces.append(source[cursor:])
    kept = "".join(pieces)
    return "\n".join(line.strip() for line in kept.split("\n") if line.strip())
