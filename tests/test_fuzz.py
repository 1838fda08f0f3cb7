"""The atheris fuzz target (fuzz/fuzz_clean.py) runs briefly: a fixed number of inputs
from a fixed seed, starting from the bundled samples, so a red run can be replayed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES

TARGET = ROOT / "fuzz" / "fuzz_clean.py"


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_fuzz_target_finds_nothing(tmp_path: Path) -> None:
    try:
        import atheris  # noqa: F401
    except ImportError:
        # The test extra installs atheris on Linux; CI must run this, never skip it.
        assert not os.environ.get("CI"), "CI must install atheris (pip install -e '.[test]')"
        pytest.skip("atheris is not installed")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, corpus)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    completed = subprocess.run(
        [sys.executable, str(TARGET), "-runs=2000", "-seed=1", "-max_len=4096", str(corpus)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    # libFuzzer counts the seed inputs it replays among the runs, and how many it replays
    # follows the target's coverage: at least the asked-for runs were made.
    done = re.search(r"Done (\d+) runs", completed.stderr)
    assert done is not None, completed.stderr[-3000:]
    assert int(done.group(1)) >= 2000
