"""A reporting body's yearly report as a record: drafted, submitted (by whom,
when), accepted by the body above it or returned with a note.

Kept as a trail of actions (migration ``0500_monev_bodies``, never rewritten);
the latest action is the report's status. The deadline is the same for every
body (7 working days after 31 December); what differs is whether and when each
submitted, so each body's days left or late are counted against its own last
submission.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from models.errors import ConflictError, ForbiddenError, ValidationFailedError
from service.indonesian import REPORT_ACTION_LABELS, REPORT_STATUS_LABELS, local_time
from service.reports.bodies import Body, get_body, may_accept, visible
from service.reports.deadline import report_deadline, working_days_between

if TYPE_CHECKING:
    from service.registry import Registry

Action = Literal["draft", "submit", "accept", "return"]
ReportStatus = Literal["none", "draft", "submitted", "accepted", "returned"]
DeadlineStatus = Literal["on_time", "late", "pending", "overdue"]
NOTE_MAX = 4000

_STATUS_AFTER: dict[str, ReportStatus] = {
    "draft": "draft",
    "submit": "submitted",
    "accept": "accepted",
    "return": "returned",
}
_ALLOWED_FROM: dict[str, set[str]] = {
    "draft": {"none", "draft", "returned"},
    "submit": {"none", "draft", "returned"},
    "accept": {"submitted"},
    "return": {"submitted"},
}


class ReportAction(BaseModel):
    id: int
    action: Action
    user: str
    note: str | None = None
    at: dt.datetime


class BodyReport(BaseModel):
    body: str
    body_name: str
    level: str
    parent: str | None
    fiscal_year: int
    status: ReportStatus
    deadline: dt.date
    submitted_by: str | None = None
    submitted_at: dt.datetime | None = None
    decided_by: str | None = None
    decided_at: dt.datetime | None = None
    return_note: str | None = None
    deadline_status: DeadlineStatus
    days_left: int = Field(..., description="calendar days to the deadline; negative = late")
    working_days_left: int = Field(..., description="working days to the deadline; negative = late")
    history: list[ReportAction] = Field(default_factory=list, description="oldest first")


def _status_of(history: list[ReportAction]) -> ReportStatus:
    return _STATUS_AFTER[history[-1].action] if history else "none"


def body_report(
    body: Body, fiscal_year: int, history: list[ReportAction], today: dt.date
) -> BodyReport:
    deadline = report_deadline(fiscal_year)
    status = _status_of(history)
    submits = [a for a in history if a.action == "submit"]
    decisions = [a for a in history if a.action in ("accept", "return")]
    last_submit = submits[-1] if submits and status in ("submitted", "accepted") else None
    if last_submit is not None:
        day = local_time(last_submit.at).date()
        deadline_status: DeadlineStatus = "on_time" if day <= deadline else "late"
    else:
        day = today
        deadline_status = "pending" if today <= deadline else "overdue"
    decision = decisions[-1] if decisions else None
    return BodyReport(
        body=body.code,
        body_name=body.name,
        level=body.level,
        parent=body.parent,
        fiscal_year=fiscal_year,
        status=status,
        deadline=deadline,
        submitted_by=last_submit.user if last_submit else None,
        submitted_at=last_submit.at if last_submit else None,
        decided_by=decision.user if decision else None,
        decided_at=decision.at if decision else None,
        return_note=decision.note if decision and decision.action == "return" else None,
        deadline_status=deadline_status,
        days_left=(deadline - day).days,
        working_days_left=working_days_between(day, deadline),
        history=history,
    )


class SubmissionStore:
    """Report actions over an open ``Registry`` (its public transactions)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def _history(
        self, conn: sqlite3.Connection, fiscal_year: int, codes: Iterable[str] | None
    ) -> dict[str, list[ReportAction]]:
        out: dict[str, list[ReportAction]] = {}
        for id_, code, action, user, note, at in conn.execute(
            "SELECT id, body_code, action, user, note, at FROM report_actions "
            "WHERE fiscal_year = ? ORDER BY id",
            [fiscal_year],
        ):
            out.setdefault(code, []).append(
                ReportAction(
                    id=id_, action=action, user=user, note=note, at=dt.datetime.fromisoformat(at)
                )
            )
        if codes is not None:
            wanted = set(codes)
            out = {k: v for k, v in out.items() if k in wanted}
        return out

    def reports(
        self, fiscal_year: int, bodies: Iterable[Body], *, today: dt.date | None = None
    ) -> list[BodyReport]:
        today = today or dt.date.today()
        bodies = list(bodies)
        with self.registry.read() as conn:
            history = self._history(conn, fiscal_year, (b.code for b in bodies))
        return [body_report(b, fiscal_year, history.get(b.code, []), today) for b in bodies]

    def act(
        self,
        body_code: str,
        fiscal_year: int,
        action: Action,
        *,
        user: str,
        scope: str | None,
        note: str | None = None,
        now: dt.datetime | None = None,
        today: dt.date | None = None,
    ) -> BodyReport:
        """Record one action. The body itself (an account scoped to it or above)
        drafts and submits; only the body above accepts or returns, and a
        returned report says why."""
        body = get_body(body_code)
        if not visible(scope, body.code):
            raise ForbiddenError(f"Akun ini tidak mencakup {body.name}.")
        if action in ("accept", "return") and not may_accept(scope, body):
            raise ForbiddenError(
                f"Laporan {body.name} diterima atau dikembalikan oleh badan di atasnya."
            )
        note = (note or "").strip() or None
        if note and len(note) > NOTE_MAX:
            raise ValidationFailedError(f"Catatan paling panjang {NOTE_MAX} karakter.")
        if action == "return" and not note:
            raise ValidationFailedError("Laporan yang dikembalikan harus disertai catatan.")
        at = (now or dt.datetime.now(dt.UTC)).isoformat()
        with self.registry.write() as conn:
            history = self._history(conn, fiscal_year, [body.code]).get(body.code, [])
            status = _status_of(history)
            if status not in _ALLOWED_FROM[action]:
                raise ConflictError(
                    f"Laporan {body.name} {fiscal_year} berstatus "
                    f"{REPORT_STATUS_LABELS[status].lower()}; tidak dapat "
                    f"{REPORT_ACTION_LABELS[action]} laporan ini sekarang.",
                    detail={"status": status, "action": action},
                )
            conn.execute(
                "INSERT INTO report_actions (body_code, fiscal_year, action, user, note, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [body.code, fiscal_year, action, user, note, at],
            )
        [report] = self.reports(fiscal_year, [body], today=today)
        return report
