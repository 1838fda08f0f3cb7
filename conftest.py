"""Doctests of the integration modules need their extras: without one, its module is not
collected (its tests under tests/ skip, naming the package to install)."""

from __future__ import annotations

import importlib.util

_NEEDS = {
    "newsclean/integrations/columns.py": "pyarrow",
    "newsclean/integrations/datatrove.py": "datatrove",
    "newsclean/integrations/pandas.py": "pandas",
}

collect_ignore = [
    path for path, module in _NEEDS.items() if importlib.util.find_spec(module) is None
]
