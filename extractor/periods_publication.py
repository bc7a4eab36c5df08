"""find_publication_date: the date a text states as its own (a label, a dateline)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date

from .periods_grammar import _first_seq, _grammar, _sre_parse
from .periods_scan import _NUMBER_TRIGGER, find_periods

# --- find_publication_date --------------------------------------------------------------

_PUB_LABEL = re.compile(r"""
    ^[ \t>*•|-]{0,4}                          # at the start of a line (a bullet at most)
    (?:[A-Z][\w.]{0,20}(?:[ \t][A-Z][\w.]{0,20}){0,3}[ \t]{0,2}[|·•][ \t]{0,2})?  # "ABC News|", "CBC News · "
    (?:date\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:publication|release)  # date of publication
      |publication\s{1,3}date                 # publication date
      |release\s{1,3}date                     # release date
      |published(?:\s{1,3}on)?                # published (on)
      |released(?:\s{1,3}on)?                 # released (on)
      |posted(?:\s{1,3}on)?)                  # posted (on)
    \s{0,3}[:\-–—]?\s{0,3}                    # optional colon or dash
    (?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s{1,3})?  # a weekday: "Posted Wed 28 Jul 2021"
""", re.VERBOSE | re.IGNORECASE | re.MULTILINE)

_DATELINE_PREFIX = re.compile(r"""
    \A\s{0,8}                                 # line start
    (?:[A-Z][A-Z.'’\s-]{1,40}                 # ASTANA
       (?:\s{0,2}\([^()\n]{1,40}\))?          # (Kazinform)
       \s{0,2}[,.–—-]\s{0,3}                  # , or dash or full stop (ALMATY. 12 May 2023)
      |(?P<city>(?:[A-Z][A-Za-z’'.-]{1,20}\s{1,2}){0,2}[A-Z][a-z’'.-]{1,20}   # Ottawa | New Delhi | SBS News
       (?:,\s{1,2}(?:[A-Z][a-z’'.-]{1,20}\s{1,2}){0,2}[A-Z][a-z’'.-]{1,20})?  # , Uzbekistan
       ,\s{0,3}))?                            # then a comma (its space lost in scraped text:
                                              # "Australian,Thursday,", "Tripoli,10 January 2022:")
    (?P<weekday>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?(?:,\s{0,3}|\s{1,3}))?   # "Wednesday,May 14"
    \Z
""", re.VERBOSE)

_NOT_PUBLICATION = re.compile(r"(?i)updated|modified|revised|next")

# A time of day after a dateline's date, with its zone: "19:49", "at 9:05 AM", "9:41 AM EST", "10:12 GMT+7"
_CLOCK = (r"(?:(?:at\s{1,2})?\d{1,2}:\d{2}(?::\d{2})?\s{0,2}(?:[AaPp]\.?[Mm]\.?)?\s{0,3}"
          r"(?:[A-Z]{2,4}(?:[+-]\d{1,2})?\s{0,3})?)?")

_DATELINE_SUFFIX = re.compile(r"\A\s{0,3}" + _CLOCK + r"(?:\Z|[\n|/(,.–—-])")  # then the line's end or a separator

# After a dateline in Title case (Ottawa, July 1, 2014) the story must start with a bracket, or a
# dash and a capital: a title line "Population, 1 January 2024" or "Population, 1 January 2024 –
# 20.0 million" names the date of a stock, not of the text. (The dash may be followed by the
# outlet's name: "– l'Adige", "– d'Artagnan".)
_CITY_DATELINE_SUFFIX = re.compile(r"\A\s{0,3}" + _CLOCK
                                   + r"""(?:\(|[–—-]\s{0,3}(?:[A-Z"“‘']|[a-z]{1,2}['’][A-Z]))""")


# Labels sit at a line start: only lines whose first letter can begin one are tried.
_LABEL_LINE = re.compile(r"\n[ \t>*•|-]{0,4}[dDpPrR]")
_HEAD_LABELS = 400


def _labels(text: str) -> Iterable[re.Match[str]]:
    """``_PUB_LABEL.finditer(text)``, trying the label only at line starts that can hold one."""
    pos = 0
    # ("ABC News|Posted ..." under a headline: any line of the head may hold a site's label)
    head = []  # (the line starts by str.find: a loop over the head's characters cost more than the scan)
    i = text.find("\n", 0, _HEAD_LABELS)
    while i >= 0:
        head.append(i + 1)
        i = text.find("\n", i + 1, _HEAD_LABELS)
    for start in sorted({0, *head, *(hit.start() + 1 for hit in _LABEL_LINE.finditer(text))}):
        if start >= pos and (label := _PUB_LABEL.match(text, start)) is not None:
            yield label
            pos = label.end()


def _width(pattern: re.Pattern[str]) -> int:
    """The most characters a match of ``pattern`` can span."""
    return int(_sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[1])


_DATE_RULES = ("date_mdy", "date_dmy", "date_num", "date_iso", "date_num2")


@functools.lru_cache(maxsize=1)
def _dateline_scan() -> tuple[re.Pattern[str], int, int]:
    """What a date mention can start with, the longest dateline prefix, the longest date."""
    rules = dict(_grammar(None).rules)
    classes = []
    for name in _DATE_RULES:
        first, _ = _first_seq(_sre_parse.parse(rules[name].pattern, rules[name].flags), False)
        assert first is not None, name
        classes.append("[" + "".join(sorted(first)) + "]")
    date_start = re.compile("|".join(classes))
    return date_start, _width(_DATELINE_PREFIX), max(_width(rules[name]) for name in _DATE_RULES)


def _may_hold_dateline(line: str) -> bool:
    """False when no dated mention can start right after a dateline prefix of ``line``.

    A date with a year contains a four-digit run or starts with dd.mm.yy (the number
    triggers), and starts at most the longest date before that number, where the text
    before it must be a dateline prefix. Lines failing this cheap test are skipped
    without running find_periods on them.
    """
    date_start, prefix_width, date_width = _dateline_scan()
    for hit in _NUMBER_TRIGGER.finditer(line, 0, prefix_width + date_width + 8):
        # (date_start matches one character: its matches in the stretch are the positions it matched at)
        for start in date_start.finditer(line, max(0, hit.start() - date_width), hit.start() + 1):
            if _DATELINE_PREFIX.match(line, 0, start.start()):
                return True
    return False


def _starts_like_date(window: str) -> bool:
    """Can a date mention start at the first non-space character of ``window``?"""
    rest = window.lstrip()
    return bool(rest) and _dateline_scan()[0].match(rest) is not None


# After a byline's date, at most a time: "Podrobno.uz, 8 January 2024,10:42".
# (a colon may end the dateline's line: "Tripoli,10 January 2022:")
_BYLINE_REST = re.compile(r"[\s,]*(?:\d{1,2}:\d{2}(?::\d{2})?\s{0,2}(?:[AaPp]\.?[Mm]\.?)?\s{0,3}(?:[A-Z]{2,4})?)?"
                          r"\s*:?\s*")
_WEB_NAME = re.compile(r"\w\.[a-z]{2,3}\Z")  # "Kursiv.kz", "Daryo.uz": a news site's name


def _is_byline(name: str, lines_above: Sequence[str]) -> bool:
    """A newspaper's name alone before a date, under a headline: "Sydney Morning Herald, January 8, 2015"."""
    words = _grammar(None).vocab.byline_words
    named = any(word.lower().strip(".’'") in words or _WEB_NAME.search(word) for word in name.replace(",", " ").split())
    return named and any(earlier.strip() for earlier in lines_above)


def _under_headline(lines_above: Sequence[str]) -> bool:
    """A line "Luanda, 17 January 2017" or "Statistics Norway, 19 August 2016" alone under a headline (and a
    byline at most): where the text was filed or who issued it, and when. A title's own line ("Population,
    1 January 2024") is the first."""
    filled = [line for line in lines_above if line.strip() and "|" not in line]  # (not a scraped page's menu)
    # (set apart from the headline by a blank line or a byline: "Statistics\nPopulation Estimates, July 1,
    # 2024" is a title in two lines)
    return 1 <= len(filled) <= 3 and (not lines_above[-1].strip() or lines_above[-1].lstrip().startswith("By "))


def _stock_day(day: date) -> bool:
    """The first of a month or a quarter's last day: the date a subtitle gives its stock ("Population,
    1 January 2024"), too often to read it as the day a text came out."""
    return day.day == 1 or (day.month, day.day) in ((3, 31), (6, 30), (9, 30), (12, 31))


def is_dateline_date(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the date of a dateline ("ASTANA. Feb 14 (Interfax-Kazakhstan) -"), year or not."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    prefix = _DATELINE_PREFIX.match(text[line_start:start])
    if prefix is None or _NOT_PUBLICATION.search(text, line_start, start):
        return False
    suffix = _CITY_DATELINE_SUFFIX if prefix.group("city") else _DATELINE_SUFFIX
    return suffix.match(text[end:line_end if line_end >= 0 else len(text)]) is not None


_WEEKDAY = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s{0,3}")


_FIELD_TOWN = re.compile(r"[^\W\d][^\d,|]{1,40},\s{0,3}(?=\d|[A-Z][a-z]{2,8}\.?\s\d)")  # ("Leeuwarden,16 May 2024")


def _field_date(line: str) -> date | None:
    """A byline of fields between bars whose one field is a date: "By Brian Ngugi|Business Daily|
    Thursday,April 28,2016", "Buenos Aires Times|14-05-2024|Economy", "By Jordan Ellis | The Tennessean |
    Nashville, January 22, 2026"."""
    for field in line.split("|"):
        field = field.strip()
        town = _FIELD_TOWN.match(field)  # "Nashville, January 22, 2026": the town the paper is in, then the day
        field = field[town.end():] if town else field
        weekday = _WEEKDAY.match(field)
        field = field[weekday.end():] if weekday else field
        if not field or not field[0].isalnum():
            continue
        found = find_periods(field)
        if len(found) == 1 and found[0].kind == "date" and found[0].first is not None \
                and found[0].start == 0 and _TIME_OF_DAY.fullmatch(field, found[0].end):
            return found[0].first
    return None


# what may follow a byline's date in its field: "04/01/2025 10:12 GMT+7", "May 6, 2019, 9:05 AM"
_TIME_OF_DAY = re.compile(r"[\s,.;]*" + _CLOCK + r"[\s,.;]*")


# "Agência Brasil, Rio de Janeiro, 31 January 2020": who issued the text and where, no figures, then the day
_ISSUER_LINE = re.compile(r"\s{0,4}[^\W\d][^\d\n,]{1,80},\s{1,3}[^\W\d][^\d\n,]{1,40},\s{1,3}"
                          r"(?=\d|[A-Z][a-z]{2,8}\.?\s\d)")


def _issuer_line_date(line: str) -> date | None:
    """The date that ends a line of an issuer's name, a place and a date (one comma-part each); a title
    line ("Population Estimates, July 1, 2024") has only one part before its date."""
    head = _ISSUER_LINE.match(line)
    if head is None:
        return None
    found = find_periods(line[head.end():])
    if len(found) == 1 and found[0].kind == "date" and found[0].first is not None and found[0].start == 0 \
            and not line[head.end() + found[0].end:].strip(" ,.;"):
        return found[0].first
    return None


def find_publication_date(text: str) -> date | None:
    """The date a text states as its own publication date, or None.

    >>> find_publication_date("Date of publication: 09.02.2026\\n\\nDate of next publication: 12.05.2026")
    datetime.date(2026, 2, 9)
    >>> find_publication_date("ASTANA, May 5, 2025 — The population grew")
    datetime.date(2025, 5, 5)
    >>> find_publication_date("Date of next publication: 12.05.2026") is None
    True
    """
    if not isinstance(text, str) or not text:
        return None
    for label in _labels(text):
        window = text[label.end():label.end() + 40]
        if not _starts_like_date(window):  # the first mention must be a date right after the label
            continue
        for mention in find_periods(window):
            if mention.kind == "date" and mention.first and not window[:mention.start].strip():
                return mention.first
            break
    head = text[:600]
    lines = head.split("\n")
    for line_no, line in enumerate(lines):
        if line_no > 12:
            break
        if "|" in line and (stamped := _field_date(line)) is not None:
            return stamped
        if line.count(",") >= 2 and (issued := _issuer_line_date(line)) is not None:
            return issued
        if not _may_hold_dateline(line):
            continue
        for mention in find_periods(line):
            if mention.kind != "date" or mention.first is None:
                continue
            head_of_line = line[:mention.start]
            prefix = _DATELINE_PREFIX.match(head_of_line)
            if prefix is None or _NOT_PUBLICATION.search(head_of_line):
                continue
            suffix = _CITY_DATELINE_SUFFIX if prefix.group("city") else _DATELINE_SUFFIX
            if suffix.match(line[mention.end:]):
                return mention.first
            if prefix.group("city") and _BYLINE_REST.fullmatch(line, mention.end) \
                    and (prefix.group("weekday") or _is_byline(prefix.group("city"), lines[:line_no])
                         or (mention.kind == "date" and not _stock_day(mention.first)
                             and _under_headline(lines[:line_no]))):
                return mention.first
    return None
