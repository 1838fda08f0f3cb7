"""The command line's habits: errors named on stderr, a wrong text field caught early,
warnings, colour conventions, trees of files, compressed inputs and encodings."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import main

from .conftest import SAMPLES

ARTICLE = "Advertisement\nThe council approved the budget on Monday after a long debate."


def run(*argv: str, stdin: bytes = b"") -> tuple[int, list[str]]:
    out = io.StringIO()
    status = main(list(argv), out=out, stdin=io.BytesIO(stdin))
    return status, out.getvalue().splitlines()


def jsonl(records: list[dict[str, object]]) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def read_jsonl(path: Path) -> list[dict[str, object]]:
    opener = {".gz": gzip.open, ".bz2": bz2.open}.get(path.suffix, open)
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        return [json.loads(line) for line in handle]


def test_failed_records_are_named_on_stderr_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "part.jsonl"
    source.write_text(jsonl([{"text": ARTICLE}]) + "{broken\n" + jsonl([{"body": "x"}]))
    status, lines = run("clean", "--lang", "en", str(source))
    err = capsys.readouterr().err
    assert status == 2
    assert f"{source} line 2: invalid JSON" in err
    assert f"{source} line 3: no 'text' field" in err
    assert len(lines) == 3  # and still one output line per record
    missing = tmp_path / "missing.jsonl"
    run("clean", "--lang", "en", str(missing))
    assert f"{missing}: cannot open input" in capsys.readouterr().err


def test_only_the_first_errors_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text("[]\n" * 30 + jsonl([{"text": ARTICLE}]))
    status, lines = run("clean", "--lang", "en", str(source))
    err = capsys.readouterr().err
    assert status == 2
    assert len(lines) == 31
    assert err.count("a JSON object is needed") == 20
    assert "(10 further errors not shown)" in err


def test_a_wrong_text_field_stops_after_a_hundred_records_naming_the_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "pages.jsonl"
    source.write_text(jsonl([{"id": n, "body": ARTICLE, "url": "u"} for n in range(250)]))
    status, lines = run("clean", "--lang", "en", str(source))
    err = capsys.readouterr().err
    assert status == 1
    assert len(lines) == 100  # it stopped; the rest was not read
    assert "none of the first 100 records has a 'text' field" in err
    assert "fields seen: id, body, url" in err
    target = tmp_path / "out.jsonl"
    status, _ = run("clean", "--lang", "en", "-o", str(target), str(source))
    assert status == 1
    assert not target.exists()  # the output file is not left holding only errors


def test_a_field_missing_from_some_records_does_not_stop_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [{"body": ARTICLE}] * 99 + [{"text": ARTICLE}] + [{"body": ARTICLE}] * 50
    source = tmp_path / "mixed.jsonl"
    source.write_text(jsonl(records))
    status, lines = run("clean", "--lang", "en", str(source))
    assert status == 2
    assert len(lines) == 150
    assert "none of the first" not in capsys.readouterr().err


def test_a_small_run_lacking_the_field_everywhere_gets_the_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "few.jsonl"
    source.write_text(jsonl([{"content": ARTICLE}] * 3))
    status, _ = run("clean", "--lang", "en", str(source))
    assert status == 2
    assert "fields seen: content" in capsys.readouterr().err


def test_a_language_without_a_pack_warns_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "sv.jsonl"
    source.write_text(jsonl([{"text": "Regnet föll över Stockholm hela dagen."}] * 5))
    status, lines = run("clean", "--lang", "sv", str(source))
    err = capsys.readouterr().err
    assert status == 0
    assert len(lines) == 5
    assert err.count("no rule pack for language 'sv'") == 1
    run("clean", "--lang", "fr", str(source))
    assert "no rule pack" not in capsys.readouterr().err


def test_stats_report_the_text_cleaned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Le conseil a voté le budget lundi. " * 200
    source = tmp_path / "big.jsonl"
    padding = "x" * 50_000  # another field: read, but not text
    source.write_text(jsonl([{"text": text, "raw_html": padding}] * 10), encoding="utf-8")
    run("clean", "--lang", "fr", "--stats", str(source))
    err = capsys.readouterr().err
    text_mb = 10 * len(text.encode("utf-8")) / 1e6
    read_mb = source.stat().st_size / 1e6
    assert f"text       {text_mb:.2f} MB cleaned (of {read_mb:.2f} MB read)" in err


@pytest.mark.parametrize(
    ("environment", "coloured"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False)],
)
def test_explain_colour_follows_no_color_and_force_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], coloured: bool
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    source = tmp_path / "doc.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    _, lines = run("explain", "--lang", "en", str(source))
    assert ("\x1b[" in "\n".join(lines)) is coloured
    _, lines = run("explain", "--lang", "en", "--color", "never", str(source))
    assert "\x1b[" not in "\n".join(lines)  # an explicit choice wins over the environment


def test_help_loads_neither_the_pipeline_nor_its_dependencies() -> None:
    """``--help`` answers without importing the rule packs, ftfy or langdetect (what made
    it slow); bench/cli_startup.py measures the time."""
    probe = (
        "import sys\n"
        "from newsclean.cli import main\n"
        "for argv in (['--help'], ['clean', '--help'], ['explain', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('newsclean.pipeline', 'newsclean.rules.loader', 'ftfy', 'langdetect')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    done = _python(probe)
    last = done.stdout.strip().splitlines()[-1]
    # Listing the steps under `clean --help` loads the rules, but never ftfy or langdetect.
    assert "ftfy" not in last
    assert "langdetect" not in last
    assert "newsclean.pipeline" not in last
    assert "paywall, cookie" in done.stdout  # the step names are still listed


def test_top_level_help_imports_no_steps() -> None:
    probe = (
        "import sys\n"
        "from newsclean.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print([name for name in sys.modules if name.startswith(('newsclean.steps', 'regex'))])\n"
    )
    assert _python(probe).stdout.strip().splitlines()[-1] == "[]"


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run in a fresh interpreter (nothing imported yet)."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )


def test_with_removed_spans_point_into_the_source_written_beside_them(tmp_path: Path) -> None:
    text = "PARIS (Reuters) - Rain fell.\r\nAdvertisement\r\nThe river rose.\r\n"
    source = tmp_path / "crlf.jsonl"
    source.write_text(jsonl([{"text": text}]), encoding="utf-8")
    _, lines = run("clean", "--lang", "en", "--with-removed", str(source))
    info = json.loads(lines[0])["newsclean"]
    normalised = info["source"]
    assert "\r" not in normalised
    assert info["removed"]
    for removal in info["removed"]:
        assert normalised[removal["start"] : removal["end"]] == removal["text"]


def make_tree(root: Path) -> None:
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "one.jsonl").write_text(jsonl([{"id": 1, "text": ARTICLE}]), encoding="utf-8")
    with gzip.open(root / "a" / "b" / "two.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(jsonl([{"id": 2, "text": ARTICLE}, {"id": 3, "text": "Share"}]))
    (root / "a" / "b" / "three.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "empty.jsonl").write_text("", encoding="utf-8")
    (root / "notes.md").write_text("not an input", encoding="utf-8")
    (root / ".hidden.jsonl").write_text(jsonl([{"text": ARTICLE}]), encoding="utf-8")


def test_a_tree_is_mirrored_file_by_file(tmp_path: Path) -> None:
    make_tree(tmp_path / "in")
    out = tmp_path / "out"
    status, lines = run(
        "clean", "--lang", "en", "--input-dir", str(tmp_path / "in"), "--output-dir", str(out)
    )
    assert status == 0
    assert lines == []  # nothing on stdout: every line is in its file
    written = sorted(str(path.relative_to(out)) for path in out.rglob("*") if path.is_file())
    assert written == ["a/b/three.jsonl", "a/b/two.jsonl.gz", "a/one.jsonl", "empty.jsonl"]
    assert [r["id"] for r in read_jsonl(out / "a" / "b" / "two.jsonl.gz")] == [2, 3]
    three = read_jsonl(out / "a" / "b" / "three.jsonl")
    assert three[0]["text"] == "The council approved the budget on Monday after a long debate."
    assert read_jsonl(out / "empty.jsonl") == []
    # Each file holds what cleaning it alone gives.
    _, alone = run("clean", "--lang", "en", str(tmp_path / "in" / "a" / "one.jsonl"))
    assert (out / "a" / "one.jsonl").read_text(encoding="utf-8").splitlines() == alone


def test_a_tree_into_one_output(tmp_path: Path) -> None:
    make_tree(tmp_path / "in")
    status, lines = run("clean", "--lang", "en", "--input-dir", str(tmp_path / "in"))
    assert status == 0
    assert len(lines) == 4  # one.jsonl, three.txt, two.jsonl.gz (2): sorted by path


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--output-dir", "{in}/sub"], "is inside --input-dir"),
        (["-o", "{tmp}/x.jsonl", "--output-dir", "{tmp}/o"], "not both"),
        ([], "no inputs"),
    ],
)
def test_tree_options_refuse_what_cannot_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    make_tree(tmp_path / "in")
    names = {"in": str(tmp_path / "in"), "tmp": str(tmp_path)}
    extra = [part.format(**names) for part in argv]
    if argv:
        extra = ["--input-dir", names["in"], *extra]
    status, _ = run("clean", "--lang", "en", *extra)
    assert status == 1
    assert message in capsys.readouterr().err


def test_two_inputs_with_one_output_name_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    for folder in ("x", "y"):
        (tmp_path / folder / "same.jsonl").write_text(jsonl([{"text": ARTICLE}]))
    status, _ = run(
        "clean",
        "--output-dir",
        str(tmp_path / "out"),
        str(tmp_path / "x" / "same.jsonl"),
        str(tmp_path / "y" / "same.jsonl"),
    )
    assert status == 1
    assert "would both be written to" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_bz2_and_zst_inputs_and_outputs(tmp_path: Path) -> None:
    records = [{"id": n, "text": ARTICLE} for n in range(3)]
    plain = tmp_path / "plain.jsonl"
    plain.write_text(jsonl(records), encoding="utf-8")
    _, expected = run("clean", "--lang", "en", str(plain))
    packed = tmp_path / "packed.jsonl.bz2"
    packed.write_bytes(bz2.compress(jsonl(records).encode("utf-8")))
    assert run("clean", "--lang", "en", str(packed))[1] == expected
    target = tmp_path / "out.jsonl.bz2"
    run("clean", "--lang", "en", "-o", str(target), str(plain))
    assert bz2.decompress(target.read_bytes()).decode("utf-8").splitlines() == expected
    zstandard = pytest.importorskip("zstandard")
    packed = tmp_path / "packed.jsonl.zst"
    packed.write_bytes(zstandard.ZstdCompressor().compress(jsonl(records).encode("utf-8")))
    assert run("clean", "--lang", "en", str(packed))[1] == expected
    target = tmp_path / "out.jsonl.zst"
    run("clean", "--lang", "en", "-o", str(target), str(plain))
    reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(target.read_bytes()))
    assert reader.read().decode("utf-8").splitlines() == expected


def test_a_damaged_bz2_input_gives_an_error_record(tmp_path: Path) -> None:
    packed = tmp_path / "bad.jsonl.bz2"
    packed.write_bytes(bz2.compress(jsonl([{"text": ARTICLE}] * 50).encode())[:-40])
    status, lines = run("clean", "--lang", "en", str(packed))
    assert status == 2
    assert "error" in json.loads(lines[-1])


def test_zst_without_zstandard_is_an_error_record_saying_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "zstandard", None)  # as if not installed
    packed = tmp_path / "in.jsonl.zst"
    packed.write_bytes(b"\x28\xb5\x2f\xfd")
    status, lines = run("clean", "--lang", "en", str(packed))
    assert status == 2
    assert "newsclean[zstd]" in json.loads(lines[0])["error"]["message"]


def test_encoding_for_text_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (SAMPLES / "fr_blog_abonnes.txt").read_text(encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(text.encode("cp1252", errors="replace"))
    status, lines = run("clean", "--lang", "fr", str(latin))
    assert status == 2  # read as UTF-8, the é bytes are invalid
    assert "--encoding" in json.loads(lines[0])["error"]["message"]
    status, lines = run("clean", "--lang", "fr", "--encoding", "cp1252", str(latin))
    assert status == 0
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(text.encode("cp1252", errors="replace").decode("cp1252"), encoding="utf-8")
    _, expected = run("clean", "--lang", "fr", str(utf8))
    assert json.loads(lines[0])["text"] == json.loads(expected[0])["text"]
    with pytest.raises(SystemExit) as stopped:  # a usage error, before anything is read
        run("clean", "--encoding", "klingon", str(latin))
    assert stopped.value.code == 1
    assert "unknown encoding" in capsys.readouterr().err


def test_output_dir_files_are_written_atomically(tmp_path: Path) -> None:
    make_tree(tmp_path / "in")
    out = tmp_path / "out"
    run("clean", "--lang", "en", "--input-dir", str(tmp_path / "in"), "--output-dir", str(out))
    leftovers = [path for path in out.rglob(".*") if path.is_file()]
    assert leftovers == []
    assert os.listdir(out)
