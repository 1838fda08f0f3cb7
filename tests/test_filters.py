"""Each filter family on small documents: what it removes, what it leaves, what it records."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import Kind
from newsclean.shape import ends_like_sentence, is_headline_like, is_short_label
from newsclean.steps.author_blurb import is_title_fragment_run

# Filter families are tested without the layout step, which would also remove the short
# lines around these tiny documents; it has tests of its own.
PIPELINE = newsclean.Pipeline.default().without("layout")
BODY = "The city council approved the new budget on Monday after a long debate."
BODY2 = "Officials said the plan would take effect in the spring of next year."


def cut(text: str, lang: str = "en") -> list[tuple[Kind, str]]:
    result = PIPELINE.clean(text, lang=lang)
    return [(r.kind, r.text.strip()) for r in result.removed]


# Lines removed whole, with the kind expected, in several languages.
REMOVED_LINES = [
    ("en", "Sign up now for free unlimited access to Reuters.com", Kind.PAYWALL),
    ("en", "Already a subscriber? Log in", Kind.PAYWALL),
    ("en", "Subscribe to continue reading", Kind.PAYWALL),
    (
        "fr",
        "Inscrivez-vous maintenant pour un accès gratuit et illimité à Reuters.com",
        Kind.PAYWALL,
    ),
    ("fr", "Il vous reste 72% de cet article à lire.", Kind.PAYWALL),
    ("de", "Weiterlesen mit SZ Plus", Kind.PAYWALL),
    ("es", "Suscríbete para seguir leyendo", Kind.PAYWALL),
    ("en", "This website uses cookies to ensure you get the best experience.", Kind.COOKIE),
    ("de", "Wir verwenden Cookies, um unsere Website zu verbessern.", Kind.COOKIE),
    ("en", "Advertisement", Kind.ADVERT),
    ("fr", "Publicité", Kind.ADVERT),
    ("de", "Anzeige", Kind.ADVERT),
    ("es", "Publicidad", Kind.ADVERT),
    ("en", "Our Standards: The Thomson Reuters Trust Principles.", Kind.FOOTER),
    ("fr", "Nos normes : Principes de confiance de Thomson Reuters.", Kind.FOOTER),
    ("en", "© 2024 The Associated Press. All rights reserved.", Kind.FOOTER),
    ("en", "Reporting by Jeff Mason; Editing by Chizu Nomiyama", Kind.CREDIT),
    ("fr", "Rapport John Irish; Montage par Sudeep Kar-Gupta et Mark Heinrich", Kind.CREDIT),
    ("en", "By Jane Doe", Kind.BYLINE),
    ("fr", "Par Jean Dupont", Kind.BYLINE),
    ("de", "Von Hans Müller", Kind.BYLINE),
    ("es", "Por Ana García", Kind.BYLINE),
    ("en", "A man walks past the Capitol in Washington. REUTERS/Kevin Lamarque", Kind.CAPTION),
    ("de", "Olaf Scholz im Bundestag. Foto: Michael Kappeler/dpa", Kind.CAPTION),
    ("en", "Read more", Kind.READ_MORE),
    ("fr", "Lire la suite", Kind.READ_MORE),
    ("de", "Weiterlesen", Kind.READ_MORE),
    ("es", "Leer más", Kind.READ_MORE),
    ("en", "Read more: Fed holds rates steady as inflation cools", Kind.RELATED),
    ("de", "Lesen Sie auch: Merkel trifft Macron in Paris", Kind.RELATED),
    ("en", "Jane Doe is a reporter at Example News. Follow her on Twitter.", Kind.AUTHOR_BLURB),
    (
        "en",
        "Hardcore beer fanatic. Twitter trailblazer. Thinker. Problem solver.",
        Kind.AUTHOR_BLURB,
    ),
    ("en", "Sign up for our free Morning Briefing newsletter", Kind.PROMO),
    ("en", "Share", Kind.PROMO),
    ("fr", "Suivez-nous sur Facebook et Twitter", Kind.PROMO),
    ("de", "Teilen", Kind.PROMO),
    ("es", "Síguenos en Twitter", Kind.PROMO),
    ("en", "Skip to main content", Kind.NAVIGATION),
    ("en", "Home > News > World", Kind.NAVIGATION),
    ("de", "Impressum", Kind.NAVIGATION),
]


@pytest.mark.parametrize(("lang", "line", "kind"), REMOVED_LINES)
def test_filters_remove_boilerplate_lines(lang: str, line: str, kind: Kind) -> None:
    assert cut(f"{BODY}\n{line}\n{BODY2}", lang) == [(kind, line)]


# Article lines that share words with boilerplate but must stay.
KEPT_LINES = [
    ("en", "The minister said they would sign up to the agreement by Friday."),
    ("en", "Subscribers were told the magazine would close after 40 years."),
    ("en", "The bakers use cookies from three local suppliers, the owner said."),
    ("en", "Advertisement spending rose 5% in the quarter, the report showed."),
    ("en", "Copyright law protects authors for 70 years after their death."),
    ("en", "Reporting by the newspaper revealed the scandal last year."),
    ("en", "By Monday the rain had stopped and roads reopened."),
    ("en", "He told Reuters that the talks went well and would continue."),
    ("en", "She wants children to read more."),
    ("en", "Related to the case, the court heard from two more witnesses."),
    ("en", "He paused. Then he spoke. The room was silent. Nobody moved at all, for minutes."),
    ("en", "Share prices fell sharply in early trading on Wednesday."),
    ("en", "Home prices rose for the third month in a row."),
    ("fr", "Par ailleurs, le gouvernement a démenti toute hausse d'impôts."),
    ("fr", "Inscrivez-vous sur les listes électorales avant le 4 mars."),
    ("de", "Von Montag an gilt die neue Regel für alle Pendler."),
    ("de", "Der Artikel ist für alle Leser interessant, sagte sie."),
    ("es", "Por otro lado, el Gobierno negó los hechos."),
]


@pytest.mark.parametrize(("lang", "line"), KEPT_LINES)
def test_filters_keep_article_lines(lang: str, line: str) -> None:
    assert cut(f"{BODY}\n{line}\n{BODY2}", lang) == []


@pytest.mark.parametrize(
    ("lang", "line", "phrase", "kept"),
    [
        (
            "en",
            "Sales rose 5% in the quarter. Read more",
            "Read more",
            "Sales rose 5% in the quarter.",
        ),
        ("fr", "Le texte a été adopté. Lire la suite", "Lire la suite", "Le texte a été adopté."),
        ("de", "Die Steuern sinken. Weiterlesen", "Weiterlesen", "Die Steuern sinken."),
        ("es", "El plan fue aprobado. Leer más »", "Leer más »", "El plan fue aprobado."),
    ],
)
def test_read_more_trailing_phrase_is_cut_and_paragraph_kept(
    lang: str, line: str, phrase: str, kept: str
) -> None:
    result = PIPELINE.clean(f"{line}\n{BODY}", lang=lang)
    assert result.text.split("\n")[0] == kept
    assert [(r.kind, r.text.strip()) for r in result.removed] == [(Kind.READ_MORE, phrase)]


@pytest.mark.parametrize(
    ("lead", "location", "date", "agency"),
    [
        ("WASHINGTON (AP) — ", "WASHINGTON", None, "AP"),
        ("LONDON, Jan 28 (Reuters) - ", "LONDON", "Jan 28", "Reuters"),
        ("BERLIN (dpa) - ", "BERLIN", None, "dpa"),
        ("Berlin (dpa) - ", "Berlin", None, "dpa"),
        ("MADRID, 28 Ene. (EUROPA PRESS) - ", "MADRID", "28 Ene.", "EUROPA PRESS"),
        ("PARIS, 28 janvier (Reuters) – ", "PARIS", "28 janvier", "Reuters"),
        ("NEW YORK — ", "NEW YORK", None, None),
    ],
)
def test_dateline_is_cut_and_parsed(
    lead: str, location: str, date: str | None, agency: str | None
) -> None:
    result = PIPELINE.clean(lead + BODY, lang="en")
    assert result.text == BODY
    dateline = result.metadata.dateline
    assert dateline is not None
    assert dateline.text == lead.strip()
    assert (dateline.location, dateline.date, dateline.agency) == (location, date, agency)
    if agency:
        assert result.metadata.source == agency


@pytest.mark.parametrize(
    "line",
    [
        "Merkel (CDU) - Die Kanzlerin sprach lange über die Lage.",
        "Washington — a city of monuments — was quiet on Sunday.",
        "PARIS (Reuters) - ",
    ],
)
def test_dateline_needs_its_signals(line: str) -> None:
    assert PIPELINE.clean(line, lang="en").metadata.dateline is None


def test_related_block_takes_headlines_until_a_paragraph() -> None:
    text = "\n".join(
        [
            BODY,
            "More Stories",
            "Oil prices climb as supply worries outweigh demand",
            "2 hours ago",
            "Sterling steadies ahead of Bank of England decision",
            BODY2,
        ]
    )
    result = PIPELINE.clean(text, lang="en")
    assert result.text == f"{BODY}\n{BODY2}"
    assert result.metadata.related == [
        "Oil prices climb as supply worries outweigh demand",
        "Sterling steadies ahead of Bank of England decision",
    ]
    # The relative timestamp goes by the timestamp rule (a credit) before the block forms.
    kinds = {r.text: r.kind for r in result.removed}
    assert kinds.pop("2 hours ago") is Kind.CREDIT
    assert set(kinds.values()) == {Kind.RELATED}


def test_related_block_stops_at_a_comment_form_so_the_article_end_stays_marked() -> None:
    text = "\n".join(
        [
            BODY,
            "More Stories",
            "Oil prices climb as supply worries outweigh demand",
            "Leave a Reply Cancel reply",
            "Your email address will not be published. Required fields are marked *",
        ]
    )
    rules = {r.text: r.rule for r in PIPELINE.clean(text, lang="en").removed}
    assert rules["Oil prices climb as supply worries outweigh demand"].startswith("builtin.related")
    assert rules["Leave a Reply Cancel reply"] == "universal.comment.form"


def test_caption_splits_caption_and_credit() -> None:
    line = "Workers unload containers at the port. REUTERS/Peter Nicholls"
    meta = PIPELINE.clean(f"{line}\n{BODY}", lang="en").metadata
    assert meta.captions == ["Workers unload containers at the port."]
    assert meta.photo_credits == ["REUTERS/Peter Nicholls"]


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        # The marks between caption and credit, and a label before it, are neither.
        (
            "Workers unload containers at the port. | Foto: Peter Nicholls",
            "Workers unload containers at the port.",
        ),
        (
            "Workers unload containers at the port. (Photo: Peter Nicholls)",
            "Workers unload containers at the port.",
        ),
        (
            "Union Station, Chicago, 1960. Photo: © Bettmann Archive",
            "Union Station, Chicago, 1960.",
        ),
        # A label alone is no caption.
        ("Titelbild: © Peter Nicholls", None),
    ],
)
def test_a_captions_text_leaves_separators_and_labels_out(line: str, caption: str | None) -> None:
    meta = PIPELINE.clean(f"{line}\n{BODY}", lang="en").metadata
    assert meta.captions == ([caption] if caption else [])
    assert meta.photo_credits


def test_credit_fills_authors_and_editors() -> None:
    line = (
        "(Reporting by Jeff Mason in Washington; Writing by Ann Lee; "
        "Editing by Bo Li and Tom Brown)"
    )
    meta = PIPELINE.clean(f"{BODY}\n{line}", lang="en").metadata
    assert meta.authors == ["Jeff Mason", "Ann Lee"]
    assert meta.editors == ["Bo Li", "Tom Brown"]


def test_context_removes_button_after_prompt_but_not_elsewhere() -> None:
    prompt = "Sign up now for free unlimited access to Reuters.com"
    text = f"{BODY}\n{prompt}\nRegister now\n{BODY2}\nIn brief\n{BODY}"
    removed = cut(text)
    assert (Kind.PAYWALL, "Register now") in removed
    assert all(line != "In brief" for _, line in removed)


def test_context_removes_headline_like_tail_after_credit() -> None:
    text = f"{BODY}\nReporting by Jeff Mason; Editing by Bo Li\nMarkets rally on rate hopes\n"
    result = PIPELINE.clean(text, lang="en")
    assert result.text == BODY
    assert (Kind.FOOTER, "Markets rally on rate hopes") in [
        (r.kind, r.text) for r in result.removed
    ]


def test_a_credit_above_the_article_is_no_closing_credit() -> None:
    # A timestamp over the headline is a credit line with no article above it: the
    # headline and the lead under it are no tail after the article's closing credit.
    from newsclean.steps.context import AFTER_CREDIT_RULE

    text = f"19/11/2019 06:44\nMarkets rally on rate hopes\nIn brief\n{BODY}"
    result = PIPELINE.clean(text, lang="en")
    assert all(r.rule != AFTER_CREDIT_RULE for r in result.removed)
    assert BODY in result.text
    headline = "Markets rally on rate hopes"
    assert headline in result.text or result.metadata.title == headline


BIO = "Jane Doe covers city hall for the Daily Example. She joined the paper in 2015."


def test_author_box_after_header_gives_name_bio_and_author() -> None:
    text = f"{BODY}\n{BODY2}\nAbout the author\nJane Doe\n{BIO}"
    result = PIPELINE.clean(text, lang="en")
    assert result.text == f"{BODY}\n{BODY2}"
    assert result.metadata.authors == ["Jane Doe"]
    assert {r.kind for r in result.removed} == {Kind.AUTHOR_BLURB}


def test_author_box_header_without_a_name_takes_an_unpunctuated_bio() -> None:
    bio = "Jane Doe leitet das Ressort Politik und war viele Jahre Korrespondentin in Moskau"
    result = PIPELINE.clean(f"{BODY}\nAutoreninfo\n{bio}\n{BODY2}", lang="de")
    assert result.text == f"{BODY}\n{BODY2}"
    assert result.metadata.authors == []


def test_author_box_header_needs_a_bio_that_names_the_line_as_a_person() -> None:
    # A section title under "About me" is no author, and the sidebar text stays.
    text = f"{BODY}\nAbout me\nLatest Work\n{BIO}"
    result = PIPELINE.clean(text, lang="en")
    assert "Latest Work" in result.text
    assert result.metadata.authors == []


def test_a_name_line_and_its_bio_at_the_end_of_the_prose_are_an_author_box() -> None:
    text = f"{BODY}\n{BODY2}\nJane Doe\n{BIO}\nMore Stories"
    result = PIPELINE.clean(text, lang="en")
    assert result.text == f"{BODY}\n{BODY2}"
    assert result.metadata.authors == []  # no header: it may be a company's profile


def test_a_name_line_over_a_bio_that_a_rule_removed_goes_with_it() -> None:
    bio = "Als Redakteurin betreue ich den Blog rund um die Themen Büro und Assistenz."
    text = f"{BODY}\n{BODY2}\nIsabella Beyer\n{bio}"
    result = PIPELINE.clean(text, lang="de")
    assert result.text == f"{BODY}\n{BODY2}"
    assert [r.rule for r in result.removed] == [
        "builtin.context.author_box",
        "de.author_blurb.blogger_intro",
    ]


def test_name_lines_and_bios_inside_the_prose_or_in_series_stay() -> None:
    inside = f"{BODY}\nJane Doe\n{BIO}\n{BODY2}"
    assert PIPELINE.clean(inside, lang="en").text == inside
    other = "John Roe runs the night desk of the Daily Example. He came from radio in 2009."
    series = f"{BODY}\nJane Doe\n{BIO}\nJohn Roe\n{other}\nMore Stories"
    assert PIPELINE.clean(series, lang="en").text == series.removesuffix("\nMore Stories")


TEASERS = [
    "Russia says Israeli strikes on Syria were the wrong move",
    "By Jane Doe",
    "11/20/2019 10:08 AM",
    "Senate unanimously passes Hong Kong rights bill",
    "By John Roe",
    "11/20/2019 09:39 AM",
]


def test_headlines_each_with_a_byline_are_a_teaser_list() -> None:
    result = PIPELINE.clean("\n".join([BODY, BODY2, *TEASERS]), lang="en")
    assert result.text == f"{BODY}\n{BODY2}"
    assert result.metadata.related == [TEASERS[0], TEASERS[3]]


def test_the_articles_own_headline_and_byline_before_its_prose_stay() -> None:
    head = ["Council approves the budget after a long debate", "By Jane Doe", BODY, BODY2]
    # One pair alone is no list; the last pair of a run, followed by prose, is the
    # article's own head; and a headline over its byline is not a tail of the credit
    # (the teaser's timestamp) before it.
    for lines in (head, [*TEASERS[:3], *head], [*TEASERS, *head]):
        text = PIPELINE.clean("\n".join(lines), lang="en").text
        assert "\nCouncil approves the budget after a long debate\n" in f"\n{text}"


def test_the_tail_after_a_credit_stops_at_prose_ending_in_an_exclamation() -> None:
    prose = "Do you read fashion blogs? Then you should read this one, and soon!"
    text = f"{BODY}\nReporting by Jeff Mason\nRead this first\n{prose}\n{BODY2}"
    kept = PIPELINE.clean(text, lang="en").text
    assert prose in kept
    assert "Read this first" not in kept


def test_a_line_continuing_a_removed_line_after_an_ellipsis_goes_with_it() -> None:
    teaser = "Beijing warns US diplomat over Hong Kong rights bill..."
    result = PIPELINE.clean(f"{BODY}\n{teaser}\n...and other stories\n{BODY2}", lang="en")
    assert result.text == f"{BODY}\n{BODY2}"
    # Without the removed line before it, an ellipsis-led line is the article's.
    kept = f"{BODY}\n...and so the debate went on into the night.\n{BODY2}"
    assert PIPELINE.clean(kept, lang="en").text == kept


def test_duplicate_short_lines_go_and_paragraphs_keep_the_first() -> None:
    text = f"Print edition\n{BODY}\nPrint edition\n{BODY2}\n{BODY2}"
    result = PIPELINE.clean(text, lang="en")
    assert result.text == f"{BODY}\n{BODY2}"
    assert [r.kind for r in result.removed] == [Kind.DUPLICATE] * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Analyste. Passionné du Web. Expert en musique certifié. Explorateur. »", True),
        ("Zombie fan. Coffee lover. Web nerd. Music guru.", True),
        ("Yes. No. Maybe.", False),
        ("He left at 5. She stayed. They met. It rained.", False),
        ("He paused. Then he spoke, slowly. The room was silent. Nobody moved.", False),
    ],
)
def test_title_fragment_run(text: str, expected: bool) -> None:
    assert is_title_fragment_run(text) is expected


@pytest.mark.parametrize(
    ("text", "sentence", "headline", "label"),
    [
        ("Markets rally on rate hopes", False, True, False),
        ("He left.", True, False, False),
        ("« Il a dit non. »", True, False, False),
        ("Inscription", False, False, True),
        ("Register now", False, True, True),
    ],
)
def test_shape_predicates(text: str, sentence: bool, headline: bool, label: bool) -> None:
    assert ends_like_sentence(text) is sentence
    assert is_headline_like(text) is headline
    assert is_short_label(text) is label


def test_many_bylines_are_teasers_and_name_no_author() -> None:
    teasers = "\n".join(f"By {name}" for name in ("Ann Lee", "Bo Li", "Tom Brown"))
    meta = PIPELINE.clean(f"{BODY}\n{teasers}\n{BODY2}", lang="en").metadata
    assert meta.authors == []


def test_comment_header_ends_the_article() -> None:
    comment = "I think the council is wrong about this budget and said so at the meeting."
    text = f"{BODY}\n{BODY2}\njoetoronto says: November 19, 2019 at 6:44 am\n{comment}"
    result = newsclean.clean(text, lang="en")
    assert result.text == f"{BODY}\n{BODY2}"


def test_a_read_more_label_with_a_colon_heads_a_list_of_headlines() -> None:
    headlines = [
        "Oil prices climb as supply worries outweigh demand",
        "Sterling steadies ahead of Bank of England decision",
    ]
    text = "\n".join([BODY, "Read more:", *headlines, BODY2])
    result = PIPELINE.clean(text, lang="en")
    assert result.text == f"{BODY}\n{BODY2}"
    assert result.metadata.related == headlines
