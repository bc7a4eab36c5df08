"""Slot filling for the region: where a value is measured, and the partner of a flow.

Own clause first, then the list or lead-in it sits in, then the region in force (the subject of the
title, lead or paragraph), else the home country. A place people come from or go to is a partner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .lexicon import LexiconMatch
from .segments import Sentence
from .spans import REACH, cheapest
from .types import (
    NumberMention,
    Region,
    RegionMention,
    _new_region,
)

if TYPE_CHECKING:
    from .document import DocumentView

_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*)?(?:and\s+|or\s+)?")  # between the places of a list
_DIGIT = re.compile(r"\d")
_PARTNER_ANAPHOR = re.compile(r"\bthese countries\b|\bthem\b")


def region(run: DocumentView, v: NumberMention, sent: Sentence, lead: Sentence | None, values: list[NumberMention],
            breaks: list[int], info: dict[str, Any],
            evidence: list[str]) -> tuple[RegionMention | None, Region | None, str | None]:
    home = run.home
    flow = info.get("kind") == "flow" or bool(info.get("flow"))
    mentions = run.near(run.regions, run.here.regions, v, sent)
    partners = []
    places = []
    if not flow:
        places = list(mentions)  # only a flow has partners
    else:
        for m in mentions:
            foreign = home is not None and m.code != home.code and (m.country or m.code) != home.code
            if foreign and m.kind in ("country", "group"):
                partners.append(m)
            else:
                places.append(m)
    partner = None
    if partners:
        partner = cheapest(partners, lambda m: run.attach_cost(m.start, m.end, v, breaks, values))
        run.ctx.partner = partner
    elif flow and run.ctx.partner is not None \
            and _PARTNER_ANAPHOR.search(run.text[max(sent.start, v.start - REACH):v.end]):
        partner = run.ctx.partner
    # Several regions named together with one value: the country, with the list as a breakdown.
    group = coordinated(run, places, v)
    if group:
        evidence.append("region_list")
        codes = ",".join(m.code for m in group)
        region = home_region(run, sent)
        return partner, region, codes
    if places:
        best = cheapest(places, lambda m: run.attach_cost(m.start, m.end, v, breaks, values))
        evidence.append("region_sentence")
        return partner, _new_region(best.text, best.start, best.end, best.code, best.name), None
    anaphor = [c for c in run.near(run.cues, run.here.cues, v, sent) if c.label == "ANAPHOR"]
    if anaphor and run.ctx.last_place is not None:
        m = run.ctx.last_place  # "the unemployment rate in the province was 5.8%"
        evidence.append("region_anaphor")
        return partner, _new_region(m.text, m.start, m.end, m.code, m.name), None
    if lead is not None:
        lead_places = [m for m in run.lead_mentions(lead).regions
                       if home is None or m.code == home.code or m.country == home.code]
        if lead_places:
            m = lead_places[-1]
            evidence.append("region_lead_in")
            return partner, _new_region(m.text, m.start, m.end, m.code, m.name), None
    evidence.append("region_home")
    return partner, home_region(run, sent), None


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



