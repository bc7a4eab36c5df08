"""Places named in a text: countries, first-level regions, cities, groups of countries.

A gazetteer built once from pycountry (every country; every first-level subdivision)
and our own data in ``patterns/regions/``:

- ``aliases.yaml``: English names keyed by ISO code ("Russia", "North Kazakhstan",
  "Tashkent region"); adding a name there is all it takes to resolve it;
- ``groups.yaml``: CIS, EU, EAEU, euro area, OECD, G7, G20, ASEAN, Central Asia, the world;
- ``stoplist.yaml``: pycountry names that are ordinary words ("Central", "Mary") and
  phrases that only look like a place ("Latin America");
- ``forms.yaml``: the region / city words added around aliases, country priority.
- ``uncoded.yaml``: places with no code ("Greater Hobart"), matched by pattern once the
  text's country is known (:func:`uncoded_places`).

Matching is spaCy's PhraseMatcher over the pipeline's own tokens: case-sensitive
(ORTH) for proper names, case-insensitive (LOWER) for group names marked safe and for
country names that are no word in lower case ("in kazakhstan", not "a panama hat").
Scraped text that glued a name to a bracket or number ("Spain(14.1%)", "2020.Spain") is
one token to the tokenizer; the stretch around each such point is matched again with a
space there, the span staying on the name's own characters.
Overlaps go to the longest match; a leading "the" is matched ("the US", "the CIS
countries") but left out of the reported span. Words that can mean several places
give one code and the others in ``alternatives`` (a country beats a subdivision:
"Georgia" is GE, with US-GA as alternative; "Georgia, USA" picks US-GA).
Demonyms are not places ("Kazakh" is nothing); a possessive still is
("Kazakhstan's", "Kazakhstan’s").

>>> [(m.text, m.code, m.kind) for m in find_regions("From Uzbekistan to Almaty region and Almaty")]
[('Uzbekistan', 'UZ', 'country'), ('Almaty region', 'KZ-19', 'region'), ('Almaty', 'KZ-75', 'city')]
>>> [(m.text, m.code, m.kind, m.country) for m in find_regions("the share of the CIS countries")]
[('CIS countries', 'CIS', 'group', None)]
>>> m = find_regions("Georgia")[0]
>>> m.code, m.alternatives
('GE', ('US-GA',))
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry
import spacy
import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .errors import PatternError
from .resources import _resolve as resource_path
from .resources import load_yaml
from .resources import patterns_dir as _shipped_patterns_dir
from .types import RegionMention, fast_constructor

_new_mention = fast_constructor(RegionMention)  # same record as RegionMention(...), made faster

__all__ = ["RegionFinder", "find_regions"]

ALIASES = "regions/aliases.yaml"
GROUPS = "regions/groups.yaml"
STOPLIST = "regions/stoplist.yaml"
FORMS = "regions/forms.yaml"
STATISTICAL = "regions/statistical.yaml"
CAPITALS = "regions/capitals.yaml"
ADJECTIVES = "regions/adjectives.yaml"  # "German exports": a country named by its adjective
UNCODED = "regions/uncoded.yaml"  # places with no code, found once the text's country is known

KINDS = ("country", "region", "city", "group")
_ALIAS_FIELDS = frozenset({"name", "kind", "names", "suffixed", "exact", "as_region", "local"})
_STATISTICAL_FIELDS = frozenset({"country", "name", "names", "local"})
_GROUP_FIELDS = frozenset({"name", "names", "lower"})
_GROUP_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_STATISTICAL_CODE = re.compile(r"^[A-Z][A-Z0-9_]*(?:-[A-Z0-9]+)?$")  # IE041, UKD, GB-EAW
_CODE_TOKEN = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_NEUTRAL = frozenset({"", "and", "of", "the", "-", "&"})
_SEPARATORS = frozenset({",", "and", "&", "or"})
_MIN_LETTERS = 4
# letters NFKD does not take apart
_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                       "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
                       "ħ": "h", "Ħ": "H", "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "`": "'"})


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class _Place:
    code: str
    name: str
    kind: str
    country: str | None


@dataclass(frozen=True, slots=True)
class _Target:
    """What one surface form resolves to."""

    code: str | None  # None: a blocker, matched and dropped
    alternatives: tuple[str, ...] = ()
    guard: bool = False  # an all-caps word ("US"): not inside all-caps text


@dataclass(frozen=True, slots=True)
class _Lexicon:
    places: dict[str, _Place]
    orth: dict[str, _Target]
    lower: dict[str, _Target]
    as_region: dict[str, str]
    plural_words: frozenset[str]
    institutions: frozenset[str]  # "Bank" in "the Bank of England": the place names the institution
    hyphen_prefixes: frozenset[str]  # "Trans-", "Mid-": a capitalised word before a hyphen that is no name
    local: dict[str, dict[str, str]]  # a name that is a place only in a text about one country: {country: code}
    demonym_nouns: frozenset[str] = frozenset()  # "Kazakh citizens": a country's adjective naming people
    adjectives: frozenset[str] = frozenset()  # the surface forms of countries' adjectives ("German")
    person_titles: frozenset[str] = frozenset()  # "Secretary": "Secretary Carlos Jericho Petilla" is a person
    masthead_words: frozenset[str] = frozenset()  # "Daily": "Daily Sabah" is a newspaper, not the Malaysian state


class _Source:
    """One YAML file: its data, and where each key and name sits (for error messages)."""

    def __init__(self, name: str, base: Path) -> None:
        self.path = base / name
        self.data = load_yaml(name, base=base)
        self.lines = _yaml_lines(self.path)

    def line(self, key: Any = None, value: Any = None) -> int | None:
        if key is None:
            return None
        found = self.lines.get(str(key))
        if found is None:
            return None
        key_line, values = found
        return values.get(str(value), key_line) if value is not None else key_line

    def error(self, problem: str, key: Any = None, value: Any = None) -> PatternError:
        return PatternError(self.path, self.line(key, value), problem)

    def mapping(self) -> dict[str, Any]:
        if not isinstance(self.data, dict):
            raise PatternError(self.path, None, "must be a mapping")
        return self.data


@functools.cache
def _yaml_lines(path: Path) -> dict[str, tuple[int, dict[str, int]]]:
    """Line of every top-level key and of every scalar under it; refuses duplicate keys."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=loader)
    out: dict[str, tuple[int, dict[str, int]]] = {}
    if not isinstance(root, yaml.MappingNode):
        return out

    def check(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if key.value in seen:
                    raise PatternError(path, key.start_mark.line + 1, f"duplicate key {key.value!r}")
                seen.add(key.value)
                check(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                check(item)

    def scalars(node: yaml.Node, into: dict[str, int]) -> None:
        if isinstance(node, yaml.ScalarNode):
            into.setdefault(node.value, node.start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                scalars(item, into)
        elif isinstance(node, yaml.MappingNode):
            for _, item in node.value:
                scalars(item, into)

    check(root)
    for key, value in root.value:
        values: dict[str, int] = {}
        scalars(value, values)
        out[key.value] = (key.start_mark.line + 1, values)
    return out


def _strings(source: _Source, key: str, value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise source.error(f"{key}: {what} must be a list of names", key)
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise source.error(f"{key}: {what} holds {item!r}, not a name", key, item)
    return [item.strip() for item in value]


def _fold(text: str) -> str:
    """The name without diacritics: ``Türkiye`` -> ``Turkiye``, ``Farg‘ona`` -> ``Farg'ona``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


class _Collector:
    """Surface form -> candidate codes, with a rank; explicit (YAML) names must agree."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        self.cands: dict[str, dict[str, tuple]] = {}
        self.lower: dict[str, dict[str, tuple]] = {}
        self.origin: dict[tuple[bool, str], tuple[str, _Source, str, str]] = {}
        self.blockers: set[str] = set()

    def variants(self, name: str, *, caps: bool = True, saints: bool = False) -> Iterator[str]:
        forms = [name]
        if name.startswith("the "):
            forms.append("The " + name[4:])
        saint = _SAINT.match(name) if saints else None
        if saint:  # "Saint Kitts", "St. Kitts" and "St Kitts" are one name, as each press writes it
            # (countries and our aliases only: a subdivision's "St. Thomas" would be a parish of many islands)
            forms += [prefix + name[saint.end():] for prefix in ("Saint ", "St. ", "St ")]
        for form in list(forms):
            folded = _fold(form)
            if folded != form and folded.lower() not in self.words:
                forms.append(folded)
            if "'" in form:
                forms.append(form.replace("'", "’"))
        if caps:
            forms += [f.upper() for f in forms if _letters(f) >= 2]
        return iter(dict.fromkeys(forms))

    def explicit(self, surface: str, code: str, source: _Source, key: str, written: str,
                 *, lower: bool = False) -> None:
        """A name from our YAML: another explicit code for the same form is an error."""
        form = surface.lower() if lower else surface
        seen = self.origin.get((lower, form))
        if seen is not None and seen[0] != code:
            other_code, other_source, other_key, other_written = seen
            where = f"{other_source.path.name}:{other_source.line(other_key, other_written)}"
            raise source.error(f"{surface!r} ({written!r} under {key}) is {code} here but "
                               f"{other_code} under {other_key} ({where})", key, written)
        self.origin.setdefault((lower, form), (code, source, key, written))
        self.add(form, code, (0,), lower=lower)

    def add(self, surface: str, code: str, rank: tuple, *, lower: bool = False) -> None:
        table = self.lower if lower else self.cands
        codes = table.setdefault(surface, {})
        if code not in codes or rank < codes[code]:
            codes[code] = rank

    def resolve(self, table: dict[str, dict[str, tuple]], source: _Source) -> dict[str, _Target]:
        out: dict[str, _Target] = {}
        for surface, codes in table.items():
            if surface in self.blockers:
                raise source.error(f"blocker {surface!r} is also a place name ({sorted(codes)})",
                                   "blockers", surface)
            ranked = sorted(codes.items(), key=lambda item: (item[1], item[0]))
            guard = surface.isupper() and surface.lower() in self.words
            out[surface] = _Target(ranked[0][0], tuple(code for code, _ in ranked[1:]), guard)
        for surface in self.blockers:
            out[surface] = _Target(None)
        return out


_SAINT = re.compile(r"(?:Saint|St\.?) ")


def _add_lower(collector: _Collector, name: str, code: str, rank: tuple, not_lower: frozenset[str]) -> None:
    """A country's name in any letter case ("in kazakhstan"), unless it is also a word in lower
    case (stoplist.yaml's words and not_lower_case: "turkey", "panama hats") or too short ("uae")."""
    for form in collector.variants(name, caps=False):
        low = form.lower()
        if _letters(low) >= _MIN_LETTERS and low not in not_lower and low.removeprefix("the ") not in not_lower:
            collector.add(low, code, rank, lower=True)


def _subdivision_names(name: str, strip_words: frozenset[str], genitive: frozenset[str] = frozenset(),
                       suffixes: tuple[str, ...] = (),
                       endings: tuple[tuple[str, tuple[tuple[str, ...], tuple[str, ...]]], ...] = ()) -> list[str]:
    """pycountry's name and the shorter forms texts use: no brackets, no trailing type word (nor the
    genitive -s before one of ``genitive``: "Norrbottens län" is "Norrbotten"), and the noun an
    adjectival name was made from (``endings``: "Voronezhskaya oblast'" is "Voronezh")."""
    names = [name]
    bracket = re.match(r"^(.*?)\s*\[(.*)\]\s*$", name)
    if bracket:
        inside = " ".join(t for t in bracket.group(2).split() if not _CODE_TOKEN.match(t))
        names = [bracket.group(1)] + ([inside] if inside[:1].isupper() else [])
    names = [re.sub(r"\s*\([^)]*\)", "", n).strip() for n in names]
    names += [n.split(", ")[0] for n in names if ", " in n]
    more = []
    for n in names:
        words = n.split()
        if len(words) > 1 and words[-1] in strip_words:
            more.append(" ".join(words[:-1]))
            if words[-1] in genitive and words[-2].endswith("s") and len(words[-2]) > 4:
                more.append(" ".join([*words[:-2], words[-2][:-1]]))
        if n.endswith("'"):
            more.append(n.rstrip("'"))
        for suffix in suffixes:
            if n.endswith(suffix) and len(n) - len(suffix) >= 4:
                more.append(n[:-len(suffix)])
                break
    for n in list(more):  # "Voronezhskaya" -> "Voronezh region", "Novosibirskaya" -> "Novosibirsk oblast"
        for ending, (replacements, type_words) in endings:  # (bare, the noun is its capital city's name)
            stem = n[:-len(ending)].rstrip("'") if n.endswith(ending) else ""
            if stem and " " not in n:
                more += [f"{stem}{r} {w}" for r in replacements if len(stem + r) >= 4 for w in type_words]
    return [n for n in dict.fromkeys(names + more) if n]


def _is_generic(name: str, words: frozenset[str], generic: frozenset[str]) -> bool:
    """Too plain to stand alone: an ordinary word, under 4 letters, or only generic words."""
    if name.lower() in words or _letters(name) < _MIN_LETTERS:
        return True
    tokens = re.split(r"[\s\-]+", name.lower())
    return all(t in generic or t in _NEUTRAL for t in tokens)


def _type_word(type_: str | None) -> str | None:
    if not type_ or "(" in type_ or len(type_.split()) > 3:
        return None
    return type_[0].upper() + type_[1:]


@functools.cache
def _lexicon(base: Path) -> _Lexicon:
    aliases = _Source(ALIASES, base)
    groups = _Source(GROUPS, base)
    stoplist = _Source(STOPLIST, base)
    forms = _Source(FORMS, base)

    stop = stoplist.mapping()
    for key in stop:
        if key not in ("words", "generic_words", "blockers", "not_lower_case", "institution_words", "hyphen_prefixes",
                       "demonym_nouns", "person_titles", "masthead_words"):
            raise stoplist.error(f"unknown key {key!r}", key)
    words = frozenset(w.lower() for w in _strings(stoplist, "words", stop.get("words"), "words"))
    generic = frozenset(w.lower() for w in _strings(stoplist, "generic_words",
                                                    stop.get("generic_words"), "generic_words"))
    not_lower = words | {w.lower() for w in _strings(stoplist, "not_lower_case", stop.get("not_lower_case"),
                                                     "names")}
    form = forms.mapping()
    form_keys = ("region_suffixes", "city_suffixes", "city_prefixes", "plural_region_words",
                 "strip_words", "genitive_strip_words", "strip_suffixes", "adjective_endings", "priority",
                 "city_types")
    for key in form:
        if key not in form_keys:
            raise forms.error(f"unknown key {key!r}", key)
    region_suffixes = _strings(forms, "region_suffixes", form.get("region_suffixes"), "suffixes")
    city_suffixes = _strings(forms, "city_suffixes", form.get("city_suffixes"), "suffixes")
    city_prefixes = _strings(forms, "city_prefixes", form.get("city_prefixes"), "prefixes")
    plural_words = frozenset(_strings(forms, "plural_region_words", form.get("plural_region_words"),
                                      "words"))
    strip_words = frozenset(_strings(forms, "strip_words", form.get("strip_words"), "words"))
    genitive = frozenset(_strings(forms, "genitive_strip_words", form.get("genitive_strip_words"), "words"))
    suffixes = tuple(_strings(forms, "strip_suffixes", form.get("strip_suffixes"), "suffixes"))
    endings = tuple((str(k), (tuple(str(r) for r in v), tuple(region_suffixes)))
                    for k, v in (form.get("adjective_endings") or {}).items()
                    if isinstance(v, list))  # ("skaya", ("", "sk")): an empty replacement drops the ending
    priority = _strings(forms, "priority", form.get("priority"), "country codes")
    city_types = frozenset(t.lower() for t in _strings(forms, "city_types", form.get("city_types"), "types"))
    for code in priority:
        if pycountry.countries.get(alpha_2=code) is None:
            raise forms.error(f"priority: {code!r} is not an ISO 3166-1 alpha-2 code", "priority", code)
    rank_of = {code: i for i, code in enumerate(priority)}

    collector = _Collector(words)
    collector.blockers = set(_strings(stoplist, "blockers", stop.get("blockers"), "blockers"))

    # -- places known to pycountry
    places: dict[str, _Place] = {}
    subdivision_type: dict[str, str | None] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        places[code] = _Place(code, getattr(country, "common_name", None) or country.name, "country", code)
        names = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        for name in filter(None, names):
            for n in dict.fromkeys([name, re.sub(r"\s*\([^)]*\)", "", name).strip()]):
                for surface in collector.variants(n, saints=True):
                    collector.add(surface, code, (1,))
                _add_lower(collector, n, code, (1,), not_lower)
    nested = []  # subdivisions of subdivisions: local names of their country, matched after the aliases
    for sub in pycountry.subdivisions:
        kind = "city" if "city" in (sub.type or "").lower() or (sub.type or "").lower() in city_types else "region"
        places[sub.code] = _Place(sub.code, sub.name, kind, sub.country_code)
        subdivision_type[sub.code] = sub.type
        if sub.parent_code is not None:
            nested.append(sub)
            continue
        rank = (2, rank_of.get(sub.country_code, len(rank_of)))
        type_word = _type_word(sub.type)
        for name in _subdivision_names(sub.name, strip_words, genitive, suffixes, endings):
            for n in collector.variants(name, caps=True):  # "TASMANIA welcomed ...": a news lead's capitals
                if not _is_generic(n, words, generic):
                    collector.add(n, sub.code, rank)
                elif type_word:  # "Central" is a "Central Region"; pycountry's "Central Region" is one already
                    collector.add(n if n.endswith(type_word) else f"{n} {type_word}", sub.code, rank)

    # -- our aliases
    as_region: dict[str, str] = {}
    local: dict[str, dict[str, str]] = {}
    for key, entry in aliases.mapping().items():
        code = str(key)
        place = places.get(code)
        if place is None:
            raise aliases.error(f"{code!r} is not an ISO 3166 code known to pycountry", code)
        if isinstance(entry, list | str):
            entry = {"names": entry}
        if not isinstance(entry, dict):
            raise aliases.error(f"{code}: must be a list of names or a mapping", code)
        if unknown := set(entry) - _ALIAS_FIELDS:
            raise aliases.error(f"{code}: unknown field(s) {sorted(unknown)}", code, sorted(unknown)[0])
        kind = entry.get("kind", place.kind)
        if place.kind == "country":
            for field in ("kind", "suffixed", "as_region"):
                if field in entry:
                    raise aliases.error(f"{code}: a country takes no {field!r}", code, field)
        elif kind not in ("region", "city"):
            raise aliases.error(f"{code}: kind must be region or city, not {kind!r}", code, kind)
        name = entry.get("name", place.name)
        if not isinstance(name, str) or not name.strip():
            raise aliases.error(f"{code}: name must be text", code, name)
        places[code] = _Place(code, name.strip(), kind, place.country)
        if "as_region" in entry:
            target = entry["as_region"]
            if places.get(target) is None or places[target].country != place.country or target == code:
                raise aliases.error(f"{code}: as_region {target!r} is not another subdivision of "
                                    f"{place.country}", code, target)
            as_region[code] = target

        def explicit(surface: str, written: str, code: str = code) -> None:
            for s in collector.variants(surface, saints=True):
                collector.explicit(s, code, aliases, code, written)

        for n in _strings(aliases, code, entry.get("names"), "names"):
            explicit(n, n)
            if place.kind == "country":
                _add_lower(collector, n, code, (0,), not_lower)
            if kind == "region" and place.kind != "country":
                for suffix in region_suffixes:
                    explicit(f"{n} {suffix}", n)
            elif kind == "city":
                for suffix in city_suffixes:
                    explicit(f"{n} {suffix}", n)
                for prefix in city_prefixes:
                    explicit(f"{prefix} {n}", n)
        for n in _strings(aliases, code, entry.get("suffixed"), "suffixed"):
            for suffix in region_suffixes:
                explicit(f"{n} {suffix}", n)
        for n in _strings(aliases, code, entry.get("exact"), "exact"):
            explicit(n, n)
        _add_local(local, aliases, code, place.country, _strings(aliases, code, entry.get("local"), "local"),
                   region_suffixes if kind == "region" else [])

    adjectives = _adjectives(_Source(ADJECTIVES, base), places, collector)
    _statistical_regions(_Source(STATISTICAL, base), places, collector, local, region_suffixes)
    _capitals(_Source(CAPITALS, base), places, local)
    # Scottish council areas, Irish counties, French departments: places inside a region, named only in
    # a text about their own country, where no other place is found in their words
    for sub in nested:
        for name in _subdivision_names(sub.name, strip_words, genitive, suffixes):
            if name[:1].isupper() and not _is_generic(name, words, generic):
                local.setdefault(name, {}).setdefault(sub.country_code, sub.code)

    # -- groups
    for key, entry in groups.mapping().items():
        code = str(key)
        if not _GROUP_CODE.match(code) or code in places:
            raise groups.error(f"group code {code!r} must be upper case and not an ISO 3166 code", code)
        if not isinstance(entry, dict) or "names" not in entry:
            raise groups.error(f"{code}: needs a mapping with names", code)
        if unknown := set(entry) - _GROUP_FIELDS:
            raise groups.error(f"{code}: unknown field(s) {sorted(unknown)}", code, sorted(unknown)[0])
        lower = entry.get("lower", False)
        if not isinstance(lower, bool):
            raise groups.error(f"{code}: lower must be true or false", code, lower)
        name = entry.get("name", code)
        places[code] = _Place(code, str(name), "group", None)
        for n in _strings(groups, code, entry["names"], "names"):
            if lower:
                collector.explicit(n, code, groups, code, n, lower=True)
            else:
                for s in collector.variants(n):
                    collector.explicit(s, code, groups, code, n)

    return _Lexicon(places, collector.resolve(collector.cands, stoplist),
                    collector.resolve(collector.lower, stoplist) if collector.lower else {},
                    as_region, plural_words,
                    frozenset(w.lower() for w in _strings(stoplist, "institution_words", stop.get("institution_words"),
                                                          "words")),
                    frozenset(w.lower() for w in _strings(stoplist, "hyphen_prefixes", stop.get("hyphen_prefixes"),
                                                          "words")),
                    local,
                    frozenset(w.lower() for w in _strings(stoplist, "demonym_nouns", stop.get("demonym_nouns"),
                                                          "words")),
                    adjectives,
                    frozenset(w.lower() for w in _strings(stoplist, "person_titles", stop.get("person_titles"),
                                                          "words")),
                    frozenset(w.lower() for w in _strings(stoplist, "masthead_words", stop.get("masthead_words"),
                                                          "words")))


def _adjectives(source: _Source, places: dict[str, _Place], collector: _Collector) -> frozenset[str]:
    """Adjectives of countries and regions (``adjectives.yaml``) as names of the place; their surface forms."""
    surfaces = set()
    for key, names in source.mapping().items():
        code = str(key)
        if code not in places or places[code].kind == "group":
            raise source.error(f"{code!r} is not an ISO 3166 country or subdivision code", code)
        for n in _strings(source, code, names, "adjectives"):
            for s in collector.variants(n):
                collector.explicit(s, code, source, code, n)
                surfaces.add(s)
    return frozenset(surfaces)


def _capitals(source: _Source, places: dict[str, _Place], local: dict[str, dict[str, str]]) -> None:
    """"The capital" in a text about a country is its capital (``capitals.yaml``): a local name of each."""
    data = source.mapping()
    capitals = data.get("capitals") or {}
    if not isinstance(capitals, dict):
        raise source.error("capitals must map a country code to its capital's code", "capitals")
    for country, code in capitals.items():
        if str(code) not in places or places[str(code)].country != str(country):
            raise source.error(f"{country}: {code!r} is no subdivision of {country}", country, code)
    for phrase in _strings(source, "phrases", data.get("phrases"), "phrases"):
        for surface in dict.fromkeys([phrase, phrase[:1].upper() + phrase[1:]]):
            local.setdefault(surface, {}).update({str(c): str(code) for c, code in capitals.items()})


def _add_local(local: dict[str, dict[str, str]], source: _Source, code: str, country: str | None,
               names: list[str], suffixes: list[str]) -> None:
    """Names matched only in a text about ``country`` ("Border", "West" in an Irish release; "SA" in an
    Australian one): everywhere else they are ordinary words or other places."""
    if names and country is None:
        raise source.error(f"{code}: a group takes no local names", code)
    for n in names:
        for surface in [n, *(f"{n} {suffix}" for suffix in suffixes)]:
            codes = local.setdefault(surface, {})
            if codes.setdefault(str(country), code) != code:
                raise source.error(f"local name {n!r} is {code} here but {codes[str(country)]} elsewhere", code, n)


def _statistical_regions(source: _Source, places: dict[str, _Place], collector: _Collector,
                         local: dict[str, dict[str, str]], suffixes: list[str]) -> None:
    """``statistical.yaml``: regions with no ISO 3166-2 code, under their NUTS code (FACTS.md)."""
    for key, entry in source.mapping().items():
        code = str(key)
        if not _STATISTICAL_CODE.match(code) or code in places:
            raise source.error(f"code {code!r} must be upper case and not an ISO 3166 or group code", code)
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise source.error(f"{code}: needs a mapping with a name", code)
        if unknown := set(entry) - _STATISTICAL_FIELDS:
            raise source.error(f"{code}: unknown field(s) {sorted(unknown)}", code, sorted(unknown)[0])
        country = str(entry.get("country"))
        if places.get(country) is None or places[country].kind != "country":
            raise source.error(f"{code}: country {country!r} is not an ISO 3166-1 alpha-2 code", code, country)
        places[code] = _Place(code, entry["name"].strip(), "region", country)
        for n in _strings(source, code, entry.get("names"), "names"):
            for written in [n, *(f"{n} {suffix}" for suffix in suffixes)]:
                for s in collector.variants(written):
                    collector.explicit(s, code, source, code, n)
        _add_local(local, source, code, country, _strings(source, code, entry.get("local"), "local"), suffixes)


# --------------------------------------------------------------------------- finder


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    code: str | None
    alternatives: tuple[str, ...]


class RegionFinder:
    """Finds places in a spaCy ``Doc`` made by ``nlp`` (only its tokenizer is used).

    >>> import spacy
    >>> finder = RegionFinder(spacy.blank("en"))
    >>> doc = finder.nlp.make_doc("Kazakhstan’s balance; East Kazakhstan and North Kazakhstan regions")
    >>> [(m.text, m.code) for m in finder.find(doc)]
    [('Kazakhstan', 'KZ'), ('East Kazakhstan', 'KZ-63'), ('North Kazakhstan', 'KZ-59')]
    >>> finder.lookup("KZ-59")
    ('North Kazakhstan Region', 'region', 'KZ')
    """

    def __init__(self, nlp: spacy.language.Language, *, patterns_dir: Path | None = None) -> None:
        self.nlp = nlp
        base = Path(patterns_dir) if patterns_dir is not None else _shipped_patterns_dir()
        self._lex = _lexicon(base.resolve())
        self._targets: dict[int, _Target] = {}
        self._edges: tuple[set[str], set[str]] = (set(), set())  # first and last words of every name
        self._orth = self._matcher("ORTH", self._lex.orth)
        self._lower = self._matcher("LOWER", self._lex.lower) if self._lex.lower else None
        self._folded: dict[str, _Target] | None = None
        self._local: PhraseMatcher | None = None  # built on first use: most texts have no local names to look for

    def _matcher(self, attr: str, table: dict[str, _Target]) -> PhraseMatcher:
        matcher = PhraseMatcher(self.nlp.vocab, attr=attr)
        by_target: dict[_Target, list[str]] = {}
        for surface, target in table.items():
            by_target.setdefault(target, []).append(surface)
        surfaces = [s for group in by_target.values() for s in group]
        docs = iter(self.nlp.tokenizer.pipe(surfaces, batch_size=1000))
        first, last = self._edges
        for target, group in by_target.items():
            key = f"region:{attr}:{target.code}:{'|'.join(target.alternatives)}:{int(target.guard)}"
            self._targets[self.nlp.vocab.strings.add(key)] = target
            pattern_docs = [next(docs) for _ in group]
            matcher.add(key, pattern_docs)
            if target.code is not None:
                for d in pattern_docs:
                    first.add(d[0].lower_ if attr == "LOWER" else d[0].text)
                    last.add(d[-1].lower_ if attr == "LOWER" else d[-1].text)
        return matcher

    def lookup(self, code: str) -> tuple[str, str, str | None]:
        """``(name, kind, country)`` for a country, subdivision or group code; KeyError if unknown."""
        place = self._lex.places.get(code)
        if place is None:
            raise KeyError(f"unknown region code {code!r}")
        return place.name, place.kind, place.country

    def lookup_name(self, name: str) -> RegionMention | None:
        """The place a name means, whatever its case ("ASTANA", "astana"), for names another
        component found (the statistical model's entities). Stop-listed words stay unknown."""
        if self._folded is None:
            self._folded = {}
            for table in (self._lex.orth, self._lex.lower):
                for surface, target in table.items():
                    if target.code is not None:
                        self._folded.setdefault(surface.lower(), target)
        target = self._folded.get(name.strip().lower())
        if target is None or target.code is None:
            return None
        display, kind, country = self.lookup(target.code)
        return RegionMention(name, 0, len(name), target.code, display, kind, country, target.alternatives)

    def find(self, doc: Doc, *, text: str | None = None) -> list[RegionMention]:
        """Every place in ``doc``: sorted, non-overlapping, the longest match winning. ``text`` is
        ``doc.text`` when the caller already has it (building it again costs a pass over the tokens)."""
        found, text = self._places(doc), doc.text if text is None else text
        more = self._glued(text, found) + ([] if text.isascii() else _unaccented(self, text, found))
        return _merge(found, more) if more else found

    def find_local(self, doc: Doc) -> list[RegionMention]:
        """Places whose names are places only in a text about one country (``statistical.yaml`` and
        ``local:`` in ``aliases.yaml``): every reading, for every country, overlapping or not. The
        linking stage keeps those of the text's home country (:mod:`extractor.document`)."""
        hits = self.local_hits(doc)
        return [m for country in {c for surface, _, _ in hits for c in self._lex.local[surface]}
                for m in self.local_mentions(hits, country)]

    def local_hits(self, doc: Doc) -> list[tuple[str, int, int]]:
        """``(name, start, end)`` of every local name in ``doc``, before knowing whose country it is."""
        if not self._lex.local:
            return []
        if self._local is None:
            self._local = PhraseMatcher(self.nlp.vocab, attr="ORTH")
            for surface in self._lex.local:
                self._local.add(f"local:{surface}", [self.nlp.make_doc(surface)])
        strings = self.nlp.vocab.strings
        return [(strings[key][6:], doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
                for key, start, end in self._local(doc)]

    def local_mentions(self, hits: list[tuple[str, int, int]], country: str) -> list[RegionMention]:
        """The places the local names of ``hits`` are in a text about ``country``: one mention per hit at
        most, so the work does not grow with the number of countries a name is local to ("the capital")."""
        out = []
        for surface, start, end in hits:
            code = self._lex.local[surface].get(country)
            if code is not None:
                place = self._lex.places[code]
                out.append(_new_mention(surface, start, end, code, place.name, place.kind, country))
        return out

    def _glued(self, text: str, found: list[RegionMention]) -> list[RegionMention]:
        """Names that scraped text glued to a bracket or a number (``Spain(14.1%)``,
        ``Portugal10.3 million``, ``2020.Spain``): the tokenizer keeps such a run as one token, so
        each stretch around a glue point is tokenized again with a space there and matched; the spans
        stay on the original characters. Only glue points next to a word that ends (or starts) some
        place name are looked at, so ordinary text costs three regex scans."""
        cuts = _glue_points(text, *self._edges)
        out: list[RegionMention] = []
        for lo, hi, inside in _windows(text, cuts):
            piece, spaces = _spaced(text, lo, hi, inside)
            for m in self._places(self.nlp.make_doc(piece)):
                start = lo + m.start - bisect.bisect_left(spaces, m.start)
                end = lo + m.end - bisect.bisect_left(spaces, m.end)
                if text[start:end] == m.text and (start in inside or end in inside):
                    out.append(_new_mention(m.text, start, end, m.code, m.name, m.kind, m.country,
                                            m.alternatives))
        return out

    def _places(self, doc: Doc) -> list[RegionMention]:
        raw = [(self._targets[key], start, end) for key, start, end in self._orth(doc)]
        if self._lower is not None:
            raw += [(self._targets[key], start, end) for key, start, end in self._lower(doc)]
        raw = [r for r in raw if not (r[0].guard and _shouting(doc, r[1], r[2]))]
        raw.sort(key=lambda r: (r[1] - r[2], r[0].code is not None, r[1]))
        taken = bytearray(len(doc))
        hits: list[_Hit] = []
        for target, start, end in raw:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            if target.code is not None and not self._institution(doc, start) and not self._in_a_name(doc, start) \
                    and not _names_other_than_a_place(doc, start, end, self._lex):
                hits.append(_Hit(start, end, target.code, target.alternatives))
        hits.sort(key=lambda h: h.start)
        self._coordinated_regions(doc, hits)
        self._qualified_by_country(doc, hits)
        out = []
        for hit in hits:
            place = self._lex.places[hit.code]
            # "the US", "the CIS countries": matched with the article, reported without it
            start = hit.start + 1 if hit.end - hit.start > 1 and doc[hit.start].lower_ == "the" else hit.start
            span = doc[start:hit.end]
            out.append(_new_mention(span.text, span.start_char, span.end_char, place.code, place.name,
                                    place.kind, place.country, hit.alternatives))
        return out

    def _institution(self, doc: Doc, start: int) -> bool:
        """"the Bank of England", "the University of Tasmania": the place is part of a name."""
        return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in self._lex.institutions

    def _in_a_name(self, doc: Doc, start: int) -> bool:
        """"Interfax-Kazakhstan": glued by a hyphen to a capitalised word that is no place ("Russia-Ukraine"
        names two); "non-EU": the place negated."""
        if start >= 2 and doc[start - 1].text in ("-", "–") and not doc[start - 2].whitespace_ \
                and doc[start - 2].lower_ in _NEGATING:
            return True  # "non-EU countries", "extra-EU trade": everywhere but the place
        if not _hyphenated_name(doc, start, self._lex.hyphen_prefixes):
            return False
        target = self._lex.orth.get(doc[start - 2].text)
        return target is None or target.code is None

    def _coordinated_regions(self, doc: Doc, hits: list[_Hit]) -> None:
        """``Almaty and Zhambyl regions``: a city name in a list closed by "regions" is its region."""
        by_start = {h.start: h for h in hits}
        for hit in hits:
            region = self._lex.as_region.get(hit.code)
            if region is None:
                continue
            end = hit.end
            while True:
                k = end
                while k < len(doc) and doc[k].lower_ in _SEPARATORS:
                    k += 1
                if k < len(doc) and doc[k].text in self._lex.plural_words:
                    hit.alternatives = (hit.code, *[a for a in hit.alternatives if a != region])
                    hit.code = region
                    break
                following = by_start.get(k)
                if k == end or following is None or self._lex.places[following.code].kind == "country":
                    break
                end = following.end

    def _qualified_by_country(self, doc: Doc, hits: list[_Hit]) -> None:
        """``Georgia, USA`` / ``Georgia (US)``: the country named next picks the alternative."""
        for hit, following in zip(hits, hits[1:], strict=False):
            if not hit.alternatives:
                continue
            between = [t.text for t in doc[hit.end:following.start]]
            if between not in ([","], ["("]):
                continue
            country = self._lex.places[following.code]
            if country.kind != "country" or self._lex.places[hit.code].country == country.code:
                continue
            for alt in hit.alternatives:
                if self._lex.places[alt].country == country.code and alt != hit.code:
                    hit.alternatives = (hit.code, *[a for a in hit.alternatives if a != alt])
                    hit.code = alt
                    break


def _in_a_persons_name(doc: Doc, start: int, end: int, lex: _Lexicon) -> bool:
    """"DOE Secretary Carlos Jericho Petilla said": after a title and capitalised words, before a capitalised word,
    a place's name is a person's."""
    if end >= len(doc) or not doc[end].text[:1].isupper() or not doc[end].text.isalpha():
        return False
    for i in range(start - 1, max(-1, start - 4), -1):
        word = doc[i].text
        if word.lower().rstrip(".") in lex.person_titles:
            return i < start - 1  # (a name between: "Secretary Jericho" alone may be the place's secretary)
        if not word[:1].isupper() or not word.isalpha():
            return False
    return False


def _names_other_than_a_place(doc: Doc, start: int, end: int, lex: _Lexicon) -> bool:
    """A place's name that here names people ("Kazakh citizens"), a person or a newspaper."""
    return _demonym(doc, start, end, lex) or _in_a_persons_name(doc, start, end, lex) \
        or _in_a_masthead(doc, start, lex)


def _in_a_masthead(doc: Doc, start: int, lex: _Lexicon) -> bool:
    """"DAILY SABAH", "Daily Mirror": a place after a newspaper's word, capitalised, names the paper."""
    if start == 0:
        return False
    word = _LAST_WORD.search(doc[start - 1].text)  # (a scraped byline glues it: "12:41 pm|DAILY SABAH")
    return word is not None and word.group()[:1].isupper() and word.group().lower() in lex.masthead_words


_LAST_WORD = re.compile(r"[^\W\d_]+\Z")


def _demonym(doc: Doc, start: int, end: int, lex: _Lexicon) -> bool:
    """"Kazakh citizens", "Russian speakers": a country's adjective before a people noun names people."""
    return end < len(doc) and doc[end].lower_ in lex.demonym_nouns and doc[start:end].text in lex.adjectives


_NEGATING = frozenset({"non", "extra"})


def _hyphenated_name(doc: Doc, start: int, prefixes: frozenset[str]) -> bool:
    """"Interfax-Kazakhstan", "Kazinform-Astana": a place glued by a hyphen to a capitalised word (not a
    prefix such as "Trans-" or "Mid-") is part of a name."""
    if start < 2 or doc[start - 1].text not in ("-", "–") or doc[start - 1].whitespace_ or doc[start - 2].whitespace_:
        return False
    word = doc[start - 2].text
    return word[:1].isupper() and word.isalpha() and word.lower() not in prefixes


def _shouting(doc: Doc, start: int, end: int) -> bool:
    """An all-caps word next to the match: "WHAT IT MEANS FOR US" is not the United States."""
    for i in (start - 1, end):
        if 0 <= i < len(doc):
            text = doc[i].text
            if len(text) > 1 and text.isalpha() and text.isupper():
                return True
    return False


@functools.cache
def _default_finder() -> RegionFinder:
    return RegionFinder(spacy.blank("en"))


def find_regions(text: str) -> list[RegionMention]:
    """Places in ``text``, with a blank English tokenizer built once."""
    finder = _default_finder()
    return finder.find(finder.nlp.make_doc(text), text=text)


# --------------------------------------------------------------------------- glued text

# Where scraped text glued a name to a bracket or a number, at the bracket, digit or capital:
# "(" after a letter or digit ("Spain(", "EU28("); a digit after three letters ("Portugal10.3";
# "EU27", "Q1", "km2" are not glue); a capital after a digit, ")" or "%", with or without a stop,
# comma, colon or semicolon between ("2020.Spain", "14.1%),Portugal"). One scan, led by a class.
_GLUED = re.compile(r"[(0-9A-Z](?:(?<=\w\()|(?<=[A-Za-z]{3}[0-9])|(?<=[0-9)%][A-Z])|(?<=[0-9)%][.,;:][A-Z]))")
_WORD_BEFORE = re.compile(r"\w+$")
_WORD_AFTER = re.compile(r"[^\W\d_]+")
_REACH = 80  # characters around a glue point that are tokenized again (a name is shorter)


def _unaccented(finder: RegionFinder, text: str, found: list[RegionMention]) -> list[RegionMention]:
    """Names written with accents the gazetteer spells without ("Québec"): the lines around each
    accented letter are read again with bare letters, one character for one so that every offset
    holds, and the places found over an accented letter are kept with the text's own spelling. A
    place of a country other than those the text names as written is a namesake: "Münster" in a
    text about North Rhine-Westphalia is not Ireland's Munster."""
    bare = {c: f for c in set(text) if ord(c) > 127 and c.isalpha() and len(f := _fold(c)) == 1 and f != c}
    if not bare:
        return []
    table = str.maketrans(bare)
    countries = {m.country or m.code for m in found}
    cuts = [m.start() for m in re.finditer(f"[{re.escape(''.join(bare))}]", text)]
    out = []
    for lo, hi, _ in _windows(text, cuts):
        for m in finder._places(finder.nlp.make_doc(text[lo:hi].translate(table))):
            start, end = lo + m.start, lo + m.end
            if any(c in bare for c in text[start:end]) and (not countries or (m.country or m.code) in countries):
                out.append(_new_mention(text[start:end], start, end, m.code, m.name, m.kind, m.country,
                                        m.alternatives))
    return out


def _glue_points(text: str, first: set[str], last: set[str]) -> list[int]:
    """Positions where a place name may touch a bracket or a number with no space between."""
    cuts = []
    for m in _GLUED.finditer(text):
        cut = m.start()
        if text[cut].isupper():  # the name starts here
            word = _WORD_AFTER.match(text, cut)
            edges = first
        else:  # the name ends here
            word = _WORD_BEFORE.search(text, max(0, cut - 40), cut)
            edges = last
        if word and (word.group() in edges or word.group().lower() in edges):
            cuts.append(cut)
    return cuts


def _windows(text: str, cuts: list[int]) -> Iterator[tuple[int, int, set[int]]]:
    """Stretches of a line around the glue points, ending at whitespace, with the points in each."""
    i = 0
    while i < len(cuts):
        cut = cuts[i]
        line_start = text.rfind("\n", 0, cut) + 1
        line_end = text.find("\n", cut)
        line_end = len(text) if line_end < 0 else line_end
        lo = line_start
        if cut - line_start > _REACH:
            space = text.find(" ", cut - _REACH, cut)
            lo = cut - _REACH if space < 0 else space + 1
        hi = line_end
        if line_end - cut > _REACH:
            space = text.rfind(" ", cut, cut + _REACH)
            hi = cut + _REACH if space < 0 else space
        inside = set()
        while i < len(cuts) and cuts[i] <= hi:
            inside.add(cuts[i])
            i += 1
        yield lo, hi, inside


def _spaced(text: str, lo: int, hi: int, cuts: set[int]) -> tuple[str, list[int]]:
    """``text[lo:hi]`` with a space at each glue point, and where each space sits in the result."""
    parts, spaces, prev = [], [], lo
    for cut in sorted(c for c in cuts if lo < c < hi):
        parts.append(text[prev:cut])
        spaces.append(cut - lo + len(spaces))
        prev = cut
    parts.append(text[prev:hi])
    return " ".join(parts), spaces


def _merge(found: list[RegionMention], glued: list[RegionMention]) -> list[RegionMention]:
    """Glued names join the others; one that covers a shorter match ("Almaty region(5%)" over
    "Almaty") replaces it, one that overlaps a match it does not cover is dropped."""
    out = list(found)
    starts = [m.start for m in out]
    for g in sorted(glued, key=lambda m: m.start, reverse=True):  # from the end: indices before stay
        i = bisect.bisect_left(starts, g.start)
        lo = i - 1 if i and out[i - 1].end > g.start else i
        hi = bisect.bisect_left(starts, g.end)
        if all(g.start <= m.start and m.end <= g.end and (m.start, m.end) != (g.start, g.end)
               for m in out[lo:hi]):
            out[lo:hi] = [g]
            starts[lo:hi] = [g.start]
    return out


@functools.cache
def _uncoded_rules(patterns_dir: Path | None) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...], bool, str], ...]:
    """``patterns/regions/uncoded.yaml``: (pattern, country, hints, fallback, kind) for places with no code."""
    rows = load_yaml(UNCODED, base=patterns_dir) or []
    if not isinstance(rows, list):
        raise PatternError(resource_path(UNCODED, patterns_dir), None, "must be a list of entries")
    out = []
    for i, row in enumerate(rows):
        try:
            fallback = row.get("fallback", False)
            if not isinstance(fallback, bool):
                raise TypeError(f"fallback must be true or false, not {fallback!r}")
            hint = row.get("hint", "")
            hints = tuple(map(str, hint)) if isinstance(hint, list) else (str(hint),)
            kind = str(row.get("kind", "region"))
            if kind not in ("region", "city"):
                raise TypeError(f"kind must be region or city, not {kind!r}")
            out.append((re.compile(str(row["pattern"])), str(row.get("country", "any")), hints, fallback, kind))
        except (KeyError, TypeError, re.error) as exc:
            raise PatternError(resource_path(UNCODED, patterns_dir), None,
                               f"entry {i + 1}: {exc}") from exc
    return tuple(out)


def uncoded_places(text: str, country: str,
                   patterns_dir: Path | None) -> tuple[list[RegionMention], list[RegionMention]]:
    """Places of the text's country with no code: those that replace the places inside them ("the
    census metropolitan area of Toronto"), and those found only where no other place is ("Glubokoe
    district", a ``fallback`` entry)."""
    found: tuple[list[RegionMention], list[RegionMention]] = ([], [])
    for rx, where, hints, fallback, kind in _uncoded_rules(patterns_dir):
        if where in ("any", country) and any(h in text for h in hints):
            found[fallback].extend(RegionMention(m.group(), m.start(), m.end(), None, m.group(), kind, country)
                                   for m in rx.finditer(text))
    return found
