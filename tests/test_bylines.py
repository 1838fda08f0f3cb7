"""Authors from a byline that carries its date, read only above the article."""

from __future__ import annotations

import pytest

from newsclean import Kind, Pipeline
from newsclean.extract.bylines import dated_byline_authors, own_line_names
from newsclean.extract.metadata import ROLE_BYLINE_RULE, SPLIT_BYLINE_RULE

from .conftest import COUNCIL_BODY as BODY_EN

BODY = (
    "Der Stadtrat hat am Montag nach einer langen Debatte den Haushalt für das kommende Jahr "
    "beschlossen.\nDie Bürgermeisterin sagte, das Geld reiche für zwei neue Schulen und die "
    "Sanierung des alten Hafens.\nDie Opposition hält die Ausgaben für zu hoch und verlangt "
    "eine Prüfung im nächsten Jahr."
)


@pytest.mark.parametrize(
    ("line", "language", "names"),
    [
        ("Von Claudia Riedler 19. Oktober 2019 00:04 Uhr", "de", ["Claudia Riedler"]),
        ("por Raúl Espina 4 mayo, 2022", "es", ["Raúl Espina"]),
        ("04.02.2022 | 15:33 Uhr | Dennis Steimels", "de", ["Dennis Steimels"]),
        ("Ariel Melgar Cabrera 3/5/2022 22:41", "es", ["Ariel Melgar Cabrera"]),
        ("Wahl am 19. Oktober 2019 in Bern", "de", []),
        ("Stadtrat beschließt Haushalt 19.10.2019", "de", []),
        ("Von Claudia Riedler", "de", []),  # no date: the byline rules' business
        # A comment count after the name.
        ("July 24, 2019 by Amy Motroni 5 Comments", "en", ["Amy Motroni"]),
        ("1. Februar 2022 Luis Holuch 6", "de", ["Luis Holuch"]),
        ("1. Februar 2022 Stadtrat Bern 6 Sitze frei", "de", []),
        # One capitalised word is a name only after a byline word ("von", "by", a label).
        ("von David · 18. Oktober 2019", "de", ["David"]),
        ("Erstellt von Fabian am Dienstag 6. Mai 2014", "de", ["Fabian"]),
        ("By Kathy on March 3, 2012", "en", ["Kathy"]),
        ("David · 18. Oktober 2019", "de", []),
        ("Berlin, 18. Oktober 2019", "de", []),
        ("By Reuters March 3, 2020", "en", []),
        ("Von Redaktion 18. Oktober 2019", "de", []),
        ("by admin on March 3, 2012", "en", []),
        # A user name after a byline word: blogs sign posts with it.
        ("by randfish on December 4, 2010", "en", ["randfish"]),
        ("randfish on December 4, 2010", "en", []),
        ("by team on December 4, 2010", "en", []),
        ("By Desk on December 4, 2010", "en", []),
        ("Posted by Editor-in-chief March 3, 2012", "en", []),
        # The update's date right after the publication's.
        ("von David · 18. Oktober 2019 19. Oktober 2019", "de", ["David"]),
        ("Von Claudia Riedler 18. Oktober 2019 | 19. Oktober 2019", "de", ["Claudia Riedler"]),
        # A time zone after the time is part of the date.
        ("by Lee Hutchinson - Nov 9, 2012 5:30 pm UTC", "en", ["Lee Hutchinson"]),
        # A blog engine's categories after the date, when a byline word opens the line.
        (
            "Posted by Zoe Tillman on November 06, 2012 at 04:11 PM in Courts, Law | Permalink",
            "en",
            ["Zoe Tillman"],
        ),
        (
            "By Mike Sansone on October 24, 2012 in Social Media with 2 Comments",
            "en",
            ["Mike Sansone"],
        ),
        ("Mike Sansone on October 24, 2012 in Social Media", "en", []),
        # A publication's name is no person's.
        ("The Guardian, Thursday 1 November 2012 18.19 EDT", "en", []),
    ],
)
def test_dated_bylines(line: str, language: str, names: list[str]) -> None:
    assert dated_byline_authors(line, language) == names


@pytest.mark.parametrize(
    ("text", "language", "authors", "published"),
    [
        pytest.param(
            f"Stadtrat beschließt den neuen Haushalt\n"
            f"Von Claudia Riedler 19. Oktober 2019 00:04 Uhr\n{BODY}",
            "de",
            ["Claudia Riedler"],
            "2019-10-19T00:04",
            id="own line",
        ),
        # The byline is the first part of a strip between bars, kept as the article's
        # first line; the rest of the strip says something else.
        pytest.param(
            "Peanut butter truffles\nBy Ela on 31. October, 2023 | 18 Comments. "
            f"This post may contain affiliate links.\n{BODY_EN}",
            "en",
            ["Ela"],
            "2023-10-31",
            id="strip of facts",
        ),
    ],
)
def test_the_pages_dated_byline_names_its_author(
    text: str, language: str, authors: list[str], published: str
) -> None:
    meta = Pipeline.default().clean(text, lang=language).metadata
    assert meta.authors == authors
    assert meta.published == published


def test_a_dated_byline_after_the_article_names_nobody() -> None:
    text = f"{BODY}\nKommentare\nVon Klaus Meier 20. Oktober 2019 08:15 Uhr\nSehr gut!"
    assert Pipeline.default().clean(text, lang="de").metadata.authors == []


def _pack_names(key: str) -> list[tuple[str, str]]:
    """(language, word) for each word of every shipped pack's ``[names]`` list ``key``."""
    from newsclean.rules.loader import available_languages, load_pack

    return [
        (language, word)
        for language in available_languages()
        for word in getattr(load_pack(language).names, key)
    ]


@pytest.mark.parametrize(("language", "label"), _pack_names("byline_labels"))
def test_every_packs_byline_labels_over_a_name_line_give_the_author(
    language: str, label: str
) -> None:
    for shown in (label, f"{label}:"):
        result = Pipeline.default().clean(f"{shown}\nAnna Muster\n{BODY}", lang=language)
        assert result.metadata.authors == ["Anna Muster"]
        label_cut, name_cut = result.removed[:2]
        assert (label_cut.kind, label_cut.rule) == (Kind.CREDIT, SPLIT_BYLINE_RULE)
        assert (name_cut.kind, name_cut.rule) == (Kind.BYLINE, SPLIT_BYLINE_RULE)


def test_a_split_byline_needs_a_name_on_the_next_line() -> None:
    for text in (f"Von\nder Stadt Bern\n{BODY}", f"Von\n\n{BODY}", f"Text\nBild\n{BODY}"):
        result = Pipeline.default().clean(text, lang="de")
        assert all(r.rule != SPLIT_BYLINE_RULE for r in result.removed)
        assert result.metadata.authors == []


def test_a_split_byline_right_under_the_article_is_its_credit_not_further_down() -> None:
    foot = Pipeline.default().clean(f"{BODY}\nAutoren:\nTilman Weber", lang="de")
    assert foot.metadata.authors == ["Tilman Weber"]
    # Under comment furniture, the byline is a comment's.
    for between in (["Schreibe einen Kommentar"], ["2 Antworten zu „Der neue Haushalt“"]):
        lines = "\n".join([*between, "Von", "Klaus Meier"])
        far = Pipeline.default().clean(f"{BODY}\n{lines}", lang="de")
        assert far.metadata.authors == [], between


def test_a_byline_right_under_the_article_is_its_foot_credit() -> None:
    foot = Pipeline.default().clean(f"{BODY}\nVon Frank Hahn", lang="de")
    assert foot.metadata.authors == ["Frank Hahn"]
    assert "Frank Hahn" not in foot.text
    # Under a header or a link, the byline is a teaser's or a comment's.
    for between in ("Weitere Artikel", "Kommentare"):
        far = Pipeline.default().clean(f"{BODY}\n{between}\nVon Klaus Meier", lang="de")
        assert far.metadata.authors == [], between


def test_the_pages_only_byline_under_the_articles_tags_names_its_author() -> None:
    # A review's author under its book details and tags, several lines below its last
    # paragraph: the page has no other byline.
    tail = "Veröffentlicht in: Aktuell, Rezension, Sachbuch\nGetaggt in: Melancholie"
    result = Pipeline.default().clean(f"{BODY}\n{tail}\nVon Frank Hahn", lang="de")
    assert result.metadata.authors == ["Frank Hahn"]
    # A second byline on the page: neither is known to be the article's.
    teaser = "Von Eva Roth"
    two = Pipeline.default().clean(f"{teaser}\n{BODY}\n{tail}\nVon Frank Hahn", lang="de")
    assert "Frank Hahn" not in two.metadata.authors
    # Under a teaser header or comment furniture, it is a teaser's or a comment's.
    for between in ("Weitere Artikel", "Schreibe einen Kommentar"):
        far = Pipeline.default().clean(f"{BODY}\n{tail}\n{between}\nVon Klaus Meier", lang="de")
        assert far.metadata.authors == [], between


def test_the_one_dated_post_footer_under_the_article_names_its_author() -> None:
    footer = "Posted by Seth Godin on July 12, 2012 | Permalink"
    result = Pipeline.default().clean(f"{BODY}\n{footer}", lang="de")
    assert result.metadata.authors == ["Seth Godin"]
    assert result.metadata.published == "2012-07-12"
    # Two such footers below the article are a thread's stamps: nobody is named.
    second = "Posted by Eva Roth on July 12, 2012 | Permalink"
    thread = Pipeline.default().clean(f"{BODY}\n{footer}\nSehr gut!\n{second}", lang="de")
    assert thread.metadata.authors == []


def test_the_desk_after_a_bylines_names_is_the_source_when_no_line_names_the_publisher() -> None:
    byline = "Von Anna Muster und Peter Paul, WDR"
    meta = Pipeline.default().clean(f"{byline}\n{BODY}", lang="de").metadata
    assert (meta.authors, meta.source) == (["Anna Muster", "Peter Paul"], "WDR")
    # A copyright line names the publisher: it comes first.
    footer = "© 2024 Westdeutsche Zeitung"
    meta = Pipeline.default().clean(f"{byline}\n{BODY}\n{footer}", lang="de").metadata
    assert meta.source == "Westdeutsche Zeitung"


def test_teasers_bylines_below_the_article_leave_its_own_byline_trusted() -> None:
    teasers = "\n".join(
        f"{headline}\nVon {name}"
        for headline, name in [
            ("Neue Schulen für die Altstadt", "Klaus Meier"),
            ("Der Hafen wird saniert", "Eva Roth"),
            ("Streit um das Budget", "Jan Berg"),
        ]
    )
    text = f"Stadtrat beschließt den neuen Haushalt\nVon Anna Muster\n{BODY}\nWeitere Artikel\n"
    result = Pipeline.default().clean(text + teasers, lang="de")
    assert result.metadata.authors == ["Anna Muster"]


def test_the_byline_right_above_the_article_is_trusted_among_teasers_bylines() -> None:
    # Teasers with their bylines interleaved with the article (a gallery of other
    # stories between its paragraphs): too many bylines, but the one standing right
    # above the first paragraph is the article's own.
    teasers = "\n".join(f"Von {name}" for name in ("Klaus Meier", "Eva Roth", "Jan Berg"))
    lead = "Stadtrat beschließt den neuen Haushalt\nVon Anna Muster und Max Beispiel\n"
    more = "Die Sitzung dauerte bis spät in die Nacht, bevor die Abstimmung stattfand."
    result = Pipeline.default().clean(f"{lead}{BODY}\n{teasers}\n{more}", lang="de")
    assert result.metadata.authors == ["Anna Muster", "Max Beispiel"]
    # Far above the article (past the menu), a byline is not known to be its own.
    menu = "\n".join(["Politik", "Wirtschaft", "Kultur", "Sport"])
    far = f"Von Anna Muster und Max Beispiel\n{menu}\n{BODY}\n{teasers}\n{more}"
    assert Pipeline.default().clean(far, lang="de").metadata.authors == []


def test_initials_written_together_are_a_name() -> None:
    # "R.C." was no name token: "by R.C. Baker" named nobody and went as navigation.
    text = (
        "Council approves the new budget after a long debate\nby R.C. Baker\n"
        "The city council approved the budget on Monday after a debate that lasted six hours.\n"
        "The mayor said the plan would fund two new schools and repair the old harbour wall."
    )
    result = Pipeline.default().clean(text, lang="en")
    assert result.metadata.authors == ["R.C. Baker"]
    assert [r.kind for r in result.removed if r.text == "by R.C. Baker"] == [Kind.BYLINE]


@pytest.mark.parametrize(("language", "role"), _pack_names("roles"))
def test_every_packs_roles_after_a_name_on_its_own_line_give_the_author(
    language: str, role: str
) -> None:
    for line in (f"Anna Muster, {role}", f"Anna Muster | {role}", f"Anna Muster{role}"):
        assert own_line_names(line, language) == ["Anna Muster"], line
        above = Pipeline.default().clean(f"Der Haushalt steht\n{line}\n{BODY}", lang=language)
        assert above.metadata.authors == ["Anna Muster"], line
        under = Pipeline.default().clean(f"{BODY}\n{line}", lang=language)
        assert under.metadata.authors == ["Anna Muster"], line


@pytest.mark.parametrize(
    ("line", "language", "names"),
    [
        ("Post author By Helge Fahrnberger", "en", ["Helge Fahrnberger"]),
        ("- Written by Ann Lee", "en", ["Ann Lee"]),
        ("Autor Mark Newton:", "de", ["Mark Newton"]),
        ("Jane Doe, Staff Writer", "en", ["Jane Doe"]),
        ("Logan C. RitchieStaff Writer", "en", ["Logan C. Ritchie"]),
        # A name alone, or capitalised words, are no byline.
        ("Christian Mihatsch", "de", []),
        ("Social Media Marketing", "en", []),
        # A title's article or a preposition is no byline label.
        ("Le Monde Diplomatique", "fr", []),
        ("El Nuevo Herald", "es", []),
        ("On Politics Today", "en", []),
        ("Jane Doe |", "en", []),
        # A role word inside a name or a headline is no role.
        ("Reporter Without Borders", "en", []),
        ("The Editor", "en", []),
        ("Chief Political Correspondent", "en", []),  # a job title
        ("Jane Doe Reporter", "en", []),  # no mark between the name and the role
        ("Our Correspondent", "en", []),
        ("Anna Muster, Redakteurin bei der Zeitung und Mutter von zwei Kindern", "de", []),
    ],
)
def test_own_line_bylines(line: str, language: str, names: list[str]) -> None:
    assert own_line_names(line, language) == names


def test_a_role_byline_far_below_the_article_names_nobody() -> None:
    line = "Jane Doe | Reporter"
    # Under a teaser header or comment furniture: a teaser's or a commenter's.
    for between in ("More Stories", "Leave a Reply"):
        below = Pipeline.default().clean(f"{BODY}\n{between}\n{line}", lang="en")
        assert below.metadata.authors == [], between
        assert line not in below.text


def test_a_role_byline_is_removed_with_its_rule() -> None:
    result = Pipeline.default().clean(
        f"Der Haushalt steht\nAnna Muster, Redakteurin\n{BODY}", lang="de"
    )
    (byline,) = [r for r in result.removed if r.kind is Kind.BYLINE]
    assert (byline.text, byline.rule) == ("Anna Muster, Redakteurin", ROLE_BYLINE_RULE)
    assert result.text == BODY


@pytest.mark.parametrize("date", ["18.11.2022", "18. November 2022, 14:10 Uhr"])
def test_a_name_line_beside_a_date_line_above_the_article_names_the_author(date: str) -> None:
    # (Under the date, right above the body, the name is taken for the headline, and a
    # headline beside a date names nobody.)
    header = f"Christian Mihatsch\n{date}"
    result = Pipeline.default().clean(f"Der Haushalt steht\n{header}\n{BODY}", lang="de")
    assert result.metadata.authors == ["Christian Mihatsch"]
    assert result.metadata.published is not None


def test_a_name_line_needs_the_date_beside_it_and_few_capitalised_words() -> None:
    for header in (
        "Christian Mihatsch",  # no date: a name alone says too little
        "Christian Mihatsch\nKlima\n18.11.2022",  # the date is not beside it
        "Das Mädchen Das Alles Aß\n18.11.2022",  # a blog's name
    ):
        result = Pipeline.default().clean(f"Der Haushalt steht\n{header}\n{BODY}", lang="de")
        assert result.metadata.authors == [], header
    # Under the article, a name over a date heads a comment.
    comment = Pipeline.default().clean(f"{BODY}\nKlaus Meier\n18.11.2022", lang="de")
    assert comment.metadata.authors == []


def test_the_headline_over_its_date_names_nobody() -> None:
    # A post's title of capitalised words over its date line is the title, not a byline.
    result = Pipeline.default().clean(f"On Quadrille Today\n18.11.2022\n{BODY}", lang="de")
    assert result.metadata.title == "On Quadrille Today"
    assert result.metadata.authors == []
