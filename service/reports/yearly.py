"""The yearly monev report: what the registry says about one fiscal year.

Built only from current values (corrections win over extraction), so the report
a province sends is what its reviewers confirmed. Agreements whose end date is
unknown are counted apart rather than guessed: they are the ones monev must
chase.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from io import BytesIO

from pydantic import BaseModel, Field

from service.registry.records import AgreementSummary
from service.reports.deadline import report_deadline


class ReportRow(BaseModel):
    id: int
    doc_type: str | None
    title: str | None
    numbers: list[str]
    parties: list[str]
    signing_date: dt.date | None
    end_date: dt.date | None
    state: str = Field(..., description="signed | active | expired | expiring | unknown_end")
    status: str


class YearlyReport(BaseModel):
    fiscal_year: int
    deadline: dt.date
    generated_at: dt.datetime
    region_scope: str | None = None
    signed_in_year: dict[str, int]
    active_at_year_end: int
    expired_in_year: int
    expiring_next_180_days: int
    unknown_end_date: int
    needs_review: int
    by_province: dict[str, int]
    rows: list[ReportRow]


def _state(item: AgreementSummary, year_end: dt.date) -> str:
    year_start = dt.date(year_end.year, 1, 1)
    if item.end_date is None:
        return "unknown_end"
    if year_start <= item.end_date < year_end:
        return "expired"
    if year_end <= item.end_date <= year_end + dt.timedelta(days=180):
        return "expiring"
    if item.signing_date is not None and item.signing_date.year == year_end.year:
        return "signed"
    return "active"


def build_yearly_report(
    agreements: Iterable[AgreementSummary],
    fiscal_year: int,
    *,
    region_scope: str | None = None,
    now: dt.datetime | None = None,
) -> YearlyReport:
    """Summarise every agreement in force at some point during ``fiscal_year``."""
    year_start, year_end = dt.date(fiscal_year, 1, 1), dt.date(fiscal_year, 12, 31)
    rows: list[ReportRow] = []
    signed: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    active = expired = expiring = unknown = review = 0
    for item in agreements:
        if item.status == "merged":
            continue
        if item.signing_date is not None and item.signing_date > year_end:
            continue
        if item.end_date is not None and item.end_date < year_start:
            continue
        state = _state(item, year_end)
        if item.signing_date is not None and item.signing_date.year == fiscal_year:
            signed[item.doc_type or "other"] += 1
        if item.end_date is None or item.end_date >= year_end:
            active += 1
        expired += state == "expired"
        expiring += state == "expiring"
        unknown += state == "unknown_end"
        review += item.status == "needs_review"
        for code in {c.split(".")[0] for c in item.region_codes}:
            provinces[code] += 1
        rows.append(
            ReportRow(
                id=item.id,
                doc_type=item.doc_type,
                title=item.title,
                numbers=item.numbers,
                parties=item.parties,
                signing_date=item.signing_date,
                end_date=item.end_date,
                state=state,
                status=item.status,
            )
        )
    return YearlyReport(
        fiscal_year=fiscal_year,
        deadline=report_deadline(fiscal_year),
        generated_at=now or dt.datetime.now(dt.UTC),
        region_scope=region_scope,
        signed_in_year=dict(signed),
        active_at_year_end=active,
        expired_in_year=expired,
        expiring_next_180_days=expiring,
        unknown_end_date=unknown,
        needs_review=review,
        by_province=dict(sorted(provinces.items())),
        rows=rows,
    )


def report_xlsx(report: YearlyReport) -> bytes:
    """The report as a workbook: a summary sheet and one row per agreement."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Ringkasan"
    summary.append(["Laporan monev kerja sama daerah", report.fiscal_year])
    summary.append(["Batas waktu penyampaian", report.deadline.isoformat()])
    summary.append(["Aktif pada akhir tahun", report.active_at_year_end])
    summary.append(["Berakhir dalam tahun", report.expired_in_year])
    summary.append(["Berakhir dalam 180 hari", report.expiring_next_180_days])
    summary.append(["Tanggal berakhir tidak diketahui", report.unknown_end_date])
    summary.append(["Perlu diperiksa", report.needs_review])
    for doc_type, count in sorted(report.signed_in_year.items()):
        summary.append([f"Ditandatangani ({doc_type})", count])
    sheet = book.create_sheet("Kerja sama")
    sheet.append(["id", "jenis", "judul", "nomor", "para pihak", "tanggal", "berakhir", "keadaan"])
    for row in report.rows:
        sheet.append(
            [
                row.id,
                row.doc_type,
                row.title,
                "; ".join(row.numbers),
                "; ".join(row.parties),
                row.signing_date.isoformat() if row.signing_date else None,
                row.end_date.isoformat() if row.end_date else None,
                row.state,
            ]
        )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
