"""Expiry that helps act: agreements about to expire, those that ended lately
with nothing filed to extend them, NKs ending before the PKS under them, PKS
without their NK in the registry, and agreements with no end date.

Read from the current end date (a reviewer's correction wins over the
extractor). The plain expiring list (``expiring_agreements``) keeps the
registry's indexed window; ``expiry_actions`` reads one body's portfolio.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from service.registry.records import AgreementQuery, AgreementSummary
from service.reports.portfolio import MonevRow

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


class ExpiryItem(BaseModel):
    id: int
    doc_type: str | None = None
    title: str | None = None
    numbers: list[str] = Field(default_factory=list)
    parties: list[str] = Field(default_factory=list)
    end_date: dt.date | None = None
    days: int | None = Field(None, description="days to the end date; negative = days since")
    related: list[int] = Field(
        default_factory=list, description="the PKS outliving an NK, or nothing"
    )


class ExpiryActions(BaseModel):
    """What monev must act on, list by list (``EXPIRY_LIST_LABELS`` names them)."""

    today: dt.date
    days: int
    expiring: list[ExpiryItem] = Field(..., description="ending within the window")
    lapsed: list[ExpiryItem] = Field(
        ..., description="ended within the last N days with no addendum: still counted active"
    )
    outlived: list[ExpiryItem] = Field(..., description="NKs that end before a PKS under them")
    orphan_pks: list[ExpiryItem] = Field(..., description="PKS with no parent NK in the registry")
    no_end: list[ExpiryItem] = Field(..., description="no end date, stated or computed")

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in EXPIRY_LISTS}


EXPIRY_LISTS = ("expiring", "lapsed", "outlived", "orphan_pks", "no_end")


def _item(row: MonevRow, today: dt.date, related: list[int] | None = None) -> ExpiryItem:
    return ExpiryItem(
        id=row.id,
        doc_type=row.doc_type,
        title=row.title,
        numbers=row.numbers,
        parties=row.party_names,
        end_date=row.end_date,
        days=(row.end_date - today).days if row.end_date else None,
        related=related or [],
    )


def expiry_actions(rows: list[MonevRow], days: int, today: dt.date) -> ExpiryActions:
    """The five lists over ``rows`` (one body's or one region's agreements)."""
    by_id = {r.id: r for r in rows}
    lists: dict[str, list[ExpiryItem]] = {name: [] for name in EXPIRY_LISTS}
    for row in rows:
        end = row.end_date
        if end is None:
            lists["no_end"].append(_item(row, today))
        elif today <= end <= today + dt.timedelta(days=days):
            lists["expiring"].append(_item(row, today))
        elif today - dt.timedelta(days=days) <= end < today and not row.amended_by:
            lists["lapsed"].append(_item(row, today))
        if row.doc_type == "PKS" and not row.parents:
            lists["orphan_pks"].append(_item(row, today))
        if row.doc_type == "NK" and end is not None:
            later = [
                c
                for c in row.children
                if c in by_id and (by_id[c].end_date is None or by_id[c].end_date > end)  # type: ignore[operator]
            ]
            if later:
                lists["outlived"].append(_item(row, today, later))
    for name in ("expiring", "lapsed"):
        lists[name].sort(key=lambda i: (i.end_date or today, i.id))
    return ExpiryActions(today=today, days=days, **lists)
