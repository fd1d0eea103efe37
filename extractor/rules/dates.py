"""Dates: one import point for the date stages.

date_forms.py reads every written date (words, digits, mixed, numeric);
signing_date.py chooses the signing date by context; sign_line_date.py reads
the "Place, date" line above the signatures; term_dates.py does the calendar
arithmetic of a term. Callers and tests import from here.
"""

from __future__ import annotations

from extractor.rules.date_forms import (
    MONTH_CUTOFF,
    MONTHS,
    WEEKDAY_CUTOFF,
    WEEKDAYS,
    DateMention,
    Token,
    find_dates,
    month_of,
    parse_date,
    tokenize,
    weekday_of,
)
from extractor.rules.signing_date import OPENING_WINDOW, find_signing_date, locate_signing_date
from extractor.rules.term_dates import add_duration

__all__ = [
    "MONTHS",
    "MONTH_CUTOFF",
    "OPENING_WINDOW",
    "WEEKDAYS",
    "WEEKDAY_CUTOFF",
    "DateMention",
    "Token",
    "add_duration",
    "find_dates",
    "find_signing_date",
    "locate_signing_date",
    "month_of",
    "parse_date",
    "tokenize",
    "weekday_of",
]
