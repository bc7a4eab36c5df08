"""Rule handlers: what one match of a period rule means, as a :class:`PeriodMention` (or None
when the match is not a period after all), and the small date helpers they share."""

from __future__ import annotations

import calendar
import functools
import itertools
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from .periods_grammar import _TEMPLATES, YEAR_MAX, YEAR_MIN, Detail, Interval, _Vocab
from .types import PeriodMention, fast_constructor

_new_mention = fast_constructor(PeriodMention)  # same record as PeriodMention(...), made faster

# --- small date helpers --------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months_interval(year: int, a: int, b: int) -> Interval:
    """Months a..b ending in ``year``; ``a > b`` starts in the year before."""
    return date(year - 1 if a > b else year, a, 1), _month_end(year, b)


def _shift_years(d: date, years: int) -> date:
    """Move a date by whole years; a month's last day stays its month's last day."""
    target = d.year + years
    if d.day == calendar.monthrange(d.year, d.month)[1]:
        return _month_end(target, d.month)
    return date(target, d.month, min(d.day, calendar.monthrange(target, d.month)[1]))


def _shift_interval(interval: Interval, years: int) -> Interval:
    return _shift_years(interval[0], years), _shift_years(interval[1], years)


def _month_add(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _valid_year(y: int) -> bool:
    return YEAR_MIN <= y <= YEAR_MAX

# --- dateparser, only for a single span that our own reader cannot read -------------


@functools.lru_cache(maxsize=16)
def _date_parser(anchor: date | None = None) -> Any:
    """One shared dateparser per anchor (dateparser is imported only when needed)."""
    from dateparser.date import DateDataParser

    base = datetime(anchor.year, anchor.month, anchor.day) if anchor else datetime(2000, 1, 1)
    return DateDataParser(languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY", "RELATIVE_BASE": base})


@functools.lru_cache(maxsize=4096)
def _dateparser_date(span: str) -> date | None:
    """dateparser's reading of one date span, cached by the span text."""
    try:
        data = _date_parser().get_date_data(span)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


def _make_date(y: int, mo: int, d: int) -> date | None:
    if not (_valid_year(y) and 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]):
        return None
    return date(y, mo, d)


# --- rule handlers: one match -> one mention or None --------------------------------

_TO_THAN_BEFORE = re.compile(r"(?<![\w])(?:to|than)\s{1,3}\Z")  # "one to twelve months"
_OF_AFTER = re.compile(r"\s{1,3}(?i:of)\s")  # "first quarter of respondents"
_NUMBER_GLUE_BEFORE = re.compile(r"(?:\d\s?[-–/:]|[+−±])\Z")  # 691-2000, +2024
_NUMBER_GLUE_AFTER = re.compile(r"[-–/:]\d|\s?=\s?\d")  # 2024-13-45, 2006-08; an index base "2015=100"
_UP_TO_BEFORE = re.compile(r"(?:\bup|\bout\s{1,3}of)[\s-]{1,3}\Z")  # up to date
_SO_FAR_AS_AFTER = re.compile(r"\s{1,3}(?:as|from|away)\b")  # in so far as

Handler = Callable[[re.Match[str], _Vocab], PeriodMention | None]


def _span(m: re.Match[str]) -> tuple[int, int]:
    if "core" in m.re.groupindex and m.group("core") is not None:
        return m.span("core")
    return m.span()


def _mention(m: re.Match[str], kind: str, first: date | None = None, last: date | None = None,
             detail: Detail = (), span: tuple[int, int] | None = None) -> PeriodMention:
    start, end = span or _span(m)
    return _new_mention(m.string[start:end], start, end, kind, first, last, detail)


def _year_spec(m: re.Match[str], vocab: _Vocab, y: str = "y", rel: str = "rel") -> tuple[str, int | None]:
    """``("abs", 2025)``, ``("rel", -1)``, ``("ctx", None)`` (``of the year``) or ``("none", None)``."""
    groups = m.groupdict()
    if groups.get(y):
        return "abs", int(groups[y])
    if groups.get(rel):
        offset = vocab.relative_offset(groups[rel])
        return ("ctx", None) if offset is None else ("rel", offset)
    return "none", None


def _months_mention(m: re.Match[str], vocab: _Vocab, kind: str, a: int, b: int,
                    extra: Detail = (), y: str = "y", rel: str = "rel") -> PeriodMention:
    how, value = _year_spec(m, vocab, y, rel)
    detail: Detail = (*extra, ("months", (a, b)))
    if how == "abs" and value is not None:
        first, last = _months_interval(value, a, b)
        return _mention(m, kind, first, last, detail)
    if how == "rel":
        detail = (*detail, ("relative", value))
    return _mention(m, kind, detail=detail)


# Months in Roman numerals, as Polish and Romanian releases date them: "31 XII 2013", "01.I–30.VI.2025".
_ROMAN_MONTHS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
                 "XI": 11, "XII": 12}


def _h_date(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    groups = m.groupdict()
    if groups.get("rm"):
        mo = _ROMAN_MONTHS[groups["rm"]]
    else:
        mo = int(groups["mo"]) if groups.get("mo") else vocab.month(groups["m"])
    d = int(groups["d"])
    if groups.get("yy"):
        parsed = _dateparser_date(m.group())
        return _mention(m, "date", parsed, parsed) if parsed else None
    if not groups.get("y"):
        if _make_date(2000, mo, d) is None:  # 2000 is a leap year: Feb 29 is allowed
            return None
        return _mention(m, "date", detail=(("month", mo), ("day", d)))
    parsed = _make_date(int(groups["y"]), mo, d)
    if parsed is None:
        parsed = _dateparser_date(m.group())
    return _mention(m, "date", parsed, parsed) if parsed else None


def _h_date_range(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    """"01.01–30.06.2021", "01.01.2021-30.06.2021": from one day to another."""
    y2 = int(m.group("y2"))
    groups = m.groupdict()
    mo1, mo2 = ((_ROMAN_MONTHS[groups["rm1"]], _ROMAN_MONTHS[groups["rm2"]]) if groups.get("rm1")
                else (int(groups["mo1"]), int(groups["mo2"])))
    first = _make_date(int(m.group("y1") or y2), mo1, int(m.group("d1")))
    last = _make_date(y2, mo2, int(m.group("d2")))
    if first is None or last is None or first >= last:
        return None
    return _mention(m, "month_range", first, last, (("months", (first.month, last.month)),))


def _h_month_range_roman(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    """"I-VI 2025": January to June 2025."""
    a, b = _ROMAN_MONTHS[m.group("rm1")], _ROMAN_MONTHS[m.group("rm2")]
    if a >= b:
        return None
    return _months_mention(m, vocab, "month_range", a, b)


def _h_month_range(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    sep = m.group("sep").lower()
    if sep == "and" and not m.group("between"):  # "January and March" is a list
        return None
    a, b = vocab.month(m.group("m1")), vocab.month(m.group("m2"))
    y1 = int(m.group("y1")) if m.group("y1") else None
    if y1 is None:
        return _months_mention(m, vocab, "month_range", a, b, y="y2")
    y2 = int(m.group("y2")) if m.group("y2") else (y1 if b >= a else y1 + 1)
    first, last = date(y1, a, 1), _month_end(y2, b)
    if first > last or m.group("rel"):
        return None
    return _mention(m, "month_range", first, last, (("months", (a, b)),))


_LIST_SEPARATOR = re.compile(r",?\s+(?i:and)\s+|,\s*")


def _h_month_list(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    """"January, February and March 2025" is the three months together; months that do not follow
    one another ("January, April and July") are a list of separate months, not a period."""
    months = [vocab.month(word) for word in _LIST_SEPARATOR.split(m.group("list"))]
    if any(b != a + 1 for a, b in itertools.pairwise(months)):
        return None
    return _months_mention(m, vocab, "month_range", months[0], months[-1])


def _h_months(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    n = vocab.count(m.group("nw"), m.group("nd"))
    if n is None:
        unit = m.groupdict().get("unit") or "months"
        if unit.lower() != "month":  # "first months of 2025": how many?
            return None
        n = 1
    if not 1 <= n <= 12:
        return None
    before = m.string[max(0, m.start() - 6):m.start()].lower()
    if _TO_THAN_BEFORE.search(before):  # "one to twelve months of"
        return None
    return _months_mention(m, vocab, "months", 1, n)


def _h_quarter(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    q = vocab.ordinal(vocab.quarter_ordinals, m.group("q"))
    if q is None:
        return None
    if _trailing_of(m):
        return None
    q2 = m.groupdict().get("q2")  # only Q1–Q3 has it
    last = int(q2) if q2 else q
    if last < q:
        return None  # "Q3–Q1" names no stretch of time
    if last > q:  # "Q1–Q3 2024": January to September
        return _months_mention(m, vocab, "quarter", 3 * q - 2, 3 * last, extra=(("quarters", (q, last)),))
    return _months_mention(m, vocab, "quarter", 3 * q - 2, 3 * q, extra=(("quarter", q),))


def _h_quarter_span(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    """"the first and second quarters of 2024", "I-III quarters of 2025": the quarters together. Joined
    by "and", they must follow one another ("first and third quarters" are two quarters)."""
    q = vocab.ordinal(vocab.quarter_ordinals, m.group("q"))
    last = vocab.ordinal(vocab.quarter_ordinals, m.group("q2"))
    if q is None or last is None or last <= q or (m.group("sep").lower() == "and" and last != q + 1):
        return None
    if _trailing_of(m):
        return None
    return _months_mention(m, vocab, "quarter", 3 * q - 2, 3 * last, extra=(("quarters", (q, last)),))


def _h_quarter_month(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    end = vocab.month(m.group("m"))
    if end % 3 or (m.group("m0") and vocab.month(m.group("m0")) != end - 2):
        return None  # ("April-September quarter" is no quarter)
    y = m.group("y1") or m.group("y2")
    if m.group("y1") and m.group("y2"):
        return None
    q = end // 3
    detail: Detail = (("quarter", q), ("months", (end - 2, end)))
    if y:
        first, last = _months_interval(int(y), end - 2, end)
        return _mention(m, "quarter", first, last, detail)
    return _mention(m, "quarter", detail=detail)


def _h_half(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    h = vocab.ordinal(vocab.half_ordinals, m.group("h"))
    if h is None or _trailing_of(m):
        return None
    return _months_mention(m, vocab, "half", 6 * h - 5, 6 * h, extra=(("half", h),))


def _trailing_of(m: re.Match[str]) -> bool:
    """``first quarter of respondents``: an ordinal part of something that is not a year."""
    if m.groupdict().get("y") or m.groupdict().get("rel"):
        return False
    return _OF_AFTER.match(m.string, m.end(), m.end() + 8) is not None


def _h_month_year(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    mo = vocab.month(m.group("m"))
    how, _ = _year_spec(m, vocab)
    if how == "ctx":  # "March the year" is not a phrase
        return None
    return _months_mention(m, vocab, "month", mo, mo)


_MONTH_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s{1,3}\Z")


def _h_year_month(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    before = _MONTH_WORD_BEFORE.search(m.string, max(0, m.start() - 14), m.start())
    if before is not None and before.group(1).lower() in vocab.months:
        return None  # "March 2016, March 2015": two months of a list, not the year then a month
    return _months_mention(m, vocab, "month", vocab.month(m.group("m")), vocab.month(m.group("m")))


def _h_month_prep(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    mo = vocab.month(m.group("core"))
    return _mention(m, "month", detail=(("months", (mo, mo)),))


def _h_year_range(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    sep = m.group("sep").lower()
    if sep == "and" and not m.group("between"):  # "in 2019 and 2024" is two years
        return None
    y1 = int(m.group("y1"))
    if m.group("yy"):
        if sep not in "-–/":
            return None
        y2 = y1 // 100 * 100 + int(m.group("yy"))
        if y2 <= y1:
            y2 += 100
        if y2 != y1 + 1:  # only a fiscal pair: 2019/20, 2024-25
            return None
    else:
        y2 = int(m.group("y2"))
    if not (y1 < y2 <= YEAR_MAX) or _count_after(m, vocab):
        return None
    detail: Detail = (("years", (y1, y2)),)
    if m.group("yy"):  # "2018/19" is a fiscal year where the document's fiscal year is known
        detail = (*detail, ("fiscal_end", y2))
    return _mention(m, "year_range", date(y1, 1, 1), date(y2, 12, 31), detail)


def _h_fiscal_year(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    """``fiscal year 2017``, ``FY2018/19``, ``the 2019-20 financial year``: the fiscal year ending in the
    year named last. Read as calendar years until :mod:`extractor.periods_fiscal` knows when the
    document's fiscal year starts."""
    y1 = int(m.group("y1"))
    if m.group("yy") or m.group("y2"):
        y2 = int(m.group("y2")) if m.group("y2") else y1 // 100 * 100 + int(m.group("yy"))
        if y2 <= y1 and m.group("yy"):
            y2 += 100
        if y2 != y1 + 1:
            return None
        return _mention(m, "fiscal_year", date(y1, 1, 1), date(y2, 12, 31), (("years", (y1, y2)), ("fiscal_end", y2)))
    return _mention(m, "fiscal_year", date(y1, 1, 1), date(y1, 12, 31), (("year", y1), ("fiscal_end", y1)))


def _h_decade(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    y = int(m.group("y"))
    return _mention(m, "year_range", date(y, 1, 1), date(y + 9, 12, 31), (("years", (y, y + 9)),))


# A preposition of time right before a bare year: the year, whatever noun follows it.
# "Over 2023 the population grew": opening a sentence, "Over" names the year it spans (an amount
# opens with "Over 2,000 people ...", which count_after already tells apart)
_OVER_YEAR_OPENS = re.compile(r"(?:\A|[.!?]\s*|\n\s*)Over\s\Z")
_YEAR_PREPOSITION = re.compile(r"(?i)(?<![\w-])(?:in|during|since|until|till|throughout)\s{1,2}\Z")


def _count_after(m: re.Match[str], vocab: _Vocab) -> bool:
    """A people/percent/unit word follows: ``2025 people``."""
    return vocab.count_after.match(m.string, m.end(), m.end() + 24) is not None


@functools.lru_cache(maxsize=512)
def _year_bounds(y: int) -> tuple[date, date, Detail]:
    return date(y, 1, 1), date(y, 12, 31), (("year", y),)


def _h_year(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    text, start, end = m.string, m.start(), m.end()
    if vocab.count_after.match(text, end, end + 24) and not _YEAR_PREPOSITION.search(text, max(0, start - 12), start):
        return None  # "2025 people" is a count; "In 2023 births exceeded deaths" names the year
    if (vocab.number_before_finder.search(text, max(0, start - 16), start)
            or _NUMBER_GLUE_BEFORE.search(text, max(0, start - 3), start)) \
            and not _OVER_YEAR_OPENS.search(text, max(0, start - 8), start):  # glue is at most 3 long
        return None  # about 2000, No. 2024, 691-2000, +2024
    if _NUMBER_GLUE_AFTER.match(text, end, end + 4):  # 2024-13-45, 2006-08, 2015 = 100
        return None
    return _new_mention(m.group(), start, end, "year", *_year_bounds(int(m.group("y"))))


def _h_since_ytd(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    detail: Detail = (("base_kind", "relative_year"), ("base_detail", (("offset", 0),)),
                      ("base_edge", "first"))
    return _mention(m, "since", detail=detail)


def _h_fuzzy(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    part = (m.group("p1") or m.group("p2")).lower()
    if part == "end" and m.group("p1") and m.group("s1") != "-":
        return None
    edge = vocab.point_parts.get(part) if m.group("p2") else None
    if edge and vocab.point_before.search(m.string, max(0, m.start() - 16), m.start()):
        return _point(m, vocab, part, edge)  # "at the end of 2024": a stock's date
    spec = vocab.fuzzy.get(part)
    if spec is None:
        return None
    if m.group("m"):
        mo = vocab.month(m.group("m"))
        d1, d2 = spec["month"]
        detail: Detail = (("part", part), ("month", mo), ("days", (d1, d2)))
        if m.group("my"):
            y = int(m.group("my"))
            return _mention(m, "fuzzy", date(y, mo, d1), date(y, mo, min(d2, _month_end(y, mo).day)), detail)
        return _mention(m, "fuzzy", detail=detail)
    a, b = spec["year"]
    return _months_mention(m, vocab, "fuzzy", a, b, extra=(("part", part),))


def _h_fuzzy_year_word(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    part = "mid" if m.group("w").lower().startswith("mid") else "end"
    a, b = vocab.fuzzy[part]["year"]
    return _months_mention(m, vocab, "fuzzy", a, b, extra=(("part", part),))


def _h_same_period(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    unit = " ".join(m.group("unit").lower().replace("-", " ").split())
    detail: Detail = (("unit", unit),)
    how, value = _year_spec(m, vocab)
    if how == "abs":
        detail += (("year", value),)
    elif how == "rel":
        detail += (("shift", value),)
    elif m.group("ago") or m.group("before"):
        detail += (("shift", -1),)
    elif how == "ctx" or unit == "time":  # "at the same time" is not a period
        return None
    else:
        detail += (("shift", None),)
    return _mention(m, "same_period", detail=detail)


def _h_rel_year(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    offset = vocab.relative_offset(m.group("w"))
    return _mention(m, "relative_year", detail=(("offset", offset),))


def _h_month_back(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    n = 1 if m.group("a") else vocab.count(m.group("nw"), m.group("nd"))
    if not n or n > 36:
        return None
    if m.group("unit").lower().startswith("quarter"):
        n *= 3
    unit = "quarter" if m.group("unit").lower().startswith("quarter") else "month"
    return _mention(m, "same_period", detail=(("unit", unit), ("months_shift", -n)))


def _h_prev_unit(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    unit = m.group("unit").lower()
    shift = -3 if unit == "quarter" else -1
    return _mention(m, "same_period", detail=(("unit", unit), ("months_shift", shift)))


def _h_rel_unit(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    """``last month``, ``this quarter``: counted from the date the text speaks from."""
    offset = -1 if m.group("w").lower() == "last" else 0
    return _mention(m, "relative_month", detail=(("unit", m.group("unit").lower()), ("offset", offset)))


def _h_month_year_word(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    mo, y = vocab.month(m.group("m")), int(m.group("y"))
    if m.group("w").lower() == "month":
        return _mention(m, "month", date(y, mo, 1), _month_end(y, mo), (("months", (mo, mo)),))
    fy, fm = _month_add(y, mo, -11)
    return _mention(m, "to_month", date(fy, fm, 1), _month_end(y, mo), (("n_months", 12), ("month", mo)))


def _h_year_back(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    n = 1 if m.group("a") else vocab.count(m.group("nw"), m.group("nd"))
    if not n or n > 50:
        return None
    return _mention(m, "relative_year", detail=(("offset", -n),))


def _h_year_before(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    return _mention(m, "relative_year", detail=(("offset", -1),))


def _h_past_years(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    if m.group("decade"):
        n = 10
    else:
        n = vocab.count(m.group("nw"), m.group("nd"))
        if n and m.group("unit").lower() == "decades":
            n *= 10
    if not n or n > 300:
        return None
    return _mention(m, "relative_year", detail=(("years_back", n),))


def _h_past_months(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    n = vocab.count(m.group("nw"), m.group("nd"))
    if not n or n > 36:
        return None
    return _mention(m, "to_month", detail=(("n_months", n), ("month", None)))


def _h_to_month(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    if m.group("yr"):
        n: int | None = 12
    elif m.group("qr") or m.group("hy"):
        if _ordinal_before(m, vocab):
            return None  # "the first quarter to June" is a quarter, then "to June"
        n = 3 if m.group("qr") else 6
    else:
        n = vocab.count(m.group("nw"), m.group("nd"))
    if not n or n > 36:
        return None
    mo = vocab.month(m.group("m"))
    day = m.group("d") or m.group("d2")
    y = int(m.group("y")) if m.group("y") else None
    if day is not None and int(day) == 1:
        # "the year to July 1, 2023": to the day before a stock's date, the months before it (FACTS.md)
        mo, y = (12, y - 1 if y else None) if mo == 1 else (mo - 1, y)
    detail: Detail = (("n_months", n), ("month", mo))
    if y is not None:
        fy, fm = _month_add(y, mo, -(n - 1))
        return _mention(m, "to_month", date(fy, fm, 1), _month_end(y, mo), detail)
    return _mention(m, "to_month", detail=detail)


_WORD_BEFORE = re.compile(r"(\w+)\s{1,3}\Z")


def _ordinal_before(m: re.Match[str], vocab: _Vocab) -> bool:
    """``first quarter to June``: the word before the match is a quarter or half ordinal."""
    word = _WORD_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
    return word is not None and vocab.ordinal(vocab.quarter_ordinals, word.group(1)) is not None


# A basis phrase with "the" is the start of a longer period when one follows:
# "over the year to October 2023", "on the month of March", "over the year 2024".
_BASIS_CONTINUED = re.compile(r"\s{0,3}(?:[-–]?\d|(?i:to|ending|ended|through|until|till|of|before|earlier|ago|"
                              r"ahead|after|since)\b)")

_BASIS_SHIFT: dict[str, Detail] = {
    "year": (("shift", -1),),
    "month": (("months_shift", -1),),
    "quarter": (("months_shift", -3),),
}


def _h_basis(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    """``year on year``, ``on the month``: compared with the period in force moved back one unit."""
    phrase = " ".join(m.group("w").lower().split())
    unit = vocab.basis.get(phrase)
    if unit is None or unit not in _BASIS_SHIFT:
        return None
    if " the " in f" {phrase} " and _BASIS_CONTINUED.match(m.string, m.end(), m.end() + 12):
        return None
    return _mention(m, "same_period", detail=(("unit", unit), ("basis", unit), *_BASIS_SHIFT[unit]))


def _point(m: re.Match[str], vocab: _Vocab, part: str, edge: str) -> PeriodMention | None:
    """``at the beginning of 2025``, ``by the end of September``: the first or last day, a stock's date."""
    if edge not in ("first", "last"):
        return None
    detail: Detail = (("part", part), ("edge", edge))
    if m.group("m"):
        mo = vocab.month(m.group("m"))
        if m.group("my"):
            y = int(m.group("my"))
            d = date(y, mo, 1) if edge == "first" else _month_end(y, mo)
            return _mention(m, "date", d, d, detail)
        day = 1 if edge == "first" else _month_end(2000, mo).day  # the resolver takes the month end of its year
        return _mention(m, "date", detail=(*detail, ("month", mo), ("day", day)))
    mo, day = (1, 1) if edge == "first" else (12, 31)
    how, value = _year_spec(m, vocab)
    if how == "abs" and value is not None:
        d = date(value, mo, day)
        return _mention(m, "date", d, d, detail)
    detail = (*detail, ("month", mo), ("day", day))
    if how == "rel":
        detail = (*detail, ("relative", value))
    return _mention(m, "date", detail=detail)


def _h_deictic(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    word = " ".join(m.group("w").lower().split())
    text = m.string
    before = text[max(0, m.start() - 8):m.start()].lower()
    after = text[m.end():m.end() + 6].lower()
    if word == "to date" and _UP_TO_BEFORE.search(before):
        return None
    if word == "so far" and _SO_FAR_AS_AFTER.match(after):
        return None
    return _mention(m, "deictic", detail=(("word", word),))


_HANDLERS: dict[str, Handler] = {
    "date_mdy": _h_date, "date_dmy": _h_date, "date_num": _h_date, "date_iso": _h_date,
    "date_num2": _h_date, "date_num_range": _h_date_range, "date_roman": _h_date,
    "date_roman_range": _h_date_range, "month_range_roman": _h_month_range_roman,
    "month_range": _h_month_range,
    "months_first": _h_months, "months_of": _h_months, "months_ctx": _h_months,
    "quarter_word": _h_quarter, "quarter_q": _h_quarter, "quarter_num": _h_quarter, "quarter_yq": _h_quarter,
    "quarter_month": _h_quarter_month, "month_list": _h_month_list, "quarter_span": _h_quarter_span,
    "half_word": _h_half, "half_h": _h_half, "half_yh": _h_half,
    "month_year": _h_month_year, "year_month": _h_year_month, "month_prep": _h_month_prep,
    "year_range": _h_year_range, "decade": _h_decade, "year": _h_year,
    "fiscal_year": _h_fiscal_year, "fiscal_pair": _h_fiscal_year,
    "since_ytd": _h_since_ytd, "fuzzy": _h_fuzzy, "fuzzy_year_word": _h_fuzzy_year_word,
    "same_period": _h_same_period, "rel_year": _h_rel_year, "year_back": _h_year_back,
    "month_back": _h_month_back, "prev_unit": _h_prev_unit, "rel_unit": _h_rel_unit,
    "month_year_word": _h_month_year_word,
    "year_before": _h_year_before, "past_years": _h_past_years, "past_months": _h_past_months,
    "over_months": _h_past_months,
    "to_month": _h_to_month, "deictic": _h_deictic,
    "basis": _h_basis, "basis_phrase": _h_basis,
}
assert set(_HANDLERS) == set(_TEMPLATES), "every template needs a handler"

