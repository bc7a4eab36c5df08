"""The context in force as the walk reads a document: the period, stock date, region and indicator
that hold at each sentence, and how each period mention resolves (main, reference, fronted).

FACTS.md, "Where a fact's period, region and indicator come from": a period or place stated once
(in a title, a lead, a fronted "In 2024, ...") holds for what follows until another is stated;
reference periods, publication dates and datelines never enter it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from . import periods as period_rules
from .layout import DATELINE_REACH, TERMINAL, is_dateline
from .periods_publication import is_dateline_date
from .periods_resolve import whole_months
from .resources import load_yaml
from .segments import Sentence
from .spans import REACH, WORD, Interval, home_word_not_subject, word_before_name
from .types import (
    Fact,
    IndicatorMention,
    NumberMention,
    Period,
    PeriodMention,
    RegionMention,
    _new_period,
    specific,
)

if TYPE_CHECKING:
    from .document import DocumentView

_RELATIVE_KINDS = frozenset({"relative_year", "same_period", "deictic"})
_NOT_A_FRAME = _RELATIVE_KINDS | {"date"}
_EARLIER = re.compile(r"(?i)\b(?:earlier|ago|before)\b")
# A stock dated by reference to the period just stated: "541,479 at that date".
_TYPE_WORDS = frozenset({"county", "district", "municipality", "city", "town", "borough", "parish"})
_COMPARED_STOCK = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|against|versus|than|from)\s+[\d.,\s]+"
                             r"(?:[a-z]+\s+){0,2}(?:on|at|as\s+of)\s+\Z")
# (each lookahead below: a class of what a match can start with, so a search skips other positions)
_BACKWARDS_TO = re.compile(r"(?=[\stav/])\s*(?:to|against|vs\.?|versus|/)\s*\Z", re.IGNORECASE)
_THAT_DATE = re.compile(r"(?i)\b(?:at|on|as of|as at) (?:that|this|the same) date\b")
_SUBJECT_REACH = 60  # a sentence's subject is named within its first words
# Words a value ends with: "down 9.8 percent on the first quarter of 2023".
_TIMES_THAT_OF = re.compile(r"(?i)\d\s{0,2}(?:times|fold)\s+(?:the|that|those)\b[^.;:\d]{0,60}\Z")
_SERIES_BEGAN = re.compile(r"(?i)(?=s)\bsince\s+(?:[\w'’-]+\s+){0,4}(?:began|begun|started|begin|start)\s+(?:in\s+)?\Z")
_COMPARING_WITH = re.compile(r"(?i)\bcompar(?:ing|ed|e)\s+(?:the\s+)?[^,;.()]{3,40}?"
                             r"\s+(?:with|to|against)\s+(?:the\s+)?\Z")
_GAPPED_WITH = re.compile(r"(?i)[,;]\s*(?:and\s+)?with\s+(?:the\s+)?\Z")
# "made 112,6% to 2023", "93,1% to June 2021": an index's base after "to" (a percent, so no "rose to 2,400")
_INDEX_TO = re.compile(r"(?i)\d\s?(?:%|percent|per\s+cent)\s+to\s+(?:the\s+(?:level\s+of\s+)?)?\Z")
_VALUE_TAILS = frozenset({"percent", "cent", "pts", "point", "points", "pp", "times", "fold", "people", "persons",
                          "thousand", "thous", "million", "mln", "billion", "bln", "trillion"})


@dataclass(slots=True)
class Context:
    frame: Resolved | None = None
    line_period: Resolved | None = None  # the last main interval stated: holds until another is
    stock_date: Resolved | None = None  # the last date a stock is measured at ("As of July 1, 2014")
    stretch: Resolved | None = None  # the stretch a fronted stock date took the frame from: still the flows'
    last_stretch: Resolved | None = None  # the last interval (not a day) stated in the text
    as_of: date | None = None
    line: int = -1
    indicator_key: str | None = None  # last specific key in this line
    indicator_mention: IndicatorMention | None = None
    rate_basis: tuple[int, bool] | None = None  # (line, annual?) as the words of a price rate last said
    paragraph_subject: bool = False  # the paragraph's first value set the indicator in force
    opening_basis: tuple[int, bool] | None = None  # (line, annual?) as a paragraph's first sentence said
    doc_rate_basis: bool | None = None  # annual? as the words of the document's first price rate said
    doc_indicator: IndicatorMention | None = None  # the last specific indicator a value took: holds across paragraphs
    title_indicator: IndicatorMention | None = None  # the topic the title or lead named before any value
    internal_scope_line: int = -2
    survey_until_line: int = -1
    partner: RegionMention | None = None
    header: Resolved | None = None  # the period a bureau's title states ("..., January-June 2024")
    seen_value: bool = False
    headline_only: bool = False  # the only values seen are a placeless headline's: the lead is still to come
    body_value_seen: bool = False  # a sentence below the first line had values: the lead is behind us
    lead: tuple[Resolved | None, Resolved | None] | None = None  # the first interval and stock date stated with values
    last_place: RegionMention | None = None  # last sub-national place named in this line
    last_uncoded: RegionMention | None = None  # last place with no code named with its type ("Maricopa County")
    line_region: RegionMention | None = None  # the subject of the paragraph ("Kostanay region lost ...")
    section_region: RegionMention | None = None  # the place a section heading names ("Seoul"), to the next heading
    line_home: bool = False  # the paragraph named the whole country as its subject ("Across Kyrgyzstan, ...")
    doc_region: RegionMention | None = None  # the subject of the title or lead
    prev_fact: Fact | None = None  # the previous value's fact in this sentence
    last_fact: Fact | None = None  # the last fact of the sentences before this one
    last_percent_change: Fact | None = None  # the last change in percent, in any sentence
    last_change: IndicatorMention | None = None  # the indicator of the last change stated



def new_line(run: DocumentView, sent: Sentence) -> None:
    """A new paragraph: the period its sentences stated gives way to the frame (a title's, a lead's, a
    fronted one), and the indicator named in the last paragraph no longer holds."""
    run.ctx.line = sent.line
    run.ctx.line_period = None
    if not sent.list_item:
        run.ctx.line_region = None
        run.ctx.line_home = False
        run.ctx.indicator_key = None
        run.ctx.indicator_mention = None
        run.ctx.last_place = run.ctx.section_region
        run.ctx.paragraph_subject = False


def note_cues(run: DocumentView, sent: Sentence) -> None:
    for cue in run.here.cues:
        if cue.label == "SCOPE":
            run.ctx.internal_scope_line = sent.line
        elif cue.label == "SURVEY":
            run.ctx.survey_until_line = sent.line + 1


def resolve_periods(run: DocumentView, index: int, sent: Sentence, *, has_values: bool) -> list[Resolved]:
    out: list[Resolved] = []
    if sent.meta:
        return out  # "Date of publication: 09.02.2026" is about the document, not a fact
    for m in run.here.periods:
        if is_publication(run, m) or (m.kind in ("year", "year_range") and (run.assembler.titled_year.search(
                run.text, max(sent.start, m.start - 30), m.start) or run.assembler.year_titled.match(run.text, m.end)
                or run.assembler.price_base_before.search(run.text, max(sent.start, m.start - 30), m.start)
                or run.assembler.price_base_after.match(run.text, m.end))) \
                or run.assembler.index_base_after.match(run.text, m.end):
            continue  # (nor is the year in a publication's title: "said in the Economic Survey 2016", nor the
            # prices' year: "at constant 2018 prices", nor any index's base: "143.7 (Q1 2014=100)")
        reference = is_reference(run, m, sent)
        # a reference is fronted only to be read as the sentence's own time ("A year earlier, ...")
        fronted = (not reference or m.kind in _RELATIVE_KINDS) and is_fronted(run, m, sent)
        in_force = in_force_interval(run)
        if reference and m.kind == "same_period" and _has_basis(m) \
                and not run.assembler.comparison_before.search(run.text, max(sent.start, m.start - 30), m.start):
            reference = False  # "grew by 774,600 over the year": the stretch the rate covers, not a comparison
        interval, guessed = resolve(run, m, in_force=in_force, as_reference=reference)
        if interval is None and not reference and m.kind == "same_period":
            interval = _basis_before_date(run, m)  # "20,286,084 as of January 1, 2025, up 1.3% over the year"
        if reference and fronted and (m.kind == "relative_year" or m.kind == "same_period" and interval is not None
                                      and _shifted(m) and in_force is not None and interval != in_force):
            # "A year earlier, the rate was 1.5%", "In the same quarter of 2021 the increase was 9,815": the
            # sentence's own time, moved back
            reference = False
        elif reference and fronted and m.kind == "same_period" and in_force is not None \
                and not run.assembler.comparison_before.search(run.text, sent.start, m.start):
            # "Over the same period, 7,086 people left": the period in force, not a comparison
            reference, interval = False, in_force
        fronted = fronted and not reference
        out.append(Resolved(m, interval, reference, fronted, guessed))
        if interval and m.kind == "date" and reads_as_of(run, m):
            run.ctx.as_of = interval[0]
    if has_values and run.text.find(" date", sent.start, sent.end) >= 0:  # str.find first: most sentences lack it
        _that_date(run, sent, out)
    return out


def _shifted(m: PeriodMention) -> bool:
    """Whether a "same period" mention names another year ("of 2021", "last year", "a year earlier")."""
    detail = dict(m.detail)
    if "basis" in detail:
        return False  # "year-on-year", "on a monthly basis": how a change is measured, not when
    return detail.get("year") is not None or bool(detail.get("shift"))


def _that_date(run: DocumentView, sent: Sentence, out: list[Resolved]) -> None:
    """"bringing the total to 541,479 at that date": the day the stretch just stated ends."""
    that = _THAT_DATE.search(run.text, sent.start, sent.end)
    if that is None:
        return
    own = [r.interval for r in out if not r.reference and r.interval and r.mention.end <= that.start()]
    current = own[-1] if own else in_force_interval(run)
    if current is not None:
        # "bringing the total to 541,479 at that date": the day the stretch in force ends
        day = current[1]
        out.append(Resolved(PeriodMention(that.group(), that.start(), that.end(), "date", day, day),
                            (day, day), False, False))


def is_publication(run: DocumentView, m: PeriodMention) -> bool:
    """The dateline ("BISHKEK, November 21, 2023 –") dates the document, not a fact."""
    published = run.doc.published
    if m.kind != "date" or m.start >= DATELINE_REACH:
        return False
    if published is None:  # "ASTANA. Feb 14 (Interfax-Kazakhstan) -": a yearless dateline dates no fact either
        return m.first is None and is_dateline_date(run.text, m.start, m.end)
    if m.first is None:  # "OTTAWA, Nov 29 (Reuters)": the publication's day, its year left out
        detail = dict(m.detail)
        return (detail.get("month"), detail.get("day")) == (published.month, published.day)
    return m.first == published


def resolve(run: DocumentView, m: PeriodMention, *, in_force: Interval | None,
             as_reference: bool) -> tuple[Interval | None, bool]:
    anchor = run.doc.published
    if in_force is None and m.kind == "to_month" and dict(m.detail).get("month") is None \
            and run.ctx.stock_date is not None and run.ctx.stock_date.interval is not None:
        # "stood at 22,870 on 30 June 2021 ... Over the twelve months there were 187 births": the months up to the
        # stock's day, not up to the day the text came out
        day = run.ctx.stock_date.interval[1]
        day = day - timedelta(days=1) if day.day == 1 else day
        in_force = (day, day)
    try:
        got = period_rules.resolve_period(m, in_force=in_force, as_of=run.ctx.as_of,
                                          anchor=anchor, as_reference=as_reference)
    except ValueError:
        got = None
    if got is None and anchor is None and run.year_hint and m.kind != "relative_month":
        # No publication date: "this year" is most likely the latest year the text names ("last month" has
        # no such guess: a guessed day names no month).
        try:
            got = period_rules.resolve_period(m, in_force=in_force, as_of=run.ctx.as_of,
                                              anchor=date(run.year_hint, 12, 31),
                                              as_reference=as_reference)
        except ValueError:
            got = None
        return got, got is not None
    return got, False


def in_force(run: DocumentView) -> Resolved | None:
    return run.ctx.line_period or run.ctx.frame


def stretch_before(run: DocumentView, day: Resolved, *, stated_only: bool = False) -> Resolved | None:
    """The stretch a flow has in a text at a day: the one a fronted stock date took the frame from, else
    the last stretch stated after the text came to that day that ends the day before ("At the beginning
    of 2020 ... Over the past year ..." then "11,223 people emigrated"). ``stated_only``: the body's stretch only
    (migrants "working abroad as of 1 January" under a title's year are a stock, whatever their key)."""
    if run.ctx.stretch is not None and not stated_only:
        return run.ctx.stretch
    last = run.ctx.last_stretch
    if last is None or last.interval is None or day.interval is None:
        return None
    return last if last.interval[1] + timedelta(days=1) == day.interval[0] else None


def in_force_interval(run: DocumentView) -> Interval | None:
    current = in_force(run)
    return current.interval if current else None


def is_reference(run: DocumentView, m: PeriodMention, sent: Sentence) -> bool:
    if m.kind == "same_period" or (m.kind == "relative_year" and _EARLIER.search(m.text)):
        return True  # "down from 81,500 a year earlier"
    if m.kind == "since" and run.assembler.superlative.search(run.text, max(sent.start, m.start - 40), m.start):
        return True  # "the highest rate since 2008" compares with a stretch; it is no value's period
    if _TIMES_THAT_OF.search(run.text, max(sent.start, m.start - 80), m.start):
        return True  # "1,3 times the number of deaths of the year 2019": what the multiplier compares with
    if _SERIES_BEGAN.search(run.text, max(sent.start, m.start - 60), m.start):
        return True  # "the biggest increase since the series began in 1994": history, no value's period
    if m.first is not None and (earlier := _BACKWARDS_TO.search(run.text, max(sent.start, m.start - 30), m.start)):
        # "(April 2022 to April 2021)": a month set against an earlier one is compared with it, no range
        at = earlier.start()
        later = [p for p in run.here.periods if at - 2 <= p.end <= at and p.first is not None and p.first > m.first]
        if later:
            return True
    if m.kind == "date" and _COMPARED_STOCK.search(run.text, max(sent.start, m.start - 60), m.start):
        return True  # "compared with 512.4 million on 1 January 2018": the earlier stock's date
    before = run.text[max(sent.start, m.start - 60):m.start]
    if _COMPARING_WITH.search(before) or _INDEX_TO.search(before):
        return True  # "Comparing October 2017 with October 2016, increases were recorded ..."
    if _GAPPED_WITH.search(before) and run.assembler.comparison_before.search(run.text, sent.start, m.start):
        return True  # "in comparison with May 2019 made 100,3 percent, with December 2018 - 100,9 percent"
    words = WORD.findall(before.lower())
    filler = run.ws["comparison_filler"]
    comparison = run.w["comparison_words"]
    skipped_value = False
    while words:
        tail = " ".join(words[-3:])
        if tail.endswith(comparison):  # any of them
            return True
        if words[-1] in run.ws["comparison_after_value"] and m.kind != "date" and (
                skipped_value or (len(words) > 1 and (words[-2].isdigit() or words[-2] in _VALUE_TAILS))):
            # a day after "on" is where a stock stands ("41,012,000 on April 1, 2024"), not a comparison
            return True  # "slowed to 9,3% from 9,8% in February 2025", "up 16.4% on 2022"
        if not skipped_value and len(words) > 1 and words[-1] in _VALUE_TAILS and words[-2].isdigit():
            words.pop()  # "against 248.5 thousand in January-June 2023": the value's scale or unit word
            continue
        if not skipped_value and len(words) > 2 and words[-1].isalpha() and words[-2] in _VALUE_TAILS \
                and words[-3].isdigit():
            words.pop()  # "against 4 318,2 billion FCFA in 2011": a currency or unit after the scale
            continue
        if words[-1].isdigit() and not skipped_value:
            # "against 8.6% in the second quarter of 2022": one value between cue and period
            # (a spelled scale between groups is the same value: "against 5 million 956 thousand as of 1 July 2022")
            while words and (words[-1].isdigit() or (
                    words[-1] in _VALUE_TAILS and len(words) > 1 and words[-2].isdigit())):
                words.pop()
            skipped_value = True
            continue
        if words[-1] not in filler and words[-1] not in ("percent", "per", "cent"):
            return False
        words.pop()
    return False


def is_fronted(run: DocumentView, m: PeriodMention, sent: Sentence) -> bool:
    if m.start - sent.start > REACH:
        return False
    head = run.text[sent.start:m.start]
    dash = max(head.rfind(" – "), head.rfind(" — "))
    if dash >= 0 and sent.start < DATELINE_REACH:
        head = head[dash + 3:]  # "BISHKEK, November 21, 2023 – As of 1 October 2023, ..."
    fronting = run.ws["fronting_words"]
    # At most five words, all fronting ones: stop at the first other.
    for count, word in enumerate(WORD.finditer(head.lower()), start=1):
        if count > 5 or word.group() not in fronting:
            return False
    return True


# "narrowed to XPF 70.8 billion from XPF 97.8 billion in 2018": the year of the figure compared with
_COMPARED_FIGURE = re.compile(r"(?i)\b(?:from|than|compared\s+(?:to|with)|against|versus|after)\s+"
                              r"(?:the\s+|an?\s+(?:record\s+|(?:high|low|peak)\s+of\s+)?)?"
                              r"(?:[A-Z]{2,4}\s?|[$€£]\s?)?\d[\d.,\u00a0 ]*"
                              r"(?:\s?(?:million|billion|thousand|percent|per\s+cent|%))?"
                              r"\s+in\s+(?:the\s+)?\Z")


def _compared_count(run: DocumentView, sent: Sentence, m: PeriodMention) -> bool:
    """"The figure is 76,094 more than the 1,018,523 people counted on 11 May 2007": the date of the count
    compared with, which leaves the day in force as it was."""
    return run.assembler.comparison_before.search(run.text, sent.start, m.start) is not None


def reads_as_of(run: DocumentView, m: PeriodMention) -> bool:
    before = run.text[max(0, m.start - 25):m.start].lower()
    own = m.text.lower()
    return any(own.startswith(w + " ") or before.rstrip().endswith(w) for w in run.w["as_of_words"])


def update_context(run: DocumentView, sent: Sentence, resolved: list[Resolved], values: list[NumberMention]) -> None:
    """What this sentence leaves in force for the sentences after it: periods, the stock date, the
    region that is its subject, the last place and the topic it names."""
    if resolved:
        _update_periods(run, sent, resolved, values)
    here = run.here
    if (here.regions or here.cues) and not sent.list_item and not sent.meta:
        note_subject_region(run, sent, values)
    if values:
        run.ctx.headline_only = not run.ctx.seen_value and _placeless_headline(run, sent)
        run.ctx.seen_value = True
        run.ctx.body_value_seen = run.ctx.body_value_seen or sent.line > 0
    uncoded = [m for m in here.regions if m.code is None and m.text.rsplit(None, 1)[-1].lower() in _TYPE_WORDS]
    if uncoded:
        run.ctx.last_uncoded = uncoded[-1]  # "the county" after "Maricopa County"
    for m in reversed(here.regions):  # the last place named (with a code: "the state" is no "Greater Hobart")
        if m.kind in ("region", "city") and m.code is not None and not _OWN_FIGURE.match(run.text, m.end):
            # (not one with its figure in brackets: "the largest after California ($3.19 trillion)")
            run.ctx.last_place = m
            break
    if not values and run.ctx.body_value_seen and _is_heading(run, sent):
        run.ctx.section_region = _heading_place(run)  # "Seoul", "Western Australia": a section about a place
        if run.ctx.section_region is not None:
            run.ctx.last_place = run.ctx.section_region  # "the city", "the province" in the section
    if not values:  # a sentence without values names the topic of the ones that follow
        heading = run.ctx.body_value_seen and _is_heading(run, sent)  # (not the byline under a headline)
        if heading:
            run.ctx.doc_indicator = None  # "States and territories": a new section, back to the title's topic
        for m in reversed(here.indicators):  # the last specific indicator
            if m.key and not m.generic:
                run.ctx.indicator_key = m.key
                run.ctx.indicator_mention = m
                if run.ctx.doc_indicator is None:
                    run.ctx.doc_indicator = m  # a title's topic, or a section heading's
                break
        if run.ctx.doc_indicator is None and here.indicators and here.indicators[0].key:
            # "Unemployment in the EU, March 2024": a generic word; "Strongest price increase in Groningen" in a
            # release on house prices: the member of its family the document names
            first = here.indicators[0]
            named = _family_member(run, first) if first.generic and first.family else None
            run.ctx.doc_indicator = specific(first, named) if named else first
        if run.ctx.doc_indicator is None and heading:
            run.ctx.doc_indicator = run.ctx.title_indicator
        if not run.ctx.seen_value and run.ctx.title_indicator is None:
            run.ctx.title_indicator = run.ctx.doc_indicator


def home_members(run: DocumentView) -> tuple[str, ...]:
    """The keys the home place publishes for general words (``home_family_members`` of facts.yaml): the
    place's own entry, else its country's ("US-MN" takes the US's)."""
    if run.home is None or not run.home.code:
        return ()
    table = run.assembler.home_family_members
    code = run.home.code.upper()
    return table.get(code) or table.get(code.split("-")[0], ())


def _family_member(run: DocumentView, word: IndicatorMention) -> str | None:
    """The key of a generic word's family that the document names with a specific phrase (of the same kind
    as the family's default: the house price index for "price", not an average price), else the one its home
    place publishes for the word ("Oregon adds jobs": the payroll survey's)."""
    cache = run.family_cache
    if word.family not in cache:
        kind = run.indicator_info(word.family[0]).get("kind")
        cache[word.family] = next((m.key for m in run.indicators.items if not m.generic and m.key in word.family
                                   and run.indicator_info(m.key).get("kind") == kind), None) \
            or next((k for k in word.family if k in home_members(run)), None)
    return cache[word.family]


def _heading_place(run: DocumentView) -> RegionMention | None:
    """The home country's region or city a heading names, if it names only that."""
    home = run.home
    places = [m for m in run.here.regions if m.kind in ("region", "city")]
    if len(places) != 1 or home is None or places[0].country != home.code or run.here.periods \
            or is_dateline(run.text, places[0]):
        return None  # "Baku, Azerbaijan, Oct. 20 (Trend)" is where the report was filed
    return places[0]


def _is_heading(run: DocumentView, sent: Sentence) -> bool:
    """A short line of its own with no full stop: a section heading ("States and territories")."""
    if not sent.first_in_line or sent.end - sent.start > _HEADING_LENGTH:
        return False
    line_end = run.text.find("\n", sent.end)
    rest = run.text[sent.end:line_end if line_end >= 0 else len(run.text)]
    return not rest.strip() and run.text[sent.end - 1] not in ".:;"


_HEADING_LENGTH = 60
# A sentence in the pluperfect looks back ("In the fourth quarter of 2023 it had fallen by 0.5%"): its
# period is its own, and the next sentence returns to the period before it.
_FLASHBACK = re.compile(r"(?=h)\bhad\s+(?:(?:not|already|also|only)\s+)?(?:[a-z]+(?:ed|en|wn|ung|een)"
                        r"|made|stood|come|become|kept|left|had|run|set|hit)\b")


def _update_periods(run: DocumentView, sent: Sentence, resolved: list[Resolved], values: list[NumberMention]) -> None:
    """The frame, the line's period and the stock date this sentence states."""
    # (a bracket's own period, "(in 2018 – 3 870 persons)", is its figure's: no frame, no line period)
    main = [r for r in resolved if not r.reference and r.interval is not None
            and r.mention.kind not in ("deictic",) and not _bracketed_figure(run, r.mention)]
    if not main:
        return
    title_like = sent.start in run.layout.title_starts
    for r in main:
        kind = r.mention.kind
        if title_like and kind not in _NOT_A_FRAME:
            run.ctx.header = r  # a bureau's title: the whole release is about this period
            run.ctx.frame = r
        elif not values and kind not in _NOT_A_FRAME and kind != "since" and not _issue_line(run, r):
            if not inside_header(run, r) or _is_heading(run, sent):  # "Main partners in August": a section's
                run.ctx.frame = r  # "the survey, conducted in late 2024, showed ..."
        elif r.fronted and kind != "since" and (kind not in _NOT_A_FRAME or (kind == "date" and values)) \
                and run.ctx.header is None and not (kind == "relative_month" and run.ctx.frame is not None) \
                and not _FLASHBACK.search(run.text, sent.start, sent.end):
            # ("In the I quarter the growth had made 14,9%": a look back, the text's period stays)
            # ("Since the beginning of the year prices rose by 3.9%": its clause's; "Last month, prices rose
            # 0.9%" after a lead on the year: its sentence's)
            frame = run.ctx.frame
            if kind == "date" and frame is not None and frame.interval and frame.interval[0] != frame.interval[1]:
                run.ctx.stretch = frame  # "As of October 1, ..." after wages "in January-September 2021"
            run.ctx.frame = r  # "In 2024, ..." sets the frame of a news text
    intervals = [r for r in main if r.mention.kind != "date"]
    header = run.ctx.header
    # (a fuzzy title, "Mid-2019 Population Estimates", gives way to the first stretch stated with values)
    if values and header is not None and header.interval is not None \
            and (not run.ctx.seen_value or header.mention.kind == "fuzzy") \
            and run.ctx.frame is header and not any(r.interval == header.interval for r in intervals):
        wider = [r for r in intervals if r.interval[0] < header.interval[0] and header.interval[1] <= r.interval[1]]
        earlier = [r for r in intervals if r.interval[1] < header.interval[0] and r.mention.kind not in _NOT_A_FRAME]
        if wider:
            # "International migration: September 2019" over a lead "in the year ending September 2019":
            # the title named the stretch by its last month
            run.ctx.frame = run.ctx.header = wider[0]
        elif earlier and earlier[0] is intervals[0]:
            # "Labour market overview, UK: November 2024" over "... in July to September 2024": the title
            # dated the release; the lead's period is the one the figures are for
            run.ctx.frame = run.ctx.header = earlier[0]
    frame = run.ctx.frame
    if values and frame is not None and frame.mention.first is None and frame.mention.kind not in _NOT_A_FRAME \
            and frame.interval and intervals \
            and not intervals[0].guessed and intervals[0].mention.first is not None \
            and intervals[0].mention.kind not in _NOT_A_FRAME \
            and whole_months(intervals[0].interval) == whole_months(frame.interval) is not None \
            and intervals[0].interval[1].year == frame.interval[1].year:
        # "grows by 12,000 in three months" over "between April 1 and July 1, 2022": a yearless stretch
        # gives way to the first dated one of its length stated with figures
        if header is frame:
            run.ctx.header = intervals[0]
        run.ctx.frame = intervals[0]
    # a stretch stated after the text came to a day ("At the beginning of 2020 ... Over the past year")
    day = run.ctx.frame or run.ctx.stock_date
    stretches = [r for r in intervals if r.interval[0] != r.interval[1] and r.mention.kind != "since"]
    if stretches and day is not None and day.interval is not None and day.interval[0] == day.interval[1]:
        run.ctx.last_stretch = stretches[-1]
    if intervals:
        # "over the year, the industry has added 232,000 jobs": a stretch said of its own clause
        # "Last month, prices rose 0.9%" in a release about the year: that sentence's month (a lead's is the frame)
        # ("after a record 168,760 in FY2015": the compared figure's year, not the line's)
        carried = [r for r in intervals if r.mention.kind not in ("same_period", "since", "relative_month")
                   and not _COMPARED_FIGURE.search(run.text, max(sent.start, r.mention.start - 60), r.mention.start)]
        if carried and not _FLASHBACK.search(run.text, sent.start, sent.end):
            run.ctx.line_period = carried[-1]
        if run.ctx.frame is None and values:
            # (the lead's "last year" too: "Jeju Island welcomed 14,313,760 visitors last year" in a text dated
            # January 2019 holds for the article, not the "record 3,603,021 set in 2016" after it)
            lead = not run.ctx.body_value_seen
            explicit = [r for r in intervals if (r.mention.kind not in _NOT_A_FRAME
                                                 or (lead and r.mention.kind == "relative_year"))
                        and r.mention.kind != "since"
                        and not _COMPARED_FIGURE.search(run.text, max(sent.start, r.mention.start - 60),
                                                        r.mention.start)]
            if explicit:
                run.ctx.frame = explicit[0]  # a news lead: "3,200 people moved ... in January–March 2023"
    dates = [r for r in main if r.mention.kind == "date" and ((r.fronted and values) or reads_as_of(run, r.mention))
             and not (run.ctx.stock_date is not None and _compared_count(run, sent, r.mention))]
    if dates:
        run.ctx.stock_date = dates[-1]
    if values and run.ctx.lead is None and (intervals or dates):  # the lead's periods, for a headline above it
        run.ctx.lead = (intervals[0] if intervals else None, dates[-1] if dates else None)


def _issue_line(run: DocumentView, r: Resolved) -> bool:
    """"Institut de la statistique du Québec, Coup d'œil sociodémographique, No. 97, April 2023" under a
    headline on 2022: a line naming who issued the text and ending with a period after the one in force
    dates the issue, not the figures."""
    frame, text = run.ctx.frame, run.text
    if frame is None or frame.interval is None or r.interval is None or r.interval[0] <= frame.interval[1]:
        return False
    line_start = text.rfind("\n", 0, r.mention.start) + 1
    line_end = text.find("\n", r.mention.end)
    if text[r.mention.end:len(text) if line_end < 0 else line_end].strip(" ,"):
        return False  # the period ends the line, which is no sentence
    return run.assembler.issuer.search(text, line_start, r.mention.start) is not None


def _bracketed_figure(run: DocumentView, m: PeriodMention) -> bool:
    """Whether the period dates a figure in brackets before it ("were 22.1% higher (24.9% in October)"): the
    bracket's own value's, no period for the sentences after it."""
    opened = run.text.rfind("(", max(0, m.start - 40), m.start)
    if opened < 0 or ")" in run.text[opened:m.start]:
        return False
    if run.numbers.count_between(opened, m.start) > 0:
        return True
    # "(in 2016 – a migration increase of 312 persons)": the period heads its bracket's own figure
    closed = run.text.find(")", m.end, m.end + 80)
    return closed >= 0 and "(" not in run.text[m.end:closed] and run.numbers.count_between(m.end, closed) > 0


_OWN_FIGURE = re.compile(r"\s*\(\s*[-+−$€£]?\d")


def inside_header(run: DocumentView, r: Resolved) -> bool:
    header = run.ctx.header
    if header is None or header.interval is None or r.interval is None:
        return False
    return header.interval[0] <= r.interval[0] and r.interval[1] <= header.interval[1]


@dataclass(slots=True)
class Resolved:
    mention: PeriodMention
    interval: Interval | None
    reference: bool
    fronted: bool
    guessed: bool = False
    made: Period | None = None  # made once, then shared by the values that take this period

    def period(self) -> Period | None:
        """The fact's period for this mention, if it resolved."""
        if self.made is None and self.interval is not None:
            self.made = make_period(self.mention, self.interval)
        return self.made


def make_period(m: PeriodMention, interval: Interval) -> Period:
    return _new_period(m.text, m.start, m.end, interval[0], interval[1])



# A country's possessive right before one of its places: "Armenia's Lori province", "Kazakhstan’s Atyrau region".
_POSSESSIVE_OF = re.compile(r"['’]s\s{1,3}(?:[a-z-]+\s{1,3}){0,2}\Z")


def note_subject_region(run: DocumentView, sent: Sentence, values: list[NumberMention]) -> None:
    """The region in force: the place a sentence is about, named before its first value near the start
    ("Kostanay region lost 3,100 residents", "In Almaty city, ...", a title "Unemployment in the EU").
    It holds for the paragraph; a title's or the lead's holds for the document. Naming the whole
    country ("in the country", "nationwide") or the home country as subject ends it."""
    first_value = values[0].start if values else run.here.sent.end
    limit = min(first_value, sent.start + _SUBJECT_REACH) if values else sent.end
    partner_words = run.ws["partner_words"]
    subject = None
    regions = run.here.regions
    for k, m in enumerate(regions):
        if m.start >= limit:
            break
        if any(a <= m.start < b for a, b in run.menus):  # (a few lines at the head of a page, if any)
            continue  # a menu's section, "News | Miskolc | Sport", is no subject
        if run.assembler.institution_before.search(run.text, max(0, m.start - 40), m.start):
            break  # "State Data Agency of Lithuania, division in Šiauliai": an office and its address
        if partner_place(run, m) or run.assembler.names_institution(run.text, m):
            continue  # (nor is an office or a newspaper named after its place: "Buenos Aires Times")
        subject = m
        if k + 1 < len(regions) and _POSSESSIVE_OF.match(run.text, m.end, regions[k + 1].start) \
                and regions[k + 1].country == m.code:
            subject = regions[k + 1]  # "Armenia's Lori province": the province, its country named to place it
        break
    home_cue = any(c.label == "HOME" and c.start < limit
                   and not home_word_not_subject(run.text, c.start, c.end, sent.start) for c in run.here.cues)
    if subject is None and not home_cue:
        return
    if subject is not None and _ranks_places(run, subject, partner_words):
        return  # "Seoul posted the lowest rate of 0.55, while Sejong recorded the highest": no new topic
    home = run.home
    if home_cue or (subject is not None and home is not None and subject.code == home.code):
        run.ctx.line_region = None  # back to the whole country, for the rest of the paragraph
        run.ctx.line_home = True
        if not run.ctx.seen_value and (values or run.ctx.doc_region is None or run.ctx.doc_region.start > sent.start):
            # (a line with no values naming the country, "Statistics Agency ... of the Republic of
            # Uzbekistan", leaves a title's region in force)
            run.ctx.doc_region = None
        return
    if subject is None or is_dateline(run.text, subject):
        return  # a dateline is no subject
    if subject.code is None and (run.ctx.doc_region is not None or _lead_seen(run, values)
                                 or _OWN_FIGURE.match(run.text, subject.end)):
        return  # a place without a code is the subject of a title or lead ("the city of Cuenca"); later,
        # "Greater Hobart (252,700)" or "In metropolitan France, the rise was 0.3%", its own values' only
    if home is not None and home.kind == "group":
        if subject.kind == "region":
            return  # a text about the EU: its Member States and aggregates are subjects, their regions not
    elif subject.kind not in ("region", "city") or (home is not None and subject.country != home.code):
        return  # a foreign country as subject is a destination or origin
    run.ctx.line_region = subject
    if run.ctx.doc_region is None and not _lead_seen(run, values):
        run.ctx.doc_region = subject
    elif values and not run.ctx.body_value_seen and run.ctx.doc_region is not None \
            and run.ctx.doc_region.code != subject.code and run.ctx.doc_region.text in subject.text:
        # "Lima's inflation ..." over "prices in Metropolitan Lima rose": the lead's fuller name
        run.ctx.doc_region = subject


def _ranks_places(run: DocumentView, subject: RegionMention, partner_words: frozenset[str]) -> bool:
    """Whether the sentence sets the subject beside another place of its kind, each with values of its
    own: a comparison or ranking of places, which leaves the topic of the paragraph as it was."""
    return subject.kind in ("region", "city") and any(
        m.code != subject.code and m.kind in ("region", "city") and m.start > subject.end
        and not partner_place(run, m) for m in run.here.regions)


def _lead_seen(run: DocumentView, values: list[NumberMention]) -> bool:
    """Whether the title and lead are behind us: a sentence with values came before this one (other
    than a headline naming no place: "N.S. population grows by 12,000 in three months" leaves the
    subject to the lead, "Nova Scotia's population grew by 12,057 ...")."""
    return run.ctx.seen_value and not run.ctx.headline_only


_HEADLINE_LINES = 3


def _placeless_headline(run: DocumentView, sent: Sentence) -> bool:
    """A headline (a line of its own, no full stop at its end) among the text's first lines, with no place in
    it (the first line, or one of the few under a scraped page's menu: "Mercado|Inflação")."""
    return sent.first_in_line and sent.line <= _HEADLINE_LINES and not run.here.regions \
        and not run.text[sent.start:sent.end].rstrip().endswith(TERMINAL)


def _has_basis(m: PeriodMention) -> bool:
    """A stretch named by its length ("over the year", "during the quarter"), which the periods finder
    marks with ``basis``; "year on year" and "y/y" compare with a year before, and stay references."""
    return any(key == "basis" for key, _ in m.detail) and m.text.lower().startswith(("over ", "during "))


def home_country(run: DocumentView) -> RegionMention | None:
    """The country the text is about: the first place it names as a subject, not as where people
    or goods come from or go to ("trade with the EU", "from Kazakhstan"). A region or city stands
    for its country ("ALMATY. ..." is a Kazakh text); a group only when nothing else is named."""
    meta = [(s.start, s.end) for s in run.doc.sentences if s.meta] if run.regions.items else []
    partners: list[RegionMention] = []
    starts: list[int] = []
    # Sentences about partners ("Germany was the main partner country for exports"), and those that
    # go on ranking them ("Germany was followed by the United Kingdom"), name no home country.
    about_partners: dict[int, bool] = {}
    partner_codes: set[str] = set()
    dateline: RegionMention | None = None  # the country of the place a report was filed from
    for m in run.regions.items:
        if meta and any(a <= m.start < b for a, b in meta):
            continue
        if m.kind in ("country", "group") and partner_place(run, m):
            partners.append(m)
            continue
        if m.kind == "country":
            starts = starts or [s.start for s in run.doc.sentences]
            index = max(0, bisect.bisect_right(starts, m.start) - 1)
            if index not in about_partners:  # the sentence's first country decides for the others
                about_partners[index] = m.code in partner_codes or named_as_partner(run, m)
            if about_partners[index]:
                partner_codes.add(m.code)
                continue
            return m
        if m.kind in ("region", "city") and m.country:
            country = RegionMention(m.text, m.start, m.end, m.country, country_name(m.country), "country", m.country)
            if m.start < DATELINE_REACH and is_dateline(run.text, m):
                # "BC Stats, Victoria, November 2, 2018" above "British Columbia's unemployment rate": a
                # town's name may be another country's region; the first place the text is about decides
                dateline = dateline or country
                continue
            return _named_country(run, m) or country
        if m.kind == "group":
            return m
    if dateline is not None:
        return dateline
    office = _office(run.text, run.assembler.patterns_dir)
    if office is not None:
        return office  # "the CSO estimates ...": an Irish release that never names Ireland
    countries = [m for m in partners if m.kind == "country"]
    return countries[0] if countries else None


def _named_country(run: DocumentView, m: RegionMention) -> RegionMention | None:
    """For a place name several countries' subdivisions share, the one of them whose country the
    text names itself: "the department of Santa Cruz" in a text by the "Bolivian Institute of Foreign
    Trade" is Bolivia's, though Argentina's province ranks first for the name."""
    if not m.alternatives:
        return None
    others = {code.split("-")[0] for code in m.alternatives} - {m.country}
    return next((n for n in run.regions.items if n.kind == "country" and n.code in others
                 and not partner_place(run, n)), None)


def partner_place(run: DocumentView, m: RegionMention) -> bool:
    """Whether the place is named as where people or goods come from or go to: after a partner word
    ("exports to China", "from Kazakhstan"), but not as where visitors arrive ("visitor trips to
    Georgia": the place the statistic is about)."""
    if word_before_name(run.text, m.start) not in run.ws["partner_words"]:
        return run.assembler.settled_in.search(run.text, max(0, m.start - 40), m.start) is not None
    if run.assembler.inbound_into.search(run.text, max(0, m.start - 40), m.start):
        return False  # "goods imported into Bermuda": the place that imports
    inbound = run.assembler.inbound_to
    return inbound is None or inbound.search(run.text, max(0, m.start - 40), m.start) is None


def named_as_partner(run: DocumentView, m: RegionMention) -> bool:
    """Whether the text names the place as a partner: "Germany was the main partner country for
    exports", "China remained the largest supplier", "The main trading partners were Russia ..."."""
    assembler = run.assembler
    return (assembler.partner_after.match(run.text, m.end, m.end + 60) is not None
            or assembler.partner_before.search(run.text, max(0, m.start - 60), m.start) is not None)


@functools.cache
def _offices(patterns_dir: Path | None) -> tuple[tuple[str, str], ...]:
    """Statistics offices and agencies (``patterns/regions/offices.yaml``): (name, code) pairs."""
    data = load_yaml("regions/offices.yaml", base=patterns_dir) or {}
    return tuple((str(name), str(code)) for code, names in data.items() for name in names)


def _office(text: str, patterns_dir: Path | None) -> RegionMention | None:
    """The first statistics office the text names (as a whole word), as a mention of its country.
    One ``str.find`` per name: a regex alternation of them all would try every name at every position."""
    best: tuple[int, str, str] | None = None
    for name, code in _offices(patterns_dir):
        at = text.find(name)
        while at >= 0 and not _whole_word(text, at, at + len(name)):
            at = text.find(name, at + 1)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, name, code)
    if best is None:
        return None
    at, name, code = best
    display = country_name(code)
    kind = "country" if display != code else "group"  # Eurostat: the EU
    country = code if kind == "country" else None
    return RegionMention(name, at, at + len(name), code, display, kind, country)


def _whole_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


@functools.cache
def country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def _basis_before_date(run: DocumentView, m: PeriodMention) -> Interval | None:
    """"over the year" beside a stock's date in the same sentence: the year up to the day before it."""
    months = {"year": 12, "quarter": 3, "month": 1}.get(dict(m.detail).get("basis", ""), 0)
    dates = [p.first for p in run.here.periods if p.kind == "date" and p.first is not None and p.first.day == 1]
    if not months or not dates:
        return None
    day = dates[0]
    month = day.month - months
    year = day.year
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1), day - timedelta(days=1)
