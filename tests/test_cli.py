"""The command line, run in-process and as ``python -m newsclean``."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from newsclean.cli import main

from .conftest import SAMPLES

FRENCH = str(SAMPLES / "reuters_fr_putin_macron.txt")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_cli_clean_prints_one_json_line_per_file() -> None:
    status, output = run("clean", FRENCH, str(SAMPLES / "en_wire_reuters_style.txt"))
    assert status == 0
    lines = output.strip().split("\n")
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["file"] == FRENCH
    assert first["newsclean"]["metadata"]["language"] == "fr"
    assert "removed" not in first["newsclean"]
    assert len(first["text"].split("\n")) == 9


def test_cli_clean_with_removed_and_without_step() -> None:
    status, output = run("clean", "--with-removed", "--without", "author_blurb", FRENCH)
    record = json.loads(output)
    assert status == 0
    assert "Analyste" in record["text"]
    assert {r["kind"] for r in record["newsclean"]["removed"]} >= {"paywall", "caption"}


def test_cli_usage_errors_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["clean", "--workers", "0", FRENCH])
    assert stopped.value.code == 1
    assert "positive integer" in capsys.readouterr().err
    status, _ = run("clean", "--lang", "french!", FRENCH)
    assert status == 1


def test_cli_unknown_step_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("clean", "--without", "nope", FRENCH)
    assert status == 1
    assert "valid step names" in capsys.readouterr().err


def test_cli_missing_file_gives_an_error_record(capsys: pytest.CaptureFixture[str]) -> None:
    status, output = run("clean", "no/such/file.txt", FRENCH)
    assert status == 2
    missing, french = (json.loads(line) for line in output.splitlines())
    assert missing["error"]["input"] == "no/such/file.txt"
    assert "No such file" in missing["error"]["message"]
    assert french["newsclean"]["metadata"]["language"] == "fr"
    assert "1 of 2 records failed" in capsys.readouterr().err


def test_cli_explain_shows_rules() -> None:
    status, output = run("explain", FRENCH)
    assert status == 0
    assert "fr.paywall.inscrivez_vous" in output
    assert "KEEP" in output


def test_python_dash_m_reads_stdin() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", "--lang", "en", "-"],
        input="Advertisement\nThe council approved the budget.\n",
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(completed.stdout)["text"] == "The council approved the budget."


def test_cli_explain_in_colour_marks_spans_with_kind_and_rule() -> None:
    status, output = run("explain", "--color", "always", FRENCH)
    assert status == 0
    assert "\x1b[9;31mInscrivez-vous maintenant" in output
    assert "[paywall fr.paywall.inscrivez_vous]" in output
    assert "Le président russe" in output  # kept text stays, plain
