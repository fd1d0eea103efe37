"""An agreement's state in a fiscal year's report, as of the day it is read.

The day matters: in the current year's report an agreement ending in 18 days
is *about to* end (``expiring``), not ended; only a year already closed is
read as of its 31 December. States are English codes in the API and
``AGREEMENT_STATE_LABELS`` (``service.indonesian``) wherever a person reads them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

AgreementState = Literal["signed", "active", "expiring", "expired", "unknown_end"]
EXPIRING_WINDOW_DAYS = 180
"""How far ahead of the report's day an end date counts as ``expiring``."""


def as_of(fiscal_year: int, today: dt.date) -> dt.date:
    """The day a report reads states on: today within the year, 31 December after it."""
    return min(today, dt.date(fiscal_year, 12, 31))


def in_year(signing: dt.date | None, end: dt.date | None, fiscal_year: int, today: dt.date) -> bool:
    """In force at some point of the year up to the report's day."""
    day = as_of(fiscal_year, today)
    if signing is not None and signing > day:
        return False
    return not (end is not None and end < dt.date(fiscal_year, 1, 1))


def state_of(
    signing: dt.date | None, end: dt.date | None, fiscal_year: int, today: dt.date
) -> AgreementState:
    day = as_of(fiscal_year, today)
    if end is None:
        return "unknown_end"
    if end < day:
        return "expired"
    if end <= day + dt.timedelta(days=EXPIRING_WINDOW_DAYS):
        return "expiring"
    if signing is not None and signing.year == fiscal_year:
        return "signed"
    return "active"
