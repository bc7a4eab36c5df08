"""Cue words: direction, comparison, share, scope, survey... (``patterns/cues.jsonl``).

They are not facts themselves; the fact rules read them to decide a value's
measure, direction, reference period and breakdown.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import LemmaLexicon, LexiconMatch

LEXICON = "cues.jsonl"


class CueFinder:
    def __init__(self, nlp: Language, *, patterns_dir: Path | None = None) -> None:
        self._lexicon = LemmaLexicon(nlp, LEXICON, patterns_dir=patterns_dir)

    def token_attributes(self) -> set[str]:
        return self._lexicon.token_attributes()

    def find(self, doc: Doc, *, text: str | None = None) -> list[LexiconMatch]:
        """Cue phrases in ``doc``; ``text`` is ``doc.text`` when the caller already has it."""
        return self._lexicon.find(doc, text=text)
