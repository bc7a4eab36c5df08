"""Periods: find the stretches of time a text names, and turn them into dates.

Three functions make the public API:

* :func:`find_periods` locates period mentions with our own regular grammar
  (``January-December 2025``, ``first four months of this year``, ``Q1 2025``,
  ``mid-2024``, ``the same period last year``, ``since February 2024`` ...).
  Spans are offsets into the original string, sorted, non-overlapping
  (the longest candidate wins), and the scan is linear in the text length:
  one fast scan finds the tokens every rule needs (a year, a month name, a key
  word such as ``quarter`` or ``same``), and each rule runs only in windows
  around its tokens. Key words are matched in lower, Title or UPPER case.
* :func:`resolve_period` turns a mention into an inclusive ``(first, last)``
  pair of dates, using the context a caller knows (the period in force, the
  "as of" date, the publication date).
* :func:`find_publication_date` reads the date a text states as its own
  publication date (a label such as ``Released:``, or a dateline such as
  ``ASTANA, 12 May 2023 –``, ``ALMATY. 12 May 2023.``, ``Ottawa, July 1, 2014 (The Daily)``).

The code lives in ``periods_grammar`` (vocabulary, rule templates, fast scanners),
``periods_rules`` (what a match means), ``periods_scan`` (find_periods),
``periods_resolve`` and ``periods_publication``; this module is their API.

A mention that fixes its own bounds carries ``first``/``last``; one that needs
context leaves them ``None`` and says in ``detail`` what the resolver needs:

============  ================================================================
detail key    meaning
============  ================================================================
months        ``(a, b)``: calendar months a..b (``a > b`` runs over New Year)
relative      year offset from the base year: ``of this year`` 0, ``of last year`` -1
month, day    a date without a year (``Sept. 20``)
quarter/half  which quarter or half (informative; ``months`` carries the bounds)
part          fuzzy word: ``early``, ``mid``, ``late`` ... ; ``days`` for a month part
edge          a ``date`` that is a point named by a part after at/by/as of: ``first``
              (``at the beginning of 2025`` 2025-01-01) or ``last`` (``by the end of
              September`` 30 September); a stock's date, where the same words after
              ``in``/``until`` stay a ``fuzzy`` part of the year
start         a ``since`` mention's first day when the text fixes it
base_kind,    a ``since`` mention whose start needs context: the kind and detail
base_detail,  of the mention after ``since``; ``base_edge`` is ``first`` or
base_edge     ``after_last`` (``since the end of 2023`` starts 2024-01-01); ``from``
              before a date opens a ``since`` too (``an increase of 96,000 from July 1``)
year, shift   ``same_period``: the target year, or a shift in years (None: the
              text gave neither, ``the same period``); ``unit`` as written
months_shift  ``same_period`` by months: ``a month earlier`` -1, ``12 months
              earlier`` -12, ``the previous quarter`` -3 (the period in force moved)
basis         ``same_period`` that names the basis of a rate: ``year`` (``year on
              year``, ``y/y``, ``over the year``, ``in annual terms``), ``month`` (``on
              the month``, ``month-on-month``), ``quarter`` (``quarter-on-quarter``).
              As a reference: the period in force moved back one unit (``shift`` -1
              or ``months_shift`` -1/-3); otherwise the stretch the rate covers: the
              12, 3 or 1 months ending with the period in force
offset        ``relative_year``: ``last year`` -1, ``this year`` 0, ``next year`` 1
years_back    ``the past 25 years``: 25
n_months      ``to_month``: length of the stretch ending with ``month`` (None: the
              period in force's last month, else the month before the anchor, ``the
              past 12 months``); ``quarter`` when it ends with one (``the year to Q3``).
              A stock date on a 1st as the period in force closes the month before it
word          ``deictic``: the word as written, lower case
as_of         True when the text says ``as of`` right before the mention
============  ================================================================

>>> [(m.text, m.kind) for m in find_periods("In January-December 2025, compared to 2024")]
[('January-December 2025', 'month_range'), ('2024', 'year')]
>>> m = find_periods("Since January, the population grew")[0]
>>> m.text, m.needs_context
('Since January', True)
>>> resolve_period(m, as_of=date(2025, 5, 1))
(datetime.date(2025, 1, 1), datetime.date(2025, 4, 30))
"""

from __future__ import annotations

from datetime import date  # noqa: F401 - the doctests above use it

from .periods_publication import find_publication_date
from .periods_resolve import resolve_period
from .periods_scan import find_periods

__all__ = ["find_periods", "resolve_period", "find_publication_date"]

