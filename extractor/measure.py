"""Unit, measure and direction of a value: level, change, share or rate, and the sign words give.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .lexicon import LexiconMatch
from .numbers_lexicon import lexicon as number_lexicon
from .segments import Sentence
from .spans import HEAD_DASH, REACH, WORD, last_word
from .types import (
    Fact,
    IndicatorMention,
    NumberMention,
)

if TYPE_CHECKING:
    from .document import DocumentView

_PER_THOUSAND = re.compile(r"(?i)\bper\s+(?:1[ ,.\u00a0\u202f]?000|thousand)\b|‰")
_PER_THOUSAND_FRONTED = re.compile(r"(?i)\bper\s+(?:1[ ,.\u00a0\u202f]?000|thousand)\s+(?:of\s+the\s+)?"
                                   r"(?:population|people|inhabitants|residents)\b[^.;]{0,30}?\b(?:there\s+were|were)\s+"
                                   r"(?:[^.;]|(?<=\d)[.](?=\d))*\Z")  # "9.3 live births and 15.8 deaths"
# after a change noun: "Growth was highest in Oslo (4,360)"
_RANKED_AFTER_NOUN = re.compile(r"(?i)\s+(?:was|were)\s+(?:the\s+)?(?:highest|lowest|largest|smallest|strongest|"
                                r"weakest|biggest|greatest|fastest|slowest)\s+in\s+[^.;]*")
# (or after up to two words: "31 other buildings", "two power distribution companies")
_NEXT_WORDS_NOUN = re.compile(r"\s+(?:(?!(?:and|or|in|of|to|for|than|from|at|on|by|with|the|a|an|was|were|is|are)\b)"
                              r"[a-z]+\s+){0,2}(?!(?:and|or|in|of|to|for|than|months|years|weeks|days|quarters|times)\b)[a-z]{3,}s\b")
_DIRECTION_NOUNS = frozenset({"growth", "increase", "decline", "decrease", "drop", "fall", "rise", "gain", "loss",
                              "reduction", "contraction", "jump", "deflation"})
_LEVEL_VERBS = frozenset({"was", "is", "were", "are", "amounted", "amount", "to", "made", "make", "reached", "at",
                          "stood", "totaled", "totalled", "constituted", "equaled", "equalled", "came", "of", "up",
                          "has", "been", "had", "estimated", "in", "the", "quarter", "year"})
_MORE_THAN = re.compile(r"\s*(?:\w+\s+)?(?:more|fewer|less|higher|lower)\s+than\b")
_NEXT_WORDS = re.compile(r"\s*(?:\(|\s)*([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?(?:\s+([A-Za-z][\w-]*))?")
# Between two figures of the same change: "up 97,000, or 3.7%", "56 770 people, or 0.3%".
# "12 cents, or 0.3%", "4.7 percent at an annual rate, or $330.2 billion"
_OF_CHANGE = re.compile(r"(?i)\s+(?:people\s+|persons\s+|residents\s+)?of\s+(?:the|this|that|its)\s+"
                        r"(loss|decline|decrease|drop|fall|increase|growth|gain|rise)\b")
_CHANGE_NOUN_DIRECTION = {"loss": "decrease", "decline": "decrease", "decrease": "decrease", "drop": "decrease",
                          "fall": "decrease"}
_IN_BRACKET_AFTER = re.compile(r"(?:\s+[A-Za-z]+){0,2}\s*[,;]\s*")
_OR_AFTER = re.compile(r"(?:\s+[A-Za-z]+){0,4}\s*,?\s*(?:or|i\.e\.|that is)\s+(?:by\s+)?")
# A currency a few words after a scaled value: "7 946,4 mln. USD", "199 612,3 billion to soums".
_CURRENCY_AFTER = re.compile(r"\.?\s+(?:(?:to|of|in)\s+)?([A-Za-z]+)\b")
# "births exceeded deaths by", "departures outnumbered arrivals by": one flow over another is a balance.
_EXCEEDED = re.compile(r"(?i)\b(?:exceed(?:ed|s)?|outpaced|outnumbered|outstripped)\b[^.;]*\bby\s*$")
_NEXT_VALUE_AFTER_CUE = re.compile(r"\s*(?:by\s+)?[-+−]?[$€£]?\d")
_COMMA = re.compile(r"[,;]")
_CLOSES_ITEM = re.compile(r"\s*(?:,|;)?\s*(?:and|while|whereas|but)?\s*")
_PER_BEFORE = re.compile(r"(?i)\bper\s+[\d\s,.]*\Z")
# A demonym after a value counts people: "West Virginians", "Kazakhstanis", "New Zealanders".
_DEMONYM = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:ians|ans|ers|stanis|is|ese)\b")
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
# A change noun, what it is of, then a verb of level: the noun's value ("growth in total pay was 4.3%").
# (a year may stand in between: "the growth rate of GDP in comparison with the corresponding period of 2018 made")
_GROWTH_OF = re.compile(r"\s+(?:rate\s+)?(?:in|of|for)\s+(?:[^.;:%\d]|(?:19|20)\d\d){1,150}?\s"
                        r"(?:was|were|is|are|stood at|amounted to|reached|made)\s+")
_GROWTH_OF_REACH = 180
_UNIT_HEADER = re.compile(r",\s*([A-Za-z$€£]+)\s*:\s")
_HEADER_REACH = 300  # characters back from a value (bounded work per value in a long sentence)
_RATE_OF = re.compile(r"(?i)\b(?:rate|pace)\s+of\s+\Z")
_EASED_TO = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:to|at|was|is|of)\s+")
_EXCEEDS_FIGURE = re.compile(r"(?i)\bexceed(?:ing|ed|s)?\s+(?:the\s+|its\s+)?"
                             r"(?:figure|level|indicator|result|value|volume)\s+(?:of|for|in)\b")
_RANKED_AT = re.compile(r"(?:\s+(?:the|most|least|fastest|slowest|strongest|weakest|highest|lowest|quickest|"
                        r"sharpest|largest|smallest|more|less|only))*,?\s+(?:at|by)\s+")
_COPULAS = frozenset({"was", "were", "is", "are", "amounted", "made", "stood", "totaled", "totalled", "equaled"})
_MONEY_KINDS = frozenset({"money", "flow", "balance"})
_GAP_VERBS = _COPULAS | {"reached", "came", "has", "had", "accounted", "numbered", "constituted", "equalled"}
# The rest of a change's clause, then "and" and who the next value is of, with no verb of its own
# (a verb would bring its own cue): " residents and California ", ", and in Italy ", ", and for durable goods ".
# (scraped text loses the space after the comma: ",followed by Sunshine Coast(R)(2.9%)"; a local type
# code in brackets may follow the place; a comma alone before a capitalised item continues a list:
# "rose in Victoria (1.0 per cent), New South Wales (0.3 per cent)")
_GAPPED = re.compile(r"\)?[^\d.;:()%]{0,30}?(?:,\s*(?:(?:and|while|whereas|but|followed by)\s+|(?=[A-Z]))"
                     r"|\s+(?:and|while|whereas|but|followed by)\s+)(?:(?:in|for|of)\s+)?"
                     r"[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,4}?(?:\s*\([A-Z]{1,3}\))?(?:\s+(?:by\s+)?|\s*\(\s*)")
# A price index stated as a percent of its base ("100,9% compared to February") is at least this.
INDEX_LEVEL_FLOOR = 50.0


# "120% of the increase": a part of a whole, whatever its size
_PART_OF = re.compile(r"\s{0,2}(?:of|in)\s", re.IGNORECASE)
_OF_ITS_OWN = re.compile(r"\s{1,2}of\s+(?:its|their)\s", re.IGNORECASE)


def unit(run: DocumentView, v: NumberMention, info: dict[str, Any], evidence: list[str],
          sent: Sentence | None = None, lead: Sentence | None = None) -> str:
    if v.unit:
        evidence.append("unit_stated")
        own = info.get("unit")
        if v.unit == "person" and info.get("kind") == "rate" and own not in (None, "count", "person", "percent",
                                                                            "per_1000"):
            return str(own)  # "a fertility rate of 1.64 children per woman": the rate's own unit, not people
        if own == "count" and info.get("kind") == "event" and v.unit in run.ws["event_nouns"]:
            return "count"  # "6.18 million nights" spent are a count of nights; an average stay of "2.41 nights" is not
        return v.unit
    if info.get("kind") == "index" and abs(v.number) >= INDEX_LEVEL_FLOOR:
        evidence.append("unit_index")  # "The CPI index (2015=100) stood at 133.0": index points, not a percent
        return "index"
    if lead is not None and _PER_THOUSAND.search(run.text[lead.start:lead.end]):
        evidence.append("unit_lead_in")
        return "per_1000"  # "The highest birth rates ... (per 1,000 people):" then "– Turkistan region – 26,05"
    if sent is not None and _PER_THOUSAND_FRONTED.search(run.text, max(sent.start, v.start - 80), v.start):
        evidence.append("unit_lead_in")
        return "per_1000"  # "Per 1000 population there were 7,0 marriages and 1,8 divorces"
    if _per_thousand_in_bracket(run, v):
        evidence.append("unit_lead_in")
        return "per_1000"  # "(in calculation per 1000 population: births 8,9, deaths 12,5)"
    prev = run.ctx.prev_fact
    if prev is not None and prev.value.unit not in ("percent", "count", "times", "percentage_point") \
            and not _NEXT_WORDS_NOUN.match(run.text, v.end) \
            and not _named_between(run, prev.value.end, v.start):  # "..., and the number of facilities rose"
        evidence.append("unit_sibling")
        return prev.value.unit  # "Malta (41.0 per 1 000 residents), Ireland (19.5)"
    money = _CURRENCY_AFTER.match(run.text, v.end)
    if money and money.group(1) in run.assembler.currencies:
        evidence.append("unit_stated")  # "13 256,8 mln. USD", "amounted 199 612,3 billion to soums"
        return money.group(1).lower() if money.group(1).islower() else money.group(1)
    if sent is not None and v.unit is None:
        # "Average monthly nominal wage ..., manat: Mining 2 024,8"
        header = _UNIT_HEADER.search(run.text, max(sent.start, v.start - _HEADER_REACH), v.start)
        if header and header.group(1) in run.assembler.currencies:
            evidence.append("unit_lead_in")
            return header.group(1)
    if _DEMONYM.match(run.text, v.end):
        evidence.append("unit_people_noun")  # "1.77 million West Virginians", "10.2 thousand Kyrgyzstanis"
        return "person"
    words = _NEXT_WORDS.match(run.text, v.end)
    people = run.ws["people_nouns"]
    not_nouns = run.ws["not_count_nouns"]
    if words:
        following = [w.lower() for w in words.groups() if w]
        if any(w in people for w in following[:2]):
            evidence.append("unit_people_noun")
            return "person"
        if any(w in run.ws["event_nouns"] for w in following[:3]):
            evidence.append("unit_count_noun")  # "2,013.4 thousand international visitor trips": trips, not people
            return "count"
        if "indicator_adjacent" in evidence and info.get("unit"):
            evidence.append("unit_from_indicator")
            return str(info["unit"])  # "271 thousand 806 births": the noun is the indicator
        for w in following[:2]:  # "In 11 regions", "Nine services": a count of things
            if w in not_nouns:
                break
            if w.endswith("s") and len(w) > 3 and w.isalpha():
                evidence.append("unit_count_noun")
                return "count"
    if info.get("unit") == "count" and info.get("kind") in _MONEY_KINDS and prev is not None \
            and _is_currency(run, prev.value.unit):
        evidence.append("unit_sibling")  # "turnover made 4.1 billion US dollars, of which export - 1.1 billion"
        return prev.value.unit
    if info.get("unit"):
        evidence.append("unit_from_indicator")
        return str(info["unit"])
    evidence.append("unit_default")
    return "count"


def _is_currency(run: DocumentView, unit: str | None) -> bool:
    return unit is not None and unit in run.assembler.currency_units


# between two percents of one list: the first one's period or place, then a comma or "and" ("12.4% in the first
# quarter, 9.5% in the first half year and 7.7% ...")
_LIST_GAP = re.compile(r"(?i)\s*(?:(?:in|for|during|at|over)\s+(?:the\s+)?[\w\s-]{1,40}?)?\s*(?:,\s*and|,|;|and)\s*\Z")
# one bracketed item after another: "financial services (4.4%), construction (4.1%) and manufacturing (2.7%)"
_BRACKET_LIST_GAP = re.compile(r"(?i)\s*\)\s*(?:,\s*and|,|;|and)\s*[^\d().;:%]{1,60}?\(\s*\Z")


def _continues_change(run: DocumentView, v: NumberMention) -> str | None:
    """The direction of the change before ``v`` in its sentence when ``v`` only lists on from it: a percent
    after a percent change, with nothing between but the first one's period or place and a comma or "and"."""
    prev = run.ctx.prev_fact
    if prev is None or prev.measure != "change" or prev.value.unit != "percent" or prev.value.end > v.start:
        return None
    listed = _LIST_GAP.fullmatch(run.text, prev.value.end, v.start) or (_BRACKET_LIST_GAP.fullmatch(
        run.text, prev.value.end, v.start) and not any(  # "construction (4.1%) and manufacturing (2.7%)", not
        c.label == "SHARE" for c in run.cues.within(max(0, prev.value.start - 200), v.start)))  # "the largest shares"
    return prev.direction if listed else None


_FALLS_ON = re.compile(r"(?i)f[ae]ll(?:s|en)?\s+on\b")


def measure(run: DocumentView, v: NumberMention, sent: Sentence, lead: Sentence | None, clause: tuple[int, int],
             info: dict[str, Any], unit: str, survey: bool,
             evidence: list[str]) -> tuple[str, str | None, str]:
    direction_cue = run.cue_near(("DIRECTION",), v, clause)
    if direction_cue is not None and direction_cue.text.lower() in run.ws["not_direction_forms"]:
        direction_cue = None  # "highest", "remained high": lemmas of "higher"/"lower", but a rank or a state
    if direction_cue is not None and _FALLS_ON.match(run.text, direction_cue.start):
        direction_cue = None  # "the largest shares fell on textile products (38,2%)": where a share lies
    if direction_cue is not None and direction_cue.start >= v.end and _NEXT_VALUE_AFTER_CUE.match(
            run.text, direction_cue.end) and (_COMMA.search(run.text, v.end, direction_cue.start)
                                              or "(" in run.text[v.end:direction_cue.start]):
        direction_cue = None  # "worth $3.6billion, down 4.8%", "US$2,671.4 million(up 15.6 percent)": the next value's
    lead_direction = None
    if sent.list_item and lead is not None:
        lead_cues = [c for c in run.lead_mentions(lead).cues if c.label == "DIRECTION"]
        lead_direction = lead_cues[-1] if lead_cues else None

    side = _BELOW_ABOVE.match(run.text, v.end) if unit not in ("times", "per_1000") else None
    if side is not None and any(p.start == side.end() for p in run.here.periods):
        evidence.append("direction_cue")  # "the figure is 5,2% below 2014", "12% above the same period last year"
        return "change", "decrease" if side.group(1).lower() == "below" else "increase", "rule:change"
    if unit == "times":
        evidence.append("multiplier")
        comparative = _WORD_AFTER.match(run.text, v.end)
        word = comparative.group(1).lower() if comparative else ""
        if word in run.ws["comparative_decrease"] or word in run.ws["comparative_increase"]:
            # "1.4 times smaller": the comparative after the multiplier says which way
            return "change", "decrease" if word in run.ws["comparative_decrease"] else "increase", "rule:multiplier"
        direction = direction_cue.id if direction_cue else (lead_direction.id if lead_direction else "increase")
        return "change", direction, "rule:multiplier"
    if unit == "percentage_point":
        contributions = run.assembler.contribution_words
        if contributions.search(run.text, sent.start, sent.end) or (
                sent.list_item and lead is not None and contributions.search(run.text, lead.start, lead.end)):
            # "food added 0.39 percentage points", or a list under "The contributions ... were:": a share of growth
            evidence.append("contribution")
            return "share", None, "rule:share"
        if direction_cue is not None:
            return "change", direction_cue.id, "rule:change"
        if v.number < 0:
            return "change", "decrease", "rule:change"  # "(−0.6 points)"
        elided = _elided_direction(run, v, sent, clause)  # "fell sharply, by 2.1 points"
        if elided is not None:
            evidence.append("direction_elided")
            return "change", elided, "rule:change"
        return "change", "increase", "rule:change"
    if unit == "per_1000":
        # FACTS.md: "a per-N rate (a birth rate of 17.9 per 1,000) is a rate (unit per_1000)".
        return "rate", None, "rule:rate"
    before = _before_qualifier(run, v)  # "increased by more than 130 thousand": the link is "by"
    link = last_word(run.text, max(clause[0], before - 40), before).lower()
    level_to = link in run.w["level_links"] or bool(run.cue_near(("LEVEL_TO",), v, clause, max_gap=1))
    kind = info.get("kind")
    earlier = _earlier_level(run, v, sent, link)
    if earlier is not None:
        evidence.append("level_from")  # "made up 35.7 percent, down from 43.9 percent in the March 2023 quarter"
        prev = run.ctx.prev_fact
        return earlier, prev.direction if earlier == "change" and prev is not None else None, f"rule:{earlier}"
    exceeded = link == "by" and _EXCEEDED.search(run.text, clause[0], v.start) is not None
    if link == "by" and _EXCEEDS_FIGURE.search(run.text, max(clause[0], v.start - 120), v.start):
        evidence.append("direction_cue")  # "exceeding the figure of January-June 2023 by 317.7 million"
        return "change", "increase", "rule:change"
    if kind == "balance" and unit == "person" and (
            negative_cue(run, v, clause) or link in run.ws["balance_verbs"] or exceeded):
        # "losing 32,970 people", "natural increase added 7,900", "births outpaced deaths by 504,000": a balance
        return "level", None, "rule:level"
    if unit != "percent" and _share_before(run, v, clause):
        evidence.append("part_of_whole")  # "Net domestic migration accounted for 186,767 of the gain"
        noun = _OF_CHANGE.match(run.text, v.end)
        if noun is not None and kind == "stock":
            # "Rural districts accounted for 2,600 of the loss": the change of the part's own stock
            return "change", _CHANGE_NOUN_DIRECTION.get(noun.group(1).lower(), "increase"), "rule:change"
        return "level", None, "rule:level"
    same = _restates_change(run, v)
    if same is not None:
        evidence.append("change_restated")  # "increased by 56 770 people, or 0.3%"
        return "change", same, "rule:change"
    index_level = kind in ("index", "volume_index") and abs(v.number) >= INDEX_LEVEL_FLOOR  # "made up 107,1%"
    own_lost = direction_cue is not None and direction_cue.end <= v.start and cue_adjacent(run, direction_cue, v) \
        and _OF_ITS_OWN.match(run.text, v.end) is not None  # "lost 1.9 per cent of their population": a change
    if unit == "percent" and not index_level and kind != "rate" and not own_lost and (
            _share_before(run, v, clause)
            or run.text[v.end:v.end + 12].lower().lstrip().startswith(run.assembler.share_after)):
        evidence.append("share_cue")  # "accounted for 83.1% of the growth": the growth is what it is a share of
        return "share", None, "rule:share"
    rate_moved = direction_cue is None or (direction_cue.end <= v.start
                                           and direction_cue.text.lower() not in _DIRECTION_NOUNS)
    if kind == "index" and unit == "percent" and abs(v.number) < INDEX_LEVEL_FLOOR and rate_moved \
            and (level_to or link in ("from", "at", "was", "were", "is", "of")):
        # not "3.9% cheaper" (the word after is the change's) nor "the drop amounted to 2.6%" (a noun)
        # "slowed to 9.3%", "down from 2.2% in October": the words move the rate; prices still rose
        evidence.append("price_rate")
        return "change", "decrease" if v.number < 0 else "increase", "rule:change"
    if v.explicit_sign and v.text.lstrip()[:1] == "+" and kind not in ("balance", "rate") and not level_to:
        evidence.append("signed_change")  # "Astana (+14 870 people)": a gain
        return "change", "increase", "rule:change"
    if direction_cue is not None and direction_cue.end <= v.start and (level_to or link in _COPULAS) \
            and direction_cue.text.lower() in _DIRECTION_NOUNS and only_level_words(run, direction_cue, v):
        evidence.append("direction_noun")
        return "change", direction_cue.id, "rule:change"  # "real GDP growth amounted to 10.0%"
    if v.explicit_sign and direction_cue is not None and info.get("kind") not in ("balance", "rate") \
            and not level_to and direction_cue.id == ("decrease" if v.number < 0 else "increase"):
        evidence.append("signed_change")  # "It decreased in British Columbia (-11,000; -0.4%)": sign and word agree
        return "change", direction_cue.id, "rule:change"
    # a signed count is a change only of a stock ("Employment ... British Columbia (-11,000; -0.4%)"); of
    # a flow or an event it may be a balance the lexicon does not know as one
    if v.explicit_sign and direction_cue is None and info.get("kind") not in ("balance", "rate") \
            and (unit not in ("person", "count") or info.get("kind") == "stock") and not level_to:
        evidence.append("signed_change")
        return "change", "decrease" if v.number < 0 else "increase", "rule:change"  # "(+26.1%)"
    if direction_cue is None and not level_to and link == "by":
        elided = _elided_direction(run, v, sent, clause)
        if elided is not None:
            evidence.append("direction_elided")
            return "change", elided, "rule:change"  # "for non-food products – by 0,6%"

    ranked = _ranked_change(run, v, clause) if level_to or direction_cue is None else None
    if ranked is not None:
        evidence.append("direction_cue")  # "grew the slowest at 0.9%", "rose the most, by 2.1%"
        return "change", ranked, "rule:change"
    noun = _ranked_noun(run, v, sent) if unit != "percent" and kind != "balance" else None
    if noun is not None:
        evidence.append("direction_noun")  # "Growth was highest in Oslo (4,360)": the growth's figure
        return "change", noun.id, "rule:change"
    linked = direction_cue is not None and not level_to and (
        link in run.w["change_links"] or cue_adjacent(run, direction_cue, v)
        or (unit == "percent" and info.get("kind") != "rate"))
    if linked and direction_cue is not None:
        evidence.append("direction_cue")
        return "change", direction_cue.id, "rule:change"
    if unit == "percent":
        share_cue = run.cue_near(("SHARE",), v, clause, max_gap=8)
        after = run.text[v.end:min(clause[1], v.end + 60)].lower().lstrip()
        # any of them; "the unemployment rate stood at 8.9% of the labour force" names the rate's base
        share_after = after.startswith(run.assembler.share_after) and kind != "rate"
        if (share_cue is not None or share_after) and not index_level and kind != "rate":
            evidence.append("share_cue")
            return "share", None, "rule:share"
        if info.get("kind") == "index" and abs(v.number) < INDEX_LEVEL_FLOOR and not lead_direction:
            # "annual inflation was 6.1%", "inflation slowed to 9.3%": a price index's rate is a change
            # (FACTS.md); "the CPI was 100.9% of February's" is the index's own level.
            evidence.append("price_rate")
            return "change", "decrease" if v.number < 0 else "increase", "rule:change"
        if info.get("kind") in ("rate", "index", "volume_index") and not lead_direction:
            evidence.append("rate_indicator")
            return "level", None, "rule:level"
        if lead_direction is not None:
            evidence.append("direction_lead_in")
            return "change", lead_direction.id, "rule:list_item"
        continued = _continues_change(run, v)
        if continued is not None:
            evidence.append("direction_listed")  # "increased by 12.4% in the first quarter, 9.5% in the first half"
            return "change", continued, "rule:change"
        if _change_subject(run, v, clause):
            evidence.append("direction_noun")  # "The percent change in personal income ranged from 6.2 percent"
            return "change", "decrease" if v.number < 0 else "increase", "rule:change"
        noun = _growth_noun(run, v, sent) or _colon_lead_noun(run, v, sent) or _superlative_noun(run, v, sent)
        if noun is not None:
            evidence.append("direction_noun")  # "Annual growth in average earnings for regular pay was 4.8%"
            return "change", noun.id, "rule:change"
        if survey:
            return "share", None, "rule:share"
        ranked = _ranked_after(run, v, sent)
        if ranked is not None:
            evidence.append("direction_ranked")  # "... grew by 2.2 percent. Nevada (2.0 percent), Utah (1.9 percent)"
            return "change", ranked, "rule:change"
        if abs(v.number) > 100 and not _PART_OF.match(run.text, v.end):
            evidence.append("percent_index_level")  # "the average wage made 108,1%": no share is over 100%
            return "level", None, "rule:level"
        evidence.append("percent_default_share")
        return "share", None, "rule:share"
    if direction_cue is not None and not level_to and (link == "by" or more_than_after(run, v)):
        evidence.append("direction_cue")
        return "change", direction_cue.id, "rule:change"
    if lead_direction is not None and direction_cue is None and not level_to and info.get("kind") != "balance":
        evidence.append("direction_lead_in")  # "The largest population growth ... regions:", "- Astana – 21 948"
        return "change", lead_direction.id, "rule:list_item"
    return "level", None, "rule:level"


def cue_adjacent(run: DocumentView, cue: LexiconMatch, v: NumberMention) -> bool:
    """"a 75.5% drop", "up 1.5 times", "a sharp decline of 67.9%": only filler words between."""
    lo, hi = (cue.end, v.start) if cue.end <= v.start else (v.end, cue.start)
    words = run.words_between(lo, hi)
    filler = run.ws["filler"]
    return len(words) <= 4 and all(w in filler for w in words)


def only_level_words(run: DocumentView, cue: LexiconMatch, v: NumberMention) -> bool:
    """"growth amounted to 10.0%", "growth in Georgia was 10.0%": the noun's value, stated as a level."""
    if v.start - cue.end > 80 or run.numbers.count_between(cue.end, v.start):
        return False
    words = WORD.findall(run.text[cue.end:v.start])
    allowed = _LEVEL_VERBS | run.ws["filler"]
    unknown = [w for w in words if w.lower() not in allowed]
    return len(words) <= 8 and all(w[:1].isupper() for w in unknown)  # only place names between


def _growth_noun(run: DocumentView, v: NumberMention, sent: Sentence) -> LexiconMatch | None:
    """A change noun heading the clause the value completes through what it is of and a verb of
    level: "growth in employees' average earnings for regular pay (excluding bonuses) was 4.8%"."""
    lo = max(sent.start, v.start - _GROWTH_OF_REACH)
    spans_of_time = number_lexicon(run.assembler.patterns_dir).time_unit_values  # "two years", "six months"
    for cue in reversed(run.cues.within(lo, v.start)):
        if cue.label == "DIRECTION" and cue.text.lower() in _DIRECTION_NOUNS:
            if (_GROWTH_OF.fullmatch(run.text, cue.end, v.start) or (
                    _RATE_OF.search(run.text, max(lo, cue.start - 10), cue.start)
                    and _EASED_TO.fullmatch(run.text, cue.end, v.start))) \
                    and all(n.unit in spans_of_time for n in run.numbers.within(cue.end, v.start)):
                # (a span of time between is no other value: "the average growth of the two years 2020-2021 was")
                return cue  # "growth in ... was 4.8%", "The rate of decline eased to 0.14%"
            return None
    return None


def _ranked_noun(run: DocumentView, v: NumberMention, sent: Sentence) -> LexiconMatch | None:
    """A change noun ranking the places after it, in the same clause: "Growth was highest in Oslo (4,360),
    Viken (5,125) ..." (a noun inside an indicator, "natural decrease", is no cue)."""
    lo = max(sent.start, v.start - 80)
    nouns = [c for c in run.cues.within(lo, v.start) if c.label == "DIRECTION" and c.text.lower() in _DIRECTION_NOUNS]
    return nouns[-1] if nouns and _RANKED_AFTER_NOUN.fullmatch(run.text, nouns[-1].end, v.start) else None


def _change_subject(run: DocumentView, v: NumberMention, clause: tuple[int, int]) -> bool:
    """Whether a percent-change noun heads the value's clause, with no direction or share word between."""
    lo = max(clause[0], v.start - 150)
    found = list(run.assembler.change_subject.finditer(run.text, lo, v.start))
    return bool(found) and not any(c.label in ("DIRECTION", "SHARE") for c in run.cues.within(found[-1].end(), v.start))


_SUPERLATIVE_REACH = 300
# ("the highest growth in the year was ...")
_SUPERLATIVE_NOUN_TO_ITEMS = re.compile(r"(?i)\s+(?:(?:in|during|over)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?"
                                        r"(?:was|were)\s+(?:(?:noted|recorded|observed|registered|seen)\s+)?"
                                        r"(?:in\s+)?(?:[^.;:]|(?<=\d)\.(?=\d))*")  # (a decimal point is no stop)


def _superlative_noun(run: DocumentView, v: NumberMention, sent: Sentence) -> LexiconMatch | None:
    """A change noun after a superlative, heading the items its values follow: "The states with the fastest
    growth were Washington (6.2 percent), Utah (5.9 percent)", "the highest growth was noted in information and
    communication – 19,8%" (no share word, nor another direction word, between the noun and the value)."""
    nouns = [c for c in run.cues.within(max(sent.start, v.start - _SUPERLATIVE_REACH), v.start)
             if c.label == "DIRECTION"]  # (bounded work per value, however long the sentence)
    if not nouns or nouns[-1].text.lower() not in _DIRECTION_NOUNS:
        return None
    noun = nouns[-1]
    before = run.text[max(sent.start, noun.start - 30):noun.start].lower().split()[-2:]
    if not any(w in run.ws["superlative_words"] for w in before):
        return None
    if not _SUPERLATIVE_NOUN_TO_ITEMS.fullmatch(run.text, noun.end, v.start) \
            or any(c.label == "SHARE" for c in run.cues.within(noun.end, v.start)):
        return None
    return noun


def _colon_lead_noun(run: DocumentView, v: NumberMention, sent: Sentence) -> LexiconMatch | None:
    """A change noun in the lead-in before a colon, for the items after it: "The growth of value added was
    provided in all sectors: in industry it made 5,8 percent, in construction – 4,1 percent"."""
    colon = run.text.rfind(":", sent.start, v.start)
    if colon < 0 or run.numbers.count_between(sent.start, colon):
        return None
    nouns = [c for c in run.cues.within(sent.start, colon)
             if c.label == "DIRECTION" and c.text.lower() in _DIRECTION_NOUNS]
    return nouns[-1] if nouns else None


def more_than_after(run: DocumentView, v: NumberMention) -> bool:
    after = run.text[v.end:v.end + 40].lower()
    return _MORE_THAN.match(after) is not None


def negative_indicator(run: DocumentView, indicator: IndicatorMention) -> bool:
    rows = [m for m in run.indicators.within(indicator.start, indicator.end)
            if (m.start, m.end) == (indicator.start, indicator.end)]
    return any(m.negative for m in rows)


def _per_thousand_in_bracket(run: DocumentView, v: NumberMention) -> bool:
    """Whether the value sits in a bracket whose lead-in says "per 1000 ...:" before it."""
    lo = max(0, v.start - _BRACKET_REACH)
    opened = run.text.rfind("(", lo, v.start)
    if opened < 0 or run.text.find(")", opened, v.start) >= 0:
        return False
    colon = run.text.find(":", opened, v.start)
    return colon >= 0 and _PER_THOUSAND.search(run.text, opened, colon) is not None


_BRACKET_REACH = 120


def _before_qualifier(run: DocumentView, v: NumberMention) -> int:
    """Where the words before the value end once its qualifier ("more than", "about") is left out."""
    if v.qualifier is None:
        return v.start
    # the pattern the number reader found the qualifier with (patterns/numbers.yaml, compiled once)
    found = number_lexicon(run.assembler.patterns_dir).qualifier_re.search(run.text, max(0, v.start - 30), v.start)
    return found.start() if found else v.start


def _earlier_level(run: DocumentView, v: NumberMention, sent: Sentence, link: str) -> str | None:
    """The measure of the earlier figure in "rose to 5.2%, up from 4.9%", "made up 35.7 percent, down
    from 43.9 percent": the same as the sentence's figure before it, a level, share or rate."""
    prev = run.ctx.prev_fact
    compared = link == "from" or run.text[max(sent.start, v.start - 20):v.start].rstrip().lower().endswith(
        _COMPARED_WITH_ENDS)  # "a €23.6 bn surplus ..., compared with +€7.7 bn in February 2023"
    if not compared or prev is None or prev.measure not in ("level", "share", "rate", "change") \
            or prev.value.end < sent.start or prev.value.unit != v.unit:
        return None
    return prev.measure


_BELOW_ABOVE = re.compile(r"(?i)\s+(below|above)\s+(?:that\s+of\s+|the\s+level\s+of\s+)?(?:the\s+)?")
_COMPARED_WITH_ENDS = ("compared with", "compared to", "against", "versus", "as against")


def _ranked_after(run: DocumentView, v: NumberMention, sent: Sentence) -> str | None:
    """The direction of the change before, for a bracketed percent after a place in the next sentence that
    ranks places after it ("Idaho's population grew by 2.2 percent ... Nevada (2.0 percent), Utah (1.9 percent)
    ... rounded out the top five"); not after a share of the same sentence ("China (78,3% of the turnover),
    Mongolia (7,6%)")."""
    last = run.ctx.last_percent_change
    prev = run.ctx.prev_fact
    if last is None or last.direction is None \
            or not _place_bracket(run, v, sent) \
            or (prev is not None and prev.measure == "share" and prev.value.start >= sent.start) \
            or run.cues.count_between(sent.start, sent.end) and any(
                c.label in ("DIRECTION", "SHARE") for c in run.cues_in((sent.start, sent.end))):
        return None
    return last.direction if last.value.end >= sent.start - _RANK_REACH else None


_PLACE_BRACKET = re.compile(r"\s*\(\s*")


def _place_bracket(run: DocumentView, v: NumberMention, sent: Sentence) -> bool:
    """Whether the value opens a bracket right after a place: "Nevada (2.0 percent)"."""
    places = run.regions.within(max(sent.start, v.start - 60), v.start)
    return bool(places) and _PLACE_BRACKET.fullmatch(run.text, places[-1].end, v.start) is not None
_RANK_REACH = 400


def _ranked_change(run: DocumentView, v: NumberMention, clause: tuple[int, int]) -> str | None:
    """The direction of "grew the slowest at 0.9%": a verb of change, a superlative, then the value."""
    skip = run.ws["not_direction_forms"]
    for cue in reversed(run.cues_in(clause)):
        if cue.end <= v.start and cue.label == "DIRECTION" and cue.text.lower() not in skip:
            return cue.id if _RANKED_AT.fullmatch(run.text, cue.end, v.start) else None
    return None


def _elided_direction(run: DocumentView, v: NumberMention, sent: Sentence, clause: tuple[int, int]) -> str | None:
    """The direction of a change stated before "by" in an earlier clause: "fell sharply, by 2.1 points",
    "for non-food products – by 0,6%"."""
    if last_word(run.text, max(clause[0], v.start - 40), v.start).lower() != "by":
        return None
    earlier = [c for c in run.cues.within(max(sent.start, v.start - REACH), v.start) if c.label == "DIRECTION"]
    return earlier[-1].id if earlier else None


def negative_cue(run: DocumentView, v: NumberMention, clause: tuple[int, int]) -> bool:
    cue = run.cue_near(("NEGATIVE",), v, clause, max_gap=2)
    return cue is not None and cue.end <= v.start


def area(run: DocumentView, v: NumberMention, clause: tuple[int, int], key: str | None) -> str | None:
    if key not in ("population", "urban_population", "rural_population"):
        return None
    if key != "population":
        return key.split("_")[0]
    cue = run.cue_near(("AREA",), v, clause, max_gap=12)
    if cue is None:  # "including urban – 12 520 634 people": the dash ends the clause, not the item
        cue = next((c for c in run.cues.within(max(0, v.start - 20), v.start)
                    if c.label == "AREA" and HEAD_DASH.fullmatch(run.text, c.end, v.start)), None)
    if cue is not None and cue.end <= v.start and _CLOSES_ITEM.fullmatch(run.text, cue.end, v.start):
        # "12 456 110 lived in urban areas and 7 634 206 in rural areas": the cue ends the item before
        after = [c for c in run.cues_in(clause) if c.label == "AREA" and c.start >= v.end]
        return after[0].id if after else None
    return cue.id if cue else None





def gapped(run: DocumentView, v: NumberMention, unit: str) -> Fact | None:
    """The change before this value when this one stands for its verb (gapping): "New York lost
    101,984 residents and California 75,423", "the increase was 0.2%, and in Italy 0.3%", "trade
    increased by 11.5% and financial activities by 15.2%"."""
    prev = run.ctx.prev_fact
    if prev is None or prev.measure != "change" or prev.value.unit != unit:
        return None
    if not _GAPPED.fullmatch(run.text, prev.value.end, v.start) or run.cues.count_between(prev.value.end, v.start):
        return None  # "down 4.8%, and shipments to China made up 29%": a verb of its own
    words = run.text[prev.value.end:v.start].lower().split()
    return None if _GAP_VERBS.intersection(words) else prev


def _restates_change(run: DocumentView, v: NumberMention) -> str | None:
    """The direction of the change this value restates in other terms: "up 97,000 or 3.7%",
    "increased by 56 770 people, or 0.3%"."""
    prev = run.ctx.prev_fact
    if prev is None or prev.measure != "change" or prev.direction is None:
        return None
    if _OR_AFTER.fullmatch(run.text, prev.value.end, v.start) is None and not (
            v.unit == "percent" and prev.value.unit != "percent" and _IN_BRACKET_AFTER.fullmatch(
                run.text, prev.value.end, v.start) and "(" in run.text[max(0, prev.value.start - 2):prev.value.start]):
        return None  # "(+127 thousand persons, 6.0%)": the bracket gives the change in both terms
    return prev.direction


def _share_before(run: DocumentView, v: NumberMention, clause: tuple[int, int]) -> bool:
    """A share word right before the value: "accounted for 83.1%", "made up the remaining 16.9%"."""
    cue = run.cue_near(("SHARE",), v, clause, max_gap=3)
    return cue is not None and cue.end <= v.start


def _named_between(run: DocumentView, start: int, end: int) -> bool:
    """Whether an indicator is named between two values ("per 1 000 residents", a rate's base, is not)."""
    if not run.indicators.count_between(start, end):
        return False
    named = run.indicators.within(start, end)
    return any(not _PER_BEFORE.search(run.text, max(0, m.start - 14), m.start) for m in named)
