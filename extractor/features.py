"""What a fact's evidence says about how it was built, as named numbers: the confidence model's input.

Each linking stage records how it filled its slot in ``Fact.evidence`` (see :mod:`extractor.facts`):

* how each slot was found: the value's own words (``indicator_adjacent``, ``region_head``,
  ``period_sentence``), a list, a parenthesis or a table (``indicator_lead_in``, ``table``,
  ``region_table_row``), the context in force (``indicator_in_force``, ``region_in_force``,
  ``period_frame``), or a default (``region_home``, ``indicator_none``, ``period_none``);
* how far away it was: adjacent, in the sentence, in the paragraph (``indicator_line``), in force;
* whether other candidates competed for the slot (``indicator_contested``, ``region_contested``,
  ``period_contested``: more than one mention of the sentence could fill it);
* how the number was read (``spelled``, ``unit_stated``, ``unit_default``, ``multiplier``) and
  whether the statistical model agrees (``model_agrees``, ``model_says_date``, accurate mode);
* the risky ways a slot was filled, read from the finished fact (:mod:`extractor.risk`: a period
  whose kind disagrees with the indicator's, a sentence's period left unused, a word run onto the
  number, ...).

A feature is ``ev:<name>`` with value 1. The names are fixed by the rules, not learned from data, so
a model fitted on some documents applies to any other (``extractor calibrate`` fits the weights;
:mod:`extractor.confidence` applies them).

Why evidence names and not richer features: measured leave-one-document-out over the gold
fixtures, features read from the whole document (unit, measure, period length, competitors counted
around the value, capitalised words no rule recognised) ranked facts no better (AUROC 0.649 against
0.639 from the evidence alone) and cost 0.25 s per MB in ``extract``, a sixth of its time; the
cheap risk names of :mod:`extractor.risk` did (0.680 against 0.628 for one model of "fully right";
0.712 for the product of :mod:`extractor.confidence`). A fact's evidence is scored once per
distinct tuple of names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def evidence_features(evidence: Iterable[str]) -> dict[str, float]:
    """The features of a fact built with this evidence.

    >>> evidence_features(("unit_stated", "direction_cue"))
    {'ev:unit_stated': 1.0, 'ev:direction_cue': 1.0}
    """
    return {f"ev:{name}": 1.0 for name in evidence}


UNITS = frozenset({"person", "percent", "percentage_point", "times", "per_1000", "count", "index"})
# how far a slot's mention is from the value, in characters: next to it, in its sentence, in its
# paragraph, further (the context in force)
DISTANCES = ((40, "adjacent"), (150, "near"), (600, "far"))


def unit_class(unit: str | None) -> str:
    """A unit as a feature sees it: the FACTS.md units by name, three capitals (a currency code
    ``USD``, or one written ``US$``) as ``code``, any other word (``togrogs``, ``heads``) as ``word``.
    Grouping ``US$`` with ``USD`` raised the snapshots' by-set AUROC from 0.708 to 0.728 (the value
    model's from 0.74 to 0.81): currencies stated as codes are where unseen text's units go wrong.

    >>> unit_class("percent"), unit_class("USD"), unit_class("US$"), unit_class("tenge"), unit_class(None)
    ('percent', 'code', 'code', 'word', 'none')
    """
    if unit is None:
        return "none"
    if unit in UNITS:
        return unit
    return "code" if len(unit) == 3 and unit.isupper() else "word"


def _distance(value_start: int, start: int) -> str:
    gap = start - value_start
    side = "after" if gap > 0 else "before"
    for limit, name in DISTANCES:
        if abs(gap) < limit:
            return f"{side}_{name}"
    return f"{side}_beyond"


def field_names(value_start: int, unit: str | None, measure: str, kind: str | None,
                indicator_start: int | None, indicator_key: str | None, region_start: int | None,
                region_code: str | None, period_start: int | None, reference: bool, breakdown: bool) -> tuple[str, ...]:
    """What the finished fact itself says about how risky it is: its measure and unit class (and the
    pair), its indicator's kind (``patterns/indicator_keys.yaml``) and the measure with it, a slot left
    empty or uncoded, how far each slot's mention is from the value and on which side, and whether a
    reference period or a breakdown was found. Read from the fact's fields alone, so that facts
    recorded by any version of the rules (a snapshot of unseen predictions) get them alike.

    >>> names = field_names(100, "percent", "share", "money", 90, "gdp", None, None, 0, False, False)
    >>> names[:3], names[3:5]
    (('measure_share', 'unit_percent', 'measure_unit_share_percent'), ('kind_money', 'measure_kind_share_money'))
    >>> names[5:]
    ('indicator_before_adjacent', 'region_missing', 'period_before_near')
    """
    cls = unit_class(unit)
    names = [f"measure_{measure}", f"unit_{cls}", f"measure_unit_{measure}_{cls}", f"kind_{kind}",
             f"measure_kind_{measure}_{kind}"]
    if indicator_start is None:
        names.append("indicator_missing")
    else:
        if indicator_key is None:
            names.append("indicator_key_none")
        names.append(f"indicator_{_distance(value_start, indicator_start)}")
    if region_start is None:
        names.append("region_missing")
    else:
        if region_code is None:
            names.append("region_code_none")
        else:  # a subdivision (KZ-59), a country (KZ), a group (EU, CIS)
            names.append("region_subdivision" if "-" in region_code else
                         "region_country" if len(region_code) == 2 else "region_group")
        names.append(f"region_{_distance(value_start, region_start)}")
    names.append("period_missing" if period_start is None else f"period_{_distance(value_start, period_start)}")
    if reference:
        names.append("reference_stated")
    if breakdown:
        names.append("breakdown_stated")
    return tuple(names)


def _field_names_of(fact: Any, kinds: Mapping[str, str | None]) -> tuple[str, ...]:
    if isinstance(fact, Mapping):  # as Fact.to_dict() gives it
        value, ind, reg, per = fact["value"], fact.get("indicator"), fact.get("region"), fact.get("period")
        key = ind.get("key") if ind else None
        return field_names(value["start"], value.get("unit"), str(fact.get("measure")), kinds.get(key) if key else None,
                           ind["start"] if ind else None, key, reg["start"] if reg else None,
                           reg.get("code") if reg else None, per["start"] if per else None,
                           fact.get("reference_period") is not None, bool(fact.get("breakdown")))
    ind, reg, per = fact.indicator, fact.region, fact.period
    key = ind.key if ind else None
    return field_names(fact.value.start, fact.value.unit, fact.measure, kinds.get(key) if key else None,
                       ind.start if ind else None, key, reg.start if reg else None, reg.code if reg else None,
                       per.start if per else None, fact.reference_period is not None, bool(fact.breakdown))


def fact_features(fact: Any, kinds: Mapping[str, str | None] | None = None) -> dict[str, float]:
    """The features of a fact: a :class:`~extractor.types.Fact`, or a fact as ``Fact.to_dict()`` gives it
    with its ``"evidence"`` list (a snapshot's line): ``ev:<name>`` for its evidence, ``fact:<name>``
    for :func:`field_names` (``kinds``: indicator key to kind; None: no fact features)."""
    evidence = fact.get("evidence", ()) if isinstance(fact, Mapping) else fact.evidence
    features = evidence_features(evidence)
    if kinds is not None:
        features.update(fields_features(_field_names_of(fact, kinds)))
    return features


def fields_features(names: Iterable[str]) -> dict[str, float]:
    """``fact:<name>`` with value 1 for each of :func:`field_names`."""
    return {f"fact:{name}": 1.0 for name in names}


__all__ = ["evidence_features", "fact_features", "field_names", "fields_features", "unit_class"]
