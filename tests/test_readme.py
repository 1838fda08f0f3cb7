"""The README's examples run as written."""

from __future__ import annotations

import re

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _example(name: str) -> str:
    found = re.search(rf"<!-- example: {name} -->\n```python\n(.*?)```", README, re.DOTALL)
    assert found, f"no example {name!r} in the README"
    return found.group(1)


def test_readme_adding_a_step_example_runs() -> None:
    namespace: dict[str, object] = {"__name__": "readme_example"}
    exec(compile(_example("adding-a-step"), "README.md", "exec"), namespace)
    assert "pipeline" in namespace
