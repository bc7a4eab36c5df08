"""Score predicted facts against gold facts, as FACTS.md says.

A predicted fact matches a gold fact of the same document when their value spans
overlap and their numbers agree (relative tolerance 1e-6); each gold and each
prediction is matched at most once. Gold facts marked ``optional`` are neither
required nor penalised: a prediction matched to one is left out of every count.
A matched pair is *fully right* when unit, measure, direction, indicator (spans
overlap or keys equal), region code and period bounds all agree; its *quantity* is
right when unit, measure and direction agree (the "quantity F1" of the issues).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .types import Fact

ATTRIBUTES = ("unit", "measure", "direction", "indicator", "region", "period")
# The quantity alone, as the issues report it: value matched (number agrees) with its unit, measure and direction.
QUANTITY = ("unit", "measure", "direction")
CALIBRATION_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0000001)


@dataclass(frozen=True, slots=True)
class PRF:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "true_positives": self.true_positives, "predicted": self.predicted, "gold": self.gold}


@dataclass(frozen=True, slots=True)
class CalibrationBin:
    low: float
    high: float
    count: int
    value_correct: int
    fully_correct: int

    @property
    def precision(self) -> float:
        return self.fully_correct / self.count if self.count else math.nan


@dataclass(frozen=True, slots=True)
class Evaluation:
    value: PRF
    fact: PRF
    attributes: dict[str, float]
    calibration: tuple[CalibrationBin, ...]
    per_document: dict[str, tuple[PRF, PRF]] = field(default_factory=dict)
    errors: tuple[dict[str, Any], ...] = ()  # matched pairs that disagree, and misses
    quantity: PRF | None = None  # the value read right: number, unit, measure and direction agree
    # (confidence, fully right) of each counted prediction: what the reliability diagram draws
    scored: tuple[tuple[float, bool], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value.to_dict(),
            "quantity": self.quantity.to_dict() if self.quantity is not None else None,
            "fact": self.fact.to_dict(),
            "attributes": {k: round(v, 4) for k, v in self.attributes.items()},
            "calibration": [{"low": b.low, "high": min(b.high, 1.0), "count": b.count,
                             "value_precision": round(b.value_correct / b.count, 4) if b.count else None,
                             "fact_precision": round(b.precision, 4) if b.count else None}
                            for b in self.calibration],
            "per_document": {d: {"value_f1": round(v.f1, 4), "fact_f1": round(f.f1, 4)}
                             for d, (v, f) in sorted(self.per_document.items())},
        }

    def table(self) -> str:
        """A plain-text report: scores, attribute accuracy, calibration."""
        lines = [f"{'':10}{'precision':>10}{'recall':>10}{'F1':>10}{'TP':>6}{'pred':>6}{'gold':>6}"]
        rows = [("value", self.value), ("quantity", self.quantity), ("fact", self.fact)]
        for name, prf in [(n, r) for n, r in rows if r is not None]:
            lines.append(f"{name:10}{prf.precision:10.3f}{prf.recall:10.3f}{prf.f1:10.3f}"
                         f"{prf.true_positives:6d}{prf.predicted:6d}{prf.gold:6d}")
        lines.append("")
        lines.append("attribute accuracy on matched facts:")
        lines += [f"  {k:10} {v:.3f}" for k, v in self.attributes.items()]
        lines.append("")
        lines.append("calibration (confidence bin: facts, share fully right):")
        for b in self.calibration:
            share = f"{b.precision:.3f}" if b.count else "  -  "
            lines.append(f"  [{b.low:.1f}, {min(b.high, 1.0):.1f}{']' if b.high > 1 else ')'}  {b.count:5d}  {share}")
        return "\n".join(lines)


def _as_dict(fact: Fact | Mapping[str, Any]) -> dict[str, Any]:
    return fact.to_dict() if isinstance(fact, Fact) else dict(fact)


def _group(facts: Iterable[Fact | Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        d = _as_dict(fact)
        grouped[str(d.get("doc_id"))].append(d)
    return grouped


def _overlap(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> int:
    if not a or not b:
        return 0
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _numbers_agree(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _agreement(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> dict[str, bool]:
    gv, pv = gold["value"], pred["value"]
    gi, pi = gold.get("indicator"), pred.get("indicator")
    if gi is None or pi is None:
        indicator = gi is None and pi is None
    else:
        indicator = _overlap(gi, pi) > 0 or (gi.get("key") is not None and gi.get("key") == pi.get("key"))
    gr, pr = gold.get("region"), pred.get("region")
    region = (gr or {}).get("code") == (pr or {}).get("code")
    gp, pp = gold.get("period"), pred.get("period")
    period = ((gp or {}).get("from"), (gp or {}).get("to")) == ((pp or {}).get("from"), (pp or {}).get("to"))
    return {
        "unit": gv.get("unit") == pv.get("unit"),
        "measure": gold.get("measure") == pred.get("measure"),
        "direction": gold.get("direction") == pred.get("direction"),
        "indicator": indicator,
        "region": region,
        "period": period,
    }


def _match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs, exact spans first, then the largest overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = _overlap(g["value"], p["value"])
            if overlap and _numbers_agree(g["value"]["number"], p["value"]["number"]):
                exact = (g["value"]["start"], g["value"]["end"]) == (p["value"]["start"], p["value"]["end"])
                candidates.append((not exact, -overlap, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def evaluate(gold_facts: Iterable[Fact | Mapping[str, Any]],
             predicted_facts: Iterable[Fact | Mapping[str, Any]]) -> Evaluation:
    """Value and fact precision/recall/F1, attribute accuracy and a calibration table.

    >>> gold = [{"doc_id": "d", "value": {"text": "5%", "start": 0, "end": 2, "number": 5, "unit": "percent"},
    ...          "measure": "share", "direction": None, "indicator": None, "region": None, "period": None}]
    >>> result = evaluate(gold, [dict(gold[0], confidence=0.9)])
    >>> result.value.f1, result.fact.f1
    (1.0, 1.0)
    """
    gold_by_doc = _group(gold_facts)
    pred_by_doc = _group(predicted_facts)
    totals = defaultdict(int)
    agree_counts = defaultdict(int)
    matched_required = 0
    bins = [[0, 0, 0] for _ in range(len(CALIBRATION_EDGES) - 1)]
    per_document: dict[str, tuple[PRF, PRF]] = {}
    errors: list[dict[str, Any]] = []
    scored: list[tuple[float, bool]] = []
    for doc_id in sorted(set(gold_by_doc) | set(pred_by_doc)):
        gold = gold_by_doc.get(doc_id, [])
        pred = pred_by_doc.get(doc_id, [])
        pairs = _match(gold, pred)
        paired_pred = {pi: gi for gi, pi in pairs}
        paired_gold = {gi for gi, _ in pairs}
        doc = defaultdict(int)
        for pi, p in enumerate(pred):
            gi = paired_pred.get(pi)
            if gi is not None and gold[gi].get("optional"):
                continue  # neither required nor penalised
            doc["pred"] += 1
            right = False
            if gi is not None:
                doc["value_tp"] += 1
                agree = _agreement(gold[gi], p)
                for name, ok in agree.items():
                    agree_counts[name] += ok
                matched_required += 1
                right = all(agree.values())
                doc["fact_tp"] += right
                doc["quantity_tp"] += all(agree[k] for k in QUANTITY)
                if not right:
                    errors.append({"doc_id": doc_id, "kind": "wrong",
                                   "value": p["value"]["text"], "start": p["value"]["start"],
                                   "wrong": [k for k, ok in agree.items() if not ok],
                                   "gold": gold[gi], "predicted": p})
            else:
                errors.append({"doc_id": doc_id, "kind": "extra", "value": p["value"]["text"],
                               "start": p["value"]["start"], "predicted": p})
            confidence = float(p.get("confidence") or 0.0)
            scored.append((confidence, right))
            for b in range(len(bins)):
                if CALIBRATION_EDGES[b] <= confidence < CALIBRATION_EDGES[b + 1]:
                    bins[b][0] += 1
                    bins[b][1] += gi is not None
                    bins[b][2] += right
                    break
        for gi, g in enumerate(gold):
            if g.get("optional"):
                continue
            doc["gold"] += 1
            if gi not in paired_gold:
                errors.append({"doc_id": doc_id, "kind": "missed", "value": g["value"]["text"],
                               "start": g["value"]["start"], "gold": g})
        for k, v in doc.items():
            totals[k] += v
        per_document[doc_id] = (PRF(doc["value_tp"], doc["pred"], doc["gold"]),
                                PRF(doc["fact_tp"], doc["pred"], doc["gold"]))
    attributes = {name: (agree_counts[name] / matched_required if matched_required else 0.0)
                  for name in ATTRIBUTES}
    calibration = tuple(CalibrationBin(CALIBRATION_EDGES[i], CALIBRATION_EDGES[i + 1], *bins[i])
                        for i in range(len(bins)))
    return Evaluation(
        value=PRF(totals["value_tp"], totals["pred"], totals["gold"]),
        fact=PRF(totals["fact_tp"], totals["pred"], totals["gold"]),
        quantity=PRF(totals["quantity_tp"], totals["pred"], totals["gold"]),
        attributes=attributes,
        calibration=calibration,
        per_document=per_document,
        errors=tuple(errors),
        scored=tuple(scored),
    )
