"""Indicator mentions: the phrases naming what a value measures.

The lexicon lives in ``patterns/indicators.jsonl`` (keys from FACTS.md) and the
keys' properties in ``patterns/indicator_keys.yaml``; both are matched on lemmas,
so ``left the country`` and ``leaving the country`` are one pattern.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import PatternError
from .lexicon import LemmaLexicon
from .resources import load_yaml
from .types import IndicatorMention, fast_constructor

_new_mention = fast_constructor(IndicatorMention)  # same record as IndicatorMention(...), made faster

LEXICON = "indicators.jsonl"
KEYS = "indicator_keys.yaml"


class IndicatorFinder:
    """Finds indicator phrases in a lemmatised doc and knows what each key implies."""

    def __init__(self, nlp: Language, *, patterns_dir: Path | None = None) -> None:
        self._lexicon = LemmaLexicon(nlp, LEXICON, patterns_dir=patterns_dir)
        # each row's mention fields after the offsets (key, generic, family, negative, anaphor), read once
        self._traits = [(row.get("id"), bool(row.get("generic")), tuple(row.get("family", ())),
                         bool(row.get("negative")), bool(row.get("anaphor"))) for row in self._lexicon.rows]
        self.keys: dict[str, dict[str, Any]] = load_yaml(KEYS, base=patterns_dir) or {}
        self._check(patterns_dir)

    def _check(self, patterns_dir: Path | None) -> None:
        for index, row in enumerate(self._lexicon.rows, 1):
            key = row.get("id")
            for k in [key, *row.get("family", [])]:
                if k is not None and k not in self.keys:
                    raise PatternError(LEXICON, None, f"row {index}: key {k!r} is not in {KEYS}")

    def find(self, doc: Doc, *, text: str | None = None) -> list[IndicatorMention]:
        """Indicator phrases in ``doc``; ``text`` is ``doc.text`` when the caller already has it. A row's
        ``not_after`` words (a year may stand between) make it no indicator: "at constant 2018 prices"; so do
        its ``not_before_figure`` words with a figure after them: "inflation arrived to 5,18%" (reached)."""
        text = doc.text if text is None else text
        rows, traits = self._lexicon.rows, self._traits
        return [
            _new_mention(text[start:end], start, end, *traits[index])
            for start, end, index in self._lexicon.spans(doc)
            if not ("not_after" in rows[index] and _after_any(text, start, rows[index]["not_after"]))
            and not ("not_before_figure" in rows[index] and _before_figure(text, end, rows[index]["not_before_figure"]))
        ]

    def token_attributes(self) -> set[str]:
        return self._lexicon.token_attributes()

    def info(self, key: str | None) -> dict[str, Any]:
        """The properties of a key (unit, kind, scoped); empty for None or an unknown key."""
        return self.keys.get(key, {}) if key else {}


# a year, a fiscal year or either in brackets: "at constant 2018 prices", "at constant (2011-12) prices"
_YEAR_BETWEEN = re.compile(r"(?:\s+\(?(?:19|20)\d\d(?:[-–/](?:19|20)?\d\d)?\)?)?\s+\Z")


_FIGURE_NEXT = re.compile(r"\s+([A-Za-z]+)\s+[-+−]?\d")


def _before_figure(text: str, end: int, words: list[str]) -> bool:
    """Whether one of ``words`` and then a figure follow ``end`` ("arrived to 5,18%")."""
    found = _FIGURE_NEXT.match(text, end, end + 30)
    return found is not None and found.group(1).lower() in words


def _after_any(text: str, start: int, words: list[str]) -> bool:
    """Whether one of ``words`` (any case) ends right before ``start``, with at most a year between."""
    before = text[max(0, start - 40):start]
    gap = _YEAR_BETWEEN.search(before)
    if gap is None:
        return False
    head = before[:gap.start()].lower()
    return any(head.endswith(w.lower()) and (len(head) == len(w) or not head[-len(w) - 1].isalnum())
               for w in words)
