"""The yearly report counts agreements by their state at the fiscal year's end."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from openpyxl import load_workbook

from service.registry.records import AgreementSummary
from service.reports.yearly import build_yearly_report, report_xlsx


def _row(i: int, signed: str | None, end: str | None, **kw: object) -> AgreementSummary:
    return AgreementSummary(
        id=i,
        version=1,
        status=str(kw.get("status", "reviewed")),
        doc_type=str(kw.get("doc_type", "NK")),
        title=f"NOTA KESEPAHAMAN {i}",
        region_codes=list(kw.get("regions", ["35.15"])),  # type: ignore[call-overload]
        signing_date=dt.date.fromisoformat(signed) if signed else None,
        end_date=dt.date.fromisoformat(end) if end else None,
    )


def test_states_and_counts() -> None:
    rows = [
        _row(1, "2024-03-01", "2029-02-28"),  # signed in year, active
        _row(2, "2020-01-10", "2024-06-30", doc_type="PKS"),  # expired in year
        _row(3, "2021-05-05", "2025-03-01"),  # expiring within 180 days
        _row(4, "2022-02-02", None, status="needs_review", regions=["32.02", "32"]),
        _row(5, "2025-02-01", "2030-01-31"),  # signed after the year: left out
        _row(6, "2015-01-01", "2019-12-31"),  # ended before the year: left out
    ]
    report = build_yearly_report(rows, 2024)
    assert [r.id for r in report.rows] == [1, 2, 3, 4]
    assert {r.id: r.state for r in report.rows} == {
        1: "signed",
        2: "expired",
        3: "expiring",
        4: "unknown_end",
    }
    assert report.signed_in_year == {"NK": 1}
    assert report.active_at_year_end == 3  # 1, 3 and the one with no end date
    assert report.needs_review == 1
    assert report.by_province == {"32": 1, "35": 3}
    assert report.deadline == dt.date(2025, 1, 10)


def test_xlsx_reads_back() -> None:
    report = build_yearly_report([_row(1, "2024-03-01", "2029-02-28")], 2024)
    book = load_workbook(BytesIO(report_xlsx(report)))
    assert book["Ringkasan"]["B2"].value == "2025-01-10"
    assert book["Kerja sama"]["C2"].value == "NOTA KESEPAHAMAN 1"


def test_evaluation_coverage_and_average_per_criterion() -> None:
    from service.reports.criteria import CRITERIA
    from service.reports.evaluations import CriterionScore, Evaluation

    def evaluation(agreement_id: int, score: int, relevance: int) -> Evaluation:
        scores = {c.code: CriterionScore(score=score) for c in CRITERIA}
        scores["relevansi"] = CriterionScore(score=relevance, note="sesuai kebutuhan")
        total = score * 6 + relevance
        return Evaluation(
            id=agreement_id,
            agreement_id=agreement_id,
            fiscal_year=2024,
            evaluator="ani",
            at=dt.datetime(2025, 1, 5, tzinfo=dt.UTC),
            scores=scores,
            average=round(total / 7, 2),
            current=True,
        )

    rows = [_row(i, "2023-01-01", "2028-01-01") for i in (1, 2, 3, 4)]
    evaluations = {1: evaluation(1, 4, 2), 3: evaluation(3, 2, 5), 9: evaluation(9, 1, 1)}
    report = build_yearly_report(rows, 2024, evaluations=evaluations)
    coverage = report.evaluation
    assert (coverage.agreements, coverage.evaluated, coverage.coverage) == (4, 2, 0.5)
    by_code = {c.code: c for c in coverage.criteria}
    assert [c.code for c in coverage.criteria] == [c.code for c in CRITERIA]
    assert by_code["prosedur"].average == 3.0 and by_code["relevansi"].average == 3.5
    assert by_code["keberlanjutan"].evaluated == 2 and by_code["keberlanjutan"].coverage == 0.5
    assert coverage.average == round((26 / 7 + 17 / 7) / 2, 2)
    assert report.rows[0].scores is not None and report.rows[0].scores["relevansi"] == 2
    assert report.rows[1].scores is None and report.rows[1].evaluation_average is None

    book = load_workbook(BytesIO(report_xlsx(report)))
    criteria = {r[0]: r[2:] for r in book["Evaluasi"].iter_rows(min_row=2, values_only=True)}
    assert criteria["relevansi"] == (2, 0.5, 3.5)


def test_no_agreements_means_no_coverage() -> None:
    report = build_yearly_report([], 2024)
    assert report.evaluation.coverage == 0.0 and report.evaluation.average is None
    assert all(c.average is None for c in report.evaluation.criteria)
