"""Agreements about to expire: what monev must renew, extend or let lapse.

Read from the current end date (a reviewer's correction wins over the
extractor), so an agreement whose end date is still unknown never shows here;
the yearly report counts those apart.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from service.registry.records import AgreementQuery, AgreementSummary

if TYPE_CHECKING:
    from service.registry import Registry

MAX_DAYS = 3650


class ExpiringItem(AgreementSummary):
    days_left: int = Field(..., description="calendar days from today to the end date")


class ExpiringList(BaseModel):
    today: dt.date
    days: int
    region_scope: str | None = None
    total: int
    items: list[ExpiringItem] = Field(..., description="soonest end date first")


def expiring_agreements(
    registry: Registry,
    days: int,
    *,
    region_scope: str | None = None,
    today: dt.date | None = None,
) -> ExpiringList:
    """Agreements whose current end date falls within ``days`` from ``today``
    (both ends included); merged copies are left out."""
    real_today = dt.date.today()
    today = today or real_today
    # The registry's own window is counted from the real today; another day
    # (a report as of a past date) reads every row and filters here.
    query = AgreementQuery(expires_within_days=days if today == real_today else None)
    last = today + dt.timedelta(days=days)
    items = [
        ExpiringItem(**item.model_dump(), days_left=(item.end_date - today).days)
        for item in registry.iter_agreements(query, region_scope=region_scope)
        if item.end_date is not None and today <= item.end_date <= last
    ]
    items.sort(key=lambda i: (i.end_date or today, i.id))
    return ExpiringList(
        today=today, days=days, region_scope=region_scope, total=len(items), items=items
    )
