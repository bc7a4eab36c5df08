"""Periods: find the stretches of time a text names, and turn them into dates.

Three functions make the public API:

* :func:`find_periods` locates period mentions with our own regular grammar
  (``January-December 2025``, ``first four months of this year``, ``Q1 2025``,
  ``mid-2024``, ``the same period last year``, ``since February 2024`` ...).
  Spans are offsets into the original string, sorted, non-overlapping
  (the longest candidate wins), and the scan is linear in the text length:
  one fast scan finds the tokens every rule needs (a year, a month name, a key
  word such as ``quarter`` or ``same``), and each rule runs only in windows
  around its tokens. Key words are matched in lower, Title or UPPER case.
* :func:`resolve_period` turns a mention into an inclusive ``(first, last)``
  pair of dates, using the context a caller knows (the period in force, the
  "as of" date, the publication date).
* :func:`find_publication_date` reads the date a text states as its own
  publication date.

A mention that fixes its own bounds carries ``first``/``last``; one that needs
context leaves them ``None`` and says in ``detail`` what the resolver needs:

============  ================================================================
detail key    meaning
============  ================================================================
months        ``(a, b)``: calendar months a..b (``a > b`` runs over New Year)
relative      year offset from the base year: ``of this year`` 0, ``of last year`` -1
month, day    a date without a year (``Sept. 20``)
quarter/half  which quarter or half (informative; ``months`` carries the bounds)
part          fuzzy word: ``early``, ``mid``, ``late`` ... ; ``days`` for a month part
start         a ``since`` mention's first day when the text fixes it
base_kind,    a ``since`` mention whose start needs context: the kind and detail
base_detail,  of the mention after ``since``; ``base_edge`` is ``first`` or
base_edge     ``after_last`` (``since the end of 2023`` starts 2024-01-01)
year, shift   ``same_period``: the target year, or a shift in years (None: the
              text gave neither, ``the same period``); ``unit`` as written
months_shift  ``same_period`` by months: ``a month earlier`` -1, ``12 months
              earlier`` -12, ``the previous quarter`` -3 (the period in force moved)
offset        ``relative_year``: ``last year`` -1, ``this year`` 0, ``next year`` 1
years_back    ``the past 25 years``: 25
n_months      ``to_month``: length of the stretch ending with ``month`` (None: the
              month before the context, ``the past 12 months``)
word          ``deictic``: the word as written, lower case
as_of         True when the text says ``as of`` right before the mention
============  ================================================================

>>> [(m.text, m.kind) for m in find_periods("In January-December 2025, compared to 2024")]
[('January-December 2025', 'month_range'), ('2024', 'year')]
>>> m = find_periods("Since January, the population grew")[0]
>>> m.text, m.needs_context
('Since January', True)
>>> resolve_period(m, as_of=date(2025, 5, 1))
(datetime.date(2025, 1, 1), datetime.date(2025, 4, 30))
"""

from __future__ import annotations

import calendar
import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

try:  # the regex parser, to read which characters a rule can start with (see _finder)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from .resources import load_yaml
from .types import PeriodMention, fast_constructor

_new_mention = fast_constructor(PeriodMention)  # same record as PeriodMention(...), made faster

__all__ = ["find_periods", "resolve_period", "find_publication_date"]

YEAR_MIN, YEAR_MAX = 1800, 2100
_PATTERNS_FILE = "periods.yaml"

Detail = tuple[tuple[str, Any], ...]
Interval = tuple[date, date]


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


# --- the vocabulary (patterns/periods.yaml) ------------------------------------------


# A word list compiles to a trie-shaped alternation: ``Jan(?:uary|\.?)`` instead of
# ``January|...|Jan\.?``. The regex engine then tests a handful of first letters
# per position instead of every word, and the match is the same: alternatives are
# only regrouped past alternatives that cannot match the same character, so the
# engine still tries the viable words in their original (longest-first) order.

Token = tuple[str, str]  # ("c", a literal character) or ("r", a regex item such as \s{1,3})
_SPACE: Token = ("r", r"\s{1,3}")


def _tokens(word: str, *, abbrev: bool = False, hyphen: str | None = None) -> list[Token]:
    """A word as trie tokens: spaces match 1-3 whitespace, ``-`` may become ``hyphen``."""
    tokens: list[Token] = []
    for i, part in enumerate(word.split()):
        if i:
            tokens.append(_SPACE)
        tokens.extend(("r", hyphen) if hyphen and ch == "-" else ("c", ch) for ch in part)
    if abbrev:
        tokens.append(("r", r"\.?"))
    return tokens


def _same_token(a: Token, b: Token, icase: bool) -> bool:
    if icase and a[0] == b[0] == "c":
        return a[1].lower() == b[1].lower()
    return a == b


def _disjoint(a: Token | None, b: Token | None, icase: bool) -> bool:
    """True when no character can match both tokens (None: the end of a word, matches anything)."""
    if a is None or b is None:
        return False
    if a[0] == b[0] == "c":
        return not _same_token(a, b, icase)
    if a[0] == "r" and b[0] == "r":
        return False
    ch, item = (a[1], b[1]) if a[0] == "c" else (b[1], a[1])
    if item == r"\s{1,3}":
        return not ch.isspace()
    if item == r"[\s-]":
        return not (ch.isspace() or ch == "-")
    return False


def _trie(words: list[list[Token]], icase: bool) -> str:
    """An alternation of token lists (in priority order) with shared prefixes factored out."""
    groups: list[tuple[Token | None, list[list[Token]]]] = []
    for word in words:
        head = word[0] if word else None
        for g_head, rests in reversed(groups):
            if head is not None and g_head is not None and _same_token(g_head, head, icase):
                rests.append(word[1:])
                break
            if not _disjoint(g_head, head, icase):
                groups.append((head, [word[1:]]))
                break
        else:
            groups.append((head, [word[1:]]))
    alts = []
    for head, rests in groups:
        if head is None:
            alts.append("")
            continue
        item = re.escape(head[1]) if head[0] == "c" else head[1]
        alts.append(item + (_trie(rests, icase) if rests != [[]] else ""))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _alt(words: Iterable[str], *, icase: bool = True, hyphen: str | None = None) -> str:
    """A regex alternation of words, longest first; spaces match 1-3 whitespace."""
    forms = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return _trie([_tokens(w, hyphen=hyphen) for w in forms], icase)


@functools.lru_cache(maxsize=1024)  # keyed on a short word as written: "Sept.", "JANUARY"
def _norm(word: str) -> str:
    return " ".join(word.lower().replace(".", " ").split())


@dataclass(frozen=True)
class _Vocab:
    months: dict[str, int]  # normalised name -> 1..12
    month_forms: tuple[tuple[str, bool], ...]  # (form as written, is an abbreviation)
    ordinals: dict[str, int]
    numbers: dict[str, int]
    quarter_ordinals: dict[str, int]  # keys as written (Roman numerals are upper case)
    half_ordinals: dict[str, int]
    quarter_words: tuple[str, ...]
    half_words: tuple[str, ...]
    fuzzy: dict[str, dict[str, tuple[int, int]]]
    relative: dict[str, int]
    year_back_words: tuple[str, ...]
    deictic: tuple[str, ...]
    same_words: tuple[str, ...]
    same_units: tuple[str, ...]
    count_after: re.Pattern[str]  # "2025 people": the number is a count, not a year
    number_before: re.Pattern[str]  # "about 2000", "No. 2024": a number, not a year
    number_before_finder: re.Pattern[str]  # the same test, searched faster (see _finder)

    @classmethod
    def from_yaml(cls, data: dict[str, Any]) -> _Vocab:
        months: dict[str, int] = {}
        forms: list[tuple[str, bool]] = []
        for number, names in data["months"].items():
            for i, name in enumerate(names):
                months[_norm(name)] = int(number)
                abbrev = i > 0
                forms.extend({(name, abbrev), (name.upper(), abbrev)})
        fuzzy = {str(k): {part: tuple(v) for part, v in spec.items()} for k, spec in data["fuzzy"].items()}
        number_before = re.compile(
            r"(?<![\w])(?i:" + _alt(str(w) for w in data["not_year_before"]) + r")\s{0,2}\Z")
        return cls(
            months=months,
            month_forms=tuple(sorted(forms)),
            ordinals={str(k).lower(): int(v) for k, v in data["ordinals"].items()},
            numbers={str(k).lower(): int(v) for k, v in data["numbers"].items()},
            quarter_ordinals={str(k): int(v) for k, v in data["quarter_ordinals"].items()},
            half_ordinals={str(k): int(v) for k, v in data["half_ordinals"].items()},
            quarter_words=tuple(data["quarter_words"]),
            half_words=tuple(data["half_words"]),
            fuzzy=fuzzy,
            relative={str(k).lower(): int(v) for k, v in data["relative"].items()},
            year_back_words=tuple(data["year_back_words"]),
            deictic=tuple(data["deictic"]),
            same_words=tuple(data["same_words"]),
            same_units=tuple(data["same_units"]),
            count_after=re.compile(  # used with .match(text, end): anchored where the year ends
                r"\s{0,2}(?i:" + _alt(str(w) for w in data["not_year_after"]) + r")(?![\w])"),
            number_before=number_before,
            number_before_finder=_finder(number_before) or number_before,
        )

    def month(self, word: str) -> int:
        return self.months[_norm(word)]

    def count(self, word: str | None, digits: str | None) -> int | None:
        """A cardinal written as a word or digits."""
        if digits:
            return int(digits)
        if word:
            return self.numbers.get(word.lower())
        return None

    def ordinal(self, table: dict[str, int], word: str) -> int | None:
        """``first`` / ``1st`` / ``I`` / ``1`` -> 1, from a quarter or half ordinal table."""
        if word.isdigit():
            return int(word)
        return table.get(word, table.get(word.lower()))

    def relative_offset(self, phrase: str) -> int | None:
        """``last year`` -> -1, ``the current year`` -> 0, ``the year`` -> None."""
        for token in phrase.lower().split():
            if token in self.relative:
                return self.relative[token]
        return None


# --- the grammar ---------------------------------------------------------------------
#
# Templates are re.VERBOSE regexes with <<TOKEN>> placeholders filled from the
# vocabulary. Every quantifier is bounded so a failed attempt costs O(1) and the
# scan stays linear. Month names are case-sensitive (Title or UPPER); everything
# else is wrapped in (?i:...).

_TEMPLATES: dict[str, str] = {}


def _template(name: str, pattern: str) -> None:
    _TEMPLATES[name] = pattern


_template("date_mdy", r"""
    (?P<m><<MONTH>>)                          # month name: May, Sept.
    \s{1,3}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?    # day: 1, 1st
    (?!\d|[.,]\d|\s{0,2}%)                    # not a longer number or a percent
    (?:,?\s{1,3}(?P<y><<YEAR>>)(?!\d))?       # optional year: , 2025
""")

_template("date_dmy", r"""
    (?<![\w.,])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?  # day: 1, 1st
    \s{1,3}(?:(?i:of)\s{1,3})?                # optional "of"
    (?P<m><<MONTH>>)                          # month name
    (?:,?\s{1,3}(?P<y><<YEAR>>)(?!\d))?       # optional year
""")

_template("date_num", r"""
    (?<![\w.,/-])                             # not inside a longer number
    (?P<d>[0-3]?\d)(?P<sep>[./-])             # day and separator: 09.
    (?P<mo>[01]?\d)(?P=sep)                   # month, same separator: 02.
    (?P<y><<YEAR>>)                           # four-digit year: 2026
    (?!\d|[.,/-]\d)                           # not followed by more number
""")

_template("date_iso", r"""
    (?<![\w.,/-])                             # not inside a longer number
    (?P<y><<YEAR>>)(?P<sep>[-/.])             # year and separator: 2025-
    (?P<mo>[01]?\d)(?P=sep)                   # month: 05-
    (?P<d>[0-3]?\d)                           # day: 01
    (?!\d|[.,/-]\d)                           # not followed by more number
""")

_template("date_num2", r"""
    (?<![\w.,/-])                             # not inside a longer number
    (?P<d>[0-3]\d)(?P<sep>[./])               # two-digit day: 09.
    (?P<mo>[01]\d)(?P=sep)                    # two-digit month: 02.
    (?P<yy>\d\d)                              # two-digit year: 26 (read by dateparser)
    (?!\d|[.,/-]\d)                           # not followed by more number
""")

_template("month_range", r"""
    (?:(?P<between>(?i:between))\s{1,3})?     # "between" (kept in the span)
    (?P<m1><<MONTH>>)                         # first month
    (?:,?\s{1,3}(?P<y1><<YEAR>>)(?!\d))?      # its optional year: November 2024 -
    \s{0,3}(?P<sep>[-–—]|(?i:to|through|thru|till|until|and)\b)\s{0,3}  # - | to | and
    (?P<m2><<MONTH>>)                         # last month
    (?:(?:,?\s{1,3}|\s{0,2}-\s{0,2})          # then a year, maybe "of"/"in"
       (?:(?i:of|in)\s{1,3})?
       (?:(?P<y2><<YEAR>>)(?!\d)|(?P<rel><<RELYEAR>>)))?
""")

_template("month_list", r"""
    (?P<list><<MONTH>>(?:,\s{1,3}<<MONTH>>)+  # January, February
       ,?\s{1,3}(?i:and)\s{1,3}<<MONTH>>)       # and March
    (?:,?\s{1,3}(?:(?i:of|in)\s{1,3})?        # then a year, maybe "of"/"in"
       (?:(?P<y><<YEAR>>)(?!\d)|(?P<rel><<RELYEAR>>)))?
""")

_template("months_first", r"""
    (?<![\w-])(?i:first)                      # "first"
    (?:\s{1,3}(?:(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,2})))?  # how many: four | 9
    \s{1,3}(?P<unit>(?i:months?))(?!\w)       # months
    (?:\s{1,3}(?i:of|in)\s{1,3}               # of 2025 | of this year | of the year
       (?:(?P<y><<YEAR>>)(?!\d)|(?P<rel><<RELYEAR>>)))?
""")

_template("months_of", r"""
    (?<![\w-])(?:(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,2}))  # nine | 9
    [\s-]{1,3}(?i:months)                     # months
    \s{1,3}(?i:of)\s{1,3}                     # of
    (?:(?P<y><<YEAR>>)(?!\d)|(?P<rel><<RELYEAR>>))   # 2024 | this year
""")

_template("months_ctx", r"""
    (?<![\w-])(?i:in|during)\s{1,3}(?:(?i:the)\s{1,3})?  # in (the)
    (?P<core>(?:(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,2}))     # six | 6
       \s{1,3}(?i:months))(?!\w)              # months
    (?!\s{1,3}(?i:of|ago|later|before|after|from|to|since|time)\b)  # not a duration
""")

_template("quarter_word", r"""
    (?<![\w])(?P<q><<QORD>>)(?!\w)            # first | 1st | I | 1
    [\s-]{1,3}(?i:<<QWORD>>)(?!\w|-on)        # quarter
    (?:,?\s{1,3}(?:(?i:of|in)\s{1,3})?        # of 2025 | 2025 | of this year
       (?:(?P<y><<YEAR>>)(?!\d)|(?P<rel><<RELYEAR>>)))?
""")

_template("quarter_span", r"""
    (?<![\w])(?P<q><<QORD>>)(?!\w)            # first | I
    \s{0,3}(?P<sep>[-–—]|(?i:and|to|through)\b)\s{0,3}  # and | - | to
    (?P<q2><<QORD>>)(?!\w)                     # second | III
    [\s-]{1,3}(?i:<<QWORD>>)(?i:s)?(?!\w|-on) # quarters
    (?:,?\s{1,3}(?:(?i:of|in)\s{1,3})?        # of 2024 | 2024 | of this year
       (?:(?P<y><<YEAR>>)(?!\d)|(?P<rel><<RELYEAR>>)))?
""")

_template("quarter_q", r"""
    (?<![\w])Q(?P<q>[1-4])(?!\w)              # Q1
    (?:\s{0,2}[-–—]\s{0,2}Q(?P<q2>[1-4])(?!\w))?  # –Q3: quarters from the first to this one
    (?:(?:\s{1,3}(?i:of)\s{1,3}|\s{1,3}|\s{0,2}[-/]\s{0,2})  # " ", " of ", "-", "/"
       (?:(?P<y><<YEAR>>)(?!\d)|(?P<rel><<RELYEAR>>)))?       # 2025 | this year
""")

_template("quarter_yq", r"""
    (?<![\w.,])(?P<y><<YEAR>>)                # 2025
    \s{0,2}[-/:]?\s{0,2}                      # optional separator
    Q(?P<q>[1-4])(?!\w)                       # Q1
""")

_template("quarter_month", r"""
    (?P<m><<MONTH>>)                          # March | June | September | December
    (?:\s{1,3}(?P<y1><<YEAR>>))?              # the June 2024 quarter
    \s{1,3}(?i:<<QWORD>>)(?!\w|-on)           # quarter
    (?:,?\s{1,3}(?:(?i:of)\s{1,3})?(?P<y2><<YEAR>>)(?!\d))?  # March quarter 2025
""")

_template("half_word", r"""
    (?<![\w])(?P<h><<HORD>>)(?!\w)            # first | second | I | II
    [\s-]{1,3}(?i:<<HWORD>>)(?!\w|-on)        # half | half-year
    (?:,?\s{1,3}(?:(?i:of|in)\s{1,3})?        # of 2024 | of the year
       (?:(?P<y><<YEAR>>)(?!\d)|(?P<rel><<RELYEAR>>)))?
""")

_template("half_h", r"""
    (?<![\w])H(?P<h>[12])(?!\w)               # H1
    (?:(?:\s{1,3}(?i:of)\s{1,3}|\s{1,3}|\s{0,2}[-/]\s{0,2})  # separator
       (?:(?P<y><<YEAR>>)(?!\d)|(?P<rel><<RELYEAR>>)))?       # 2024
""")

_template("half_yh", r"""
    (?<![\w.,])(?P<y><<YEAR>>)                # 2024
    \s{0,2}[-/]?\s{0,2}                       # optional separator
    H(?P<h>[12])(?!\w)                        # H1
""")

_template("month_year", r"""
    (?P<m><<MONTH>>)                          # March
    (?:,?\s{1,3}|\s{0,2}[-/]\s{0,2}|\s{1,3}(?i:of)\s{1,3})  # " ", ", ", "-", " of "
    (?:(?P<y><<YEAR>>)(?!\d|[.,]\d)|(?P<rel><<RELYEAR>>))   # 2025 | last year
""")

_template("month_prep", r"""
    (?<![\w])(?P<prep>(?i:in|since|during|by|until|till|through|throughout|before|after|for|from|of|to|with))
    \s{1,3}(?P<core><<MONTH>>)                # the month alone: in March
""")

_template("year_range", r"""
    (?:(?P<between>(?i:between))\s{1,3})?     # "between" (kept in the span)
    (?<![\w.,])(?P<y1><<YEAR>>)               # 2019
    \s{0,3}(?P<sep>[-–—/]|(?i:to|through|thru|till|until|and)\b)\s{0,3}  # - | to | and
    (?:(?P<y2><<YEAR>>)|(?P<yy>\d\d))         # 2024 | 20 (fiscal 2019/20)
    (?!\w|[.,]\d)                             # not a longer number
""")

_template("decade", r"""
    (?<![\w.,])(?P<y>(?:18|19|20)\d0)         # 1990
    ['’]?s(?!\w)                              # s | 's
""")

_template("year", r"""
    (?<![\w.,])(?P<y><<YEAR>>)                # a year 1800-2100
    (?!\w|[.,]\d)                             # not 2024.5, not 2025Q1
""")

_template("since_ytd", r"""
    (?<![\w-])(?i:
        so\s{1,3}far\s{1,3}this\s{1,3}year    # so far this year
      | this\s{1,3}year\s{1,3}to\s{1,3}date   # this year to date
      | year[\s-]to[\s-]date                  # year-to-date
    )(?![\w-])
""")

_template("fuzzy", r"""
    (?<![\w-])
    (?:(?P<p1>(?i:early|mid|late|end))(?P<s1>\s{1,3}|-)   # early 2025 | mid-2024 | end-2024
      |(?P<p2>(?i:beginning|start|end|middle))\s{1,3}(?i:of)\s{1,3})  # end of 2024
    (?:(?P<y><<YEAR>>)(?![\w]|[.,]\d)         # a year
      |(?P<rel><<RELYEAR>>)                   # last year | the year
      |(?P<m><<MONTH>>)(?:,?\s{1,3}(?P<my><<YEAR>>)(?!\d))?)  # March (2025)
""")

_template("fuzzy_year_word", r"""
    (?<![\w-])(?P<w>(?i:mid[\s-]?year|year[\s-]end|end[\s-]of[\s-]year))(?!\w|-on)  # mid-year
    (?:,?\s{1,3}(?P<y><<YEAR>>)(?!\d))?       # mid-year 2024
""")

_template("same_period", r"""
    (?<![\w])(?P<w>(?i:<<SAMEWORD>>))\s{1,3}  # same | corresponding
    (?P<unit>(?i:<<SAMEUNIT>>))s?(?!\w)       # period | month | quarter
    (?:\s{1,3}(?:(?i:in|of|during)\s{1,3})?(?:(?i:the)\s{1,3})?(?P<y><<YEAR>>)(?!\d)  # in 2024
      |\s{1,3}(?:(?i:of|in)\s{1,3})?(?P<rel><<RELYEAR>>)                              # last year
      |\s{1,3}(?P<ago>(?i:a|one)\s{1,3}(?i:year)\s{1,3}(?i:<<BACKWORD>>))(?!\w)      # a year ago
      |\s{1,3}(?i:the)\s{1,3}(?P<before>(?i:year\s{1,3}before))(?!\w))?              # the year before
""")

_template("rel_year", r"""
    (?<![\w-])(?P<w>(?i:<<RELWORD>>))\s{1,3}(?i:year)  # last year | this year
    (?!\w|-on|-over|-to)                      # not year-on-year
""")

_template("month_back", r"""
    (?<![\w-])
    (?:(?P<a>(?i:a|one))|(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,2}))  # a | twelve | 12
    \s{1,3}(?P<unit>(?i:months?|quarters?))  # month(s) | quarter(s)
    \s{1,3}(?i:<<BACKWORD>>)(?!\w)            # earlier | ago | before
""")

_template("prev_unit", r"""
    (?<![\w-])(?i:previous|preceding|prior)\s{1,3}  # previous
    (?P<unit>(?i:month|quarter))(?!\w|-on|-over|-to)  # month | quarter
""")

_template("month_year_word", r"""
    (?P<m><<MONTH>>)\s{1,3}(?P<y><<YEAR>>)   # June 2024
    \s{1,3}(?P<w>(?i:year|month))(?![\w-])  # year (Stats NZ: the year ended June) | month
""")

_template("year_back", r"""
    (?<![\w-])
    (?:(?P<a>(?i:a|one))|(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,2}))  # a | two | 2
    \s{1,3}(?i:years?)\s{1,3}(?i:<<BACKWORD>>)(?!\w)             # year(s) earlier | ago
""")

_template("year_before", r"""
    (?<![\w-])(?i:the)\s{1,3}                 # "the" (not in the span)
    (?P<core>(?i:year\s{1,3}before))(?!\w)    # year before
    (?!\s{1,3}(?i:last)\b)                    # not "the year before last"
""")

_template("past_years", r"""
    (?<![\w-])(?i:the)\s{1,3}                 # "the" (not in the span)
    (?P<core>(?i:past|last|previous|preceding)\s{1,3}   # past
      (?:(?:(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,3}))\s{1,3}(?P<unit>(?i:years|decades))  # 25 years
        |(?P<decade>(?i:decade))))(?!\w)      # decade
""")

_template("past_months", r"""
    (?<![\w-])(?i:the)\s{1,3}                 # "the" (not in the span)
    (?P<core>(?i:past|last|previous|preceding)\s{1,3}   # last
      (?:(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,2}))\s{1,3}(?i:months))(?!\w)  # 12 months
""")

_template("to_month", r"""
    (?<![\w.,-])
    (?:(?:(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,2}))[\s-]{1,3}(?i:months?)  # 12 months | 12-month
       (?:\s{1,3}(?i:period))?                # 12-month period
      |(?P<yr>(?i:year)))                     # year
    \s{1,3}(?i:to|ending|ended|through|until|till)(?:\s{1,3}(?i:in))?\s{1,3}  # to | ended
    (?:(?i:the)\s{1,3})?                      # the (March 2025 quarter)
    (?:(?P<d>[0-3]?\d)\s{1,3})?               # 31 (March)
    (?P<m><<MONTH>>)(?:\s{1,3}[0-3]?\d(?!\d))?   # March (31)
    (?:,?\s{1,3}(?P<y><<YEAR>>)(?!\d))?       # 2025
    (?:\s{1,3}(?i:quarter)(?!\w))?            # quarter (ABS)
""")

_template("deictic", r"""
    (?<![\w-])(?P<w>(?i:<<DEICTIC>>))(?![\w-])   # currently | now | to date
""")


@dataclass(frozen=True)
class _Grammar:
    vocab: _Vocab
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    trigger: re.Pattern[str]  # month names and key words, as plain literals (a fast scan)
    trigger_kinds: dict[str, str]  # a trigger as written -> its kind (MONTH, KW_YEAR ...)
    finders: dict[str, re.Pattern[str] | None]  # rule name -> its fast scanner (see _finder)
    since_before: re.Pattern[str] = field(
        default=re.compile(r"(?i)(?<![\w])since\s{1,3}(?:the\s{1,3})?\Z"))
    as_of_before: re.Pattern[str] = field(
        default=re.compile(r"(?i)(?<![\w])as\s{1,3}(?:of|at)\s{1,3}(?:the\s{1,3})?\Z"))


def _build(vocab: _Vocab) -> _Grammar:
    month_alts = sorted(vocab.month_forms, key=lambda f: (-len(f[0]), f[0]))
    month_trie = _trie([_tokens(form, abbrev=abbrev) for form, abbrev in month_alts], icase=False)
    month = "(?<![A-Za-z])(?:" + month_trie + ")(?![A-Za-z])"
    year = r"(?:1[89]\d\d|20\d\d|2100)"
    relyear = (r"(?:(?:(?i:the)\s{1,3})?(?i:" + _alt(vocab.relative) + r")\s{1,3}(?i:year)"
               r"|(?i:the)\s{1,3}(?i:year))(?![\w])")

    def ordinal_alt(table: dict[str, int]) -> str:
        roman = [k for k in table if k.isupper()]
        words = [k for k in table if not k.isupper()]
        return "(?:(?i:" + _alt(words) + ")|" + _alt(roman, icase=False) + "|[1-4])"

    tokens = {
        "MONTH": month,
        "YEAR": year,
        "RELYEAR": relyear,
        "NUMWORD": "(?i:" + _alt(vocab.numbers) + ")",
        "QORD": ordinal_alt(vocab.quarter_ordinals),
        "HORD": ordinal_alt(vocab.half_ordinals).replace("[1-4]", "[12]"),
        "QWORD": _alt(vocab.quarter_words),
        "HWORD": _alt(vocab.half_words, hyphen=r"[\s-]"),
        "SAMEWORD": _alt(vocab.same_words),
        "SAMEUNIT": _alt(vocab.same_units, hyphen=r"[\s-]"),
        "RELWORD": _alt(vocab.relative),
        "BACKWORD": _alt(vocab.year_back_words),
        "DEICTIC": _alt(vocab.deictic),
    }
    rules = []
    for name, template in _TEMPLATES.items():
        pattern = template
        for key, value in tokens.items():
            pattern = pattern.replace(f"<<{key}>>", value)
        rules.append((name, re.compile(pattern, re.VERBOSE)))
    trigger, kinds = _trigger_scan(vocab)
    finders = {name: _finder(rx) for name, rx in rules}
    return _Grammar(vocab=vocab, rules=tuple(rules), trigger=trigger, trigger_kinds=kinds, finders=finders)


def _trigger_scan(vocab: _Vocab) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of literals (no flags, no lookaround) so the scan skips ahead fast."""
    kinds: dict[str, str] = {form: "MONTH" for form, _ in vocab.month_forms}
    words: dict[str, str] = {"year": "KW_YEAR", "decade": "KW_DECADE", "month": "KW_MONTH"}
    words.update({w.split()[0].split("-")[0]: "KW_QUARTER" for w in vocab.quarter_words})
    words.update({w.split()[0].split("-")[0]: "KW_HALF" for w in vocab.half_words})
    words.update({w: "KW_SAME" for w in vocab.same_words})
    words.update({w.split()[-1]: "KW_DEICTIC" for w in vocab.deictic})
    for word, kind in words.items():
        for form in (word, word.capitalize(), word.upper()):
            kinds.setdefault(form, kind)
    kinds.update({f"Q{q}": "KW_Q" for q in range(1, 5)})
    kinds.update({f"H{h}": "KW_H" for h in (1, 2)})
    forms = sorted(kinds, key=lambda k: (-len(k), k))
    return re.compile(_trie([[("c", ch) for ch in form] for form in forms], icase=False)), kinds


# --- fast scanners: skip to the characters a rule can start with -------------------
#
# A rule regex that starts with a lookbehind or an optional group makes the regex
# engine try the whole pattern at every position. The finder of a rule is
#     [first characters](?<=(?=RULE)[\s\S])
# which the engine scans with its fast character-set skip and which stops exactly
# where RULE matches (the lookahead, checked at the position the class consumed).
# The first characters are read from the parsed pattern; a case-insensitive letter
# also admits every non-ASCII character (the Kelvin sign matches k), so the set is
# never too small.

_NON_ASCII = "\\x80-\\U0010ffff"
_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
               _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_sre, name))  # POSSESSIVE_REPEAT is new in 3.11
First = tuple[set[str] | None, bool]  # (class items a match can start with, None: any; can it be empty)


def _cased(ch: str) -> bool:
    return ch.lower() != ch.upper()


def _first_literal(code: int, icase: bool) -> set[str] | None:
    ch = chr(code)
    if icase and _cased(ch):
        return {re.escape(ch.lower()), re.escape(ch.upper()), _NON_ASCII} if ch.isascii() else None
    return {re.escape(ch)}


def _first_class(items: list[tuple[Any, Any]], icase: bool) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        part: set[str] | None = None
        if op is _sre.LITERAL:
            part = _first_literal(av, icase)
        elif op is _sre.RANGE and not (icase and any(_cased(chr(c)) for c in range(av[0], av[1] + 1))):
            part = {re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))}
        elif op is _sre.CATEGORY and av in _CATEGORIES:
            part = {_CATEGORIES[av]}
        if part is None:
            return None
        out |= part
    return out


def _first_seq(items: Iterable[tuple[Any, Any]], icase: bool) -> First:
    out: set[str] = set()
    for op, av in items:
        part, empty = _first_item(op, av, icase)
        if part is None:
            return None, False
        out |= part
        if not empty:
            return out, False
    return out, True


def _first_item(op: Any, av: Any, icase: bool) -> First:
    if op is _sre.LITERAL:
        return _first_literal(av, icase), False
    if op is _sre.IN:
        return _first_class(av, icase), False
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):  # zero width: only narrows
        return set(), True
    if op is _sre.SUBPATTERN:
        _, add, remove, sub = av
        flag = _sre.SRE_FLAG_IGNORECASE
        return _first_seq(sub, bool((icase or add & flag) and not remove & flag))
    if op is _sre.BRANCH:
        out: set[str] = set()
        can_be_empty = False
        for alternative in av[1]:
            part, empty = _first_seq(alternative, icase)
            if part is None:
                return None, False
            out |= part
            can_be_empty = can_be_empty or empty
        return out, can_be_empty
    if op in _REPEATS:
        part, empty = _first_seq(av[2], icase)
        return part, empty or av[0] == 0
    return None, False  # anything else (., a back reference ...) may start with any character


def _finder(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A scanner that stops exactly where ``rx`` can match, or None when none can be built."""
    try:
        first, empty = _first_seq(_sre_parse.parse(rx.pattern, rx.flags), bool(rx.flags & re.IGNORECASE))
    except Exception:  # noqa: BLE001 - the parser is private to re; without a scanner the rule is searched as is
        return None
    if first is None or empty:
        return None
    body = rx.pattern + ("\n" if rx.flags & re.VERBOSE else "")  # a VERBOSE pattern may end in a comment
    try:
        return re.compile("[" + "".join(sorted(first)) + "](?<=(?=" + body + ")[\\s\\S])", rx.flags)
    except re.error:  # a back reference (date_num's separator) cannot sit in a lookbehind
        return None


@functools.lru_cache(maxsize=8)
def _grammar(patterns_dir: Path | None) -> _Grammar:
    return _build(_Vocab.from_yaml(load_yaml(_PATTERNS_FILE, base=patterns_dir)))


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
_NUMBER_GLUE_AFTER = re.compile(r"[-–/:]\d")  # 2024-13-45, 2006-08
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


def _h_date(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    groups = m.groupdict()
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
    if end % 3:
        return None
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
    return _mention(m, "year_range", date(y1, 1, 1), date(y2, 12, 31), (("years", (y1, y2)),))


def _h_decade(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    y = int(m.group("y"))
    return _mention(m, "year_range", date(y, 1, 1), date(y + 9, 12, 31), (("years", (y, y + 9)),))


def _count_after(m: re.Match[str], vocab: _Vocab) -> bool:
    """A people/percent/unit word follows: ``2025 people``."""
    return vocab.count_after.match(m.string, m.end(), m.end() + 24) is not None


@functools.lru_cache(maxsize=512)
def _year_bounds(y: int) -> tuple[date, date, Detail]:
    return date(y, 1, 1), date(y, 12, 31), (("year", y),)


def _h_year(m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    text, start, end = m.string, m.start(), m.end()
    if vocab.count_after.match(text, end, end + 24):  # 2025 people
        return None
    if (vocab.number_before_finder.search(text, max(0, start - 16), start)
            or _NUMBER_GLUE_BEFORE.search(text, max(0, start - 3), start)):  # glue is at most 3 long
        return None  # about 2000, No. 2024, 691-2000, +2024
    if _NUMBER_GLUE_AFTER.match(text, end, end + 2):  # 2024-13-45, 2006-08
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
    n = 12 if m.group("yr") else vocab.count(m.group("nw"), m.group("nd"))
    if not n or n > 36:
        return None
    mo = vocab.month(m.group("m"))
    detail: Detail = (("n_months", n), ("month", mo))
    if m.group("y"):
        y = int(m.group("y"))
        fy, fm = _month_add(y, mo, -(n - 1))
        return _mention(m, "to_month", date(fy, fm, 1), _month_end(y, mo), detail)
    return _mention(m, "to_month", detail=detail)


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
    "date_num2": _h_date,
    "month_range": _h_month_range,
    "months_first": _h_months, "months_of": _h_months, "months_ctx": _h_months,
    "quarter_word": _h_quarter, "quarter_q": _h_quarter, "quarter_yq": _h_quarter,
    "quarter_month": _h_quarter_month, "month_list": _h_month_list, "quarter_span": _h_quarter_span,
    "half_word": _h_half, "half_h": _h_half, "half_yh": _h_half,
    "month_year": _h_month_year, "month_prep": _h_month_prep,
    "year_range": _h_year_range, "decade": _h_decade, "year": _h_year,
    "since_ytd": _h_since_ytd, "fuzzy": _h_fuzzy, "fuzzy_year_word": _h_fuzzy_year_word,
    "same_period": _h_same_period, "rel_year": _h_rel_year, "year_back": _h_year_back,
    "month_back": _h_month_back, "prev_unit": _h_prev_unit, "month_year_word": _h_month_year_word,
    "year_before": _h_year_before, "past_years": _h_past_years, "past_months": _h_past_months,
    "to_month": _h_to_month, "deictic": _h_deictic,
}
assert set(_HANDLERS) == set(_TEMPLATES), "every template needs a handler"


# --- find_periods ---------------------------------------------------------------------


# Where each rule may match, relative to a trigger it must contain: the trigger kinds,
# how far before the trigger's start a match may begin, and how far after the
# trigger's end it may finish (both counted with every \\s{1,3} at 3). Rules are only
# run in windows around their triggers, so a text with no trigger costs one cheap
# scan, and dense text never costs more than a full scan per rule.
_REACH: dict[str, tuple[tuple[str, ...], int, int]] = {
    "date_mdy": (("MONTH",), 0, 16),
    "date_dmy": (("MONTH",), 14, 10),
    "date_num": (("YEAR",), 6, 0),
    "date_iso": (("YEAR",), 0, 6),
    "date_num2": (("NUM2",), 0, 0),
    "month_range": (("MONTH",), 45, 70),
    "month_list": (("MONTH",), 0, 90),
    "months_first": (("KW_MONTH",), 22, 38),
    "months_of": (("KW_MONTH",), 14, 38),
    "months_ctx": (("KW_MONTH",), 30, 18),
    "quarter_word": (("KW_QUARTER",), 10, 40),
    "quarter_span": (("KW_QUARTER",), 30, 40),
    "quarter_q": (("KW_Q",), 0, 34),
    "quarter_yq": (("KW_Q",), 10, 2),
    "quarter_month": (("KW_QUARTER",), 22, 22),
    "half_word": (("KW_HALF",), 10, 50),
    "half_h": (("KW_H",), 0, 34),
    "half_yh": (("KW_H",), 10, 2),
    "month_year": (("MONTH",), 0, 42),
    "month_prep": (("MONTH",), 14, 2),
    "year_range": (("YEAR",), 28, 18),
    "decade": (("YEAR",), 0, 3),
    "year": (("YEAR",), 0, 0),
    "since_ytd": (("KW_YEAR",), 20, 14),
    "fuzzy": (("YEAR", "MONTH", "KW_YEAR"), 40, 12),
    "fuzzy_year_word": (("KW_YEAR",), 8, 18),
    "same_period": (("KW_SAME",), 0, 60),
    "rel_year": (("KW_YEAR",), 12, 6),
    "year_back": (("KW_YEAR",), 14, 16),
    "month_back": (("KW_MONTH", "KW_QUARTER"), 14, 16),
    "prev_unit": (("KW_MONTH", "KW_QUARTER"), 14, 8),
    "month_year_word": (("MONTH",), 0, 24),
    "year_before": (("KW_YEAR",), 8, 20),
    "past_years": (("KW_YEAR", "KW_DECADE"), 32, 8),
    "past_months": (("KW_MONTH",), 32, 8),
    "to_month": (("MONTH",), 62, 30),
    "deictic": (("KW_DEICTIC",), 14, 10),
}
assert set(_REACH) == set(_TEMPLATES), "every template needs its reach"
_GUARD = 10  # a window match ending this close to a cut window end is not trusted
# A run of exactly four digits (a year when 1800-2100), or a two-digit run that starts
# dd.mm.yy; the first character is a digit, so the engine skips to digits quickly.
_NUMBER_TRIGGER = re.compile(r"\d(?<!\d\d)(?:\d{3}(?!\d)|\d(?=[./]\d\d[./]\d\d(?!\d)))")


def _triggers(text: str, grammar: _Grammar) -> dict[str, list[tuple[int, int]]]:
    """Spans of the tokens every rule needs: a year, a month name, a key word."""
    hits: dict[str, list[tuple[int, int]]] = {}
    years: list[tuple[int, int]] = []
    num2: list[tuple[int, int]] = []
    for m in _NUMBER_TRIGGER.finditer(text):
        start, end = m.span()
        if end - start == 2:
            num2.append((start, start + 8))
        elif YEAR_MIN <= int(m.group()) <= YEAR_MAX:
            years.append((start, end))
    if years:
        hits["YEAR"] = years
    if num2:
        hits["NUM2"] = num2
    kinds = grammar.trigger_kinds
    for m in grammar.trigger.finditer(text):
        hits.setdefault(kinds[m.group()], []).append(m.span())
    return hits


def _windows(text: str, hits: dict[str, list[tuple[int, int]]], name: str) -> list[tuple[int, int]]:
    """The rule's windows: each trigger's reach, overlapping ones merged, clipped to the text."""
    kinds, before, after = _REACH[name]
    # one kind is already in text order; several are merged
    spans = hits.get(kinds[0], []) if len(kinds) == 1 else sorted(span for kind in kinds for span in hits.get(kind, ()))
    if not spans:
        return []
    before += 4
    after += _GUARD
    merged: list[tuple[int, int]] = []
    cur_lo, cur_hi = spans[0][0] - before, spans[0][1] + after
    for start, end in spans:
        if start - before <= cur_hi:
            if end + after > cur_hi:
                cur_hi = end + after
        else:
            merged.append((cur_lo, cur_hi))
            cur_lo, cur_hi = start - before, end + after
    merged.append((cur_lo, cur_hi))
    # starts and ends only grow: only the first can fall before the text, only the last after it
    if merged[0][0] < 0:
        merged[0] = (0, merged[0][1])
    if merged[-1][1] > len(text):
        merged[-1] = (merged[-1][0], len(text))
    return merged


def _read(handler: Handler, m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    """The handler's mention for a match, or None when it rejects the match."""
    try:
        mention = handler(m, vocab)
    except (ValueError, KeyError, OverflowError, TypeError):
        return None
    return mention if mention is not None and mention.end > mention.start else None


def _scan(text: str, rx: re.Pattern[str], finder: re.Pattern[str] | None, handler: Handler, vocab: _Vocab,
          windows: list[tuple[int, int]], found: list[tuple[int, PeriodMention]], rank: int) -> None:
    """Search each window for the rule's matches (skipping ahead with its finder, if any)."""
    search = (finder or rx).search
    size = len(text)
    for lo, hi in windows:
        pos = lo
        while (m := search(text, pos, hi)) is not None:
            if finder is not None:  # the finder stopped where rx matches: take rx's own match
                m = rx.match(text, m.start(), hi)
                assert m is not None
            if hi < size and m.end() > hi - _GUARD:
                break  # lookaheads saw the window's end, not the text's
            mention = _read(handler, m, vocab)
            if mention is not None:
                found.append((rank, mention))
                pos = m.end()
            else:  # a rejected match may hide a good one that starts inside it
                pos = m.start() + 1


# Rules whose every match starts exactly where one of their triggers starts (a
# case-sensitive month name, a year, Q1, H1 ...), and whose reach bounds the match
# end. Such a rule is tried with one anchored match per trigger instead of a search
# through the window: the same matches in the same order as the windowed search (which
# could only find them at those starts), without walking the characters in between.
_ANCHORED = frozenset({"date_mdy", "date_iso", "date_num2", "quarter_q", "half_h", "month_list",
                       "month_year", "month_year_word", "decade", "year"})


def _scan_anchored(text: str, rx: re.Pattern[str], handler: Handler, vocab: _Vocab,
                   spans: list[tuple[int, int]], found: list[tuple[int, PeriodMention]], rank: int) -> None:
    pos = 0
    for start, _ in spans:
        if start < pos:  # inside the previous accepted match, as a search would skip it
            continue
        m = rx.match(text, start)
        if m is not None and (mention := _read(handler, m, vocab)) is not None:
            found.append((rank, mention))
            pos = m.end()


def _candidates(text: str, grammar: _Grammar, *, windowed: bool = True) -> list[tuple[int, PeriodMention]]:
    """Every rule's accepted matches, tagged with the rule's rank (its place in the grammar)."""
    found: list[tuple[int, PeriodMention]] = []
    if not windowed:
        for rank, (name, rx) in enumerate(grammar.rules):
            _scan(text, rx, None, _HANDLERS[name], grammar.vocab, [(0, len(text))], found, rank)
        return found
    hits = _triggers(text, grammar)
    shared: dict[tuple[tuple[str, ...], int, int], list[tuple[int, int]]] = {}
    for rank, (name, rx) in enumerate(grammar.rules):
        reach = _REACH[name]
        if hits.keys().isdisjoint(reach[0]):  # none of its triggers in the text
            continue
        if name in _ANCHORED:
            _scan_anchored(text, rx, _HANDLERS[name], grammar.vocab, hits[reach[0][0]], found, rank)
            continue
        windows = shared.get(reach)
        if windows is None:  # rules with the same reach share their windows
            windows = shared[reach] = _windows(text, hits, name)
        _scan(text, rx, grammar.finders[name], _HANDLERS[name], grammar.vocab, windows, found, rank)
    return found


def _select(text: str, found: list[tuple[int, PeriodMention]]) -> list[PeriodMention]:
    """Longest wins; among equals the earlier, then the rule listed first."""
    found.sort(key=lambda c: (c[1].start - c[1].end, c[1].start, c[0]))
    taken = bytearray(len(text) + 1)
    chosen = []
    for _, mention in found:
        if 1 in taken[mention.start:mention.end]:
            continue
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        chosen.append(mention)
    chosen.sort(key=lambda p: p.start)
    return chosen


_SINCE_BASES = {"date", "month", "year", "fuzzy", "quarter", "half", "relative_year", "months"}


def _since(text: str, mention: PeriodMention, grammar: _Grammar, prev_end: int) -> PeriodMention:
    """``since`` + a mention -> an open ``since`` mention whose span includes ``since``."""
    window_start = max(prev_end, mention.start - 16)
    hit = grammar.since_before.search(text, window_start, mention.start)
    if hit is None or mention.kind not in _SINCE_BASES:
        return mention
    if mention.kind == "relative_year" and dict(mention.detail).get("offset") is None:
        return mention
    part = dict(mention.detail).get("part")
    edge = "after_last" if part in ("late", "end") else "first"
    if mention.first is not None and mention.last is not None:
        start = mention.first if edge == "first" else mention.last + timedelta(days=1)
        detail: Detail = (("start", start),)
    else:
        detail = (("base_kind", mention.kind), ("base_detail", mention.detail), ("base_edge", edge))
    return PeriodMention(text=text[hit.start():mention.end], start=hit.start(), end=mention.end,
                         kind="since", detail=detail)


def _as_of(text: str, mention: PeriodMention, grammar: _Grammar, prev_end: int) -> PeriodMention:
    if mention.kind not in ("date", "fuzzy", "month"):
        return mention
    if grammar.as_of_before.search(text, max(prev_end, mention.start - 14), mention.start) is None:
        return mention
    return PeriodMention(text=mention.text, start=mention.start, end=mention.end, kind=mention.kind,
                         first=mention.first, last=mention.last, detail=(*mention.detail, ("as_of", True)))


def find_periods(text: str, *, patterns_dir: Path | None = None) -> list[PeriodMention]:
    """Every period mention in ``text``: sorted, non-overlapping, offsets into ``text``.

    >>> [(m.text, m.kind, m.first, m.last) for m in find_periods("by mid-2024")]
    [('mid-2024', 'fuzzy', datetime.date(2024, 1, 1), datetime.date(2024, 6, 30))]
    >>> [m.text for m in find_periods("compared to 9,900 during the same period last year")]
    ['same period last year']
    >>> [m.text for m in find_periods("The population reached 20 million as of May 1, 2025.")]
    ['May 1, 2025']
    >>> find_periods("aged 20 to 35, COVID-19, per 1.000 population, up to five years")
    []
    """
    if not isinstance(text, str) or not text:
        return []
    grammar = _grammar(Path(patterns_dir) if patterns_dir is not None else None)
    chosen = _whole_month_ranges(text, _select(text, _candidates(text, grammar)))
    out: list[PeriodMention] = []
    prev_end = 0
    for mention in chosen:
        mention = _as_of(text, _since(text, mention, grammar, prev_end), grammar, prev_end)
        out.append(mention)
        prev_end = mention.end
    return out


_DATES_JOINED = re.compile(r"\s{0,3}(?:[-–—]|(?i:to|through|thru|till|until)\b)\s{0,3}")
_DATES_AND = re.compile(r"\s{1,3}(?i:and)\s{1,3}")
_BETWEEN_BEFORE = re.compile(r"(?i:between)\s{1,3}\Z")


def _whole_month_ranges(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """"1 January – 31 March 2025": two dates that open and close whole months are one month range.
    A pass over the chosen mentions: a date-led alternative in the month-range rule would make its
    search stop at every digit of every window."""
    out: list[PeriodMention] = []
    i = 0
    while i < len(mentions):
        merged = _month_range_of(text, mentions[i], mentions[i + 1]) if i + 1 < len(mentions) else None
        out.append(merged or mentions[i])
        i += 2 if merged else 1
    return out


def _month_range_of(text: str, a: PeriodMention, b: PeriodMention) -> PeriodMention | None:
    if a.kind != "date" or b.kind != "date" or b.first is None or b.first != b.last:
        return None
    last = b.last
    assert last is not None
    detail = dict(a.detail)
    month, day = (a.first.month, a.first.day) if a.first else (detail.get("month"), detail.get("day"))
    if day != 1 or month is None or last != _month_end(last.year, last.month):
        return None  # other day ranges stay two dates
    start = a.start
    if _DATES_JOINED.fullmatch(text, a.end, b.start) is None:
        between = _BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start)
        if between is None or _DATES_AND.fullmatch(text, a.end, b.start) is None:
            return None  # "1 January and 31 March" without "between" is two dates
        start = between.start()
    first = a.first or date(last.year if month <= last.month else last.year - 1, month, 1)
    if first > last:
        return None
    return _new_mention(text[start:b.end], start, b.end, "month_range", first, last,
                        (("months", (first.month, last.month)),))


# --- resolve_period ---------------------------------------------------------------------


def _context_year(in_force: Interval | None, as_of: date | None, anchor: date | None) -> int | None:
    """The year a yearless mention takes: the period in force, else as_of, else the anchor."""
    for d in (in_force[1] if in_force else None, as_of, anchor):
        if d is not None:
            return d.year
    return None


def _base_year(in_force: Interval | None, as_of: date | None, anchor: date | None) -> int | None:
    """The year ``this year`` means: the anchor's, else the period in force's, else as_of's."""
    for d in (anchor, in_force[1] if in_force else None, as_of):
        if d is not None:
            return d.year
    return None


def resolve_period(m: PeriodMention, *, in_force: Interval | None = None,
                   as_of: date | None = None, anchor: date | None = None,
                   as_reference: bool = False) -> Interval | None:
    """The inclusive ``(first, last)`` dates a mention means in its context, or None.

    ``in_force``: the period the sentence or document is about (the stretch a
    ``same period`` mention is compared with); ``as_of``: the date the text's stock
    figures refer to; ``anchor``: the publication date. ``as_reference`` says the
    mention is the period a change is compared against (``compared to the
    previous year``), which shifts ``in_force`` back one year.

    >>> jan_apr = (date(2025, 1, 1), date(2025, 4, 30))
    >>> m = find_periods("the same period in 2024")[0]
    >>> resolve_period(m, in_force=jan_apr)
    (datetime.date(2024, 1, 1), datetime.date(2024, 4, 30))
    >>> m = find_periods("compared to the previous year")[0]
    >>> resolve_period(m, in_force=(date(2024, 1, 1), date(2024, 6, 30)), as_reference=True)
    (datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))
    >>> resolve_period(m, anchor=date(2025, 3, 2))
    (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    >>> resolve_period(find_periods("January to April")[0]) is None
    True
    """
    try:
        return _resolve(m, in_force, as_of, anchor, as_reference)
    except (ValueError, OverflowError, TypeError, KeyError):
        return None


def _resolve(m: PeriodMention, in_force: Interval | None, as_of: date | None, anchor: date | None,
             as_reference: bool) -> Interval | None:
    if m.first is not None and m.last is not None:
        return m.first, m.last
    detail = dict(m.detail)
    kind = m.kind

    if kind == "same_period":
        if "months_shift" in detail:
            return _resolve_month_shift(detail["months_shift"], in_force, as_of, anchor,
                                        quarter=detail.get("unit") == "quarter")
        if in_force is None:
            return None
        if "year" in detail:
            return _shift_interval(in_force, detail["year"] - in_force[1].year)
        shift = detail.get("shift")
        if shift is None:
            shift = -1 if as_reference else 0
        return _shift_interval(in_force, shift)

    if kind == "relative_year":
        if "years_back" in detail:
            if anchor is None:
                return None
            n = detail["years_back"]
            return date(anchor.year - n, 1, 1), date(anchor.year - 1, 12, 31)
        offset = detail.get("offset")
        if offset is None:
            return None
        if as_reference and offset < 0 and in_force is not None:
            return _shift_interval(in_force, offset)
        base = _base_year(in_force, as_of, anchor)
        return None if base is None else (date(base + offset, 1, 1), date(base + offset, 12, 31))

    if kind == "deictic":
        point = as_of or anchor
        return None if point is None else (point, point)

    if kind == "since":
        return _resolve_since(detail, in_force, as_of, anchor)

    if kind == "to_month":
        n = detail["n_months"]
        mo = detail.get("month")
        if mo is None:
            if in_force is not None:
                end_y, end_m = in_force[1].year, in_force[1].month
            elif (point := anchor or as_of) is not None:
                end_y, end_m = _month_add(point.year, point.month, -1)
            else:
                return None
        else:
            year = _context_year(in_force, as_of, anchor)
            if year is None:
                return None
            end_y, end_m = year, mo
        first_y, first_m = _month_add(end_y, end_m, -(n - 1))
        return date(first_y, first_m, 1), _month_end(end_y, end_m)

    # Everything left is a part of a year whose year comes from context.
    if "relative" in detail:
        base = _base_year(in_force, as_of, anchor)
        year = None if base is None else base + detail["relative"]
    else:
        year = _context_year(in_force, as_of, anchor)
    if year is None:
        return None
    if kind == "date":
        d = date(year, detail["month"], detail["day"])
        return d, d
    if "days" in detail:  # fuzzy part of a month: early March
        mo, (d1, d2) = detail["month"], detail["days"]
        return date(year, mo, d1), date(year, mo, min(d2, _month_end(year, mo).day))
    if "months" in detail:
        a, b = detail["months"]
        return _months_interval(year, a, b)
    return None


def _shift_months(d: date, months: int, *, month_end: bool) -> date:
    y, mo = _month_add(d.year, d.month, months)
    last_day = calendar.monthrange(y, mo)[1]
    return date(y, mo, last_day if month_end else min(d.day, last_day))


def _resolve_month_shift(shift: int, in_force: Interval | None, as_of: date | None,
                         anchor: date | None, *, quarter: bool) -> Interval | None:
    """``a month earlier``, ``12 months earlier``, ``the previous quarter``: in_force moved back.

    Without a period in force, a whole-month shift names the month that far before
    the anchor's (else as_of's) month; a quarter shift needs the period in force.
    """
    if in_force is not None:
        first, last = in_force
        is_end = last.day == calendar.monthrange(last.year, last.month)[1]
        return _shift_months(first, shift, month_end=False), _shift_months(last, shift, month_end=is_end)
    point = anchor or as_of
    if point is None or quarter:
        return None
    y, mo = _month_add(point.year, point.month, shift)
    return date(y, mo, 1), _month_end(y, mo)


def _resolve_since(detail: dict[str, Any], in_force: Interval | None, as_of: date | None,
                   anchor: date | None) -> Interval | None:
    """``since X``: from X's start to the day before ``as_of`` (else in_force's end, else anchor)."""
    end: date | None
    if as_of is not None:
        end = as_of - timedelta(days=1)
    elif in_force is not None:
        end = in_force[1]
    else:
        end = anchor
    start = detail.get("start")
    if start is None:
        base = PeriodMention(text="", start=0, end=0, kind=detail["base_kind"],
                             detail=detail["base_detail"])
        # the stretch ends the day before as_of: a yearless start takes that day's year
        base_iv = _resolve(base, in_force, end if as_of is not None else None, anchor, False)
        if base_iv is None:
            return None
        start = base_iv[0] if detail["base_edge"] == "first" else base_iv[1] + timedelta(days=1)
    if end is None or end < start:
        return None
    return start, end


# --- find_publication_date --------------------------------------------------------------

_PUB_LABEL = re.compile(r"""
    ^[ \t>*•|-]{0,4}                          # at the start of a line (a bullet at most)
    (?:date\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:publication|release)  # date of publication
      |publication\s{1,3}date                 # publication date
      |release\s{1,3}date                     # release date
      |published(?:\s{1,3}on)?                # published (on)
      |released(?:\s{1,3}on)?)                # released (on)
    \s{0,3}[:\-–—]?\s{0,3}                    # optional colon or dash
""", re.VERBOSE | re.IGNORECASE | re.MULTILINE)

_DATELINE_PREFIX = re.compile(r"""
    \A\s{0,8}                                 # line start
    (?:[A-Z][A-Z.'’\s-]{1,40}                 # ASTANA
       (?:\s{0,2}\([^()\n]{1,40}\))?          # (Kazinform)
       \s{0,2}[,–—-]\s{0,3})?                 # , or dash
    (?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s{1,3})?   # weekday
    \Z
""", re.VERBOSE)

_NOT_PUBLICATION = re.compile(r"(?i)updated|modified|revised|next")

_DATELINE_SUFFIX = re.compile(r"""
    \A\s{0,3}
    (?:\d{1,2}:\d{2}(?::\d{2})?\s{0,2}(?:[AaPp]\.?[Mm]\.?)?\s{0,3})?  # 19:49
    (?:\Z|[\n|/(,.–—-])                       # end of line or a separator
""", re.VERBOSE)


# Labels sit at a line start: only lines whose first letter can begin one are tried.
_LABEL_LINE = re.compile(r"\n[ \t>*•|-]{0,4}[dDpPrR]")


def _labels(text: str) -> Iterable[re.Match[str]]:
    """``_PUB_LABEL.finditer(text)``, trying the label only at line starts that can hold one."""
    pos = 0
    for start in (0, *(hit.start() + 1 for hit in _LABEL_LINE.finditer(text))):
        if start >= pos and (label := _PUB_LABEL.match(text, start)) is not None:
            yield label
            pos = label.end()


def _width(pattern: re.Pattern[str]) -> int:
    """The most characters a match of ``pattern`` can span."""
    return int(_sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[1])


_DATE_RULES = ("date_mdy", "date_dmy", "date_num", "date_iso", "date_num2")


@functools.lru_cache(maxsize=1)
def _dateline_scan() -> tuple[re.Pattern[str], int, int]:
    """What a date mention can start with, the longest dateline prefix, the longest date."""
    rules = dict(_grammar(None).rules)
    classes = []
    for name in _DATE_RULES:
        first, _ = _first_seq(_sre_parse.parse(rules[name].pattern, rules[name].flags), False)
        assert first is not None, name
        classes.append("[" + "".join(sorted(first)) + "]")
    date_start = re.compile("|".join(classes))
    return date_start, _width(_DATELINE_PREFIX), max(_width(rules[name]) for name in _DATE_RULES)


def _may_hold_dateline(line: str) -> bool:
    """False when no dated mention can start right after a dateline prefix of ``line``.

    A date with a year contains a four-digit run or starts with dd.mm.yy (the number
    triggers), and starts at most the longest date before that number, where the text
    before it must be a dateline prefix. Lines failing this cheap test are skipped
    without running find_periods on them.
    """
    date_start, prefix_width, date_width = _dateline_scan()
    for hit in _NUMBER_TRIGGER.finditer(line, 0, prefix_width + date_width + 8):
        for p in range(max(0, hit.start() - date_width), hit.start() + 1):
            if date_start.match(line, p) and _DATELINE_PREFIX.match(line, 0, p):
                return True
    return False


def _starts_like_date(window: str) -> bool:
    """Can a date mention start at the first non-space character of ``window``?"""
    rest = window.lstrip()
    return bool(rest) and _dateline_scan()[0].match(rest) is not None


def find_publication_date(text: str) -> date | None:
    """The date a text states as its own publication date, or None.

    >>> find_publication_date("Date of publication: 09.02.2026\\n\\nDate of next publication: 12.05.2026")
    datetime.date(2026, 2, 9)
    >>> find_publication_date("ASTANA, May 5, 2025 — The population grew")
    datetime.date(2025, 5, 5)
    >>> find_publication_date("Date of next publication: 12.05.2026") is None
    True
    """
    if not isinstance(text, str) or not text:
        return None
    for label in _labels(text):
        window = text[label.end():label.end() + 40]
        if not _starts_like_date(window):  # the first mention must be a date right after the label
            continue
        for mention in find_periods(window):
            if mention.kind == "date" and mention.first and not window[:mention.start].strip():
                return mention.first
            break
    head = text[:600]
    for line_no, line in enumerate(head.split("\n")):
        if line_no > 12:
            break
        if not _may_hold_dateline(line):
            continue
        for mention in find_periods(line):
            if mention.kind != "date" or mention.first is None:
                continue
            head_of_line = line[:mention.start]
            if (_DATELINE_PREFIX.match(head_of_line) and _DATELINE_SUFFIX.match(line[mention.end:])
                    and not _NOT_PUBLICATION.search(head_of_line)):
                return mention.first
    return None
