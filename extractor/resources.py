"""Where the rule data lives and how it is loaded: once, cached, checked.

Only :func:`patterns_dir` knows the location: ``extractor/patterns`` inside an
installed wheel, else the top-level ``patterns/`` of a checkout.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import yaml

from .errors import PatternError

_PACKAGE = Path(__file__).resolve().parent


def patterns_dir() -> Path:
    """The folder holding the shipped rule data."""
    for candidate in (_PACKAGE / "patterns", _PACKAGE.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("no patterns/ folder next to the extractor package")


def _resolve(name: str, base: Path | None) -> Path:
    return (base or patterns_dir()) / name


@functools.cache
def _load_jsonl_cached(path: Path, required: tuple[str, ...]) -> tuple[dict[str, Any], ...]:
    rows = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise PatternError(path, None, f"cannot read: {exc.strerror}") from exc
    with handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PatternError(path, lineno, exc.msg) from exc
            if not isinstance(row, dict):
                raise PatternError(path, lineno, "each line must be a JSON object")
            if missing := set(required) - row.keys():
                raise PatternError(path, lineno, f"missing {sorted(missing)}")
            rows.append(row)
    return tuple(rows)


def load_jsonl(name: str, *, base: Path | None = None,
               required: tuple[str, ...] = ("label", "pattern")) -> tuple[dict[str, Any], ...]:
    """Rows of a JSONL pattern file; raises :class:`PatternError` naming file and line."""
    return _load_jsonl_cached(_resolve(name, base), required)


@functools.cache
def _load_yaml_cached(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PatternError(path, None, f"cannot read: {exc.strerror}") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PatternError(path, mark.line + 1 if mark else None, str(exc).splitlines()[0]) from exc


def load_yaml(name: str, *, base: Path | None = None) -> Any:
    """A YAML lexicon; raises :class:`PatternError` naming file and line."""
    return _load_yaml_cached(_resolve(name, base))
