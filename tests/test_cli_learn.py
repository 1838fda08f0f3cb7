"""``newsclean learn`` and ``clean --learn-sites`` / ``--site-field`` on the sample crawl."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from newsclean.cli import main

ROOT = Path(__file__).resolve().parent.parent
CRAWL = ROOT / "samples" / "sites" / "crawl.jsonl"
LEARNED = ROOT / "samples" / "sites" / "site_rules.toml"
FURNITURE = ("Gazette journalism is paid for", "Harbour Gazette has reported on Port Alder")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out, stdin=io.BytesIO(b""))
    return status, out.getvalue()


def texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_learn_writes_the_pack(tmp_path: Path) -> None:
    pack = tmp_path / "rules.toml"
    status, shown = run("learn", str(CRAWL), "-o", str(pack))
    assert status == 0
    assert shown == ""
    assert pack.read_text(encoding="utf-8") == LEARNED.read_text(encoding="utf-8")


def test_learn_without_output_prints_the_pack_and_workers_agree() -> None:
    status, shown = run("learn", str(CRAWL), "--workers", "2")
    assert status == 0
    assert shown == LEARNED.read_text(encoding="utf-8")


def test_review_shows_each_candidate_with_its_evidence() -> None:
    status, shown = run("learn", str(CRAWL), "--review")
    assert status == 0
    assert "## harbour-gazette.example: 5 pages" in shown
    assert "## valleytimes.example: 4 pages" in shown
    assert "solo-blog.example" not in shown  # one page: nothing to learn
    learned = [line for line in shown.splitlines() if line.startswith("  + ")]
    rejected = [line for line in shown.splitlines() if line.startswith("  - ")]
    assert learned
    assert rejected
    assert any("already removed by a shipped rule (universal." in line for line in rejected)
    assert any("ends the article" in line for line in learned)


def test_min_pages_above_the_sites_pages_learns_nothing() -> None:
    status, shown = run("learn", str(CRAWL), "--min-pages", "6")
    assert status == 0
    assert "[[rules]]" not in shown


def test_clean_with_learn_sites_equals_clean_with_the_learned_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    learned_out, packed_out, plain_out = (tmp_path / name for name in ("a", "b", "c"))
    pack = tmp_path / "learned.toml"
    status, _ = run(
        "clean", str(CRAWL), "--learn-sites", "--learned-rules", str(pack), "-o", str(learned_out)
    )
    assert status == 0
    assert "learned 12 rules for 2 sites" in capsys.readouterr().err
    assert pack.read_text(encoding="utf-8") == LEARNED.read_text(encoding="utf-8")
    status, _ = run(
        "clean", str(CRAWL), "--rules", str(LEARNED), "--site-field", "url", "-o", str(packed_out)
    )
    assert status == 0
    assert texts(learned_out) == texts(packed_out)
    run("clean", str(CRAWL), "-o", str(plain_out))
    for furniture in FURNITURE:
        assert any(furniture in text for text in texts(plain_out))
        assert not any(furniture in text for text in texts(learned_out))


def test_site_rules_need_the_site_field(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run("clean", str(CRAWL), "--rules", str(LEARNED), "-o", str(out))
    assert any(FURNITURE[0] in text for text in texts(out))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["clean", "-", "--learn-sites"], "reads its inputs twice"),
        (["clean", str(CRAWL), "--learned-rules", "x.toml"], "need --learn-sites"),
        (["clean", str(CRAWL), "--learn-sample", "3"], "need --learn-sites"),
        (["learn"], "no inputs"),
    ],
)
def test_learning_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run(*argv)
    assert status == 1
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("value", ["1", "x"])
def test_min_pages_is_checked(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        run("learn", str(CRAWL), "--min-pages", value)
    assert stop.value.code == 1


def test_explain_applies_site_rules_with_the_site_field(tmp_path: Path) -> None:
    status, shown = run(
        "explain", str(CRAWL), "--record", "2", "--rules", str(LEARNED), "--site-field", "url"
    )
    assert status == 0
    assert "universal.site.harbour-gazette-example-" in shown
    # The thread under the comment count goes too (the site step's own marker removal is
    # tested in test_sites: here the shipped rules already end the article at the count).
    assert "KEEP" not in next(line for line in shown.splitlines() if "Gazette forum" in line)
    status, shown = run("explain", str(CRAWL), "--record", "2", "--rules", str(LEARNED))
    assert "universal.site." not in shown


def test_learn_reads_directories_of_jsonl_through_clean(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    shutil.copy(CRAWL, folder / "part-0.jsonl")
    out = tmp_path / "out"
    status, _ = run("clean", "--input-dir", str(folder), "--learn-sites", "--output-dir", str(out))
    assert status == 0
    cleaned = texts(out / "part-0.jsonl")
    assert not any(FURNITURE[0] in text for text in cleaned)


def test_learn_sample_learns_from_the_first_records_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "learned.toml"
    out = tmp_path / "out.jsonl"
    status, _ = run(
        "clean", str(CRAWL), "--learn-sites", "--learn-sample", "5",
        "--learned-rules", str(pack), "-o", str(out),
    )  # fmt: skip
    assert status == 0
    assert "from 5 pages of 1 sites" in capsys.readouterr().err
    learned = pack.read_text(encoding="utf-8")
    assert 'site = "harbour-gazette.example"' in learned
    assert "valleytimes.example" not in learned
    assert len(texts(out)) == 10  # every record is still cleaned


def test_interrupted_learning_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsclean.corpus import command

    def interrupted(*args: object, **options: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "learn_from_inputs", interrupted)
    pack = tmp_path / "rules.toml"
    status, _ = run("learn", str(CRAWL), "-o", str(pack))
    assert status == 130
    assert not pack.exists()
    assert "interrupted" in capsys.readouterr().err


def test_learn_reads_stdin_and_skips_text_documents(tmp_path: Path) -> None:
    out = io.StringIO()
    status = main(["learn", "-"], out=out, stdin=io.BytesIO(CRAWL.read_bytes()))
    assert status == 0
    assert out.getvalue() == LEARNED.read_text(encoding="utf-8")
    text = tmp_path / "page.txt"
    text.write_text("A page without a URL teaches nothing about any site.", encoding="utf-8")
    status, shown = run("learn", str(text), "--review")
    assert status == 0
    assert "learned from 0 pages of 0 sites (1 pages without a text or site skipped)" in shown
