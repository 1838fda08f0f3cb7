"""Lines repeated within one document: repeated labels go entirely, repeated sentences and
paragraphs keep their first occurrence."""

from __future__ import annotations

from collections import defaultdict

from newsclean.lines import Line
from newsclean.model import Kind
from newsclean.view import Verdict, View

SHORT_RULE = "builtin.duplicate.repeated_short_line"
PARAGRAPH_RULE = "builtin.duplicate.repeated_paragraph"
# A repeated line this short is a label or button ("Share", "Inscription"), never content.
MAX_SHORT_WORDS = 4
MAX_SHORT_CHARS = 60


class DuplicateStep:
    """Proposes every repeat of a short line and every repeat after the first of a paragraph."""

    name = "duplicate"

    def propose(self, view: View) -> list[Verdict]:
        occurrences: dict[str, list[int]] = defaultdict(list)
        lines: dict[int, Line] = {}
        for index, line in view.kept_lines():
            key = line.repeat_key
            if key is not None:
                occurrences[key].append(index)
                lines[index] = line
        found: list[Verdict] = []
        for indexes in occurrences.values():
            if len(indexes) < 2:
                continue
            first = lines[indexes[0]]
            short = (
                len(first.repeat_key or "") <= MAX_SHORT_CHARS
                and first.words <= MAX_SHORT_WORDS
                and not first.clause_end
            )
            chosen = indexes if short else indexes[1:]
            rule = SHORT_RULE if short else PARAGRAPH_RULE
            trigger = None if short else indexes[0]
            found.extend(
                view.whole(index, Kind.DUPLICATE, rule, trigger=trigger) for index in chosen
            )
        return found
