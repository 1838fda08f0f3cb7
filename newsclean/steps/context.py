"""The second look: decide short, ambiguous lines from their neighbours (jusText's idea).

Every part of this step reads the verdicts of the steps before it and nothing else, so
its decisions never cascade into each other; each removal names the line it follows from.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsclean.model import Kind
from newsclean.steps.author_box import author_boxes
from newsclean.steps.split_byline import role_bylines, split_bylines
from newsclean.steps.teasers import glued_teaser_runs
from newsclean.typography import ELLIPSES
from newsclean.view import Proposal, Verdict, View

BESIDE_PROMPT_RULE = "builtin.context.button_after_prompt"
SANDWICHED_RULE = "builtin.context.label_between_removed"
AFTER_CREDIT_RULE = "builtin.context.tail_after_credit"
CONTINUATION_RULE = "builtin.context.continued_line"
TEASER_RUN_RULE = "builtin.context.headlines_with_bylines"
GLUED_TEASERS_RULE = "builtin.context.glued_teasers"

# Removed lines that follow a teaser's headline: its byline, timestamp or agency.
_BYLINE_KINDS = frozenset({Kind.BYLINE, Kind.CREDIT, Kind.CAPTION, Kind.DATELINE})
# Headlines each followed by a byline, this many in a row, are a list of teasers.
_TEASER_RUN_MIN = 2
# Kinds whose prompts come with buttons ("Inscription", "Subscribe", "Accept").
_PROMPT_KINDS = frozenset({Kind.PAYWALL, Kind.PROMO, Kind.COOKIE, Kind.COMMENT})
# Page chrome: a short line with chrome on both sides is chrome too (a menu item, a label).
_SANDWICH_KINDS = frozenset(
    {
        Kind.NAVIGATION,
        Kind.PROMO,
        Kind.COOKIE,
        Kind.ADVERT,
        Kind.PAYWALL,
        Kind.RELATED,
        Kind.FOOTER,
        Kind.COMMENT,
    }
)
_SANDWICH_MAX_WORDS = 5
_SANDWICH_MAX_CHARS = 60
# Button labels right after a prompt: "Inscription", "Register", "Accept and close".
_BUTTON_MAX_WORDS = 3
_BUTTON_MAX_CHARS = 30


class ContextStep:
    """Button lines beside prompts, labels between removed lines, the headline-like lines
    right after a closing credit line, author boxes (see :mod:`.author_box`), bylines split
    over a label line and a name line and names with their role on a line of their own
    (see :mod:`.split_byline`), teaser lists
    told by their bylines or by the datelines their lines glue to headlines, and lines
    continuing a removed line after an ellipsis."""

    name = "context"

    def propose(self, view: View) -> Sequence[Verdict]:
        kinds = view.kinds()
        found: list[Verdict] = []
        found.extend(_beside_prompts_and_between_chrome(view, kinds))
        found.extend(_tail_after_credit(view, kinds))
        found.extend(_continuations(view, kinds))
        # Before author boxes: a name under a byline label is the byline's, even when a bio
        # follows it.
        found.extend(split_bylines(view, kinds))
        found.extend(role_bylines(view, kinds))
        found.extend(author_boxes(view, kinds))
        found.extend(_headlines_with_bylines(view, kinds))
        found.extend(_glued_teasers(view))
        return found


def _beside_prompts_and_between_chrome(view: View, kinds: list[Kind | None]) -> list[Proposal]:
    found: list[Proposal] = []
    # The prompt a run of button labels follows (its kind and line), carried down the run.
    prompt: tuple[Kind, int] | None = None
    touched = view.touched
    original_line = view.original_line
    for position, kind in enumerate(kinds):
        if kind is not None:
            prompt = (kind, position) if kind in _PROMPT_KINDS else None
            continue
        if touched(position):
            prompt = None
            continue
        line = original_line(position)
        if prompt is not None and line.short_label(_BUTTON_MAX_WORDS, _BUTTON_MAX_CHARS):
            found.append(view.whole(position, prompt[0], BESIDE_PROMPT_RULE, trigger=prompt[1]))
            continue
        prompt = None
        before = kinds[position - 1] if position > 0 else None
        after = kinds[position + 1] if position + 1 < len(kinds) else None
        if (
            before in _SANDWICH_KINDS
            and after in _SANDWICH_KINDS
            and line.short_label(_SANDWICH_MAX_WORDS, _SANDWICH_MAX_CHARS)
        ):
            found.append(
                view.whole(position, Kind.NAVIGATION, SANDWICHED_RULE, trigger=position - 1)
            )
    return found


def _tail_after_credit(view: View, kinds: list[Kind | None]) -> list[Proposal]:
    """Headline-like and label lines after the last credit line ("Reporting by …"), up to
    prose or a headline over its byline; nothing when no paragraph is kept above the
    credit (a timestamp over the headline is no closing credit)."""
    credits = [index for index, kind in enumerate(kinds) if kind is Kind.CREDIT]
    if not credits:
        return []
    found: list[Proposal] = []
    credit = credits[-1]
    if not any(kinds[i] is None and view.line(i).paragraph for i in range(credit)):
        # No article above the credit: it is a timestamp over the headline, not the
        # credit that closes the article.
        return []
    for index in range(credit + 1, len(kinds)):
        if kinds[index] is not None:
            continue
        if view.touched(index):
            break
        line = view.original_line(index)
        if not line.headline and not line.short_label():
            break
        if line.paragraph:
            break  # "Ja? Dann lesen Sie unbedingt …!": prose, whatever its last mark
        if index + 1 < len(kinds) and kinds[index + 1] is Kind.BYLINE:
            break  # a headline over its byline starts an article
        found.append(view.whole(index, Kind.FOOTER, AFTER_CREDIT_RULE, trigger=credit))
    return found


def _continuations(view: View, kinds: list[Kind | None]) -> list[Proposal]:
    """A line that opens with an ellipsis right after a removed line that ends with one
    continues it ("Mäscot auf Facebook…" / "…und anderem Web 2.0 Gedöns."): it goes with
    the same kind."""
    found: list[Proposal] = []
    for position in range(1, len(kinds)):
        kind, before = kinds[position], kinds[position - 1]
        if kind is not None or before is None:
            continue
        if (
            view.original(position).startswith(ELLIPSES)
            and view.original(position - 1).endswith(ELLIPSES)
            and not view.touched(position)
        ):
            found.append(view.whole(position, before, CONTINUATION_RULE, trigger=position - 1))
    return found


def _headlines_with_bylines(view: View, kinds: list[Kind | None]) -> list[Proposal]:
    """Teaser lists: headline-like lines each followed by removed bylines or timestamps,
    one right after another ("Russia: strikes on Syria wrong move" / "By REUTERS" /
    "11/20/2019 10:08 AM" / "11 dead in …" / …).

    A pair whose byline is followed by prose is the article's own headline and stays.
    """
    found: list[Proposal] = []
    run: list[int] = []
    follows = -1  # where the last pair of the run ends
    for position, kind in enumerate(kinds):
        if kind is not None or position < follows:
            continue
        end = position + 1
        while end < len(kinds) and kinds[end] in _BYLINE_KINDS:
            end += 1
        is_pair = (
            end > position + 1
            and not view.touched(position)
            and view.original_line(position).headline
        )
        if is_pair and (not run or position == follows):
            run.append(position)
            follows = end
            continue
        found.extend(_teaser_run(view, kinds, run, follows))
        run, follows = ([position], end) if is_pair else ([], -1)
    found.extend(_teaser_run(view, kinds, run, follows))
    return found


def _glued_teasers(view: View) -> list[Proposal]:
    """Runs of kept lines that each glue another story's headline to its dateline-led
    summary (:func:`~newsclean.steps.teasers.glued_teaser_runs`): a list of other stories,
    whose lines read like prose one by one, so the line model alone keeps them."""
    entries = view.kept_lines()
    runs = glued_teaser_runs([index for index, _ in entries], [line for _, line in entries])
    return [
        view.whole(
            index,
            Kind.RELATED,
            GLUED_TEASERS_RULE,
            trigger=run[0] if index != run[0] else run[1],
            evidence=f"one of {len(run)} lines in a row that glue a headline to a dateline",
        )
        for run in runs
        for index in run
        if not view.touched(index)
    ]


def _teaser_run(view: View, kinds: list[Kind | None], run: list[int], end: int) -> list[Proposal]:
    """The headlines of ``run`` (pairs ending before line ``end``) when they are a list."""
    if len(run) < _TEASER_RUN_MIN:
        return []
    after = view.original_line(end) if end < len(kinds) and kinds[end] is None else None
    if after is not None and after.paragraph:
        run = run[:-1]  # the article's headline and byline, then its first paragraph
    if len(run) < _TEASER_RUN_MIN:
        return []
    return [
        view.whole(
            index,
            Kind.RELATED,
            TEASER_RUN_RULE,
            (("related", view.original(index)),),
            trigger=index + 1,
        )
        for index in run
    ]
