"""The article's headline: ``metadata.title``, removed from the text as ``title`` (kept with
``keep_title``), never listed among the related headlines."""

from __future__ import annotations

import pytest

from newsclean import Kind, Pipeline

from .conftest import COUNCIL_BODY as BODY

HEADLINE = "Council approves the new budget after a long debate"
PAGE = f"Home\nNews\n{HEADLINE}\nBy Jane Doe\n{BODY}"


def test_the_headline_above_the_body_is_the_title() -> None:
    result = Pipeline.default().clean(PAGE, lang="en")
    assert result.metadata.title == HEADLINE
    assert HEADLINE not in result.text
    (removal,) = [r for r in result.removed if r.text == HEADLINE]
    assert removal.kind is Kind.TITLE
    assert removal.rule == "builtin.title.headline"
    assert result.metadata.authors == ["Jane Doe"]


def test_keep_title_leaves_it_as_the_first_line() -> None:
    result = Pipeline.default(keep_title=True).clean(PAGE, lang="en")
    assert result.metadata.title == HEADLINE
    assert result.text.split("\n")[0] == HEADLINE
    assert result.text.endswith(BODY.split("\n")[-1])


def test_precision_records_the_title_and_cuts_nothing_by_position() -> None:
    result = Pipeline.default(mode="precision").clean(PAGE, lang="en")
    assert result.metadata.title == HEADLINE
    assert HEADLINE in result.text


def test_one_word_section_labels_are_no_title() -> None:
    # (Two-word labels such as "World News" can be: see known_failures.json.)
    for label in ("Politics", "Home\nNews", "Sport"):
        result = Pipeline.default().clean(f"{label}\n{BODY}", lang="en")
        assert result.metadata.title is None, label


def test_a_sentence_above_the_body_is_no_title() -> None:
    text = f"This line ends like a sentence and says something else.\n{BODY}"
    assert Pipeline.default().clean(text, lang="en").metadata.title is None


@pytest.mark.parametrize(
    "headline", ["Will the new budget fix the harbour wall?", "Council says yes to the budget!"]
)
def test_a_headline_that_reads_as_the_first_paragraph_is_the_title(headline: str) -> None:
    # Ending with "?" or "!", the headline has a paragraph's shape: the article seems to
    # start with it, and the search above it found nothing.
    result = Pipeline.default().clean(f"Home\nNews\n{headline}\n{BODY}", lang="en")
    assert result.metadata.title == headline
    assert result.text == BODY
    again = Pipeline.default().clean(result.text, lang="en")
    assert (again.text, again.metadata.title) == (BODY, None)


def test_the_first_line_of_a_page_is_never_taken_for_its_own_headline() -> None:
    # Else cleaning the output again would take the lead of a question headline's body.
    question = "Will the new budget fix the harbour wall?"
    result = Pipeline.default().clean(f"{question}\n{BODY}", lang="en")
    assert result.metadata.title is None
    assert result.text.startswith(question)


def test_the_own_headline_is_never_a_related_headline() -> None:
    related = "\n".join(["More Stories", HEADLINE, "Tram fares rise for the second time this year"])
    result = Pipeline.default().clean(f"{PAGE}\n{related}", lang="en")
    assert result.metadata.title == HEADLINE
    assert HEADLINE not in result.metadata.related
    assert "Tram fares rise for the second time this year" in result.metadata.related


def test_a_headline_the_page_repeats_is_still_the_title() -> None:
    short = "Budget passes again"
    text = f"{short}\nHome\n{short}\n{BODY}"
    result = Pipeline.default().clean(text, lang="en")
    assert result.metadata.title == short


@pytest.mark.parametrize("line_model", [False, True])
@pytest.mark.parametrize("keep_title", [False, True])
def test_cleaning_the_output_again_finds_no_second_title(
    line_model: bool, keep_title: bool
) -> None:
    """Only lines the layout decision removes anyway are candidates, so a second pass (or
    a second cleaning) never peels a sub-headline off as another title."""
    sub = "A second headline-shaped line below the first one"
    page = f"Home\n{HEADLINE}\n{sub}\n{BODY}"
    pipeline = Pipeline.default(line_model=line_model, keep_title=keep_title)
    result = pipeline.clean(page, lang="en")
    assert result.metadata.title in (None, HEADLINE, sub)
    titles = [r for r in result.removed if r.kind is Kind.TITLE]
    assert len(titles) <= 1
    again = pipeline.clean(result.text, lang="en")
    assert again.text == result.text


def test_the_shipped_title_model_loads_and_bad_ones_are_refused() -> None:
    import json
    from importlib import resources

    from newsclean import ConfigError
    from newsclean.learned.title_model import TITLE_FEATURES, TitleModel, default_title_model

    model = default_title_model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    data = json.loads((resources.files("newsclean.learned") / "title_model.json").read_text())
    assert TitleModel.from_dict(data) == model
    assert TitleModel.from_dict(model.to_dict()) == model
    tree = data["trees"][0]
    broken = [
        {**data, "features": list(TITLE_FEATURES[:-1])},
        {"features": list(TITLE_FEATURES)},
        {**data, "threshold": 1.5},
        {**data, "trees": []},
        {**data, "base": "nan"},
        {**data, "trees": [{**tree, "value": tree["value"][:-1]}]},
        {**data, "trees": [{**tree, "feature": [len(TITLE_FEATURES), *tree["feature"][1:]]}]},
        # A child that points back at its parent would loop forever.
        {**data, "trees": [{**tree, "left": [0, *tree["left"][1:]]}]},
    ]
    for bad in broken:
        with pytest.raises(ConfigError):
            TitleModel.from_dict(bad)


def test_a_caption_or_a_prompt_above_the_body_is_never_the_title() -> None:
    caption = (
        "Workers unload containers at the port, Britain, January 27, 2022. REUTERS/Peter Nicholls"
    )
    prompt = "Sign up now for free unlimited access to Example.com"
    result = Pipeline.default().clean(f"{caption}\n{prompt}\n{BODY}", lang="en")
    assert result.metadata.title is None


@pytest.mark.parametrize(
    "line",
    [
        "amiga, dogs, floppy, Hunde, Hundeleben, Mesty",  # a tag list
        "Das Hermelin ist im Winter gut getarnt (mlharing / iStock.com)",  # a caption
        # A byline or a publication label with its date says who and when, not what.
        "by Lee Hutchinson - Nov 9, 2012 5:30 pm UTC",
        "Posted by Danielle Black on November 1, 2012 in Miscellaneous",
        "By admin - 2018-09-16",
        "Veröffentlicht am 03.02.2022 von Sarah Schnieder Reiterrevue International",
    ],
)
def test_a_tag_list_or_a_caption_with_its_credit_is_never_the_title(line: str) -> None:
    from newsclean.steps.title import candidates
    from newsclean.view import Verdict, View

    found: list[list[str]] = []

    class Probe:
        name = "probe"

        def propose(self, view: View) -> list[Verdict]:
            first = next(i for i in range(len(view)) if view.original(i).startswith("The city"))
            found.append([view.original(index) for index, _ in candidates(view, first)])
            return []

    Pipeline([Probe()]).clean(f"{HEADLINE}\n{line}\n{BODY}", lang="en")
    assert found
    assert HEADLINE in found[0]
    assert line not in found[0]


def test_a_dated_headline_without_a_byline_word_stays_a_candidate() -> None:
    headline = "AWS Week in Review - October 29, 2012"
    found = _candidates_of(f"Home\n{headline}\n{BODY}", BODY.split("\n")[0])
    assert headline in found


def test_the_search_passes_over_lines_the_caller_removes() -> None:
    from newsclean.steps.title import candidates
    from newsclean.view import Verdict, View

    summary = "The council's statement is on its website and in the town hall."
    text = f"Home\n{HEADLINE}\n{summary}\n{BODY}"
    found: dict[str, list[str]] = {}

    class Probe:
        name = "probe"

        def propose(self, view: View) -> list[Verdict]:
            if not found:
                lines = [view.original(index) for index in range(len(view))]
                first = lines.index(BODY.split("\n")[0])
                middle = lines.index(summary)
                for label, passable in (("kept", set()), ("passed", {middle})):
                    rows = candidates(view, first, passable=passable)
                    found[label] = [view.original(index) for index, _ in rows]
            return []

    Pipeline.default().without("layout").with_step(Probe()).clean(text, lang="en")
    # A kept sentence above the body ends the search; one the caller removes does not.
    assert found == {"kept": [], "passed": [HEADLINE]}


@pytest.mark.parametrize(
    "links",
    [
        "« Tram fares rise again next year | Main | A new bridge opens in the spring »",
        "Home » Politics » Council approves the new budget after a long debate",
    ],
)
def test_a_row_of_links_above_the_headline_is_no_title(links: str) -> None:
    # A blog's previous/next strip or a breadcrumb is headline-shaped but a row of links.
    result = Pipeline.default().clean(f"{links}\n{HEADLINE}\n{BODY}", lang="en")
    assert result.metadata.title == HEADLINE


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (f"1. Februar 2022 {HEADLINE}", HEADLINE),
        (f"{HEADLINE}4:22", HEADLINE),
        (f"March 3, 2024 | {HEADLINE}", HEADLINE),
    ],
)
def test_a_date_before_the_headline_or_a_clip_length_after_it_is_not_the_title(
    line: str, title: str
) -> None:
    result = Pipeline.default().clean(f"Home\nNews\n{line}\nBy Jane Doe\n{BODY}", lang="en")
    assert result.metadata.title == title
    # The line goes whole, date and all.
    assert line in [removal.text for removal in result.removed]
    assert result.text == BODY


COMMENTS = "\n".join(
    [
        "I read this twice and I still disagree with most of it, to be honest.",
        "Thanks for writing it up, the part about the harbour wall was new to me.",
    ]
)


def test_the_headline_a_comment_threads_heading_names_is_the_title() -> None:
    # Two headline-shaped lines above the body; the thread's heading names one of them.
    named = "Council approves the new budget"
    dek = "The harbour wall will finally be repaired next spring"
    # Whichever line the model takes without the heading, the heading's wins with it.
    alone = Pipeline.default().clean(f"{named}\n{dek}\n{BODY}", lang="en")
    assert alone.metadata.title in (named, dek)
    for chosen in (named, dek):
        heading = f"2 thoughts on “{chosen}”"
        page = f"{named}\n{dek}\n{BODY}\n{heading}\n{COMMENTS}"
        result = Pipeline.default().clean(page, lang="en")
        assert result.metadata.title == chosen
        assert chosen not in result.text


def test_a_page_without_a_headline_is_titled_by_its_comment_threads_heading() -> None:
    heading = "11 Antworten zu „Der Haushalt und die Schulen“"
    result = Pipeline.default().clean(f"{BODY}\n{heading}\n{COMMENTS}", lang="en")
    assert result.metadata.title == "Der Haushalt und die Schulen"


def test_a_teaser_under_a_related_headers_word_is_no_title() -> None:
    # "Recommended:" is a related header's phrase: the line is another story's teaser.
    teaser = "Recommended: Tram fares will rise again next month"
    result = Pipeline.default().clean(f"Home\nNews\n{teaser}\n{BODY}", lang="en")
    assert result.metadata.title is None
    result = Pipeline.default().clean(f"{HEADLINE}\n{teaser}\n{BODY}", lang="en")
    assert result.metadata.title == HEADLINE


def test_a_line_wholly_in_brackets_is_no_title() -> None:
    for aside in ("(Photo: Jane Doe for the Daily Planet)", "{ 2 comments, read them below }"):
        result = Pipeline.default().clean(f"Home\nNews\n{aside}\n{BODY}", lang="en")
        assert result.metadata.title is None, aside


def _candidates_of(
    text: str, first_line: str, with_first: bool = False
) -> dict[str, dict[str, float]]:
    """The title candidates above ``first_line`` of ``text`` (layout left out, so nothing
    is removed), each with its features by name."""
    from newsclean.learned.title_model import TITLE_FEATURES
    from newsclean.steps.title import candidates
    from newsclean.view import Verdict, View

    found: dict[str, dict[str, float]] = {}

    class Probe:
        name = "probe"

        def propose(self, view: View) -> list[Verdict]:
            if not found:
                lines = [view.original(index) for index in range(len(view))]
                rows = candidates(view, lines.index(first_line), with_first=with_first)
                for index, row in rows:
                    found[view.original(index)] = dict(zip(TITLE_FEATURES, row, strict=True))
            return []

    Pipeline.default().without("layout").with_step(Probe()).clean(text, lang="en")
    return found


def test_a_candidate_is_weighed_by_how_much_of_it_the_lines_below_repeat() -> None:
    # A headline's words come back in its article; another story's teaser's do not.
    from newsclean.steps.title import content_words

    teaser = "Tram fares rise for the second time this year"
    text = f"{teaser}\n{HEADLINE}\n{BODY}"
    found = _candidates_of(text, BODY.split("\n")[0])
    below = content_words(BODY)
    own = content_words(HEADLINE)
    assert found[HEADLINE]["echo_below"] == pytest.approx(len(own & below) / len(own))
    assert found[HEADLINE]["echo_below"] >= 0.5
    # The teaser's words are looked for below it, the headline included.
    assert found[teaser]["echo_below"] < 0.2
    assert found[HEADLINE]["echo_above"] == 0.0
    assert sorted(content_words("The new Budget, 2024: a plan")) == ["2024", "budget", "plan"]


def test_a_two_word_headline_is_a_candidate_and_one_word_labels_are_not() -> None:
    found = _candidates_of(f"Home\nNews\nFaire Lieferketten\n{BODY}", BODY.split("\n")[0])
    assert list(found) == ["Faire Lieferketten"]


def test_a_first_paragraph_of_two_sentences_is_never_a_headline_candidate() -> None:
    # A question headline reads as the first paragraph and is a candidate; a paragraph of
    # two sentences is not (taking it would remove article text).
    question = "Will the new budget fix the harbour wall?"
    two = "Rain is coming. Will the new budget fix the harbour wall?"
    for line, expected in ((question, [question]), (two, [])):
        text = f"Home\nNews\n{line}\n{BODY}"
        assert list(_candidates_of(text, line, with_first=True)) == expected, line


def test_the_echo_of_a_line_is_the_share_of_its_words_a_window_holds() -> None:
    # The word index reads the lines once; for any window, the share equals the one
    # counted line by line.
    import random

    from newsclean.lines import Line
    from newsclean.steps.title import _ContentWords, content_words

    class Page:
        def __init__(self, lines: list[str]) -> None:
            self.lines = [Line(text) for text in lines]

        def __len__(self) -> int:
            return len(self.lines)

        def original_line(self, index: int) -> Line:
            return self.lines[index]

    vocabulary = ["harbour", "budget", "council", "schools", "audit", "tram", "fares"]
    chance = random.Random(7)
    for _ in range(200):
        texts = [
            " ".join(chance.choices(vocabulary, k=chance.randint(0, 4))) or "-"
            for _ in range(chance.randint(1, 60))
        ]
        page = Page(texts)
        echo = _ContentWords(page, list(range(len(texts))), -5, len(texts) + 5)  # type: ignore[arg-type]
        for _ in range(15):
            index = chance.randrange(len(texts))
            start = chance.randint(-30, len(texts) + 30)
            stop = start + chance.randint(0, 40)
            own = content_words(texts[index])
            around = set().union(
                *(content_words(texts[i]) for i in range(max(start, 0), min(stop, len(texts))))
            )
            expected = len(own & around) / len(own) if own else 0.0
            assert echo.echo(index, start, stop) == pytest.approx(expected)


@pytest.mark.parametrize("header", ["Top Stories", "Latest News", "More Stories"])
def test_a_section_header_is_never_the_title(header: str) -> None:
    # A header-role phrase heads other stories, even where a headline would stand.
    result = Pipeline.default().clean(f"{header}\n{BODY}", lang="en")
    assert result.metadata.title is None
    result = Pipeline.default().clean(f"{header}\n{HEADLINE}\n{BODY}", lang="en")
    assert result.metadata.title == HEADLINE
