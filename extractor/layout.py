"""The layout of a document, read before any value is linked: its title lines, its dateline, and the
tables flattened into its text.

Lines, sentences, list items and their lead-ins come from :mod:`extractor.segments`; tables from
:mod:`extractor.tables`. What this module adds is the role of the lines around them: a title (the
lines before the first value that end without a full stop) states the period and place the whole
release is about; a dateline ("ALMATY. ...", "ASTANA, 14 August 2023 –") names where a report was
filed, which is never a fact's region or period (FACTS.md, "Where a fact's period, region and
indicator come from").

>>> from extractor.segments import split_sentences
>>> text = "Births in Kazakhstan, 2024\\nIn 2024, 380 000 babies were born."
>>> layout = read_layout(text, split_sentences(text), [], [], [], [])
>>> sorted(layout.title_starts)
[0]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .segments import Sentence
from .tables import Cell, find_tables
from .types import IndicatorMention, NumberMention, PeriodMention, RegionMention

DATELINE_REACH = 400  # a dateline sits in the first lines
# ", 14 August", ", July 24", " – ", ". 24 July." ("Baku. 24 July. APA."), ". July 24"
_DATELINE_TAIL = re.compile(r"\s*(?:,\s*\d|,\s*[A-Z][a-z]+\s+\d|[—–-]\s"
                            r"|\.\s+\d{1,2}\s+[A-Z][a-z]+|\.\s+[A-Z][a-z]+\s+\d"
                            r"|:\s+(?:The|A|An)\s)")  # "Muscat: The consumer price index ..."
TERMINAL = (".", "!", "?", ":", ";")


@dataclass(slots=True)
class Layout:
    """Where a document's title lines and tables are."""

    title_starts: frozenset[int] = frozenset()  # start offsets of the sentences that are title lines
    tables: dict[int, Cell] = field(default_factory=dict)  # table cells by their value's start


def read_layout(text: str, sentences: Sequence[Sentence], values: Sequence[NumberMention],
                periods: Sequence[PeriodMention], indicators: Sequence[IndicatorMention],
                regions: Sequence[RegionMention], *, patterns_dir: Path | None = None) -> Layout:
    """The layout of ``text``; ``values`` are its numbers outside periods, sorted by start."""
    return Layout(_titles(text, sentences, values),
                  find_tables(text, values, periods, indicators, regions, patterns_dir=patterns_dir))


def _titles(text: str, sentences: Sequence[Sentence], values: Sequence[NumberMention]) -> frozenset[int]:
    """The sentences before the first one with a value that end without a full stop (not the lines
    about the document itself: "Date of publication: ...")."""
    first_value = values[0].start if values else len(text)
    titles = set()
    for sent in sentences:
        if sent.meta:
            continue
        if sent.end > first_value and _holds_value(sent, values):
            break
        if not text[sent.start:sent.end].rstrip().endswith(TERMINAL):
            titles.add(sent.start)
    return frozenset(titles)


def _holds_value(sent: Sentence, values: Sequence[NumberMention]) -> bool:
    return any(sent.start <= v.start and v.end <= sent.end for v in values)


# an office's or outlet's name, no figures, then a comma or a dash ("Los Tiempos – Cochabamba, January 26, 2021")
_OFFICE_BEFORE = re.compile(r"[^\d\n]{3,160}(?:[,)]|\s[–—-])\s{1,3}")
_DATE = (r"\d{1,2}(?:st|nd|rd|th)?\s[A-Z][a-z]{2,8}\.?,?\s\d{4}"  # "7 November 2023"
         r"|[A-Z][a-z]{2,8}\.?\s\d{1,2},?\s\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")  # "June 2, 2019", "10.01.2017"
_DATE_ENDS_LINE = re.compile(r",\s{1,3}(?:" + _DATE + r")\s*")
# a byline of fields between bars, one of them a date: "Kuensel | Tshering Dorji, Thimphu | June 2, 2019",
# "Amandala | Belize City | Friday, August 19, 2016"
# "By Andrea Solís | San José, 10 March 2016 | La República": the town may share the date's field
_BYLINE_DATE = re.compile(r"(?:^|\|)\s*(?:[^|,\d]{1,40},\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s)?"
                          r"(?:" + _DATE + r"|\d{4}[./-]\d{1,2}[./-]\d{1,2})\.?\s*(?:\||$)")  # "24.01.2024. |"
_AGENCY_FIRST = re.compile(r"[A-Z][\w.&-]{1,20}(?:\s[A-Z][\w.&-]{1,20})?,\s*")


_LEAD_VERB = re.compile(r" [a-z]")


def is_dateline(text: str, m: RegionMention) -> bool:
    """"ALMATY. ...", "ASTANA, 14 August 2023 –", "BISHKEK —": the place a report was filed from,
    at the start of a line near the top, in capitals or followed by a date or a dash."""
    if m.start > DATELINE_REACH:
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    if "|" in line and _BYLINE_DATE.search(line):
        return True  # the town a byline gives is where the paper or the reporter is
    if text[line_start:m.start].strip() and not _AGENCY_FIRST.fullmatch(text, line_start, m.start):
        # (an agency may come first: "IPN, Chisinau, 28 March 2024 –"; an office's line may end with its
        # town and the date: "Statistical Institute of Catalonia (Idescat), Barcelona, 7 November 2023")
        return _OFFICE_BEFORE.fullmatch(text, line_start, m.start) is not None and \
            _DATE_ENDS_LINE.fullmatch(text, m.end, len(text) if line_end < 0 else line_end) is not None
    # "EU at 2.0%", "UK inflation", "N.S. population": an abbreviation in capitals is no dateline
    # ("TASMANIA welcomed a record ...": a lead's first word in capitals, its verb after it, is its subject)
    return (m.text.isupper() and sum(c.isalpha() for c in m.text) > 3 and not _LEAD_VERB.match(text, m.end)) \
        or _DATELINE_TAIL.match(text, m.end) is not None


__all__ = ["Layout", "read_layout", "is_dateline", "DATELINE_REACH"]
