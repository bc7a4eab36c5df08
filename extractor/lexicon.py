"""Lemma-based phrase lexicons: the shared machinery behind indicators and cues.

A lexicon is a JSONL file of spaCy-ruler-style rows (``label``, ``pattern``, ``id``).
A string pattern is lemmatised with the same lemmatiser as the text, so
``"number of arrivals"`` also matches ``numbers of arrivals``; a list pattern is a
spaCy ``Matcher`` pattern. Overlapping matches resolve to the longest.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.attrs import IDX, LEMMA, LENGTH, NORM, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from .errors import PatternError
from .resources import load_jsonl, patterns_dir
from .types import fast_constructor

LEMMATIZER = "stat_lemmatizer"


@functools.cache
def _lemma_table() -> Any:
    # spaCy's own English lookup table (spacy-lookups-data): no model needed, context-free,
    # which is what rules-only matching wants. Loaded once per process. The Table hashes its
    # string keys, so it must be queried through its own get(), not copied into a dict.
    from spacy.lookups import load_lookups

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


class _LemmaCache:
    """Lowercased lookup lemma for each token, cached per word form (orth id).

    Works on whole arrays (``Doc.to_array``/``from_array``) rather than Token objects: making a
    Token per word costs more than the lookup itself.
    """

    def __init__(self) -> None:
        self._table = _lemma_table()
        self._cache: dict[int, int] = {}  # orth id -> lemma id

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        cache = self._cache
        orths = doc.to_array(ORTH)
        lemmas = []
        for orth in orths.tolist():
            lemma = cache.get(orth)
            if lemma is None:
                lower = doc.vocab.strings[orth].lower()
                lemma = doc.vocab.strings.add(self._table.get(lower, lower))
                cache[orth] = lemma
            lemmas.append(lemma)
        orths[:] = lemmas
        doc.from_array([LEMMA], orths)
        return doc


@Language.factory(LEMMATIZER)
def _make_lemmatizer(nlp: Language, name: str) -> _LemmaCache:
    return _LemmaCache()


class _LemmaNorm:
    """A word form's lowercased lookup lemma, as the vocabulary's ``NORM`` getter.

    The lookup lemma depends on the word form alone, so it can be a lexical attribute, worked out
    once when spaCy first sees the form: a phrase matcher on ``NORM`` then matches lemmas with no
    pass over each doc's tokens (which cost a tenth of rules-only extraction).
    """

    def __init__(self) -> None:
        self._table = _lemma_table()

    def __call__(self, string: str) -> str:
        lower = string.lower()
        return str(self._table.get(lower, lower))


def use_lemma_norms(nlp: Language) -> None:
    """Make every word form's ``NORM`` its lookup lemma, for the forms already known and those to come.

    The tokenizer's special cases must set no ``NORM`` of their own (``build_nlp`` drops them): a token's
    own norm would win over its word form's.
    """
    getter = _LemmaNorm()
    nlp.vocab.lex_attr_getters[NORM] = getter
    for lexeme in nlp.vocab:
        lexeme.norm_ = getter(lexeme.orth_)


def _matches_lemma_norms(nlp: Language) -> bool:
    return isinstance(nlp.vocab.lex_attr_getters.get(NORM), _LemmaNorm)


def lemmatize(nlp: Language, doc: Doc) -> Doc:
    """Set lemmas on a doc made outside the pipeline (pattern phrases)."""
    if nlp.has_pipe(LEMMATIZER):
        return nlp.get_pipe(LEMMATIZER)(doc)
    return _LemmaCache()(doc)


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    label: str
    id: str | None
    text: str
    start: int
    end: int
    row: dict[str, Any] = field(compare=False, hash=False, repr=False)


_new_match = fast_constructor(LexiconMatch)  # same record as LexiconMatch(...), made faster


class LemmaLexicon:
    """Matches the rows of one JSONL lexicon file on a lemmatised doc."""

    def __init__(self, nlp: Language, filename: str, *, patterns_dir: Path | None = None) -> None:
        base = patterns_dir
        self.rows = load_jsonl(filename, base=base)
        self._nlp = nlp
        # On a pipeline whose word forms' NORM is their lemma (build_nlp), lemmas are matched as NORM:
        # the same values, with no lemmatiser pass over the doc.
        by_norm = _matches_lemma_norms(nlp)
        self._phrases = PhraseMatcher(nlp.vocab, attr="NORM" if by_norm else "LEMMA")
        # "attr": "LOWER" rows match the exact word form ("amounted", not "amount"): phrase
        # matching either way, because a token-pattern Matcher costs several times more per token.
        self._forms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._tokens = Matcher(nlp.vocab, validate=True)
        self._row_of: dict[int, int] = {}  # match id (the row's key hashed) -> row index
        self._label_of = [row["label"] for row in self.rows]
        self._id_of = [row.get("id") for row in self.rows]
        path = (base or _default_dir()) / filename
        for index, row in enumerate(self.rows):
            key = str(index)
            self._row_of[nlp.vocab.strings.add(key)] = index
            pattern = row["pattern"]
            attr = row.get("attr", "LEMMA")
            if attr not in ("LEMMA", "LOWER"):
                raise PatternError(path, None, f"row {index + 1}: attr must be LEMMA or LOWER, not {attr!r}")
            if isinstance(pattern, str) and attr == "LOWER":
                self._forms.add(key, [nlp.make_doc(pattern)])
            elif isinstance(pattern, str):
                self._phrases.add(key, [nlp.make_doc(pattern) if by_norm else lemmatize(nlp, nlp.make_doc(pattern))])
            elif isinstance(pattern, list):
                try:
                    self._tokens.add(key, [pattern])
                except Exception as exc:  # spaCy's schema error: say which row
                    raise PatternError(path, None, f"row {index + 1}: {exc}") from exc
            else:
                raise PatternError(path, None, f"row {index + 1}: pattern must be a string or a list")

    def labels(self) -> set[str]:
        return {row["label"] for row in self.rows}

    def token_attributes(self) -> set[str]:
        """The token attributes the rows' token patterns read (``"IS_DIGIT"``, ``"SHAPE"``...)."""
        return {key.upper() for row in self.rows if isinstance(row["pattern"], list)
                for token in row["pattern"] if isinstance(token, dict) for key in token if key.upper() != "OP"}

    def find(self, doc: Doc, *, labels: Iterable[str] | None = None, text: str | None = None) -> list[LexiconMatch]:
        """Longest non-overlapping matches per label, in text order.

        ``text`` is ``doc.text`` when the caller has it (building it again costs a pass over the tokens).
        Matches stay ``(start, end, row)`` token triples until the survivors are known: a spaCy
        ``Span`` per raw match cost more than the matching itself.
        """
        if text is None:
            text = doc.text
        rows, id_of, label_of = self.rows, self._id_of, self._label_of
        return [_new_match(label_of[index], id_of[index], text[start:end], start, end, rows[index])
                for start, end, index in self.spans(doc, labels=labels)]

    def spans(self, doc: Doc, *, labels: Iterable[str] | None = None) -> list[tuple[int, int, int]]:
        """What :meth:`find` gives, as ``(start, end, row index)`` with character offsets: for a caller that
        makes records of its own from the rows (one record per match instead of two)."""
        wanted = set(labels) if labels is not None else None
        matches = list(self._phrases(doc))
        if len(self._forms):
            matches += self._forms(doc)
        if len(self._tokens):  # an empty Matcher warns on every call
            matches += self._tokens(doc)
        if not matches:
            return []
        row_of, label_of = self._row_of, self._label_of
        by_label: dict[str, list[tuple[int, int, int]]] = {}
        for match_id, start, end in matches:
            index = row_of[match_id]
            label = label_of[index]
            if wanted is None or label in wanted:
                by_label.setdefault(label, []).append((start, end, index))
        kept = [span for spans in by_label.values() for span in _longest_first(spans)]
        kept.sort(key=_position)  # token order is character order
        starts, ends = token_bounds(doc)
        return [(starts[start], ends[end - 1], index) for start, end, index in kept]


# The last doc's token bounds: the indicator and cue lexicons and the pipeline ask for the same doc's
# in turn, and Doc.to_array was a tenth of their matching time. One doc is kept (the tuple is read
# and replaced whole, so a thread never sees another doc's bounds).
_LAST_BOUNDS: list[tuple[Doc, list[int], list[int]] | None] = [None]


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's start and end offset in ``doc``'s text (lists not to be modified)."""
    cached = _LAST_BOUNDS[0]
    if cached is None or cached[0] is not doc:
        geometry = doc.to_array([IDX, LENGTH])
        starts = geometry[:, 0]
        cached = (doc, starts.tolist(), (starts + geometry[:, 1]).tolist())
        _LAST_BOUNDS[0] = cached
    return cached[1], cached[2]


def _position(span: tuple[int, int, int]) -> tuple[int, int]:
    return span[0], -span[1]


def _start(span: tuple[int, int, int]) -> int:
    return span[0]


def _longest_first(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """spaCy's ``filter_spans`` on ``(start, end, row)`` triples: longest (then earliest) first,
    overlaps dropped, the survivors in text order."""
    # Most labels' matches overlap none of the others (the matchers give them nearly in order): then
    # every one is kept, and the greedy pass below would only sort them back into text order.
    ordered = sorted(spans, key=_start)
    reach = -1
    for start, end, _ in ordered:
        if start < reach:
            break
        reach = end
    else:
        return ordered
    kept = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (s[1] - s[0], -s[0]), reverse=True):
        start, end, _ = span
        if start not in taken and end - 1 not in taken:
            kept.append(span)
            taken.update(range(start, end))
    kept.sort(key=lambda s: s[0])
    return kept


def _default_dir() -> Path:
    return patterns_dir()
