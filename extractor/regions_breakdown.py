"""Places named in a sentence that breaks a figure down by place.

"By city, the strongest growth was recorded in Bandung (10.4 percent) and Manado (8.2 percent), while
sales in Semarang contracted 3.5 percent": the lead-in says the capitalised names after it are places,
though no gazetteer knows them. A name counts where a place stands in such a sentence: after "in", "at"
or "of", before its figure ("Betim (6,1%)", "Mianyang 3,6%"), or opening the clause after the lead-in
("Among the municipalities, Belo Horizonte concentrated 16,3%"). The places found have no code (FACTS.md:
``code: null`` and the name) and belong to the text's country. The words are ``patterns/regions/
breakdown.yaml``.

A table of places does the same for the whole text: "Births by district, 2022 (...): Chennai 58,140 ..." makes
Chennai a place where the prose names it too ("Chennai recorded the most births").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from pathlib import Path

from .errors import PatternError
from .resources import _resolve as resource_path
from .resources import load_yaml
from .types import RegionMention

BREAKDOWN = "regions/breakdown.yaml"


@functools.cache
def _rules(patterns_dir: Path | None) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str]]:
    """(lead-in, name, city units, words that are no place) from ``breakdown.yaml``."""
    data = load_yaml(BREAKDOWN, base=patterns_dir) or {}
    try:
        leads = [str(w) for w in data["lead_words"]]
        cities = [str(w) for w in data["city_units"]]
        units = cities + [str(w) for w in data["region_units"]]
        stop = frozenset(str(w) for w in data["not_places"])
        particles = [str(w) for w in data["name_particles"]]
    except (KeyError, TypeError) as exc:
        raise PatternError(resource_path(BREAKDOWN, patterns_dir), None, f"needs {exc}") from exc
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    # ("Among the 21 cities (prefectures), the CPI of Chengdu increased by 3,1%": a count may stand before the unit)
    lead = re.compile(rf"(?:^|(?<=[.!?;]\s)|(?<=\.))[ \t]*(?:{alt(leads)})\s+(?:\d{{1,3}}\s+)?"
                      rf"(?P<unit>{alt(units)})\b", re.M)
    word = r"[A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)*"
    name = re.compile(rf"(?<![\w-]){word}(?:\s(?:(?:{alt(particles)})\s)?{word}){{0,3}}")
    return lead, name, frozenset(cities), stop


_IN_BEFORE = re.compile(r"(?:\bin|\bat|\bof|,)\s*(?:the\s)?$")
_FIGURE_AFTER = re.compile(r"\s?(?:\(\s?|[–—-]\s)?[-+−–]?\d")
_SENTENCE_REACH = 400  # characters a breakdown sentence is read for its places (a hostile line stays linear)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z]|\s*$)(?<!\d\.)")


def breakdown_places(text: str, found: list[RegionMention], country: str,
                     patterns_dir: Path | None = None) -> list[RegionMention]:
    """Places with no code in the text's breakdown sentences, where no place was found already."""
    lead, name, cities, stop = _rules(patterns_dir)
    if not any(w in text for w in ("By ", "Among ", "Across ", "In terms of ")):
        return []
    covered = sorted((m.start, m.end) for m in found)
    out: list[RegionMention] = []
    for m in lead.finditer(text):
        kind = "city" if m.group("unit") in cities else "region"
        rest_start = m.end()
        line_end = text.find("\n", rest_start, rest_start + _SENTENCE_REACH)
        line_end = min(len(text), rest_start + _SENTENCE_REACH) if line_end < 0 else line_end
        end = _SENTENCE_END.search(text, rest_start, line_end)
        stop_at = end.start() if end else line_end
        for n in name.finditer(text, rest_start, stop_at):
            words = n.group().split()
            if words[0] in stop or any(s < n.end() and n.start() < e for s, e in covered):
                continue
            before = text[max(rest_start, n.start() - 8):n.start()]
            if _IN_BEFORE.search(before) or _FIGURE_AFTER.match(text, n.end()):
                out.append(RegionMention(n.group(), n.start(), n.end(), None, n.group(), kind, country))
    return out


def table_row_places(text: str, rows: list[RegionMention], found: list[RegionMention], country: str,
                     values: Sequence[int] = ()) -> list[RegionMention]:
    """The places a table of places names by its rows' labels (no code), where the prose names them again in a line
    with a value (``values``: the values' starts, in order) and no place was found there: "Lerwick, with around
    6,950 residents" under "Population by area ...: Lerwick 6,950"."""
    names = {}
    for row in rows:
        name = row.text.strip()
        name = name[4:] if name.startswith(("The ", "the ")) else name  # "The Nilgiris" is "the Nilgiris" in prose
        if _ROW_NAME.fullmatch(name):
            names[name] = row.kind
    if not names:
        return []
    taken = sorted((m.start, m.end) for m in [*found, *rows])
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r")(?![\w-])")
    out = []
    headline = text.find("\n\n")  # (not in the headline: a place it names beside the subject makes it two)
    for m in pattern.finditer(text, max(0, headline)):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        at = bisect.bisect_left(values, line_start)
        if at == len(values) or values[at] >= line_end:
            continue  # a line with no value (a dateline: "..., Novi Sad, 16.01.2012") names no place of one
        if _IN_A_NAME.search(text, max(0, m.start() - 40), m.start()):
            continue  # "the Branch Novi Sad": the office's name, not the town
        if text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")":
            continue  # "The National Capital Region (NCR)": the short name of the place before it
        if not any(s < m.end() and m.start() < e for s, e in taken):
            out.append(RegionMention(m.group(), m.start(), m.end(), None, m.group(), names[m.group()], country))
    return out


_DIGIT_IN = re.compile(r"\d")
# a capitalised word before, mid-sentence, that is no function word ("the Branch Novi Sad", not "In Wau")
_IN_A_NAME = re.compile(r"(?<![.!?:\n]\s)(?<!\n)(?<!\A)\b(?!(?:In|At|On|By|For|From|To|The|And|Of|With|As|While|But|"
                        r"Than|Like|Unlike|Both|Only|Even)\s)[A-Z][a-z]+\s\Z")
_ROW_NAME = re.compile(r"[A-Z][^\W\d_]+(?:[ '’-][^\W\d_]+){0,3}")  # "Central Mainland", not "city)"
