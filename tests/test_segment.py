"""Segmentation keeps offsets; rebuilding cuts spans line by line."""

from __future__ import annotations

import pytest

from newsclean.segment import rebuild_text, segment


def test_segment_offsets_point_into_the_source() -> None:
    source = "  first line  \n\n\t second\n   \nthird"
    segments = segment(source)
    assert [s.text for s in segments] == ["first line", "second", "third"]
    for seg in segments:
        assert source[seg.start : seg.end] == seg.text
    assert [s.index for s in segments] == [0, 1, 2]


@pytest.mark.parametrize("source", ["", "   ", "\n\n\n", " \t \n "])
def test_segment_blank_input_has_no_segments(source: str) -> None:
    assert segment(source) == ()


@pytest.mark.parametrize(
    ("source", "spans", "expected"),
    [
        ("a\nb\nc", [], "a\nb\nc"),
        ("a\nb\nc", [(2, 3)], "a\nc"),
        ("Body. Read more", [(5, 15)], "Body."),
        ("X: body", [(0, 3)], "body"),
        ("  a  \n\n b ", [], "a\nb"),
    ],
)
def test_rebuild_text_cuts_and_joins_by_line(
    source: str, spans: list[tuple[int, int]], expected: str
) -> None:
    assert rebuild_text(source, spans) == expected
