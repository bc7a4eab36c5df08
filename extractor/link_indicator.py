"""Slot filling for the indicator: what a value measures.

Own clause first (the noun right after the value, the nearest indicator), then the structure it
sits in (a list's lead-in, the value it restates in brackets), then the indicator in force.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import link_respectively, link_subject
from .context import home_members
from .segments import Sentence
from .spans import HEAD_DASH, cheapest, first_at, last_word, trim
from .types import (
    Fact,
    IndicatorMention,
    NumberMention,
    specific,
)

if TYPE_CHECKING:
    from .document import DocumentView

_LIST_VERB = re.compile(r"(?i)\b(?:were|was|are|is|included|include|includes|named|cited|listed|mentioned)\s+")
_DASH_TAIL = re.compile(r"\s*[–—:-]\s*$")
_JOINER = re.compile(r"(?i)[\s,;:]*(?:(?:and|or|while|as well as)\s+)+")
# an activity, then an aside that holds another value: "Agriculture, which accounts for 23.9 percent of GDP,"
_ASIDE_BEFORE = re.compile(r"(?i),\s+which\s+(?:accounts?|made|makes|make)\b(?:[^.;]|\.(?=\d))*\Z")
# "births minus deaths" in an aside defines the word before it; the aside ends at a comma that parts words
_MINUS = re.compile(r"\s(?:minus|less)\s(?!than\b|[\d(])")
_ASIDE_COMMA = re.compile(r",\s")
# "exports reached $3.1 billion and imports $4.0 billion": a noun after "and" or a comma starts the
# next item; it is not the value's own noun.
_JOINS_NEXT = re.compile(r"(?i),|;|\b(?:and|or|while|whereas|but|to|from|than|into|over)\b")
_VALUE_REACH = 64  # longer than any number's span ("20 million 353 thousand")
# "by 57.9% to $8.4 billion", "0.3 percent to $34.69", "fell by 4,870 over the same period, to 548,760"
# "rose by 54.9% to", "rose by 54.9% compared with August 2020 to": the level the change reached
_TO_AFTER = re.compile(r"(?:\s+[a-z]+){0,4}(?:\s+(?:compared\s+(?:with|to)|on|from|over|against)(?:\s+[A-Za-z]+){0,4}"
                       r"(?:\s+\d{4})?)?,?\s+to\s+")
# "deaths exceeded births by", "departures outnumbered arrivals by": a verb of excess, then "by".
_SECTOR_REACH = 80
_EXCEEDS = re.compile(r"(?i)\b(?:exceed(?:ed|s)?|outnumbered|outpaced|outstripped)\b(?=[^.;]*\bby\s*$)")
_EXCESS_REACH = 120
_GENERIC_PENALTY = 6  # "Nominal GDP at current prices": the specific "GDP" beats the generic "prices"
_DENOMINATOR = re.compile(r"(?i)\bper\s+(?:[\d\s.,\u00a0\u202f]+|thousand|hundred)\s*$")
# "wages among employees", "earnings for all employees": the head is the first noun
_OF_LINK = re.compile(r"\s+(?:of|among|for|in)(?:\s+(?:the|all|its|their))?\s+")
# "47,000 (+0.2%)", "1,257 euros (+5.7%)", "8 billion USD (increase of 46,4%)"
_COMMA_AFTER = re.compile(r"(?:\s+[A-Za-z]+)?\s*,\s*(?:up\s+|down\s+)?")
_COMPARED_AFTER = re.compile(r"\s+(?:higher|lower|more|less|fewer|above|below|up|down)\b")
_OF_AFTER = re.compile(r"\s+of\s+(?:the|all|total)\s+")  # match at a value's end, or fullmatch up to a mention
_NOT_MONEY = frozenset({"person", "percent", "percentage_point", "basis_point", "times", "per_1000", "count",
                        "year", "month", "week", "day", "hour", "quarter", "decade", "index"})
_OF_NEXT = re.compile(r"\s+of\s+(?:the\s+)?")
_FIGURE_NEXT = re.compile(r"\s*(?:about|around|some|nearly|almost|over)?\s*[-+−$€£]?\d")
# "47,000 (+0.2%)", "14,5 (in January-September 2015 - 14,8)": the bracket restates the value, maybe for
# an earlier period
_BRACKET_AFTER = re.compile(r"(?:\s+[A-Za-z]+){0,2}\s*\(\s*(?:(?:[a-z]+\s+){0,2}(?:of|by)\s+"
                            r"|(?:in|for)\s+(?:[A-Za-z][\w\s-]{0,30}?)?\d{4}\s*[-–—:]\s*)?")
_SURVEY_ANSWER = re.compile(r"\s*(?:said|answered|responded|reported|were|are|was|believe[sd]?)?\s*(?:that\s+)?"
                            r"(?:they\s+)?(?:had\s+|were\s+)?(.+?)\s*[.,;]?\s*$")


_CONTRAST_BETWEEN = re.compile(r"(?i)\b(?:but|while|whereas|although)\b|;")


def indicator(run: DocumentView, v: NumberMention, sent: Sentence, lead: Sentence | None, values: list[NumberMention],
               breaks: list[int], evidence: list[str]) -> tuple[IndicatorMention | None, str | None]:
    near = run.near(run.indicators, run.here.indicators, v, sent)
    if near is run.here.indicators:  # the whole sentence: its heads are the same for all its values
        if run.heads_of is not near:
            run.heads_of, run.heads = near, heads(run, near)
        mentions = run.heads
    else:
        mentions = heads(run, near)
    if len(mentions) > 1 and v.unit in ("percent", "percentage_point") and _rate_before(run, mentions, v):
        # "the unemployment rate stood at 3.6% of the labour force, down 0.2 points": the base of a
        # rate is not what its values measure
        mentions = [m for m in mentions if not _is_base(run, m, values)] or mentions
    if v.unit is not None and v.unit not in _NOT_MONEY and mentions:
        # "Employees of mining companies earned 1.21 million tenge": a sum of money is no count of people
        # (and so does a general word for people that is another value's noun: "Retail, with 141,000 jobs,
        # paid an average of $38,210"; "Visitors spent $2.3 billion" hands over to its verb)
        mentions = [m for m in mentions if not _counts_people(run, m, v, values)]
    if mentions:
        # "Only Lisbon (+0.27%) and the Algarve (+0.44%) grew, thanks to migration": a cause is not the measure
        # (one before the value is what it measures: "due to net migration, estimated at +2.7 million")
        # (nor one in a clause of its own before the value: "grew 4.1% on the back of higher crop output, but
        # construction contracted 6.8%")
        mentions = [m for m in mentions if (m.start < v.end and not _CONTRAST_BETWEEN.search(run.text, m.end, v.start))
                    or not run.assembler.cause_before.search(run.text, max(sent.start, m.start - 45), m.start)]
    note = None
    if len(mentions) > 1:
        if run.here.bracket_note is False:  # once per sentence
            run.here.bracket_note = _BRACKET_NOTE.search(run.text, sent.start, sent.end)
        note = run.here.bracket_note
    if note is not None:
        # "Employment rate (%), with the unemployment rate (%) in brackets: North West 74.1 (4.2)": the
        # bracketed figures are the noted indicator's, the others the rest's
        bracketed = _in_bracket(run.text, v)
        mentions = [m for m in mentions if (note.start() <= m.start < note.end()) == bracketed] or mentions
    if len(mentions) > 1:
        # "Per capita income, calculated as total income divided by total population, was $72,910": the
        # indicators a definition names are not what the value measures
        mentions = [m for m in mentions if not _in_definition(run, m, sent)] or mentions
    if len(mentions) > 1 and any(m.key in run.ws["by_activity"] for m in mentions):
        # "Employment fell in manufacturing and in wholesale and retail trade (-61 thousand)": an activity
        # after "in" is where the employed work, not what the value measures
        mentions = [m for m in mentions if not _activity_after_in(run, m)] or mentions
    if mentions and v.unit != "percentage_point" and _activity_list(run, mentions, v, sent):
        # "In the structure of gross value added, industry held 30.6%, wholesale and retail trade – 20.8%":
        # activities listed with values under a whole (GVA, GDP) are its parts, not indicators of their own
        # (points are contributions to the whole's growth: the contribution rules read those)
        mentions = [m for m in mentions if not run.assembler.sector_words.fullmatch(m.text)]
    if any(m.anaphor for m in mentions):  # "the rate" with no rate named before it refers to nothing here
        mentions = [m for m in mentions if not m.anaphor or _named_last(run, m.family, v.start) is not None]
    chosen = None
    restated = sibling(run, v) if note is None else None
    if restated is not None and restated.indicator is not None:
        # "47,000 (+0.2%)": the bracketed value restates the one before it
        evidence.append("indicator_sibling")
        ind = restated.indicator
        return specific(ind, ind.key), ind.key
    # "14,000 arrivals", "8,100 people arrived": the noun or verb right after the value.
    # (mentions are in text order: the first ones after the value are the only ones two tokens away)
    for m in mentions[first_at(mentions, v.end):]:
        if run.gap_tokens(v.start, v.end, m.start, m.end) > 2:
            break
        if not _value_starts_between(values, v.end, m.start) \
                and not _JOINS_NEXT.search(run.text, v.end, m.start) \
                and not (v.unit == "percent" and _OF_AFTER.match(run.text, v.end) and _rate_before(run, mentions, v)):
            chosen = _verb_after_people(run, m, mentions)  # "31,549 residents left as emigrants": the verb's
            evidence.append("indicator_adjacent")
            break
    if chosen is None and mentions:
        chosen = link_respectively.paired(
            run, v, values, sent, lambda lo, hi: [m for m in run.indicators.within(lo, hi) if not m.generic],
            lambda a, b: a.key == b.key)
        if chosen is not None:
            evidence.append("indicator_respectively")  # "exports and imports rose by 5.1% and 3.2%, respectively"
    if chosen is None and mentions:
        # "amounted to 51 324; divorces – 19 821": an indicator heading a value of its own is not another's
        mentions = [m for m in mentions if not _heads_another(run, m, v)] or mentions
        # "Exports totaled $2.04 billion, having grown 1.4 times, while imports climbed 11.9%": an indicator
        # opening the next clause, with a value of its own, is that value's
        mentions = [m for m in mentions if not _opens_next_clause(run, m, v, values)] or mentions
        best = cheapest(mentions, lambda m: run.attach_cost(m.start, m.end, v, breaks, values)
                   + (_GENERIC_PENALTY if m.generic else 0))
        chosen = best
        evidence.append("indicator_sentence")
        if len(mentions) > 1 and any(m.key != best.key for m in mentions):
            evidence.append("indicator_contested")  # another indicator of the sentence could be the value's
    if chosen is None and (own := link_subject.subject(run, v, sent, values)) is not None:
        evidence.append("indicator_subject")  # "Launches of new projects reached 27,985 units"
        return own, None
    if chosen is None and lead is not None:
        lead_mentions = run.lead_mentions(lead).indicators
        if lead_mentions:
            chosen = lead_mentions[-1]
            evidence.append("indicator_lead_in")
    if chosen is None and run.ctx.indicator_mention is not None:
        chosen = run.ctx.indicator_mention
        evidence.append("indicator_line")
    if chosen is None and run.ctx.doc_indicator is not None:
        chosen = run.ctx.doc_indicator  # "Ireland (+1.1%) recorded the highest increase": still GDP
        evidence.append("indicator_in_force")
    if chosen is None:
        evidence.append("indicator_none")
        return None, None
    key = chosen.key
    rate = _rate_of_family(run, chosen, v)
    if rate is not None:
        key = rate  # "Youth unemployment made up 3.8%": a percent of a word whose family has a rate is the rate
        evidence.append("indicator_generic_resolved")
    elif chosen.generic:
        carried = run.ctx.indicator_key
        own = [m.key for m in run.here.indicators if not m.generic and m.key in (chosen.family or ())
               and m.end <= chosen.start] if chosen.family else []
        if own:
            key = own[-1]  # "The CPIH 12-month inflation rate was 1.2%": the sentence names which index
            evidence.append("indicator_generic_resolved")
        elif carried and (not chosen.family or carried in chosen.family):
            key = carried
            evidence.append("indicator_generic_resolved")
        elif chosen.family and run.ctx.doc_indicator is not None and run.ctx.doc_indicator.key in chosen.family:
            key = run.ctx.doc_indicator.key  # "The calendar adjusted index" in an industrial production release
            evidence.append("indicator_generic_resolved")
        elif chosen.family and (named := _named_last(run, chosen.family, v.start)) is not None:
            key = named  # "the rate for people aged 15-24" after "the unemployment rate ... 8.9%"
            evidence.append("indicator_generic_resolved")
        elif chosen.family:
            named = first_named(run, chosen.family)  # "inflation" in a text that names the HICP is the HICP's
            if named in (None, chosen.family[0]):
                # "Euro area annual inflation is expected to be 2.4%": a group's index is the harmonised one
                named = next((k for k in chosen.family if k in home_members(run)), named)
            if named is not None and named != key:
                key = named
                evidence.append("indicator_generic_resolved")
    narrower = run.indicator_info(key).get("narrowed_by") if key else None
    if narrower is not None and (narrower in subject_keys(run)
                                 or run.indicator_info(narrower).get("counted") in subject_keys(run)):
        key = narrower  # "the number of the unemployed" in a release on registered unemployment
        chosen = specific(chosen, key)
        evidence.append("indicator_narrowed")
    if key and not chosen.generic:
        run.ctx.indicator_key = key
        run.ctx.indicator_mention = chosen
        if not run.ctx.paragraph_subject:
            # what a paragraph's first sentence is about holds for later paragraphs; the parts a later
            # sentence lists ("net interstate migration 34,040") do not
            run.ctx.doc_indicator = chosen
            run.ctx.paragraph_subject = True
    elif key:
        if run.ctx.indicator_mention is None or (
                "indicator_sentence" in evidence and key != run.ctx.indicator_key):
            # "... or 23.8 percent of total turnover": a general word the sentence names for another
            # indicator than the one in force holds from here, as the indicator it stands for
            run.ctx.indicator_mention = specific(chosen, key)
            run.ctx.indicator_key = key
        if run.ctx.doc_indicator is None or (run.ctx.doc_indicator.key != key and not run.ctx.paragraph_subject):
            # (a general word's reading does not replace what the paragraph's first sentence was about:
            # "Imports reached ..., leaving a surplus of 324 million" is still a paragraph on imports)
            run.ctx.doc_indicator = specific(chosen, key)
    return chosen, key


def _counts_people(run: DocumentView, m: IndicatorMention, v: NumberMention, values: list[NumberMention]) -> bool:
    """Whether ``m`` names a count of people: its key's unit, or for a general word for people, the noun of
    another value right before it."""
    if run.indicator_info(m.key).get("unit") != "person":
        return False
    return not m.generic or any(w is not v and w.end <= m.start and run.gap_tokens(w.start, w.end, m.start, m.end) <= 1
                                for w in values)


def _rate_of_family(run: DocumentView, chosen: IndicatorMention, v: NumberMention) -> str | None:
    """The rate among a generic word's keys, for a percent that no rate in force explains."""
    if not (chosen.generic and chosen.family and v.unit in ("percent", "percentage_point")):
        return None
    if chosen.anaphor or run.indicator_info(run.ctx.indicator_key).get("kind") == "rate":
        return None
    return next((k for k in chosen.family if run.indicator_info(k).get("kind") == "rate"), None)


def _value_starts_between(values: list[NumberMention], lo: int, hi: int) -> bool:
    """Whether a value of the sentence (in text order) starts in [lo, hi)."""
    i = first_at(values, lo)
    return i < len(values) and values[i].start < hi


def _rate_before(run: DocumentView, mentions: Sequence[IndicatorMention], v: NumberMention) -> bool:
    """Whether a rate is named before the value: "the unemployment rate stood at 8.9% of the labour
    force" is the rate's level, the words after it its base."""
    return any(m.end <= v.start and run.indicator_info(m.key).get("kind") == "rate" for m in mentions)


def contribution_aggregate(run: DocumentView, v: NumberMention, sent: Sentence) -> IndicatorMention | None:
    """What a contribution is a part of: the aggregate named right after it ("added 0.3 percentage points
    to GDP growth", "to the CPIH annual rate"), else the first aggregate the text names ("contributed 0.3
    percentage points to growth" in a GDP release)."""
    aggregates = run.ws["contribution_aggregates"]
    own = [m for m in run.here.indicators if _aggregate_key(run, m, aggregates)]
    after = [m for m in own if v.end <= m.start < v.end + _AGGREGATE_REACH
             and _TO_AGGREGATE.match(run.text, v.end, m.start)]
    if after or own:  # "to the CPIH annual rate", "The contribution to annual euro area inflation ..."
        m = (after or own)[0]
        return specific(m, _aggregate_key(run, m, aggregates))
    return next((m for m in run.indicators.items if m.key in aggregates and not m.generic), None)


def _aggregate_key(run: DocumentView, m: IndicatorMention, aggregates: frozenset[str]) -> str | None:
    """The mention's key when it names an aggregate; a generic word ("inflation") as the text names it."""
    if not m.generic:
        return m.key if m.key in aggregates else None
    key = first_named(run, m.family) if m.family else m.key
    return key if key in aggregates else None


_AGGREGATE_REACH = 60
_TO_AGGREGATE = re.compile(r"[^.;:\d]{0,20}?\bto\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}")


def _is_base(run: DocumentView, m: IndicatorMention, values: list[NumberMention]) -> bool:
    """Whether the mention follows a percent as what it is "of": "8.9% of the labour force"."""
    return any(o.unit == "percent" and 0 < m.start - o.end <= 12 and _OF_AFTER.fullmatch(run.text, o.end, m.start)
               for o in values)


def heads(run: DocumentView, mentions: Sequence[IndicatorMention]) -> list[IndicatorMention]:
    """"the natural increase of the population": the head is "natural increase"."""
    kept = []
    for m in mentions:
        if kept and not kept[-1].generic and _OF_LINK.fullmatch(run.text, kept[-1].end, m.start):
            continue
        if after_denominator(run, m.start):
            continue  # "41.0 per 1 000 residents": the rate's base, not what is measured
        if run.assembler.partner_phrase is not None and _OF_NEXT.match(run.text, m.end) \
                and run.assembler.partner_phrase.fullmatch(run.text, m.start, _OF_NEXT.match(run.text, m.end).end()):
            continue  # "visits made by residents of Russia": who the visitors are, not what is counted
        if m.text.endswith((" to", " at")) and _FIGURE_NEXT.match(run.text, m.end):
            continue  # "the number of unemployed came to 2.4 million": a verb of level, not arrivals
        if m.generic and last_word(run.text, max(0, m.start - 20), m.start).lower() in run.ws["valuation_words"]:
            continue  # "at current prices", "at basic prices": how a value is priced, not what it measures
        kept.append(m)
    return kept


def after_denominator(run: DocumentView, pos: int) -> bool:
    """Whether "per ..." ends right before ``pos``. Most text has no "per" there: checking that
    first skips the regex search, which tries every position."""
    lo = max(0, pos - 20)
    return "per" in run.text[lo:pos].lower() and _DENOMINATOR.search(run.text, lo, pos) is not None


def _heads_another(run: DocumentView, m: IndicatorMention, v: NumberMention) -> bool:
    """Whether ``m`` is followed by a dash or colon and another value than ``v``: that value's head."""
    dash = HEAD_DASH.match(run.text, m.end)
    return dash is not None and any(w.start == dash.end() and w is not v
                                    for w in run.numbers.within(dash.end(), dash.end() + _VALUE_REACH))


# "..., while imports climbed 11.9%"; "..., leaving a surplus of 324 million" (a figure the clause derives)
_NEXT_CLAUSE = re.compile(r"(?=[\s,;wbalrgm])"  # (what a match can start with: a search skips other positions)
                          r"\s*[,;]?\s*(?:while|whereas|but|and|leaving|bringing|resulting\s+in|giving|making)"
                          r"\s+(?:the\s+|a\s+|an\s+)?\Z", re.IGNORECASE)


def _opens_next_clause(run: DocumentView, m: IndicatorMention, v: NumberMention, values: list[NumberMention]) -> bool:
    """Whether ``m`` comes after ``v`` at the head of a clause ("..., while imports climbed 11.9%") that has
    a value of its own."""
    if m.start < v.end or not _NEXT_CLAUSE.search(run.text, v.end, m.start) or ("," not in run.text[v.end:m.start]
                                                                              and ";" not in run.text[v.end:m.start]):
        return False
    i = first_at(values, m.end)
    return i < len(values) and values[i].start - m.end <= _VALUE_REACH


def sibling(run: DocumentView, v: NumberMention) -> Fact | None:
    """The value before this one when this one restates it: "47,000 (+0.2%)", or the level a change
    reached: "exports grew by 57.9% to $8.4 billion"."""
    prev = run.ctx.prev_fact
    if prev is None:
        return None
    # fullmatch over a range of the text, not a slice of it: the gap may be long (no anchors in the pattern)
    if _BRACKET_AFTER.fullmatch(run.text, prev.value.end, v.start):
        return prev
    if _COMMA_AFTER.fullmatch(run.text, prev.value.end, v.start) and _COMPARED_AFTER.match(run.text, v.end):
        return prev  # "Nominal GDP was $645.1 billion, 0.1% lower than in the March quarter"
    if prev.measure == "change" and _TO_AFTER.fullmatch(run.text, prev.value.end, v.start):
        return prev
    return None


def scoped(run: DocumentView, key: str | None, sent: Sentence, evidence: list[str]) -> str | None:
    if key and run.ctx.internal_scope_line == sent.line:
        scoped = run.indicator_info(key).get("scoped")
        if scoped:
            evidence.append("internal_scope")
            return scoped
    return key


_ARTICLE_GAP = re.compile(r"\s{1,3}(?:the\s{1,3})?")


def inward(run: DocumentView, m: IndicatorMention | None, key: str | None, evidence: list[str]) -> str | None:
    """"636,000 people moved to the UK" in a text about the UK: a move into the place the text is
    about is its immigration, whatever the words' usual reading (``inward`` in indicator_keys.yaml)."""
    target = run.indicator_info(key).get("inward") if m is not None else None
    if not target:
        return key
    ctx = run.ctx
    subjects = {p.code for p in (run.home, ctx.doc_region, ctx.line_region, ctx.section_region) if p is not None}
    for place in run.here.regions:
        if place.start > m.end and place.code in subjects and _ARTICLE_GAP.fullmatch(run.text, m.end, place.start):
            evidence.append("indicator_inward")
            return target
    return key


def in_survey(run: DocumentView, sent: Sentence) -> bool:
    return sent.line <= run.ctx.survey_until_line


def survey_answer(run: DocumentView, v: NumberMention, sent: Sentence, clause: tuple[int, int]) -> IndicatorMention:
    """The answer a survey share counts: the words after "said", or an item label before a dash."""
    start, end = clause
    after = run.text[v.end:end]
    answer = _SURVEY_ANSWER.match(after)
    if answer and answer.group(1).strip() and len(after.strip()) > 2:
        a_start = v.end + answer.start(1)
        a_end = v.end + answer.end(1)
    else:
        # "higher potential income – 24.5%": the label before the dash, back to the last comma
        lo = max(sent.start, v.start - 200)
        head = _DASH_TAIL.sub("", run.text[lo:v.start])
        cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind("("))
        a_start, a_end = lo + cut + 1, lo + len(head)
        lead_words = list(_LIST_VERB.finditer(run.text, a_start, a_end))
        if lead_words:  # "the most cited motivations were higher potential income"
            a_start = lead_words[-1].end()
        joiner = _JOINER.match(run.text, a_start, a_end)
        if joiner:  # "and family reunification"
            a_start = joiner.end()
    a_start, a_end = trim(run.text, a_start, a_end)
    if a_end <= a_start:
        a_start, a_end = v.start, v.end
    return IndicatorMention(run.text[a_start:a_end], a_start, a_end, "survey_share")


_BRACKET_NOTE = re.compile(r"(?i)(?=w)\bwith\s+(?:the\s+)?[^.;:]{3,80}?\s+in\s+(?:brackets|parenthes[ie]s)")


def _in_bracket(text: str, v: NumberMention) -> bool:
    """Whether the value stands right inside an opening bracket: "74.1 (4.2)"."""
    return text[max(0, v.start - 2):v.start].rstrip().endswith("(") and text[v.end:v.end + 2].lstrip().startswith(")")


_IN_BEFORE = re.compile(r"(?i)\bin\s+(?:the\s+)?(?:[a-z,]+\s+){0,4}$")


def _verb_after_people(run: DocumentView, m: IndicatorMention,
                       mentions: Sequence[IndicatorMention]) -> IndicatorMention:
    """The mention a generic people word right after a value hands over to: the movement or event named
    next ("31,549 residents left as permanent emigrants", "1,200 people moved to the city"); a word of
    another kind keeps its value ("a €23.6 bn surplus in trade in goods"), and so does a count before a
    rate ("sheds 17,000 jobs as the jobless rate jumps": the rate has values of its own)."""
    if not m.generic or run.indicator_info(m.key).get("unit") != "person":
        return m
    i = first_at(mentions, m.end)
    if i < len(mentions) and not mentions[i].generic and run.gap_tokens(m.start, m.end, mentions[i].start,
                                                                         mentions[i].end) <= 2 \
            and run.indicator_info(mentions[i].key).get("unit") != "percent":
        return mentions[i]
    return m


def _in_definition(run: DocumentView, m: IndicatorMention, sent: Sentence) -> bool:
    """Whether an indicator mention stands in an aside that defines another ("calculated as ...")."""
    comma = run.text.rfind(",", max(sent.start, m.start - 120), m.start)
    if comma < 0:
        return False
    if run.assembler.definition_aside.match(run.text, comma, m.start) is not None:
        return True
    # "Natural increase, births minus deaths, contributed 1,444": a difference that defines the word before it
    # (commas that part words, not a number's: "12,125")
    close = _ASIDE_COMMA.search(run.text, m.end, min(sent.end, m.end + 60))
    return run.text.startswith(", ", comma) and close is not None \
        and _MINUS.search(run.text, comma, close.start()) is not None


def _activity_after_in(run: DocumentView, m: IndicatorMention) -> bool:
    """Whether an indicator mention names an economic activity after "in" ("in wholesale and retail trade")."""
    return run.assembler.sector_words.fullmatch(m.text) is not None \
        and _IN_BEFORE.search(run.text, max(0, m.start - 40), m.start) is not None


def _activity_list(run: DocumentView, mentions: Sequence[IndicatorMention], v: NumberMention,
                   sent: Sentence) -> bool:
    """Whether the value sits in a list of economic activities (two or more ``sector_words`` in its
    sentence, one a mention here) under a whole they are parts of: one of ``sector_of`` or
    ``sector_key`` named in the sentence before the value, else in force."""
    words = run.assembler.sector_words
    if not any(words.fullmatch(m.text) for m in mentions):
        return False
    listed = words.finditer(run.text, sent.start, sent.end)
    if next(listed, None) is None or next(listed, None) is None:
        return False
    wholes = (*run.ws["sector_of"], *run.w["sector_key"])
    named = [m for m in run.here.indicators if m.start < v.start and not m.generic and not words.fullmatch(m.text)]
    if named:
        return named[-1].key in wholes
    in_force = run.ctx.indicator_key or (run.ctx.doc_indicator.key if run.ctx.doc_indicator else None)
    return in_force in wholes


def subject_keys(run: DocumentView) -> frozenset[str]:
    """The indicators a document is about: those its title lines and its first sentence with a value
    name with a specific phrase. Computed once per document."""
    if run.subject is None:
        titles = run.layout.title_starts
        end = 0
        for sent, here in zip(run.doc.sentences, run.by_sentence, strict=True):
            end = sent.end
            if not sent.meta and sent.start not in titles and sent.line > 0 and any(
                    not any(p.start < n.end and n.start < p.end for p in here.periods) for n in here.numbers):
                break  # (the first line is the headline, a dateline's day is no value: the lead is read too)
        named = {m.key for m in run.indicators.within(0, end) if not m.generic and m.key}
        seen: dict[tuple[re.Pattern[str], re.Pattern[str]], bool] = {}  # topics with the same words: one search
        # (in an ASCII text a pattern whose words are absent from its lower case cannot match: skip the search)
        lowered = run.text.lower() if run.text.isascii() else None
        literals = run.assembler.topic_literals

        def absent(pattern: re.Pattern[str]) -> bool:
            words = literals.get(pattern)
            return lowered is not None and words is not None and not any(w in lowered for w in words)

        for key, words, excluded in run.assembler.document_topics:
            if (words, excluded) not in seen:
                found = words.finditer(run.text)
                seen[words, excluded] = not absent(words) and next(found, None) is not None \
                    and next(found, None) is not None and (absent(excluded) or not excluded.search(run.text))
            if seen[words, excluded]:
                named.add(key)  # a text on visitors and hotels whose headline only says "foreigners arriving"
        run.subject = frozenset(named)
    return run.subject


def _named_last(run: DocumentView, family: Sequence[str], before: int) -> str | None:
    """The key of ``family`` named last, with a specific phrase, before ``before`` (among the last
    _LOOK_BACK indicator mentions: bounded work per value)."""
    items = run.indicators.items
    end = bisect.bisect_left(run.indicators.starts, before)
    for m in reversed(items[max(0, end - _LOOK_BACK):end]):
        if not m.generic and m.key in family:
            return m.key
    return None


_LOOK_BACK = 30


def first_named(run: DocumentView, family: Sequence[str]) -> str | None:
    """The key of ``family`` the document names with a specific phrase: the first one other than the
    family's default (``family[0]``, "cpi" for "inflation"), else the default itself, else None. A
    release that names the HICP anywhere means the HICP by "inflation"."""
    default = None
    kind = run.indicator_info(family[0]).get("kind")
    for m in run.indicators.items:
        if not m.generic and m.key in family:
            if m.key != family[0] and run.indicator_info(m.key).get("kind") == kind:
                return m.key  # of the same kind: the HICP for "inflation", not an average price
            if m.key == family[0]:
                default = m.key
    return default



def sector(run: DocumentView, v: NumberMention, sent: Sentence) -> IndicatorMention | None:
    """The gross value added of the activity a GDP release says changed: the last activity word
    (``sector_words``) between the value before this one and this one, with no indicator of its own."""
    reach = max(sent.start, v.start - _SECTOR_REACH)
    lo = max([reach, *(w.end for w in run.numbers.within(reach, v.start) if w.end <= v.start)])
    for clause in _CONTRAST_BETWEEN.finditer(run.text, lo, v.start):  # "..., but construction contracted 6.8%"
        lo = clause.end()
    found = None
    for found in run.assembler.sector_words.finditer(run.text, lo, v.start):  # noqa: B007 (the last one)
        pass
    if found is None and lo > reach and (aside := _ASIDE_BEFORE.search(run.text, reach, lo)) is not None:
        # "Agriculture, which accounts for 23.9 percent of GDP, grew 3.2 percent": the activity before the aside
        found = next((m for m in run.assembler.sector_words.finditer(run.text, reach, aside.start())
                      if m.end() == aside.start()), None)
        closed = run.text.find(",", lo, v.start)
        if closed < 0:
            return None
        lo = closed  # (what the aside names, "of GDP", is the share's whole, not this value's indicator)
    if found is None:
        found = _sector_anaphor(run, lo, v.start)
    if found is None:
        return None
    # an indicator between an earlier value and the activity word is that value's ("38.6% of GDP, while
    # construction grew 17.4%"); one heading the clause is the value's own ("Total GDP, including ocean
    # transport, fell by 0.9 per cent")
    after_value, key = lo > reach, run.w["sector_key"][0]
    if any(not m.generic and m.key != key and not (after_value and m.end <= found.start())
           and not (found.start() <= m.start and m.end <= found.end())  # (the activity's own word: "construction")
           for m in run.indicators.within(lo, v.start)):
        return None  # ("The growth of value added ...: in industry it made 5,8 percent": the sector's own)
    return IndicatorMention(found.group(0), found.start(), found.end(), key)


_SECTOR_ANAPHOR = re.compile(r"(?i)\b(?:the|this|that)\s+(?:sector|branch)\b")
_ANAPHOR_REACH = 200


def _sector_anaphor(run: DocumentView, lo: int, hi: int) -> re.Match[str] | None:
    """"the sector" between the value before and this one when an activity was named shortly before it:
    "Agriculture's share of GDP stood at 30.3 per cent, while the sector grew by 5.6 per cent"."""
    anaphor = None
    for anaphor in _SECTOR_ANAPHOR.finditer(run.text, lo, hi):  # noqa: B007 (the last one)
        pass
    if anaphor is None or run.assembler.sector_words.search(
            run.text, max(0, anaphor.start() - _ANAPHOR_REACH), anaphor.start()) is None:
        return None
    return anaphor


_ITEM_WORD = re.compile(r"[,;]\s*(?:the\s+)?([A-Za-z-]+)(?:\s+population)?\s*[–—-]\s*\Z")


def counterpart(run: DocumentView, v: NumberMention, key: str | None, sent: Sentence) -> str | None:
    """The key an elliptical item names after a value of ``key``: "The urban population made 451,6 thousand
    people (52,0%), rural – 416,8 thousand people" (``elliptical_counterparts`` in ``patterns/facts.yaml``)."""
    words = run.assembler.counterparts.get(key or "")
    if not words:
        return None
    item = _ITEM_WORD.search(run.text, max(sent.start, v.start - 30), v.start)
    found = words.get(item.group(1).lower()) if item else None
    return found if found != key else None


def excess_balance(run: DocumentView, v: NumberMention, sent: Sentence) -> tuple[IndicatorMention, int] | None:
    """"deaths there exceeded births by 160": the balance of the two flows (``excess_balances`` in
    ``patterns/facts.yaml``) as one mention from the first flow to the second, and its sign."""
    if run.text[max(0, v.start - 4):v.start].rstrip()[-2:].lower() != "by":
        return None  # most values: not "... by 860"
    lo = max(sent.start, v.start - _EXCESS_REACH)
    found = _EXCEEDS.search(run.text, lo, v.start)
    if found is None:
        return None
    whole = next((m for m in run.here.indicators if m.start <= found.start() and found.end() <= m.end), None)
    if whole is not None and whole.key and run.indicator_info(whole.key).get("kind") == "balance":
        # the lexicon knows the whole phrase: "births outpaced deaths by 504,000"
        return whole, -1 if whole.negative else 1
    before = [m for m in run.here.indicators if lo <= m.start and m.end <= found.start()]
    after = [m for m in run.here.indicators if found.end() <= m.start and m.end <= v.start]
    if not before or not after:
        return None
    first, second = before[-1], after[0]
    balance = run.assembler.excess_balances.get((first.key or "", second.key or ""))
    if balance is None:
        return None
    key, sign = balance
    return IndicatorMention(run.text[first.start:second.end], first.start, second.end, key), sign
