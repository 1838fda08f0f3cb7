"""Repair the raw input without restyling it: mojibake, line breaks, invisible characters.

Clean text passes through unchanged: curly quotes, guillemets, dashes and composed or
decomposed letters stay exactly as they were. ftfy only runs on lines where a cheap check
finds a character pair that mojibake produces.

Every pattern here is a character class, a pair of them, or literals with bounded
repetition, so each pass takes time linear in the text by construction; they run with the
standard ``re`` module, without a timeout, and normalisation never raises on a ``str``.
"""

from __future__ import annotations

import re

import ftfy

# Pairs that UTF-8 text decoded as Latin-1 or Windows-1252 produces: a lead byte shown as
# Â, Ã, â, Ð, Ñ, ... followed by a continuation byte shown as a C1 control, Latin-1
# punctuation or one of Windows-1252's extra characters. Clean text in any language
# almost never has such a pair.
_MOJIBAKE_PAIR = (
    "[\u00c2\u00c3\u00c5\u00c4\u00c6\u00ce\u00cf\u00d0\u00d1\u00d8\u00d9\u00e2\u00ef]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_MOJIBAKE_HINT = re.compile(_MOJIBAKE_PAIR)

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization=None,
    explain=False,
)

# Every line break Python's str.splitlines knows, except the plain "\n".
_BREAK_CHARS = "\r\u2028\u2029\u0085\u000b\u000c\u001c\u001d\u001e"
_LINE_BREAKS = re.compile(f"\r\n|[{_BREAK_CHARS}]")

# Terminal escape sequences (colours, cursor moves) and OSC titles.
_TERMINAL_ESCAPE = re.compile(
    "\x1b\\[[0-9;?]{0,32}[ -/]{0,4}[@-~]|\x1b\\][^\x07\x1b]{0,256}(?:\x07|\x1b\\\\)?"
)

# Invisible or control characters with no place in article text: C0 controls (tab and
# newline excepted), soft hyphen, zero-width space, bidi embeddings, overrides and
# isolates, word joiner and invisible operators, deprecated format characters, BOM,
# interlinear annotation marks, object replacement and tag characters. Zero-width
# (non-)joiners stay: they carry meaning in Persian, Indic scripts and emoji.
_INVISIBLE_RANGES = (
    ("\u0000", "\u0008"),
    ("\u000e", "\u001b"),
    ("\u001f", "\u001f"),
    ("\u007f", "\u007f"),
    ("\u00ad", "\u00ad"),
    ("\u200b", "\u200b"),
    ("\u200e", "\u200f"),
    ("\u202a", "\u202e"),
    ("\u2060", "\u2064"),
    ("\u2066", "\u206f"),
    ("\ufeff", "\ufeff"),
    ("\ufff9", "\ufffc"),
    ("\U000e0000", "\U000e007f"),
)
# C1 controls (but U+0085, a line break): removed last, as ftfy reads them to repair
# mojibake such as "â€\x9d" into "”".
_C1_RANGES = (("\u0080", "\u0084"), ("\u0086", "\u009f"))


def _char_class(ranges: tuple[tuple[str, str], ...]) -> str:
    return "[" + "".join(low if low == high else f"{low}-{high}" for low, high in ranges) + "]+"


_INVISIBLE_BUT_C1 = re.compile(_char_class(_INVISIBLE_RANGES))
_INVISIBLE = re.compile(_char_class(_INVISIBLE_RANGES + _C1_RANGES))
_SURROGATE = re.compile("[\ud800-\udfff]")
# Repairs after the controls are gone; ftfy reaches its fixed point in one almost always.
_REPAIR_ROUNDS = 3


def needs_ftfy(text: str) -> bool:
    """Whether ``text`` shows a sign of mojibake worth a full ftfy pass.

    >>> needs_ftfy("déjà vu"), needs_ftfy("dÃ©jÃ  vu")
    (False, True)
    """
    return _MOJIBAKE_HINT.search(text) is not None


def _repair_lines(text: str) -> str:
    """Run ftfy on the lines that show a mojibake hint, and leave the others untouched.

    ftfy works line by line anyway; this spares a 50 MB text with one bad line the cost of
    a full pass. Each line's repair costs time linear in the line.
    """
    pieces: list[str] = []
    cursor = 0
    hint = _MOJIBAKE_HINT.search(text)
    while hint is not None:
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.end())
        end = len(text) if end < 0 else end
        pieces.append(text[cursor:start])
        pieces.append(ftfy.fix_text(text[start:end], _FTFY_CONFIG))
        cursor = end
        hint = _MOJIBAKE_HINT.search(text, end)
    pieces.append(text[cursor:])
    return "".join(pieces)


def normalize(text: str) -> str:
    """Repair mojibake, unify line breaks to ``"\\n"`` and drop invisible characters.

    >>> normalize("l’homme\\r\\nÃ©tait\\u200b là")
    'l’homme\\nétait là'
    """
    if _SURROGATE.search(text) is not None:
        text = ftfy.fixes.fix_surrogates(text)
        text = _SURROGATE.sub("\ufffd", text)
    if "\x1b" in text:
        text = _TERMINAL_ESCAPE.sub("", text)
    if any(char in text for char in _BREAK_CHARS):
        text = _LINE_BREAKS.sub("\n", text)
    invisible = _INVISIBLE.search(text) is not None
    # Mojibake is looked for once escapes and invisible characters are gone ("Î\x1b¡" reads
    # as "Î¡", a mangled "Ρ"), as the next run over the output would see it; C1 controls
    # stay for the first repair, as they are part of what ftfy decodes ("â€\x9d" is "”").
    if invisible:
        text = _INVISIBLE_BUT_C1.sub("", text)
    if needs_ftfy(text):
        text = _repair_lines(text)
        text = _LINE_BREAKS.sub("\n", text)
        invisible = True
    if not invisible:
        return text  # nothing removed since the mojibake check: nothing new to repair
    text = _INVISIBLE.sub("", text)
    # ftfy decides per line, from what the line holds; removing the C1 controls can change
    # its decision, so repair until a pass changes nothing (normally one pass), as a second
    # run over the output would.
    for _ in range(_REPAIR_ROUNDS):
        if not needs_ftfy(text):
            break
        repaired = _repair_lines(text)
        repaired = _LINE_BREAKS.sub("\n", repaired)
        repaired = _INVISIBLE.sub("", repaired)
        if repaired == text:
            break
        text = repaired
    return text
