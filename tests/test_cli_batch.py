"""The batch command line on JSONL: one output line per input record, in order, whatever
goes wrong with a record, and the same output with any number of workers."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclean.cli import main

from .conftest import SAMPLES

ARTICLE = "Advertisement\nThe council approved the budget on Monday after a long debate."


def run(*argv: str, stdin: bytes = b"") -> tuple[int, list[str]]:
    out = io.StringIO()
    status = main(list(argv), out=out, stdin=io.BytesIO(stdin))
    return status, out.getvalue().splitlines()


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_keeps_fields_and_order(tmp_path: Path) -> None:
    records = [
        {"id": i, "url": f"u{i}", "text": f"Advertisement\nStory number {i} is here."}
        for i in range(5)
    ]
    status, lines = run("clean", "--lang", "en", str(write_jsonl(tmp_path / "in.jsonl", records)))
    assert status == 0
    out = [json.loads(line) for line in lines]
    assert [r["id"] for r in out] == list(range(5))
    assert [r["url"] for r in out] == [f"u{i}" for i in range(5)]
    assert out[3]["text"] == "Story number 3 is here."
    assert out[3]["newsclean"]["metadata"]["language"] == "en"


def test_text_and_output_fields(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"body": ARTICLE}])
    status, lines = run(
        "clean",
        "--lang",
        "en",
        "--text-field",
        "body",
        "--output-field",
        "clean",
        "--with-removed",
        str(path),
    )
    record = json.loads(lines[0])
    assert status == 0
    assert record["body"] == ARTICLE  # the input is kept when the output goes elsewhere
    assert record["clean"].startswith("The council")
    assert record["newsclean"]["removed"][0]["kind"] == "advert"


def test_bad_records_are_reported_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"id": 1, "text": "Rain fell all day in the city."}\r\n'
        b"{not json\r\n"
        b"\r\n"  # a blank line is not a record
        b'{"id": 3}\n'
        b'{"id": 4, "text": null}\n'
        b'["a", "list"]\n'
        b'{"id": 6, "text": "caf\xe9"}\n'
        b'{"id": 7, "text": "The last line has no newline."}'
    )
    status, lines = run("clean", "--lang", "en", str(path))
    out = [json.loads(line) for line in lines]
    assert status == 2
    assert len(out) == 7
    assert out[0]["text"] == "Rain fell all day in the city."
    errors = {r["error"]["line"]: r["error"] for r in out if "error" in r}
    assert sorted(errors) == [2, 4, 5, 6, 7]
    assert errors[2]["message"].startswith("invalid JSON")
    assert errors[2]["raw"] == "{not json"
    assert errors[4]["message"] == "no 'text' field"
    assert out[2]["id"] == 3
    assert "must be a string, got null" in errors[5]["message"]
    assert "JSON object is needed" in errors[6]["message"]
    assert errors[7]["message"].startswith("invalid UTF-8")
    assert "raw_base64" in errors[7]
    assert out[6]["text"] == "The last line has no newline."
    assert "5 of 7 records failed" in capsys.readouterr().err


def test_truncated_gzip_keeps_complete_records(tmp_path: Path) -> None:
    records = [
        {"id": i, "text": f"Paragraph {i} of a story about rivers. " * 40} for i in range(200)
    ]
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    status, lines = run("clean", "--lang", "en", str(path))
    out = [json.loads(line) for line in lines]
    assert status == 2
    assert "error" in out[-1]
    assert "truncated" in out[-1]["error"]["message"]
    assert [r["id"] for r in out[:-1]] == list(range(len(out) - 1))
    assert out[-1]["error"]["line"] == len(out)


def test_empty_input_gives_empty_output(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    assert run("clean", str(path)) == (0, [])


def test_stdin_is_sniffed(tmp_path: Path) -> None:
    status, lines = run(
        "clean", "--lang", "en", "-", stdin=b'{"text": "Advertisement\\nHi there, all."}\n'
    )
    assert status == 0
    assert json.loads(lines[0])["text"] == "Hi there, all."
    status, lines = run("clean", "--lang", "en", "-", stdin=b"Advertisement\nJust text.\n")
    assert status == 0
    assert json.loads(lines[0]) == {
        "file": "-",
        "text": "Just text.",
        "newsclean": json.loads(lines[0])["newsclean"],
    }


def test_gzip_output_and_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": ARTICLE}] * 3)
    target = tmp_path / "out.jsonl.gz"
    status, lines = run("clean", "--lang", "en", "--stats", "-o", str(target), str(source))
    assert status == 0
    assert lines == []
    written = gzip.decompress(target.read_bytes()).decode().splitlines()
    assert len(written) == 3
    err = capsys.readouterr().err
    assert "documents  3 (3 cleaned, 0 failed)" in err
    assert "advert 3" in err


def test_workers_give_identical_output(tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    records = [{"n": i, "text": texts[i % len(texts)]} for i in range(40)]
    records.insert(7, {"n": "bad"})
    path = write_jsonl(tmp_path / "in.jsonl", records)
    one = run("clean", "--with-removed", str(path))
    two = run("clean", "--with-removed", "--workers", "2", "--chunksize", "3", str(path))
    assert one == two
    assert one[0] == 2
    assert len(one[1]) == 41


def test_progress_bar_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": ARTICLE}] * 2)
    size = source.stat().st_size
    run("clean", "--lang", "en", "--progress", "always", str(source))
    shown = capsys.readouterr().err
    assert "2 docs" in shown
    assert f"{size}/{size}" in shown  # the input's size is known: a total, and an ETA
    run("clean", "--lang", "en", "--progress", "always", "-", stdin=source.read_bytes())
    assert "2 docs" in capsys.readouterr().err  # stdin: counted, without a total
    run("clean", "--lang", "en", str(source))  # stderr is not a terminal here: silent
    assert capsys.readouterr().err == ""


def wait_for_output(folder: Path, name: str, size: int) -> None:
    """Until the output being written (under a temporary name) holds ``size`` bytes."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        written = [path for path in folder.glob(f".{name}.*") if path.stat().st_size >= size]
        if written or (folder / name).exists():
            return
        time.sleep(0.05)


def test_sigint_leaves_complete_lines(tmp_path: Path) -> None:
    text = (SAMPLES / "reuters_fr_putin_macron.txt").read_text(encoding="utf-8")
    source = write_jsonl(tmp_path / "in.jsonl", [{"n": i, "text": text} for i in range(5000)])
    target = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "clean", "-o", str(target), str(source)],
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_output(tmp_path, "out.jsonl", 20_000)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    lines = target.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""  # ends with a complete line
    numbers = [json.loads(line)["n"] for line in lines[:-1]]
    assert numbers == list(range(len(numbers)))
    assert 0 < len(numbers) < 5000
    assert f"interrupted after {len(numbers)} records" in err
    assert f"line {len(numbers)})" in err


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_python_dash_m_exit_status_for_failed_records(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": 1}\n', encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", str(path)], capture_output=True, text=True
    )
    assert completed.returncode == 2
    assert json.loads(completed.stdout)["error"]["line"] == 1
    assert "Traceback" not in completed.stderr
