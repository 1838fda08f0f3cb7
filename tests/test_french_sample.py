"""The French Reuters sample, checked against what the product promises for it."""

from __future__ import annotations

import newsclean
from newsclean import Kind


def test_french_sample_keeps_the_nine_article_paragraphs(french_sample: str) -> None:
    result = newsclean.clean(french_sample)
    paragraphs = result.text.split("\n")
    assert len(paragraphs) == 9
    assert paragraphs[0].startswith("Le président russe Vladimir Poutine a déclaré")
    assert paragraphs[1].endswith("coalition dirigée par les États-Unis.")
    assert paragraphs[-1].startswith("Les nations occidentales craignent")
    for boilerplate in ("Inscri", "REUTERS", "Rapport", "Nos normes", "Analyste", "More Stories"):
        assert boilerplate not in result.text


def test_french_sample_metadata(french_sample: str) -> None:
    meta = newsclean.clean(french_sample).metadata
    assert meta.language == "fr"
    assert meta.language_confidence is not None
    assert meta.language_confidence > 0.9
    assert meta.dateline is not None
    assert (meta.dateline.location, meta.dateline.date, meta.dateline.agency) == (
        "PARIS",
        "28 janvier",
        "Reuters",
    )
    assert meta.authors == ["John Irish"]
    assert meta.editors == ["Sudeep Kar-Gupta", "Mark Heinrich"]
    assert meta.photo_credits == ["Via Spoutnik / Michael Clementiev / Kremlin REUTERS"]
    assert len(meta.captions) == 1
    assert meta.captions[0].startswith("Le président russe Vladimir Poutine s’entretient")
    assert "REUTERS" not in meta.captions[0]
    assert len(meta.related) == 3
    assert meta.source == "Reuters"


def test_french_sample_removal_kinds(french_sample: str) -> None:
    kinds = {removal.kind for removal in newsclean.clean(french_sample).removed}
    assert {
        Kind.PAYWALL,
        Kind.CAPTION,
        Kind.READ_MORE,
        Kind.DATELINE,
        Kind.CREDIT,
        Kind.FOOTER,
        Kind.AUTHOR_BLURB,
        Kind.RELATED,
    } <= kinds


def test_french_sample_without_author_blurb_keeps_the_bio(french_sample: str) -> None:
    text = newsclean.Pipeline.default().without("author_blurb").clean(french_sample).text
    assert "« Analyste. Passionné du Web." in text


def test_french_sample_keep_dateline_option(french_sample: str) -> None:
    result = newsclean.Pipeline.default(keep_dateline=True).clean(french_sample)
    assert result.text.startswith("PARIS, 28 janvier (Reuters) – Le président russe")
    assert result.metadata.dateline is not None
    assert result.metadata.dateline.location == "PARIS"
    assert Kind.DATELINE not in {removal.kind for removal in result.removed}


def test_french_sample_keeps_typography(french_sample: str) -> None:
    text = newsclean.clean(french_sample).text
    assert "’" in text
    assert "«" in text
    assert "»" in text
