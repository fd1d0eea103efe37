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
from pydantic import BaseModel, Field

REPORT_WORKING_DAYS = 7


@lru_cache(maxsize=256)
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


@lru_cache(maxsize=4096)
def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end``; negative (the
    working days from ``end`` to ``start``) once ``end`` has passed. Cached: every
    body of a status list that has not submitted asks the same pair of days."""
    if end < start:
        return -working_days_between(end, start)
    return sum(
        is_working_day(start + dt.timedelta(days=n)) for n in range(1, (end - start).days + 1)
    )


def report_deadline(fiscal_year: int) -> dt.date:
    """Last day to submit the monev report for ``fiscal_year``."""
    return add_working_days(dt.date(fiscal_year, 12, 31), REPORT_WORKING_DAYS)


class DeadlineInfo(BaseModel):
    fiscal_year: int
    fiscal_year_end: dt.date
    deadline: dt.date
    working_days: int = REPORT_WORKING_DAYS
    days_left: int = Field(..., description="calendar days from today; negative once passed")


def due_fiscal_year(today: dt.date) -> int:
    """The fiscal year whose report is due next: last year's until its deadline
    has passed (early January), this year's after that."""
    return today.year - 1 if today <= report_deadline(today.year - 1) else today.year


def deadline_info(fiscal_year: int, today: dt.date | None = None) -> DeadlineInfo:
    today = today or dt.date.today()
    deadline = report_deadline(fiscal_year)
    return DeadlineInfo(
        fiscal_year=fiscal_year,
        fiscal_year_end=dt.date(fiscal_year, 12, 31),
        deadline=deadline,
        days_left=(deadline - today).days,
    )
