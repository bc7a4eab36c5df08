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

from .confidence import FINAL_KINDS, IDENTITY, MODEL_FILE, MODELS, SLOTS, FinalMap, indicator_kinds, logit
from .evaluation import QUANTITY, _agreement, _match
from .features import fact_features
from .reliability import BINS, Metrics, metrics
from .resources import patterns_dir

SNAPSHOT_FILE = "unseen_predictions.jsonl"  # beside a gold set: its facts as predicted before tuning
DEFAULT_C = 1.0  # inverse L2 strength: best leave-one-document-out AUROC on the fixtures among 0.1, 0.3, 1, 3
INNER_FOLDS = 5  # documents split this many ways to fit an isotonic or final map without its own rows
FINAL_ON = ("snapshot", "all")
DEFAULT_FINAL_ON = "snapshot"  # the final map is calibrated to unseen text (see the README's confidence section)
DEFAULT_FINAL = "platt"  # leave-one-document-out on the fixtures: lower ECE than the bare product, Brier as low,
# and unlike isotonic no plateaus at the top that tie facts (see the README's confidence section)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc_id: str
    text: str
    facts: list[dict[str, Any]]
    folder: Path | None = None  # where its gold file is: a snapshot of unseen predictions may lie beside it


@dataclass(slots=True)
class Row:
    """One predicted fact: its document, features, and labels (None where a label does not apply).

    ``kind`` is ``current`` (extracted now, by the rules tuned on these documents) or ``snapshot``
    (recorded before the rules were tuned on them: :data:`SNAPSHOT_FILE`); ``group`` is the gold
    set (the folder) it comes from; ``weight`` its weight in the fits (0: scored, never fitted on)."""

    doc_id: str
    features: dict[str, float]
    labels: dict[str, bool | None] = field(default_factory=dict)
    kind: str = "current"
    group: str = ""
    weight: float = 1.0


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
        docs.append(GoldDocument(doc_id, text_path.read_text(encoding="utf-8"), data["facts"], path.parent))
    return docs


def _labelled(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, dict[str, bool | None]]]:
    """``(index, labels)`` of each prediction, matched to the gold as :func:`extractor.evaluate` matches
    them; predictions matched to an optional gold fact are left out (neither required nor penalised)."""
    paired = {pi: gi for gi, pi in _match(gold, predicted)}
    out = []
    for pi, fact in enumerate(predicted):
        gi = paired.get(pi)
        if gi is not None and gold[gi].get("optional"):
            continue
        agree = _agreement(gold[gi], fact) if gi is not None else None
        labels: dict[str, bool | None] = {
            "fact": bool(agree) and all(agree.values()),
            "value": agree is not None and all(agree[a] for a in QUANTITY)}
        for slot in SLOTS:
            labels[slot] = agree[slot] if agree is not None else None
        out.append((pi, labels))
    return out


def _group_name(doc: GoldDocument, root: Path | None) -> str:
    if doc.folder is None:
        return ""
    if root is not None:
        try:
            return doc.folder.relative_to(root).as_posix()
        except ValueError:
            pass
    return doc.folder.name


def build_rows(docs: Sequence[GoldDocument], modes: Sequence[str] = ("fast",), root: Path | None = None) -> list[Row]:
    """One row per predicted fact of every document, in each mode; optional gold facts left out."""
    from .pipeline import Extractor

    rows = []
    kinds = indicator_kinds()
    for mode in modes:
        extractor = Extractor(mode=mode)
        for doc in docs:
            facts = extractor.extract(doc.text, doc_id=doc.doc_id)
            predicted = [f.to_dict() for f in facts]
            for pi, labels in _labelled(doc.facts, predicted):
                rows.append(Row(doc.doc_id, fact_features(facts[pi], kinds), labels, "current", _group_name(doc, root)))
    return rows


# --- snapshots of unseen predictions -----------------------------------------------------------


def _snapshot_problem(data: dict[str, Any]) -> str | None:
    """What is wrong with one recorded fact, or None."""
    if not isinstance(data.get("doc_id"), str):
        return "expected a fact with a string doc_id (or a first line {\"snapshot\": {...}})"
    value = data.get("value")
    if not isinstance(value, dict):
        return "value: expected a mapping"
    for key in ("start", "end"):
        if isinstance(value.get(key), bool) or not isinstance(value.get(key), int):
            return f"value.{key}: expected an integer, got {value.get(key)!r}"
    if isinstance(value.get("number"), bool) or not isinstance(value.get("number"), int | float):
        return f"value.number: expected a number, got {value.get('number')!r}"
    evidence = data.get("evidence")
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        return "evidence: expected a list of names (snapshot with tests/fixtures/_snapshot.py or --with-evidence)"
    for slot in ("indicator", "region", "period"):
        if data.get(slot) is not None and not isinstance(data[slot], dict):
            return f"{slot}: expected a mapping or null"
    return None


def read_snapshot(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The header (``{}`` when there is none) and the facts of a snapshot file; ``ValueError`` naming
    the file and line when one is malformed."""
    header: dict[str, Any] = {}
    facts: list[dict[str, Any]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
        if not isinstance(data, dict):
            raise ValueError(f"{path}:{lineno}: expected a JSON object, got {type(data).__name__}")
        if "snapshot" in data:
            if facts or header:
                raise ValueError(f"{path}:{lineno}: the snapshot header must come first, once")
            if not isinstance(data["snapshot"], dict):
                raise ValueError(f"{path}:{lineno}: snapshot: expected a mapping (commit, mode, date)")
            header = data["snapshot"]
            continue
        if (problem := _snapshot_problem(data)) is not None:
            raise ValueError(f"{path}:{lineno}: {problem}")
        facts.append(data)
    return header, facts


def snapshot_rows(docs: Sequence[GoldDocument], root: Path | None = None) -> list[Row]:
    """One ``snapshot`` row per fact recorded in a :data:`SNAPSHOT_FILE` beside the gold documents:
    features from its recorded evidence (and fields), labels from matching it to today's gold."""
    by_folder: dict[Path, list[GoldDocument]] = {}
    for doc in docs:
        if doc.folder is not None:
            by_folder.setdefault(doc.folder, []).append(doc)
    rows = []
    kinds = indicator_kinds()
    for folder, folder_docs in sorted(by_folder.items()):
        path = folder / SNAPSHOT_FILE
        if not path.is_file():
            continue
        _, facts = read_snapshot(path)
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for fact in facts:
            by_doc.setdefault(fact["doc_id"], []).append(fact)
        if unknown := sorted(set(by_doc) - {d.doc_id for d in folder_docs}):
            raise ValueError(f"{path}: facts of documents with no gold file beside it: {', '.join(unknown[:5])}")
        for doc in folder_docs:
            predicted = by_doc.get(doc.doc_id, [])
            for fact in predicted:
                v = fact["value"]
                if doc.text[v["start"]:v["end"]] != v.get("text"):
                    raise ValueError(f"{path}: {doc.doc_id} at {v['start']}: {v.get('text')!r} is not in the text "
                                     f"there ({doc.text[v['start']:v['end']]!r}): taken on another version of it?")
            for pi, labels in _labelled(doc.facts, predicted):
                rows.append(Row(doc.doc_id, fact_features(predicted[pi], kinds), labels, "snapshot",
                                _group_name(doc, root)))
    return rows


# --- fitting -------------------------------------------------------------------------------


def _fit(rows: Sequence[Row], target: str, c: float, names: list[str]) -> tuple[float, list[float]]:
    linear_model, _, _ = _sklearn()
    x = [[r.features.get(n, 0.0) for n in names] for r in rows]
    y = [bool(r.labels[target]) for r in rows]
    w = [r.weight for r in rows]
    if len(set(y)) < 2:  # one class only: the share is all there is to learn
        share = min(max(sum(y) / len(y), 1e-3), 1 - 1e-3)
        return math.log(share / (1 - share)), [0.0] * len(names)
    model = linear_model.LogisticRegression(C=c, max_iter=5000).fit(x, y, sample_weight=w)
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
    scores, labels, sample_weights = [], [], []
    for held in _folds([r.doc_id for r in rows], INNER_FOLDS):
        train = [r for r in rows if r.doc_id not in held and r.weight > 0]
        test = [r for r in rows if r.doc_id in held and r.weight > 0]
        if not train or not test:
            continue
        intercept, weights = _fit(train, target, c, names)
        scores += _raw(test, intercept, weights, names)
        labels += [bool(r.labels[target]) for r in test]
        sample_weights += [r.weight for r in test]
    if len(set(labels)) < 2:
        return [], []
    iso = isotonic.IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(scores, labels, sample_weights)
    return [float(v) for v in iso.X_thresholds_], [float(v) for v in iso.y_thresholds_]


def _interpolate(p: float, xs: list[float], ys: list[float]) -> float:
    from .confidence import LogisticModel

    return LogisticModel(0.0, {}, tuple(xs), tuple(ys)).calibrated(p)


def fit_target(rows: Sequence[Row], target: str, c: float = DEFAULT_C, isotonic: bool = False) -> dict[str, Any]:
    """The model of one label, fitted on ``rows``, as the YAML mapping stores it."""
    rows = [r for r in rows if r.labels.get(target) is not None and r.weight > 0]
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
        train = [r for r in rows if r.doc_id not in held_docs and r.labels.get(target) is not None and r.weight > 0]
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


def fit_final(products: Sequence[float], labels: Sequence[bool], kind: str = DEFAULT_FINAL,
              weights: Sequence[float] | None = None) -> FinalMap:
    """The final map of ``kind`` (``platt``, ``isotonic``, ``none``) from products to "fully right";
    the identity when there is nothing to fit (``none``, or one class only)."""
    if kind not in (*FINAL_KINDS, "none"):
        raise ValueError(f"final map: expected one of {[*FINAL_KINDS, 'none']}, got {kind!r}")
    if kind == "none" or len(set(labels)) < 2:
        return IDENTITY
    linear_model, isotonic, _ = _sklearn()
    w = list(weights) if weights is not None else [1.0] * len(labels)
    if kind == "platt":
        # barely regularised: two parameters on a thousand facts
        model = linear_model.LogisticRegression(C=1e4, max_iter=5000).fit([[logit(p)] for p in products], labels,
                                                                           sample_weight=w)
        a, b = float(model.coef_[0][0]), float(model.intercept_[0])
        if a < 0:  # the product ranks facts upside down here: keep only the share right
            share = min(max(sum(wi * y for wi, y in zip(w, labels, strict=True)) / sum(w), 1e-3), 1 - 1e-3)
            a, b = 0.0, logit(share)
        return FinalMap("platt", a=a, b=b)
    iso = isotonic.IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(list(products), list(labels), w)
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


def _final_of(rows: Sequence[Row], products: Sequence[float], kind: str, final_on: str) -> FinalMap:
    """The final map fitted on ``rows`` (their held-out ``products``): on all of them, or with
    ``final_on="snapshot"`` on their snapshot rows where there are any."""
    if final_on not in FINAL_ON:
        raise ValueError(f"final map fitted on: expected one of {list(FINAL_ON)}, got {final_on!r}")
    kept = [i for i, r in enumerate(rows) if r.weight > 0 and (final_on == "all" or r.kind == "snapshot")]
    if not kept:
        kept = [i for i, r in enumerate(rows) if r.weight > 0]
    return fit_final([products[i] for i in kept], [bool(rows[i].labels["fact"]) for i in kept], kind,
                     [rows[i].weight for i in kept])


def nested_final_scores(rows: Sequence[Row], products: Sequence[float], kind: str = DEFAULT_FINAL,
                        c: float = DEFAULT_C, isotonic: bool = False, inner_folds: int = INNER_FOLDS,
                        folds: Sequence[set[str]] | None = None, final_on: str = DEFAULT_FINAL_ON) -> list[float]:
    """Each row's held-out ``products[i]`` through a final map fitted without its fold (by default its
    document): on the other documents' products, each scored by models fitted without its inner
    fold (the other documents split ``inner_folds`` ways). Rows of weight 0 are scored, never fitted on.
    ``final_on="snapshot"`` fits the map on the snapshot rows alone (where there are any)."""
    if kind == "none":
        return list(products)
    out = list(products)
    for held in folds if folds is not None else [{d} for d in sorted({r.doc_id for r in rows})]:
        others = [r for r in rows if r.doc_id not in held and r.weight > 0]
        if not others:
            continue
        inner = out_of_fold_products(others, c, isotonic, _folds([r.doc_id for r in others], inner_folds))
        final = _stored(_final_of(others, inner, kind, final_on))
        for i, r in enumerate(rows):
            if r.doc_id in held:
                out[i] = final(products[i])
    return out


def held_out_scores(rows: Sequence[Row], c: float = DEFAULT_C, isotonic: bool = False, final: str = DEFAULT_FINAL,
                    folds: Sequence[set[str]] | None = None,
                    final_on: str = DEFAULT_FINAL_ON) -> dict[str, list[float]]:
    """Every row's scores by models fitted without its fold (by default its document, so all of a
    document's rows, current and snapshot, are held out together): each model's probability,
    ``product`` (the four models' product) and ``fact`` (the product through a nested final map)."""
    scores = {name: _held_out_scores(rows, name, c, isotonic, folds) for name in MODELS}
    product = [math.prod(scores[name][i] for name in MODELS) for i in range(len(rows))]
    fact = nested_final_scores(rows, product, final, c, isotonic, folds=folds, final_on=final_on)
    return {"fact": fact, **scores, "product": product}


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


def results(rows: Sequence[Row], scores: dict[str, list[float]], kind: str | None = None,
            group: str | None = None) -> dict[str, Metrics]:
    """The metrics of ``scores`` (:func:`held_out_scores`) on the rows of this kind and group (None: all)."""
    out = {}
    for name, values in scores.items():
        target = "fact" if name == "product" else name
        kept = [i for i, r in enumerate(rows) if r.labels.get(target) is not None
                and kind in (None, r.kind) and group in (None, r.group)]
        if kept:
            out[name] = metrics([bool(rows[i].labels[target]) for i in kept], [values[i] for i in kept])
    return out


# --- the report and the file -----------------------------------------------------------------


def table(results: dict[str, Metrics], bins: bool = True) -> str:
    """The held-out figures, one line per label, then the bins of the fact's confidence."""
    lines = [f"{'target':10}{'facts':>7}{'AUROC':>8}{'Brier':>8}{'ECE':>8}{'>=0.9 right':>13}{'n':>6}"]
    for name, m in results.items():
        lines.append(f"{name:10}{m.facts:7d}{m.auroc:8.3f}{m.brier:8.3f}{m.ece:8.3f}{m.high_right:13.3f}{m.high:6d}")
    fact = results.get("fact")
    if fact is not None and bins:
        lines.append("")
        lines.append("fact confidence bin   facts  mean conf  share right")
        for i, (count, mean, right) in enumerate(fact.bins):
            if count:
                lines.append(f"  [{i / BINS:.1f}, {(i + 1) / BINS:.1f}{']' if i == BINS - 1 else ')'}"
                             f"{count:12d}{mean:11.3f}{right:13.3f}")
    return "\n".join(lines)


def _fact_line(name: str, m: Metrics) -> str:
    return f"{name:34}{m.facts:6d}{m.auroc:8.3f}{m.brier:8.3f}{m.ece:8.3f}{m.high_right:13.3f}{m.high:6d}"


def snapshot_comparison(rows: Sequence[Row], lodo: dict[str, list[float]], c: float = DEFAULT_C,
                        isotonic: bool = False, final: str = DEFAULT_FINAL,
                        final_on: str = DEFAULT_FINAL_ON, folds: Sequence[set[str]] | None = None,
                        by_set: bool = True) -> str:
    """The fact's confidence on the snapshot rows, fitted on the current rows only against with the
    snapshots too: leave-one-document-out, then with ``by_set`` by set (each set's documents held out
    together, both kinds of rows: the honest estimate for text the rules never saw; with fifty sets
    it is nine tenths of a calibration run's fits)."""
    current_only = [Row(r.doc_id, r.features, r.labels, r.kind, r.group, 0.0 if r.kind == "snapshot" else r.weight)
                    for r in rows]
    sets = sorted({r.group for r in rows if r.kind == "snapshot"})
    set_folds = [{r.doc_id for r in rows if r.group == name} for name in sets]
    held = "LODO" if folds is None else f"{len(folds)}-fold"
    lines = [f"{'fact confidence on snapshot rows':34}{'facts':>6}{'AUROC':>8}{'Brier':>8}{'ECE':>8}"
             f"{'>=0.9 right':>13}{'n':>6}"]
    for label, variant, scores in (("current rows only", current_only, None), ("with snapshots", rows, lodo)):
        scores = scores or held_out_scores(variant, c, isotonic, final, folds=folds, final_on=final_on)
        lines.append(_fact_line(f"{held}, {label}", results(variant, scores, "snapshot")["fact"]))
    for label, variant in (("current rows only", current_only), ("with snapshots", rows)) if by_set else ():
        scores = held_out_scores(variant, c, isotonic, final, folds=set_folds, final_on=final_on)
        lines.append(_fact_line(f"by set, {label}", results(variant, scores, "snapshot")["fact"]))
        for name in sets:
            lines.append(_fact_line(f"  {name}", results(variant, scores, "snapshot", name)["fact"]))
    return "\n".join(lines)


def write_model(path: Path, models: dict[str, dict[str, Any]], report: str, *, documents: int,
                modes: Sequence[str], final: FinalMap = IDENTITY, snapshots: int = 0, folds: int | None = None) -> None:
    import yaml

    with_snapshots = f" and {snapshots} snapshot facts" if snapshots else ""
    header = [f"# Written by `extractor calibrate` on {dt.date.today().isoformat()} from {documents} gold documents"
              f"{with_snapshots}",
              f"# (mode: {', '.join(modes)}). Do not edit by hand: refit with `extractor calibrate`.",
              "# Applied by extractor/confidence.py: p = isotonic(logistic(intercept + sum(weight * feature)))",
              "# for each model; a fact's confidence is the product of the four (value, indicator, region,",
              "# period) through the final map (platt: logistic(a * logit(product) + b); isotonic: piecewise",
              "# linear through x, y; absent: the product itself), its slot confidence the last three models'",
              "# probabilities. Feature names are defined in extractor/features.py.",
              "#",
              ("# Leave-one-document-out (each document scored by models fitted on the others; `fact` through a"
               if folds is None else
               f"# {folds}-fold by document (each group of documents scored by models fitted on the others; `fact`"
               " through a"),
              "# final map fitted without the document, `product` before that map):", "#"]
    header += [f"#   {line}".rstrip() for line in report.splitlines()]
    data: dict[str, Any] = {"modes": list(modes), "documents": documents}
    if (stored := final.to_dict()) is not None:
        data["final"] = stored
    data["models"] = models
    body = yaml.safe_dump(data, sort_keys=False, default_flow_style=None, width=120)
    path.write_text("\n".join(header) + "\n" + body, encoding="utf-8")


def calibrate(root: Path, output: Path | None = None, *, modes: Sequence[str] = ("fast",), c: float = DEFAULT_C,
              text_dirs: Sequence[Path] = (), isotonic: bool = False, final: str = DEFAULT_FINAL,
              final_on: str = DEFAULT_FINAL_ON, snapshots: bool = True, folds: int | None = None,
              by_set: bool = False) -> str:
    """Fit on every gold document under ``root`` (and the snapshots of unseen predictions beside them,
    unless ``snapshots`` is false), write the model file, return the held-out report. ``folds``: hold
    out the documents in that many groups instead of one at a time (the held-out figures in a fraction
    of the time: the nested figures fit 20 models per held-out group). ``by_set``: also hold out each
    gold set in turn and report the snapshot rows set by set (six times the fits)."""
    _sklearn()  # fail before the slow part when the extra is missing
    if folds is not None and folds < 2:
        raise ValueError(f"folds: expected at least 2, got {folds}")
    docs = load_gold(root, text_dirs)
    if len({d.doc_id for d in docs}) < 2:
        raise ValueError(f"{root}: calibration needs at least two gold documents, found {len(docs)}")
    if final not in (*FINAL_KINDS, "none"):
        raise ValueError(f"final map: expected one of {[*FINAL_KINDS, 'none']}, got {final!r}")
    if final_on not in FINAL_ON:
        raise ValueError(f"final map fitted on: expected one of {list(FINAL_ON)}, got {final_on!r}")
    rows = build_rows(docs, modes, root) + (snapshot_rows(docs, root) if snapshots else [])
    groups = _folds([r.doc_id for r in rows], folds) if folds else None
    lodo = held_out_scores(rows, c, isotonic, final, folds=groups, final_on=final_on)  # each document held out
    current = sum(r.kind == "current" for r in rows)
    snapshot = len(rows) - current
    report = table(results(rows, lodo, "current"))
    if snapshot:
        documents = len({r.doc_id for r in rows if r.kind == "snapshot"})
        report = (f"current rules' rows ({current} facts of {len(docs)} documents):\n{report}\n\n"
                  f"snapshot rows ({snapshot} facts of {documents} documents, predicted before the rules were "
                  f"tuned on them):\n{table(results(rows, lodo, 'snapshot'))}\n\n"
                  + snapshot_comparison(rows, lodo, c, isotonic, final, final_on, groups, by_set))
    models = {name: fit_target(rows, name, c, isotonic) for name in MODELS}
    write_model(output or patterns_dir() / MODEL_FILE, models, report, documents=len(docs), modes=modes,
                final=_final_of(rows, lodo["product"], final, final_on), snapshots=snapshot, folds=folds)
    return report


__all__ = ["FINAL_ON", "SNAPSHOT_FILE", "GoldDocument", "Row", "build_rows", "calibrate", "fit_final", "fit_target",
           "held_out_scores", "leave_one_document_out", "load_gold", "nested_final_scores", "out_of_fold_products",
           "read_snapshot", "results", "snapshot_comparison", "snapshot_rows", "table", "write_model"]
