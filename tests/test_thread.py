"""Comment threads told by their stamps (``steps/thread.py``): three or more stamps in one
frame, naming at least two people, take the lines between them; the article's own
dated byline never joins its comments' thread."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import Kind, Pipeline
from newsclean.steps.thread import BODY_RULE, LAST_RULE, SIGNED_RULE, STAMP_RULE

ARTICLE = (
    "The city council approved the budget on Monday after a debate that lasted six hours.\n"
    "The mayor said the plan would fund two new schools and repair the old harbour wall.\n"
    "Opposition members said the spending was too high and asked for an audit next year."
)
COMMENTS = [
    ("Tim Walker", "I doubt the schools will be built on time, but it is a start."),
    ("ohreally", "Environmentalist claptrap and economic idiocy, as usual here."),
    ("john b", "The harbour wall has needed repairs for a decade; good news at last."),
    ("Harald K", "Six hours of debate for this? They could have voted in one."),
]


def _headed(stamp: str) -> str:
    """A thread whose stamps head their comments: ``stamp`` formatted with name and n."""
    return "\n".join(
        f"{stamp.format(name=name, n=n)}\n{body}"
        for n, (name, body) in enumerate(COMMENTS, start=1)
    )


def _thread_removals(text: str) -> list[tuple[str, str]]:
    result = Pipeline.default().clean(text, lang="en")
    return [
        (removal.rule, removal.text)
        for removal in result.removed
        if removal.rule in {STAMP_RULE, BODY_RULE, SIGNED_RULE, LAST_RULE}
    ]


def test_stamps_heading_their_comments_take_the_comments_between_them() -> None:
    page = f"{ARTICLE}\n{_headed('{name} 11.06.12 at 11:{n}6 am')}\nLeave a Reply"
    result = Pipeline.default().clean(page, lang="en")
    assert result.text == ARTICLE
    found = _thread_removals(page)
    # Each stamp goes as the thread's (unless a timestamp rule took it first).
    stamps = [f"{name} 11.06.12 at 11:{n}6 am" for n, (name, _) in enumerate(COMMENTS, start=1)]
    removed = {removal.text: removal.rule for removal in result.removed}
    assert all(stamp in removed for stamp in stamps)
    assert (STAMP_RULE, stamps[0]) in found
    # Every comment between two stamps is the thread's, and the last one, which the
    # comment form closes.
    assert [text for rule, text in found if rule == BODY_RULE] == [b for _, b in COMMENTS[:-1]]
    assert (LAST_RULE, COMMENTS[-1][1]) in found
    kinds = {r.kind for r in result.removed if r.rule in {STAMP_RULE, BODY_RULE, LAST_RULE}}
    assert kinds == {Kind.COMMENT}


def test_a_last_comment_longer_than_any_other_stays_for_the_later_steps() -> None:
    page = f"{ARTICLE}\n{_headed('{name} says: November {n}, 2019 at 6:44 am')}\n{ARTICLE}"
    assert all(rule != LAST_RULE for rule, _ in _thread_removals(page))


def test_a_comment_names_its_stamp_as_the_trigger() -> None:
    page = f"{ARTICLE}\n{_headed('{name} says: November {n}, 2019 at 6:44 am')}"
    result = Pipeline.default().clean(page, lang="en")
    triggered = [r for r in result.removed if r.rule in {BODY_RULE, LAST_RULE}]
    assert len(triggered) == len(COMMENTS)
    for removal in triggered:
        # The stamp right above the comment (removed by whichever rule took it).
        assert removal.trigger is not None
        stamp = page[removal.trigger.start : removal.trigger.end]
        assert page[removal.trigger.end + 1 : removal.start] == ""
        assert " says: November " in stamp


def test_german_stamps_make_a_thread() -> None:
    article = (
        "Der Stadtrat hat am Montag nach einer sechsstündigen Debatte den Haushalt beschlossen.\n"
        "Der Bürgermeister sagte, der Plan finanziere zwei neue Schulen und die Hafenmauer."
    )
    thread = "\n".join(
        f"{name} sagt: {n}. November 2023 um 20:1{n} Uhr\nDas ist ein guter Anfang, finde ich."
        for n, name in enumerate(["Kritischer Kritiker", "Christian", "Anna M."], start=1)
    )
    result = Pipeline.default().clean(f"{article}\n{thread}", lang="de")
    assert result.text == article


def test_stamps_signing_the_comments_above_them_take_the_first_comment_too() -> None:
    signed = "\n".join(
        f"{body}\nPosted by: {name} | November 0{n}, 2012 at 04:4{n} AM"
        for n, (name, body) in enumerate(COMMENTS, start=1)
    )
    page = f"{ARTICLE}\nComments\n{signed}\nVerify your Comment\nPost a comment"
    result = Pipeline.default().clean(page, lang="en")
    assert result.text == ARTICLE
    assert (SIGNED_RULE, COMMENTS[0][1]) in _thread_removals(page)


def test_the_articles_last_paragraph_is_no_signed_comment() -> None:
    # A share bar above a one-paragraph article, and a thread whose last comment is below
    # its stamp: the paragraph above the first stamp is the article's, not a comment.
    paragraph = ARTICLE.split("\n")[0]
    page = f"Share\n{paragraph}\n{_headed('{name} says: November {n}, 2019 at 6:44 am')}"
    assert paragraph in Pipeline.default().clean(page, lang="en").text.split("\n")
    assert all(rule != SIGNED_RULE for rule, _ in _thread_removals(page))


def test_the_articles_own_dated_byline_does_not_join_the_thread() -> None:
    byline = "By Jane Doe on November 1, 2019 at 9:00 am"
    page = f"{byline}\n{ARTICLE}\n{_headed('{name} says: November {n}, 2019 at 6:44 am')}"
    result = Pipeline.default().clean(page, lang="en")
    assert result.text == ARTICLE
    assert all(text != byline for _, text in _thread_removals(page))


def test_two_stamps_are_no_thread() -> None:
    comments = "\n".join(
        f"{name} says: November {n}, 2019 at 6:44 am\n{body}"
        for n, (name, body) in enumerate(COMMENTS[:2], start=1)
    )
    assert _thread_removals(f"{ARTICLE}\n{comments}") == []


def test_one_name_over_and_over_is_no_thread() -> None:
    # A live blog's or one author's dated entries: the same name in every stamp.
    entries = "\n".join(
        f"Jane Doe, November {n}, 2019 at 9:0{n} am\n{body}" for n, (_, body) in enumerate(COMMENTS)
    )
    assert _thread_removals(f"{ARTICLE}\n{entries}") == []


def test_stamps_far_apart_are_no_thread() -> None:
    long_body = "\n".join([ARTICLE] * 6)  # 18 lines between two stamps
    page = "\n".join(
        f"{name} says: November {n}, 2019 at 6:44 am\n{long_body}"
        for n, (name, _) in enumerate(COMMENTS, start=1)
    )
    assert _thread_removals(page) == []


@pytest.mark.parametrize(
    "stamp",
    [
        "{name} November {n}, 2012, | Permalink",  # a date, no time of day
        "{name}, on November {n}th, 2012 // Reply",
        "{name} {n} days ago",  # a relative time
        "by {name} about {n} hours ago",
    ],
)
def test_stamps_without_a_time_of_day_make_a_thread_too(stamp: str) -> None:
    page = f"{ARTICLE}\n{_headed(stamp)}\nLeave a Reply"
    result = Pipeline.default().clean(page, lang="en")
    assert result.text == ARTICLE
    stamps = [rule for rule, text in _thread_removals(page) if rule == STAMP_RULE]
    assert len(stamps) >= 3


def test_a_list_of_posts_under_their_headlines_is_no_thread() -> None:
    # A blog's list of posts: a headline, its byline with a date, an excerpt.
    posts = "\n".join(
        f"Headline number {n} about the harbour wall\nby {name} on November {n}, 2019\n"
        f"{body} The excerpt goes on for a while before its link."
        for n, (name, body) in enumerate(COMMENTS, start=1)
    )
    assert _thread_removals(posts) == []


def test_dated_teasers_that_name_only_a_weekday_are_no_thread() -> None:
    teasers = "\n".join(
        f"{day} | {n}. Juli 2019\nDie schönsten Kleider der Saison, kurz vorgestellt."
        for n, day in zip(
            (22, 23, 24, 25), ("Montag", "Dienstag", "Mittwoch", "Donnerstag"), strict=True
        )
    )
    assert _thread_removals(f"{ARTICLE}\n{teasers}") == []


def test_embedded_post_attributions_are_no_stamps() -> None:
    # Tweets quoted in the article, each signed "— Name (@handle) date": the paragraphs
    # between them are the article's.
    page = "\n".join(
        f"{line}\n— {name} (@user{n}) November {n}, 2019"
        for n, (line, (name, _)) in enumerate(
            zip(ARTICLE.split("\n")[:2] * 2, COMMENTS, strict=True), start=1
        )
    )
    assert _thread_removals(page) == []


_NAME = st.from_regex(r"[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9})?", fullmatch=True)


@settings(max_examples=40, deadline=None)
@given(names=st.lists(_NAME, min_size=3, max_size=8, unique=True))
@pytest.mark.parametrize(
    "stamp", ["{name} says: March {n}, 2021 at {n}:15 pm", "{name} {n} days ago"]
)
def test_any_thread_of_distinct_names_goes_and_the_article_stays(
    names: list[str], stamp: str
) -> None:
    thread = "\n".join(
        f"{stamp.format(name=name, n=n)}\nI read this twice and still disagree."
        for n, name in enumerate(names, start=1)
    )
    result = Pipeline.default().clean(f"{ARTICLE}\n{thread}", lang="en")
    assert result.text == ARTICLE
    again = Pipeline.default().clean(result.text, lang="en")
    assert again.text == result.text


def test_names_with_a_comment_verb_are_stamps_too() -> None:
    thread = "\n".join(
        f"{name} wrote:\nI read this twice and still disagree with the council."
        for name in ["Peter Bromberg", "K.G. Schneider", "Maia"]
    )
    page = f"{ARTICLE}\n{thread}\nLeave a Reply"
    result = Pipeline.default().clean(page, lang="en")
    assert result.text == ARTICLE
    assert (STAMP_RULE, "Peter Bromberg wrote:") in _thread_removals(page)


def test_a_quote_introduced_on_its_own_line_is_no_stamp() -> None:
    # One "X said:" line in an article is a quote's lead-in, not a thread.
    article = ARTICLE.replace("next year.", "next year.\nThe mayor said:")
    assert _thread_removals(f"{article}\nWe will build the schools first.") == []


def _comment_verbs() -> tuple[str, ...]:
    from newsclean.rules.loader import UNIVERSAL, load_pack

    return load_pack(UNIVERSAL).lists["comment_verbs"]


@pytest.mark.parametrize("verb", _comment_verbs())
def test_every_comment_verb_of_the_pack_heads_a_thread(verb: str) -> None:
    thread = "\n".join(
        f"{name} {verb}:\nI read this twice and still disagree with the council."
        for name in ["Peter Bromberg", "Anna Muster", "Jan Kowalski"]
    )
    found = _thread_removals(f"{ARTICLE}\n{thread}\nLeave a Reply")
    assert [text for rule, text in found if rule == STAMP_RULE] == [
        f"{name} {verb}:" for name in ["Peter Bromberg", "Anna Muster", "Jan Kowalski"]
    ]


def test_a_commenter_with_a_long_name_stays_in_the_thread() -> None:
    names = ["Tim Walker", "No Dummy, But Not An SSL Expert", "john b", "Harald K"]
    stamps = [f"Posted by: {name} at November {n}, 2012 3:1{n} PM" for n, name in enumerate(names)]
    bodies = [body for _, body in COMMENTS]
    page = ARTICLE + "\n" + "\n".join(f"{s}\n{b}" for s, b in zip(stamps, bodies, strict=True))
    found = _thread_removals(page)
    assert (STAMP_RULE, stamps[1]) in found
    assert (BODY_RULE, bodies[1]) in found


def test_a_long_line_with_words_after_its_date_does_not_join_the_thread() -> None:
    stamps = [f"{name} says: November {n}, 2019 at 6:44 am" for n, (name, _) in enumerate(COMMENTS)]
    odd = "Mary Ann Lee Smith says: November 9, 2019 at 6:44 am she left the long meeting early"
    bodies = [body for _, body in COMMENTS]
    page = "\n".join(f"{s}\n{b}" for s, b in zip(stamps, bodies, strict=True))
    found = _thread_removals(f"{ARTICLE}\n{page}\n{odd}\n{ARTICLE}")
    assert (STAMP_RULE, odd) not in found


LONG_COMMENT = [
    f"Line {n} of a long comment goes on about the harbour wall and its repairs."
    for n in range(1, 21)
]


def _thread_of(first: int) -> str:
    return "\n".join(
        f"{name} says: November {n}, 2019 at 6:44 am\n{body}"
        for n, (name, body) in enumerate(COMMENTS[:3], start=first)
    )


def test_a_comment_longer_than_the_gap_between_stamps_does_not_break_the_thread() -> None:
    page = f"{ARTICLE}\n{_thread_of(1)}\n" + "\n".join(LONG_COMMENT) + f"\n{_thread_of(4)}"
    found = _thread_removals(page)
    assert {text for _, text in found} >= set(LONG_COMMENT)


def test_an_article_between_two_threads_of_one_frame_stays() -> None:
    article = "Council Approves The Harbour Budget\n" + "\n".join(LONG_COMMENT)
    page = f"{ARTICLE}\n{_thread_of(1)}\n{article}\n{_thread_of(4)}"
    found = {text for _, text in _thread_removals(page)}
    assert not found & set(LONG_COMMENT)
    assert "Council Approves The Harbour Budget" not in found
