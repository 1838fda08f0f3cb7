"""The hand-written layout step (``line_model=False``; the line model reads its verdict as
a feature): page chrome before and after the article's paragraphs goes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import Kind, Pipeline
from newsclean.shape import is_paragraph_like
from newsclean.steps.layout import TEASER_RULE
from newsclean.steps.teasers import _INNER_DATELINE, _has_capitals_before_colon

PARAGRAPHS = [
    "The city council approved the new budget on Monday after a long debate.",
    "Officials said the plan would take effect in the spring of next year.",
    "Opposition members argued that the spending cuts went too far, too fast.",
]
# Six paragraphs: an article large enough to outweigh what the tests put around it.
ARTICLE = [*PARAGRAPHS, *(p.replace("the", "a") for p in PARAGRAPHS)]
LAYOUT = Pipeline.default(line_model=False)


def cleaned(*blocks: list[str]) -> str:
    """The cleaned text of the lines of ``blocks``, in order (English)."""
    return LAYOUT.clean("\n".join(line for block in blocks for line in block), lang="en").text


def test_layout_removes_menus_before_and_link_lists_after() -> None:
    text = "\n".join(
        ["News", "Politics", "Business", "Sport", *PARAGRAPHS, "Weather", "Markets rally on hopes"]
    )
    result = LAYOUT.clean(text, lang="en")
    assert result.text == "\n".join(PARAGRAPHS)
    kinds = {(r.text, r.kind) for r in result.removed}
    assert ("Politics", Kind.NAVIGATION) in kinds
    assert ("Markets rally on hopes", Kind.RELATED) in kinds


def test_layout_keeps_subheadings_and_list_items_inside_the_article() -> None:
    text = "\n".join([PARAGRAPHS[0], "What happens next", PARAGRAPHS[1], "Item one", PARAGRAPHS[2]])
    assert LAYOUT.clean(text, lang="en").text == text


def test_layout_keeps_a_second_large_cluster_after_a_long_gap() -> None:
    gap = ["Photo gallery", "Slide 1", "Slide 2", "Slide 3", "Slide 4", "Slide 5", "Slide 6"]
    more = [p.replace("the", "that") for p in PARAGRAPHS]
    text = "\n".join([*PARAGRAPHS, *gap, *more])
    result = LAYOUT.clean(text, lang="en")
    assert result.text.startswith(PARAGRAPHS[0])
    assert result.text.endswith(more[-1])


def test_layout_precision_mode_keeps_chrome() -> None:
    text = "\n".join(["News", "Politics", *PARAGRAPHS])
    assert Pipeline.default(mode="precision", line_model=False).clean(text, lang="en").text == text


def test_layout_without_paragraphs_removes_nothing() -> None:
    text = "Politics\nBusiness\nSport"
    assert LAYOUT.clean(text, lang="en").text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council approved the budget on Monday.", True),
        ("Politics Business Tech Sport Culture", False),
        ("表示されるメニューから「プロパティ」をクリック。", True),
        ("Short line.", False),
        # A long listing without full stops is text; a row of links or a tag cloud is not.
        (
            " ".join(
                f"Round {n}: {n} May – Interlagos circuit, Brazil" for n in range(1, 9)
            ).replace(",", ""),
            True,
        ),
        (" | ".join(f"Acme {n} Solutions" for n in range(1, 16)), False),
        (" ".join(f"topic{n} tag{n} words{n}" for n in range(1, 16)), False),
        (" - ".join(f"Section {n}" for n in range(1, 30)), False),
    ],
)
def test_is_paragraph_like(text: str, expected: bool) -> None:
    assert is_paragraph_like(text) is expected


def test_unknown_mode_is_a_config_error() -> None:
    with pytest.raises(newsclean.ConfigError, match="valid modes"):
        Pipeline.default(mode="aggressive")


TEASERS = [
    "Cities urge boycott of meat companies",
    "Lawmakers in two big cities want to cut ties with beef importers.",
    "Here they go again: new outages set for parts of the state",
    "The move follows several mass blackouts last month during dry weather.",
    "Why farmers may paint their cows with stripes",
    "Scientists say the stripes keep biting flies away from the herd.",
]


def test_layout_drops_a_run_of_teasers_after_the_article() -> None:
    result = LAYOUT.clean("\n".join([*ARTICLE, *TEASERS]), lang="en")
    assert result.text == "\n".join(ARTICLE)
    # The run is one list of other stories: headlines and summaries alike, each naming the
    # run's first line as the line it follows from.
    assert {(r.kind, r.rule) for r in result.removed} == {(Kind.RELATED, TEASER_RULE)}
    first = result.removed[0]
    assert first.trigger is None
    assert all(r.trigger is not None and r.trigger.start == first.start for r in result.removed[1:])


def test_layout_keeps_subheads_with_short_paragraphs_when_not_a_run() -> None:
    text = "\n".join(
        [
            PARAGRAPHS[0],
            TEASERS[0],
            TEASERS[1],
            PARAGRAPHS[1],
            PARAGRAPHS[2],
            TEASERS[2],
            TEASERS[3],
        ]
    )
    assert LAYOUT.clean(text, lang="en").text == text


def test_layout_drops_teasers_whose_summaries_lack_a_full_stop() -> None:
    teasers = [
        "Cities urge boycott of meat companies",
        "Lawmakers in the two biggest cities want to cut ties with businesses importing beef",
        *TEASERS[2:],
    ]
    assert cleaned(ARTICLE, teasers) == "\n".join(ARTICLE)


def test_layout_keeps_a_lead_after_a_list_of_headlines() -> None:
    headlines = [
        "Coach suspended for the rest of the season at a minimum",
        "Veteran quarterback now says he can play until he is forty",
        "League says it is disappointed the player did not appear",
        "Power rankings after the twelfth week of the season",
    ]
    lead = [
        "Coach says the team needed to win this game",
        "The coach recognizes that his team's playoff hopes are slim after the loss on Monday.",
        *PARAGRAPHS,
    ]
    result = LAYOUT.clean("\n".join([*headlines, *lead]), lang="en")
    assert lead[1] in result.text


def test_layout_ends_the_article_at_a_comment_form_even_when_glued() -> None:
    comments = [
        "Great piece, thanks for writing it up so clearly for all of us here.",
        "I disagree with most of this, but it was an interesting read anyway.",
    ]
    text = "\n".join([*PARAGRAPHS, "Leave a Reply Cancel reply", *comments])
    result = LAYOUT.clean(text, lang="en")
    assert result.text == "\n".join(PARAGRAPHS)
    assert result.removed[0].rule == "universal.comment.form"


def test_layout_keeps_the_article_before_a_longer_comment_thread() -> None:
    comments = [
        f"Comment {n}: I have followed this council for years and this budget is the worst yet."
        for n in range(12)
    ]
    text = "\n".join([*PARAGRAPHS, "Leave a Reply", *comments])
    assert LAYOUT.clean(text, lang="en").text == "\n".join(PARAGRAPHS)


def _teaser(topic: str) -> tuple[str, str]:
    return f"Why the fight over {topic} will define the coming year", _long_summary(topic)


def _long_summary(topic: str) -> str:
    sentence = f"Our columnist looks at {topic} and at what the week's hearings meant for it. "
    return (sentence * 5).strip()


def test_layout_drops_a_long_run_of_teasers_with_long_summaries() -> None:
    topics = ["the budget", "the courts", "the border", "the election", "the markets"]
    teasers = [line for topic in topics for line in _teaser(topic)]
    assert len(teasers[1]) > 300
    assert cleaned(ARTICLE, teasers) == "\n".join(ARTICLE)


def test_layout_keeps_subheads_over_long_paragraphs() -> None:
    sections = [
        line for topic in ["the budget", "the courts", "the border"] for line in _teaser(topic)
    ]
    text = "\n".join([*PARAGRAPHS, *sections])
    assert LAYOUT.clean(text, lang="en").text == text


def test_layout_keeps_an_intro_that_announces_a_list() -> None:
    intro = [
        "Winter is the best season for a trip to the hot springs of the region.",
        "The highlights of the region at a glance:",
    ]
    items = ["Wellness: six spas", "Food: local cheese", "Sport: winter hikes", "Tip: the route"]
    main = [p.replace("the", "a") * 3 for p in [*PARAGRAPHS, *PARAGRAPHS]]
    text = "\n".join([*intro, *items, "First stop", "Second stop", *main])
    result = LAYOUT.clean(text, lang="en")
    assert result.text.startswith(intro[0])


def test_layout_keeps_the_list_the_last_paragraph_announces() -> None:
    summary = [
        "I know these are a lot of numbers, so I will summarize them here:",
        "Tuples save a bit of memory when replacing lists",
        "Slotted classes save a lot of memory",
    ]
    chrome = ["More Stories", "Markets rally on rate hopes"]
    assert cleaned(ARTICLE, summary, chrome) == "\n".join([*ARTICLE, *summary])
    # One line after the colon is no list: it may head the next section.
    assert cleaned(ARTICLE, summary[:2], ["Privacy"]) == "\n".join([*ARTICLE, summary[0]])


def test_layout_follows_an_announced_numbered_list_past_the_item_limit() -> None:
    intro = ["So here are the deals worth a look this year, one by one:"]
    items = [
        line
        for n in range(1, 13)
        for line in (f"{n}) Board game number {n} (travel edition)", f"http://example.com/{n}")
    ]
    chrome = ["More Stories", "Markets rally on rate hopes", "Privacy"]
    assert cleaned(ARTICLE, intro, items, chrome) == "\n".join([*ARTICLE, *intro, *items])
    # The numbering must start at 1 and go on: a gap ends the list.
    broken = [*items[:4], *items[6:]]
    assert cleaned(ARTICLE, intro, broken, chrome) == "\n".join([*ARTICLE, *intro, *broken[:4]])


def test_the_last_numbered_item_keeps_as_many_lines_as_the_one_before() -> None:
    intro = ["Here are the winners of this year's awards, in order of their scores:"]
    items = [
        line
        for n in range(1, 5)
        for line in (
            f"{n}. The Example Gazette {n}, for a series",
            f"A year-long look at rents {n}",
        )
    ]
    chrome = ["Markets rally on rate hopes", "Weather"]
    assert cleaned(ARTICLE, intro, items, chrome) == "\n".join([*ARTICLE, *intro, *items])


def test_layout_drops_a_run_of_headlines_glued_to_dateline_summaries() -> None:
    teasers = [
        "Man pleads guilty to fraud scheme NEW YORK: A man has pleaded guilty to theft.",
        "UN regrets new position on settlements UNITED NATIONS: The Secretary General said.",
        "Schools in the valley open again NEW DELHI: All schools and colleges are now open.",
    ]
    assert cleaned(teasers, ARTICLE) == "\n".join(ARTICLE)


def test_layout_keeps_the_article_around_a_related_box() -> None:
    box = [
        "Related Stories",
        "Council delays the vote on the new stadium",
        "Mayor names a new head of the transport department",
        "City hall to close early on Friday for repairs",
        "Opposition calls for an audit of the housing fund",
        "Budget hearings draw record crowds to city hall",
    ]
    more = [p.replace("the", "a") for p in PARAGRAPHS]
    assert cleaned(PARAGRAPHS, box, more) == "\n".join([*PARAGRAPHS, *more])


def test_layout_cuts_off_a_small_cluster_behind_removed_menus() -> None:
    menu = ["Home", "Privacy Policy", "Terms of Use", "Contact Us", "Sitemap", "Careers"]
    labels = ["Weather today", "Markets live", "Our podcasts", "Crossword", "Horoscopes"]
    about = [
        "The newsroom was founded in 1990 and today employs forty journalists in the city.",
        "It is owned by a foundation and publishes a print edition every Saturday morning.",
    ]
    once = cleaned(ARTICLE, menu, labels, about)
    assert once == "\n".join(ARTICLE)
    assert LAYOUT.clean(once, lang="en").text == once


_DATELINE_LIKE = st.tuples(
    st.sampled_from(["from", "x", "", "a b"]),
    st.sampled_from([" ", "\u00a0", "\t", ""]),
    st.sampled_from(["US", "US NEW", "NEW-DELHI", "É", "A", "us", "USA"]),
    st.sampled_from([":", "", ";", ": :"]),
    st.sampled_from([" Their", "\u00a0Their", "\tA", "Their", " their", "  É"]),
).map("".join)


@given(_DATELINE_LIKE)
def test_layout_inner_dateline_precheck_never_hides_a_match(text: str) -> None:
    # The cheap test before the search for "… from US NEW DELHI: Their …" must let every
    # line through that the search would match.
    if _INNER_DATELINE.search(text) is not None:
        assert _has_capitals_before_colon(text)


def test_layout_inner_dateline_precheck_examples() -> None:
    assert _has_capitals_before_colon("returns home from US NEW DELHI:\u00a0Their dream")
    assert not _has_capitals_before_colon("Note: the US said so")
    assert not _has_capitals_before_colon("NEW DELHI:Their")


GLUED_TEASERS = [
    "Man pleads guilty to fraud scheme NEW YORK: A man has pleaded guilty to theft.",
    "UN regrets new position on settlements UNITED NATIONS: The Secretary General said.",
    "Schools in the valley open again NEW DELHI: All schools and colleges are now open.",
]


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_run_of_headlines_glued_to_dateline_summaries_is_related_whatever_decides_the_rest(
    where: str,
) -> None:
    # Each line reads like a paragraph; three in a row are a list of other stories, removed
    # as related by the context step, before the line model (or the layout step) decides.
    blocks = [GLUED_TEASERS, ARTICLE] if where == "before" else [ARTICLE, GLUED_TEASERS]
    text = "\n".join(line for block in blocks for line in block)
    for pipeline in (Pipeline.default(), LAYOUT):
        result = pipeline.clean(text, lang="en")
        assert result.text == "\n".join(ARTICLE)
        teasers = [r for r in result.removed if r.rule == "builtin.context.glued_teasers"]
        assert [r.text for r in teasers] == GLUED_TEASERS
        assert {r.kind for r in teasers} == {Kind.RELATED}
        assert all(r.evidence and "3 lines" in r.evidence for r in teasers)


def test_two_headlines_glued_to_datelines_are_no_run_and_a_dateline_in_prose_is_none() -> None:
    # Fewer than three such lines, or one paragraph that quotes a dateline, stay the line
    # model's to decide: the context step takes none of them.
    prose = "The minister spoke to reporters in WASHINGTON: The talks will go on next week."
    text = "\n".join([*GLUED_TEASERS[:2], *ARTICLE[:3], prose, *ARTICLE[3:]])
    result = Pipeline.default().clean(text, lang="en")
    assert not [r for r in result.removed if r.rule == "builtin.context.glued_teasers"]
    assert prose in result.text
