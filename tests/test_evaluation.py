"""Scoring as FACTS.md says: matching, optional gold, attributes, calibration."""

from __future__ import annotations

import copy

import pytest

from extractor import evaluate


def fact(start, number, *, text=None, doc="d", optional=False, **extra):
    text = text or str(number)
    f = {"doc_id": doc, "value": {"text": text, "start": start, "end": start + len(text), "number": number,
                                  "unit": "person", "qualifier": None},
         "measure": "level", "direction": None,
         "indicator": {"text": "arrivals", "start": 100, "end": 108, "key": "immigration"},
         "region": {"text": "Kazakhstan", "start": 0, "end": 10, "code": "KZ", "name": "Kazakhstan"},
         "period": {"text": "2024", "start": 20, "end": 24, "from": "2024-01-01", "to": "2024-12-31"},
         "reference_period": None, "breakdown": {}}
    if optional:
        f["optional"] = True
    f.update(extra)
    return f


def test_evaluation_perfect_prediction():
    gold = [fact(30, 100), fact(50, 200)]
    result = evaluate(gold, [dict(g, confidence=0.9) for g in gold])
    assert (result.value.f1, result.fact.f1) == (1.0, 1.0)
    assert all(v == 1.0 for v in result.attributes.values())


def test_evaluation_numbers_must_agree_and_spans_overlap():
    gold = [fact(30, 100)]
    assert evaluate(gold, [fact(30, 101)]).value.true_positives == 0
    assert evaluate(gold, [fact(40, 100)]).value.true_positives == 0
    shifted = fact(29, 100, text="x100")
    assert evaluate(gold, [shifted]).value.true_positives == 1


def test_evaluation_optional_gold_is_neither_required_nor_penalised():
    gold = [fact(30, 100), fact(50, 11, optional=True)]
    assert evaluate(gold, [fact(30, 100)]).value.recall == 1.0
    result = evaluate(gold, [fact(30, 100), fact(50, 11)])
    assert (result.value.precision, result.value.predicted) == (1.0, 1)


def test_evaluation_wrong_attribute_counts_for_value_not_fact():
    gold = [fact(30, 100)]
    pred = copy.deepcopy(gold[0])
    pred["region"]["code"] = "RU"
    result = evaluate(gold, [pred])
    assert result.value.f1 == 1.0 and result.fact.f1 == 0.0
    assert result.attributes["region"] == 0.0


def test_evaluation_indicator_agrees_by_overlap_or_key():
    gold = [fact(30, 100)]
    pred = copy.deepcopy(gold[0])
    pred["indicator"] = {"text": "emigrants", "start": 200, "end": 209, "key": "immigration"}
    assert evaluate(gold, [pred]).attributes["indicator"] == 1.0
    pred["indicator"]["key"] = "emigration"
    assert evaluate(gold, [pred]).attributes["indicator"] == 0.0


def test_evaluation_each_gold_matches_once():
    gold = [fact(30, 100)]
    result = evaluate(gold, [fact(30, 100), fact(30, 100)])
    assert (result.value.true_positives, result.value.predicted) == (1, 2)


@pytest.mark.parametrize(("confidence", "bin_low"), [(0.95, 0.9), (0.55, 0.5), (0.1, 0.0), (1.0, 0.9)])
def test_evaluation_calibration_bins(confidence, bin_low):
    result = evaluate([fact(30, 100)], [dict(fact(30, 100), confidence=confidence)])
    [b] = [b for b in result.calibration if b.count]
    assert b.low == bin_low and b.precision == 1.0


def test_evaluation_table_and_dict():
    result = evaluate([fact(30, 100)], [fact(30, 100)])
    assert "value" in result.table() and "calibration" in result.table()
    assert result.to_dict()["fact"]["f1"] == 1.0


def test_quantity_is_right_when_unit_measure_and_direction_agree_whatever_the_links():
    gold = [{"doc_id": "d", "value": {"text": "5%", "start": 0, "end": 2, "number": 5, "unit": "percent"},
             "measure": "change", "direction": "increase", "indicator": None, "region": {"code": "KZ"},
             "period": None}]
    wrong_region = dict(gold[0], region={"code": "UZ"})
    result = evaluate(gold, [wrong_region])
    assert (result.quantity.f1, result.fact.f1) == (1.0, 0.0)
    wrong_direction = dict(gold[0], direction="decrease")
    assert evaluate(gold, [wrong_direction]).quantity.f1 == 0.0
