"""The period grammar: the vocabulary of patterns/periods.yaml, the rule templates, and the
fast scanners that skip to where a rule can match. Handlers (what a match means) are in
:mod:`extractor.periods_rules`; the scan over a text is :mod:`extractor.periods_scan`."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

try:  # the regex parser, to read which characters a rule can start with (see _finder)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from .errors import PatternError
from .resources import load_yaml

YEAR_MIN, YEAR_MAX = 1800, 2100
_PATTERNS_FILE = "periods.yaml"

Detail = tuple[tuple[str, Any], ...]
Interval = tuple[date, date]

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


def _norm_phrase(phrase: str) -> str:
    return " ".join(phrase.lower().split())


_UNIT_WORDS = ("year", "month", "quarter")  # already trigger words of the scan


def _basis_lead(phrase: str, vocab: _Vocab) -> bool:
    """A basis phrase that starts with a scan word (year-on-year, y/y): its rule is tried at those
    words only; the others (over the year, in annual terms) are searched around them."""
    return phrase.startswith(_UNIT_WORDS + vocab.basis_triggers)


def _basis_triggers(data: dict[str, Any]) -> tuple[str, ...]:
    """The scan words for basis phrases without a unit word; each such phrase must contain one."""
    triggers = tuple(str(w).lower() for w in data["basis_triggers"])
    for words in data["comparison_basis"].values():
        for phrase in map(_norm_phrase, map(str, words)):
            if not any(w in phrase for w in _UNIT_WORDS + triggers):
                raise PatternError(_PATTERNS_FILE, None, f"basis phrase {phrase!r} holds none of basis_triggers")
    return triggers


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
    basis: dict[str, str]  # comparison basis phrase, lower case, single spaces -> year | month | quarter
    basis_triggers: tuple[str, ...]  # what the scan finds a basis phrase with no unit word by
    point_before: re.Pattern[str]  # "at the " right before "end of 2024": a point in time (search to \Z)
    point_parts: dict[str, str]  # beginning -> first, end -> last (the day the point falls on)
    count_after: re.Pattern[str]  # "2025 people": the number is a count, not a year
    number_before: re.Pattern[str]  # "about 2000", "No. 2024": a number, not a year
    number_before_finder: re.Pattern[str]  # the same test, searched faster (see _finder)
    byline_words: frozenset[str]  # "Herald", "Times": a line "Name, <date>" under a headline is a byline

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
            basis={_norm_phrase(str(w)): str(unit) for unit, words in data["comparison_basis"].items()
                   for w in words},
            basis_triggers=_basis_triggers(data),
            point_before=re.compile(
                # (news drops the article: "tops 5.6 million at end of 2022")
                r"(?<![\w-])(?i:" + _alt(str(w) for w in data["point_before"]) + r")\s{1,3}(?:(?i:the)\s{1,3})?\Z"),
            point_parts={str(k).lower(): str(v) for k, v in data["point_parts"].items()},
            count_after=re.compile(  # used with .match(text, end): anchored where the year ends
                r"\s{0,2}(?i:" + _alt(str(w) for w in data["not_year_after"]) + r")(?![\w])"),
            number_before=number_before,
            number_before_finder=_finder(number_before) or number_before,
            byline_words=frozenset(str(w).lower() for w in data["byline_words"]),
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
    (?!\d|[.,](?!(?:19|20)\d\d(?!\d))\d|\s{0,2}%)  # not a longer number or a percent ("1,2023": a year)
    (?![ \u00a0\u202f\u2009]\d{3}(?!\d))        # nor a number's first group: "During October 3 126 persons"
    (?:(?:,\s{0,3}|\s{1,3})(?P<y><<YEAR>>)(?!\d))?  # optional year: , 2025 (",2023" in scraped text)
""")

_template("date_dmy", r"""
    (?:(?<![\w.,])|(?<=\b(?:on|of|at|to|in))|(?<=[a-z],))  # not inside a number; "as of1 January" and
                                              # "Thursday,18 July" lost their space
    (?P<d>[0-3]?\d)(?:st|nd|rd|th)?            # day: 1, 1st
    \s{1,3}(?:(?i:of)\s{1,3})?                # optional "of"
    (?P<m><<MONTH>>)                          # month name
    (?:,?\s{1,3}(?:(?i:of)\s{1,3})?(?P<y><<YEAR>>)(?!\d))?  # optional year ("30 of June of 2019")
""")

_template("date_num", r"""
    (?<![\w.,/-])                             # not inside a longer number
    (?P<d>[0-3]?\d)(?P<sep>[./-]             # day and separator: 09. (Czech and Slovak: "30. 9. 2017")
      |(?<=(?<!\d)[0-3]\d)\x20(?=[01]\d\x20(?:19|20)\d\d))(?P<sp>\x20?)  # or a space between two-digit
                                              # parts (Lithuanian datelines: "13 09 2024")
    (?P<mo>[01]?\d)(?P=sep)(?P=sp)            # month, same separator: 02.
    (?P<y><<YEAR>>)                           # four-digit year: 2026
    (?!\d|[.,/-]\d)                           # not followed by more number
""")

_template("date_iso", r"""
    (?<![\w.,/-])                             # not inside a longer number
    (?P<y><<YEAR>>)(?P<sep>[-/.])             # year and separator: 2025-
    (?P<sp>(?<=\.)\x20)?                      # a space after a dot (Korean releases: "2022. 11. 2.")
    (?P<mo>[01]?\d)(?P=sep)(?(sp)\x20)        # month: 05-
    (?P<d>[0-3]?\d)                           # day: 01
    (?!\d|[.,/-]\d)                           # not followed by more number
""")

_template("date_num_range", r"""
    (?<![\w.,/-])                             # not inside a longer number
    (?P<d1>[0-3]?\d)\.(?P<mo1>[01]?\d)         # first day and month: 01.01
    (?:\.(?P<y1><<YEAR>>))?                   # its optional year: .2021
    \s{0,2}[-–—]\s{0,2}                        # a dash
    (?P<d2>[0-3]?\d)\.(?P<mo2>[01]?\d)\.      # last day and month: 30.06.
    (?P<y2><<YEAR>>)                          # and the year: 2021
    (?!\d|[.,/-]\d)                           # not followed by more number
""")

_template("date_roman", r"""
    (?<![\w.,/-])                             # not inside a longer number
    (?P<d>[0-3]?\d)(?:\.\s{0,1}|\s{1,2})      # day: 31 | 31.
    (?P<rm><<ROMANMONTH>>)                    # month in Roman numerals: XII (Polish, Romanian releases)
    (?:\.\s{0,1}|\s{1,2})(?P<y><<YEAR>>)      # year: 2013
    (?!\d|[.,/-]\d)                           # not followed by more number
""")

_template("date_roman_range", r"""
    (?<![\w.,/-])                             # not inside a longer number
    (?P<d1>[0-3]?\d)\.(?P<rm1><<ROMANMONTH>>)  # first day and month: 01.I
    (?:\.(?P<y1><<YEAR>>))?                   # its optional year
    \s{0,2}[-–—]\s{0,2}                        # a dash
    (?P<d2>[0-3]?\d)\.(?P<rm2><<ROMANMONTH>>)\.  # last day and month: 30.VI.
    (?P<y2><<YEAR>>)                          # and the year: 2025
    (?!\d|[.,/-]\d)
""")

_template("month_range_roman", r"""
    (?<![\w.,/-])(?P<rm1><<ROMANMONTH>>)      # I
    \s{0,2}[-–—]\s{0,2}(?P<rm2><<ROMANMONTH>>)  # -VI
    \s{1,3}(?P<y><<YEAR>>)(?!\d|[.,]\d)       # 2025 ("I-III quarter 2025" is quarter_span's)
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

_template("quarter_num", r"""
    (?<![\w])(?i:<<QWORD>>)\s{1,3}(?P<q>[1-4])(?![\w.,]\d|\w)  # Quarter 2 (CSO, ONS)
    (?:(?:\s{1,3}(?i:of)\s{1,3}|\s{1,3}|,\s{0,2})
       (?:(?P<y><<YEAR>>)(?!\d)|(?P<rel><<RELYEAR>>)))?        # 2023 | this year
""")

_template("quarter_yq", r"""
    (?<![\w.,])(?P<y><<YEAR>>)                # 2025
    \s{0,2}[-/:]?\s{0,2}                      # optional separator
    Q(?P<q>[1-4])(?!\w)                       # Q1
""")

_template("quarter_month", r"""
    (?:(?P<m0><<MONTH>>)\s{0,2}[-–—]\s{0,2})?  # the April-June quarter: its first month
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

_template("year_month", r"""
    (?<![Ii]n\s)(?<![Ss]ince\s)               # (not "In 2023, March exports ...")
    (?P<y><<YEAR>>),?\s{1,3}                  # 2019, (a title's "Labour force survey 2019, October")
    (?P<m><<MONTH>>)(?![\w-])(?!\s{1,3}[0-3]?\d\b)   # October (not "2019 October 15": a date)
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

_template("fiscal_year", r"""
    (?<![\w-])(?:(?i:fiscal|financial|budget)(?:\s{1,3}(?i:year))?\s{1,3}  # fiscal year 2017 | fiscal 2017
      |FY\s{0,2}-?)                          # FY2017 | FY 2018/19 | FY-2017
    (?P<y1><<YEAR>>)                          # 2017
    (?:\s{0,2}[-–/]\s{0,2}(?:(?P<y2><<YEAR>>)|(?P<yy>\d\d)))?  # /19 | -2019
    (?!\w|[.,]\d)                            # not a longer number
    (?!\s{1,3}(?i:to\s{1,3}date|so\s{1,3}far))  # "fiscal year 2025 to date": the months it names count
""")

_template("fiscal_pair", r"""
    (?<![\w.,])(?P<y1><<YEAR>>)              # the 2019
    \s{0,2}[-–/]\s{0,2}(?:(?P<y2><<YEAR>>)|(?P<yy>\d\d))  # -20 | /2020
    \s{1,3}(?i:fiscal|financial|budget)\s{1,3}(?i:year)(?!\w)  # financial year
""")

_template("decade", r"""
    (?<![\w.,])(?P<y>(?:18|19|20)\d0)         # 1990
    ['’]?s(?!\w)                              # s | 's
""")

_template("year", r"""
    (?:(?<![\w.,])|(?<=\b[Ii]n)|(?<=\b[Oo]ver)|(?<=\b[Ss]ince)|(?<=\b[Dd]uring)|(?<=\bfor)|(?<=\bof))
    (?P<y><<YEAR>>)                            # a year 1800-2100; scraped text glues the preposition: "in2024"
    (?!\w|\.\d|,\d(?!\d{0,2}(?:,\d{3})+(?![\d,])))  # not 2024.5, not 2025Q1; "In 2019,11,274": lost space
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

_template("rel_unit", r"""
    (?<![\w-])(?<!(?i:the)\s)                # not "over the last month" (a stretch back from now)
    (?P<w>(?i:last|this))\s{1,3}              # last | this
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

# "Over the twelve months there were 187 births": the months up to the date in force, with no word for "past"
_template("over_months", r"""
    (?<![\w-])(?i:over|during|in|for|within)\s{1,3}(?i:the)\s{1,3}   # "over the" (not in the span)
    (?P<core>(?:(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,2}))\s{1,3}(?i:months))(?!\w)  # twelve months
    (?!\s{1,3}(?i:to|ending|ended|through|until|till|since|of|before|after|from)\b)  # not "the 12 months to June"
""")

_template("to_month", r"""
    (?<![\w.-])(?<!\d,)                    # (not "1,12 months"; "by region,year ended" lost a space)
    (?:(?:(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,2}))[\s-]{1,3}(?i:months?)  # 12 months | 12-month
       (?:\s{1,3}(?i:period))?                # 12-month period
      |(?P<yr>(?i:year))                      # year
      |(?P<qr>(?i:quarter))                   # quarter (to September)
      |(?P<hy>(?i:half[\s-]year)))            # half-year (to June)
    (?:\s{1,3}(?i:that|which))?              # (the financial year) that ended on (31 March 2019)
    \s{1,3}(?i:to|ending|ended|through|until|till)(?:\s{1,3}(?i:in|on))?  # to | ended (in | on)
    (?:\s{1,3}|(?=\d))                        # a space, lost before a day in scraped text (to30 June)
    (?:(?i:the)\s{1,3})?                      # the (March 2025 quarter)
    (?:(?P<d>[0-3]?\d)\s{1,3})?               # 31 (March)
    (?P<m><<MONTH>>)(?:\s{1,3}(?P<d2>[0-3]?\d)(?!\d))?   # March (31)
    (?:,?\s{1,3}(?P<y><<YEAR>>)(?!\d))?       # 2025
    (?:\s{1,3}(?i:quarter)(?!\w))?            # quarter (ABS)
""")

_template("basis", r"""
    (?<![\w/-])(?P<w>(?i:<<BASISLEAD>>))(?![\w/-])  # year on year | month-on-month | y/y
""")

_template("basis_phrase", r"""
    (?<![\w/-])(?P<w>(?i:<<BASISPHRASE>>))(?![\w/-])  # on the month | over the year | in annual terms
""")

_template("deictic", r"""
    (?<![\w-])(?P<w>(?i:<<DEICTIC>>))(?![\w-])   # currently | now | to date
""")


# "the year to Q3", "12 months ending in the third quarter of 2024": read after the scan, before a
# chosen quarter mention (a rule of its own would search windows around every quarter and Q).
_ENDING_BEFORE = r"""
    (?<![\w.,-])
    (?:(?:(?P<nw><<NUMWORD>>)|(?P<nd>\d{1,2}))[\s-]{1,3}(?i:months?)  # 12 months | 12-month
       (?:\s{1,3}(?i:period))?                # 12-month period
      |(?P<yr>(?i:year)))                     # year
    \s{1,3}(?i:to|ending|ended|through|until|till)(?:\s{1,3}(?i:in))?\s{1,3}  # to | ended (in)
    (?:(?i:the)\s{1,3})?                      # the
    \Z
"""


@dataclass(frozen=True)
class _Grammar:
    vocab: _Vocab
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    trigger: re.Pattern[str]  # month names and key words, as plain literals (a fast scan)
    trigger_kinds: dict[str, str]  # a trigger as written -> its kind (MONTH, KW_YEAR ...)
    finders: dict[str, re.Pattern[str] | None]  # rule name -> its fast scanner (see _finder)
    ending_before: re.Pattern[str]  # "the year to " right before a quarter (search to \Z)
    since_before: re.Pattern[str] = field(
        default=re.compile(r"(?i)(?<![\w])since\s{1,3}(?:the\s{1,3})?\Z"))
    from_before: re.Pattern[str] = field(  # "an increase of 96,000 from July 1, 2012"
        default=re.compile(r"(?i)(?<![\w])from\s{1,3}\Z"))
    as_of_before: re.Pattern[str] = field(
        default=re.compile(r"(?i)(?<![\w])as\s{1,3}(?:of|at)(?:\s{1,3}the)?\s{0,3}\Z"))  # as of1 January


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
        "ROMANMONTH": "(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?![A-Za-z])",
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
        "BASISLEAD": _alt(p for p in vocab.basis if _basis_lead(p, vocab)),
        "BASISPHRASE": _alt(p for p in vocab.basis if not _basis_lead(p, vocab)),
    }
    rules = []
    for name, template in _TEMPLATES.items():
        pattern = template
        for key, value in tokens.items():
            pattern = pattern.replace(f"<<{key}>>", value)
        rules.append((name, re.compile(pattern, re.VERBOSE)))
    trigger, kinds = _trigger_scan(vocab)
    finders = {name: _finder(rx) for name, rx in rules}
    ending_before = re.compile(_ENDING_BEFORE.replace("<<NUMWORD>>", tokens["NUMWORD"]), re.VERBOSE)
    return _Grammar(vocab=vocab, rules=tuple(rules), trigger=trigger, trigger_kinds=kinds, finders=finders,
                    ending_before=ending_before)


def _trigger_scan(vocab: _Vocab) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of literals (no flags, no lookaround) so the scan skips ahead fast."""
    kinds: dict[str, str] = {form: "MONTH" for form, _ in vocab.month_forms}
    words: dict[str, str] = {"year": "KW_YEAR", "decade": "KW_DECADE", "month": "KW_MONTH"}
    words.update({w.split()[0].split("-")[0]: "KW_QUARTER" for w in vocab.quarter_words})
    words.update({w.split()[0].split("-")[0]: "KW_HALF" for w in vocab.half_words})
    words.update({w: "KW_SAME" for w in vocab.same_words})
    words.update({w.split()[-1]: "KW_DEICTIC" for w in vocab.deictic})
    words.update({w: "KW_BASIS" for w in vocab.basis_triggers})  # y/y, "nnual" (in annual terms)
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

