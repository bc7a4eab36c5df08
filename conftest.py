"""The doctests of modules behind an optional extra run only where the extra is installed, so a
core install (`pip install extractor`) runs the core's tests: `pytest -m "not needs_model"`."""

import importlib.util

_EXTRAS = {"extractor/frame.py": "pandas"}

collect_ignore = [path for path, module in _EXTRAS.items() if importlib.util.find_spec(module) is None]
