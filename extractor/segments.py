"""Cut a text into lines, sentences and list items, keeping offsets into the original.

Releases put one paragraph, heading or list item per line, so a line is the unit
of context: a sentence inherits from earlier sentences of its line, and a line
inherits only what the document set as its frame. A line ending in ``:`` is the
lead-in of the list items that follow it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .resources import load_yaml
from .types import fast_constructor


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    line: int  # index of its line among the document's non-blank lines
    first_in_line: bool
    list_item: bool  # part of a list introduced by a lead-in line
    lead_in: int | None  # index (into the sentence list) of the list's lead-in sentence
    meta: bool  # a line about the document (publication date, contacts)


_new_sentence = fast_constructor(Sentence)  # same record as Sentence(...), made faster


@functools.cache
def _rules(patterns_dir: Path | None) -> tuple[re.Pattern[str], frozenset[str], int, re.Pattern[str]]:
    data = load_yaml("segments.yaml", base=patterns_dir)
    bullets = re.compile(r"\s*(?:" + "|".join(re.escape(b) for b in data["bullets"]) + r")\s")
    abbreviations = frozenset(a.lower() for a in data["abbreviations"])
    meta = re.compile(r"(?i:^\W*(?:" + "|".join(re.escape(w) for w in data["meta_line_words"]) + r")\b)"
                      + "".join(f"|(?:{p})" for p in data.get("meta_patterns", ())))
    return bullets, abbreviations, int(data["max_bare_item_length"]), meta


# A sentence ends at . ! ? followed by space and an upper-case letter, digit, quote or bracket; in
# scraped text that lost its spaces, at a full stop between a word (or a number) and a capitalised
# word ("hit travel.Interstate visitors", "contributed 2,710.Net interstate"), never inside a name
# or an address ("Kun.uz", "U.S.", "stat.gov.kz").
# (Both branches start at the stop, so the scan still skips ahead to the next . ! or ?.)
# A date as Czech and Slovak releases space it ("As of 30. 9. 2017"), or Korean ones ("released 2022. 11. 2."),
# ends no sentence at its stops.
_SENTENCE_END = re.compile(r"""[.!?](?<!\d\.\s\d\.)(?<!\d\.\s\d\d\.)(?!\s\d{1,2}\.\s(?:19|20)\d\d\b)"""
                           r"""(?!(?<=(?:19|20)\d\d\.)\s\d{1,2}\.\s\d{1,2}\b)"""
                           r"""(?:["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9А-ЯЁ])"""
                           r"""|(?:(?<=[a-z]{3}\.)|(?<=[0-9%)]\.))(?=[A-Z][a-z]+\b))""")
_DASH_ITEM = re.compile(r"\s[–—-]\s*[-+−]?\d")


def split_sentences(text: str, *, patterns_dir: Path | None = None) -> list[Sentence]:
    """Lines and sentences of ``text`` in order; blank lines give nothing.

    >>> text = "Title 2025\\nIt rose by 5%. Deaths fell.\\nRegions are as follows:\\n- Astana – 1.95%"
    >>> [(text[s.start:s.end], s.list_item) for s in split_sentences(text)]  # doctest: +NORMALIZE_WHITESPACE
    [('Title 2025', False), ('It rose by 5%.', False), ('Deaths fell.', False),
     ('Regions are as follows:', False), ('- Astana – 1.95%', True)]
    """
    bullets, abbreviations, max_item, meta_re = _rules(patterns_dir)
    sentences: list[Sentence] = []
    lead_in: int | None = None
    line_no = -1
    pos = 0
    for raw in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(raw)
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            continue
        line_no += 1
        is_bullet = bullets.match(body) is not None
        is_item = lead_in is not None and (
            is_bullet or (len(stripped) <= max_item and _DASH_ITEM.search(body) is not None))
        if not is_item:
            lead_in = None
        meta = meta_re.match(body) is not None
        offset = line_start + (len(body) - len(body.lstrip()))
        end_of_line = line_start + len(body.rstrip())
        first = True
        for start, end in _cut(text, offset, end_of_line, abbreviations):
            sentences.append(_new_sentence(start, end, line_no, first, is_item,
                                          lead_in if is_item else None, meta))
            first = False
        if stripped.endswith(":") and not is_item:
            lead_in = len(sentences) - 1
    return sentences


def _cut(text: str, start: int, end: int, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    pieces = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        word = _word_before(text, cursor, match.start())
        if word and (word.lower() in abbreviations or (len(word) == 1 and word.isalpha())
                     or ("." in word and not word.replace(".", "").isdigit())):
            continue  # "Sept. 20", "N. Khanzhigitov", "U.S. data"; "$34.69. Over" ends a sentence
        if word.isdigit() and not text[cursor:match.start()].strip(" \t").removesuffix(word):
            continue  # a section number ("1. Key points"); "from April 1. Ontario's ..." ends a sentence
        piece_end = match.start() + 1
        while piece_end < match.end() and not text[piece_end].isspace():
            piece_end += 1  # keep a closing quote with its sentence
        pieces.append((cursor, piece_end))
        cursor = match.end()
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def _word_before(text: str, start: int, stop: int) -> str:
    """The word and dots before a full stop at ``stop`` ("Sept", "U.S"), not before ``start``; ""
    when the sentence ends in ! or ?. Read backwards from the stop: a regex anchored at the end of the
    sentence would try every position of it."""
    if text[stop] != ".":
        return ""
    i = stop
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    return text[i:stop]
