"""Hostile inputs, by class, at a chosen size: what a web-scale run will eventually meet.

Shared by ``tests/test_hostile.py`` (moderate sizes) and ``bench/hostile.py`` (up to 50 MB).
"""

from __future__ import annotations

import random
from collections.abc import Callable

Maker = Callable[[int], str]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _binary_junk(size: int) -> str:
    rng = random.Random(1)
    return bytes(rng.randrange(256) for _ in range(size)).decode("latin-1")


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _numbered(size: int) -> str:
    lines, total, number = [], 0, 1
    while total < size:
        line = f"{number}. Item number {number} of the list, with a short description"
        lines.append(line)
        total += len(line) + 1
        number += 1
    return "\n".join(lines)[:size]


def _varied_boilerplate(size: int) -> str:
    rng = random.Random(2)
    phrases = ["Share this article", "Read more", "Subscribe now", "Sign up", "Comments"]
    lines, total = [], 0
    while total < size:
        line = f"{rng.choice(phrases)} {rng.randrange(10**6)} {rng.choice('abcdefgh') * 3}"
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)[:size]


def _boilerplate_over_an_article(size: int) -> str:
    """Varied boilerplate lines, then an article with a headline and no byline: what is
    read near the article's start when nothing names the authors (a byline of its own,
    a name beside a date) must look at the lines just above it, never at all of them."""
    article = (
        "Council approves the budget for next year\n"
        "The council met on Tuesday to discuss the budget for the coming year, officials "
        "said.\nIt approved the plan after a long debate that lasted into the night.\n"
    )
    return _varied_boilerplate(max(0, size - len(article))) + "\n" + article


def _stamped_comments(size: int) -> str:
    """A thread of distinct names, each over its comment with a date and time: every line a
    stamp or a comment, all in one frame."""
    rng = random.Random(3)
    lines, total = [], 0
    while total < size:
        name = "".join(rng.choice("abcdefghij") for _ in range(6)).title()
        stamp = f"{name} says: March {rng.randrange(1, 29)}, 2021 at {rng.randrange(1, 13)}:15 pm"
        lines.extend((stamp, f"I read this twice and still disagree, {name}."))
        total += len(stamp) + len(lines[-1]) + 2
    return "\n".join(lines)[:size]


_FRENCH_WORDS = [
    "économie",
    "déjà",
    "être",
    "naïf",
    "façade",
    "réglé",
    "où",
    "château",
    "Noël",
    "hôpital",
]

ARTICLE = (
    "Le président a déclaré vendredi qu’il souhaitait poursuivre les pourparlers. "
    "“Quoted” — the minister said, naïvely.\n"
)

HOSTILE: dict[str, Maker] = {
    "empty": lambda size: "",
    "whitespace only": lambda size: _repeat(" \t\n\u00a0\u3000\r\n", size),
    "one long line": lambda size: _repeat("word, another word; ", size),
    "many short lines": lambda size: _repeat("a\n", size),
    "binary junk as latin-1": _binary_junk,
    "NUL and terminal escapes": lambda size: _repeat(
        "\x00\x1b[31mred\x1b[0m\x1b]0;title\x07\x07", size
    ),
    "lone surrogates": lambda size: _repeat("ab\ud800c\udfffd\n", size),
    "bidi controls": lambda size: _repeat("\u202eevil\u202c \u2067isolate\u2069 \u200f\n", size),
    "combining marks on one letter": lambda size: "a" + "\u0301" * max(0, size - 1),
    "emoji and flags": lambda size: _repeat("👍🏽🇫🇷🇩🇪👨‍👩‍👧 🏳️‍🌈 ", size),
    "CJK without spaces": lambda size: _repeat("東京都は二十七日新しい計画を発表した。", size),
    "Arabic and Hebrew": lambda size: _repeat(
        "القاهرة أعلنت اليوم خطة جديدة. ירושלים הודיעה היום.\n", size
    ),
    "single mojibake": lambda size: _repeat(_mojibake(ARTICLE), size),
    "double mojibake": lambda size: _repeat(_mojibake(_mojibake(ARTICLE)), size),
    "only boilerplate": lambda size: _repeat(
        "Advertisement\nRead more\nShare this article\n", size
    ),
    "one boilerplate line repeated": lambda size: _repeat(
        "Inscrivez-vous maintenant pour un accès gratuit et illimité à Reuters.com\n", size
    ),
    "one trigger phrase repeated on a line": lambda size: _repeat("Read more ", size),
    "spaces then a line end": lambda size: "x" + " " * max(0, size - 2) + "\n",
    "one huge word": lambda size: _repeat("a", size),
    "unclosed brackets and quotes": lambda size: _repeat("(« “[ ", size),
    "mojibake word list": lambda size: _repeat(_mojibake("\n".join(_FRENCH_WORDS) + "\n"), size),
    "Turkish prose with dotted capitals": lambda size: _repeat(
        "İstanbul'da İçişleri Bakanlığı yeni bir açıklama yaptı. İnsanlar İzmir'e gitti.\n", size
    ),
    "long numbered list": _numbered,
    "read more mixed with punctuation": lambda size: _repeat(
        "Read more. Read more! Read more… Read more » | Read more.\n", size
    ),
    "slightly different boilerplate lines": _varied_boilerplate,
    "boilerplate lines over an article": _boilerplate_over_an_article,
    "a comment thread of stamps": _stamped_comments,
}
