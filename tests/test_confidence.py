"""Issue 10: features, the fitted model applied with plain arithmetic, its file, calibrate, --plot."""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from extractor import extract
from extractor.confidence import MODEL_FILE, FinalMap, LogisticModel, load_final, load_models, scores
from extractor.errors import PatternError
from extractor.features import evidence_features
from extractor.reliability import auroc, metrics
from extractor.resources import patterns_dir
from extractor.types import Fact, Value

from .conftest import ROOT
from .helpers import hide_module

pytestmark = pytest.mark.issue(10)


def make(value=("20,7%", 30, 35, 20.7, "percent"), measure="change", direction="decrease", indicator=None,
         region=None, period=None, evidence=(), extractor="rule:change") -> Fact:
    return Fact("d", Value(*value), measure, direction, indicator, region, period, None,
                extractor=extractor, evidence=evidence)


# --- features ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("evidence", "expected"), [
    ((), {}),
    (("unit_stated", "direction_cue"), {"ev:unit_stated": 1.0, "ev:direction_cue": 1.0}),
    (("table", "region_table_row", "period_table_column"),
     {"ev:table": 1.0, "ev:region_table_row": 1.0, "ev:period_table_column": 1.0}),
])
def test_evidence_features(evidence, expected):
    assert evidence_features(evidence) == expected


@pytest.mark.parametrize(("text", "value", "name"), [
    # how each slot was found is recorded by the linking stage that found it
    ("In 2024 the unemployment rate in Kazakhstan was 4.7%.", "4.7%", "indicator_sentence"),
    ("The population of Almaty grew by 2.1% in 2024, faster than the population of Astana.", "2.1%",
     "region_contested"),
    ("In 2024 the population of Almaty grew by 2.1% compared with 2023, and in 2025 by 1.8%.", "2.1%",
     "region_sentence"),
    ("Births rose by 3% while deaths fell in Kazakhstan in 2024.", "3%", "indicator_contested"),
    ("In January 2024 exports rose by 3%, and in February 2024 imports fell.", "3%", "period_contested"),
])
def test_linking_records_how_and_against_what(text, value, name):
    fact = next(f for f in extract(text) if f.value.text == value)
    assert name in fact.evidence


# --- applying the model ---------------------------------------------------------------------------


@pytest.mark.parametrize(("intercept", "weights", "iso", "features", "expected"), [
    (0.0, {}, None, {}, 0.5),
    (math.log(3), {}, None, {}, 0.75),
    (-1.0, {"a": 2.0, "b": -0.5}, None, {"a": 1.0, "b": 2.0}, 0.5),  # -1 + 2 - 1 = 0
    (0.0, {"a": 1.0}, None, {"a": 1.0, "unknown": 5.0}, 1 / (1 + math.exp(-1))),  # unknown features weigh nothing
    (-800.0, {}, None, {}, 0.0),  # no overflow far out
    (800.0, {}, None, {}, 1.0),
    (0.0, {}, ((0.2, 0.8), (0.1, 0.9)), {}, 0.5),  # halfway between two breakpoints: linear
    (math.log(3), {}, ((0.5, 1.0), (0.4, 0.6)), {}, 0.5),  # 0.75 is halfway from 0.5 to 1.0
    (-5.0, {}, ((0.2, 0.8), (0.1, 0.9)), {}, 0.1),  # below the first breakpoint: flat
    (5.0, {}, ((0.2, 0.8), (0.1, 0.9)), {}, 0.9),  # above the last: flat
])
def test_model_applies_coefficients(intercept, weights, iso, features, expected):
    xs, ys = iso or ((), ())
    assert LogisticModel(intercept, weights, xs, ys).probability(features) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(("final", "p", "expected"), [
    (FinalMap(), 0.37, 0.37),  # no final map: the product is the confidence
    (FinalMap("platt", a=1.0, b=0.0), 0.37, 0.37),
    (FinalMap("platt", a=2.0, b=0.0), 0.75, 0.9),  # odds 3 to 1, squared
    (FinalMap("platt", a=1.0, b=math.log(3)), 0.5, 0.75),  # odds 1 to 1, times 3
    (FinalMap("platt", a=0.0, b=0.0), 0.99, 0.5),  # flat
    (FinalMap("platt", a=1.0, b=0.0), 1.0, 1.0),  # a product of exactly 1 (a model far out): no division by zero
    (FinalMap("platt", a=1.0, b=0.0), 0.0, 0.0),
    (FinalMap("isotonic", x=(0.2, 0.8), y=(0.1, 0.9)), 0.5, 0.5),
    (FinalMap("isotonic", x=(0.2, 0.8), y=(0.1, 0.9)), 0.05, 0.1),
    (FinalMap("isotonic", x=(0.2, 0.8), y=(0.1, 0.9)), 0.95, 0.9),
    (FinalMap("isotonic", x=(0.5,), y=(0.7,)), 0.1, 0.7),
])
def test_final_map(final, p, expected):
    assert final(p) == pytest.approx(expected, abs=1e-9)


def test_extract_gives_confidence_and_slot_confidence_in_range():
    text = "In January-June 2024 the number of arrivals in Kazakhstan amounted 14256 to people."
    [fact] = extract(text)
    assert 0.0 <= fact.confidence <= 1.0
    assert [name for name, _ in fact.slot_confidence] == ["indicator", "region", "period"]
    assert all(0.0 <= p <= 1.0 for _, p in fact.slot_confidence)
    assert fact.to_dict()["slot_confidence"] == {k: round(p, 4) for k, p in fact.slot_confidence}


def test_scores_apply_all_four_models_to_the_evidence():
    models, final = load_models(), load_final()
    assert final.kind == "platt"  # what the shipped file holds (extractor calibrate's default)
    evidence = ("indicator_adjacent", "unit_stated", "region_home", "period_frame")
    confidence, slots = scores(evidence)
    features = evidence_features(evidence)
    # a fact is right when its value and each slot are: the confidence is the four models' product,
    # through the final map; the slot confidences are the slot models' own probabilities
    product = math.prod(m.probability(features) for m in models.values())
    assert confidence == pytest.approx(final(product), abs=1e-12)
    assert slots == tuple((name, pytest.approx(models[name].probability(features), abs=1e-12))
                          for name in ("indicator", "region", "period"))


@pytest.mark.parametrize(("text", "value", "name"), [
    # the risky ways a slot was filled (extractor/risk.py)
    ("In 2023, 26,000 births were registered on 1 January 2024.", "26,000",
     "period_kind_disagrees"),  # a flow at a point in time
    # (a per-N figure of a key without a rate of its own: the population's is its growth rate, not a risk)
    ("In 2024, the number of employed in Latvia declined by -7.3 per 1 000 residents.", "-7.3",
     "measure_kind_disagrees"),
    ("In 2024, 1.06million visitors came to Tasmania.", "1.06million", "region_home_place_named"),
    ("In 2024, visitors to Tasmania were down 5.2%on the year before.", "5.2%", "number_glued"),
    ("In 2024, 1.06millionvisitors came to Tasmania.", "1.06million", "number_glued"),
])
def test_risk_evidence(text, value, name):
    fact = next(f for f in extract(text) if f.value.text == value)
    assert name in fact.evidence


def test_a_model_file_without_final_map_keeps_the_product(tmp_path):
    data = _good()
    del data["final"]
    (tmp_path / MODEL_FILE).write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_final(tmp_path) == FinalMap()
    evidence = ("indicator_adjacent", "unit_stated", "region_home", "period_frame")
    features = evidence_features(evidence)
    confidence, slots = scores(evidence, tmp_path)
    assert confidence == pytest.approx(math.prod(m.probability(features) for m in load_models(tmp_path).values()))
    assert slots == scores(evidence)[1]  # the final map leaves the slot confidences alone


def test_more_risk_lowers_the_confidence():
    plain = ("indicator_adjacent", "unit_stated", "region_home", "period_sentence")
    assert scores((*plain, "period_kind_disagrees"))[0] < scores(plain)[0]
    assert scores((*plain, "number_small_bare", "value_late"))[0] < scores(plain)[0]


def test_facts_built_alike_are_scored_alike():
    a, b = extract("In 2024 births in Kazakhstan rose by 3.1%. In 2024 deaths in Kazakhstan rose by 2.4%.")
    assert a.evidence == b.evidence and (a.confidence, a.slot_confidence) == (b.confidence, b.slot_confidence)


def test_extract_imports_no_scikit_learn():
    code = ("import sys; from extractor import extract; extract('In 2024 unemployment fell by 0.3%.'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'matplotlib', 'scipy')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- the file ---------------------------------------------------------------------------------


def test_the_shipped_model_loads_with_every_target():
    models = load_models()
    assert set(models) == {"value", "indicator", "region", "period"}
    assert any(m.weights for m in models.values())


def _good() -> dict:
    return yaml.safe_load((patterns_dir() / MODEL_FILE).read_text(encoding="utf-8"))


def _edit(data: dict, path: tuple, value) -> dict:
    here = data
    for key in path[:-1]:
        here = here[key]
    if value is _DELETE:
        del here[path[-1]]
    else:
        here[path[-1]] = value
    return data


_DELETE = object()


@pytest.mark.parametrize(("path", "value", "message"), [
    (("models",), _DELETE, "expected a mapping with 'models'"),
    (("models", "region"), _DELETE, "missing ['region']"),
    (("models", "value", "intercept"), _DELETE, "models.value: missing ['intercept']"),
    (("models", "value", "intercept"), "high", "models.value.intercept: expected a number"),
    (("models", "value", "intercept"), True, "models.value.intercept: expected a number"),
    (("models", "period", "weights"), [1, 2], "models.period.weights: expected a mapping"),
    (("models", "period", "weights"), {"ev:table": "much"}, "models.period.weights.ev:table: expected a number"),
    (("models", "value", "isotonic"), {"x": [0.1, 0.5], "y": [0.3]}, "differ in length"),
    (("models", "value", "isotonic"), {"x": [0.5, 0.1], "y": [0.1, 0.3]}, "must be sorted"),
    (("models", "value", "isotonic"), {"x": [0.1, 0.5], "y": [0.3, 1.5]}, "must lie in [0, 1]"),
    (("models", "value", "isotonic"), {"x": "0.1", "y": [0.3]}, "expected a list of numbers"),
    (("models", "region"), "fitted", "models.region: expected a mapping"),
    (("final",), "platt", "final: expected a mapping with 'kind'"),
    (("final",), {"kind": "beta", "a": 1, "b": 0}, "final.kind: expected one of ['platt', 'isotonic']"),
    (("final",), {"a": 1, "b": 0}, "final.kind: expected one of"),
    (("final",), {"kind": "platt", "b": 0.3}, "final: missing ['a']"),
    (("final",), {"kind": "platt", "a": 0.9, "b": "up"}, "final.b: expected a number"),
    (("final",), {"kind": "platt", "a": float("nan"), "b": 0.3}, "final.a: expected a number"),
    (("final",), {"kind": "platt", "a": -0.9, "b": 0.3}, "final.a: must not be negative"),
    (("final",), {"kind": "isotonic", "x": [0.1]}, "final: missing ['y']"),
    (("final",), {"kind": "isotonic", "x": [], "y": []}, "needs at least one breakpoint"),
    (("final",), {"kind": "isotonic", "x": [0.5, 0.1], "y": [0.1, 0.3]}, "final: breakpoints must be sorted"),
    (("final",), {"kind": "isotonic", "x": [0.1, 0.5], "y": [0.3]}, "final: x and y differ in length"),
    (("final",), {"kind": "isotonic", "x": [0.1, 0.5], "y": [0.3, 1.5]}, "final.y: probabilities must lie in [0, 1]"),
    (("final",), {"kind": "isotonic", "x": "0.1", "y": [0.3]}, "final.x: expected a list of numbers"),
])
def test_malformed_model_file_names_itself(tmp_path, path, value, message):
    (tmp_path / MODEL_FILE).write_text(yaml.safe_dump(_edit(_good(), path, value)), encoding="utf-8")
    with pytest.raises(PatternError, match=MODEL_FILE) as caught:
        load_models(tmp_path)
    assert message in str(caught.value)


def test_model_file_that_is_not_yaml(tmp_path):
    (tmp_path / MODEL_FILE).write_text("models: [unclosed\n", encoding="utf-8")
    with pytest.raises(PatternError, match=MODEL_FILE):
        load_models(tmp_path)


def test_a_broken_model_file_stops_the_extractor_at_load(tmp_path):
    from extractor import Extractor

    target = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), target)
    (target / MODEL_FILE).write_text("models: {value: {intercept: 0}}\n", encoding="utf-8")
    with pytest.raises(PatternError, match=MODEL_FILE):
        Extractor(patterns_dir=target).extract("In 2024 unemployment fell by 0.3%.")


# --- metrics -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("labels", "scores", "expected"), [
    ([True, False], [0.9, 0.1], 1.0),
    ([True, False], [0.1, 0.9], 0.0),
    ([True, False], [0.5, 0.5], 0.5),
    ([True, True, False, False], [0.9, 0.4, 0.5, 0.1], 0.75),
])
def test_auroc(labels, scores, expected):
    assert auroc(labels, scores) == pytest.approx(expected)


def test_metrics_ece_brier_and_the_high_bin():
    m = metrics([True, True, False, True], [0.95, 0.95, 0.95, 0.15])
    assert m.brier == pytest.approx((0.05**2 * 2 + 0.95**2 + 0.85**2) / 4)
    # bin [0.9, 1]: 3 facts at 0.95, 2/3 right; bin [0.1, 0.2): 1 fact at 0.15, right
    assert m.ece == pytest.approx(3 / 4 * abs(0.95 - 2 / 3) + 1 / 4 * abs(0.15 - 1))
    assert (m.high, m.high_right) == (3, pytest.approx(2 / 3))
    assert m.bins[9][0] == 3 and m.bins[1][0] == 1


# --- calibrate ---------------------------------------------------------------------------------------

TINY = ["east_kz_bns_population_apr_2024", "east_kz_interfax_kostanay_9m_2018", "kz_births_2024"]  # some facts wrong


@pytest.fixture(scope="module")
def tiny_gold(tmp_path_factory):
    """Three gold documents (one the seeds' way: its text in a separate folder)."""
    root = tmp_path_factory.mktemp("gold")
    for stem in TINY:
        for folder in (ROOT / "tests" / "fixtures" / "world", ROOT / "tests" / "fixtures" / "extra"):
            if (folder / f"{stem}.json").exists():
                shutil.copy(folder / f"{stem}.json", root / f"{stem}.json")
                shutil.copy(folder / f"{stem}.txt", root / f"{stem}.txt")
    seeds = root / "texts"
    seeds.mkdir()
    seed = ROOT / "tests" / "fixtures" / "001_809f0eeb125bfbb9.json"
    (root / "seed").mkdir()
    shutil.copy(seed, root / "seed" / seed.name)
    shutil.copy(ROOT / "seeds" / "001_809f0eeb125bfbb9.txt", seeds / "001_809f0eeb125bfbb9.txt")
    return root


def test_calibrate_writes_a_file_that_loads(tiny_gold, tmp_path):
    pytest.importorskip("sklearn")
    from extractor.calibrate import calibrate

    out = tmp_path / MODEL_FILE
    report = calibrate(tiny_gold, out, text_dirs=[tiny_gold / "texts"], isotonic=True)
    assert report.splitlines()[0].split() == ["target", "facts", "AUROC", "Brier", "ECE", ">=0.9", "right", "n"]
    assert [line.split()[0] for line in report.splitlines()[1:7]] == [
        "fact", "value", "indicator", "region", "period", "product"]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Written by `extractor calibrate` on ")
    assert "from 4 gold documents" in text and "Leave-one-document-out" in text
    models = load_models(tmp_path)
    # fitted, not empty (a model whose target is right on every fact of these four is its intercept alone)
    assert any(model.weights for model in models.values())
    assert all(list(model.iso_x) == sorted(model.iso_x) for model in models.values())
    assert load_final(tmp_path).kind == "platt"


def test_calibrate_in_folds_says_so_and_refuses_one_fold(tiny_gold, tmp_path):
    pytest.importorskip("sklearn")
    from extractor.calibrate import calibrate

    out = tmp_path / MODEL_FILE
    calibrate(tiny_gold, out, text_dirs=[tiny_gold / "texts"], folds=2)
    text = out.read_text(encoding="utf-8")
    assert "# 2-fold by document" in text and "Leave-one-document-out" not in text
    assert any(model.weights for model in load_models(tmp_path).values())
    with pytest.raises(ValueError, match="folds"):
        calibrate(tiny_gold, out, text_dirs=[tiny_gold / "texts"], folds=1)


@pytest.mark.parametrize(("final", "kind"), [("isotonic", "isotonic"), ("none", "identity")])
def test_calibrate_final_map_kinds(tiny_gold, tmp_path, final, kind):
    pytest.importorskip("sklearn")
    from extractor.calibrate import calibrate

    out = tmp_path / MODEL_FILE
    calibrate(tiny_gold, out, text_dirs=[tiny_gold / "texts"], final=final)
    assert load_final(tmp_path).kind == kind
    assert ("final:" in out.read_text(encoding="utf-8")) == (final != "none")
    with pytest.raises(ValueError, match="final map"):
        calibrate(tiny_gold, out, text_dirs=[tiny_gold / "texts"], final="beta")


def _rows(seed: int = 7, docs: int = 6, per_doc: int = 40):
    """Synthetic rows: a risky feature makes every label likelier wrong."""
    import random

    from extractor.calibrate import Row

    rng = random.Random(seed)
    rows = []
    for d in range(docs):
        for _ in range(per_doc):
            risky = rng.random() < 0.3
            labels = {name: rng.random() > (0.3 if risky else 0.05)
                      for name in ("value", "indicator", "region", "period")}
            labels["fact"] = all(labels.values())
            rows.append(Row(f"d{d}", {"ev:risky": 1.0} if risky else {}, labels))
    return rows


def test_fit_final_recovers_a_platt_map():
    pytest.importorskip("sklearn")
    import random

    from extractor.calibrate import fit_final

    rng = random.Random(1)
    truth = FinalMap("platt", a=0.8, b=0.5)
    products = [rng.uniform(0.3, 0.999) for _ in range(20000)]
    labels = [rng.random() < truth(p) for p in products]
    fitted = fit_final(products, labels, "platt")
    assert (fitted.a, fitted.b) == (pytest.approx(0.8, abs=0.1), pytest.approx(0.5, abs=0.15))
    iso = fit_final(products, labels, "isotonic")
    assert iso.kind == "isotonic" and list(iso.x) == sorted(iso.x) and list(iso.y) == sorted(iso.y)
    assert iso(0.95) == pytest.approx(truth(0.95), abs=0.05)
    assert fit_final(products, [True] * len(products), "platt") == FinalMap()  # one class: nothing to fit
    assert fit_final(products, labels, "none") == FinalMap()


def test_nested_final_map_never_sees_the_held_out_document():
    pytest.importorskip("sklearn")
    from extractor.calibrate import leave_one_document_out

    rows = _rows()
    labels, scores_before = leave_one_document_out(rows, "fact")
    assert len(scores_before) == len(rows) and 0 < sum(labels) < len(labels)
    # turn every label of one document around: its own scores cannot move, the others' do
    for r in rows:
        if r.doc_id == "d0":
            r.labels = {k: not v for k, v in r.labels.items()}
    _, scores_after = leave_one_document_out(rows, "fact")
    held = [i for i, r in enumerate(rows) if r.doc_id == "d0"]
    assert [scores_after[i] for i in held] == [scores_before[i] for i in held]
    assert scores_after != scores_before
    # product: the bare product, before the final map
    _, product = leave_one_document_out(rows, "product")
    _, bare = leave_one_document_out(rows, "fact", final="none")
    assert product == bare


def test_calibrate_names_a_gold_file_without_text(tiny_gold, tmp_path):
    pytest.importorskip("sklearn")
    from extractor.calibrate import calibrate

    with pytest.raises(FileNotFoundError, match="001_809f0eeb125bfbb9"):
        calibrate(tiny_gold, tmp_path / MODEL_FILE)


def test_calibrate_without_scikit_learn_says_what_to_install(monkeypatch, tiny_gold, tmp_path):
    from extractor.calibrate import calibrate

    hide_module(monkeypatch, "sklearn")
    with pytest.raises(ImportError, match=r"extractor\[calibrate\]"):
        calibrate(tiny_gold, tmp_path / MODEL_FILE)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True, cwd=ROOT)


def test_cli_calibrate(tiny_gold, tmp_path):
    pytest.importorskip("sklearn")
    out = tmp_path / "model.yaml"
    done = run("calibrate", str(tiny_gold), "-o", str(out), "--texts", str(tiny_gold / "texts"))
    assert done.returncode == 0, done.stderr
    assert "AUROC" in done.stdout and out.exists()
    assert run("calibrate", str(tmp_path / "missing")).returncode == 2


# --- the reliability diagram -----------------------------------------------------------------------


def test_cli_evaluate_plot(tmp_path):
    pytest.importorskip("matplotlib")
    facts, png = tmp_path / "facts.jsonl", tmp_path / "reliability.png"
    assert run("extract", "seeds", "-o", str(facts)).returncode == 0
    done = run("evaluate", "tests/fixtures", str(facts), "--plot", str(png))
    assert done.returncode == 0, done.stderr
    assert "reliability diagram:" in done.stdout
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # axes, bars and labels, not an empty canvas


def test_plot_without_matplotlib_says_what_to_install(monkeypatch, tmp_path):
    from extractor.reliability import plot_reliability

    hide_module(monkeypatch, "matplotlib")
    with pytest.raises(ImportError, match=r"extractor\[plot\]"):
        plot_reliability([True], [0.9], tmp_path / "r.png")


# --- snapshots of unseen predictions (calibrate learns from them too) --------------------------------


def test_fact_features_read_the_same_from_a_fact_and_from_its_line():
    from extractor.confidence import indicator_kinds
    from extractor.features import fact_features

    kinds = indicator_kinds()
    text = (ROOT / "tests" / "fixtures" / "world4" / "pl_gus_unemployment_mar_2019.txt").read_text(encoding="utf-8")
    facts = extract(text)
    assert facts
    for fact in facts:
        line = fact.to_dict() | {"evidence": list(fact.evidence)}
        features = fact_features(fact, kinds)
        assert fact_features(line, kinds) == features
        assert {n for n in features if n.startswith("ev:")} == {f"ev:{n}" for n in fact.evidence}
        assert any(n.startswith("fact:measure_") for n in features)
        assert fact_features(fact) == evidence_features(fact.evidence)  # no kinds: the evidence alone


def test_extract_scores_the_fields_as_with_scores_reads_them():
    """The assembler computes a fact's field names from its parts; with_scores (and calibrate) from the
    finished fact: both must give the same confidence."""
    from extractor.confidence import with_scores

    for name in ("pl_gus_unemployment_mar_2019", "us_census_state_pop_2017", "kz_bns_industry_jan_aug_2024"):
        text = (ROOT / "tests" / "fixtures" / "world4" / f"{name}.txt").read_text(encoding="utf-8")
        for fact in extract(text):
            again = with_scores(fact)
            assert (again.confidence, again.slot_confidence) == (fact.confidence, fact.slot_confidence)


@pytest.mark.parametrize(("args", "expected"), [
    ((200, "USD", "level", "money", 150, "gdp", 10, "US", 0, False, True),
     {"unit_code", "measure_unit_level_code", "kind_money", "indicator_before_near", "region_before_far",
      "period_before_far", "breakdown_stated"}),
    ((5, "count", "level", None, None, None, None, None, None, False, False),
     {"unit_count", "kind_None", "indicator_missing", "region_missing", "period_missing"}),
    ((5, "percent", "change", "index", 20, None, 700, None, 30, True, False),
     {"measure_change", "indicator_key_none", "indicator_after_adjacent", "region_code_none", "region_after_beyond",
      "period_after_adjacent", "reference_stated"}),
])
def test_field_names(args, expected):
    from extractor.features import field_names

    assert expected <= set(field_names(*args))


def _snapshot_line(doc_id: str, fact) -> str:
    import json

    return json.dumps({**fact.to_dict(), "doc_id": doc_id, "evidence": list(fact.evidence)})


@pytest.fixture
def gold_with_snapshot(tmp_path):
    """Two world4 documents and a snapshot of today's facts beside them (the first fact of each made wrong)."""
    import json

    folder = tmp_path / "set"
    folder.mkdir()
    lines = ['{"snapshot": {"commit": "abc", "mode": "fast", "date": "2026-01-01"}}']
    for stem in ("pl_gus_unemployment_mar_2019", "cz_czso_gdp_flash_q2_2016"):
        for suffix in (".json", ".txt"):
            shutil.copy(ROOT / "tests" / "fixtures" / "world4" / f"{stem}{suffix}", folder / f"{stem}{suffix}")
        facts = extract((folder / f"{stem}.txt").read_text(encoding="utf-8"))
        for i, fact in enumerate(facts):
            line = json.loads(_snapshot_line(stem, fact))
            if i == 0:
                line["measure"] = "rate"  # never the gold's measure here
            lines.append(json.dumps(line))
    (folder / "unseen_predictions.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_snapshot_rows_take_features_from_the_evidence_and_labels_from_the_gold(gold_with_snapshot):
    from extractor.calibrate import build_rows, load_gold, read_snapshot, snapshot_rows

    folder = gold_with_snapshot / "set"
    header, facts = read_snapshot(folder / "unseen_predictions.jsonl")
    assert header["commit"] == "abc" and facts and all("evidence" in f for f in facts)
    docs = load_gold(gold_with_snapshot)
    rows = snapshot_rows(docs, gold_with_snapshot)
    current = build_rows(docs, root=gold_with_snapshot)
    assert {r.kind for r in rows} == {"snapshot"} and {r.group for r in rows} == {"set"}
    assert {r.kind for r in current} == {"current"}
    # the same facts as today's, but the first of each document wrong: its value label flips
    assert len(rows) == len(current)
    flipped = [(a.doc_id, a.labels["value"], b.labels["value"]) for a, b in zip(rows, current, strict=True)
               if a.labels["value"] != b.labels["value"]]
    assert len(flipped) == 2 and all(not snap and now for _, snap, now in flipped)
    assert [r.features for r in rows if r.labels["value"]] == [
        r.features for r, s in zip(current, rows, strict=True) if s.labels["value"]]
    assert all(any(n.startswith("ev:") for n in r.features) for r in rows)


def test_a_gold_set_without_snapshot_gives_no_snapshot_rows(tiny_gold):
    from extractor.calibrate import load_gold, snapshot_rows

    assert snapshot_rows(load_gold(tiny_gold, [tiny_gold / "texts"]), tiny_gold) == []


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", ":2: not JSON"),
    ("[1, 2]", ":2: expected a JSON object"),
    ('{"snapshot": {"commit": "x"}}', ":2: the snapshot header must come first"),
    ('{"doc_id": "pl_gus_unemployment_mar_2019", "value": {"start": 0, "end": 1, "number": 1}}', ":2: evidence:"),
    ('{"doc_id": "pl_gus_unemployment_mar_2019", "value": {"start": "0", "end": 1, "number": 1}, "evidence": []}',
     ":2: value.start: expected an integer"),
    ('{"doc_id": "pl_gus_unemployment_mar_2019", "value": {"start": 0, "end": 1, "number": "1"}, "evidence": []}',
     ":2: value.number: expected a number"),
    ('{"value": {"start": 0, "end": 1, "number": 1}, "evidence": []}', ":2: expected a fact with a string doc_id"),
    ('{"doc_id": "nowhere", "value": {"text": "x", "start": 0, "end": 1, "number": 1}, "evidence": []}',
     "no gold file beside it: nowhere"),
    ('{"doc_id": "pl_gus_unemployment_mar_2019", "value": {"text": "934.6", "start": 0, "end": 5, "number": 934.6},'
     ' "evidence": []}', "taken on another version of it?"),
])
def test_malformed_snapshot_names_its_file(gold_with_snapshot, line, message):
    from extractor.calibrate import load_gold, snapshot_rows

    path = gold_with_snapshot / "set" / "unseen_predictions.jsonl"
    head = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(f"{head}\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unseen_predictions.jsonl") as caught:
        snapshot_rows(load_gold(gold_with_snapshot), gold_with_snapshot)
    assert message in str(caught.value)


def test_calibrate_learns_from_snapshots_and_reports_them_apart(gold_with_snapshot, tmp_path):
    pytest.importorskip("sklearn")
    from extractor.calibrate import calibrate

    out = tmp_path / MODEL_FILE
    report = calibrate(gold_with_snapshot, out, by_set=True)
    assert "current rules' rows" in report and "snapshot rows (" in report
    assert "LODO, current rows only" in report and "by set, with snapshots" in report
    assert "by set" not in calibrate(gold_with_snapshot, out)
    assert "snapshot facts" in out.read_text(encoding="utf-8").splitlines()[0]
    plain = calibrate(gold_with_snapshot, out, snapshots=False)
    assert "snapshot rows" not in plain
    with pytest.raises(ValueError, match="final map fitted on"):
        calibrate(gold_with_snapshot, out, final_on="gold")


def test_leave_one_document_out_holds_both_kinds_of_rows_out_together():
    pytest.importorskip("sklearn")
    from extractor.calibrate import Row, held_out_scores

    rows = _rows()
    snapshot = [Row(r.doc_id, r.features, dict(r.labels), "snapshot", "s") for r in rows]
    before = held_out_scores(rows + snapshot)["value"]
    # turn every label of one document's snapshot rows around: none of that document's scores move
    for r in snapshot:
        if r.doc_id == "d0":
            r.labels = {k: not v for k, v in r.labels.items()}
    after = held_out_scores(rows + snapshot)["value"]
    both = rows + snapshot
    assert [a for a, r in zip(after, both, strict=True) if r.doc_id == "d0"] == [
        b for b, r in zip(before, both, strict=True) if r.doc_id == "d0"]
    assert after != before


def test_cli_extract_with_evidence_and_the_snapshot_script(tmp_path):
    import json

    facts = tmp_path / "facts.jsonl"
    assert run("extract", "tests/fixtures/world4/pl_gus_unemployment_mar_2019.txt", "--with-evidence",
               "-o", str(facts)).returncode == 0
    lines = [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines()]
    assert lines and all(isinstance(line["evidence"], list) for line in lines)
    assert run("extract", "seeds", "--with-evidence", "--format", "csv").returncode == 2
    folder = tmp_path / "set"
    folder.mkdir()
    for suffix in (".json", ".txt"):
        shutil.copy(ROOT / "tests" / "fixtures" / "world4" / f"pl_gus_unemployment_mar_2019{suffix}", folder)
    script = [sys.executable, str(ROOT / "tests" / "fixtures" / "_snapshot.py"), str(folder)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's extractor, as the snapshot records it
    done = subprocess.run(script, capture_output=True, text=True, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    assert f"code {ROOT}" in done.stderr
    written = (folder / "unseen_predictions.jsonl").read_text(encoding="utf-8").splitlines()
    header = json.loads(written[0])["snapshot"]
    assert header["mode"] == "fast" and header["documents"] == 1 and header["facts"] == len(written) - 1
    assert [json.loads(line)["evidence"] for line in written[1:]] == [line["evidence"] for line in lines]
    again = subprocess.run(script, capture_output=True, text=True, cwd=ROOT, env=env)
    assert again.returncode != 0 and "exists" in again.stderr  # taken once, before tuning
