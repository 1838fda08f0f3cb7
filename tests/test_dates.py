"""Dates: read as written in every shipped language (the packs' examples), never guessed,
and the page's publication and update dates taken from its own date lines."""

from __future__ import annotations

import pytest

from newsclean import Kind, Pipeline
from newsclean.extract.dates import is_date_line, is_update, read_date
from newsclean.rules import available_languages, load_pack

from .conftest import COUNCIL_BODY as BODY

EXAMPLES = [
    (language, text, date)
    for language in (*available_languages(), "universal")
    for text, date in load_pack(language).dates.examples
]


def test_every_language_pack_has_month_names_and_examples() -> None:
    for language in available_languages():
        dates = load_pack(language).dates
        assert len(dates.months) == 12, language
        assert dates.examples, language
        assert dates.updated, language
        assert dates.published, language


@pytest.mark.parametrize(("language", "text", "date"), EXAMPLES)
def test_pack_examples_are_read(language: str, text: str, date: str) -> None:
    assert read_date(text, language) == date


@pytest.mark.parametrize(
    ("text", "language", "date"),
    [
        ("2024-03-12T14:10:00+01:00", None, "2024-03-12T14:10+01:00"),
        # Year, month and day each with its sign, glued to the words around them.
        ("新华社北京2024年3月12日电", None, "2024-03-12"),
        ("2019年10月1日 10:15", None, "2019-10-01T10:15"),
        ("2024년 3월 12일 오전", None, "2024-03-12"),
        ("12024年3月12日", None, None),
        ("12.03.2024", "de", "2024-03-12"),
        ("12/03/2024", "fr", "2024-03-12"),
        ("03/25/2024", "en", "2024-03-25"),
        ("03/05/2024", "en", None),  # either order is a date: not guessed
        ("March 3, 2024 at 9:14 pm", "en", "2024-03-03T21:14"),
        ("12:30 am, Jan. 5, 2024", "en", "2024-01-05"),
        ("LONDON, Jan 28 (Reuters)", "en", None),  # no year
        ("31.02.2024", "de", None),  # no such day
        ("Page 12 of 2024 entries", "en", None),
        ("1 Jan 1900", "en", None),
        ("19.10.19, 12:00 Uhr", "de", "2019-10-19T12:00"),  # a two-digit year is written
        ("01.02.98", "de", "1998-02-01"),
        ("11.06.12 at 8:55 pm", "en", None),  # June 11th or November 6th: not guessed
        ("13.06.12", "en", "2012-06-13"),
        ("Version 1.10.19.2", "en", None),
        ("3.10.19", "de", None),
    ],
)
def test_dates_as_written(text: str, language: str | None, date: str | None) -> None:
    assert read_date(text, language) == date


def test_updates_and_date_lines() -> None:
    assert is_update("Last updated: March 3, 2024")
    assert is_update("Stand: 03.03.2024")
    assert not is_update("Published March 3, 2024")
    assert is_date_line("Mittwoch, 20. November 2019")
    assert not is_date_line("Ausdruck vom 11.02.2020")


def test_published_and_updated_come_from_the_pages_date_lines() -> None:
    text = (
        "Council approves the new budget after a long debate\n"
        "Published 12 March 2024, 14:10\nUpdated 13 March 2024\n" + BODY
    )
    meta = Pipeline.default().clean(text, lang="en").metadata
    assert meta.published == "2024-03-12T14:10"
    assert meta.updated == "2024-03-13"


def test_dates_after_the_article_are_not_its_dates() -> None:
    text = BODY + "\nMore Stories\nTram fares rise again\nPublished 1 April 2023"
    assert Pipeline.default().clean(text, lang="en").metadata.published is None


def test_the_one_timestamp_under_the_articles_tags_dates_it() -> None:
    # A blog's post footer under its tags, no date above the article.
    tags = "Tags: budget, council, schools"
    text = f"{BODY}\n{tags}\nPosted by Jane Doe on March 12, 2024 | Permalink"
    assert Pipeline.default().clean(text, lang="en").metadata.published == "2024-03-12"
    # Under a teaser header (the test above) or comment furniture: a comment's date.
    comments = f"{BODY}\n{tags}\nLeave a Reply\nPublished 1 April 2023"
    assert Pipeline.default().clean(comments, lang="en").metadata.published is None
    # Several dated footers below the article are a thread's stamps, even of one day.
    stamps = "\n".join(
        f"Posted by {name} on March 12, 2024 at {time} | Permalink"
        for name, time in (("Ann Lee", "8:37 am"), ("Bo Li", "10:23 am"))
    )
    thread = f"{BODY}\n{tags}\n{stamps}"
    assert Pipeline.default().clean(thread, lang="en").metadata.published is None


def test_a_blog_engines_post_meta_sentence_dates_the_post() -> None:
    pipeline = Pipeline.default()
    for footer, date in (
        (
            "This entry was posted on March 3, 2008 at 7:14 pm and is filed under News.",
            "2008-03-03T19:14",
        ),
        (
            "This entry was written by Ann Lee, posted on 10/18/2012 at 12:22 pm.",
            "2012-10-18T12:22",
        ),
        ("Posted on August 9, 2012 by Ann. This entry was posted in News.", "2012-08-09"),
    ):
        result = pipeline.clean(f"{BODY}\n{footer}", lang="en")
        assert result.metadata.published == date
        assert [(r.kind, r.rule) for r in result.removed] == [
            (Kind.CREDIT, "universal.credit.post_meta")
        ]
    # An article's sentence that a study was published is no post's date.
    study = "Die Studie wurde am 5. März 2020 in der Fachzeitschrift Nature veröffentlicht."
    assert study in pipeline.clean(f"{BODY}\n{study}", lang="de").text


def test_a_lead_that_opens_with_its_date_dates_the_article() -> None:
    lead = "29.11.2022 – Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen."
    rest = "Die Bürgermeisterin sagte, das Geld reiche für zwei neue Schulen und den Hafen."
    meta = Pipeline.default().clean(f"{lead}\n{rest}", lang="de").metadata
    assert meta.published == "2022-11-29"
    # A date that opens a sentence of the story is no date of the article.
    story = "1. Februar 2022 war ein kalter Tag, als der Stadtrat den Haushalt beschloss."
    assert Pipeline.default().clean(f"{story}\n{rest}", lang="de").metadata.published is None


def test_lines_of_different_days_give_no_publication_date() -> None:
    # Teasers above the article, each with its date: which one is the page's is unknown.
    teasers = "Tram fares rise again\n4 November 2021\nA new bridge opens\n5 November 2021\n"
    meta = Pipeline.default().clean(teasers + BODY, lang="en").metadata
    assert meta.published is None
    one_day = "Tram fares rise again\n5 November 2021\nA new bridge opens\n5 November 2021\n"
    assert Pipeline.default().clean(one_day + BODY, lang="en").metadata.published == "2021-11-05"


def test_a_dateline_without_a_year_gives_no_date() -> None:
    text = "LONDON, Jan 28 (Reuters) - " + BODY
    meta = Pipeline.default().clean(text, lang="en").metadata
    assert meta.dateline is not None
    assert meta.dateline.date == "Jan 28"
    assert meta.published is None


def test_a_line_opening_with_a_date_above_the_article_gives_its_date() -> None:
    text = "24.01.2022 - Meldung - Energiewende im Gebäudebereich\n" + BODY
    assert Pipeline.default().clean(text, lang="de").metadata.published == "2022-01-24"
    late = BODY + "\n24.01.2022 - Meldung - Energiewende im Gebäudebereich"
    assert Pipeline.default().clean(late, lang="de").metadata.published is None


def test_a_dated_byline_above_the_article_dates_it_whatever_removed_it() -> None:
    from newsclean.extract.bylines import dated_byline_authors, kept_byline_date
    from newsclean.extract.dates import page_dates
    from newsclean.model import Kind, Removal

    byline = "Ariel Melgar Cabrera 3/5/2022 22:41"
    source = f"Inicio\n{byline}\nEl investigador chileno dijo el lunes que la búsqueda sigue."
    start = source.index("El investigador")
    removal = Removal(7, 7 + len(byline), byline, Kind.NAVIGATION, "model.before_article", "layout")

    def is_byline(text: str) -> bool:
        return bool(dated_byline_authors(text, "es"))

    assert (
        page_dates([removal], source, start, len(source), "es", is_byline)[0] == "2022-05-03T22:41"
    )
    # Without the byline test, a navigation line that is no date line gives nothing.
    assert page_dates([removal], source, start, len(source), "es") == (None, None)
    # A teaser's dated byline (removed as related) is another story's.
    teaser = Removal(7, 7 + len(byline), byline, Kind.RELATED, "x", "related")
    assert page_dates([teaser], source, start, len(source), "es", is_byline) == (None, None)
    assert kept_byline_date(["by Oz Smith on December 4, 2006", "Rest"], "en") == "2006-12-04"
    # Under a headline and a dek the byline is the third kept line; below that, none.
    third = ["Rest", "More", "by Oz Smith on December 4, 2006"]
    assert kept_byline_date(third, "en") == "2006-12-04"
    assert kept_byline_date(["Rest", "More", "Dek", third[-1]], "en") is None


def test_a_place_or_publication_with_its_date_atop_the_article_dates_it() -> None:
    from newsclean.extract.bylines import kept_byline_date

    # A press release's "Ort, Datum" line and a newspaper's strip are the article's date.
    strip = "Hofheim am Taunus | Wiesbaden, 11. November 2021"
    assert kept_byline_date([strip, "Rest"], "de") == "2021-11-11"
    guardian = "The Guardian, Thursday 1 November 2012 18.19 EDT"
    assert kept_byline_date(["Rest", guardian], "en") == "2012-11-01T18:19-04:00"
    # A sentence that ends with a date is none; nor is a line below the first three.
    assert kept_byline_date(["Rain is expected in Berlin, 11. November 2021"], "de") is None
    assert kept_byline_date(["Rest", "More", "Dek", strip], "de") is None
    text = f"{strip}\n{BODY}"
    assert Pipeline.default().clean(text, lang="en").metadata.published == "2021-11-11"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("by randfish on December 4, 2010", ["randfish"]),
        ("December 4, 2010 by alysha", ["alysha"]),
        ("By admin - 2010-12-04", []),
        ("by Editor-in-chief on December 4, 2010", []),
    ],
)
def test_a_byline_with_a_user_name_dates_the_page(byline: str, authors: list[str]) -> None:
    # A blog's byline word before a user name: the line is the post's byline, so its
    # date is the post's, and the user its author, unless the name is a stand-in ("admin")
    # or a role.
    text = f"Home\nWhy the council approved the budget\n{byline}\n{BODY}"
    result = Pipeline.default().clean(text, lang="en")
    assert result.metadata.published == "2010-12-04"
    assert result.metadata.authors == authors
    from newsclean.extract.bylines import kept_byline_date

    assert kept_byline_date([byline, "Rest"], "en") == "2010-12-04"
    assert kept_byline_date(["randfish on December 4, 2010", "Rest"], "en") is None


def test_weekday_names_are_pack_data_and_read_as_part_of_the_date() -> None:
    from newsclean import RulePackError
    from newsclean.extract.dates import first_date
    from newsclean.rules.loader import parse_pack

    for language in available_languages():
        assert len(load_pack(language).dates.weekdays) == 7, language
    text = "Marie Merlet | lundi 9 décembre 2019"
    assert first_date(text, "fr") == ("2019-12-09", text.index("lundi"), len(text))
    with pytest.raises(RulePackError, match="7 days"):
        parse_pack('language = "xx"\n[dates]\nweekdays = ["a", "b"]\n', "x.toml", {})


def test_a_labelled_date_above_the_article_dates_it_whatever_else_the_line_says() -> None:
    for label, language in [
        ("Erstellt von Fabian am Dienstag 6. Mai 2014", "de"),
        ("Veröffentlicht am 06.05.2014 von Sarah Schnieder, Reiterrevue International", "de"),
        ("Post date May 6, 2014", "en"),
    ]:
        text = "Council approves the new budget after a long debate\n" + label + "\n" + BODY
        meta = Pipeline.default().clean(text, lang=language).metadata
        assert meta.published == "2014-05-06", label
        assert label not in Pipeline.default().clean(text, lang=language).text


def test_a_teaser_with_a_date_is_no_label() -> None:
    from newsclean.extract.dates import is_labelled_date

    assert is_labelled_date("Veröffentlichung: 2. Februar 2022", "de")
    assert not is_labelled_date("Zuschauerrückkehr bei den Proficlubs der Region 02.02.2022", "de")
    # The label must stand before the date, and the line be short.
    assert not is_labelled_date("2. Februar 2022: Bericht veröffentlicht", "de")
    long = "Published " + "word " * 20 + "2 February 2022"
    assert not is_labelled_date(long, "en")


def test_an_update_word_after_the_date_leaves_it_the_publication_date() -> None:
    text = (
        "Council approves the new budget after a long debate\n"
        "Von Jan Kupitz | Oct 24, 2023 | Zuletzt geändert: Nov 7, 2023, 8:54 AM\n" + BODY
    )
    meta = Pipeline.default().clean(text, lang="de").metadata
    assert meta.published == "2023-10-24"


def test_teasers_opening_with_other_days_above_the_article_give_no_date() -> None:
    from newsclean.extract.dates import page_dates
    from newsclean.model import Kind, Removal

    teasers = [
        "19.11.2021 in Community, Deutschland, Moscheereport, Muslimfeindlichkeit, Terror, Politik",
        "17.11.2021 in Afrika, Flucht und Migration",
    ]
    source = "\n".join(teasers) + "\n" + BODY
    removals, offset = [], 0
    for line in teasers:
        removals.append(Removal(offset, offset + len(line), line, Kind.NAVIGATION, "x", "layout"))
        offset += len(line) + 1
    start = len(source) - len(BODY)
    # The second alone is a short line opening with a date: the page's date.
    assert page_dates(removals[1:], source, start, len(source), "de")[0] == "2021-11-17"
    # Above it, another teaser opens with another day: a rail of other stories' dates.
    assert page_dates(removals, source, start, len(source), "de") == (None, None)


def test_a_strip_of_facts_opening_with_the_date_dates_the_page() -> None:
    from newsclean.extract.dates import opens_with_date, page_dates
    from newsclean.model import Kind, Removal

    strip = "8. Dezember 2010 um 09:43 · Rezepte von Mutti · 6 Kommentare"
    source = f"{strip}\n{BODY}"
    removal = Removal(0, len(strip), strip, Kind.NAVIGATION, "model.before_article", "layout")
    start = len(strip) + 1
    assert page_dates([removal], source, start, len(source), "de")[0] == "2010-12-08T09:43"
    # Without the dot after the date, seven words more are a teaser's.
    assert not opens_with_date("18.11.2021 in Deutschland, Europa, Flucht und Migration, Politik")


GERMAN = (
    "Der Stadtrat hat am Montag nach einer langen Debatte den Haushalt beschlossen.\n"
    "Die Bürgermeisterin sagte, das Geld reiche für zwei neue Schulen und den Hafen.\n"
    "Die Opposition hält die Ausgaben für zu hoch und verlangt eine Prüfung."
)


def test_a_page_dated_only_as_it_stands_is_published_that_day() -> None:
    headline = "Stadtrat beschließt den neuen Haushalt\n"
    result = Pipeline.default().clean(f"{headline}Stand: 28.04.2020 18:00 Uhr\n{GERMAN}", lang="de")
    assert (result.metadata.published, result.metadata.updated) == (
        "2020-04-28",
        "2020-04-28T18:00",
    )
    # A publication date written beside it wins; a plain update word dates no publication.
    both = f"{headline}Veröffentlicht am 27.04.2020\nStand: 28.04.2020 18:00 Uhr\n{GERMAN}"
    assert Pipeline.default().clean(both, lang="de").metadata.published == "2020-04-27"
    update = f"{headline}Aktualisiert am 28.04.2020\n{GERMAN}"
    assert Pipeline.default().clean(update, lang="de").metadata.published is None


def test_as_of_words_must_be_update_words() -> None:
    from newsclean.errors import RulePackError
    from newsclean.rules.loader import parse_pack

    with pytest.raises(RulePackError, match="as_of"):
        parse_pack('language = "xx"\n[dates]\nupdated = ["stand"]\nas_of = ["heute"]\n', "xx", {})


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Oct 29, 2012 06:44 PM EDT", "2012-10-29T18:44-04:00"),
        ("Monday 29 October 2012 13.42 GMT", "2012-10-29T13:42+00:00"),
        ("Zuletzt geändert: Nov 7, 2023, 8:54 AM GMT+1", "2023-11-07T08:54+01:00"),
        ("Posted Nov. 6, 2012 at 5:32 PM UTC-3:30 by Andy", "2012-11-06T17:32-03:30"),
        ("2019-11-18T23:30:00Z", "2019-11-18T23:30+00:00"),
        ("2019-11-18 23:30:00+0100", "2019-11-18T23:30+01:00"),
        ("2019-11-18T23:30+01:00", "2019-11-18T23:30+01:00"),
        ("2019-11-18 10:00-12:00", "2019-11-18T10:00"),  # a time range
        # A zone only after a time, only in capitals, only one the packs list.
        ("Oct 29, 2012 EDT", "2012-10-29"),
        ("Le 12 mars 2024 à 10h30 est prévu", "2024-03-12T10:30"),
        ("Nov 8, 2023 / 04:43 PM CST", "2023-11-08T16:43"),
        ("Nov 8, 2023 at 4:43 PM ET", "2023-11-08T16:43"),
        ("12 March 2024 14:10 UTC+15", "2024-03-12T14:10"),
    ],
)
def test_a_time_zone_written_after_the_time_is_its_offset(text: str, date: str) -> None:
    assert read_date(text, "en" if "mars" not in text else "fr") == date


def test_a_zone_is_an_abbreviation_in_capitals_and_an_offset_from_utc() -> None:
    from newsclean.errors import RulePackError
    from newsclean.rules.loader import parse_pack

    pack = parse_pack('language = "xx"\n[dates]\nzones = ["NPT +05:45"]\n', "xx", {})
    assert pack.dates.zones == (("NPT", "+05:45"),)
    for entry in ("npt +05:45", "NPT 05:45", "NPT +15:00", "NPT +05:60"):
        with pytest.raises(RulePackError, match="zones"):
            parse_pack(f'language = "xx"\n[dates]\nzones = ["{entry}"]\n', "xx", {})


def test_a_word_list_no_pack_fills_matches_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.extract import dates
    from newsclean.rules import loader

    monkeypatch.setattr(loader, "available_languages", lambda: ())
    empty = dates._pack_words.__wrapped__("as_of")
    assert empty.search("Stand: 28.04.2020, a line: with - edges.") is None


def test_a_dated_byline_third_among_the_kept_lines_dates_the_page_but_names_nobody() -> None:
    from newsclean.extract.bylines import page_byline_authors

    lines = ["A short lead-in", "A dek under it", "by Oz Smith on December 4, 2006"]
    # The names of a dated byline are read in the first two kept lines only.
    assert page_byline_authors([], lines, "", 0, "en") == []
    assert page_byline_authors([], lines[1:], "", 0, "en") == ["Oz Smith"]
