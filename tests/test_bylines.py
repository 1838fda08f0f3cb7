"""Authors from a byline that carries its date, read only above the article."""

from __future__ import annotations

import pytest

from newsclean import Pipeline
from newsclean.extract.bylines import dated_byline_authors

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
    ],
)
def test_dated_bylines(line: str, language: str, names: list[str]) -> None:
    assert dated_byline_authors(line, language) == names


def test_the_pages_dated_byline_names_its_author() -> None:
    byline = "Von Claudia Riedler 19. Oktober 2019 00:04 Uhr"
    text = f"Stadtrat beschließt den neuen Haushalt\n{byline}\n{BODY}"
    meta = Pipeline.default().clean(text, lang="de").metadata
    assert meta.authors == ["Claudia Riedler"]
    assert meta.published == "2019-10-19T00:04"


def test_a_dated_byline_after_the_article_names_nobody() -> None:
    text = f"{BODY}\nKommentare\nVon Klaus Meier 20. Oktober 2019 08:15 Uhr\nSehr gut!"
    assert Pipeline.default().clean(text, lang="de").metadata.authors == []
