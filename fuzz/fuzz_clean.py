"""atheris fuzz target: any text, any language option; the result must keep the invariant,
be idempotent, and never raise.

    python fuzz/fuzz_clean.py -runs=100000 corpus_dir/      # explore
    python fuzz/fuzz_clean.py -runs=2000 -seed=1            # what CI runs (tests/test_fuzz.py)
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import newsclean
    from newsclean import rebuild_text

LANGS = [None, "en", "fr", "de", "es", "it", "zz"]


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    lang = provider.PickValueInList(LANGS)
    text = provider.ConsumeUnicode(provider.remaining_bytes())
    result = newsclean.clean(text, lang=lang)
    spans = [(r.start, r.end) for r in result.removed]
    if rebuild_text(result.source, spans) != result.text:
        raise AssertionError(f"invariant broken for {text!r}")
    again = newsclean.clean(result.text, lang=lang)
    if again.text != result.text:
        raise AssertionError(f"not idempotent for {text!r}: {result.text!r} -> {again.text!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
