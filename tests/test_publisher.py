"""``metadata.source`` from copyright and rights lines: the publisher's name alone."""

from __future__ import annotations

import pytest

from newsclean import Pipeline
from newsclean.extract.publisher import publisher

BODY = (
    "The city council approved the budget on Monday after a debate that lasted six hours.\n"
    "The mayor said the plan would fund two new schools and repair the old harbour wall."
)


@pytest.mark.parametrize(
    ("holder", "name"),
    [
        ("The Everywhereist 2012", "The Everywhereist"),
        ("Bundespolizei 1999-2021", "Bundespolizei"),
        ("-2012 David Airey", "David Airey"),
        ("Kyffhäuser Nachrichten 2.6411", "Kyffhäuser Nachrichten"),
        ("Google - Privacy Policy - Terms of Service", "Google"),
        ("HowDoesShe.com ·", "HowDoesShe.com"),
        ("Johannes Wolf • Weitere Rechte siehe Impressum", "Johannes Wolf"),
        ("- Fundacja Liberté! All Rights Reserved", "Fundacja Liberté!"),
        ("Powered by Minute Media -", "Minute Media"),
        ("Copyright by diy-expeditions.com", "diy-expeditions.com"),
        ("AWO Bundesverband e.V...", "AWO Bundesverband e.V."),
        # A news agency is a publisher; a slash inside a name is kept.
        ("Reuters", "Reuters"),
        ("ARD-aktuell / tagesschau.de", "ARD-aktuell / tagesschau.de"),
        # Names no publisher: a rights phrase, a photo credit, a theme's credit.
        ("Algunos derechos reservados", None),
        ("Foto: Johanna Link / Donna Magazin", None),
        ("Oli Scarff/Getty Images", None),
        ("Damien Roué – Unsplash", None),
        ("Theme Blass by 1000ff", None),
        ("· Genesis Framework by StudioPress · WordPress · Log in", None),
        ("www", None),
        ("", None),
        (None, None),
    ],
)
def test_the_publisher_of_a_holder(holder: str | None, name: str | None) -> None:
    assert publisher(holder) == name


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("© 2012 The Everywhereist 2012", "The Everywhereist"),
        ("COPYRIGHT © 2023 OnlineMarketing.de GmbH", "OnlineMarketing.de GmbH"),
        ("© 2019 - Algunos derechos reservados.", None),
        # The blog's name, before its engine's credit.
        (
            "© Liebe geht durch den Magen 2020 · WordPress 4.8.12 · Beiträge (RSS)",
            "Liebe geht durch den Magen",
        ),
        ("© Oli Scarff/Getty Images", None),
        # The holder before the sign and a year: the site's own copyright line.
        ("HacknMod.com © 2010", "HacknMod.com"),
        ("BBC © 2012 The BBC is not responsible for the content of external sites.", "BBC"),
        ("Deutschlandradio © 2009-2020", "Deutschlandradio"),
    ],
)
def test_copyright_lines_give_the_publisher_as_source(line: str, source: str | None) -> None:
    result = Pipeline.default().clean(f"{BODY}\n{line}", lang="en")
    assert line not in result.text
    assert result.metadata.source == source


def test_a_year_after_the_sign_is_no_photo_credit() -> None:
    # "X © 2010" is a site's copyright line; "… © Thinkstock" after a caption is a credit.
    result = Pipeline.default().clean(f"{BODY}\nDeutschlandradio © 2009-2020", lang="en")
    assert result.metadata.photo_credits == []
    assert result.metadata.captions == []
    caption = "Die Schule am alten Hafen wird saniert. © Thinkstock"
    result = Pipeline.default().clean(f"{BODY}\n{caption}", lang="de")
    assert result.metadata.photo_credits == ["© Thinkstock"]
