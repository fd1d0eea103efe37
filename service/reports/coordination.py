"""Coordination views: a province over its kabupaten/kota, the ministry over
the provinces.

The province coordinates, supervises and compiles its kabupaten/kota; the
ministry does the same for the provinces. One line per body below: its
agreements in force during the year, those ending soon, those with no end
date, how many were evaluated, and where its yearly report stands. The
caller's region scope decides which coordinating body it may open at all.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from models.errors import NotFoundError, ValidationFailedError
from service.reports.bodies import MINISTRY, Body, children, get_body, visible
from service.reports.evaluations import EvaluationStore
from service.reports.portfolio import MonevRow, load_rows
from service.reports.states import as_of, in_year
from service.reports.submissions import BodyReport, SubmissionStore

if TYPE_CHECKING:
    from service.registry import Registry


class CoordinationLine(BaseModel):
    body: str
    body_name: str
    level: str
    agreements: int = Field(..., description="in force at some point of the fiscal year")
    expiring: int = Field(..., description="ending within the window from today")
    no_end_date: int
    evaluated: int = Field(..., description="with a current evaluation for the year")
    report: BodyReport
    reports_below: dict[str, int] = Field(
        default_factory=dict,
        description="ministry view: the province's kab/kota reports by deadline status",
    )
    agreement_ids: list[int] = Field(default_factory=list)


class CoordinationView(BaseModel):
    body: str
    body_name: str
    fiscal_year: int
    today: dt.date
    days: int
    lines: list[CoordinationLine]
    totals: dict[str, int]
    reports: dict[str, int] = Field(..., description="lines' reports by deadline status")


def coordinating_body(scope: str | None, code: str | None) -> Body:
    """The province or ministry view a caller asked for (default: its own)."""
    wanted = code or (scope.split(".")[0] if scope else MINISTRY)
    body = get_body(wanted)
    if not visible(scope, body.code) or (scope is not None and "." in scope):
        raise NotFoundError(f"Tidak ada halaman koordinasi {wanted!r} untuk akun ini.")
    if body.level not in ("provinsi", "kementerian") or body.code != body.code.split(".")[0]:
        raise ValidationFailedError(
            "Halaman koordinasi hanya untuk provinsi atau kementerian.",
            detail={"body": body.code},
        )
    return body


def _line_of(row: MonevRow, coordinator: Body) -> set[str]:
    """Which line(s) of the view an agreement counts under."""
    if coordinator.code == MINISTRY:
        return {b.split(".")[0] for b in row.bodies if not b.startswith(MINISTRY)}
    return {b for b in row.bodies if b == coordinator.code or b.startswith(coordinator.code + ".")}


def coordination(
    registry: Registry,
    fiscal_year: int,
    *,
    scope: str | None,
    body: str | None = None,
    days: int = 90,
    today: dt.date | None = None,
) -> CoordinationView:
    today = today or dt.date.today()
    coordinator = coordinating_body(scope, body)
    span = (dt.date(fiscal_year, 1, 1), as_of(fiscal_year, today))
    if coordinator.code == MINISTRY:
        below = [b for b in children(MINISTRY) if b.level == "provinsi"]
        rows = load_rows(registry, in_force=span)
    else:
        below = [coordinator, *children(coordinator.code)]
        rows = load_rows(registry, region_scope=coordinator.code, in_force=span)
    rows = [r for r in rows if in_year(r.signing_date, r.end_date, fiscal_year, today)]
    evaluated = set(EvaluationStore(registry).current_for_year(fiscal_year, (r.id for r in rows)))
    ids: dict[str, list[int]] = {b.code: [] for b in below}
    counts: dict[str, Counter[str]] = {b.code: Counter() for b in below}
    last = today + dt.timedelta(days=days)
    for row in rows:
        for code in _line_of(row, coordinator) & ids.keys():
            ids[code].append(row.id)
            tally = counts[code]
            tally["agreements"] += 1
            tally["expiring"] += row.end_date is not None and today <= row.end_date <= last
            tally["no_end_date"] += row.end_date is None
            tally["evaluated"] += row.id in evaluated
    store = SubmissionStore(registry)
    reports = {r.body: r for r in store.reports(fiscal_year, below, today=today)}
    below_reports: dict[str, Counter[str]] = {}
    if coordinator.code == MINISTRY:
        for report in store.reports(
            fiscal_year,
            [b for p in below for b in children(p.code)],
            today=today,
        ):
            below_reports.setdefault(report.parent or "", Counter())[report.deadline_status] += 1
    lines = [
        CoordinationLine(
            body=b.code,
            body_name=b.name,
            level=b.level,
            agreements=counts[b.code]["agreements"],
            expiring=counts[b.code]["expiring"],
            no_end_date=counts[b.code]["no_end_date"],
            evaluated=counts[b.code]["evaluated"],
            report=reports[b.code],
            reports_below=dict(below_reports.get(b.code, {})),
            agreement_ids=ids[b.code],
        )
        for b in below
    ]
    # An agreement between two lines counts once in the totals.
    counted = {i for line_ids in ids.values() for i in line_ids}
    totals: Counter[str] = Counter()
    for row in rows:
        if row.id in counted:
            totals["agreements"] += 1
            totals["expiring"] += row.end_date is not None and today <= row.end_date <= last
            totals["no_end_date"] += row.end_date is None
            totals["evaluated"] += row.id in evaluated
    return CoordinationView(
        body=coordinator.code,
        body_name=coordinator.name,
        fiscal_year=fiscal_year,
        today=today,
        days=days,
        lines=lines,
        totals=dict(totals),
        reports=dict(Counter(line.report.deadline_status for line in lines)),
    )
