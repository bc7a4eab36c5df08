"""Fit the confidence model on gold documents: ``extractor calibrate`` (needs the ``calibrate`` extra).

Every gold document under a folder (``tests/fixtures/`` and its subfolders) is extracted, its
facts matched to the gold ones as :func:`extractor.evaluate` matches them, and each fact becomes a
row: its features (:mod:`extractor.features`) and five labels: the fact is fully right; its value
is right (matched to a gold fact, with unit, measure and direction agreeing; a prediction matched
to no gold fact is wrong); and, for matched facts, its indicator, region and period are right. For
``value`` and each slot a logistic regression is fitted (L2-regularised, which keeps it calibrated:
a confidence of 0.9 should mean right 9 times in 10); with ``isotonic=True`` an isotonic map fitted
on its out-of-fold outputs follows. On the gold documents that per-model isotonic map made
leave-one-document-out ranking worse (its plateaus tie facts the regression had told apart), so it
is off by default.

A fact is fully right when all four are, but the product of four separately calibrated
probabilities is not calibrated itself (slot errors come together), so a one-dimensional ``final``
map of the product follows, fitted on out-of-fold products: each document's product by the four
models fitted without it. ``platt`` (the default) is a logistic regression on ``logit(product)``;
``isotonic`` is scikit-learn's isotonic regression, stored as breakpoints; ``none`` keeps the
product. A fact's confidence is the product through that map (:mod:`extractor.confidence`).

The figures printed are leave-one-document-out: each document is scored by models fitted on
the others (and, with the isotonic maps, those maps by an inner split by documents of those
others), so they say what to expect on unseen text. ``fact`` is the fact's confidence, against
"fully right": the held-out document's product through a final map fitted on products of the
other documents only, each scored by models fitted without its inner fold (nested: the held-out
document plays no part in its own map); ``product`` is the product before that map. Then the
models are fitted on every document, the final map on every document's leave-one-out product,
and both are written to ``patterns/confidence_model.yaml``, which :mod:`extractor.confidence` applies.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .confidence import FINAL_KINDS, IDENTITY, MODEL_FILE, MODELS, SLOTS, FinalMap, logit
from .evaluation import QUANTITY, _agreement, _match
from .features import evidence_features
from .reliability import BINS, Metrics, metrics
from .resources import patterns_dir

DEFAULT_C = 1.0  # inverse L2 strength: best leave-one-document-out AUROC on the fixtures among 0.1, 0.3, 1, 3
INNER_FOLDS = 5  # documents split this many ways to fit an isotonic or final map without its own rows
DEFAULT_FINAL = "platt"  # leave-one-document-out on the fixtures: lower ECE than the bare product, Brier as low,
# and unlike isotonic no plateaus at the top that tie facts (see the README's confidence section)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc_id: str
    text: str
    facts: list[dict[str, Any]]


@dataclass(slots=True)
class Row:
    """One predicted fact: its document, features, and labels (None where a label does not apply)."""

    doc_id: str
    features: dict[str, float]
    labels: dict[str, bool | None] = field(default_factory=dict)


def _sklearn() -> Any:
    try:
        import sklearn  # noqa: F401
        from sklearn import isotonic, linear_model, metrics
    except ImportError as exc:
        raise ImportError("extractor calibrate needs scikit-learn: pip install 'extractor[calibrate]'") from exc
    return linear_model, isotonic, metrics


def _find_text(path: Path, doc_id: str, text_dirs: Sequence[Path]) -> Path | None:
    for candidate in (path.with_suffix(".txt"), *(d / f"{doc_id}.txt" for d in text_dirs)):
        if candidate.is_file():
            return candidate
    return None


def load_gold(root: Path, text_dirs: Sequence[Path] = ()) -> list[GoldDocument]:
    """Every ``*.json`` gold file under ``root`` (recursively, sorted) with its text: the ``.txt``
    beside it, else ``<doc_id>.txt`` in one of ``text_dirs`` (the seeds' gold names its text so)."""
    docs = []
    for path in sorted(root.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "facts" not in data:
            continue  # not a gold file (a baseline, a schema)
        doc_id = str(data.get("doc_id") or path.stem)
        text_path = _find_text(path, doc_id, text_dirs)
        if text_path is None:
            raise FileNotFoundError(f"{path}: no text found for {doc_id} (looked beside it and in "
                                    f"{', '.join(map(str, text_dirs)) or 'no other folder'})")
        # read as the gold was annotated (tests/conftest.py): universal newlines
        docs.append(GoldDocument(doc_id, text_path.read_text(encoding="utf-8"), data["facts"]))
    return docs


def build_rows(docs: Sequence[GoldDocument], modes: Sequence[str] = ("fast",)) -> list[Row]:
    """One row per predicted fact of every document, in each mode; optional gold facts left out."""
    from .pipeline import Extractor

    rows = []
    for mode in modes:
        extractor = Extractor(mode=mode)
        for doc in docs:
            facts = extractor.extract(doc.text, doc_id=doc.doc_id)
            predicted = [f.to_dict() for f in facts]
            paired = {pi: gi for gi, pi in _match(doc.facts, predicted)}
            for pi, fact in enumerate(facts):
                gi = paired.get(pi)
                if gi is not None and doc.facts[gi].get("optional"):
                    continue  # neither required nor penalised, as evaluate() counts them
                agree = _agreement(doc.facts[gi], predicted[pi]) if gi is not None else None
                labels: dict[str, bool | None] = {
                    "fact": bool(agree) and all(agree.values()),
                    "value": agree is not None and all(agree[a] for a in QUANTITY)}
                for slot in SLOTS:
                    labels[slot] = agree[slot] if agree is not None else None
                rows.append(Row(doc.doc_id, evidence_features(fact.evidence), labels))
    return rows


# --- fitting -------------------------------------------------------------------------------


def _fit(rows: Sequence[Row], target: str, c: float, names: list[str]) -> tuple[float, list[float]]:
    linear_model, _, _ = _sklearn()
    x = [[r.features.get(n, 0.0) for n in names] for r in rows]
    y = [bool(r.labels[target]) for r in rows]
    if len(set(y)) < 2:  # one class only: the share is all there is to learn
        share = min(max(sum(y) / len(y), 1e-3), 1 - 1e-3)
        return math.log(share / (1 - share)), [0.0] * len(names)
    model = linear_model.LogisticRegression(C=c, max_iter=5000).fit(x, y)
    return float(model.intercept_[0]), [float(w) for w in model.coef_[0]]


def _raw(rows: Sequence[Row], intercept: float, weights: list[float], names: list[str]) -> list[float]:
    out = []
    for r in rows:
        z = intercept + sum(w * r.features.get(n, 0.0) for n, w in zip(names, weights, strict=True))
        out.append(1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z)))
    return out


def _folds(doc_ids: Sequence[str], k: int) -> list[set[str]]:
    ordered = sorted(set(doc_ids))
    return [set(ordered[i::k]) for i in range(min(k, len(ordered)))]


def _isotonic(rows: Sequence[Row], target: str, c: float, names: list[str]) -> tuple[list[float], list[float]]:
    """Breakpoints of the isotonic map from out-of-fold raw scores (folds by document)."""
    _, isotonic, _ = _sklearn()
    scores, labels = [], []
    for held in _folds([r.doc_id for r in rows], INNER_FOLDS):
        train = [r for r in rows if r.doc_id not in held]
        test = [r for r in rows if r.doc_id in held]
        if not train or not test:
            continue
        intercept, weights = _fit(train, target, c, names)
        scores += _raw(test, intercept, weights, names)
        labels += [bool(r.labels[target]) for r in test]
    if len(set(labels)) < 2:
        return [], []
    iso = isotonic.IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(scores, labels)
    return [float(v) for v in iso.X_thresholds_], [float(v) for v in iso.y_thresholds_]


def _interpolate(p: float, xs: list[float], ys: list[float]) -> float:
    from .confidence import LogisticModel

    return LogisticModel(0.0, {}, tuple(xs), tuple(ys)).calibrated(p)


def fit_target(rows: Sequence[Row], target: str, c: float = DEFAULT_C, isotonic: bool = False) -> dict[str, Any]:
    """The model of one label, fitted on ``rows``, as the YAML mapping stores it."""
    rows = [r for r in rows if r.labels.get(target) is not None]
    names = sorted({n for r in rows for n in r.features})
    intercept, weights = _fit(rows, target, c, names)
    xs, ys = _isotonic(rows, target, c, names) if isotonic else ([], [])
    return {"intercept": round(intercept, 6),
            "weights": {n: round(w, 6) for n, w in zip(names, weights, strict=True) if abs(w) >= 1e-6},
            "isotonic": {"x": [round(v, 6) for v in xs], "y": [round(v, 6) for v in ys]}}


def _held_out_scores(rows: Sequence[Row], target: str, c: float, isotonic: bool,
                     folds: Sequence[set[str]] | None = None) -> list[float]:
    """Every row's probability under the ``target`` model fitted on the rows of the other folds (by
    default: the other documents) that have the label (rows without it are scored too: the fact's
    product needs every model)."""
    scores = [0.0] * len(rows)
    for held_docs in folds if folds is not None else [{d} for d in sorted({r.doc_id for r in rows})]:
        train = [r for r in rows if r.doc_id not in held_docs and r.labels.get(target) is not None]
        held = [i for i, r in enumerate(rows) if r.doc_id in held_docs]
        if not train or not held:
            continue
        model = fit_target(train, target, c, isotonic)
        weights = model["weights"]
        names = sorted(weights)
        raw = _raw([rows[i] for i in held], model["intercept"], [weights[n] for n in names], names)
        xs, ys = model["isotonic"]["x"], model["isotonic"]["y"]
        for i, p in zip(held, raw, strict=True):
            scores[i] = _interpolate(p, xs, ys)
    return scores


def out_of_fold_products(rows: Sequence[Row], c: float = DEFAULT_C, isotonic: bool = False,
                         folds: Sequence[set[str]] | None = None) -> list[float]:
    """Every row's product of the four models, each fitted without the row's fold (by default its
    document): what the final map is fitted on."""
    product = [1.0] * len(rows)
    for name in MODELS:
        for i, p in enumerate(_held_out_scores(rows, name, c, isotonic, folds)):
            product[i] *= p
    return product


def fit_final(products: Sequence[float], labels: Sequence[bool], kind: str = DEFAULT_FINAL) -> FinalMap:
    """The final map of ``kind`` (``platt``, ``isotonic``, ``none``) from products to "fully right";
    the identity when there is nothing to fit (``none``, or one class only)."""
    if kind not in (*FINAL_KINDS, "none"):
        raise ValueError(f"final map: expected one of {[*FINAL_KINDS, 'none']}, got {kind!r}")
    if kind == "none" or len(set(labels)) < 2:
        return IDENTITY
    linear_model, isotonic, _ = _sklearn()
    if kind == "platt":
        # barely regularised: two parameters on a thousand facts
        model = linear_model.LogisticRegression(C=1e4, max_iter=5000).fit([[logit(p)] for p in products], labels)
        a, b = float(model.coef_[0][0]), float(model.intercept_[0])
        if a < 0:  # the product ranks facts upside down here: keep only the share right
            share = min(max(sum(labels) / len(labels), 1e-3), 1 - 1e-3)
            a, b = 0.0, logit(share)
        return FinalMap("platt", a=a, b=b)
    iso = isotonic.IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(list(products), list(labels))
    return FinalMap("isotonic", x=tuple(float(v) for v in iso.X_thresholds_),
                    y=tuple(float(v) for v in iso.y_thresholds_))


def _stored(final: FinalMap) -> FinalMap:
    """``final`` rounded as the file stores it, so that the figures are those of the shipped map."""
    data = final.to_dict()
    if data is None:
        return final
    if final.kind == "platt":
        return FinalMap("platt", a=data["a"], b=data["b"])
    return FinalMap("isotonic", x=tuple(data["x"]), y=tuple(data["y"]))


def nested_final_scores(rows: Sequence[Row], products: Sequence[float], kind: str = DEFAULT_FINAL,
                        c: float = DEFAULT_C, isotonic: bool = False,
                        inner_folds: int = INNER_FOLDS) -> list[float]:
    """Each row's leave-one-document-out ``products[i]`` through a final map fitted without its
    document: on the other documents' products, each scored by models fitted without its inner
    fold (the other documents split ``inner_folds`` ways)."""
    if kind == "none":
        return list(products)
    out = list(products)
    for doc_id in sorted({r.doc_id for r in rows}):
        others = [r for r in rows if r.doc_id != doc_id]
        inner = out_of_fold_products(others, c, isotonic, _folds([r.doc_id for r in others], inner_folds))
        final = _stored(fit_final(inner, [bool(r.labels["fact"]) for r in others], kind))
        for i, r in enumerate(rows):
            if r.doc_id == doc_id:
                out[i] = final(products[i])
    return out


def leave_one_document_out(rows: Sequence[Row], target: str, c: float = DEFAULT_C, isotonic: bool = False,
                           final: str = DEFAULT_FINAL) -> tuple[list[bool], list[float]]:
    """Each document's facts scored by models (and isotonic maps) fitted on the other documents:
    ``(labels, scores)`` of the rows with the ``target`` label. ``fact`` is scored by the product of
    the four models through the ``final`` map (nested: fitted without the document), as
    :func:`extractor.confidence.scores` does; ``product`` by the bare product."""
    if target in ("fact", "product"):
        scores = out_of_fold_products(rows, c, isotonic)
        if target == "fact":
            scores = nested_final_scores(rows, scores, final, c, isotonic)
        target = "fact"
    else:
        scores = _held_out_scores(rows, target, c, isotonic)
    kept = [i for i, r in enumerate(rows) if r.labels.get(target) is not None]
    return [bool(rows[i].labels[target]) for i in kept], [scores[i] for i in kept]


# --- the report and the file -----------------------------------------------------------------


def table(results: dict[str, Metrics]) -> str:
    """The leave-one-document-out figures, one line per label, then the bins of the fact's confidence."""
    lines = [f"{'target':10}{'facts':>7}{'AUROC':>8}{'Brier':>8}{'ECE':>8}{'>=0.9 right':>13}{'n':>6}"]
    for name, m in results.items():
        lines.append(f"{name:10}{m.facts:7d}{m.auroc:8.3f}{m.brier:8.3f}{m.ece:8.3f}{m.high_right:13.3f}{m.high:6d}")
    fact = results.get("fact")
    if fact is not None:
        lines.append("")
        lines.append("fact confidence bin   facts  mean conf  share right")
        for i, (count, mean, right) in enumerate(fact.bins):
            if count:
                lines.append(f"  [{i / BINS:.1f}, {(i + 1) / BINS:.1f}{']' if i == BINS - 1 else ')'}"
                             f"{count:12d}{mean:11.3f}{right:13.3f}")
    return "\n".join(lines)


def write_model(path: Path, models: dict[str, dict[str, Any]], report: str, *, documents: int,
                modes: Sequence[str], final: FinalMap = IDENTITY) -> None:
    import yaml

    header = [f"# Written by `extractor calibrate` on {dt.date.today().isoformat()} from {documents} gold documents",
              f"# (mode: {', '.join(modes)}). Do not edit by hand: refit with `extractor calibrate`.",
              "# Applied by extractor/confidence.py: p = isotonic(logistic(intercept + sum(weight * feature)))",
              "# for each model; a fact's confidence is the product of the four (value, indicator, region,",
              "# period) through the final map (platt: logistic(a * logit(product) + b); isotonic: piecewise",
              "# linear through x, y; absent: the product itself), its slot confidence the last three models'",
              "# probabilities. Feature names are defined in extractor/features.py.",
              "#",
              "# Leave-one-document-out (each document scored by models fitted on the others; `fact` through a",
              "# final map fitted without the document, `product` before that map):", "#"]
    header += [f"#   {line}".rstrip() for line in report.splitlines()]
    data: dict[str, Any] = {"modes": list(modes), "documents": documents}
    if (stored := final.to_dict()) is not None:
        data["final"] = stored
    data["models"] = models
    body = yaml.safe_dump(data, sort_keys=False, default_flow_style=None, width=120)
    path.write_text("\n".join(header) + "\n" + body, encoding="utf-8")


def calibrate(root: Path, output: Path | None = None, *, modes: Sequence[str] = ("fast",), c: float = DEFAULT_C,
              text_dirs: Sequence[Path] = (), isotonic: bool = False, final: str = DEFAULT_FINAL) -> str:
    """Fit on every gold document under ``root``, write the model file, return the LODO report."""
    _sklearn()  # fail before the slow part when the extra is missing
    docs = load_gold(root, text_dirs)
    if len({d.doc_id for d in docs}) < 2:
        raise ValueError(f"{root}: calibration needs at least two gold documents, found {len(docs)}")
    if final not in (*FINAL_KINDS, "none"):
        raise ValueError(f"final map: expected one of {[*FINAL_KINDS, 'none']}, got {final!r}")
    rows = build_rows(docs, modes)
    labels = [bool(r.labels["fact"]) for r in rows]
    products = out_of_fold_products(rows, c, isotonic)  # leave-one-document-out
    results = {"fact": metrics(labels, nested_final_scores(rows, products, final, c, isotonic))}
    results |= {target: metrics(*leave_one_document_out(rows, target, c, isotonic)) for target in MODELS}
    results["product"] = metrics(labels, products)
    report = table(results)
    models = {name: fit_target(rows, name, c, isotonic) for name in MODELS}
    write_model(output or patterns_dir() / MODEL_FILE, models, report, documents=len(docs), modes=modes,
                final=fit_final(products, labels, final))
    return report


__all__ = ["GoldDocument", "Row", "build_rows", "calibrate", "fit_final", "fit_target", "load_gold",
           "leave_one_document_out", "nested_final_scores", "out_of_fold_products", "table", "write_model"]
