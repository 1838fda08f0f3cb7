"""Normalization repairs mojibake and invisible characters but never restyles clean text."""

from __future__ import annotations

import pytest

from newsclean.normalize import needs_ftfy, normalize


@pytest.mark.parametrize(
    "clean_text",
    [
        "l’homme « libre » – déjà",
        "“Curly quotes” and ‘single’ ones… and em — dashes",
        "ﬁne ligature stays",
        "Ｆｕｌｌｗｉｄｔｈ stays",
        "e\u0301 decomposed stays",
        "Größe, Ökonomie, São Paulo, NÃO, Ærø",
        "Пример текста и 中文 and עברית and العربية",
        "emoji 👩‍👩‍👧 and flags 🇫🇷🇩🇪 and a ZWNJ in می\u200cخواهم",
        "&amp; entities stay as written",
    ],
)
def test_normalize_leaves_clean_text_unchanged(clean_text: str) -> None:
    assert normalize(clean_text) == clean_text


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("dÃ©jÃ  vu", "déjà vu"),
        ("lâ€™homme", "l’homme"),
        ("â€œQuotedâ€\x9d", "“Quoted”"),
        ("GrÃ¶ÃŸe", "Größe"),
    ],
)
def test_normalize_repairs_mojibake(broken: str, fixed: str) -> None:
    assert normalize(broken) == fixed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("a\x0bb\x0cc", "a\nb\nc"),
    ],
)
def test_normalize_unifies_line_breaks(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\x00b\x07c", "abc"),
        ("zero\u200bwidth", "zerowidth"),
        ("soft\u00adhyphen", "softhyphen"),
        ("\ufeffBOM first", "BOM first"),
        ("bidi \u202eoverride\u202c end", "bidi override end"),
        ("\x1b[31mred\x1b[0m text", "red text"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("tab\tstays", "tab\tstays"),
    ],
)
def test_normalize_strips_invisible_and_control_characters(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_needs_ftfy_is_false_for_clean_text_in_many_scripts() -> None:
    assert not needs_ftfy("Ça coûte 5 € — «très» cher, NÃO é? Ørsted")
    assert needs_ftfy("Ã©tÃ©")
