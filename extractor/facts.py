"""Assemble facts: each value with its indicator, region, period, measure and direction.

The rules look inside the sentence first (nearest mention, same clause preferred,
no other value in between), then at the list's lead-in, then at what the document
has set as context:

* the **frame period**: a period fronted in its sentence ("In 2024, ...", "By
  mid-2024, ..."), or stated in a sentence that has no values of its own (a title,
  "the survey, conducted in late 2024, showed ..."). A line with no period of its
  own inherits the frame;
* the **line period**: within a line (a paragraph), the last period named applies
  to later sentences of the same line;
* the **as-of date** ("as of May 1, 2025") that ends open periods ("since January");
* the **home country**: the first country the document names.

Each fact records the evidence it was built from; its confidence is computed from
that evidence (see :mod:`extractor.confidence`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import annual_rate, context, link_indicator, link_period, link_region, link_table, measure
from .confidence import scores, with_scores
from .context import Resolved
from .document import DocumentInput, DocumentView
from .features import field_names
from .indicators import IndicatorFinder
from .layout import TERMINAL
from .resources import load_yaml
from .risk import risk_evidence
from .segments import Sentence
from .spans import overlaps
from .tables import Cell
from .types import (  # _new_*: the records, made faster (see fast_constructor)
    Fact,
    Indicator,
    IndicatorMention,
    NumberMention,
    Period,
    Region,
    RegionMention,
    Value,
    _new_fact,
    _new_indicator,
    _new_value,
    specific,
)

_BASIS_UNIT = re.compile(
    r"(?i)\s+(?:kilogram|kilo|kg|litre|liter|metre|meter|ton|tonne|square|cubic|piece|dozen|loaf|unit)s?\b")
_BASIS_BEFORE = re.compile(r"(?i)\b(?:of|per|for|at\s+least)\s+\Z")
_SHARE_WORD = re.compile(r"(?i)\bshares?\b")
_INDEX_WORDS = re.compile(r"(?i)\b(?:index|indices|indexes|IPV|IPI|physical volume)\b")
_SPELLED_COUNT = 100  # spelled counts of things below this are no statistics (FACTS.md: optional at most)
_TIME_UNITS = frozenset({"year", "month", "day", "week", "hour", "minute", "decade"})
_TOTAL_TIME = 10_000  # hours or days in the tens of thousands are a total worked or lost, not a duration
_WORD = re.compile(r"\s*([A-Za-z]+)")
_TWO_WORDS = re.compile(r"\s*([A-Za-z]+)(?:\s+([A-Za-z]+))?")
_REMAINING = re.compile(r"(?i)\b(?:remaining|rest|other)\b")  # "made up the remaining 16.9%" of the same whole



@functools.cache
def _lexicon(patterns_dir: Path | None) -> dict[str, Any]:
    data = load_yaml("facts.yaml", base=patterns_dir)
    words = {k: tuple(str(w).lower() for w in v) for k, v in data.items() if isinstance(v, list)}
    return words


@functools.cache
def _document_topics(patterns_dir: Path | None) -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    """``document_topics`` of ``patterns/facts.yaml``: (key, its words, its excluded words)."""
    data = load_yaml("facts.yaml", base=patterns_dir).get("document_topics") or {}
    return tuple((str(key), _any_word([str(w) for w in spec.get("words", ())], re.IGNORECASE),
                  _any_word([str(w) for w in spec.get("not", ())], re.IGNORECASE)) for key, spec in data.items())


@functools.cache
def _topic_literals(patterns_dir: Path | None) -> dict[re.Pattern[str], tuple[str, ...] | None]:
    """Each document topic pattern's words in lower case, when all are ASCII (else None): in an ASCII text
    the pattern can match only where its lower case holds one of them, a plain substring test."""
    data = load_yaml("facts.yaml", base=patterns_dir).get("document_topics") or {}
    out: dict[re.Pattern[str], tuple[str, ...] | None] = {}
    for (_, words, excluded), spec in zip(_document_topics(patterns_dir), data.values(), strict=True):
        for pattern, listed in ((words, spec.get("words", ())), (excluded, spec.get("not", ()))):
            listed = [str(w) for w in listed]
            out[pattern] = tuple(w.lower() for w in listed) if all(w.isascii() for w in listed) else None
    return out


@functools.cache
def _counterparts(patterns_dir: Path | None) -> dict[str, dict[str, str]]:
    """``elliptical_counterparts`` of ``patterns/facts.yaml``: key -> {item word: the item's key}."""
    data = load_yaml("facts.yaml", base=patterns_dir).get("elliptical_counterparts") or {}
    return {str(key): {str(w).lower(): str(k) for w, k in (words or {}).items()} for key, words in data.items()}


@functools.cache
def _unit_indicators(patterns_dir: Path | None) -> dict[str, tuple[str, str]]:
    """``unit_indicators`` of ``patterns/facts.yaml``: a unit -> (the key of what is made in it, of what is used)."""
    data = load_yaml("facts.yaml", base=patterns_dir).get("unit_indicators") or {}
    return {str(unit): (str(spec["made"]), str(spec["used"])) for unit, spec in data.items()}


@functools.cache
def _home_family_members(patterns_dir: Path | None) -> dict[str, tuple[str, ...]]:
    """``home_family_members`` of ``patterns/facts.yaml``: a place's code -> the keys it publishes."""
    data = load_yaml("facts.yaml", base=patterns_dir).get("home_family_members") or {}
    return {str(code).upper(): tuple(str(k) for k in keys) for code, keys in data.items()}


@functools.cache
def _excess_balances(patterns_dir: Path | None) -> dict[tuple[str, str], tuple[str, int]]:
    """``excess_balances`` of ``patterns/facts.yaml``: (larger flow's key, smaller's) -> (balance key, sign)."""
    data = load_yaml("facts.yaml", base=patterns_dir).get("excess_balances") or {}
    out = {}
    for pair, (key, sign) in data.items():
        first, second = str(pair).split(">")
        out[(first.strip(), second.strip())] = (str(key), int(sign))
    return out


@functools.cache
def _currencies(patterns_dir: Path | None) -> tuple[frozenset[str], frozenset[str]]:
    """Currency words and codes as ``patterns/numbers.yaml`` lists them (a unit a value may be followed
    by), and with them what the currency signs read as ("$"): every unit a money value can have."""
    data = load_yaml("numbers.yaml", base=patterns_dir)
    words = frozenset(str(w) for key in ("currency_words", "currency_codes") for w in data.get(key, ()))
    return words, words | {str(v) for v in (data.get("currency_symbols") or {}).values()}


def _any_word(words: Sequence[str], flags: int = 0) -> re.Pattern[str]:
    """Any of ``words`` as a whole word: one search instead of one per word; the longest first, so that
    "transportation and storage" is found whole, not as "transportation"."""
    if not words:
        return re.compile(r"(?!)")  # matches nothing
    ordered = sorted(words, key=len, reverse=True)
    # the lookahead on the words' first characters lets a search skip most positions (2x faster)
    firsts = "".join(sorted({re.escape(w[0]) for w in ordered if w}))
    ahead = r"(?=[" + firsts + r"])" if firsts and all(ordered) else ""  # (an empty word may match anywhere)
    return re.compile(ahead + r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b", flags)



class Assembler:
    """Builds facts from one document's mentions. Stateless between documents."""

    def __init__(self, indicators: IndicatorFinder, *, patterns_dir: Path | None = None) -> None:
        self.indicators = indicators
        self.patterns_dir = patterns_dir
        self._words = _lexicon(patterns_dir)
        self._word_sets = {k: frozenset(v) for k, v in self._words.items()}  # membership tests per value
        self.about_reference = _any_word(self._words.get("about_reference", ()))
        self.share_after = tuple(w + " " for w in self._words.get("share_after", ()))  # "of respondents"
        self.annual_words = _any_word(self._words.get("annual_rate_words", ()))
        self.monthly_words = _any_word(self._words.get("monthly_rate_words", ()))
        self.annual_by_default = _any_word(self._words.get("annual_by_default", ()))
        self.contribution_words = _any_word(self._words.get("contribution_words", ()))
        self.superlative = _any_word(self._words.get("superlative_words", ()), re.IGNORECASE)  # "Jump Most Since"
        self.currencies, self.currency_units = _currencies(patterns_dir)
        self.comparison_before = _any_word(self._words.get("comparison_words", ()))
        self.excess_balances = _excess_balances(patterns_dir)
        self.home_family_members = _home_family_members(patterns_dir)
        self.counterparts = _counterparts(patterns_dir)
        self.unit_indicators = _unit_indicators(patterns_dir)
        self.use_words = _any_word(self._words.get("use_words", ()), re.IGNORECASE)
        self.document_topics = _document_topics(patterns_dir)
        self.topic_literals = _topic_literals(patterns_dir)
        self.net_verbs = {str(k).lower(): int(v) for k, v in
                          (load_yaml("facts.yaml", base=patterns_dir).get("net_verbs") or {}).items()}
        self.net_verb = re.compile(r"(?i)\b(" + "|".join(map(re.escape, self.net_verbs) or ["(?!)"])
                                   + r")\s+(?:[a-z]+\s+){0,2}\Z")
        self.negative_contribution = _any_word(self._words.get("negative_contribution_words", ()))
        self.sector_words = _any_word(self._words.get("sector_words", ()), re.IGNORECASE)
        fillers = _any_word(self._words.get("cause_fillers", ())).pattern
        # ("as" only right after a value or a comma: "to $9.1 billion as oil and gas production declined", not
        # "classified as employed", "27,2 thousand persons as unemployed")
        cause_words = self._words.get("cause_words", ())
        # (a cause word may name the thing through up to three words: "on the back of higher banana and root
        # crop output"; "as" only through the fillers and one "x and": "as Chinese tourists stay away" is a subject)
        causes = _any_word([w for w in cause_words if w != "as"]).pattern + r"\s*(?:" + fillers + r"\s+){0,3}" \
            + r"(?:[a-z]+\s+(?:(?:and|or)\s+)?){0,3}"
        if "as" in cause_words:
            # ((?=a): the six lookbehinds are tried only where an "as" can start)
            causes = r"(?:" + causes + r"|(?=a)(?:(?<=\d\s)|(?<=%\s)|(?<=,\s)|(?<=llion\s)|(?<=usand\s)|(?<=cent\s))" \
                + r"\bas\b\s*(?:" + fillers + r"\s+){0,3}(?:[a-z]+\s+(?:and|or)\s+)?)"
        self.cause_before = re.compile(causes + r"\Z", re.IGNORECASE)
        self.institution_after = re.compile(r"\s+" + _any_word(self._words.get("institution_after", ())).pattern,
                                            re.IGNORECASE)  # "the Australian Bureau"
        # a country's name or adjective opening an institution's name: "the Turkish Hard Coal Enterprise (TTK)" (a
        # region's is often the subject: "the Aqaba Special Economic Zone Authority" reports on Aqaba)
        self.institution_named_after = re.compile(r"(?:\s+(?-i:[A-Z])[\w'’-]*){1,3}?\s+"
                                                  + _any_word(self._words.get("institution_after", ())).pattern,
                                                  re.IGNORECASE)
        # "Eurostat, the statistical office of the European Union": the place names the institution
        self.institution_before = re.compile(_any_word(self._words.get("institution_of", ())).pattern
                                             + r"\s+(?:of|for|under)\s+(?:the\s+)?(?:\w+\s+of\s+(?:the\s+)?)?\Z",
                                             re.IGNORECASE)
        self.issuer = _any_word(self._words.get("issuer_words", ()), re.IGNORECASE)
        offices = [w.capitalize() for w in self._words.get("office_words", ())]  # "the Bureau of Economy, ..."
        self.office_name_before = re.compile(_any_word(offices).pattern
                                             + r"\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w-]*,?\s+(?:and\s+)?)*\Z")
        # "the state Employment Department", "the Employment Security Department": the name before the office word
        self.office_name_after = re.compile(r"(?:\s+[A-Z][a-z]+){0,2}\s+" + _any_word(offices).pattern)
        self.titled_year = re.compile(_any_word([w.capitalize() for w in self._words.get("title_nouns", ())]).pattern
                                      + r"\s{1,2}\Z")  # capitalised, as in a title
        self.year_titled = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,4}" + _any_word(
            self._words.get("titled_after_year", ())).pattern)
        self.price_base_before = re.compile(r"(?i)(?:" + "|".join(
            map(re.escape, sorted(self._words.get("price_base_before", ()), key=len, reverse=True)))
            + r")\s{1,2}\Z")
        self.price_base_after = re.compile(r"(?i)\)?\s{0,2}(?:" + "|".join(
            map(re.escape, sorted(self._words.get("price_base_after", ()), key=len, reverse=True))) + r")(?!\w)")
        # ... of which the "=100" forms name an index's base after a period of any kind: "143.7 (Q1 2014=100)"
        equals = sorted((w for w in self._words.get("price_base_after", ()) if w.lstrip().startswith("=")),
                        key=len, reverse=True)
        self.index_base_after = re.compile(r"\)?\s{0,2}(?:" + ("|".join(map(re.escape, equals)) or "(?!)")
                                           + r")(?!\w)")
        self.max_bare_run = int(load_yaml("facts.yaml", base=patterns_dir).get("max_bare_run", 25))
        definition = _any_word(self._words.get("definition_words", ())).pattern
        self.definition_aside = re.compile(r",\s*" + definition + r"[^,;.]*", re.IGNORECASE)
        self.real_terms = _any_word(self._words.get("real_terms_words", ()))
        self.share_of_change = re.compile(r"\s*of\s+(?:the|this|that|its)\s+" + _any_word(
            self._words.get("change_nouns", ())).pattern, re.IGNORECASE)
        self.annual_change = _any_word(self._words.get("annual_change_words", ()))
        self.change_subject = _any_word(self._words.get("change_subject_words", ()), re.IGNORECASE)
        self.quarterly_change = _any_word(self._words.get("quarterly_change_words", ()))
        self.national_words = _any_word(self._words.get("national_words", ()), re.IGNORECASE)
        partner, inbound = self._words.get("partner_phrases"), self._words.get("inbound_nouns")
        self.partner_phrase = re.compile(_any_word(partner).pattern + r"\s+(?:the\s+)?\Z", re.I) if partner else None
        self.inbound_to = re.compile(_any_word(inbound).pattern + r"\s+to\s+(?:the\s+)?\Z", re.I) if inbound else None
        self.inbound_into = re.compile(_any_word(self._words.get("inbound_phrases", ())).pattern
                                       + r"\s+(?:the\s+)?\Z", re.I)
        # "Most of those who left settled in Astana city": where people went, as after "to"
        self.settled_in = re.compile(_any_word(self._words.get("settle_verbs", ())).pattern
                                     + r"\s+(?:in|at)\s+(?:the\s+)?\Z", re.I)
        self.market_words = _any_word(self._words.get("market_nouns", ()), re.IGNORECASE)
        nouns = _any_word(self._words.get("partner_nouns", ()), re.IGNORECASE).pattern
        copula = r"\s+(?:was|were|is|are|remained|remains|became|becomes|has\s+been|ranked|ranks)\s+"
        self.partner_after = re.compile(copula + r"(?:[\w-]+\s+){0,4}?" + nouns, re.IGNORECASE)
        self.partner_before = re.compile(nouns + r"[^.;:]{0,20}?" + copula + r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)

    # --- entry point -------------------------------------------------------------------

    def names_institution(self, text: str, m: RegionMention) -> bool:
        """Whether the place opens an institution's name ("the Australian Bureau of Statistics", "Buenos Aires Times",
        "the Turkish Hard Coal Enterprise"): no value's region."""
        return self.institution_after.match(text, m.end) is not None or (
            (m.kind == "country" or m.code is None) and self.institution_named_after.match(text, m.end) is not None)

    def assemble(self, doc: DocumentInput, doc_id: str | None = None) -> list[Fact]:
        return _walk(DocumentView(self, doc, doc_id))




def _walk(view) -> list[Fact]:
    out: list[Fact] = []
    sentences = view.doc.sentences
    for index, sent in enumerate(sentences):
        if sent.line != view.ctx.line:
            context.new_line(view, sent)
        lead = sentences[sent.lead_in] if sent.lead_in is not None else None
        view.here = view.by_sentence[index]
        view.lead_here = view.by_sentence[sent.lead_in] if sent.lead_in is not None else None
        values = _values(view, sent)
        resolved = context.resolve_periods(view, index, sent, has_values=bool(values))
        view.resolved_by_sentence[index] = resolved
        view.here_resolved = resolved
        context.note_cues(view, sent)
        lead_resolved = view.resolved_by_sentence.get(sent.lead_in, []) if lead else []
        view.ctx.prev_fact = None
        view.ctx.last_fact = out[-1] if out else None
        for v in values:
            fact = _fact(view, v, sent, lead, values, resolved, lead_resolved)
            if fact is not None:
                out.append(fact)
                view.ctx.prev_fact = fact
                if fact.measure == "change" and fact.value.unit == "percent":
                    view.ctx.last_percent_change = fact
                if fact.measure == "change" and fact.indicator is not None and fact.indicator.key:
                    view.ctx.last_change = specific(fact.indicator, fact.indicator.key)
        context.update_context(view, sent, resolved, values)
    return _lead_periods(view, _restated_headlines(out, view.assembler.patterns_dir, _title_end(view, out)))


def _title_end(view: DocumentView, facts: list[Fact]) -> int:
    """Where the headline ends: the first line, or the line of the first figure when that line has no full stop
    (a scraped page's menu lines above its headline)."""
    text = view.text
    first = text.find("\n")
    first = len(text) if first < 0 else first
    if not facts or facts[0].value.start < first or facts[0].value.start > _HEADLINE_REACH:
        return first
    start = text.rfind("\n", 0, facts[0].value.start) + 1
    end = text.find("\n", facts[0].value.start)
    end = len(text) if end < 0 else end
    return end if not text[start:end].rstrip().endswith(TERMINAL) else first


_HEADLINE_REACH = 400

def _values(view, sent: Sentence) -> list[NumberMention]:
    if sent.meta:
        return []
    here = view.here
    periods = here.periods
    numbers = here.numbers
    if len(numbers) >= view.assembler.max_bare_run:
        numbers = _outside_bare_runs(view.text, numbers, view.assembler.max_bare_run)
    if view.tables:
        labels = view.row_labels()
        numbers = [n for n in numbers if not _in_a_label(labels, n)]  # "Under 30 2,377 44.8": the age is the label's
    if not periods:
        return list(numbers)
    found = []
    ends = [p.end for p in periods]
    for n in numbers:
        i = bisect.bisect_right(ends, n.start)  # the first period ending after the number starts
        if i < len(periods) and periods[i].start < n.end:
            continue  # "four" in "first four months", a year read as a number
        found.append(n)
    return found

def _in_a_label(labels: list[tuple[int, int]], n: NumberMention) -> bool:
    i = bisect.bisect_right(labels, (n.start, n.end)) - 1
    return i >= 0 and labels[i][0] <= n.start and n.end <= labels[i][1]


def _outside_bare_runs(text: str, numbers: Sequence[NumberMention], longest: int) -> list[NumberMention]:
    """The numbers outside runs of ``longest`` or more with nothing but spaces between them: such a run
    ("1 1 1 1 ...", a column of figures that lost its labels) states no value (a flattened table's row
    holds a label between its few numbers)."""
    out: list[NumberMention] = []
    run: list[NumberMention] = []
    for n in numbers:
        if run and text[run[-1].end:n.start].strip():
            if len(run) < longest:
                out.extend(run)
            run = []
        run.append(n)
    if len(run) < longest:
        out.extend(run)
    return out


_PART_OF = re.compile(r"\s*(?:Of\s+(?:them|these|which|this\s+number|the\s+total)|Among\s+(?:them|these)|Including)\b")


_UNIT_WORD = re.compile(r"\s{0,2}([A-Za-z][\w-]*(?:\shours?)?)")


def _fact(view, v: NumberMention, sent: Sentence, lead: Sentence | None, values: list[NumberMention],
          resolved: list[Resolved], lead_resolved: list[Resolved]) -> Fact | None:
    cell = view.tables.get(v.start)
    if cell is not None:
        return _table_fact(view, cell, sent)
    evidence: list[str] = []
    breaks = view.sentence_breaks(sent)
    clause = view.clause_of(v, sent, breaks)

    in_force = view.ctx.indicator_key, view.ctx.indicator_mention
    indicator, key = link_indicator.indicator(view, v, sent, lead, values, breaks, evidence)
    whole = view.ctx.last_fact.indicator if view.ctx.last_fact is not None else None
    if whole is not None and whole.key and key != whole.key and _PART_OF.match(view.text, sent.start) and (
            indicator is None or indicator.text.lower() in view.ws["group_words"]):
        # "1 million 84,6 thousand visitors ... Of them residents of Kazakhstan made 812,3 thousand": a
        # group of the whole just counted, not the population
        indicator, key = specific(whole, whole.key), whole.key
        evidence.append("indicator_part_of")
    # "deaths exceeded births by 860" is a balance; "... by 1.4 times" or "by 3%" compares them
    excess = link_indicator.excess_balance(view, v, sent) if v.unit not in ("times", "percent") else None
    if excess is not None:
        indicator, key = excess[0], excess[0].key  # "deaths there exceeded births by 160"
        evidence.append("indicator_excess")
    counterpart = link_indicator.counterpart(view, v, key, sent)
    if counterpart is not None:
        indicator, key = specific(indicator, counterpart), counterpart  # "..., rural – 416,8 thousand people"
        evidence.append("indicator_counterpart")
    info = view.indicator_info(key)
    if v.number == 1 and v.unit is None and (_BASIS_UNIT.match(view.text, v.end) or (
            v.spelled and _BASIS_BEFORE.search(view.text, max(0, v.start - 12), v.start))):
        # "the average price of 1 kilogram", "the wage of one employee", "staying at least one night": the
        # basis of a figure, not a statistic
        return None
    if v.spelled and v.unit is None and (word := _TWO_WORDS.match(view.text, v.end)) \
            and (word.group(1).lower() in view.ws["place_count_nouns"]
                 or (word.group(2) or "").lower() in view.ws["place_count_nouns"]):
        return None  # "these five countries", "in seven provinces", "of eight capital cities": a count of places
    unit = measure.unit(view, v, info, evidence, sent, lead)
    if unit == "person" and "unit_from_indicator" in evidence and indicator is not None and (
            indicator.text.rsplit(None, 1)[-1].lower() in view.ws["event_nouns"]
            or ((after := _WORD.match(view.text, indicator.end)) and after.group(1).lower() in view.ws["event_nouns"])):
        unit = "count"  # "the number of international visitor trips amounted to 2,013.4 thousand"
        evidence.append("unit_count_noun")
    if unit in _TIME_UNITS and info.get("unit") != unit:
        if abs(v.number) < _TOTAL_TIME or not (word := _WORD.match(view.text, v.end)):
            return None  # a duration ("up to five years"), not a statistic
        unit = word.group(1).lower()  # a total ("5.1 million hours" worked): the unit as written
    elif unit in _TIME_UNITS and (word := _WORD.match(view.text, v.end)):
        unit = word.group(1).lower()  # "a median age of 28.9 years" (FACTS.md: a unit word as written)
    if key is None and unit in view.assembler.unit_indicators:
        made, used = view.assembler.unit_indicators[unit]  # "Hydropower plants produced 2,197 GWh"
        key = used if view.assembler.use_words.search(view.text, clause[0], clause[1]) else made
        word = _UNIT_WORD.match(view.text, v.end)  # (the unit names it: the fact's indicator span)
        indicator = specific(indicator, key) if indicator is not None else \
            IndicatorMention(word.group(1), word.start(1), word.end(1), key) if word else None
        info = view.indicator_info(key)
        evidence.append("indicator_unit")
        if indicator is not None:  # (in force for what follows: "..., up 39.5 percent")
            view.ctx.indicator_key, view.ctx.indicator_mention = key, indicator
            view.ctx.doc_indicator = view.ctx.doc_indicator or indicator
    if v.spelled and unit == "count" and abs(v.number) < _SPELLED_COUNT:
        return None  # "the eight major components", "the top five suppliers": a count of things, not a statistic
    if unit == "person" and info.get("counted") and indicator is not None:
        key = info["counted"]  # "registered unemployment made 43.1 thousand persons": the unemployed
        indicator = specific(indicator, key)
        info = view.indicator_info(key)
        evidence.append("indicator_counted")
    survey = link_indicator.in_survey(view, sent) and unit == "percent"
    measure_, direction, rule = measure.measure(view, v, sent, lead, clause, info, unit, survey, evidence)
    # a percent from INDEX_LEVEL_FLOOR up, of an indicator named an index, is the index's level
    if measure_ == "share" and unit == "percent" and (
            abs(v.number) > 100 or abs(v.number) >= measure.INDEX_LEVEL_FLOOR and (
            (indicator is not None and "index" in indicator.text.lower() and sent.start <= indicator.start)
            or _INDEX_WORDS.search(view.text, max(sent.start, v.start - 300), v.start))
            and not _SHARE_WORD.search(view.text, max(sent.start, v.start - 200), v.start)):
        # "its physical volume index made 110,5 percent", "in manufacturing industry – 105,6%" after "the IPV":
        # no part is more than its whole; a percent of an index is its level
        measure_, direction, rule = "level", None, "rule:level"
        evidence.append("unit_index")
    if measure_ == "share" and in_force[0] is not None and (
            "indicator_sentence" in evidence or "indicator_adjacent" in evidence):
        # "Women made up 46.2% of the employed population. In towns the indicator reached 15.8%": the
        # whole a share is of does not become what "the indicator" refers to
        view.ctx.indicator_key, view.ctx.indicator_mention = in_force
    earlier = view.ctx.prev_fact
    if "level_from" in evidence and earlier is not None and earlier.indicator is not None \
            and earlier.indicator.key and earlier.indicator.key != key:
        # "a €23.6 bn surplus in trade in goods ..., compared with +€7.7 bn": the same indicator's earlier figure
        indicator, key = specific(earlier.indicator, earlier.indicator.key), earlier.indicator.key
        info = view.indicator_info(key)
        evidence.append("indicator_compared")
    before = measure.gapped(view, v, unit) if measure_ != "change" else None
    if before is not None:
        measure_, direction, rule = "change", before.direction, "rule:change"
        evidence.append("gapped")
    sector = link_indicator.sector(view, v, sent) if measure_ == "change" and key in view.ws["sector_of"] \
        else None
    if sector is not None:
        indicator, key = sector, sector.key  # "Construction rose by 4.6%" in a GDP release
        evidence.append("indicator_sector")
    if measure_ == "change" and info.get("real") and indicator is not None \
            and view.assembler.real_terms.search(view.text[max(sent.start, v.start - 80):v.start].lower()):
        key = info["real"]  # "In real terms the figure grew by 4.2%": real wages
        indicator = specific(indicator, key)
        evidence.append("indicator_real")
    prev = view.ctx.prev_fact
    if measure_ == "share" and (view.assembler.share_of_change.match(view.text, v.end) or (
            prev is not None and "indicator_share_of_change" in prev.evidence
            and _REMAINING.search(view.text, max(sent.start, v.start - 20), v.start))):
        whole = _changed(view)
        if whole is not None:  # "58% of the increase came from net migration": a part of the population's
            if whole.key != key:  # increase, whatever it came from
                indicator, key = whole, whole.key
            evidence.append("indicator_share_of_change")
    if "contribution" in evidence and measure_ == "share" and key not in view.ws["contribution_aggregates"]:
        whole = link_indicator.contribution_aggregate(view, v, sent)
        if whole is not None and whole.key != key:  # "private business investment 0.2 percentage points": GDP's
            indicator, key = whole, whole.key
            evidence.append("indicator_aggregate")
    if survey and measure_ == "share" and (key is None or info.get("kind") != "rate"):
        indicator, key = link_indicator.survey_answer(view, v, sent, clause), "survey_share"
        evidence.append("survey")
        rule = "rule:survey_share"
    key = link_indicator.scoped(view, key, sent, evidence)
    if (moved_in := link_indicator.inward(view, indicator, key, evidence)) != key:
        key, indicator = moved_in, specific(indicator, moved_in)
    if unit == "per_1000" and indicator is not None and (rate_key := view.indicator_info(key).get("per_1000")):
        # "marriages ... 7,0 per 1000 population": a count per 1,000 people is the indicator's rate
        key, indicator, info = rate_key, specific(indicator, rate_key), view.indicator_info(rate_key)
        evidence.append("indicator_per_1000")
    verb = view.assembler.net_verb.search(view.text, max(clause[0], v.start - 30), v.start) \
        if measure_ == "change" and not v.explicit_sign and v.unit in (None, "person") else None
    sign = view.assembler.net_verbs.get(verb.group(1).lower()) if verb else None
    if sign is not None and indicator is not None and (net := view.indicator_info(key).get("net")) is not None:
        # "In inter-regional migration the region lost 3 448 people": the balance of the moves, signed
        key, indicator, info = net, specific(indicator, net), view.indicator_info(net)
        measure_, direction = "level", None
        evidence.append("indicator_net_verb")
    if v.explicit_sign and measure_ in ("change", "level") and v.unit in (None, "person") \
            and (net := view.indicator_info(key).get("net")) is not None and indicator is not None:
        # "Bishkek (+9,870 people) gained residents through internal migration": a signed count of moves
        # is their balance
        key, indicator, info = net, specific(indicator, net), view.indicator_info(net)
        measure_, direction = "level", None
        evidence.append("indicator_net_signed")
    number = v.number
    if "indicator_net_verb" in evidence and sign is not None:
        number = sign * abs(number)
    elif excess is not None:
        measure_, direction, number = "level", None, excess[1] * abs(number)
    elif measure_ == "change":
        number = abs(number)
    elif measure_ == "level" and number > 0 and info.get("kind") == "balance" and (
            measure.negative_cue(view, v, clause)
            or (indicator is not None and measure.negative_indicator(view, indicator))):
        number = -number  # "losing 32,970 people", "a net migration loss of 46,400"
        evidence.append("negative_cue")
    elif measure_ == "share" and "contribution" in evidence and number > 0 \
            and view.assembler.negative_contribution.search(view.text, max(sent.start, v.start - 30), v.start):
        number = -number  # "subtracting 0.6 percentage points": a negative contribution
        evidence.append("negative_cue")
    area = measure.area(view, v, clause, key)
    if area and key == "population":
        key = f"{area}_population"
    partner, region, regions_breakdown = link_region.region(view, v, sent, lead, values, breaks, info, evidence)
    # a share of a change covers the change's stretch, not a day
    form = "change" if "indicator_share_of_change" in evidence else measure_
    period, reference = link_period.period(view, v, sent, values, breaks, resolved, lead_resolved, form, info,
                                           evidence, indicator)
    reference = reference if form == measure_ else None

    if before is not None and "period_sentence" not in evidence and before.period is not None:
        period = before.period  # gapping: "(2.6%) and Victoria (2.6%)" is of the same stretch as the change before
    value = _new_value(v.text, v.start, v.end, number, unit, v.qualifier)
    key = _reported_key(view, key, region, measure_, indicator)
    ind = _new_indicator(indicator.text, indicator.start, indicator.end, key) if indicator else None
    breakdown: list[tuple[str, str]] = []
    if partner is not None:
        breakdown.append(("partner", partner.code))
    if regions_breakdown:
        breakdown.append(("regions", regions_breakdown))
    if area:
        breakdown.append(("area", area))
    if v.spelled:
        evidence.append("spelled")
    _model_evidence(view, v, evidence)
    risk_evidence(view, v, sent, clause, info, measure_, unit, ind, period, evidence)
    found = tuple(evidence)
    fields = _fields(view, value, measure_, ind, region, period, reference is not None, bool(breakdown))
    confidence, slots = scores(found, view.assembler.patterns_dir, fields)
    return _new_fact(view.doc_id, value, measure_, direction, ind, region, period, reference,
                     tuple(breakdown), confidence, rule, found, slots)

def _changed(view: DocumentView) -> IndicatorMention | None:
    """The indicator of the change a share is of: this sentence's last change, else the title's topic
    ("South drives US population growth" ... "accounted for 87% of the growth"), else the last change."""
    prev = view.ctx.prev_fact
    if prev is not None and prev.measure == "change" and prev.indicator is not None and prev.indicator.key:
        return specific(prev.indicator, prev.indicator.key)
    return view.ctx.title_indicator or view.ctx.last_change or view.ctx.doc_indicator


def _table_fact(view: DocumentView, cell: Cell, sent: Sentence) -> Fact:
    """A value in a flattened table: column and row say what the sentence would."""
    v = cell.value
    evidence: list[str] = []
    indicator = cell.column.indicator
    whole = indicator or view.ctx.title_indicator or view.ctx.doc_indicator  # what the table's rows are parts of
    activity = whole is not None and whole.key in view.ws["sector_of"] and (
        row := _SECTOR_ROW.fullmatch(view.text, *cell.row)) is not None \
        and view.assembler.sector_words.fullmatch(row.group(1)) is not None
    if cell.region is None and not cell.column.contribution and not activity:
        # "Real PCE 1.1 4.6 2.9": a row named by what it measures, not by a place (a contribution's row is a
        # part; in a GDP table an activity's row, "Wholesale and retail trade 51,8", is a part of GDP)
        named = [m for m in view.indicators.within(*cell.row) if not m.generic]
        if named:
            indicator = named[-1]
            evidence.append("indicator_table_row")
    if indicator is None and (indicator := view.ctx.title_indicator or view.ctx.doc_indicator) is not None:
        evidence.append("indicator_in_force")  # "Main partners of the region (million US dollars): China 121,4"
    key = indicator.key if indicator is not None else None
    if activity and (cell.column.indicator is None
                     or (cell.column.change and (link_table.titles_table(view.text, cell.column)
                                                 or cell.column.indicator.start >= cell.column.end))) \
            and cell.region is None and not cell.column.contribution:
        # "Real growth by activity (%): Agriculture 1.34 Industry -8.00": in a GDP table an activity's row
        # is its gross value added (its contribution to growth, or a column "share in GDP", is GDP's; a
        # change column borrows no GDP from a later one's "share of GDP")
        key = view.w["sector_key"][0]
        row = _SECTOR_ROW.fullmatch(view.text, *cell.row)
        assert row is not None  # (activity says it is)
        indicator = IndicatorMention(row.group(1), row.start(1), row.end(1), key)
        evidence.append("indicator_sector")
    info = view.indicator_info(key)
    header = view.text[cell.column.start:cell.column.end].lower()
    # (a year's base, "2022=100", may head the rates too; "corresponding month of previous year = 100" makes
    # the month's words a base, and the numbers index levels)
    rate_column = info.get("kind") == "index" and not _WORD_BASE.search(header) and bool(
        view.assembler.annual_words.search(header) or view.assembler.monthly_words.search(header))
    unit, measure_, direction = link_table.unit_and_measure(cell, info, evidence, rate_column=rate_column)
    # (in decimal: 301.4 x 100 million is 30,140,000,000, not 30,139,999,999.999996)
    number = v.number if unit == "percent" or cell.column.scale == 1 \
        else float(Decimal(str(v.number)) * Decimal(str(cell.column.scale)))
    number = abs(number) if measure_ == "change" else number
    partner, region = link_table.region(view, cell, info, evidence, link_region.home_region(view, sent))
    period = link_table.period(view, cell, link_table.dated_columns(view, cell, view.tables), evidence)
    if period is not None and cell.column.period is not None and measure_ == "level" and info.get("kind") == "stock" \
            and (edge := link_period.at_edge(cell.column.period, period)) is not None:
        period = edge  # "Population by parish, end-2024 (persons)": counted on the last day of 2024
        evidence.append("period_stock_edge")
    column = view.text[cell.column.start:cell.column.end].lower()
    based = link_table.index_basis(view, cell, evidence) if info.get("kind") == "index" and measure_ == "level" \
        and unit == "percent" else None
    if based is not None:
        period = based  # "October 2021, in % to: December 2020": the year so far
    elif period is not None and info.get("kind") == "index" and (measure_ == "change" or unit == "percent") \
            and not (view.assembler.monthly_words.search(column) and not view.assembler.annual_words.search(column)):
        # "Consumer Price Index, 12-month % change ... September 2014 October 2014": annual rates of those months
        # (not an "m/m" column's: the month's own rate)
        against = link_table.column_base(view, cell)
        if against is not None and (yearly := annual_rate.against_a_year_earlier(period, against, evidence)) \
                is not period:
            period = yearly  # "March 2023 (change on March 2022, %": the 12 months to March 2023
        elif view.assembler.annual_words.search(column) and not view.assembler.monthly_words.search(column) \
                and annual_rate.months(period.first, period.last) in (1, 3):
            # "% change from corresponding quarter of previous year": the column's own words
            period = Period(period.text, period.start, period.end, annual_rate.months_back(period.last, 12),
                            period.last)
            evidence.append("period_annual_rate")
        else:
            period = annual_rate.twelve_months(view, v, sent, period, evidence, indicator)
    value = _new_value(v.text, v.start, v.end, number, unit, v.qualifier)
    key = _reported_key(view, key, region, measure_, indicator)
    if indicator is not None and indicator is cell.column.indicator:
        indicator = link_table.column_label(view.text, cell.column) or indicator
    ind = _new_indicator(indicator.text, indicator.start, indicator.end, key) if indicator else None
    breakdown = (("partner", partner.code),) if partner is not None else ()
    _model_evidence(view, v, evidence)
    found = tuple(evidence)
    fields = _fields(view, value, measure_, ind, region, period, False, bool(breakdown))
    confidence, slots = scores(found, view.assembler.patterns_dir, fields)
    return _new_fact(view.doc_id, value, measure_, direction, ind, region, period, None, breakdown,
                     confidence, "rule:table", found, slots)


_WORD_BASE = re.compile(r"[a-z]\s*=\s*100\b")  # "previous year = 100": a period phrase as an index's base
_SECTOR_ROW = re.compile(r"\s*(.+?)[\s:;,.]*")  # a row label without its spacing and punctuation
_SUBNATIONAL = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3}|[0-9][0-9A-Z]{0,2})")  # "NZ-OTA", "US-CA", "IE061"


def _reported_key(view: DocumentView, key: str | None, region: Region | None, measure_: str,
                  indicator: IndicatorMention | None) -> str | None:
    """The key the fact reports: a key's regional counterpart for a part of the country ("Otago's GDP" is its
    gross regional product; a share of the national figure, or a figure the text calls national, keeps the
    national key), and an index by the quantity it measures where the vocabulary names both alike."""
    reported = view.indicator_info(key).get("reported_as")
    if reported:
        key = str(reported)
    regional = view.indicator_info(key).get("regional")
    if regional and region is not None and region.code and measure_ != "share" \
            and _SUBNATIONAL.fullmatch(region.code) \
            and not (indicator is not None and view.assembler.national_words.search(
                view.text, max(0, indicator.start - 12), indicator.end)):  # "17.9% of the national GDP, or ..."
        return str(regional)
    return key


def _fields(view: DocumentView, value: Value, measure_: str, ind: Indicator | None, region: Region | None,
            period: Period | None, reference: bool, breakdown: bool) -> tuple[str, ...]:
    """The finished fact's :func:`~extractor.features.field_names` (as ``with_scores`` reads them from a Fact)."""
    key = ind.key if ind else None
    return field_names(value.start, value.unit, measure_, view.indicator_info(key).get("kind"),
                       ind.start if ind else None, key, region.start if region else None,
                       region.code if region else None, period.start if period else None, reference, breakdown)


def _model_evidence(view, v: NumberMention, evidence: list[str]) -> None:
    if not view.entities:
        return
    for start, end, label in view.entities:
        if overlaps(start, end, v.start, v.end):
            if label in ("CARDINAL", "PERCENT", "QUANTITY", "MONEY"):
                evidence.append("model_agrees")
            elif label in ("DATE", "TIME", "ORDINAL"):
                evidence.append("model_says_date")
            return
    evidence.append("model_silent")


def _restated_headlines(facts: list[Fact], patterns_dir: Path | None, title_end: int) -> list[Fact]:
    """A headline figure with no period ("Unemployment rate drops to 8.1%") takes the period, region
    and indicator of the same figure restated later in the body; a title's change "in June" that the
    body restates as the 12 months to June takes that stretch. One pass from the end: linear."""
    from dataclasses import replace

    out = list(facts)
    restated: dict[tuple[float, str], Fact] = {}
    for i in range(len(out) - 1, -1, -1):
        fact = out[i]
        key = (fact.value.number, fact.value.unit)
        later = restated.get(key)
        if later is not None and fact.value.start < title_end and "region_home" in fact.evidence \
                and fact.region is not None and fact.region.code and later.region is not None \
                and (later.region.code or "").startswith(fact.region.code + "-"):
            # "Bakauheni ferries carried 5.9million passengers" over "Lampung's ferry port carried 5.9million":
            # the part of the home country the body gives the same figure
            restated_region = replace(fact, region=later.region, evidence=(*fact.evidence, "region_restated"))
            out[i] = fact = with_scores(restated_region, patterns_dir=patterns_dir)
        if later is not None and fact.value.start < title_end and fact.period is not None \
                and later.period is not None and fact.measure == later.measure == "change" \
                and fact.indicator is not None and later.indicator is not None \
                and fact.indicator.key == later.indicator.key and later.period.last == fact.period.last \
                and later.period.first < fact.period.first:
            out[i] = with_scores(replace(fact, period=later.period, evidence=(*fact.evidence, "period_restated")),
                                 patterns_dir=patterns_dir)  # "House prices up 6.9 percent in June"
        elif fact.period is None and key in restated:
            later = restated[key]
            out[i] = with_scores(replace(fact, period=later.period, region=fact.region or later.region,
                                         indicator=fact.indicator or later.indicator,
                                         evidence=(*fact.evidence, "period_restated")), patterns_dir=patterns_dir)
        elif fact.period is not None:
            restated[key] = fact
    return out


def _lead_periods(view: DocumentView, facts: list[Fact]) -> list[Fact]:
    """A figure stated before any period ("Tasmania's population tops 540,000" above its lead) takes the
    lead's: its stock date for a stock's level, else its interval."""
    from dataclasses import replace

    lead = view.ctx.lead
    if lead is None or all(f.period is not None for f in facts):
        return facts
    interval, stock_date = lead
    out = []
    for fact in facts:
        if fact.period is None:
            info = view.indicator_info(fact.indicator.key if fact.indicator else None)
            point = info.get("kind") == "stock" and not info.get("survey") and fact.measure == "level"
            chosen = (stock_date or interval) if point else (interval or stock_date)
            if chosen is not None and chosen.period() is not None:
                fact = with_scores(replace(fact, period=chosen.period(), evidence=(*fact.evidence, "period_from_lead")),
                                   patterns_dir=view.assembler.patterns_dir)
        out.append(fact)
    return out


__all__ = ["Assembler", "DocumentInput"]
