"""Slot filling for the region: where a value is measured, and the partner of a flow.

Own clause first, then the list or lead-in it sits in, then the region in force (the subject of the
title, lead or paragraph), else the home country. A place people come from or go to is a partner.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import link_respectively
from .context import partner_place
from .layout import DATELINE_REACH, is_dateline
from .lexicon import LexiconMatch
from .segments import Sentence
from .spans import REACH, cheapest, home_word_not_subject
from .types import (
    NumberMention,
    Region,
    RegionMention,
    _new_region,
)

if TYPE_CHECKING:
    from .document import DocumentView

_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*)?(?:and\s+|or\s+)?")  # between the places of a list
# ... and between places people went to, each with its own bracket: "came from Ternopil oblast (2 104
# persons), Ivano-Frankivsk oblast (1 987) and Volyn oblast(1 655)"
_DESTINATIONS_SEPARATOR = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?(?:,\s*)?(?:and\s+|or\s+)?")
_DIGIT = re.compile(r"\d")
_PARTNER_ANAPHOR = re.compile(r"(?=t)(?:\bthese countries\b|\bthem\b)")  # (?=t): skips other positions
# Between a place and its value: a bracket (with earlier values of the same bracket), a colon or a dash.
_HEAD_GAP = re.compile(r"\s*(?:\((?:[^()]*?[,;]\s*)?|[:–—-]\s*(?:by\s+)?|'s\s+\(?)")
# Between a value and the place it is measured in: "0.3% in the EU", "4.1 percent in Auckland".
# "0.3% in the EU", "12.96 million persons in the EU": one word (a unit, a people noun) may come between
_IN_AFTER = re.compile(r"\s*(?:(?:percent|per cent|pts|points|percentage points"
                       r"|(?!(?:and|or|but|while|whereas|than|versus|against)\b)[a-z]+)\s+)?in\s+(?:the\s+)?")
_APPOSITION_HEAD = re.compile(r",\s+(?:the|a|an|its)\s[^,;.\d]{0,60}")
_APPOSITION_END = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?,")
_HEAD_REACH = 120  # a bracket of figures after its place is short
# "The share of the region in ... of Ukraine made 2,0%": the part is the region the text is about
# ... and "The state's share in Brazilian GDP rose to 1.46%"
_PART = r"(?:region|oblast|city|republic|province|aimag|marz|velayat|viloyat|district|county|state|territory|krai)"
_PART_SHARE = re.compile(rf"(?i)\bshare\s+of\s+(?:the|our|this)\s+{_PART}\s+in\b|\b{_PART}['’]s\s+share\s+(?:in|of)\b")
# A place followed by a bracketed figure of its own.
_OWN_PARENTHESIS = re.compile(r"\s*\(\s*[-+−–]?\d")


def region(run: DocumentView, v: NumberMention, sent: Sentence, lead: Sentence | None, values: list[NumberMention],
           breaks: list[int], info: dict[str, Any],
           evidence: list[str]) -> tuple[RegionMention | None, Region | None, str | None]:
    """The partner of a flow, the region, and the codes of several regions named together."""
    flow = info.get("kind") == "flow" or bool(info.get("flow"))
    mentions = run.near(run.regions, run.here.regions, v, sent)
    places, partners = _places_and_partners(run, mentions, flow)
    partner = None
    if partners:
        partner = cheapest(partners, lambda m: run.attach_cost(m.start, m.end, v, breaks, values))
        run.ctx.partner = partner
    elif flow and run.ctx.partner is not None \
            and _PARTNER_ANAPHOR.search(run.text[max(sent.start, v.start - REACH):v.end]):
        partner = run.ctx.partner
    pair = link_respectively.paired(run, v, values, sent, lambda lo, hi: _named_places(run, lo, hi),
                                    lambda a, b: a.code == b.code)
    if pair is not None:
        evidence.append("region_respectively")  # "in the euro area and the EU ... 0.4% and 0.5%, respectively"
        return partner, _region_of(pair), None
    # Several regions named together with one value: the country, with the list as a breakdown.
    group = coordinated(run, places, v)
    if group:
        evidence.append("region_list")
        codes = ",".join(m.code or m.name for m in group)
        return partner, home_region(run, sent), codes
    # "came from Kostanay region (710 people)": a home region heads its bracket even as an origin, in a text
    # about the country; in one about a region, another region people came from is where they came from
    subject = run.ctx.section_region or run.ctx.doc_region
    if len(places) == len(mentions) or (subject is not None and subject.code and "-" in subject.code):
        heads = places
    else:
        kept = {id(m) for m in places}
        dropped = {id(m) for m in partners}
        heads = [m for m in mentions if id(m) in kept or (
            m.kind in ("region", "city") and id(m) not in dropped and not is_dateline(run.text, m))]
    head = _head_of(run, v, heads) or _in_place_after(run, v, places)
    if head is not None:
        evidence.append("region_head")  # "Spain(14.1%)", "Kostanay region (710 people, -8.1%)", "Astana – 1.95%"
        return partner, _region_of(head), None
    places = [m for m in places if (m.start < v.end or not _owns_other_values(run, m, v))
              and not run.assembler.names_institution(run.text, m)  # "the Australian Bureau of ..."
              and not run.assembler.institution_before.search(run.text, max(0, m.start - 40), m.start)
              and not _citizens_of(run, m)]
    if len(places) > 1:
        places = [m for k, m in enumerate(places) if k == 0 or not _in_apposition(run, places[k - 1], m)]
    # "the second largest among the states, behind only Minas Gerais": the place it is ranked against
    # (not one with a figure of its own: "ahead of the Montagnes district (2,699,523)")
    places = [m for m in places if not _ranked_against(run, m, v)]
    if places and (national_after(run, v) or _national_since_places(run, v, places)):
        evidence.append("region_home")  # "Minnesota's rate was 68.4 percent, compared with 62.6 percent nationally"
        return partner, home_region(run, sent), None
    if places and v.unit == "percent" and (whole := _whole_after(run, v, places)) is not None:
        subject = run.ctx.line_region or run.ctx.section_region or run.ctx.doc_region
        if subject is not None and subject.code and whole.code != subject.code:
            # "The region thus generated 33.8% of Chile's shipments", "8,8% of the Brazilian GDP": the country
            # is the whole the share is of; the share is the region's
            evidence.append("region_in_force")
            return partner, _region_of(subject), None
    if places and _PART_SHARE.search(run.text, max(sent.start, v.start - REACH), v.start):
        subject = run.ctx.line_region or run.ctx.section_region or run.ctx.doc_region
        if subject is not None and subject.code and all(m.code != subject.code for m in places):
            # "The share of the region in the total GDP of Ukraine made 2,0%": the whole is the country,
            # the share the region's
            evidence.append("region_in_force")
            return partner, _region_of(subject), None
    if places:
        best = cheapest(places, lambda m: run.attach_cost(m.start, m.end, v, breaks, values))
        evidence.append("region_sentence")
        if len(places) > 1 and any(m.code != best.code for m in places):
            evidence.append("region_contested")  # another place of the sentence could be the value's
        return partner, _region_of(best), None
    return partner, _region_in_force(run, v, sent, lead, evidence), None


_OF_THE = re.compile(r"\s{1,2}of\s+(?:the\s+)?\Z", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\b")


def _whole_after(run: DocumentView, v: NumberMention, places: list[RegionMention]) -> RegionMention | None:
    """The country a percent is a share of, named right after it as a possessive or an adjective ("33.8% of
    Chile's shipments", "8,8% of the Brazilian GDP")."""
    for m in places:
        if m.kind == "country" and v.end < m.start <= v.end + 12 and _OF_THE.search(run.text, v.end, m.start) \
                and (_POSSESSIVE.match(run.text, m.end) or not run.text[m.start:m.end].endswith(m.name)):
            return m
    return None


def _named_places(run: DocumentView, lo: int, hi: int) -> list[RegionMention]:
    """The places between lo and hi that are no partner ("to Russia") and no dateline."""
    return [m for m in run.regions.within(lo, hi)
            if not partner_place(run, m)
            and not (m.start < DATELINE_REACH and is_dateline(run.text, m))]


def _citizens_of(run: DocumentView, m: RegionMention) -> bool:
    """"Of them residents of Kazakhstan made 812,3 thousand" in a text about Astana: the country names
    who is counted, the place the figure is about stays the region in force."""
    subject = run.ctx.line_region or run.ctx.section_region or run.ctx.doc_region
    phrase = run.assembler.partner_phrase
    return m.kind == "country" and subject is not None and subject.kind in ("region", "city") \
        and phrase is not None and phrase.search(run.text, max(0, m.start - 30), m.start) is not None


def _places_and_partners(run: DocumentView, mentions: Sequence[RegionMention],
                         flow: bool) -> tuple[list[RegionMention], list[RegionMention]]:
    """A foreign country or group is a partner when the value is a flow or when a partner word stands
    before it ("trade with the EU", "exports to China"); places of the home country never are. The
    values of a sentence usually share its mentions: worked out once for them."""
    if not mentions:
        return [], []
    whole = run.here.regions  # sorted once for the whole sentence, then cut to the value's reach
    key = (whole[0].start, whole[-1].end, len(whole), flow)
    cached = run.partner_cache.get(key)
    if cached is None:
        places, partners = _sort_places(run, whole, flow)
        cached = run.partner_cache[key] = (places, partners, [m.start for m in places], [m.start for m in partners])
    places, partners, place_starts, partner_starts = cached
    if mentions is whole:
        return list(places), partners
    lo, hi = mentions[0].start, mentions[-1].start
    return (places[bisect.bisect_left(place_starts, lo):bisect.bisect_right(place_starts, hi)],
            partners[bisect.bisect_left(partner_starts, lo):bisect.bisect_right(partner_starts, hi)])


def _sort_places(run: DocumentView, mentions: Sequence[RegionMention],
                 flow: bool) -> tuple[list[RegionMention], list[RegionMention]]:
    home = run.home
    places, partners = [], []
    # With no home country, every country the text names was a partner (context.home_country): in a flow
    # the countries are where goods or people come from or go to.
    partner_nouns = home is None and flow
    went: RegionMention | None = None  # the last place named as where people went or came from
    # "Among the foreign markets the first remains the United Kingdom": foreign countries there are origins
    markets = run.assembler.market_words.search(run.text, run.here.sent.start, run.here.sent.end) is not None
    for m in mentions:
        if m.start < DATELINE_REACH and is_dateline(run.text, m):
            continue  # "ASTANA, 14 August 2023 –": where the report was filed, not where values are measured
        foreign = (home is not None and m.code != home.code and (m.country or m.code) != home.code) or (
            partner_nouns and m.kind == "country")
        after_partner_word = partner_place(run, m) or (
            went is not None and _DESTINATIONS_SEPARATOR.fullmatch(run.text, went.end, m.start) is not None)
        if after_partner_word:
            went = m  # "chiefly to Astana and Almaty": both are destinations
        # (a foreign country's region too, named as where they came from: "from the United Kingdom (27.4%),
        # St Helena (9.8%)")
        if foreign and (m.kind in ("country", "group") or after_partner_word) \
                and (flow or after_partner_word or markets):
            partners.append(m)
        elif flow and after_partner_word:
            continue  # "moved to other regions of Kazakhstan", "chiefly to Astana": where people went
        else:
            places.append(m)
    return places, partners


_NATIONAL_REACH = 40
_RANKED_AGAINST = re.compile(r"\b(?:behind|ahead\s+of|second\s+only\s+to|trailing|after\s+only)\s+"
                             r"(?:only\s+)?(?:the\s+)?\Z", re.IGNORECASE)


def _ranked_against(run: DocumentView, m: RegionMention, v: NumberMention) -> bool:
    """A place after the value that it is ranked against, with no figure of its own."""
    return m.start >= v.end and _RANKED_AGAINST.search(run.text, max(0, m.start - 20), m.start) is not None \
        and not _owns_other_values(run, m, v)


def _national_since_places(run: DocumentView, v: NumberMention, places: Sequence[RegionMention]) -> bool:
    """A word of the whole country before the value and after the sentence's places: "The GDP of Amazonas grew
    7.1% in 2021, above the national growth of 4.8%"."""
    lo = max(m.end for m in places if m.end <= v.start) if any(m.end <= v.start for m in places) else None
    if lo is None or any(m.start >= v.end for m in places):
        return False
    # (not the whole a share is of: "contributed 25.1% of national GDP, at EUR 101.9 billion")
    return _NATIONAL_FIGURE.search(run.text, max(lo, v.start - _NATIONAL_REACH), v.start) is not None


_NATIONAL_FIGURE = re.compile(r"\bnational(?:ly)?\s+(?:[a-z-]+\s+){0,3}?(?:of|was|is|at|stood\s+at)\s+\Z")


def _region_in_force(run: DocumentView, v: NumberMention, sent: Sentence, lead: Sentence | None,
                     evidence: list[str]) -> Region | None:
    """No place in the value's own sentence: "the province" (the last place named), the list's
    lead-in, the region in force (the subject of the paragraph, else of the title or lead), the home
    country."""
    home = run.home
    # (not "the State Statistics Committee": an institution's name)
    anaphor = [c for c in run.near(run.cues, run.here.cues, v, sent) if c.label == "ANAPHOR"
               and not run.assembler.institution_after.match(run.text, c.end)]
    uncoded = run.ctx.last_uncoded
    if anaphor and uncoded is not None and anaphor[-1].text.rsplit(None, 1)[-1].lower() in uncoded.text.lower() \
            and (run.ctx.last_place is None or run.ctx.last_place.start < uncoded.start):
        evidence.append("region_anaphor")  # "The county's population climbed" after "Maricopa County added"
        return _region_of(uncoded)
    if anaphor and run.ctx.last_place is not None:
        evidence.append("region_anaphor")  # "the unemployment rate in the province was 5.8%"
        return _region_of(run.ctx.last_place)
    if lead is not None:
        lead_places = [m for m in run.lead_mentions(lead).regions
                       if home is None or m.code == home.code or m.country == home.code]
        if lead_places:
            evidence.append("region_lead_in")
            return _region_of(lead_places[-1])
    subject = run.ctx.line_region or (None if run.ctx.line_home else run.ctx.section_region or run.ctx.doc_region)
    if subject is not None and not _names_home(run, sent, v) and not _national(run, v, sent):
        evidence.append("region_in_force")
        return _region_of(subject)
    evidence.append("region_home")
    return home_region(run, sent)


def _national(run: DocumentView, v: NumberMention, sent: Sentence) -> bool:
    """A word of the whole country just before the value, after any earlier value of the sentence:
    "below the national rate of 1.3%", "of the national population of 25.69 million"."""
    here = run.here
    if here.national is None:  # once per sentence: most have none of the words
        here.national = run.assembler.national_words.search(run.text, sent.start, sent.end) is not None
    if not here.national:
        return False
    if national_after(run, v):
        return True  # "compared with 62.6 percent nationally"
    lo = max(sent.start, v.start - _NATIONAL_REACH)
    if run.assembler.national_words.search(run.text, lo, v.start) is None:
        return False
    before = [n.end for n in run.numbers.within(lo - _NATIONAL_REACH, v.start) if lo <= n.end <= v.start]
    return run.assembler.national_words.search(run.text, before[-1] if before else lo, v.start) is not None


_SPACE_THEN = re.compile(r"[ \u00a0]{1,3}(?:(?:at|in|for)[ \u00a0]{1,3}(?=national))?")  # "46,4% at national level"


def national_after(run: DocumentView, v: NumberMention) -> bool:
    """A word of the whole country right after the value: "compared with 62.6 percent nationally"."""
    space = _SPACE_THEN.match(run.text, v.end)
    return space is not None and run.assembler.national_words.match(run.text, space.end()) is not None


def _names_home(run: DocumentView, sent: Sentence, v: NumberMention) -> bool:
    """Whether the sentence speaks of the whole country ("in the country", "nationwide") where the value
    is: a word of the whole country in a contrast clause after the value ("..., while the rate of the
    whole country was 1.06%", "; at national level the increase was 26,1%") is said of that clause only."""
    here = run.here
    if here.names_home is None:
        # (not a ranking against the country: "the country's largest city", "one of the lowest rates in
        # the country" are said of a place)
        # (nor the place of another figure: "against 46,4% at national level")
        here.names_home = [c.start for c in here.cues
                           if c.label == "HOME" and not home_word_not_subject(run.text, c.start, c.end, sent.start)
                           and not _FIGURE_THEN.search(run.text, max(0, c.start - 16), c.start)]
    return any(start < v.start or _CONTRAST.search(run.text, v.end, start) is None for start in here.names_home)


# (a bracket too: "The birth rate made 7,9‰ (for the country – 8,8‰)")
# (and an elliptical clause: "increased by 10,3%, in the country – by 10,8%")
_CONTRAST = re.compile(r"[;(]|\b(?:while|whereas|but|against|compared|versus|unlike)\b|,\s{0,2}(?:in|for|across)\s",
                       re.IGNORECASE)


def _head_of(run: DocumentView, v: NumberMention, places: Sequence[RegionMention]) -> RegionMention | None:
    """The place a value belongs to by layout: ``REGION (v1, v2)``, ``REGION(v)``, ``REGION: v``,
    ``REGION – v`` (FACTS.md, "Region in force": never a neighbouring item's region)."""
    m = next((m for m in reversed(places) if m.end <= v.start), None)  # the nearest place before
    if m is not None and v.start - m.end <= _HEAD_REACH and _HEAD_GAP.fullmatch(run.text, m.end, v.start):
        return m
    return None


def _in_place_after(run: DocumentView, v: NumberMention, places: Sequence[RegionMention]) -> RegionMention | None:
    """``v in REGION``: "increased by 0.3% in the EU (EU-27)" is the EU's, whatever came before."""
    after = [m for m in places if m.start >= v.end]
    if after and _IN_AFTER.fullmatch(run.text, v.end, after[0].start):
        return after[0]
    return None


def _owns_other_values(run: DocumentView, m: RegionMention, v: NumberMention) -> bool:
    """``Almaty (9,310)`` after the value, or "..., and the South West the lowest, 2.7%": the place's
    own figure follows it, so it is not this value's."""
    if m.start < v.end:
        return False
    if _OWN_PARENTHESIS.match(run.text, m.end) is not None:
        return True
    numbers = run.numbers
    j = bisect.bisect_left(numbers.starts, m.start) - 1  # the last number before the place
    if j >= 0 and (u := numbers.items[j]).start >= v.end and u.end <= m.start \
            and _AFTER_ITS_FIGURE.fullmatch(run.text, u.end, m.start):
        return True  # "..., against 46,4% at national level": the place of the figure right before it
    i = bisect.bisect_left(numbers.starts, m.end)
    if i == len(numbers.items):
        return False
    own = numbers.items[i]
    return (own.start - m.end <= _OWN_REACH and _STOP.search(run.text, m.end, own.start) is None
            and not run.regions.count_between(m.end, own.start))


_OWN_REACH = 40
_AFTER_ITS_FIGURE = re.compile(r"\s{0,2}(?:(?:at|in|for)\s{1,2})?")
_FIGURE_THEN = re.compile(r"\d\s{0,2}(?:%|percent|per\s+cent)?\s{0,2}(?:(?:at|in|for)\s{1,2})?\Z")
_STOP = re.compile(r"[.;:!?]\s|\band\b|\bwhile\b")


def _in_apposition(run: DocumentView, before: RegionMention, m: RegionMention) -> bool:
    """``Germany, the largest economy of the euro area, ...``: a place inside a phrase set off by
    commas after another place describes that place; the values are the first one's."""
    return (_APPOSITION_HEAD.fullmatch(run.text, before.end, m.start) is not None
            and _APPOSITION_END.match(run.text, m.end) is not None)


def _region_of(m: RegionMention) -> Region:
    return _new_region(m.text, m.start, m.end, m.code, m.name)


def home_region(run: DocumentView, sent: Sentence) -> Region | None:
    """The home country, as the sentence names it ("the country"), else as the document first did.
    Worked out once per sentence."""
    here = run.here
    if not here.home_done:
        here.home = sentence_home(run, sent, here.cues)
        here.home_done = True
    return here.home


def sentence_home(run: DocumentView, sent: Sentence, in_sentence: Sequence[LexiconMatch]) -> Region | None:
    home = run.home
    if home is None:
        return None
    end = min(sent.end, sent.start + 2 * REACH)
    cues = in_sentence if end == sent.end else run.cues.within(sent.start, end)
    for cue in cues:
        if cue.label == "HOME":
            return _new_region(cue.text, cue.start, cue.end, home.code, home.name)
    return _new_region(home.text, home.start, home.end, home.code, home.name)


def coordinated(run: DocumentView, places: list[RegionMention], v: NumberMention) -> list[RegionMention]:
    """"Kostanay, Pavlodar, Abai, North Kazakhstan and East Kazakhstan, accounting for 47.9%"."""
    if len(places) < 2:
        return []
    before = [m for m in places if m.end <= v.start and m.kind in ("region", "city")]
    if len(before) < 2:
        return []
    chain = [before[-1]]
    for m in reversed(before[:-1]):
        gap = run.text[m.end:chain[0].start]
        if _LIST_SEPARATOR.fullmatch(gap):
            chain.insert(0, m)
        else:
            break
    if len(chain) < 2:
        return []
    tail = run.text[chain[-1].end:v.start]
    if len(tail) > 60 or _DIGIT.search(tail):
        return []
    return chain



