"""A fact's confidence from the evidence it was built with (weights in ``patterns/confidence.yaml``).

The weights are data so they can be refitted against the calibration table of
:func:`extractor.evaluate` without touching code.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .resources import load_yaml


@functools.cache
def _weights(patterns_dir: Path | None = None) -> tuple[float, float, float, dict[str, float]]:
    data: dict[str, Any] = load_yaml("confidence.yaml", base=patterns_dir)
    weights = {str(k): float(v) for k, v in (data.get("weights") or {}).items()}
    return float(data["base"]), float(data["floor"]), float(data["ceiling"]), weights


def score(evidence: Iterable[str], fact: object = None, *, patterns_dir: Path | None = None) -> float:
    """Confidence in [floor, ceiling]; unknown evidence names weigh nothing.

    >>> round(score(["indicator_adjacent", "unit_stated", "period_sentence"]), 2)
    0.86
    """
    base, floor, ceiling, weights = _weights(patterns_dir)
    total = base + sum(map(weights.get, evidence, itertools.repeat(0.0)))  # a fact at a time: no generator
    return max(floor, min(ceiling, total))
