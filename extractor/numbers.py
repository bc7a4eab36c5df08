"""Numbers as written in statistical releases: digits, spelled cardinals, scales, units.

:func:`find_numbers` finds every number in a text that can state a value and says
how to read it; :func:`parse_decimal` reads one numeral on its own.

Whether a separator groups thousands or marks decimals is decided by the shape
of the numeral: one kind of separator followed by exactly three digits groups
thousands (``1,700``, ``155,700``, ``23 761``, ``1.000``), anything else is a
decimal mark (``20,7``, ``0.34``, ``1,234.5``, ``1.234,5``); a leading zero
(``0.340``) or a ratio unit after a dot-grouped numeral (``1.234%``) makes it a
decimal.

>>> [(m.text, m.number, m.unit) for m in find_numbers("the share was 20,7%, up 1.5 times")]
[('20,7%', 20.7, 'percent'), ('1.5 times', 1.5, 'times')]
>>> m, = find_numbers("The population reached 20 million 353 thousand as of May 1, 2025.")
>>> m.text, m.number
('20 million 353 thousand', 20353000.0)
>>> [(m.text, m.number, m.unit, m.qualifier) for m in find_numbers("approximately 397,000 people")]
[('397,000', 397000.0, 'person', 'approx')]
>>> [(m.text, m.number, m.explicit_sign) for m in find_numbers("a balance of minus 17,718")]
[('minus 17,718', -17718.0, True)]
>>> [(m.text, m.number, m.spelled) for m in find_numbers("Nine services are operational")]
[('Nine', 9.0, True)]
>>> find_numbers("Tel. +7 7172 749061, Address: 010000, Astana\\n1. Key points, in 2006-2008")
[]

Lexicons live in ``patterns/numbers.yaml``, compiled by :mod:`extractor.numbers_lexicon`;
this module holds the grammar only.
Every regex is linear: runs are possessive or bounded, and context is read from
fixed-size windows around each number.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import regex

from .numbers_lexicon import (
    _HSP_CHARS,
    _RATIO_SEPS,
    _SP_CHARS,
    Lexicon,
    _low,
    _matches_from,
    _norm,
    _ratio_key,
    lexicon,
)
from .table_cells import split_glued_cells
from .types import NumberMention, fast_constructor

_new_mention = fast_constructor(NumberMention)  # same record as NumberMention(...), made faster

__all__ = ["find_numbers", "parse_decimal"]

_YEAR_THEN_GROUPS = regex.compile(r"(?:18|19|20)\d\d,\d{1,3}(?:,\d{3})+\Z")  # "2019,11,274"
_MAX_NUMERAL = 40  # longer digit runs are identifiers or noise, never values
_WINDOW = 40  # characters of left context read for qualifiers, signs and context words
# "(100 million yuan; ...)", "(10 thousand tons)": a power of ten and a scale in a header's bracket, then a
# unit word or two and the bracket's end or next part: the unit a table counts in (Chinese releases)
_COUNT_UNITS = frozenset({"10", "100", "1000"})
_UNIT_OF_COUNT = re.compile(r"\s*(?:[^\W\d_]+\.?\s*){1,2}[;)]")
_REACH = 160  # characters of right context read for scales, units, rates and ranges
_DIGITS = frozenset("0123456789")
_NAME = regex.compile(r"[A-Z][a-z]{2,}")  # a capitalised word: a scraped row label glued to a number
_SPACE_GROUPED = regex.compile(
    r"(?P<int>[0-9]{1,3}(?P<gs>[ \u00a0\u202f\u2009])[0-9]{3}(?:(?P=gs)[0-9]{3})*+)(?:[.,](?P<dec>[0-9]++))?"
)
_RAW = regex.compile(r"[0-9]++(?:[.,][0-9]++)*+")
# The one shape whose reading depends on what follows: a lone dot before three digits ("1.234").
_DOT3 = regex.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")
_COMMA_THOUSANDS = regex.compile(r"(?<![\d.,])\d{1,3},\d{3}(?![\d])")  # "1,018"
_DOT_DECIMAL = regex.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])")  # "0.4", "12.25"
_COMMA_DECIMAL = regex.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d.,])")  # "20,7"
_SEP_SPLIT = regex.compile(r"([.,])")
_PARSE_SIGNS = {"-": -1, "+": 1, "\u2212": -1}
_FIVE_DIGITS = regex.compile(r"[0-9]{5}")  # compiled once: regex.search looked it up per phone number
def _letter_symbol_before(t: str, s: int, symbols: tuple[tuple[str, str], ...]) -> bool:
    """Whether a currency sign written in letters ends right before ``s`` ("Sh399.4 billion")."""
    return any(sym[-1].isalpha() and t.startswith(sym, s - len(sym))
               and not (s > len(sym) and t[s - len(sym) - 1].isalpha()) for sym, _ in symbols)


_WORD = regex.compile(r"\p{L}+")  # any letter: "ſix" is six to the case-insensitive rules
_DIGIT_RUN = regex.compile(r"[0-9]+")
_GROUPED = regex.compile(r"\d{1,3}[.,]\d")  # digits with a decimal or thousands separator in them
# A level this high in bare "points" is an index's (no rate moves by 50 percentage points at once)
_INDEX_POINTS_FLOOR = 50
_BARE_POINTS = frozenset({"points", "point", "pts"})
# "762,4 102,8 II quarter 884,1": a roman numeral opens the next row's period ("II quarter"), no unit of this number
_ROMAN = regex.compile(r"[IVX]{2,5}")
_PERIOD_CODE = regex.compile(r"[QHST][1-4]")  # a quarter's, a half's, a semester's or a trimester's code: "Q1"
_PREV_SEPS = frozenset(" \t\u00a0\u202f\u2009,:")  # what may sit between a number and the word before it


# --- reading a numeral -------------------------------------------------------------------


def _read_numeral(core: str, *, dot3_decimal: bool = False) -> Decimal | None:
    """The value of a numeral as written, or None when its shape is not a number.

    ``dot3_decimal`` reads a lone dot followed by three digits as a decimal mark
    (set when a ratio unit or a scale follows: ``1.234%``, ``1.250 billion``).
    """
    if not core or len(core) > _MAX_NUMERAL:
        return None
    if core.isascii() and core.isdigit():  # the common case: no separator at all
        return Decimal(core)
    # (a raw numeral has no space and a space-grouped one has one: at most one of the two matches, so the
    # common raw shape is tried first)
    if not _RAW.fullmatch(core):
        m = _SPACE_GROUPED.fullmatch(core)
        if m:
            digits = m.group("int").replace(m.group("gs"), "")
            dec = m.group("dec")
            return Decimal(digits + "." + dec) if dec else Decimal(digits)
        return None
    parts = _SEP_SPLIT.split(core)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return Decimal(core)
    head = groups[0]
    head_ok = 1 <= len(head) <= 3 and not head.startswith("0")
    if len(seps) == 1:
        tail = groups[1]
        thousands = head_ok and len(tail) == 3 and not (seps[0] == "." and dot3_decimal)
        return Decimal(head + tail) if thousands else Decimal(head + "." + tail)
    first = seps[0]
    k = 0
    while k < len(seps) and seps[k] == first:
        k += 1
    if first == "," and 1 <= len(head) <= 2 and not head.startswith("0") and k >= 2 and len(groups[k]) == 3 \
            and all(len(g) == 2 for g in groups[1:k]) and (k == len(seps) or (k == len(seps) - 1 and seps[-1] == ".")):
        # India's lakh and crore grouping: "3,49,120", "1,23,45,678.50"
        return Decimal("".join(groups[:k + 1]) + ("." + groups[-1] if k < len(seps) else ""))
    if not head_ok or any(len(g) != 3 for g in groups[1:k + 1]):
        return None  # dates, versions, addresses: "09.02.2026", "1.2.3", "1,1,1"
    if k == len(seps):
        return Decimal("".join(groups))
    if k == len(seps) - 1:  # "1,234.5", "1.234,5": one decimal mark after the groups
        return Decimal("".join(groups[:-1]) + "." + groups[-1])
    return None


def parse_decimal(s: str) -> float:
    """Read one numeral as written, deciding decimal mark and thousands separator by shape.

    An optional sign (``-``, ``+``, ``−``) may precede it; surrounding white space is
    ignored. Raises :class:`ValueError` when ``s`` is not a number as written.

    >>> parse_decimal("1,700"), parse_decimal("155,700"), parse_decimal("23\\u202f761")
    (1700.0, 155700.0, 23761.0)
    >>> parse_decimal("20,7"), parse_decimal("0.34"), parse_decimal("1,5")
    (20.7, 0.34, 1.5)
    >>> parse_decimal("1.000"), parse_decimal("0.340")
    (1000.0, 0.34)
    >>> parse_decimal("1,234.5"), parse_decimal("1.234,5"), parse_decimal("1 234 567")
    (1234.5, 1234.5, 1234567.0)
    >>> parse_decimal("−5,057"), parse_decimal("+17,691")
    (-5057.0, 17691.0)
    >>> parse_decimal("3,49,120"), parse_decimal("1,23,45,678.5")  # India's lakh grouping
    (349120.0, 12345678.5)
    >>> parse_decimal("09.02.2026")
    Traceback (most recent call last):
    ...
    ValueError: not a number as written: '09.02.2026'
    """
    if not isinstance(s, str):
        raise ValueError(f"not a number as written: {s!r}")
    body = s.strip()
    sign = 1
    if body[:1] in _PARSE_SIGNS:
        sign = _PARSE_SIGNS[body[0]]
        body = body[1:]
    value = _read_numeral(body)
    if value is None:
        raise ValueError(f"not a number as written: {s!r}")
    return float(sign * value)


# --- scanning -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Suffix:
    end: int
    value: Decimal
    unit: str | None
    extended: bool  # the span grew by a scale or a ratio unit
    reject: bool = False  # a hyphen glues the number to a non-unit word ("one-sided")
    unit_word: str | None = None  # the word that gave the unit, lowercased
    unit_at_once: bool = False  # the unit word follows at once (no adjective between)
    glued: bool = False  # a known word is glued after it in scraped text ("28.9years"): read as if spaced


def _is_phone(s: str) -> bool:
    """A "+"-led digit run is a phone number unless it groups thousands ("+3 100 000 000")."""
    groups = _DIGIT_RUN.findall(s)
    return sum(map(len, groups)) >= 8 and ("(" in s or any(len(g) != 3 for g in groups[1:]))


class _Context:
    """What surrounds a number: masked spans, signs and currencies before it, qualifiers, context words.

    The scanner is split by what each part reads; :class:`_Scanner` is the whole of it."""

    def __init__(self, text: str, lx: Lexicon) -> None:
        self.t = text
        self.lx = lx
        self.n = len(text)
        self.out: list[NumberMention] = []
        self.heads: set[int] = set()  # indexes in out of spelled numbers kept only if a range gives them a unit
        self.last_end = 0
        self.killed_end = -2  # end of the last number found not to be a value
        self.dot_decimal: bool | None = None  # see _dot_decimal
        self.chain_at = -1  # where a number chained to an age ("aged 20 to 35") starts
        self.rate_starts: list[int] | None = None
        folded = text.casefold()
        self.folded = folded if len(folded) == len(text) else None
        blocked = sorted(self._blocked())
        self.block_starts = [b[0] for b in blocked]
        self.block_ends = [b[1] for b in blocked]
        # prefix maximum of ends, so overlap tests are one bisect
        run = -1
        self.block_maxend = []
        for e in self.block_ends:
            run = max(run, e)
            self.block_maxend.append(run)

    def _at(self, pattern: Any, pos: int) -> Any:
        """``pattern.match`` at ``pos`` reading at most ``_REACH`` characters.

        The bound keeps every look-ahead constant-time: the regex engine may otherwise
        scan the rest of the text for a literal the pattern requires.
        """
        return pattern.match(self.t, pos, min(self.n, pos + _REACH))

    def _dot_decimal(self) -> bool:
        """Whether the text writes decimals with a dot and thousands with a comma ("0.4%", "1,018"), and no
        decimal comma: then "364.512" is an index with three decimals, not 364,512. Worked out once."""
        if self.dot_decimal is None:
            t = self.t
            self.dot_decimal = bool(_COMMA_THOUSANDS.search(t) and _DOT_DECIMAL.search(t)
                                    and not _COMMA_DECIMAL.search(t))
        return self.dot_decimal

    def _blocked(self) -> list[tuple[int, int]]:
        t = self.t
        spans = []
        for mask in self.lx.masks:
            kind = mask.kind
            for m in mask.finditer(t, self.folded):
                s, e = m.span("x")
                if kind == "intl_phone" and not _is_phone(m.group("x")):
                    continue
                if kind == "paren_phone":
                    tail = m.group("x").split(")", 1)[1]
                    if "-" not in tail and not _FIVE_DIGITS.search(tail):
                        continue
                if kind == "section":
                    if not (m.group("t") or "." in m.group("x")):
                        continue
                    if not m.group("after").strip() and not m.group("t"):
                        continue
                spans.append((s, e))
        return spans

    def _is_blocked(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.block_starts, e)  # blocks starting before e
        return i > 0 and self.block_maxend[i - 1] > s

    def _kill(self, e: int, *, chain: bool = False) -> None:
        self.killed_end = e
        if chain:
            c = self._at(self.lx.chain_re, e)
            if c:
                self.chain_at = c.end()

    def _prev_word(self, start: int) -> str | None:
        t, stop = self.t, self.lx.prev_word_stop
        if t[start - 1:start] in stop or (t[start - 1] in _PREV_SEPS and t[start - 2:start - 1] in stop):
            return None  # neither a word nor one separator and a word before the number: "3 1", "24, 105"
        m = self.lx.prev_word_re.search(self.t, max(0, start - _WINDOW), start)
        return _low(m.group("w")) if m else None

    def _context_kills(self, start: int, core_end: int, core: str | None) -> bool:
        """True when the words before the number say it is not a value."""
        word = self._prev_word(start)
        if word in self.lx.context_words:  # any word the checks below know, as written (with its dot)
            if word in self.lx.kill_before or (word in self.lx.kill_phrase_last and self.lx.kill_phrase_re.search(
                    self.t, max(0, start - _WINDOW), start)):
                self._kill(core_end, chain=True)  # "Page 3 of 12", "Articles 5 and 6"
                return True
            if word in self.lx.rate_word_set:
                self._kill(core_end)
                return True  # the denominator of "per 1,000 population"
            if word in self.lx.age_words:
                self._kill(core_end, chain=True)
                return True
            if word in self.lx.age_bracket_words and self.t[core_end:core_end + 1] == ")" \
                    and self.t[max(0, start - len(word) - 2):start - len(word) - 1] == "(":
                self._kill(core_end)
                return True  # "young persons (under 25)"
            if (core in self.lx.code_numbers.get(word, ()) and self.t[start - 1] == " " and self.t[start - 2].isalpha()
                    and self._ratio_at(core_end) is None):
                self._kill(core_end)
                return True  # an aggregate's name written with a space: "the EU 27 average", "COVID 19"
            if word in self.lx.year_labels and core is not None and core.isdigit() and len(core) == 4:
                self._kill(core_end)
                return True  # "in the year 1401": a year of the Iranian calendar, not a value
            if (word in self.lx.numbered_periods and core is not None and len(core) <= 2
                    and self._at(self.lx.year_after_re, core_end)):
                self._kill(core_end)
                return True  # a period's number before its year: "Quarter 2 2023", "week 12 2024"
        if core is not None and core.isdigit() and 5 <= len(core) <= 6 and self.lx.postcode_re.search(
                self.t, max(0, start - _WINDOW), start):
            self._kill(core_end)
            return True
        return False

    def _prefix(self, s: int) -> tuple[int, int, bool, str | None]:
        """(span start, sign, explicit sign, currency) from what is glued before the numeral."""
        t, lx = self.t, self.lx
        start, sign, explicit, currency = s, 1, False, None
        # A sign ends right before the numeral (gap 0) or before one space (gap 1); no sign ends with a
        # space, so the character before the numeral says which gap, and only signs ending with the
        # character before the gap can match (indexed by it: this ran 60 startswith per number).
        gap = 1 if s > 1 and t[s - 1] in " \u00a0" else 0
        for sym, code in lx.currency_symbols_by_end.get(t[s - 1 - gap], ()) if s > 0 else ():
            b = s - gap - len(sym)
            if b < self.last_end:
                continue
            if t.startswith(sym, b) and not (b > 0 and t[b - 1].isalpha()) \
                    and not (sym in lx.letter_signs and (gap or not _GROUPED.match(t, s))):
                # (a one-letter sign, the peso's "P", only before a grouped or decimal amount: "P1.61
                # trillion", "P192,440", not "P3" in a list of codes)
                start, currency = b, code
                break
        if currency is None and (t[s - 1:s] in lx.code_ends  # "USD5" in scraped text
                                 or t[s - 1:s] in _SP_CHARS and t[s - 2:s - 1] in lx.code_ends):  # "USD 5"
            m = lx.code_before_re.search(t, max(0, s - 8), s)
            if m and m.start() >= self.last_end:
                start, currency = m.start(), m.group("c")
        c = t[start - 1] if start > self.last_end else " "
        if c in lx.sign_chars:
            before = t[start - 2] if start >= 2 else " "
            if not (before.isalnum() or before in ")]%‰") and not self._is_blocked(start - 1, start):
                return start - 1, lx.sign_chars[c], True, currency
        if start - self.last_end >= 5 and t[start - 1] in _SP_CHARS and t[start - 2] not in lx.sign_word_stop:
            m = lx.sign_word_re.search(t, max(self.last_end, start - 12), start)
            if m:
                return start - len(m.group(0)), lx.sign_words[_low(m.group("w"))], True, currency
        return start, sign, explicit, currency

    def _qualifier(self, start: int) -> str | None:
        t, lx = self.t, self.lx
        c = t[start - 1:start]
        if c in lx.qualifier_stop or (c in _HSP_CHARS and t[start - 2:start - 1] in lx.qualifier_end_stop):
            return None  # neither a symbol nor a phrase and a space before the number
        m = lx.qualifier_re.search(t, max(0, start - _WINDOW), start)
        return lx.qualifier_map.get(_norm(m.group("q"))) if m else None

    def _emit(self, start: int, end: int, number: Decimal, unit: str | None, *, spelled: bool,
              explicit: bool, range_head: bool = False, quiet: bool = False) -> None:
        qualifier = None if quiet else self._qualifier(start)
        if range_head:
            self.heads.add(len(self.out))
        # positional arguments in NumberMention's field order: text, start, end, number, unit, qualifier, ...
        self.out.append(_new_mention(self.t[start:end], start, end, float(number), unit, qualifier, spelled, explicit))
        self.last_end = end


class _Scales(_Context):
    """Scale words after a number, and the unit words that decide where a glued one ends."""

    def _scale_at(self, pos: int, currency: str | None) -> tuple[int, int] | None:
        lx = self.lx
        first = self.t[pos:pos + 1]
        if first in _SP_CHARS or first == "-":
            first = self.t[pos + 1:pos + 2]
        if first in lx.scale_stop:  # no scale word begins here
            return None
        m = self._at(lx.scale_re, pos)
        if not m:
            return None
        raw, sp, ws = m.group("w"), m.group("sp"), m.start("w")
        if sp == "-":  # "$1.2-billion deal": only a whole scale word after a hyphen
            word = raw.rstrip(".")
            low = _low(word)
            return (lx.scale_words[low], ws + len(word)) if low in lx.scale_words and len(low) > 2 else None
        spaced = bool(sp)
        cands = [raw, raw[:-1]] if raw.endswith(".") else [raw]
        for w in cands:
            low = _low(w)
            if not w or (w.endswith(".") and low not in lx.scale_space and low not in lx.scale_words):
                continue
            end = ws + len(w)
            if low in lx.scale_words:
                return lx.scale_words[low], end
            if spaced and low in lx.scale_space:
                return lx.scale_space[low], end
            if not spaced and w in lx.scale_attached:
                return lx.scale_attached[w], end
            if not spaced and w in lx.scale_currency and (currency or self._people_after(end)):
                return lx.scale_currency[w], end  # "$5m", "€2B", and "1.2m people" (not metres)
        # low is now raw's without its dot; only a scale word in front may be glued to a word
        return self._glued_scale(raw.rstrip("."), ws) if low.startswith(lx.glued_scales) else None

    def _people_after(self, pos: int) -> bool:
        """Whether a people word follows after a space: "1.2m people", "3.5m visitors"."""
        m = self._at(self.lx.word_re, pos)
        return m is not None and _low(m.group("w")) in self.lx.people

    def _glued_scale(self, run: str, ws: int) -> tuple[int, int] | None:
        """A scale word glued to the word after it in scraped text: "4.1millionvisitors".

        Split only where the rest is a word the lexicon knows (a unit word or a glued follower),
        so "millionaires" stays one word.
        """
        low = _low(run)
        if len(low) != len(run):
            return None  # a letter whose lower case is longer: offsets would not line up
        for word in self.lx.glued_scales:
            if low.startswith(word) and len(low) > len(word) and self._glued_known(run[len(word):]):
                return self.lx.scale_words[word], ws + len(word)
        return None

    def _glued_known(self, word: str) -> bool:
        """Whether a word glued after a number or scale is read as if a space were before it."""
        return len(word) > 1 and (self._unit_of(word) is not None or _low(word) in self.lx.glued_followers)

    def _unit_of(self, word: str) -> str | None:
        lx = self.lx
        if word in lx.currency_codes:
            return word
        low = _low(word)
        if low.endswith(("'s", "’s")):
            low = low[:-2]
        elif low.endswith(("'", "’")):
            low = low[:-1]
        if low in lx.people:
            return "person"
        if low in lx.currency_words:
            return low
        if low in lx.time_units:
            return lx.time_units[low]
        if low in lx.other_units:
            # as written where its case means something ("GWh", "kWh"), else lower case ("Tons" opening a row)
            return word[:len(low)] if any(c.isupper() for c in word[1:len(low)]) else low
        return None

    def _scaled(self, end: int, value: Decimal, currency: str | None) -> tuple[Decimal, int] | None:
        """The value times the scale words after it, and where they end: "1.2 million", "Rs 2.30 lakh
        crore", "20 million 353 thousand", "271 thousand 806"; None with no scale word there."""
        lx = self.lx
        sc = self._scale_at(end, currency)
        if not sc:
            return None
        value, end, last = value * sc[0], sc[1], sc[0]
        stacked = self._scale_at(end, None)
        if stacked and stacked[0] > last:  # "Rs 2.30 lakh crore", "1.2 thousand million": scales multiply
            value, end, last = value * stacked[0], stacked[1], last * stacked[0]
        while True:  # "20 million 353 thousand"
            c = self._at(lx.compound_re, end)
            nxt = self._scale_at(c.end(), None) if c else None
            if c and nxt and last == 1000 and nxt[0] >= 1_000_000 and value < 1_000_000 \
                    and (n := Decimal(c.group("n").replace(",", "."))) < 1000:
                # "6 thousand 847,3 millions of dollars" (Spanish "6 mil 847,3 millones"): 6,847.3 million
                value, end, last = (value + n) * nxt[0], nxt[1], nxt[0] * 1000
                break
            if not c or not nxt or nxt[0] >= last:
                break
            value += Decimal(c.group("n").replace(",", ".")) * nxt[0]
            end, last = nxt[1], nxt[0]
        # "271 thousand 806 births", "98 thousand 500 soums": units after the last scale word
        rest = self._at(lx.remainder_re, end)
        if rest and Decimal(rest.group("n")) < last:
            value += Decimal(rest.group("n"))
            end = rest.end("n")
        return value, end


class _Suffixes(_Scales):
    """What follows a number: scale words, ratio units, rates per N and unit words."""

    def _glued(self, end: int, value: Decimal, unit: str | None, extended: bool) -> _Suffix:
        """A word glued after the number ("28.9years", "541,479at"): a unit word or a follower the
        lexicon knows is read as if a space were there; any other word leaves the number unread."""
        w = self._at(self.lx.glued_word_re, end).group("w")
        if self._glued_known(w):
            found = self._unit_of(w)
            return _Suffix(end, value, unit or found, extended, unit_word=_low(w) if found else None,
                           unit_at_once=found is not None, glued=True)
        if _NAME.fullmatch(w) and value.as_tuple().exponent < 0:  # type: ignore[operator]
            # a scraped table's next row label: "share of total,%):China 7,912 14.8India 6,803"
            return _Suffix(end, value, unit, extended, glued=True)
        return _Suffix(end, value, unit, extended)

    def _ratio_at(self, pos: int) -> tuple[str, int] | None:
        c, stop = self.t[pos:pos + 1], self.lx.ratio_stop
        if c in self.lx.ratio_symbols:  # "%" glued to the digits, the most common unit
            return self.lx.ratio_symbols[c], pos + 1
        if c in stop and (c not in _RATIO_SEPS or self.t[pos + 1:pos + 2] in stop):
            return None  # no ratio unit begins here, nor after a separator here
        m = self._at(self.lx.ratio_re, pos)
        if not m:
            return None
        form = _ratio_key(m.group("f"))
        sep = m.group("sep")
        if sep and form in self.lx.ratio_attached:
            return None
        if sep == "-" and not form[0].isalpha():
            return None
        return self.lx.ratio_map[form], m.end()

    def _rate_word_near(self, pos: int) -> bool:
        """Whether a rate word ("per") begins within reach of ``pos``: rate_re cannot match otherwise."""
        if self.rate_starts is None:  # found once per text, by fast literal searches
            self.rate_starts = sorted({m.start() for a in self.lx.rate_anchors
                                       for m in a.finditer(self.t, overlapped=True)})
        i = bisect.bisect_left(self.rate_starts, pos)
        return i < len(self.rate_starts) and self.rate_starts[i] < pos + _REACH

    def _suffix(self, e: int, value: Decimal, currency: str | None, *, strict_units: bool) -> _Suffix:
        """Scale, ratio unit and unit word after a numeral that ends at ``e``."""
        t, lx = self.t, self.lx
        end, unit, extended = e, currency, False
        scaled = self._scaled(end, value, currency)
        if scaled is not None:
            value, end, extended = scaled[0], scaled[1], True
        r = self._ratio_at(end)
        if r:
            if r[0] == "percentage_point" and abs(value) >= _INDEX_POINTS_FLOOR \
                    and t[end:r[1]].strip().lower() in _BARE_POINTS:
                # "The index reached 118,44 points": an index's level, not a rate's change in percentage points
                return _Suffix(r[1], value, "points", True)
            return _Suffix(r[1], value, r[0], True)
        after = t[end:end + 1]
        # "19 845 sq. m", "9 120 m2" (not "the price of one square meter": a denominator, no value)
        if not unit and value != 1 and (phrase := self._at(lx.unit_phrase_re, end)):
            return _Suffix(end, value, lx.unit_phrases[phrase.group("u")], extended, unit_word=phrase.group("u"),
                           unit_at_once=True)
        h = self._at(lx.hyphen_word_re, end) if after == "-" else None
        if h:
            low = _low(h.group("w"))
            if low in lx.time_units:
                return _Suffix(end, value, lx.time_units[low], extended, unit_word=low, unit_at_once=True)
            return _Suffix(end, value, unit, extended, reject=True)
        if after.isalpha():
            return self._glued(end, value, unit, extended)
        if unit:
            return _Suffix(end, value, unit, extended)
        if after not in _HSP_CHARS:  # rates and unit words follow after a space
            return _Suffix(end, value, None, extended)
        if not strict_units and self._rate_word_near(end):
            rm = self._at(lx.rate_re, end)
            # (not an age: "deaths of children under one year per each thousand live births")
            if rm and not any(_low(w) in lx.stop or _low(w) in lx.time_units for w in rm.captures("mid")):
                den_text = _norm(rm.group("den"))
                den = lx.rate_words.get(den_text)
                if den is None:
                    dv = _read_numeral(rm.group("den"))
                    den = int(dv) if dv is not None and dv == dv.to_integral_value() else None
                if den in lx.rate_units:
                    return _Suffix(end, value, lx.rate_units[den], extended)
        pos = end
        before = ""
        for i in range(1 + (0 if strict_units else lx.lookahead)):
            m = self._at(lx.word_re, pos)
            if not m:
                break
            w = m.group("w")
            found = self._unit_of(w)
            if found in lx.time_unit_values and before in lx.time_determiners:
                break  # "to 31,846 last year": when, not a unit
            if found:
                # "1 466,8 million US dollars": a currency word with its country is the country's code
                found = lx.qualified_currencies.get((before, _low(w)), found)
                return _Suffix(end, value, found, extended, unit_word=_low(w), unit_at_once=i == 0)
            before = _low(w)
            low = _low(w)
            if i == 0 and not strict_units and low in lx.bridge:
                m2 = self._at(lx.word_re, m.end())
                if m2 and self._unit_of(m2.group("w")) == "person":
                    return _Suffix(end, value, "person", extended, unit_word=low)
            if (low in lx.stop or low in lx.spelled or low in lx.scale_words or len(w) < 2
                    or low in lx.sign_words or _ROMAN.fullmatch(w)):
                break
            pos = m.end()
        return _Suffix(end, value, None, extended)


class _Spelled(_Suffixes):
    """Numbers in words: spelled cardinals, fold words ("twofold"), fractions of a scale."""

    def _fold(self, s: int, e: int) -> None:
        if self._is_blocked(s, e):
            return
        value = Decimal(self.lx.fold_words[_low(self.t[s:e])])
        self._emit(s, e, value, "times", spelled=True, explicit=False)

    def _fraction(self, s: int, e: int) -> None:
        """"half a million people": a share of the scale word that must follow."""
        if self._is_blocked(s, e):
            return
        value = self.lx.scale_fractions[_norm(self.t[s:e])]
        if self._scale_at(e, None) is None:
            return  # "half a day", "a quarter of a century"
        suf = self._suffix(e, value, None, strict_units=False)
        if not suf.reject:
            self._emit(s, suf.end, suf.value, suf.unit, spelled=True, explicit=False)

    def _spelled_run(self, s: int, e: int) -> None:
        tokens = [(_low(m.group()), s + m.start(), s + m.end())
                  for m in _WORD.finditer(self.t[s:e])]
        i = 0
        while i < len(tokens):
            value, j = self._parse_spelled(tokens, i)
            if j == i:
                i += 1
                continue
            self._spelled_piece(value, tokens[i][1], tokens[j - 1][2], single_one=(j == i + 1 and
                                                                                  tokens[i][0] == "one"))
            i = j

    def _parse_spelled(self, tokens: list[tuple[str, int, int]], i: int) -> tuple[int, int]:
        """Longest valid English cardinal starting at token i: (value, index after it)."""
        sp = self.lx.spelled
        total = group = 0
        last: str | None = None
        last_scale: int | None = None
        best = (0, i)
        j = i
        while j < len(tokens):
            word = tokens[j][0]
            if word == "and":
                nxt = sp.get(tokens[j + 1][0]) if j + 1 < len(tokens) else None
                if last not in ("hundred", "scales") or not nxt or nxt[0] not in ("units", "teens", "tens"):
                    break
                last = "and"
                j += 1
                continue
            kind, v = sp[word]
            if kind == "units":
                ok = last in (None, "tens", "hundred", "scales", "and")
            elif kind in ("teens", "tens"):
                ok = last in (None, "hundred", "scales", "and")
            elif kind == "hundred":
                ok = last == "units" and group < 10
            else:
                ok = last in ("units", "teens", "tens", "hundred") and (last_scale is None or v < last_scale)
            if not ok:
                break
            if kind == "hundred":
                group *= v
            elif kind == "scales":
                total += group * v
                group = 0
                last_scale = v
            else:
                group += v
            last = kind
            j += 1
            best = (total + group, j)
        return best

    def _spelled_piece(self, value_int: int, s: int, e: int, *, single_one: bool) -> None:
        t, lx = self.t, self.lx
        if s < self.last_end or self._is_blocked(s, e):
            return
        p = t[s - 1] if s > 0 else " "
        if p in "-‐" and s > 1 and t[s - 2].isalpha():
            return
        value = Decimal(value_int)
        half = self._at(lx.half_re, e)
        if half:  # "one and a half times"
            value += Decimal("0.5")
            e = half.end()
        start, sign, explicit, currency = self._prefix(s)
        if currency is not None:  # "$ five" is not how releases write money
            start, sign, explicit, currency = s, 1, False, None
        if single_one and self._prev_word(start) in lx.one_blockers:
            return
        if t[s].isupper() and lx.name_before_re.search(t, max(0, s - _WINDOW), s):
            return  # part of a name: "Formula One", "Channel One"
        if s == self.chain_at or self._context_kills(start, e, None):
            return
        suf = self._suffix(e, value, None, strict_units=False)
        if suf.reject:
            return
        nxt = self._at(lx.word_re, suf.end)
        next_word = _low(nxt.group("w")) if nxt else None
        keep = suf.extended
        range_head = False
        if not keep and suf.unit is not None:
            keep = not (suf.unit_at_once and suf.unit_word in lx.stop)
        if not keep and next_word and next_word not in lx.stop and next_word not in lx.spelled:
            keep = True  # a noun-like word follows at once: "Nine services", "four additional ..."
        if not keep:
            r = self._at(self._range_connector(start), suf.end)
            if r and r.end() > suf.end and (t[r.end():r.end() + 1] in _DIGITS or self._at(lx.core, r.end())):
                keep = range_head = True
        if not keep:
            return
        unit = suf.unit if not (suf.unit_at_once and suf.unit_word in lx.stop) else None
        self._emit(start, suf.end, sign * suf.value, unit, spelled=True, explicit=explicit,
                   range_head=range_head)

    def _range_connector(self, head_start: int) -> Any:
        """The connectors that may join a range whose first number starts at ``head_start``: "and"
        as well after "between"."""
        if self._prev_word(head_start) in self.lx.range_openers:
            return self.lx.opened_range_re
        return self.lx.range_re


class _Scanner(_Spelled):
    """Every number of one text, in order: numerals read here, words in :class:`_Spelled`."""

    def run(self) -> list[NumberMention]:
        words = self._word_candidates()
        if not words:  # digits only (most tables, hostile runs of digits): no merge, no tuples
            digits = self._digits
            for m in self.lx.digit_scan.finditer(self.t):
                s, e = m.span()
                if s >= self.last_end:
                    digits(s, e)
            return self._ranges()
        found = [(m.start(), m.end(), "dig") for m in self.lx.digit_scan.finditer(self.t)]
        # starts never coincide: one is a digit, the other a letter
        for s, e, kind in sorted(found + words):
            if s < self.last_end:
                continue
            if kind == "dig":
                self._digits(s, e)
            elif kind == "fold":
                self._fold(s, e)
            elif kind == "frac":
                self._fraction(s, e)
            else:
                self._spelled_run(s, e)
        return self._ranges()

    def _word_candidates(self) -> list[tuple[int, int, str]]:
        """Every spelled-number run (spelled, fold or fraction of a scale), in text order.

        Numerals are found by a second scan; :meth:`run` merges the two by start.
        """
        starts = self.lx.word_initials.starts(self.t, self.folded)
        return [(m.start(), m.end(), m.lastgroup) for m in _matches_from(self.lx.word_scan, self.t, starts)]

    def _digits(self, s: int, e: int) -> None:
        t, lx = self.t, self.lx
        core = t[s:e]
        if s == self.chain_at:
            self._kill(e, chain=True)
            return
        p = t[s - 1] if s > 0 else " "  # out of range reads as a space
        p2 = t[s - 2] if s > 1 else " "
        if p != " ":  # a space before the number passes every test here
            if p.isalpha() and not (p in lx.code_ends and lx.code_before_re.search(t, max(0, s - 8), s)) \
                    and not _letter_symbol_before(t, s, lx.currency_symbols):
                gap = next((i for i, ch in enumerate(core) if ch in _HSP_CHARS), -1)
                if gap == 1 and _PERIOD_CODE.fullmatch(t, s - 1, s + 1) and not p2.isalnum() \
                        and (rest := self.lx.digit_scan.match(t, s + gap + 1)) is not None:
                    self._kill(s + gap)  # "Q1 912.4 148.2": a row's quarter, then its first cell (no "1 912.4")
                    return self._digits(rest.start(), rest.end())
                return self._kill(e)  # A1, Q1 2025; a currency code stays: "USD3.1 billion", a sign "Sh399.4"
            if p == "_" or p in "@#№§&":
                return self._kill(e)  # #5, №5
            if p in "-‐/" and p2.isalpha():
                return self._kill(e)  # COVID-19, KZ-59, Jan-2025, mid-2024
            if p in "-‐–—/=" and p2 in _DIGITS and self.killed_end == s - 1:
                return self._kill(e)  # 2019-20, ISO 3166-1, 05/2025, an index base "2015=100"
            if p in "/:" and p2 in _DIGITS:
                return self._kill(e)  # 3/4, 1:1000
            if p == "." and p2.isalnum():
                return self._kill(e)  # v.2
        nx = t[e] if e < self.n else " "
        if nx in "/:" and t[e + 1:e + 2] in _DIGITS:
            return self._kill(e)
        if p == " " and t[max(0, s - 3):s].rstrip().endswith("="):
            return self._kill(e)  # "(same month of previous year = 100, %)": an index's base
        if self.block_starts and self._is_blocked(s, e):
            return self._kill(e)
        if core[0] == "0" and len(core) > 1 and core[1] in _DIGITS:
            return self._kill(e)  # 010000, 05: codes, postcodes, dates
        if _YEAR_THEN_GROUPS.match(core) and self.lx.year_before_re.search(t, max(0, s - 20), s):
            return self._digits(s + 5, e)  # "In 2019,11,274 marriages": scraped text lost the space
        plain = core.isdigit()  # no separator
        if p == "." and (p2.isspace() or p2 in "([") and plain:  # ".5%"
            s -= 1
            core = "0." + core
            plain = False
        # Only "1.234" can be read two ways; look at what follows only then.
        peek = not plain and _DOT3.fullmatch(core) is not None and (
            self._ratio_at(e) is not None or self._scale_at(e, "?") is not None or self._dot_decimal())
        value = Decimal(core) if plain and len(core) <= _MAX_NUMERAL else _read_numeral(core, dot3_decimal=peek)
        if value is None:
            return self._kill(e)
        seps = () if plain else _SEP_SPLIT.split(core)
        if len(seps) == 3:  # "12.2025": month.year
            head, tail = seps[0], seps[2]
            if len(head) <= 2 and 1 <= int(head) <= 12 and len(tail) == 4 and 1800 <= int(tail) <= 2100:
                return self._kill(e)
        first = t[e:e + 1]
        if first in _HSP_CHARS:
            first = t[e + 1:e + 2]
        if first not in lx.after_kill_stop and self._at(lx.after_kill_re, e):
            return self._kill(e)  # 10 a.m.
        if first.isupper() and plain and len(core) <= 4 and self._at(lx.street_after_re, e):
            return self._kill(e)  # a street number: "374 Frunze street, Bishkek", "12 Abay Ave."
        quiet = p in _HSP_CHARS and p2 in lx.quiet_before  # "23 410 24 105": nothing to read before
        if quiet:
            start, sign, explicit, currency = s, 1, False, None
        else:
            start, sign, explicit, currency = self._prefix(s)
            if currency is None and s > 0 and t[s - 1] in lx.letter_signs and not (s > 1 and t[s - 2].isalpha()):
                return self._kill(e)  # a code glued to a letter that is a currency sign elsewhere: "Table P1"
            if s > 1 and t[s - 1] in "+-−" and t[s - 2].isalpha() \
                    and any(t.endswith(z, 0, s - 1) for z in lx.time_zones):
                return self._kill(e)  # a time zone's offset: "10:12 GMT+7"
            if self._context_kills(start, e, core):
                return
        year_shaped = plain and len(core) == 4 and 1800 <= int(core) <= 2100
        if nx in _HSP_CHARS and first in lx.quiet_after:
            # Another number follows ("23 410 24 105"): no scale, ratio, rate or unit word begins with
            # a digit, so there is nothing to read after this one. Flattened tables are mostly this.
            end, unit, extended = e, currency, False
        else:
            suf = self._suffix(e, value, currency, strict_units=year_shaped and not explicit)
            if suf.reject:
                return self._kill(e)
            end, value, unit, extended = suf.end, suf.value, suf.unit, suf.extended
            nxt = t[end] if end < self.n else " "
            if end == e and not suf.glued and (nxt.isalpha() or nxt == "_"):
                return self._kill(e)  # 1990s, 20th, 4G
        if extended and core in _COUNT_UNITS and t[max(0, start - 2):start].strip() == "(" \
                and _UNIT_OF_COUNT.match(t, end):
            return self._kill(e)  # "(100 million yuan; growth rate, %)": the unit a table counts in, no value
        if (year_shaped and not explicit and currency is None and not extended
                and (unit is None or unit in lx.time_unit_values
                     or lx.year_before_re.search(t, max(0, start - 20), start))):
            return self._kill(e)  # a year: 2024, 2006-2008, "the December 2024 quarter", "In 2024 migrants"
        self._emit(start, end, sign * value, unit, spelled=False, explicit=explicit, quiet=quiet)

    def _ranges(self) -> list[NumberMention]:
        """Give the head of "2-3%", "from 5 to 10 people", "one to twelve months" the tail's unit."""
        out, heads = self.out, self.heads
        for i in range(len(out) - 1):
            a, b = out[i], out[i + 1]
            # The ends of a range are of one size: "97,000 or 3.7%" is a number and its share.
            if (a.unit is None and b.unit is not None and not b.explicit_sign
                    and abs(a.number) <= 10 * abs(b.number)):
                r = self._range_connector(a.start).fullmatch(self.t, a.end, b.start) if b.start - a.end <= 12 else None
                if r and r.end() > a.end:
                    out[i] = replace(a, unit=b.unit)
                    heads.discard(i)
        return [m for i, m in enumerate(out) if i not in heads] if heads else out


def find_numbers(text: str, *, patterns_dir: Path | None = None) -> list[NumberMention]:
    """Every number in ``text`` that can state a value, in order, never overlapping.

    Each mention's ``text`` is ``text[start:end]``; the span holds the sign word or
    character, a currency sign, the numeral, its scale and a ratio unit (``%``,
    ``percentage points``, ``times``, ``-fold``, ``‰``). Unit words after the number
    (people, currencies, time units) and qualifiers before it are reported but
    stay outside the span. Years, dates, times of day, phone numbers, postcodes,
    section numbers, addresses, ages and codes are left out. Never raises.

    >>> [(m.text, m.unit) for m in find_numbers("20.5 per 1,000 population; per 1.000 population")]
    [('20.5', 'per_1000')]
    >>> [(m.text, m.number, m.unit) for m in find_numbers("up 1.5 times to 4,838 people")]
    [('1.5 times', 1.5, 'times'), ('4,838', 4838.0, 'person')]
    >>> [(m.text, m.number, m.unit, m.qualifier) for m in find_numbers("for up to five years")]
    [('five', 5.0, 'year', 'up_to')]
    >>> [(m.text, m.number, m.unit) for m in find_numbers("$2.5bn and 15k and 3.7-fold")]
    [('$2.5bn', 2500000000.0, '$'), ('15k', 15000.0, None), ('3.7-fold', 3.7, 'times')]
    >>> find_numbers("one of the regions, COVID-19, aged 20 to 35, Sept. 20, 19:49")
    []
    """
    if not isinstance(text, str) or not text:
        return []
    lx = lexicon(Path(patterns_dir) if patterns_dir is not None else None)
    return split_glued_cells(text, _Scanner(text, lx).run(), patterns_dir=Path(patterns_dir) if patterns_dir else None)
