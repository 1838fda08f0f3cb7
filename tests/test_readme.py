"""The README's examples run as written."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _example(name: str, language: str = "python") -> str:
    found = re.search(rf"<!-- example: {name} -->\n```{language}\n(.*?)```", README, re.DOTALL)
    assert found, f"no example {name!r} in the README"
    return found.group(1)


def test_readme_adding_a_step_example_runs() -> None:
    namespace: dict[str, object] = {"__name__": "readme_example"}
    exec(compile(_example("adding-a-step"), "README.md", "exec"), namespace)
    assert "pipeline" in namespace


def test_readme_learn_commands_run_as_written(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    for line in _example("learn-commands", "bash").splitlines():
        argv = shlex.split(line, comments=True)
        assert argv[0] == "newsclean"
        done = subprocess.run(
            [sys.executable, "-m", "newsclean", *argv[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, (line, done.stderr[-2000:])
    shipped = (ROOT / "samples" / "sites" / "site_rules.toml").read_text(encoding="utf-8")
    assert (tmp_path / "site_rules.toml").read_text(encoding="utf-8") == shipped
    cleaned = (tmp_path / "clean.jsonl").read_text(encoding="utf-8")
    assert "Gazette journalism is paid for" not in cleaned


def test_readme_learned_rule_is_the_sample_packs() -> None:
    shipped = (ROOT / "samples" / "sites" / "site_rules.toml").read_text(encoding="utf-8")
    assert _example("learned-rule", "toml") in shipped


SCRIPTS = ("datatrove", "pandas", "dask", "datasets")


@pytest.mark.slow
@pytest.mark.parametrize("name", SCRIPTS)
def test_readme_integration_script_runs_as_written(name: str, tmp_path: Path) -> None:
    """Each integration example is a whole script: pasted into a file and run from the top
    folder, it works (process start-up included) and writes what it says."""
    pytest.importorskip({"dask": "distributed"}.get(name, name))
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    script = tmp_path / f"example_{name}.py"
    script.write_text(_example(name), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    if name == "datatrove":
        written = [
            json.loads(line)
            for path in sorted((tmp_path / "clean").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
        assert written
        assert all(r["metadata"]["newsclean"]["metadata"]["language"] == "en" for r in written)
        assert all(len(r["text"]) >= 200 for r in written)
    if name == "pandas":
        assert (tmp_path / "clean.parquet").is_file()
        assert "John Irish" in done.stdout
    if name == "dask":
        lines = [
            line
            for path in sorted((tmp_path / "clean-jsonl").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
        assert len(lines) == len(_sample_records())
        assert all("newsclean" in json.loads(line) for line in lines)
    if name == "datasets":
        assert done.stdout.strip()


def _sample_records() -> list[dict[str, str]]:
    path = ROOT / "samples" / "jsonl" / "sample.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_bundled_jsonl_sample_holds_the_text_samples() -> None:
    """samples/jsonl/sample.jsonl is the .txt samples as records; it must not drift."""
    expected = {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "samples").glob("*.txt"))
    }
    assert {record["id"]: record["text"] for record in _sample_records()} == expected
