"""How well confidences rank and match what is right: AUROC, Brier score, expected calibration
error, and the reliability diagram (``extractor evaluate --plot``, the ``plot`` extra).

Plain Python except :func:`plot_reliability`, which imports matplotlib when called.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BINS = 10


@dataclass(frozen=True, slots=True)
class Metrics:
    facts: int
    auroc: float
    brier: float
    ece: float
    high: int  # facts at confidence >= 0.9
    high_right: float  # share of them right
    bins: tuple[tuple[int, float, float], ...]  # per equal-width bin: count, mean confidence, share right


def auroc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """Area under the ROC curve (ties count half); nan when one class is missing.

    >>> auroc([True, False, True, False], [0.9, 0.1, 0.8, 0.8])
    0.875
    """
    pairs = sorted(zip(scores, labels, strict=True))
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return math.nan
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        average_rank = (i + 1 + j) / 2
        rank_sum += average_rank * sum(1 for _, y in pairs[i:j] if y)
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def metrics(labels: Sequence[bool], scores: Sequence[float], bins: int = BINS) -> Metrics:
    """AUROC, Brier score, expected calibration error over ``bins`` equal-width bins, and the share
    right among facts at confidence >= 0.9."""
    n = len(labels)
    counts = [[0, 0.0, 0] for _ in range(bins)]
    for y, p in zip(labels, scores, strict=True):
        b = counts[min(int(p * bins), bins - 1)]
        b[0] += 1
        b[1] += p
        b[2] += y
    table = tuple((c, s / c if c else math.nan, r / c if c else math.nan) for c, s, r in counts)
    ece = sum(c / n * abs(mean - right) for c, mean, right in table if c) if n else math.nan
    high = [y for y, p in zip(labels, scores, strict=True) if p >= 0.9]
    brier = sum((p - y) ** 2 for y, p in zip(labels, scores, strict=True)) / n if n else math.nan
    return Metrics(n, auroc(labels, scores), brier, ece, len(high), sum(high) / len(high) if high else math.nan, table)


def plot_reliability(labels: Sequence[bool], scores: Sequence[float], path: Path | str, *,
                     title: str = "Reliability of fact confidence") -> Metrics:
    """Draw the reliability diagram to ``path`` (PNG, SVG, PDF by suffix): per confidence bin, the
    share of facts fully right against the bin's mean confidence, each bar labelled with its count."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only: no display needed
        from matplotlib import pyplot
    except ImportError as exc:
        raise ImportError("--plot needs matplotlib: pip install 'extractor[plot]'") from exc
    m = metrics(labels, scores)
    figure, axes = pyplot.subplots(figsize=(6, 6), dpi=100)
    try:
        width = 1 / BINS
        lefts = [i * width for i in range(BINS)]
        shown = [(x, right, count) for x, (count, _, right) in zip(lefts, m.bins, strict=True) if count]
        axes.bar([x for x, _, _ in shown], [r for _, r, _ in shown], width=width * 0.9, align="edge",
                 color="#4c72b0", edgecolor="#223", label="share fully right")
        means = [(mean, right) for count, mean, right in m.bins if count]
        axes.plot([a for a, _ in means], [b for _, b in means], "o", color="#dd8452",
                  label="share right at the bin's mean confidence")
        axes.plot([0, 1], [0, 1], "--", color="gray", label="perfect calibration")
        for x, right, count in shown:
            axes.annotate(f"n={count}", (x + width * 0.45, min(right, 0.93) + 0.02), ha="center", fontsize=8)
        axes.set_xlim(0, 1)
        axes.set_ylim(0, 1.05)
        axes.set_xlabel("confidence")
        axes.set_ylabel("share of facts fully right")
        axes.set_title(f"{title}\n{m.facts} facts, AUROC {m.auroc:.3f}, ECE {m.ece:.3f}, Brier {m.brier:.3f}")
        axes.legend(loc="upper left", fontsize=8)
        figure.tight_layout()
        figure.savefig(path)
    finally:
        pyplot.close(figure)
    return m


__all__ = ["BINS", "Metrics", "auroc", "metrics", "plot_reliability"]
