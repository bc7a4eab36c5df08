"""Evidence of the risky ways a fact's slots were filled: read from the finished fact and its sentence.

The linking stages record how they filled each slot (``Fact.evidence``); these names add what
the error analysis of the gold fixtures, and the errors on real texts (wrong or missing periods,
then indicators, then regions), point at. Each is a fixed name set by a rule, so a model fitted
on some documents applies to any other:

* ``period_kind_disagrees``: a stock's level over an interval, or a flow's value at a point in time
  (``kind`` in ``patterns/indicator_keys.yaml``); ``measure_kind_disagrees``: a per-N rate on a
  stock or flow key, or a share of a rate;
* ``period_index_unread``: a price index's change whose stretch was neither read as an annual nor
  as a monthly rate;
* ``period_sentence_unused``: the sentence names a period but the fact took one from the context;
* ``indicator_other_clause``: the indicator is named in the sentence but not in the value's clause;
* ``region_home_place_named``: the home country by default, though the sentence names a place;
* ``number_glued``: a word run onto the number ("1.06millionvisitors", "5.2%on"), as in text scraped
  from a web page (``text_glued``, the same anywhere in the sentence, is off: see ``GLUED_TEXT``);
* ``number_small_bare``: a whole number under 100 with no unit stated (a count of members, a
  footnote, a comment counter); ``unit_unstated``; ``value_late``: in the last 15% of a text of
  1,000 characters or more (notes, methodology, contacts).

Measured and left out (leave-one-document-out on the gold fixtures, and 0.09 s per MB in
``extract`` with them, against a budget of 0.02): whether the mention of the sentence nearest the
value (the simpler method) names another indicator or place than the one chosen (on the fixtures
such facts were right more often than the rest: the rules override the nearest mention for
reasons), the period's and region's clause, inherited mentions, the count of values in the
sentence. What is kept costs a few comparisons per fact: 0.014 s per MB.
"""

from __future__ import annotations

import re
from typing import Any

from .segments import Sentence
from .types import NumberMention

# words run together: "Tasmania,down", "(EA19)aggregate", "the state.The" (a lower-case letter before
# the mark: not "U.S"), "28.9years" (two searches that each start with a small class run several
# times faster than one alternation)
_GLUE_MARK = re.compile(r"[.,;:)][A-Za-z(]")
_GLUE_DIGIT = re.compile(r"[0-9][a-z]{3}")
_FLOWS = frozenset({"event", "flow", "balance", "money"})
_BARE_UNITS = frozenset({"percent", "percentage_point", "times", "per_1000"})
# Whether to look for words run together in the sentence ("text_glued"). Measured: leave-one-document-out
# fact AUROC 0.732 with it against 0.712 without, but 0.016 s per MB in extract (two regular-expression
# searches per sentence), which with the rest (0.014) is over the 0.02 s per MB this module may cost.
GLUED_TEXT = False
LATE = 0.85  # share of the text after which a value is in its closing notes
LONG = 1000  # characters: a text shorter than this has no closing notes


def _glued(text: str, start: int, end: int) -> bool:
    if _GLUE_DIGIT.search(text, start, end):
        return True
    return any(text[m.start() - 1].islower() for m in _GLUE_MARK.finditer(text, start, end))


def risk_evidence(view: Any, v: NumberMention, sent: Sentence, clause: tuple[int, int], info: dict[str, Any],
                  measure: str, unit: str | None, indicator: Any, period: Any, evidence: list[str]) -> None:
    """Append the names above that hold for this fact to ``evidence``."""
    kind = info.get("kind")
    if kind is not None:
        if period is not None and (period.first == period.last) == (kind in _FLOWS) and (
                kind in _FLOWS or (measure == "level" and kind == "stock" and not info.get("survey"))):
            evidence.append("period_kind_disagrees")
        if (measure == "rate" and (kind in _FLOWS or kind == "stock")) or (measure == "share" and kind == "rate"):
            evidence.append("measure_kind_disagrees")
        if kind == "index" and measure == "change" and "period_annual_rate" not in evidence \
                and "period_monthly_rate" not in evidence and "period_between" not in evidence:
            evidence.append("period_index_unread")
    here = view.here
    if here.periods and "period_sentence" not in evidence and "period_compared" not in evidence:
        evidence.append("period_sentence_unused")
    if indicator is not None and sent.start <= indicator.start < sent.end \
            and not clause[0] <= indicator.start < clause[1]:
        evidence.append("indicator_other_clause")
    if here.regions and "region_home" in evidence:
        evidence.append("region_home_place_named")
    text = view.text
    if GLUED_TEXT:
        glued = view.glued_sentence
        if glued[0] != sent.start:  # once per sentence
            glued = view.glued_sentence = (sent.start, _glued(text, sent.start, sent.end))
        if glued[1]:
            evidence.append("text_glued")
    if text[v.start - 1:v.start].isalpha() or text[v.end:v.end + 1].isalpha():
        evidence.append("number_glued")
    stated = "unit_stated" in evidence
    if not stated:
        if not v.unit:
            evidence.append("unit_unstated")
        number = v.number
        if unit not in _BARE_UNITS and number == int(number) and -100 < number < 100:
            evidence.append("number_small_bare")
    if v.start > LATE * len(text) and len(text) >= LONG:
        evidence.append("value_late")
