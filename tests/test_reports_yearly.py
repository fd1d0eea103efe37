"""The yearly report counts agreements by their state at the fiscal year's end."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from openpyxl import load_workbook

from service.reports.portfolio import MonevRow, PartyRef
from service.reports.xlsx import report_xlsx
from service.reports.yearly import build_yearly_report

CLOSED = dt.date(2026, 6, 1)
"""A day after the 2024 report's year: states are read on 31 December 2024."""


def _row(i: int, signed: str | None, end: str | None, **kw: object) -> MonevRow:
    regions: list[str] = kw.get("regions", ["35.15"])  # type: ignore[assignment]
    return MonevRow(
        id=i,
        status=str(kw.get("status", "reviewed")),
        doc_type=str(kw.get("doc_type", "NK")),
        title=str(kw.get("title", f"NOTA KESEPAHAMAN {i}")),
        parties=[PartyRef(institution=f"Pemda {c}", kind="pemkab", region_code=c) for c in regions]
        + [PartyRef(institution="Universitas Airlangga", kind="universitas")],
        scope=list(kw.get("scope", ["pendidikan dan pelatihan"])),  # type: ignore[call-overload]
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
    report = build_yearly_report(rows, 2024, today=CLOSED)
    assert [r.id for r in report.rows] == [1, 2, 3, 4]
    assert {r.id: r.state for r in report.rows} == {
        1: "signed",
        2: "expired",
        3: "expiring",
        4: "unknown_end",
    }
    assert report.as_of == dt.date(2024, 12, 31)
    assert report.signed_in_year == {"NK": 1}
    assert report.active_at_year_end == 3  # 1, 3 and the one with no end date
    assert report.needs_review == 1
    assert report.by_province == {"32": 1, "35": 3}
    assert report.by_party_kind == {"pemkab": 4, "universitas": 4}
    assert report.by_field == {"Pendidikan": 4}
    assert report.by_signing_year == {2020: 1, 2021: 1, 2022: 1, 2024: 1}
    assert report.rows[3].regions == ["32.02"] and report.rows[3].provinces == ["32"]
    assert report.deadline == dt.date(2025, 1, 10)


def test_ending_in_18_days_is_expiring_not_expired_in_the_current_year() -> None:
    today = dt.date(2026, 12, 1)
    soon = (today + dt.timedelta(days=18)).isoformat()
    rows = [_row(1, "2022-01-01", soon), _row(2, "2022-01-01", "2026-11-20")]
    report = build_yearly_report(rows, 2026, today=today)
    assert report.as_of == today
    assert {r.id: r.state for r in report.rows} == {1: "expiring", 2: "expired"}
    assert report.states == {"expiring": 1, "expired": 1}
    # Read again once the year is closed, both ended within it.
    closed = build_yearly_report(rows, 2026, today=dt.date(2027, 2, 1))
    assert {r.id: r.state for r in closed.rows} == {1: "expired", 2: "expired"}


def test_xlsx_real_dates_widths_indonesian_values_and_no_formulas() -> None:
    rows = [
        _row(1, "2024-03-01", "2029-02-28", title='=HYPERLINK("http://x","klik")'),
        _row(2, "2020-01-10", "2024-06-30", regions=["35.78"]),
    ]
    report = build_yearly_report(rows, 2024, today=CLOSED)
    book = load_workbook(BytesIO(report_xlsx(report)))
    summary = book["Ringkasan"]
    assert summary["A5"].value == "Batas waktu penyampaian"
    assert summary["B5"].value == dt.datetime(2025, 1, 10)
    assert summary["B5"].number_format == "dd/mm/yyyy"
    sheet = book["Kerja sama"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["No. registri", "Jenis", "Judul", "Nomor"]
    assert "Kabupaten/kota" in header and "Tanggal berakhir" in header
    first, second = sheet[2], sheet[3]
    title = first[header.index("Judul")]
    assert title.value == '=HYPERLINK("http://x","klik")' and title.data_type == "s"
    assert first[header.index("Jenis")].value == "Nota Kesepahaman"
    assert first[header.index("Tanggal penandatanganan")].value == dt.datetime(2024, 3, 1)
    assert second[header.index("Keadaan")].value == "Sudah berakhir"
    assert second[header.index("Kabupaten/kota")].value == "Kota Surabaya"
    assert second[header.index("Provinsi")].value == "Jawa Timur"
    assert first[header.index("Jenis mitra")].value == "Pemerintah kabupaten; Perguruan tinggi"
    assert sheet.column_dimensions["C"].width == 60
    assert "Grafik" in book.sheetnames


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
    report = build_yearly_report(rows, 2024, evaluations=evaluations, today=CLOSED)
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
    criteria = {r[0]: r[1:] for r in book["Evaluasi"].iter_rows(min_row=2, values_only=True)}
    assert criteria[by_code["relevansi"].label] == (2, 0.5, 3.5)


def test_no_agreements_means_no_coverage() -> None:
    report = build_yearly_report([], 2024)
    assert report.evaluation.coverage == 0.0 and report.evaluation.average is None
    assert all(c.average is None for c in report.evaluation.criteria)
