"""Where the article is, learned: a line model scores every kept line, the decoder picks
the best-scoring run of lines, and the kept lines outside it go.

The model (:mod:`newsclean.learned`) reads shape, position, neighbours and what the named
rules removed nearby; the preset is its operating point (the decoder's threshold: lower
keeps more around the article, higher cuts closer to it).
"""

from __future__ import annotations

from newsclean.extract.foot import AFTER_RULE
from newsclean.learned.decode import best_span, line_weight
from newsclean.learned.features import page_features
from newsclean.learned.model import LineModel, default_model
from newsclean.model import Kind
from newsclean.modes import Mode
from newsclean.rules.model import Role
from newsclean.shape import ends_with
from newsclean.steps.layout import MAX_LIST_ITEMS, LayoutStep, announced_list_end
from newsclean.steps.title import headline_shaped, title_line, title_verdict
from newsclean.typography import COLON
from newsclean.view import Verdict, View

BEFORE_RULE = "model.before_article"
# A line outside the span that the model holds article text this surely stays (an
# article in two blocks, a lead above a teaser).
KEEP_OUTSIDE = 0.6


# A rule with the ``ends_article_below`` role marks the article's end when at least this
# many kept paragraphs stand above its line (dev, Dragnet: +.0025 with the shipped model;
# 3 and 6 differ on one page).
PARAGRAPHS_ABOVE_BELOW_MARKER = 3


def end_markers(view: View) -> frozenset[int]:
    """Lines a rule with the ``ends_article`` role cut, and those a rule with the
    ``ends_article_below`` role cut under ``PARAGRAPHS_ABOVE_BELOW_MARKER`` kept
    paragraphs or more ("2 Kommentare" over a thread; above the article, in a byline's
    strip of facts, it ends nothing)."""
    end_rules = view.rules.ids_by_role[Role.ENDS_ARTICLE]
    below_rules = view.rules.ids_by_role[Role.ENDS_ARTICLE_BELOW]
    if not end_rules and not below_rules:
        return frozenset()
    found: set[int] = set()
    paragraphs = 0
    for index in range(len(view)):
        if not view.removed(index):
            paragraphs += view.line(index).paragraph
            continue
        rules = {cut.rule for cut in view.cuts(index)}
        if not rules.isdisjoint(end_rules) or (
            paragraphs >= PARAGRAPHS_ABOVE_BELOW_MARKER and not rules.isdisjoint(below_rules)
        ):
            found.add(index)
    return frozenset(found)


def layout_cuts(view: View, mode: Mode) -> frozenset[int]:
    """The lines the hand-written layout step would remove (at the balanced preset in
    precision mode, where it removes nothing)."""
    step = LayoutStep(Mode.BALANCED if mode is Mode.PRECISION else mode)
    span = step.article_span(view)
    if span is None:
        return frozenset()
    first, last, _ = span
    return frozenset(index for index in view.kept() if not first <= index <= last)


def _last_colon_line(view: View, kept: list[int], first: int, last: int) -> int:
    """The span's last line that ends with a colon, among its last ``MAX_LIST_ITEMS + 1``
    kept lines, else ``last``."""
    tail = [index for index in kept if first <= index <= last][-(MAX_LIST_ITEMS + 1) :]
    return next((i for i in reversed(tail) if ends_with(view.text(i), COLON)), last)


class LineModelStep:
    """Removes the kept lines outside the run of lines the line model scores best."""

    # It takes the layout step's place (and name: ``without("layout")`` drops either).
    name = "layout"

    def __init__(
        self, mode: Mode = Mode.BALANCED, model: LineModel | None = None, keep_title: bool = False
    ) -> None:
        self.mode = mode
        self.keep_title = keep_title
        self.model = model or default_model()
        self.threshold = self.model.thresholds[mode.value]

    def __repr__(self) -> str:
        return f"LineModelStep(mode={self.mode.value!r})"

    def scores(self, view: View) -> list[tuple[int, float]]:
        """Each kept line's index and its probability of being article text."""
        return self._scored(view)[1]

    def _scored(
        self, view: View
    ) -> tuple[list[list[float]], list[tuple[int, float]], dict[int, list[float]]]:
        """The feature rows, each kept line's index and probability, and each kept line's
        :meth:`~newsclean.learned.model.LineModel.parts` (its evidence reads them)."""
        rows = page_features(view, end_markers(view), layout_cuts(view, self.mode))
        model = self.model
        parts = {
            index: model.parts(rows[index]) for index in range(len(view)) if not view.removed(index)
        }
        scored = [(index, model.probability_of(found)) for index, found in parts.items()]
        return rows, scored, parts

    def evidence(
        self,
        row: list[float],
        probability: float,
        where: str,
        parts: list[float] | None = None,
    ) -> str:
        """A removal's evidence: the line's probability of being article text, where it
        stood, and the features that moved it most towards boilerplate (``parts``: the
        row's contributions, when already computed)."""
        against = self.model.towards_boilerplate(row, parts=parts)
        named = ", ".join(f"{name} {value:+.2f}" for name, value in against) or "none"
        return f"p {probability:.2f}, {where} (threshold {self.threshold:.2f}); against: {named}"

    def propose(self, view: View) -> list[Verdict]:
        rows, scored, parts = self._scored(view)
        if not scored:
            return []
        kept = [index for index, _ in scored]
        probabilities = dict(scored)
        weights = [line_weight(len(view.text(index))) for index in kept]
        span = best_span(kept, [p for _, p in scored], weights, self.threshold)
        if span is None:
            return []
        first, last = span
        # A list the article's last paragraph announces ("the highlights:") is the article's,
        # also when the span already ends inside it.
        last = max(last, announced_list_end(view, _last_colon_line(view, kept, first, last)))
        confident = {index for index, probability in scored if probability >= KEEP_OUTSIDE}
        # The headline stands above the article's first paragraph, inside the span or
        # above it, or is that "paragraph" (a headline ending in "?" reads as prose).
        # Every headline-shaped line left above that paragraph would be a candidate the
        # next pass (or the next cleaning) takes, so all of them go with what lies above
        # the headline: cleaning stays idempotent.
        anchor = next((i for i in kept if first <= i <= last and view.line(i).paragraph), first)
        above = [index for index in kept if first <= index < anchor]
        # Lines above the span go (but for the confident ones): the search passes them.
        passable = {i for i in kept if i < first and i not in confident}
        title = title_line(
            view,
            anchor,
            stop_at={i for i in confident if i < first},
            passable=passable,
            with_first=True,
        )
        keep_title = self.keep_title or self.mode is Mode.PRECISION
        found: list[Verdict] = []
        if title is not None:
            found.append(title_verdict(view, title, keep_title))

        # A removal's evidence is a function of the line's parts (its probability and the
        # features against it) and where it stood: lines that fall in the same bins (a
        # listing, a thread) share it, written once.
        written: dict[tuple[tuple[float, ...], str], str] = {}

        def removal(index: int, kind: Kind, rule: str, trigger: int, where: str) -> Verdict:
            key = (tuple(parts[index]), where)
            why = written.get(key)
            if why is None:
                why = written[key] = self.evidence(
                    rows[index], probabilities[index], where, parts[index]
                )
            return view.whole(index, kind, rule, trigger=trigger, evidence=why)

        for index in above:
            if index == title:
                continue
            if title is not None and index < title:
                found.append(
                    removal(index, Kind.NAVIGATION, BEFORE_RULE, anchor, "above the headline")
                )
            elif headline_shaped(view.line(index)):
                found.append(
                    removal(
                        index, Kind.NAVIGATION, BEFORE_RULE, anchor, "a headline above the article"
                    )
                )
        # Past a line the comment rules removed (a comment form, a thread's title) below
        # the article, what the model removes is the comment thread.
        thread = next(
            (i for i in range(last + 1, len(view)) if view.kind(i) is Kind.COMMENT), len(view)
        )
        for index in kept:
            if index in confident or index == title or first <= index <= last:
                continue
            if index < first:
                found.append(
                    removal(index, Kind.NAVIGATION, BEFORE_RULE, first, "before the article")
                )
            elif index > thread:
                found.append(removal(index, Kind.COMMENT, AFTER_RULE, thread, "in the comments"))
            else:
                kind = Kind.RELATED if view.line(index).headline else Kind.FOOTER
                found.append(removal(index, kind, AFTER_RULE, last, "after the article"))
        return found
