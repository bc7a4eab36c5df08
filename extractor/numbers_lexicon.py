"""The lexicon of :mod:`extractor.numbers`: ``patterns/numbers.yaml`` loaded, checked and compiled once.

:func:`lexicon` reads the word lists and builds from them every pattern the scanner
uses, plus cheap character sets that let the scanner skip a regex call where a
pattern cannot match. The grammar that reads numbers lives in ``numbers.py``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import regex

from .errors import PatternError
from .resources import load_yaml
from .resources import patterns_dir as _default_patterns_dir

__all__ = ["Lexicon", "lexicon"]

_YAML = "numbers.yaml"
_SP = "[ \\u00a0\\u202f\\u2009]"  # one space inside a phrase: space, no-break space, narrow no-break space
_HSP = "[ \\t\\u00a0\\u202f\\u2009]"  # horizontal white space between words
_HSP_CHARS = frozenset(" \t\u00a0\u202f\u2009")
_SP_CHARS = frozenset(" \u00a0\u202f\u2009")
_RATIO_SEPS = _SP_CHARS | {"-"}
_EMAIL_CHAR = r"[\w.+\-]"  # a character of an e-mail address's local part


# A numeral: space-grouped thousands ("23 761", "1 234 567,5"), or digits joined by dots
# and commas ("1,700", "20,7", "09.02.2026"), classified afterwards. ASCII digits only.
_GROUPS_SRC = r"(?P<gs>[ \u00a0\u202f\u2009])[0-9]{3}(?![0-9])(?:(?P=gs)[0-9]{3}(?![0-9]))*+(?:[.,][0-9]++)?"
_NUMERAL_SRC = rf"[0-9]{{1,3}}{_GROUPS_SRC}|[0-9]++(?:[.,][0-9]++)*+"
# The same numeral, not preceded by a digit, with its first digit taken out in front: a
# pattern that begins with a plain character class lets the engine skip ahead to digits.
_NUMERAL_SCAN_SRC = rf"[0-9](?<![0-9][0-9])(?:[0-9]{{0,2}}{_GROUPS_SRC}|[0-9]*+(?:[.,][0-9]++)*+)"

# The only non-ASCII letters that case-insensitive matching equates with ASCII ones ("ſix" matches
# "six"; tests/test_numbers.py scans the whole BMP to keep this list complete). Lexicon lookups fold
# them the same way, so a word the patterns matched is always found in its table.
_LOOKALIKES = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0130": "i"})


def _low(word: str) -> str:
    """A matched word as a lexicon key: lower case, look-alike letters folded."""
    return word.lower() if word.isascii() else word.translate(_LOOKALIKES).lower()


def _phrase(words: str) -> str:
    """A literal phrase whose spaces match any run of horizontal spaces."""
    return f"{_HSP}+".join(regex.escape(w) for w in words.split())


def _alternation(phrases: list[str]) -> str:
    return "|".join(_phrase(p) for p in sorted(set(phrases), key=len, reverse=True))


def _backward(src: str, flags: int = 0) -> Any:
    """A pattern anchored with ``\\Z`` that reads the context before a number, compiled to search backwards.

    A forward search for ``...\\Z`` tries every start in its window; a reverse search
    starts at the window's end, where the anchor is, so it costs only the match itself.
    Spans and groups are the same as a forward search's.
    """
    return regex.compile(src, flags | regex.REVERSE)


def _ascii_not_in(char_class: str, flags: int = 0) -> frozenset[str]:
    """The ASCII characters outside ``char_class``, and "" (the edge of the text).

    Used to skip a regex call cheaply: ``char_class`` holds every character a match can
    begin (or, for a backward pattern, end) with. The regex engine decides which ASCII
    characters it holds under ``flags``, so case folding agrees with the pattern's, and
    non-ASCII characters are never skipped.
    """
    cls = regex.compile(char_class, flags)
    return frozenset(["", *(c for c in map(chr, range(128)) if not cls.fullmatch(c))])


def _scale_stop(*tables: dict[str, int]) -> frozenset[str]:
    """The ASCII characters, and "", that begin no scale word of any case that the tables could hold."""
    initials = {k[0] for table in tables for k in table if k}
    return frozenset(["", *(c for c in map(chr, range(128)) if c not in initials and c.lower() not in initials)])


def _initials(phrases: Any) -> str:
    """The first characters of some phrases, escaped for a character class."""
    return "".join(regex.escape(p[0]) for p in {str(p) for p in phrases} if p)


def _finals(phrases: Any) -> str:
    """The last characters of some phrases, escaped for a character class."""
    return "".join(regex.escape(p[-1]) for p in {str(p) for p in phrases} if p)


def _norm(s: str) -> str:
    return " ".join(_low(s).split())


def _ratio_key(s: str) -> str:
    """A ratio unit as written, as a key: "percentage-point" and "percentage  point" are one form."""
    return _norm(s.replace("-", " "))


@dataclass(frozen=True)
class _Literals:
    """Where any of some words begins in a text: the places a pattern led by one of them can match.

    The regex engine finds one literal fast but tries an alternation of words at every
    character, so a word-led pattern is tried only where :meth:`starts` says. Words that
    begin with another word add nothing and are left out.
    """

    words: tuple[str, ...]  # looked for in the text, or in its case folding
    ignore_case: bool = False
    patterns: tuple[Any, ...] = ()  # the words as written, for when the folding cannot be used

    @classmethod
    def of(cls, words: Any, *, ignore_case: bool = False) -> _Literals:
        def minimal(ws: set[str]) -> list[str]:
            ordered = sorted(ws, key=len)
            return [w for i, w in enumerate(ordered) if not any(w.startswith(v) for v in ordered[:i])]

        words = {str(w) for w in words if w}
        if not ignore_case:
            return cls(tuple(minimal(words)))
        patterns = tuple(regex.compile(regex.escape(w), regex.IGNORECASE) for w in minimal(words))
        return cls(tuple(minimal({w.casefold() for w in words})), True, patterns)

    def starts(self, text: str, folded: str | None) -> list[int]:
        """Every start of a word in ``text``, sorted; overlapping ones too.

        ``folded`` is ``text.casefold()`` when that keeps every character in place (the
        regex engine's case-insensitive match then equals a plain search in it), else None.
        """
        if self.ignore_case and folded is None:
            return sorted({m.start() for p in self.patterns for m in p.finditer(text, overlapped=True)})
        hay = folded if self.ignore_case else text
        found = set()
        for w in self.words:
            i = hay.find(w)
            while i >= 0:
                found.add(i)
                i = hay.find(w, i + 1)
        return sorted(found)


def _matches_from(pattern: Any, text: str, starts: list[int]) -> Any:
    """The matches of ``pattern.finditer(text)``, given every place one can start (sorted)."""
    end = 0
    for pos in starts:
        if pos < end:
            continue  # like finditer, resume after the end of the last match
        m = pattern.match(text, pos)
        if m:
            end = m.end()
            yield m


@dataclass(frozen=True)
class _Mask:
    """Spans whose digits are not values: phone numbers, e-mail addresses, dates, section numbers.

    A mask with ``anchors`` is tried only where one of them begins; ``back`` leads from an
    anchor back to where a match starts (the "@" of an e-mail address back to its local
    part).
    """

    pattern: Any
    kind: str
    anchors: _Literals | None = None
    back: Any = None

    def finditer(self, text: str, folded: str | None) -> Any:
        """The matches ``pattern.finditer(text)`` gives, without trying every position."""
        if self.anchors is None:
            return self.pattern.finditer(text)
        starts = self.anchors.starts(text, folded)
        if self.back is not None:
            starts = sorted({self.back.match(text, 0, a).start() for a in starts})
        return _matches_from(self.pattern, text, starts)


@dataclass(frozen=True)
class Lexicon:
    """Every rule of ``numbers.yaml``, compiled: see :func:`lexicon`."""

    core: Any
    digit_scan: Any
    word_scan: Any
    word_initials: _Literals  # where word_scan can match
    spelled: dict[str, tuple[str, int]]
    fold_words: dict[str, int]
    stop: frozenset[str]
    one_blockers: frozenset[str]
    scale_words: dict[str, int]
    scale_fractions: dict[str, Decimal]  # "half a" (million): the share of the scale that follows
    scale_attached: dict[str, int]
    scale_space: dict[str, int]
    scale_currency: dict[str, int]
    scale_re: Any
    compound_re: Any
    remainder_re: Any
    year_before_re: Any
    ratio_re: Any
    ratio_map: dict[str, str]
    ratio_attached: frozenset[str]
    rate_re: Any
    rate_max: int
    rate_units: dict[int, str]
    rate_words: dict[str, int]
    rate_word_set: frozenset[str]
    lookahead: int
    word_re: Any
    hyphen_word_re: Any
    glued_word_re: Any  # a word glued to the end of a number in scraped text
    glued_followers: frozenset[str]  # words read as if spaced when glued after a number
    glued_scales: tuple[str, ...]  # scale words that may be glued to the word after them
    people: frozenset[str]
    currency_words: frozenset[str]
    qualified_currencies: dict[tuple[str, str], str]  # ("us", "dollars") -> "USD"
    currency_codes: frozenset[str]
    currency_symbols: tuple[tuple[str, str], ...]
    currency_symbol_ends: frozenset[str]
    # currency_symbols by their last character, in the same order: the signs that can end right
    # before a numeral (most numbers follow a letter that ends no sign, or a single candidate)
    currency_symbols_by_end: dict[str, tuple[tuple[str, str], ...]]
    letter_signs: frozenset[str]  # one-letter signs ("P", the peso): only before a grouped or decimal amount
    time_zones: frozenset[str]  # "GMT": the offset glued after it ("GMT+7") is no value
    code_before_re: Any
    time_units: dict[str, str]
    time_unit_values: frozenset[str]
    other_units: frozenset[str]
    bridge: frozenset[str]
    unit_phrases: dict[str, str]  # "sq. m" -> "sqm"
    time_determiners: frozenset[str]  # "last year": when, not how long
    unit_phrase_re: Any
    qualifier_re: Any
    qualifier_map: dict[str, str]
    sign_word_re: Any
    sign_words: dict[str, int]
    sign_chars: dict[str, int]
    prev_word_re: Any
    kill_phrase_last: frozenset[str]  # the last words of the multi-word non_value_before entries
    kill_phrase_re: Any  # those entries, right before a number
    kill_before: frozenset[str]
    postcode_re: Any
    age_words: frozenset[str]
    age_bracket_words: frozenset[str]  # "(under 25)": the number is an age bound, when it fills the bracket
    context_words: frozenset[str]  # every word before a number that one of the sets around here holds
    numbered_periods: frozenset[str]  # "Quarter 2 2023": a number between one of these and a year is the period's
    year_labels: frozenset[str]  # "the year 1401": a four-digit integer after one of these is a year
    year_after_re: Any  # one space and a year, right after a number
    street_after_re: Any  # "374 Frunze street": a capitalised name and a street word after a number
    code_numbers: dict[str, frozenset[str]]  # "eu" -> {"27", "28", ...}: "EU 27" names the aggregate
    chain_re: Any
    after_kill_re: Any
    # Cheap checks that skip a regex call when a character shows it cannot match:
    after_kill_stop: frozenset[str]  # cannot begin after_kill_re's word (after one optional space)
    scale_stop: frozenset[str]  # cannot begin a scale word (after one optional space)
    ratio_stop: frozenset[str]  # cannot begin a ratio unit (after its optional separator)
    ratio_symbols: dict[str, str]  # one-character ratio units no other form begins with: "%" -> percent
    rate_anchors: tuple[Any, ...]  # the first word of a rate phrase, then a space
    prev_word_stop: frozenset[str]  # cannot sit right before a number prev_word_re reads
    qualifier_stop: frozenset[str]  # cannot sit right before a qualified number
    qualifier_end_stop: frozenset[str]  # cannot sit before the space after a qualifier
    sign_word_stop: frozenset[str]  # cannot sit before the space of "minus 5"
    code_ends: frozenset[str]  # the last letters of currency codes
    quiet_before: frozenset[str]  # before one space before a number: nothing to read before it
    quiet_after: frozenset[str]  # after one space after a number: nothing to read after it
    range_re: Any
    range_openers: frozenset[str]  # "between": a range after it may be joined by "and" too
    opened_range_re: Any  # range_re's connectors and those an opener allows
    half_re: Any
    name_before_re: Any
    masks: tuple[_Mask, ...]


def _require(data: Any, key: str, kind: type, path: Path) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise PatternError(path, None, f"missing section {key!r}")
    value = data[key]
    if not isinstance(value, kind):
        raise PatternError(path, None, f"section {key!r} must be a {kind.__name__}")
    return value


class _Sections:
    """The sections of ``numbers.yaml``, each checked for its shape as it is read."""

    def __init__(self, data: Any, path: Path) -> None:
        self.data, self.path = data, path

    def req(self, key: str, kind: type = list) -> Any:
        return _require(self.data, key, kind, self.path)

    def sub(self, section: dict[str, Any], key: str, kind: type = dict) -> Any:
        return _require(section, key, kind, self.path)

    def words(self, key: str) -> list[str]:
        entries = self.req(key)
        for w in entries:
            if not isinstance(w, str):  # an unquoted no/on/yes reads as a bool
                raise PatternError(self.path, None, f"section {key!r}: entry {w!r} is not a string; quote it")
        return entries

    def word_set(self, key: str) -> frozenset[str]:
        """A word list as lexicon keys, for membership tests."""
        return frozenset(_low(w) for w in self.words(key))


@functools.cache
def lexicon(patterns_dir: Path | None) -> Lexicon:
    """The rules of ``numbers.yaml`` in ``patterns_dir`` (the package's own by default), compiled once."""
    path = (patterns_dir or _default_patterns_dir()) / _YAML
    y = _Sections(load_yaml(_YAML, base=patterns_dir), path)
    parts = {**_word_numbers(y), **_scales(y), **_ratios(y), **_rates(y), **_units(y),
             **_qualifiers_and_signs(y), **_contexts(y)}
    parts["context_words"] = (parts["kill_before"] | parts["kill_phrase_last"]
                              | parts["rate_word_set"] | parts["age_words"] | parts["age_bracket_words"]
                              | parts["numbered_periods"] | parts["year_labels"] | frozenset(parts["code_numbers"]))
    # After one space, a digit begins no scale word, ratio unit, rate or unit word (those need a letter).
    quiet_after = frozenset("0123456789") & parts["scale_stop"] & parts["ratio_stop"]
    return Lexicon(**parts, quiet_before=_quiet_before(parts, y), quiet_after=quiet_after, masks=_masks(y))


def _quiet_before(parts: dict[str, Any], y: _Sections) -> frozenset[str]:
    """The characters after which, with one space between, nothing before a number can be read.

    No currency sign or code, sign word, qualifier or context word ends with them (digits, "%",
    ")": "23 410 24 105"), so the scanner skips reading the left context of a number there.
    """
    quiet = parts["prev_word_stop"] & parts["qualifier_end_stop"] & parts["sign_word_stop"]
    quiet &= _ascii_not_in(rf"[{_finals(y.words('postcode_words'))}#№,:]", regex.IGNORECASE)
    loud = parts["currency_symbol_ends"] | parts["code_ends"]
    return frozenset(c for c in quiet if c and c not in loud)


def _word_numbers(y: _Sections) -> dict[str, Any]:
    """Spelled cardinals, fold words and fractions of a scale, and the two scans that find numbers."""
    spelled_data = y.req("spelled", dict)
    spelled: dict[str, tuple[str, int]] = {}
    for kind in ("units", "teens", "tens", "hundred", "scales"):
        for word, value in y.sub(spelled_data, kind).items():
            spelled[_low(str(word))] = (kind, int(value))
    fold_words = {_low(str(k)): int(v) for k, v in y.req("fold_words", dict).items()}
    scale_fractions = {_norm(str(k)): Decimal(str(v)) for k, v in y.req("scale_fractions", dict).items()}
    spelled_alt = "|".join(sorted(spelled, key=len, reverse=True))
    fold_alt = "|".join(sorted(fold_words, key=len, reverse=True))
    word_src = (
        rf"(?P<frac>(?i:\b(?:{_alternation(list(scale_fractions))})\b))"
        rf"|(?P<fold>(?i:\b(?:{fold_alt})\b))"
        rf"|(?P<sp>(?i:\b(?:{spelled_alt})\b(?:(?:[ \t]++and[ \t]++|[ \t]++|-)(?:{spelled_alt})\b)*+))"
    )
    return dict(
        core=regex.compile(rf"(?P<dig>(?<![0-9])(?:{_NUMERAL_SRC}))|{word_src}"),
        # The scan runs digits and words as two patterns: one alternation of both tries every
        # branch at every character. A digit-led match holds no letter and a word-led one no
        # digit, so the two never overlap and merging them by start gives the same matches.
        # The numeral is plain ASCII, so the faster stdlib engine reads it the same way.
        digit_scan=re.compile(_NUMERAL_SCAN_SRC),
        # The words are tried only where word_initials finds one: see _Literals.
        word_scan=regex.compile(word_src),
        word_initials=_Literals.of([*spelled, *fold_words, *(f.split()[0] for f in scale_fractions)],
                                   ignore_case=True),
        spelled=spelled,
        fold_words=fold_words,
        scale_fractions=scale_fractions,
        stop=y.word_set("spelled_stop_followers"),
        one_blockers=y.word_set("one_blockers_before"),
        half_re=regex.compile(rf"\G{_HSP}+and{_HSP}+a{_HSP}+half\b", regex.IGNORECASE),
        name_before_re=_backward(r"(?<![\p{L}])\p{Lu}\p{L}*[ \t]+\Z"),
    )


def _scales(y: _Sections) -> dict[str, Any]:
    """Scale words after a numeral ("17.4 thousand", "$2.5bn", "20 million 353 thousand")."""
    scales = y.req("scales", dict)
    scale_words = {_low(str(k)): int(v) for k, v in y.sub(scales, "words").items()}
    scale_attached = {str(k): int(v) for k, v in y.sub(scales, "attached_only").items()}
    scale_space = {_low(str(k)): int(v) for k, v in y.sub(scales, "space_only").items()}
    scale_currency = {str(k): int(v) for k, v in y.sub(scales, "currency_only").items()}
    return dict(
        scale_words=scale_words,
        scale_attached=scale_attached,
        scale_space=scale_space,
        scale_currency=scale_currency,
        scale_re=regex.compile(rf"\G(?P<sp>{_SP}|-)?(?P<w>\p{{L}}++\.?)"),
        # "20 million 353 thousand"; "14 billion 236,8 million" (a decimal in the smaller part)
        # ... and after an abbreviated scale: "10 mln. 153,4 thous."
        compound_re=regex.compile(rf"\G\.?{_SP}+(?P<n>[0-9]{{1,3}}(?:[.,][0-9]{{1,2}})?)(?![0-9]|[.,][0-9])"),
        # "271 thousand 806 births", "the number of births amounted to 14 thousand 208, the deaths ..."
        remainder_re=regex.compile(rf"\G{_SP}+(?P<n>[0-9]{{1,3}})(?=[ \u00a0]+\p{{L}}|[,;.)](?![0-9])|\Z)"
                                   rf"(?!{_SP}*(?:%|per\b))"),
        scale_stop=_scale_stop(scale_words, scale_space, scale_attached, scale_currency),
        # longest first, so "thousands" is tried before "thousand" and "thou"
        glued_scales=tuple(sorted((w for w in scale_words if len(w) >= 2), key=len, reverse=True)),
    )


def _ratios(y: _Sections) -> dict[str, Any]:
    """Ratio units in the value's span: "%", "per cent", "pp", "times", "-fold"."""
    ratio_map: dict[str, str] = {}
    for unit, forms in y.req("ratio_units", dict).items():
        for form in forms:
            ratio_map[_ratio_key(str(form))] = str(unit)
    ratio_forms = []
    for form in sorted(ratio_map, key=len, reverse=True):
        # words joined by spaces or a hyphen: "percentage points", "a 1.5-percentage-point fall"
        src = f"(?:{_HSP}+|-)".join(regex.escape(w) for w in form.split())
        ratio_forms.append(src + r"(?![\p{L}\p{N}])" if form[-1].isalnum() else src)
    return dict(
        ratio_re=regex.compile(rf"\G(?P<sep>{_SP}|-)?(?P<f>{'|'.join(ratio_forms)})", regex.IGNORECASE),
        ratio_map=ratio_map,
        ratio_attached=frozenset(_ratio_key(str(f)) for f in y.req("ratio_attached_only")),
        # One-character symbols that begin no other form ("%", "‰") are read without the regex.
        ratio_symbols={f: u for f, u in ratio_map.items()
                       if len(f) == 1 and not f.isalnum() and f not in _RATIO_SEPS
                       and not any(g != f and g.casefold().startswith(f.casefold()) for g in ratio_map)},
        ratio_stop=_ascii_not_in(rf"[{_initials(ratio_map)}]", regex.IGNORECASE),
    )


def _rates(y: _Sections) -> dict[str, Any]:
    """Rates per N: "20.5 per 1,000 population", "per thousand"."""
    rate_words = {_norm(str(k)): int(v) for k, v in y.req("rate_denominator_words", dict).items()}
    rate_max = int(y.req("rate_max_words", int))
    per = _alternation(y.words("rate_words"))
    return dict(
        rate_re=regex.compile(
            rf"\G(?:{_HSP}+(?P<mid>\p{{L}}++)){{0,{rate_max}}}?{_HSP}+(?:{per}){_HSP}+"
            rf"(?P<den>{_alternation(list(rate_words))}|{_NUMERAL_SRC})(?![\p{{L}}\p{{N}}])",
            regex.IGNORECASE,
        ),
        rate_max=rate_max,
        rate_units={int(k): str(v) for k, v in y.req("rate_denominators", dict).items()},
        rate_words=rate_words,
        rate_word_set=y.word_set("rate_words"),
        rate_anchors=tuple(regex.compile(rf"{regex.escape(w)}(?={_HSP})", regex.IGNORECASE)
                           for w in {w.split()[0] for w in y.words("rate_words")}),
    )


def _units(y: _Sections) -> dict[str, Any]:
    """Unit words after the number (people, currencies, time units) and currency signs and codes."""
    codes = y.words("currency_codes")
    symbols = {str(k): str(v) for k, v in y.req("currency_symbols", dict).items()}
    time_units = y.req("time_units", dict)
    return dict(
        lookahead=int(y.req("unit_lookahead_words", int)),
        word_re=regex.compile(rf"\G{_HSP}+(?P<w>\p{{L}}[\p{{L}}'’]*+)"),
        hyphen_word_re=regex.compile(r"\G-(?P<w>\p{L}++)"),
        glued_word_re=regex.compile(r"\G(?P<w>\p{L}[\p{L}'’]*+)"),
        glued_followers=y.word_set("glued_followers"),
        people=y.word_set("people_words"),
        currency_words=y.word_set("currency_words"),
        qualified_currencies={tuple(_low(w) for w in str(k).split()): str(v)  # type: ignore[misc]
                              for k, v in (y.data.get("qualified_currencies") or {}).items()},
        currency_codes=frozenset(codes),
        currency_symbols=tuple(sorted(symbols.items(), key=lambda kv: len(kv[0]), reverse=True)),
        currency_symbol_ends=frozenset(sym[-1] for sym in symbols),
        currency_symbols_by_end={end: tuple(kv for kv in sorted(symbols.items(), key=lambda kv: len(kv[0]),
                                                                 reverse=True) if kv[0][-1] == end)
                                 for end in {sym[-1] for sym in symbols}},
        letter_signs=frozenset(sym for sym in symbols if len(sym) == 1 and sym.isalpha()),
        time_zones=frozenset(str(z) for z in (y.data.get("time_zones") or ())),
        code_before_re=_backward(
            rf"(?<![\p{{L}}])(?P<c>{'|'.join(regex.escape(c) for c in codes)}){_SP}?\Z"),
        code_ends=frozenset(c[-1] for c in codes if c),
        time_units={_low(str(k)): str(v) for k, v in time_units.items()},
        time_unit_values=frozenset(str(v) for v in time_units.values()),
        other_units=y.word_set("other_units"),
        bridge=y.word_set("unit_bridge_words"),
        time_determiners=y.word_set("time_determiners"),
        unit_phrases={str(k): str(v) for k, v in (y.data.get("unit_phrases") or {}).items()},
        unit_phrase_re=_unit_phrases(y.data.get("unit_phrases") or {}),
    )


def _unit_phrases(phrases: dict[str, Any]) -> Any:
    """A unit phrase right after the number, spaced or glued ("9 120 m2", "300m²"); not inside a longer word."""
    if not phrases:
        return regex.compile(r"(?!)")
    alternatives = "|".join(regex.escape(str(k)) for k in sorted(phrases, key=len, reverse=True))
    return regex.compile(rf"\G{_HSP}?(?P<u>{alternatives})(?![\p{{L}}\d])")


def _qualifiers_and_signs(y: _Sections) -> dict[str, Any]:
    """Qualifier phrases ("about", "more than") and sign words and characters before a number."""
    qualifier_map: dict[str, str] = {}
    for qual, phrases in y.req("qualifiers", dict).items():
        for phrase in phrases:
            qualifier_map[_norm(str(phrase))] = str(qual)
    q_words = [p for p in qualifier_map if p[0].isalpha()]
    q_syms = [p for p in qualifier_map if not p[0].isalpha()]
    sign_words = {_low(str(k)): int(v) for k, v in y.req("sign_words", dict).items()}
    return dict(
        qualifier_re=_backward(
            rf"(?:(?<![\p{{L}}])(?P<q>{_alternation(q_words)}){_HSP}+"
            rf"|(?P<q>{'|'.join(regex.escape(s) for s in q_syms) or '(?!)'}){_HSP}?)\Z",
            regex.IGNORECASE,
        ),
        qualifier_map=qualifier_map,
        qualifier_stop=_ascii_not_in(rf"[{_HSP[1:-1]}{_finals(q_syms)}]", regex.IGNORECASE),
        qualifier_end_stop=_ascii_not_in(rf"[{_HSP[1:-1]}{_finals(qualifier_map)}]", regex.IGNORECASE),
        sign_word_re=_backward(
            rf"(?<![\p{{L}}])(?P<w>{_alternation(list(sign_words))}){_SP}+\Z", regex.IGNORECASE),
        sign_words=sign_words,
        sign_chars={str(k): int(v) for k, v in y.req("sign_chars", dict).items()},
        sign_word_stop=_ascii_not_in(rf"[{_SP[1:-1]}{_finals(sign_words)}]", regex.IGNORECASE),
    )


def _contexts(y: _Sections) -> dict[str, Any]:
    """Words around a number that make it not a value, or join it to the next one."""
    chain = _alternation(y.words("chain_connectors"))
    ranges = _alternation(y.words("range_connectors"))
    opened_ranges = _alternation([*y.words("range_connectors"), *y.words("opened_range_connectors")])
    after_kill = _alternation(y.words("non_value_after"))
    postcode = _alternation(y.words("postcode_words"))
    phrases = [w for w in y.words("non_value_before") if " " in w]
    return dict(
        year_before_re=_backward(
            rf"(?i)(?<![\p{{L}}])(?:{_alternation(y.words('year_prepositions'))}){_HSP}+\Z"),
        prev_word_re=_backward(r"(?<![\p{L}.])(?P<w>[\p{L}№#§]+\.?)[ \t\u00a0\u202f\u2009,:]*\Z"),
        prev_word_stop=_ascii_not_in(r"[\p{L}№#§. \t\u00a0\u202f\u2009,:]"),
        kill_before=frozenset(w for w in y.word_set("non_value_before") if " " not in w),
        # "Catalogue number 6202.0": a phrase, checked only when its last word is before the number
        kill_phrase_last=frozenset(w.rsplit(" ", 1)[1] for w in y.word_set("non_value_before") if " " in w),
        kill_phrase_re=_backward(rf"(?i)(?<![\p{{L}}])(?:{_alternation(phrases) if phrases else '(?!)'})"
                                 r"[ \t\u00a0\u202f\u2009,:]*\Z"),
        postcode_re=_backward(rf"(?<![\p{{L}}])(?:{postcode})[ \t\u00a0\u202f\u2009,:#№]*\Z", regex.IGNORECASE),
        age_words=y.word_set("age_words"),
        age_bracket_words=y.word_set("age_bracket_words"),
        numbered_periods=y.word_set("numbered_periods"),
        year_labels=y.word_set("year_labels"),
        year_after_re=regex.compile(rf"\G{_HSP}(?:1[89]|2[01])[0-9]{{2}}(?![0-9.,])"),
        street_after_re=regex.compile(rf"\G(?:[ ]\p{{Lu}}[\p{{L}}\-]*+){{1,3}}[ ]"
                                      rf"(?i:{_alternation(y.words('street_words'))})(?![\p{{L}}])(?![ \t]*\p{{Ll}})"),
        code_numbers={_low(str(k)): frozenset(str(int(n)) for n in v) for k, v in y.req("code_numbers", dict).items()},
        chain_re=regex.compile(rf"\G{_HSP}*(?:{chain}){_HSP}*(?=[0-9])", regex.IGNORECASE),
        after_kill_re=regex.compile(rf"\G{_HSP}*(?:{after_kill})(?![\p{{L}}])", regex.IGNORECASE),
        after_kill_stop=_ascii_not_in(rf"[{_HSP[1:-1]}{_initials(y.words('non_value_after'))}]",
                                      regex.IGNORECASE),
        range_re=regex.compile(rf"{_HSP}*(?:{ranges}){_HSP}*", regex.IGNORECASE),
        range_openers=y.word_set("range_openers"),
        opened_range_re=regex.compile(rf"{_HSP}*(?:{opened_ranges}){_HSP}*", regex.IGNORECASE),
    )


def _masks(y: _Sections) -> tuple[_Mask, ...]:
    """Spans whose digits are not values: phone numbers, e-mail addresses, URLs, dates, times, sections."""
    months = y.words("months")
    month_alt = "|".join(regex.escape(m) for m in sorted(months, key=len, reverse=True))
    phone_alt = _alternation(y.words("phone_words"))
    day_after_month_stop = (
        rf"(?!{_HSP}*(?:%|percent|per{_HSP}+cent))(?![.,][0-9])(?!{_SP}[0-9]{{3}}(?![0-9]))"
    )
    return (
        # phone numbers after a phone word, on the same line
        _Mask(regex.compile(rf"(?i:(?<![\p{{L}}])(?:{phone_alt})\.?:?){_HSP}*"
                            rf"(?P<x>[+(0-9][0-9 ()+\-\u00a0.]{{4,40}}[0-9])"), "phone",
              _Literals.of([w.split()[0] for w in y.words("phone_words")], ignore_case=True)),
        # international phone numbers: +7 7172 749061, +7 (7172) 749805
        _Mask(regex.compile(r"(?<![\p{L}\p{N}+])"
                            r"(?P<x>\+[0-9]{1,3}(?:[ \u00a0.\-]?(?:\([0-9]{1,5}\)|[0-9]{2,5})){2,6})"
                            r"(?![0-9])"), "intl_phone"),
        # country and area code in brackets, as CIS offices print them: (+374 11) 52-44-26, (+996 312) 32-46-37
        _Mask(regex.compile(r"(?<![\p{L}\p{N}])(?P<x>\(\+[0-9]{1,3}(?:[ \u00a0][0-9]{1,5})?\)[ \u00a0]?[0-9]{2,4}"
                            r"(?:[ \u00a0\-][0-9]{2,4}){1,3})(?![0-9])"), "intl_paren_phone"),
        # local phone numbers with an area code: 8 (7172) 749805, (202) 691-5200
        _Mask(regex.compile(r"(?<![\p{L}\p{N}])(?P<x>(?:[0-9][ \u00a0]?)?\([0-9]{3,5}\)[ \u00a0]?[0-9]{2,4}"
                            r"(?:[ \u00a0\-]?[0-9]{2,4}){1,3})(?![0-9])"), "paren_phone"),
        _Mask(regex.compile(r"(?<![0-9\-])(?P<x>[0-9]{3}-[0-9]{3}-[0-9]{4})(?![0-9\-])"), "us_phone"),
        # e-mail addresses and URLs
        _Mask(regex.compile(rf"(?<!{_EMAIL_CHAR})(?P<x>{_EMAIL_CHAR}++@[\w\-]++(?:\.[\w\-]++)++)"), "email",
              _Literals.of(["@"]), back=regex.compile(rf"{_EMAIL_CHAR}*+", regex.REVERSE)),
        _Mask(regex.compile(r"(?i)(?<![\w])(?P<x>(?:https?://|www\.)[^\s<>\"'\])]++)"), "url",
              _Literals.of(["http", "www."], ignore_case=True)),
        # numeric dates with one separator kind: 09/02/2026, 2025-05-01, 1.5.2025
        _Mask(regex.compile(r"(?<![0-9])(?P<x>[0-9]{1,4}(?P<ds>[/.\-])[0-9]{1,2}(?P=ds)[0-9]{1,4})(?![0-9])"),
              "date"),
        # month-name dates: "May 1, 2025", "Sept. 20", "1 May 2025", "20 September". Before the month
        # alternation, a class of the months' initials fails fast after every other number ("1 1 1").
        _Mask(regex.compile(rf"(?<![\p{{L}}])(?:{month_alt})\.?{_HSP}+(?P<x>[0-9]{{1,2}})(?:st|nd|rd|th)?"
                            rf"(?![0-9\p{{L}}]){day_after_month_stop}"), "date"),
        _Mask(regex.compile(rf"(?<![0-9.,])(?P<x>[0-9]{{1,2}})(?:st|nd|rd|th)?{_HSP}+(?:of{_HSP}+)?"
                            rf"(?=[{_initials(months)}])(?:{month_alt})(?![\p{{L}}])"), "date"),
        # times of day: 19:49, 10:30:15
        _Mask(regex.compile(r"(?<![0-9:])(?P<x>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?![0-9])"), "time"),
        # section numbers at line starts: "1. Key points", "- 1. Key points", "3.1 Methods"
        _Mask(regex.compile(r"(?m)^[ \t]*(?:[-–—•*·][ \t]*)?(?P<x>[0-9]{1,2}(?:\.[0-9]{1,2}){0,3})(?P<t>[.)]?)"
                            r"(?P<after>[ \t]+[\p{Lu}«\"\[(]|[ \t]*$)"), "section"),
    )

