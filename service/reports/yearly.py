"""The yearly monev report: what the registry says about one fiscal year.

Built only from current values (corrections win over extraction), so the report
a province sends is what its reviewers confirmed. Agreements whose end date is
unknown are counted apart rather than guessed: they are the ones monev must
chase.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from io import BytesIO
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from service.registry.records import AgreementQuery, AgreementSummary
from service.reports.criteria import CRITERIA
from service.reports.deadline import REPORT_WORKING_DAYS, report_deadline
from service.reports.evaluations import Evaluation, EvaluationStore

if TYPE_CHECKING:
    from service.registry import Registry


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
    scores: dict[str, int] | None = Field(
        None, description="the current evaluation for the year: criterion code -> score"
    )
    evaluation_average: float | None = None


class CriterionSummary(BaseModel):
    code: str
    label: str
    evaluated: int = Field(..., description="report rows with a current score for it")
    coverage: float = Field(..., description="evaluated / report rows (0..1)")
    average: float | None = Field(None, description="mean score over the evaluated rows")


class EvaluationCoverage(BaseModel):
    agreements: int
    evaluated: int
    coverage: float
    average: float | None
    criteria: list[CriterionSummary]


class YearlyReport(BaseModel):
    fiscal_year: int
    deadline: dt.date
    deadline_working_days: int = REPORT_WORKING_DAYS
    generated_at: dt.datetime
    region_scope: str | None = None
    signed_in_year: dict[str, int]
    active_at_year_end: int
    expired_in_year: int
    expiring_next_180_days: int
    unknown_end_date: int
    needs_review: int
    by_province: dict[str, int]
    evaluation: EvaluationCoverage
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
    evaluations: Mapping[int, Evaluation] | None = None,
    now: dt.datetime | None = None,
) -> YearlyReport:
    """Summarise every agreement in force at some point during ``fiscal_year``,
    with ``evaluations`` (agreement id -> its current evaluation for the year)
    giving the coverage and average per criterion."""
    evaluations = evaluations or {}
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
                **_scores(evaluations.get(item.id)),
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
        evaluation=_coverage(rows),
        rows=rows,
    )


def _scores(evaluation: Evaluation | None) -> dict[str, object]:
    if evaluation is None:
        return {}
    return {
        "scores": {code: item.score for code, item in evaluation.scores.items()},
        "evaluation_average": evaluation.average,
    }


def _mean(values: list[int] | list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _coverage(rows: list[ReportRow]) -> EvaluationCoverage:
    """How much of the year's portfolio was evaluated, and how it scored: the
    part of the report the ministry reads against its seven criteria."""
    total = len(rows)
    criteria = []
    for criterion in CRITERIA:
        scored = [r.scores[criterion.code] for r in rows if r.scores and criterion.code in r.scores]
        criteria.append(
            CriterionSummary(
                code=criterion.code,
                label=criterion.label,
                evaluated=len(scored),
                coverage=round(len(scored) / total, 4) if total else 0.0,
                average=_mean(scored),
            )
        )
    averages = [r.evaluation_average for r in rows if r.evaluation_average is not None]
    return EvaluationCoverage(
        agreements=total,
        evaluated=len(averages),
        coverage=round(len(averages) / total, 4) if total else 0.0,
        average=_mean(averages),
        criteria=criteria,
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
    summary.append(["Dievaluasi", report.evaluation.evaluated])
    summary.append(["Cakupan evaluasi", report.evaluation.coverage])
    summary.append(["Rata-rata nilai evaluasi", report.evaluation.average])
    criteria = book.create_sheet("Evaluasi")
    criteria.append(["kode", "kriteria", "dievaluasi", "cakupan", "rata-rata"])
    for item in report.evaluation.criteria:
        criteria.append([item.code, item.label, item.evaluated, item.coverage, item.average])
    sheet = book.create_sheet("Kerja sama")
    sheet.append(
        [
            "id",
            "jenis",
            "judul",
            "nomor",
            "para pihak",
            "tanggal",
            "berakhir",
            "keadaan",
            "rata-rata evaluasi",
            *(c.code for c in CRITERIA),
        ]
    )
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
                row.evaluation_average,
                *((row.scores or {}).get(c.code) for c in CRITERIA),
            ]
        )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def yearly_from_registry(
    registry: Registry, fiscal_year: int, *, region_scope: str | None = None
) -> YearlyReport:
    """The report over the registry's current values and the year's current
    evaluations; a region-scoped caller sees only its region's agreements."""
    rows = list(registry.iter_agreements(AgreementQuery(), region_scope=region_scope))
    evaluations = EvaluationStore(registry).current_for_year(fiscal_year, (r.id for r in rows))
    return build_yearly_report(
        rows, fiscal_year, region_scope=region_scope, evaluations=evaluations
    )
