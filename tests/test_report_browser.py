"""The HTML report of ``newsclean explain --html``, rendered by a real headless Chromium."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsclean.cli import main

from .conftest import SAMPLES

FRENCH = SAMPLES / "reuters_fr_putin_macron.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Cuts(HTMLParser):
    """Collects each <del> span's kind and text and each label, as the browser left them."""

    def __init__(self) -> None:
        super().__init__()
        self.cuts: list[tuple[str, str]] = []
        self.labels: list[str] = []
        self._in: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "del":
            self._in, self._text = "del:" + (values.get("data-kind") or ""), []
        elif tag == "span" and values.get("class") == "label":
            self._in, self._text = "label", []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._in and tag in ("del", "span"):
            text = "".join(self._text)
            if self._in == "label":
                self.labels.append(text)
            else:
                self.cuts.append((self._in.removeprefix("del:"), text))
            self._in = None


def write_report(tmp_path: Path) -> Path:
    report = tmp_path / "report.html"
    out = io.StringIO()
    assert main(["explain", "--color", "never", "--html", str(report), str(FRENCH)], out=out) == 0
    assert "fr.paywall" in out.getvalue()
    return report


def test_report_is_complete_html(tmp_path: Path) -> None:
    page = write_report(tmp_path).read_text(encoding="utf-8")
    parser = _Cuts()
    parser.feed(page)
    kinds = {kind for kind, _ in parser.cuts}
    assert {"paywall", "caption", "related", "credit"} <= kinds
    assert len(parser.labels) == len(parser.cuts)
    assert any(text.startswith("Inscrivez-vous") for _, text in parser.cuts)
    assert "<script" not in page
    assert "http" not in page.split("<body>")[0]


def test_report_renders_in_chromium(tmp_path: Path) -> None:
    if CHROMIUM is None:
        # CI installs Chromium, so there a missing browser is a failure, unless .ci/run
        # said why it could not install one (then this test alone is skipped, loudly).
        why = os.environ.get("NEWSCLEAN_NO_BROWSER")
        if why:
            pytest.skip(f"NO BROWSER: {why}")
        assert not os.environ.get("CI"), "CI must install chromium (see .ci/run)"
        pytest.skip("Chromium is not installed (.ci/run installs it)")
    report = write_report(tmp_path)
    profile = tmp_path / "profile"
    common = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}"]
    dom = subprocess.run(
        [*common, "--dump-dom", report.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    parser = _Cuts()
    parser.feed(dom)
    assert "newsclean report: reuters_fr_putin_macron.txt" in dom
    assert (
        "paywall",
        "Inscrivez-vous maintenant pour un accès gratuit et illimité à Reuters.com",
    ) in parser.cuts
    assert any(label.startswith("caption · ") for label in parser.labels)
    assert 'class="legend"' in dom
    assert 'class="metadata"' in dom

    screenshot = tmp_path / "report.png"
    subprocess.run(
        [*common, f"--screenshot={screenshot}", "--window-size=1000,1400", report.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    image = screenshot.read_bytes()
    if os.environ.get("NEWSCLEAN_KEEP_SCREENSHOT"):
        Path(os.environ["NEWSCLEAN_KEEP_SCREENSHOT"]).write_bytes(image)
    assert image.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(image) > 20_000  # a rendered page, not a blank one
