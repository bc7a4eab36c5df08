"""A deterministic benchmark corpus built from the project's own documents.

The sources are ``seeds/*.txt`` and ``tests/fixtures/extra/*.txt``: thirteen real or realistic
statistical releases of 1-6 KB each. A corpus of a given size cycles through them; every copy
after the first changes the numbers it carries (the last digit of each value's integer part,
by a shift drawn from the copy and the number's position), so that no two documents of a corpus
have the same text and a cache keyed on a whole document gains nothing. Years, dates
(``09.02.2026``, ``2025-04-04``, ``30 September``, ``March 9``) and codes (``14-10-0287-01``) are
left alone, so periods stay what the document says and stay valid. Document ids are ``<source>#<copy>``.

Sizes are in MB of UTF-8 text (1 MB = 1,000,000 bytes). A corpus is a generator: a 50 MB corpus
is never held in memory by this module.

>>> docs = list(documents(0.02))
>>> sum(len(text.encode()) for _, text in docs) >= 20_000
True
>>> len({text for _, text in docs}) == len(docs)
True
>>> docs == list(documents(0.02))
True
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
SOURCE_GLOBS = ("seeds/*.txt", "tests/fixtures/extra/*.txt")
MB = 1_000_000

# A number as written: digits with decimal or thousands separators ("20,7", "47,000", "09.02.2026").
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
_YEAR = regex.compile(r"(?:19|20)\d\d")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_MONTH_BEFORE = regex.compile(_MONTH + r"\s{1,3}\Z")  # "March 9"
_MONTH_AFTER = regex.compile(r"\s{1,3}" + _MONTH + r"(?![a-z])")  # "30 September"


@lru_cache(maxsize=1)
def sources() -> tuple[tuple[str, str], ...]:
    """``(name, text)`` of every source document, in a fixed order."""
    found = []
    for pattern in SOURCE_GLOBS:
        for path in sorted(ROOT.glob(pattern)):
            found.append((path.stem, path.read_text(encoding="utf-8")))
    if not found:
        raise FileNotFoundError(f"no source documents under {ROOT} ({', '.join(SOURCE_GLOBS)})")
    return tuple(found)


@cache
def _template(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The text split into literal pieces and the numbers a copy may change (one more piece than numbers)."""
    pieces, numbers = [], []
    cursor = 0
    for match in _NUMBER.finditer(text):
        token = match.group()
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if (_YEAR.fullmatch(token) or token.count(".") > 1 or before in ("-", "/", ":") or after in ("-", "/", ":")
                or len(token) <= 2 and (_MONTH_BEFORE.search(text, max(0, match.start() - 14), match.start())
                                        or _MONTH_AFTER.match(text, match.end()))):
            continue  # a year, a date, a day of a month, a code or a time: left as written
        pieces.append(text[cursor:match.start()])
        numbers.append(token)
        cursor = match.end()
    pieces.append(text[cursor:])
    return tuple(pieces), tuple(numbers)


def _shifted(token: str, copy: int, position: int) -> str:
    """``token`` with the last digit of its integer part moved by 1-9 (fixed by copy and position)."""
    shift = 1 + zlib.crc32(f"{copy}:{position}".encode()) % 9
    cut = len(token)
    for i, char in enumerate(token):
        if char in ".,":
            cut = i
            break
    digit = (int(token[cut - 1]) + shift) % 10
    return f"{token[:cut - 1]}{digit}{token[cut:]}"


def variant(text: str, copy: int) -> str:
    """Copy number ``copy`` of ``text``: the text itself for copy 0, its numbers changed otherwise."""
    if copy == 0:
        return text
    pieces, numbers = _template(text)
    out = [pieces[0]]
    for position, token in enumerate(numbers):
        out.append(_shifted(token, copy, position))
        out.append(pieces[position + 1])
    return "".join(out)


def documents(size_mb: float) -> Iterator[tuple[str, str]]:
    """``(doc_id, text)`` cycling through the sources until ``size_mb`` MB of text have been given."""
    target = size_mb * MB
    given = 0
    copy = 0
    while True:
        for name, text in sources():
            if given >= target:
                return
            body = variant(text, copy)
            given += len(body.encode("utf-8"))
            yield f"{name}#{copy}", body
        copy += 1


def long_document(size_mb: float) -> str:
    """One document of about ``size_mb`` MB: the corpus's documents joined by blank lines."""
    parts = []
    for _, text in documents(size_mb):
        parts.append(text.strip("\n"))
    return "\n\n\n".join(parts) + "\n"


def size_of(docs: list[tuple[str, str]]) -> int:
    """Bytes of UTF-8 text in ``docs``."""
    return sum(len(text.encode("utf-8")) for _, text in docs)
