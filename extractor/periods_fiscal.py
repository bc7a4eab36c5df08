"""Fiscal years: when a document's fiscal year starts, and its fiscal-year mentions re-dated.

The period grammar reads ``fiscal year 2017``, ``FY2018/19``, ``the 2019-20 financial year`` and a
bare pair such as ``2018/19`` as calendar years and marks them with ``fiscal_end`` (the year the
fiscal year ends in). Which months they cover is a fact about the document, not the phrase: the
text may say it (``fiscal year 2017, which ended on September 30``, ``fiscal year 2019 (October
2018 to September 2019)``), or the government of its home country keeps a known fiscal year
(``fiscal_year_start`` in ``patterns/periods.yaml``). Where neither holds, the calendar reading
stays.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .errors import PatternError
from .periods_grammar import _alt, _grammar
from .periods_rules import _month_end, _new_mention
from .resources import load_yaml
from .types import PeriodMention

_FISCAL = r"(?:(?i:fiscal|financial|budget)\s{1,3}(?i:year)|FY\s{0,2}-?\d{2,4}(?:[/-]\d{2,4})?)"


@functools.lru_cache(maxsize=8)
def _rules(patterns_dir: Path | None) -> tuple[dict[str, int], tuple[tuple[re.Pattern[str], str], ...]]:
    """The country defaults and the statements that say where a fiscal year ends or starts."""
    data = load_yaml("periods.yaml", base=patterns_dir).get("fiscal_year_start") or {}
    if not isinstance(data, dict):
        raise PatternError("periods.yaml: fiscal_year_start must map a first month to country codes")
    starts: dict[str, int] = {}
    for month, codes in data.items():
        if not (isinstance(month, int) and 1 <= month <= 12 and isinstance(codes, list)):
            raise PatternError(f"periods.yaml: fiscal_year_start: {month!r} must be a month 1-12 with a list")
        starts.update({str(code).upper(): month for code in codes})
    vocab = _grammar(patterns_dir).vocab
    month = "(?<![A-Za-z])(?:" + _alt((form for form, _ in vocab.month_forms), icase=False) + ")(?![A-Za-z])"
    statements = (
        # "fiscal year 2017, which ended on September 30", "the financial year ending 31 March 2019"
        (re.compile(_FISCAL + r"[^.;\n]{0,60}?(?<![\w-])(?i:ended|ending|ends|closed|closing)\s{1,3}"
                    r"(?:(?i:on|in)\s{1,3})?(?:[0-3]?\d(?:st|nd|rd|th)?\s{1,3})?(?P<end>" + month + ")"), "end"),
        # "fiscal year 2019 (October 2018 to September 2019)", "FY2020 (July 2019-June 2020)"
        (re.compile(_FISCAL + r"[^.;\n(]{0,40}?\(\s{0,2}(?P<start>" + month + r")(?:\s{1,3}\d{4})?\s{0,3}"
                    r"(?:[-–—]|(?i:to|through|until))\s{0,3}(?P<last>" + month + ")"), "start"),
        # "the fiscal year runs from July to June", "Fiscal years begin on 1 April"
        (re.compile(_FISCAL + r"s?\s{1,3}(?i:runs?|running|starts?|starting|begins?|beginning)\s{1,3}"
                    r"(?:(?i:from|on|in)\s{1,3})?(?:[0-3]?\d(?:st|nd|rd|th)?\s{1,3})?(?P<start>" + month + ")"),
         "start"),
    )
    return starts, statements


def fiscal_start(text: str, country: str | None, patterns_dir: Path | None = None) -> int | None:
    """The first month of the document's fiscal year: as the text states it, else its home country's.

    >>> fiscal_start("GDP fell 3.6 percent in fiscal year 2017, which ended on September 30.", None)
    10
    >>> fiscal_start("GDP grew in 2018/19.", "GB"), fiscal_start("GDP grew in 2018/19.", "FR")
    (4, None)
    """
    starts, statements = _rules(patterns_dir)
    vocab = _grammar(patterns_dir).vocab
    for rx, how in statements:
        m = rx.search(text)
        if m is None:
            continue
        if how == "end":
            return vocab.month(m.group("end")) % 12 + 1
        first = vocab.month(m.group("start"))
        if "last" not in m.groupdict() or vocab.month(m.group("last")) % 12 + 1 == first:
            return first
    return starts.get(country.upper()) if country else None


_YEAR_PAIR = re.compile(r"\d{2,4}\s{0,2}[-/–]\s{0,2}\d{2,4}")


@functools.lru_cache(maxsize=8)
def _named_by_start(patterns_dir: Path | None) -> frozenset[str]:
    """The countries whose fiscal year named by one year is named by the year it starts in."""
    data = load_yaml("periods.yaml", base=patterns_dir).get("fiscal_year_named_by_start") or []
    return frozenset(str(code).upper() for code in data)


def _fiscal_bounds(end_year: int, first_month: int) -> tuple[date, date]:
    if first_month == 1:
        return date(end_year, 1, 1), date(end_year, 12, 31)
    return date(end_year - 1, first_month, 1), _month_end(end_year, first_month - 1)


def with_fiscal_years(periods: Sequence[PeriodMention], text: str, country: str | None,
                      patterns_dir: Path | None = None) -> list[PeriodMention]:
    """The mentions, with each fiscal year's bounds set by the document's fiscal year (when known).

    >>> from extractor.periods import find_periods
    >>> text = "Palau's GDP fell 3.6 percent in fiscal year 2017, after $296.6 million in FY2016."
    >>> [(m.text, str(m.first), str(m.last)) for m in with_fiscal_years(find_periods(text), text, "PW")]
    [('fiscal year 2017', '2016-10-01', '2017-09-30'), ('FY2016', '2015-10-01', '2016-09-30')]
    """
    fiscal = [m for m in periods if any(key == "fiscal_end" for key, _ in m.detail)]
    if not fiscal:
        return list(periods)
    first_month = fiscal_start(text, country, patterns_dir)
    if first_month is None:
        return list(periods)
    by_start = country is not None and country.upper() in _named_by_start(patterns_dir) and first_month != 1
    out = []
    for m in periods:
        end_year = dict(m.detail).get("fiscal_end")
        if end_year is None:
            out.append(m)
            continue
        if by_start and not _YEAR_PAIR.search(m.text):
            end_year += 1  # Japan's "fiscal year 2021": April 2021 to March 2022
        first, last = _fiscal_bounds(end_year, first_month)
        out.append(_new_mention(m.text, m.start, m.end, m.kind, first, last, m.detail))
    return out


_GLOSS_OPEN = re.compile(r"\s{0,2}\(\s{0,2}\Z")
_GLOSS_CLOSE = re.compile(r"\s{0,2}\)")


def with_glossed_years(periods: Sequence[PeriodMention], text: str) -> list[PeriodMention]:
    """The mentions, with a split year that the text glosses in brackets read as the gloss says, wherever the
    text names it: "the campaign 2018/2019 (July 2018 – June 2019)" is a crop season of twelve months, and so
    is every later "2018/2019" (read alone, two calendar years).

    >>> from extractor.periods import find_periods
    >>> text = "In the campaign 2018/2019 (July 2018 – June 2019) cotton fell. In 2018/2019 soy rose."
    >>> [(m.text, str(m.first), str(m.last)) for m in with_glossed_years(find_periods(text), text)][2]
    ('2018/2019', '2018-07-01', '2019-06-30')
    """
    glossed: dict[str, tuple[date, date]] = {}
    for m, n in zip(periods, periods[1:], strict=False):
        if m.kind == "year_range" and n.kind == "month_range" and m.first and m.last and n.first and n.last \
                and m.first <= n.first and n.last <= m.last and _GLOSS_OPEN.search(text, m.end, n.start) \
                and _GLOSS_CLOSE.match(text, n.end):
            glossed[m.text] = (n.first, n.last)
    if not glossed:
        return list(periods)
    return [_new_mention(m.text, m.start, m.end, m.kind, *glossed[m.text], m.detail)
            if m.kind == "year_range" and m.text in glossed else m for m in periods]
