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

from collections.abc import Iterable


def evidence_features(evidence: Iterable[str]) -> dict[str, float]:
    """The features of a fact built with this evidence.

    >>> evidence_features(("unit_stated", "direction_cue"))
    {'ev:unit_stated': 1.0, 'ev:direction_cue': 1.0}
    """
    return {f"ev:{name}": 1.0 for name in evidence}


__all__ = ["evidence_features"]
