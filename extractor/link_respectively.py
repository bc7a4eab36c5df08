"""Values paired in order with the places or indicators named before them: "... in the euro area and
the EU, GDP rose by 0.4% and 0.5%, respectively" gives the first value the euro area, the second the EU.

A run of values joined by commas or "and" and closed by "respectively" takes, value by value, the
places (or indicators) of its sentence named before the run when there are as many of them; else
those of the sentence before it, the way a release's subtitle pairs with its title ("Euro area GDP up
by 0.3% and EU GDP up by 0.3%" / "+0.4% and +0.5% respectively compared with ...").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from .segments import Sentence
from .types import IndicatorMention, NumberMention, RegionMention

if TYPE_CHECKING:
    from .document import DocumentView

T = TypeVar("T", RegionMention, IndicatorMention)

# Between two values of the run: "0.4% and +0.5%", "4.1%, 3.8% and 2.9%", "by 0.4% and by 0.5%".
_BETWEEN = re.compile(r"\s*[,;]?\s*(?:and\s+)?(?:by\s+)?")  # ";" between decimal-comma values: "22,0; 21,3"
# After the run: "respectively", perhaps after a unit word or a closing bracket ("points, respectively", "per
# 1000 population respectively").
_CLOSE = re.compile(r"\s*[,)]?\s*(?:per\s+1[ ,.]?000\s+)?(?:[A-Za-z]+\s*,?\s*){0,2}?respectively\b",
                    re.IGNORECASE)


def run_of(run: DocumentView, v: NumberMention, values: Sequence[NumberMention],
           sent: Sentence) -> tuple[int, int, int] | None:
    """``(position of v in the run, length of the run, start of the run)`` when v is one of values
    closed by "respectively"; None otherwise (most sentences: one substring test)."""
    here = run.here  # the value's sentence: ask it once, not once per value
    if here.respectively is None:
        here.respectively = run.text.find("respectively", sent.start, sent.end) >= 0
    if not here.respectively:
        return None
    i = next((k for k, w in enumerate(values) if w is v), None)
    if i is None:
        return None
    lo = hi = i
    while lo > 0 and _BETWEEN.fullmatch(run.text, values[lo - 1].end, values[lo].start):
        lo -= 1
    while hi + 1 < len(values) and _BETWEEN.fullmatch(run.text, values[hi].end, values[hi + 1].start):
        hi += 1
    if hi == lo or not _CLOSE.match(run.text, values[hi].end, sent.end):
        return None
    return i - lo, hi - lo + 1, values[lo].start


def paired(run: DocumentView, v: NumberMention, values: Sequence[NumberMention], sent: Sentence,
           mentions: Callable[[int, int], Sequence[T]], same: Callable[[T, T], bool]) -> T | None:
    """The mention paired with v: of the ones ``mentions(start, end)`` gives in the sentence before the
    run (or in the sentence before), taking one of each run of ``same`` ones, when there are as many
    as values in the run."""
    if run.here.respectively is False:  # asked already: the sentence does not say it
        return None
    found = run_of(run, v, values, sent)
    if found is None:
        return None
    index, length, start = found
    for lo, hi in ((sent.start, start), _previous(run, sent)):
        named: list[T] = []
        for m in mentions(lo, hi):
            if not named or not same(named[-1], m):
                named.append(m)
        if len(named) == length:
            return named[index]
        if named:
            return None  # the sentence names others: not a pairing we can read
    return None


def _previous(run: DocumentView, sent: Sentence) -> tuple[int, int]:
    sentences = run.doc.sentences
    k = bisect.bisect_left([s.start for s in sentences], sent.start)
    if k == 0:
        return 0, 0
    before = sentences[k - 1]
    return before.start, before.end
