"""Learned candidates written as a user rule pack: one site-scoped rule per learned line,
its evidence in the rule's ``note`` and ``evidence``, each rule validated as a user pack's
rules are (examples, cost probe) before it is written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from newsclean.corpus.decide import Candidate
from newsclean.corpus.observe import TEMPLATE_PREFIX, template_pieces
from newsclean.errors import RulePackError
from newsclean.limits import REGEX_TIMEOUT
from newsclean.rules.loader import UNIVERSAL, check_examples, load_pack, parse_pack
from newsclean.rules.model import strip_edge_punctuation
from newsclean.rules.user import slow_probe

_PIECES = regex.compile(r"\d+|\s+|[^\d\s]+")
_NAME_UNSAFE = regex.compile(r"[^a-z0-9]+")
# The longest site part of a rule name (a rule name holds at most 80 characters).
_SITE_NAME_CHARS = 60
MAX_EXAMPLES = 2


def rule_name(site: str, number: int) -> str:
    """The name part of a learned rule's id.

    >>> rule_name("news.example.com", 3)
    'news-example-com-3'
    """
    slug = _NAME_UNSAFE.sub("-", site.lower(), timeout=REGEX_TIMEOUT).strip("-")
    return f"{slug[:_SITE_NAME_CHARS].strip('-') or 'site'}-{number}"


def line_pattern(text: str) -> str:
    """A pattern matching ``text`` as a whole line with any number in place of each run of
    digits, any run of spaces in place of each, and any edge punctuation.

    >>> line_pattern("12 comments (3 new)")
    '[\\\\W_]*\\\\d+\\\\s+comments\\\\s+\\\\(\\\\d+\\\\s+new[\\\\W_]*'
    """
    core = strip_edge_punctuation(text)
    parts = []
    for piece in _PIECES.findall(core, timeout=REGEX_TIMEOUT):
        if piece[0].isdecimal():
            parts.append(r"\d+")
        elif piece[0].isspace():
            parts.append(r"\s+")
        else:
            parts.append(regex.escape(piece))
    return r"[\W_]*" + "".join(parts) + r"[\W_]*"


# A slot whose words vary between the pages: one to six capitalised words.
_ANY_SLOT = r"\p{Lu}\S*(?:\s+\p{Lu}\S*){0,5}"


def template_pattern(variants: Sequence[str]) -> str:
    """A case-sensitive pattern for lines of one template (see
    :func:`newsclean.corpus.observe.template_key`): its fixed words as written (digits
    as any number), each run of capitalised words literal where every variant has the same
    words, else any one to six capitalised words.

    >>> print(template_pattern(["by Ed Fry on May 9, 2011. Reply", "by Jo on June 1, 2011. Reply"]))
    by\\s+\\p{Lu}\\S*(?:\\s+\\p{Lu}\\S*){0,5}\\s+on\\s+\\p{Lu}\\S*(?:\\s+\\p{Lu}\\S*){0,5}\\s+\\d+,\\s+\\d+\\.\\s+Reply
    """
    split = [template_pieces(text) for text in variants]
    first = split[0]
    same = [
        all(len(pieces) == len(first) and pieces[n] == first[n] for pieces in split)
        for n in range(len(first))
    ]
    parts = []
    for n, (is_slot, text) in enumerate(first):
        if is_slot and not same[n]:
            parts.append(_ANY_SLOT)
        else:
            parts.append(r"\s+".join(_literal(word) for word in text.split()))
    return r"\s+".join(parts)


def _literal(word: str) -> str:
    return "".join(
        r"\d+" if piece[0].isdecimal() else regex.escape(piece)
        for piece in _DIGIT_RUNS.findall(word, timeout=REGEX_TIMEOUT)
    )


_DIGIT_RUNS = regex.compile(r"\d+|\D+")


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string.

    >>> toml_string('say "hi"\\tthere')
    '"say \\\\"hi\\\\"\\\\tthere"'
    """
    out = ['"']
    for char in text:
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\t":
            out.append("\\t")
        elif char == "\n":
            out.append("\\n")
        elif ord(char) < 0x20 or ord(char) == 0x7F or 0xD800 <= ord(char) <= 0xDFFF:
            out.append(f"\\u{ord(char) if ord(char) < 0xD800 else 0xFFFD:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _array(items: Iterable[str]) -> str:
    return "[" + ", ".join(toml_string(item) for item in items) + "]"


def rule_toml(candidate: Candidate, rule_id: str) -> str:
    """The ``[[rules]]`` table of one learned candidate."""
    text = candidate.variants[0]
    examples = list(dict.fromkeys(candidate.variants))[:MAX_EXAMPLES]
    has_digits = any(char.isdecimal() for char in text)
    template = candidate.key.startswith(TEMPLATE_PREFIX)
    lines = [
        "[[rules]]",
        f"id = {toml_string(rule_id)}",
        f"site = {toml_string(candidate.site)}",
        f"kind = {toml_string(candidate.kind.value)}",
    ]
    if candidate.ends_article:
        lines.append('role = "ends_article"')
    if template:
        lines.append(f"pattern = {toml_string(template_pattern(candidate.variants))}")
        lines.append("case_sensitive = true")
    elif has_digits:
        lines.append(f"pattern = {toml_string(line_pattern(text))}")
    else:
        lines.append(f"phrases = {_array([text])}")
    lines.append(f"examples = {_array(examples)}")
    where = ", ".join(f"{position.value} {count}" for position, count in candidate.positions)
    note = (
        f"Learned from {candidate.stories} of {candidate.site_stories} pages of "
        f"{candidate.site} ({candidate.share:.0%}); where: {where}; the shipped rules kept "
        f"it on {candidate.kept_share:.0%} of sightings; kind: {candidate.kind_from}"
        + ("; no article text follows it on the site's pages." if candidate.ends_article else ".")
    )
    lines.append(f"note = {toml_string(note)}")
    positions = dict(candidate.positions)
    evidence = [
        f"pages = {candidate.stories}",
        f"site_pages = {candidate.site_stories}",
        f"share = {round(candidate.share, 3)}",
        *(f"{position.value} = {positions[position]}" for position in positions),
        f"kept_share = {round(candidate.kept_share, 3)}",
        f"example_pages = {_array(candidate.pages)}",
        f"kind_from = {toml_string(candidate.kind_from)}",
    ]
    lines.append("evidence = { " + ", ".join(evidence) + " }")
    return "\n".join(lines)


def _header(description: str) -> str:
    return f'language = "{UNIVERSAL}"\ndescription = {toml_string(description)}\n'


def check_rule(table: str, origin: str) -> str | None:
    """Why one rule table would not load as a user pack's rule, or ``None``."""
    try:
        pack = parse_pack(
            _header("check") + "\n" + table + "\n", origin, load_pack(UNIVERSAL).lists
        )
    except RulePackError as exc:
        return str(exc)
    rule = pack.rules[0]
    problems = check_examples(rule)
    if problems:
        return problems[0]
    slow = slow_probe(rule)
    if slow is not None:
        return f"pattern too slow on {slow}"
    return None


def pack_toml(tables: Sequence[str], description: str) -> str:
    """A whole user pack of ``tables``."""
    return _header(description) + "".join("\n" + table + "\n" for table in tables)
