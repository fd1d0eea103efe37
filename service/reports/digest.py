"""The daily digest of one reporting body: where its yearly report stands and
what it must act on today (expiry lists), as one typed record and a short
Indonesian text.

Printed by ``kerjasama report digest`` and served by the API; mailed only when
``KERJASAMA_DIGEST_SMTP_HOST`` is set and a recipient is given (off by default:
the registry does not need a mail server to work).
"""

from __future__ import annotations

import datetime as dt
import smtplib
from email.message import EmailMessage
from typing import TYPE_CHECKING

from pydantic import BaseModel

from models import Settings
from models.errors import ValidationFailedError
from service.indonesian import (
    DEADLINE_STATUS_LABELS,
    EXPIRY_LIST_LABELS,
    REPORT_STATUS_LABELS,
    format_date,
    format_days,
)
from service.reports.deadline import due_fiscal_year
from service.reports.expiring import EXPIRY_LISTS, ExpiryActions, expiry_actions
from service.reports.submissions import BodyReport, SubmissionStore
from service.reports.yearly import body_rows, report_body

if TYPE_CHECKING:
    from service.registry import Registry

DIGEST_ITEMS = 10
"""Agreements named per list in the text; the record carries them all."""


class Digest(BaseModel):
    body: str
    body_name: str
    today: dt.date
    report: BodyReport
    actions: ExpiryActions
    text: str


def build_digest(
    registry: Registry,
    *,
    scope: str | None,
    body: str | None = None,
    days: int = 30,
    today: dt.date | None = None,
) -> Digest:
    today = today or dt.date.today()
    target = report_body(scope, body)
    year = due_fiscal_year(today)
    [report] = SubmissionStore(registry).reports(year, [target], today=today)
    actions = expiry_actions(body_rows(registry, target), days, today)
    lines = [
        f"Ringkasan harian monev — {target.name}, {format_date(today, weekday=True)}",
        "",
        f"Laporan tahunan {year}: {REPORT_STATUS_LABELS[report.status]}; "
        f"{DEADLINE_STATUS_LABELS[report.deadline_status].lower()} "
        f"(batas {format_date(report.deadline)}, {format_days(report.days_left)}).",
    ]
    for name in EXPIRY_LISTS:
        items = getattr(actions, name)
        window = f" ({days} hari)" if name in ("expiring", "lapsed") else ""
        lines.append(f"{EXPIRY_LIST_LABELS[name]}{window}: {len(items)}")
        for item in items[:DIGEST_ITEMS]:
            number = "; ".join(item.numbers) or "tanpa nomor"
            end = format_date(item.end_date, empty="tanpa tanggal berakhir")
            lines.append(f"  - #{item.id} {item.title or '(tanpa judul)'} [{number}], {end}")
        if len(items) > DIGEST_ITEMS:
            lines.append(f"  … dan {len(items) - DIGEST_ITEMS} lainnya")
    return Digest(
        body=target.code,
        body_name=target.name,
        today=today,
        report=report,
        actions=actions,
        text="\n".join(lines) + "\n",
    )


def mail_digest(digest: Digest, recipient: str, settings: Settings) -> None:
    if not settings.digest_smtp_host:
        raise ValidationFailedError(
            "Pengiriman surel tidak aktif: KERJASAMA_DIGEST_SMTP_HOST belum diatur."
        )
    message = EmailMessage()
    message["Subject"] = f"Ringkasan monev {digest.body_name} {format_date(digest.today)}"
    message["From"] = settings.digest_from
    message["To"] = recipient
    message.set_content(digest.text)
    with smtplib.SMTP(settings.digest_smtp_host, settings.digest_smtp_port, timeout=30) as smtp:
        smtp.send_message(message)
