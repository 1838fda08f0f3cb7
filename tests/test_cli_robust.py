"""The command line under stress: output that is an input, signals with workers, a worker
killed mid-run, a reader that goes away, strict JSON, field collisions, huge records, and
explain on odd inputs."""

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

import psutil
import pytest

from newsclean.cli import main
from newsclean.records import MAX_JSON_DEPTH

from .conftest import SAMPLES
from .test_cli_batch import wait_for_output

ARTICLE = "The council approved the new budget on Monday after a long debate."
posix_only = pytest.mark.skipif(os.name != "posix", reason="signals and /dev paths")


def run(*args: str, stdin: bytes = b"") -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(args), out=out, stdin=io.BytesIO(stdin))
    return status, out.getvalue()


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_refuses_an_output_that_is_an_input(tmp_path: Path) -> None:
    source = tmp_path / "data.jsonl"
    source.write_text(json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(source)
    for output in (str(source), str(link), f"{tmp_path}/./data.jsonl"):
        status, _ = run("clean", "--lang", "en", "-o", output, str(source))
        assert status == 1
        assert source.read_text(encoding="utf-8") == json.dumps({"text": ARTICLE}) + "\n"


def test_cli_output_is_renamed_into_place_and_a_failed_run_leaves_the_old_file(
    tmp_path: Path,
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl.gz"
    assert run("clean", "--lang", "en", "-o", str(target), str(source))[0] == 0
    assert json.loads(gzip.decompress(target.read_bytes()))["text"] == ARTICLE
    assert not list(tmp_path.glob(".out.jsonl.gz.*"))  # no temporary file left behind
    previous = target.read_bytes()
    assert (
        run(
            "clean",
            "--lang",
            "en",
            "--rules",
            str(tmp_path / "nope.toml"),
            "-o",
            str(target),
            str(source),
        )[0]
        == 1
    )
    assert target.read_bytes() == previous


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "a", "x": NaN}', "not strict JSON"),
        ('{"text": "a", "x": Infinity}', "not strict JSON"),
        ('{"text": "a", "x": 1e999}', "too large for a float"),
        ('{"text": "a", "x": ' + "9" * 5000 + "}", "not strict JSON"),
        (
            '{"text": "a", "x": ' + "[" * (MAX_JSON_DEPTH + 5) + "]" * (MAX_JSON_DEPTH + 5) + "}",
            "nested",
        ),
    ],
)
def test_cli_reads_strict_json_only(line: str, problem: str) -> None:
    status, out = run("clean", "--lang", "en", "-", stdin=(line + "\n").encode())
    assert status == 2
    record = json.loads(out)
    assert problem in record["error"]["message"]
    assert record["error"]["raw"] == line  # nothing of the input is lost


def test_cli_deep_records_get_the_same_answer_with_any_worker_count(tmp_path: Path) -> None:
    deep = "[" * 150 + "]" * 150
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": ARTICLE, "x": json.loads(deep)}) + "\n", encoding="utf-8")
    one = run("clean", "--lang", "en", str(source))
    two = run("clean", "--lang", "en", "--workers", "2", str(source))
    assert one == two
    assert one[0] == 0


def test_cli_field_collisions_are_refused_with_the_raw_line_kept() -> None:
    line = json.dumps({"text": ARTICLE, "error": "from the crawler"})
    status, out = run("clean", "--lang", "en", "-", stdin=(line + "\n").encode())
    assert status == 2
    record = json.loads(out)
    assert set(record) == {"error"}
    assert record["error"]["raw"] == line
    assert "--error-field" in record["error"]["message"]
    status, out = run(
        "clean", "--lang", "en", "--error-field", "failure", "-", stdin=(line + "\n").encode()
    )
    assert status == 0
    assert json.loads(out)["error"] == "from the crawler"
    assert run("clean", "--output-field", "newsclean", "-", stdin=b'{"text": "x"}\n')[0] == 1


def test_cli_a_record_over_the_size_limit_is_an_error_record(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    small = json.dumps({"text": ARTICLE})
    big = json.dumps({"text": ARTICLE * 100})
    source.write_text(f"{small}\n{big}\n{small}\n", encoding="utf-8")
    status, out = run("clean", "--lang", "en", "--max-record-bytes", "1000", str(source))
    assert status == 2
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 3
    assert lines[0]["text"] == ARTICLE
    assert lines[2]["text"] == ARTICLE
    assert lines[1]["error"]["line"] == 2
    assert "larger than 1,000 bytes" in lines[1]["error"]["message"]
    assert lines[1]["error"]["bytes"] == len(big) + 1


@pytest.mark.slow
@posix_only
def test_cli_sigterm_with_workers_ends_them_and_leaves_complete_lines(tmp_path: Path) -> None:
    text = (SAMPLES / "reuters_fr_putin_macron.txt").read_text(encoding="utf-8")
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"n": i, "text": text}) + "\n" for i in range(20000)), encoding="utf-8"
    )
    target = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsclean",
            "clean",
            "--workers",
            "2",
            "--chunksize",
            "8",
            "-o",
            str(target),
            str(source),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_output(tmp_path, "out.jsonl", 20_000)
    children = psutil.Process(process.pid).children(recursive=True)
    assert children
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143
    assert "terminated after" in err
    numbers = [record["n"] for record in records(target)]
    assert numbers == list(range(len(numbers)))
    assert 0 < len(numbers) < 20000
    time.sleep(0.5)
    assert not [
        child for child in children if child.is_running() and child.status() != psutil.STATUS_ZOMBIE
    ]


@pytest.mark.slow
@posix_only
def test_cli_a_killed_worker_costs_error_records_not_missing_ones(tmp_path: Path) -> None:
    text = (SAMPLES / "reuters_fr_putin_macron.txt").read_text(encoding="utf-8")
    total = 3000
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"n": i, "text": text}) + "\n" for i in range(total)), encoding="utf-8"
    )
    target = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsclean",
            "clean",
            "--workers",
            "2",
            "--chunksize",
            "8",
            "-o",
            str(target),
            str(source),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_output(tmp_path, "out.jsonl", 20_000)
    workers = [
        child for child in psutil.Process(process.pid).children() if "python" in child.name()
    ]
    workers[-1].kill()
    _, err = process.communicate(timeout=300)
    assert "Traceback" not in err
    written = records(target)
    assert len(written) == total  # records in = records out, in order
    for position, record in enumerate(written):
        assert record.get("n") == position or record["error"]["line"] == position + 1
    # The records the killed worker held are cleaned again in a fresh pool.
    assert all("error" not in record for record in written)
    assert process.returncode == 0


@posix_only
def test_cli_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"text": ARTICLE}) + "\n" for _ in range(3000)), encoding="utf-8"
    )
    completed = subprocess.run(
        f"{sys.executable} -m newsclean clean --lang en {source} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert json.loads(completed.stdout)["text"] == ARTICLE
    assert completed.stderr == ""


def test_explain_reads_a_jsonl_record_by_line_or_id(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl.gz"
    lines = [
        {"id": "a", "text": "Advertisement\n" + ARTICLE},
        {"id": "b", "text": "Share\n" + ARTICLE},
    ]
    source.write_bytes(gzip.compress("".join(json.dumps(line) + "\n" for line in lines).encode()))
    status, out = run("explain", "--lang", "en", str(source))
    assert status == 0
    assert "advert" in out
    status, out = run("explain", "--lang", "en", "--id", "b", str(source))
    assert "promo" in out
    assert "advert" not in out
    status, out = run("explain", "--lang", "en", "--record", "2", str(source))
    assert "promo" in out
    assert run("explain", "--lang", "en", "--record", "9", str(source))[0] == 1


def test_explain_refuses_binary_and_misnamed_gzip(tmp_path: Path) -> None:
    binary = tmp_path / "junk.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert run("explain", str(binary))[0] == 1
    misnamed = tmp_path / "data.txt"
    misnamed.write_bytes(gzip.compress(ARTICLE.encode()))
    assert run("explain", str(misnamed))[0] == 1


def test_explain_escapes_control_characters_of_rule_ids_and_survives_odd_file_names(
    tmp_path: Path,
) -> None:
    name = os.fsdecode(b"caf\xe9.txt") if os.name == "posix" else "odd.txt"
    source = tmp_path / name
    source.write_text("Advertisement\n" + ARTICLE, encoding="utf-8")
    report = tmp_path / "report.html"
    status, out = run(
        "explain", "--lang", "en", "--color", "always", "--html", str(report), str(source)
    )
    assert status == 0
    assert "\x1b]" not in out
    assert "\x07" not in out
    assert report.stat().st_size > 0
    assert "caf\ufffd.txt" in report.read_text(encoding="utf-8")
