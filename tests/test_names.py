"""Name lists from credit lines and bylines."""

from __future__ import annotations

import pytest

from newsclean.extract.names import is_person_name, split_names
from newsclean.rules import UNIVERSAL, available_languages, load_pack


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("John Irish", ["John Irish"]),
        ("Sudeep Kar-Gupta et Mark Heinrich", ["Sudeep Kar-Gupta", "Mark Heinrich"]),
        ("Ann Lee, Bo Li and Tom Brown", ["Ann Lee", "Bo Li", "Tom Brown"]),
        ("Hans Müller und Anna Schmidt (dpa)", ["Hans Müller", "Anna Schmidt"]),
        ("Juan Pérez y Ana García", ["Juan Pérez", "Ana García"]),
        ("Jeff Mason in Washington", ["Jeff Mason"]),
        ("Jane Doe, Reuters", ["Jane Doe"]),
        ("Jean de la Fontaine", ["Jean de la Fontaine"]),
        ("JANE DOE", ["JANE DOE"]),
        ("A. B. Smith; C. Jones", ["A. B. Smith", "C. Jones"]),
        # A last entry of one word in capitals is the desk's organisation.
        ("Ann Lee, Bo Li und Tom Brown, NDR", ["Ann Lee", "Bo Li", "Tom Brown"]),
        ("Jane Doe, BBC", ["Jane Doe"]),
        ("Jane Doe and BOB SMITH", ["Jane Doe", "BOB SMITH"]),
    ],
)
def test_split_names_finds_people(text: str, names: list[str]) -> None:
    assert split_names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "",
        "the editorial board",
        "Monday",
        "hand, the letter was found",
        "John Irish; additional reporting",
        "x" * 400,
        "Reuters",
        "NDR",
        "NDR, Jane Doe",
    ],
)
def test_split_names_refuses_non_names(text: str) -> None:
    assert split_names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Mark Heinrich", True), ("mark heinrich", False), ("The Big Red Bus Company Ltd Now", False)],
)
def test_is_person_name(text: str, expected: bool) -> None:
    assert is_person_name(text) is expected


NAME_EXAMPLES = [
    (language, text, names)
    for language in (UNIVERSAL, *available_languages())
    for text, names in load_pack(language).names.examples
]


@pytest.mark.parametrize(("language", "text", "names"), NAME_EXAMPLES)
def test_every_packs_name_examples(language: str, text: str, names: tuple[str, ...]) -> None:
    assert split_names(text, language) == list(names)


def test_a_word_that_separates_names_in_one_language_is_a_place_word_in_another() -> None:
    assert split_names("Jan Jansen en Piet Pietersen", "nl") == ["Jan Jansen", "Piet Pietersen"]
    assert split_names("Juan Pérez en Madrid", "es") == ["Juan Pérez"]
    assert split_names("Juan Pérez en Madrid") == ["Juan Pérez"]
