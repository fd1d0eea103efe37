"""Dates of the term: the last day of a term that runs for a duration.

Kept apart from the date forms because it is calendar arithmetic, used by the
term stage (duration.py) when the text gives a duration but no end date.
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_duration(start: dt.date, value: int, unit: str) -> dt.date:
    """Last day of a term: start + value units - 1 day (a 1-year term from 1 Jan ends 31 Dec)."""
    if unit == "hari":
        return start + dt.timedelta(days=value - 1)
    months = value * 12 if unit == "tahun" else value
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day) - dt.timedelta(days=1)
