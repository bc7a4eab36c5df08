"""A fact's confidence, and each slot's, from the model in ``patterns/confidence_model.yaml``.

``extractor calibrate`` fits the model on the gold documents (logistic regression on the
features of :mod:`extractor.features`, then isotonic calibration) and writes it as data; this
module applies it with plain arithmetic: a dot product, the logistic function, and a
piecewise-linear map. No numpy, no scikit-learn.

There are four models: ``value`` (the probability that the number is a fact read right: its
unit, measure and direction) and ``indicator``, ``region``, ``period`` (the probability that that
slot is right, given that the value is a fact: ``Fact.slot_confidence``). A fact is fully right
when all four are, so ``Fact.confidence`` is their product: measured leave-one-document-out on the
gold fixtures it ranks facts better than one model fitted on "fully right" (AUROC 0.712 against
0.680, same features), and a fact linked in several risky ways loses confidence for each of them.

The product of four separately calibrated probabilities is not itself calibrated (a fact whose
indicator is wrong often has its period wrong too), so the file's optional ``final`` map, fitted
by ``extractor calibrate`` on out-of-fold products, turns the product into the fact's confidence:
``{kind: platt, a, b}`` is ``logistic(a * logit(product) + b)``, ``{kind: isotonic, x, y}`` is
piecewise linear through the breakpoints; absent, the product is the confidence. Only
``Fact.confidence`` goes through it; ``Fact.slot_confidence`` stays the slot models' probabilities.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import PatternError
from .features import _field_names_of, evidence_features, fields_features
from .resources import load_yaml, patterns_dir
from .types import Fact, _new_fact

MODEL_FILE = "confidence_model.yaml"
MODELS = ("value", "indicator", "region", "period")  # fitted; "fact" is their product
TARGETS = ("fact", *MODELS)  # what calibrate reports
SLOTS = ("indicator", "region", "period")


@dataclass(frozen=True, slots=True)
class LogisticModel:
    """``p = iso(1 / (1 + exp(-(intercept + sum(weights[name] * value)))))``.

    ``iso`` is piecewise linear through ``(iso_x[i], iso_y[i])`` and flat outside them; with no
    breakpoints it is the identity.

    >>> m = LogisticModel(0.0, {"ev:table": math.log(3)}, (), ())
    >>> round(m.probability({"ev:table": 1.0}), 6), m.probability({})
    (0.75, 0.5)
    >>> round(LogisticModel(0.0, {}, (0.2, 0.8), (0.1, 0.9)).probability({}), 6)  # halfway between breakpoints
    0.5
    """

    intercept: float
    weights: Mapping[str, float]
    iso_x: tuple[float, ...]
    iso_y: tuple[float, ...]

    def raw(self, features: Mapping[str, float]) -> float:
        weights = self.weights
        z = self.intercept
        for name, value in features.items():
            w = weights.get(name)
            if w is not None:
                z += w * value
        return _logistic(z)

    def probability(self, features: Mapping[str, float]) -> float:
        return self.calibrated(self.raw(features))

    def calibrated(self, p: float) -> float:
        return _piecewise(p, self.iso_x, self.iso_y) if self.iso_x else p


def _piecewise(p: float, xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    """Linear between the breakpoints ``(xs[i], ys[i])``, flat outside them."""
    if p <= xs[0]:
        return ys[0]
    if p >= xs[-1]:
        return ys[-1]
    i = bisect.bisect_right(xs, p)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)


LOGIT_EPS = 1e-12  # the product is clamped to [eps, 1 - eps] before its logit (a model far out gives 0 or 1)
FINAL_KINDS = ("platt", "isotonic")


def logit(p: float) -> float:
    p = min(max(p, LOGIT_EPS), 1.0 - LOGIT_EPS)
    return math.log(p / (1.0 - p))


@dataclass(frozen=True, slots=True)
class FinalMap:
    """The map from the four models' product to the fact's confidence (``final`` in the file).

    ``platt``: ``logistic(a * logit(p) + b)``; ``isotonic``: piecewise linear through ``(x[i], y[i])``,
    flat outside them; ``identity``: ``p``.

    >>> round(FinalMap("platt", a=2.0, b=0.0)(0.75), 6)  # odds 3 squared: 9 to 1
    0.9
    >>> round(FinalMap("isotonic", x=(0.2, 0.8), y=(0.1, 0.9))(0.5), 6), FinalMap("identity")(0.3)
    (0.5, 0.3)
    """

    kind: str = "identity"
    a: float = 1.0
    b: float = 0.0
    x: tuple[float, ...] = ()
    y: tuple[float, ...] = ()

    def __call__(self, p: float) -> float:
        if self.kind == "platt":
            return _logistic(self.a * logit(p) + self.b)
        if self.kind == "isotonic":
            return _piecewise(p, self.x, self.y)
        return p

    def to_dict(self) -> dict[str, Any] | None:
        """As the file stores it (``None``: the identity, no ``final`` key)."""
        if self.kind == "platt":
            return {"kind": "platt", "a": round(self.a, 6), "b": round(self.b, 6)}
        if self.kind == "isotonic":
            return {"kind": "isotonic", "x": [round(v, 6) for v in self.x], "y": [round(v, 6) for v in self.y]}
        return None


IDENTITY = FinalMap()


def _number(value: Any, path: Path, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise PatternError(path, None, f"{where}: expected a number, got {value!r}")
    return float(value)


def _numbers(value: Any, path: Path, where: str) -> tuple[float, ...]:
    if not isinstance(value, list):
        raise PatternError(path, None, f"{where}: expected a list of numbers, got {type(value).__name__}")
    return tuple(_number(v, path, f"{where}[{i}]") for i, v in enumerate(value))


def _breakpoints(data: Mapping[str, Any], path: Path, where: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    xs = _numbers(data.get("x", []), path, f"{where}.x")
    ys = _numbers(data.get("y", []), path, f"{where}.y")
    if len(xs) != len(ys):
        raise PatternError(path, None, f"{where}: x and y differ in length ({len(xs)}, {len(ys)})")
    if any(b < a for a, b in zip(xs, xs[1:], strict=False)) or any(b < a for a, b in zip(ys, ys[1:], strict=False)):
        raise PatternError(path, None, f"{where}: breakpoints must be sorted (non-decreasing)")
    if any(not 0.0 <= y <= 1.0 for y in ys):
        raise PatternError(path, None, f"{where}.y: probabilities must lie in [0, 1]")
    return xs, ys


def _parse_final(data: Any, path: Path) -> FinalMap:
    if data is None:
        return IDENTITY  # files fitted before the final map: the product is the confidence
    if not isinstance(data, dict):
        raise PatternError(path, None, "final: expected a mapping with 'kind'")
    kind = data.get("kind")
    if kind not in FINAL_KINDS:
        raise PatternError(path, None, f"final.kind: expected one of {list(FINAL_KINDS)}, got {kind!r}")
    if kind == "platt":
        if missing := {"a", "b"} - data.keys():
            raise PatternError(path, None, f"final: missing {sorted(missing)}")
        a, b = _number(data["a"], path, "final.a"), _number(data["b"], path, "final.b")
        if a < 0:  # a falling map would rank facts upside down
            raise PatternError(path, None, f"final.a: must not be negative, got {a}")
        return FinalMap("platt", a=a, b=b)
    if missing := {"x", "y"} - data.keys():
        raise PatternError(path, None, f"final: missing {sorted(missing)}")
    xs, ys = _breakpoints(data, path, "final")
    if not xs:
        raise PatternError(path, None, "final: an isotonic map needs at least one breakpoint")
    return FinalMap("isotonic", x=xs, y=ys)


def _parse_model(data: Any, path: Path, name: str) -> LogisticModel:
    if not isinstance(data, dict):
        raise PatternError(path, None, f"models.{name}: expected a mapping")
    if missing := {"intercept", "weights"} - data.keys():
        raise PatternError(path, None, f"models.{name}: missing {sorted(missing)}")
    weights = data["weights"] or {}
    if not isinstance(weights, dict):
        raise PatternError(path, None, f"models.{name}.weights: expected a mapping of feature names to numbers")
    parsed = {str(k): _number(v, path, f"models.{name}.weights.{k}") for k, v in weights.items()}
    iso = data.get("isotonic") or {}
    if not isinstance(iso, dict):
        raise PatternError(path, None, f"models.{name}.isotonic: expected a mapping with x and y")
    xs, ys = _breakpoints(iso, path, f"models.{name}.isotonic")
    return LogisticModel(_number(data["intercept"], path, f"models.{name}.intercept"), parsed, xs, ys)


@functools.cache
def _load(base: Path | None) -> tuple[dict[str, LogisticModel], FinalMap]:
    path = (base or patterns_dir()) / MODEL_FILE
    data = load_yaml(MODEL_FILE, base=base)
    if not isinstance(data, dict) or not isinstance(data.get("models"), dict):
        raise PatternError(path, None, "expected a mapping with 'models'")
    models = data["models"]
    if missing := set(MODELS) - models.keys():
        raise PatternError(path, None, f"models: missing {sorted(missing)}")
    return {name: _parse_model(models[name], path, name) for name in MODELS}, _parse_final(data.get("final"), path)


def load_models(base: Path | None = None) -> dict[str, LogisticModel]:
    """The four fitted models (``MODELS``); :class:`PatternError` naming the file when it (or its
    ``final`` map) is malformed."""
    return _load(base)[0]


def load_final(base: Path | None = None) -> FinalMap:
    """The map from the four models' product to the fact's confidence (the identity when the file has none)."""
    return _load(base)[1]


@functools.cache
def _stacked(base: Path | None) -> tuple[tuple[float, ...], dict[str, tuple[float, ...]], tuple[LogisticModel, ...],
                                         FinalMap]:
    """The four models' intercepts and weights side by side, in ``MODELS`` order: one pass over a
    fact's features then serves all four; and the final map."""
    models = tuple(load_models(base)[name] for name in MODELS)
    names = {n for m in models for n in m.weights}
    weights = {n: tuple(m.weights.get(n, 0.0) for m in models) for n in names}
    return tuple(m.intercept for m in models), weights, models, load_final(base)


def _logistic(z: float) -> float:
    if z >= 0:  # the two forms keep exp() from overflowing on either side
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def score(evidence: Iterable[str], *, patterns_dir: Path | None = None) -> float:
    """The probability that a fact built with this evidence is fully right (the four models' product,
    through the final map).

    >>> 0.0 < score(["indicator_adjacent", "unit_stated", "period_sentence"]) < 1.0
    True
    """
    return scores(tuple(evidence), patterns_dir)[0]


def _logits(features: Mapping[str, float], patterns_dir: Path | None,
            start: tuple[float, ...] | None) -> tuple[float, ...]:
    """``start`` (the intercepts when None) plus the four models' weights of these features."""
    intercepts, weights, _, _ = _stacked(patterns_dir)
    z = list(intercepts if start is None else start)
    get = weights.get
    for name, value in features.items():
        w = get(name)
        if w is not None:
            for k in range(len(z)):
                z[k] += w[k] * value
    return tuple(z)


@functools.lru_cache(maxsize=16384)
def _evidence_logits(evidence: tuple[str, ...], patterns_dir: Path | None) -> tuple[float, ...]:
    return _logits(evidence_features(evidence), patterns_dir, None)


@functools.lru_cache(maxsize=16384)
def _field_logits(fields: tuple[str, ...], patterns_dir: Path | None) -> tuple[float, ...]:
    return _logits(fields_features(fields), patterns_dir, (0.0,) * len(MODELS))


@functools.lru_cache(maxsize=65536)
def scores(evidence: tuple[str, ...], patterns_dir: Path | None = None,
           fields: tuple[str, ...] = ()) -> tuple[float, tuple[tuple[str, float], ...]]:
    """``(confidence, slot_confidence)`` for a fact built with this evidence and these
    :func:`~extractor.features.field_names`: the four models applied to their features; the
    confidence is their product through the final map, the slot confidences the last three models'
    probabilities. Facts share a few hundred evidence tuples and fewer field tuples, each scored once
    (and each pair once), so after the first this is a dictionary lookup (thousands of facts per MB)."""
    _, _, models, final = _stacked(patterns_dir)
    z = _evidence_logits(evidence, patterns_dir)
    if fields:
        z = tuple(a + b for a, b in zip(z, _field_logits(fields, patterns_dir), strict=True))
    p = [model.calibrated(_logistic(zk)) for model, zk in zip(models, z, strict=True)]
    return final(p[0] * p[1] * p[2] * p[3]), tuple(zip(SLOTS, p[1:], strict=True))


@functools.cache
def indicator_kinds(base: Path | None = None) -> dict[str, str | None]:
    """Each indicator key's ``kind`` (``patterns/indicator_keys.yaml``), as
    :func:`~extractor.features.field_names` reads it."""
    keys = load_yaml("indicator_keys.yaml", base=base) or {}
    return {str(k): (v.get("kind") if isinstance(v, dict) else None) for k, v in keys.items()}


def with_scores(fact: Fact, *, patterns_dir: Path | None = None) -> Fact:
    """``fact`` with the confidence and slot confidence of its evidence and fields (after they changed)."""
    confidence, slots = scores(fact.evidence, patterns_dir, _field_names_of(fact, indicator_kinds(patterns_dir)))
    # dataclasses.replace() re-runs the frozen __init__
    return _new_fact(fact.doc_id, fact.value, fact.measure, fact.direction, fact.indicator, fact.region, fact.period,
                     fact.reference_period, fact.breakdown, confidence, fact.extractor, fact.evidence, slots)


__all__ = ["FINAL_KINDS", "MODEL_FILE", "MODELS", "SLOTS", "TARGETS", "FinalMap", "LogisticModel", "indicator_kinds",
           "load_final", "load_models", "logit", "score", "scores", "with_scores"]
