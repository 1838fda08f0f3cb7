"""Every punctuation set newsclean reads text by: quotes, closers, sentence ends, ellipses,
separators. One place, so that two steps never disagree on what ends a sentence.

>>> "»" in CLOSERS and "«" in OPENING_QUOTES
True
"""

from __future__ import annotations

# Spaces that can trail a line or sit inside French quotes: "« Non. »".
SPACES = " \t\u00a0\u202f\u2009"
# Marks that close a quotation or a parenthesis; skipped when reading how a line ends.
CLOSERS = "\"'”’»)]" + SPACES
# Marks that open a quotation: a sentence may start with one.
OPENING_QUOTES = "«\"“„'‘"
# Quotes of either side (author blurbs are often quoted: « Analyste. Passionné du Web. »).
QUOTES = "«»“”„\"'‘’"
# The ends of a sentence, in the scripts newsclean ships packs for (and CJK full stops).
SENTENCE_ENDS = frozenset(".!?…。！？")
# Marks after which a line reads as prose that stops or goes on, not as a title or label:
# a title may end in "!" or "?", never in "." ";" ":" or "," (nor in their CJK forms, the
# full stop "。", the commas "，" "、" and the full-width ";" and ":").
CLAUSE_ENDS = frozenset(".;:,。，、；：")
# What ends a paragraph of prose: sentence ends plus ":" and ";" (and their full-width forms).
PARAGRAPH_ENDS = SENTENCE_ENDS | frozenset(":;：；")
# Ways a line is cut short and picked up by the next one.
ELLIPSES = ("…", "...")
# A colon: a paragraph ending with one announces a list.
COLON = frozenset(":")
# The fragments of a title run end with these ("Analyst. Web fan. Music guru.").
FRAGMENT_ENDS = ".!"
# Sentence marks a post's headline never holds, anywhere in it (a reader's comment often
# does: "Great! Fantastic shirt!").
HEADLINE_FREE_MARKS = ".!?"
# Before a trailing phrase ("… rose. Read more"): the end of a sentence, quote or bracket.
BEFORE_TRAILING_PHRASE = '.!?…»”"’)]'
# After a trailing phrase: arrows and dots ("Read more »", "Lire la suite…").
AFTER_TRAILING_PHRASE = ".…»›>→"
# Punctuation, symbols and spaces common at line edges: phrase keys strip them.
EDGE_CHARS = " \t.,;:!?…-–—'\"“”‘’«»()[]{}*•·|/\\>›<‹#@&%+=~^_▶►→"
# Separators in a row of links ("Home | News | Sport").
LINK_SEPARATORS = ("|", "/", "•", "·", "»", "›")
# Marks between the entries of a listing ("1a etapa: 10 de março – Interlagos").
ENTRY_MARKS = (":", "–", "—", " - ")
# Marks between names in a credit line: "Ann Lee; Bo Li", "Ann Lee & Bo Li", "Ann Lee / Bo Li".
NAME_SEPARATOR_MARKS = ";,&/|"
# Marks between the parts of a place before its date ("Hofheim am Taunus | Wiesbaden, …").
PLACE_SEPARATORS = frozenset("|/·•-–—")
# The dashes a line may open with: hyphen-minus, en and em dash (an embedded post's
# attribution opens with one: "— Name (@handle) November 20, 2019").
DASHES = frozenset("-–—")
