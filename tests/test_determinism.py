"""The same input gives byte-identical output across runs, processes, worker counts and
hash seeds (set iteration order changes with PYTHONHASHSEED; results must not)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES
from .hostile import HOSTILE


def corpus(path: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [make(3000) for _, make in sorted(HOSTILE.items())]
    with path.open("w", encoding="utf-8") as handle:
        for number, text in enumerate(texts * 2):
            handle.write(json.dumps({"n": number, "text": text}) + "\n")
    return path


def run(source: Path, seed: str, workers: int) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "newsclean", "clean", "--with-removed"]
    command += ["--workers", str(workers), "--chunksize", "3", str(source)]
    completed = subprocess.run(command, env=env, capture_output=True, timeout=300)
    assert completed.returncode in (0, 2), completed.stderr.decode()
    return completed.stdout


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_output_is_identical_across_hash_seeds_and_workers(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in.jsonl")
    reference = run(source, "0", 1)
    assert len(reference.splitlines()) == len(source.read_text(encoding="utf-8").splitlines())
    for seed, workers in (("1", 1), ("4242", 2), ("random", 2)):
        assert run(source, seed, workers) == reference, (seed, workers)
