"""Lines repeated within one document: repeated labels go entirely, repeated sentences and
paragraphs keep their first occurrence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from newsclean.document import Document, Proposal
from newsclean.model import Kind
from newsclean.shape import ends_like_sentence, word_count

SHORT_RULE = "builtin.duplicate.repeated_short_line"
PARAGRAPH_RULE = "builtin.duplicate.repeated_paragraph"
# A repeated line this short is a label or button ("Share", "Inscription"), never content.
MAX_SHORT_WORDS = 4
MAX_SHORT_CHARS = 60


class DuplicateFilter:
    """Proposes every repeat of a short line and every repeat after the first of a paragraph."""

    name = "duplicate"

    def propose(self, doc: Document) -> Iterator[Proposal]:
        occurrences: dict[str, list[int]] = defaultdict(list)
        for seg in doc.segments:
            if doc.is_removed(seg.index):
                continue
            text = doc.remaining(seg.index)
            if text[:1].isalpha() or any(ch.isalpha() for ch in text):
                # Printable text has no whitespace but single spaces unless two meet.
                plain = text.isprintable() and "  " not in text
                occurrences[(text if plain else " ".join(text.split())).casefold()].append(
                    seg.index
                )
        for key, indexes in occurrences.items():
            if len(indexes) < 2:
                continue
            short = (
                len(key) <= MAX_SHORT_CHARS
                and word_count(key) <= MAX_SHORT_WORDS
                and not ends_like_sentence(key)
            )
            chosen = indexes if short else indexes[1:]
            rule = SHORT_RULE if short else PARAGRAPH_RULE
            for index in chosen:
                seg = doc.segments[index]
                yield Proposal(index, seg.start, seg.end, Kind.DUPLICATE, rule, self.name)
