"""Places named in a sentence that breaks a figure down by place.

"By city, the strongest growth was recorded in Bandung (10.4 percent) and Manado (8.2 percent), while
sales in Semarang contracted 3.5 percent": the lead-in says the capitalised names after it are places,
though no gazetteer knows them. A name counts where a place stands in such a sentence: after "in" or
"at", before its figure in brackets ("Betim (6,1%)"), or opening the clause after the lead-in
("Among the municipalities, Belo Horizonte concentrated 16,3%"). The places found have no code (FACTS.md:
``code: null`` and the name) and belong to the text's country. The words are ``patterns/regions/
breakdown.yaml``.
"""

from __future__ import annotations

import functools
import re
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
    lead = re.compile(rf"(?:^|(?<=[.!?;]\s)|(?<=\.))[ \t]*(?:{alt(leads)})\s+(?P<unit>{alt(units)})\b", re.M)
    word = r"[A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)*"
    name = re.compile(rf"(?<![\w-]){word}(?:\s(?:(?:{alt(particles)})\s)?{word}){{0,3}}")
    return lead, name, frozenset(cities), stop


_IN_BEFORE = re.compile(r"(?:\bin|\bat|,)\s*(?:the\s)?$")
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
