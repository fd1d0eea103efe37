"""When the yearly monev report is due.

Permendagri 22/2020 asks for the report at the latest 7 working days after the
fiscal year ends (31 December). Working days skip weekends, national public
holidays and the government's *cuti bersama* (collective leave), which the
``holidays`` package carries as its "government" category for Indonesia; a
hand-kept list of holidays would go stale every year.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

REPORT_WORKING_DAYS = 7


@lru_cache(maxsize=16)
def _non_working(year: int) -> frozenset[dt.date]:
    calendar = holidays.country_holidays("ID", years=[year], categories=("public", "government"))
    return frozenset(calendar.keys())


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _non_working(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself not counted)."""
    day = start
    counted = 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def report_deadline(fiscal_year: int) -> dt.date:
    """Last day to submit the monev report for ``fiscal_year``."""
    return add_working_days(dt.date(fiscal_year, 12, 31), REPORT_WORKING_DAYS)
