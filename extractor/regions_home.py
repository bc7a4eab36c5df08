"""Place names read for the country a text is about, once the linking stage knows it.

Two readings the gazetteer cannot make on its own, because they depend on that country:

* a name several countries' subdivisions share ("Western Province": Zambia, Papua New Guinea,
  Rwanda, Sri Lanka ...) is the home country's when it has one by that name;
* a plain row label of a table by place ("Regional inflation rates (%): Western 9.7 Central 8.9
  Upper East 12.6") is the home country's subdivision of that name. Such names are too plain to be
  places anywhere in prose ("Central Bank", "Eastern Europe"), so they are looked up only there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

import pycountry

from .regions import _fold, _lexicon, _subdivision_names
from .resources import patterns_dir as _shipped_patterns_dir
from .types import RegionMention

# A type word a row label may carry that pycountry's name does not ("Greater Accra Region").
_TYPE_WORDS = frozenset({"region", "province", "oblast", "district", "county", "state", "governorate",
                         "department", "prefecture", "canton", "territory", "municipality", "aimag"})


def _base(patterns_dir: Path | None) -> Path:
    return (Path(patterns_dir) if patterns_dir is not None else _shipped_patterns_dir()).resolve()


def prefer_home(regions: Sequence[RegionMention], country: str,
                patterns_dir: Path | None) -> list[RegionMention]:
    """The places found, a subdivision name shared by several countries read as the home country's."""
    places = _lexicon(_base(patterns_dir)).places
    out = []
    for m in regions:
        if m.alternatives and m.kind != "country" and m.country != country:
            home = next((a for a in m.alternatives if a in places and places[a].country == country
                         and places[a].kind != "country"), None)
            if home is not None:
                place = places[home]
                m = RegionMention(m.text, m.start, m.end, home, place.name, place.kind, place.country,
                                  (m.code, *[a for a in m.alternatives if a != home]))
        out.append(m)
    return out


@functools.cache
def _subdivisions_of(base: Path, country: str) -> dict[str, str]:
    """Folded lower-case names of one country's first-level subdivisions -> code; names two of them
    share are left out."""
    names: dict[str, str | None] = {}
    for code, place in _lexicon(base).places.items():
        if place.country != country or place.kind == "country" or "-" not in code:
            continue
        for name in _subdivision_names(place.name, _TYPE_WORDS | {w.capitalize() for w in _TYPE_WORDS}):
            key = _fold(name).lower()
            names[key] = code if names.get(key, code) == code else None
    return {k: v for k, v in names.items() if v is not None}


_SPACES = re.compile(r"\s+")


def home_subdivision(label: str, country: str, patterns_dir: Path | None) -> tuple[str, str] | None:
    """The code and name of the home country's subdivision a table's row label names, if it names one."""
    base = _base(patterns_dir)
    words = _SPACES.sub(" ", _fold(label).strip(" .:;,-–")).lower().split(" ")
    typed = len(words) > 1 and words[-1] in _TYPE_WORDS
    code = _subdivisions_of(base, country).get(" ".join(words[:-1] if typed else words))
    if code is None or typed and _type_of(code) != words[-1]:
        return None  # "Novosibirsk district" is a district of Novosibirsk oblast, not the oblast
    return code, _lexicon(base).places[code].name


@functools.cache
def _type_of(code: str) -> str:
    """The last word of pycountry's type for a subdivision, lower case ("region", "province")."""
    found = pycountry.subdivisions.get(code=code)
    return (found.type or "").split()[-1].lower() if found is not None and found.type else ""

