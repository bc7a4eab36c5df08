"""Spans and the distances between them: the geometry every linking stage measures with."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .segments import Sentence

Interval = tuple[date, date]
_T = TypeVar("_T")
REACH = 400
WORD = re.compile(r"[\w’'-]+")
_START_END = operator.attrgetter("start", "end")
_START = operator.attrgetter("start")


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def first_at(items: Sequence[Any], pos: int) -> int:
    """The index of the first of ``items`` (in text order) starting at or after ``pos``: a bisection."""
    return bisect.bisect_left(items, pos, key=_START)


class Sorted:
    """Mentions sorted by start, sliced by character range in O(log n)."""

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = sorted(items, key=_START_END)
        self.starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[Any]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.items[lo:hi] if m.end <= end]

    def around(self, start: int, end: int, at: int, cap: int) -> list[Any]:
        """``within(start, end)``, but at most ``cap`` items on each side of position ``at``: the ones
        nearest to it. Bounds the work per value where mentions are packed ("Almaty 1 Astana 2 ...")."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        if hi - lo > 2 * cap:
            mid = bisect.bisect_left(self.starts, at, lo, hi)
            lo, hi = max(lo, mid - cap), min(hi, mid + cap)
        return [m for m in self.items[lo:hi] if m.end <= end]

    def split(self, spans: Sequence[Sentence]) -> list[Sequence[Any]]:
        """``within`` for each of ``spans``, which must be in order and disjoint. One merge-like pass
        over items and spans together: cheaper than slicing per span, as most sentences have few
        mentions of a kind. Spans with none share one empty tuple (a list each costs more)."""
        out: list[Sequence[Any]] = [()] * len(spans)
        i, n = 0, len(spans)
        bucket: list[Any] = []
        bucket_of = -1
        for m in self.items:
            start = m.start
            while i < n and spans[i].end <= start:
                i += 1  # the first span ending after the item starts is the only one that can hold it
            if i == n:
                break
            span = spans[i]
            if span.start <= start and m.end <= span.end:
                if bucket_of != i:
                    bucket, bucket_of = [], i
                    out[i] = bucket
                bucket.append(m)
        return out

    def count_between(self, start: int, end: int) -> int:
        """How many items start in [start, end): O(log n)."""
        return bisect.bisect_left(self.starts, end) - bisect.bisect_left(self.starts, start)


def cheapest(candidates: Sequence[_T], cost: Callable[[_T], float]) -> _T:
    """``min(candidates, key=cost)``; a lone candidate (the usual case) needs no costing."""
    return candidates[0] if len(candidates) == 1 else min(candidates, key=cost)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


_LAST_WORD = re.compile(r"([\w’'-]+)\W*$")
_LAST_WORD_REVERSED = re.compile(r"\W*?([’'-]*\w[\w’'-]*)")
# Between a head and its own value: "urban – 12 520 634", "divorces – 19 821", "Births: 186 321".
HEAD_DASH = re.compile(r"\s*[–—:-]\s*")
# The word before a name, past an article: "trade with the EU" -> "with".
# Read backwards: skips an article, and "(the) other regions of" ("moved to other regions of Kazakhstan"
# is a move to a destination: the word that counts is "to").
_WORD_BEFORE_NAME = re.compile(r"\W*(?:(?:eht|na|a)\W+)?(?:fo\W+(?:snoiger|strap|saera|seitic|seirtnuoc|tser)\W+"
                               r"(?:rehto\W+)?(?:(?:eht|na|a)\W+)?)?([’'-]*\w[\w’'-]*)")


def word_before_name(text: str, start: int) -> str:
    """The word before ``text[start:]`` in lower case, skipping "the", "a" or "an" and "other regions
    of" (read backwards from ``start``, within 40 characters).

    >>> word_before_name("moved to other regions of Kazakhstan", 26), word_before_name("to the rest of the EU", 19)
    ('to', 'to')
    """
    found = _WORD_BEFORE_NAME.match(text[max(0, start - 40):start][::-1].lower())
    return found.group(1)[::-1] if found else ""


def last_word(text: str, start: int, end: int) -> str:
    """The last word in text[start:end] and any apostrophes or hyphens stuck to it ("" if none), as
    ``_LAST_WORD.search`` finds it. Matching the reversed text from its end is five times faster than
    searching forward, which tries (and backtracks from) every position."""
    found = _LAST_WORD_REVERSED.match(text[start:end][::-1])
    if found:
        return found.group(1)[::-1]
    found = _LAST_WORD.search(text, start, end)  # no letter at all: only apostrophes or hyphens, if any
    return found.group(1) if found else ""


_RANKED_BEFORE = re.compile(r"(?i)\b(?:\w+est|most|least|one of the \w+)\b[^.,;]{0,25}\b(?:in|of|across)\s+the\s+$")
_RANKED_AFTER = re.compile(r"(?:'s|’s)?\s+(?:\w+est|most|least|second|third)\b", re.IGNORECASE)


_OUTSIDE_BEFORE = re.compile(r"(?i)(?:\b(?:outside|beyond|within|(?:other\s+)?(?:regions?|parts?|areas?|provinces?|"
                             r"oblasts?|districts?|settlements?|municipalities|counties|towns)\s+of)|(?:%|\bper\s?cent|\bpercent)\s+of)\s+(?:of\s+)?(?:the\s+)?$")


def home_word_not_subject(text: str, start: int, end: int, floor: int = 0) -> bool:
    """Whether a word for the whole country at ``start:end`` is not what the sentence is about: it only
    ranks a place against the country ("the country's largest city", "one of the lowest rates in the
    country"), names where movers came from ("From outside the republic 1,052 people arrived") or moves
    inside it ("Between regions of the country 9 874 people arrived") or is the whole a share is of
    ("733.4 thousand employees, or 43.3% of the country's total, worked here")."""
    if text[start:end].lower().endswith("countries"):
        return True  # "to the CIS countries", "other countries": places, not the whole country
    lo = max(floor, start - 40)
    return _RANKED_BEFORE.search(text, lo, start) is not None or _RANKED_AFTER.match(text, end) is not None \
        or _OUTSIDE_BEFORE.search(text, lo, start) is not None
