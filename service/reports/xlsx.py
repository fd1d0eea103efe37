"""The yearly report as an XLSX workbook: summary, charts, criteria, one row
per agreement, with real dates, column widths, Indonesian headers and values
and region columns.

Cell text comes from documents, so it is untrusted: every cell goes through
the shared writer ``service.spreadsheet``, which neutralises formulas and
keeps dates as dates.
"""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.drawing.image import Image

from service.indonesian import (
    AGREEMENT_STATE_LABELS,
    DOC_TYPE_LABELS,
    PARTY_KIND_LABELS,
    STATUS_LABELS,
    format_date,
    label,
)
from service.reports.bodies import all_bodies
from service.reports.charts import CHART_TITLES, chart
from service.reports.criteria import CRITERIA
from service.reports.yearly import YearlyReport, summary_lines
from service.spreadsheet import append_row, new_sheet


def _names(codes: list[str]) -> str:
    bodies = all_bodies()
    return "; ".join(bodies[c].name if c in bodies else c for c in codes)


def report_xlsx(report: YearlyReport, *, charts: bool = True) -> bytes:
    book = Workbook(write_only=True)
    summary = new_sheet(book, "Ringkasan", [46, 40])
    append_row(summary, ["Laporan monitoring dan evaluasi kerja sama daerah"], bold=True)
    for name, value in (
        ("Badan pelapor", report.body_name),
        ("Tahun anggaran", report.fiscal_year),
        ("Keadaan per tanggal", report.as_of),
        ("Batas waktu penyampaian", report.deadline),
        *summary_lines(report),
        ("Cakupan evaluasi", report.evaluation.coverage),
        ("Rata-rata nilai evaluasi", report.evaluation.average),
        ("Dibuat", format_date(report.generated_at.date())),
    ):
        append_row(summary, [name, value])
    if charts:
        pictures = book.create_sheet("Grafik")
        at = 1
        for name in CHART_TITLES:
            image = Image(BytesIO(chart(name, report)))
            image.anchor = f"A{at}"
            pictures.add_image(image)
            at += -(-int(image.height) // 20) + 1  # a default row is 20 pixels high
    criteria = new_sheet(book, "Evaluasi", [54, 12, 12, 12])
    append_row(criteria, ["Kriteria", "Dievaluasi", "Cakupan", "Rata-rata"], bold=True)
    for item in report.evaluation.criteria:
        append_row(criteria, [item.label, item.evaluated, item.coverage, item.average])
    for title, groups in (
        ("Wilayah", report.evaluation_by_region),
        ("Jenis mitra", report.evaluation_by_party_kind),
        ("Tahun penandatanganan", report.evaluation_by_signing_year),
    ):
        append_row(criteria, [])
        append_row(criteria, [title, "Kerja sama", "Dievaluasi", "Rata-rata"], bold=True)
        for group in groups:
            append_row(
                criteria,
                [group.label or group.key, group.agreements, group.evaluated, group.average],
            )
    append_row(criteria, [])
    append_row(criteria, ["Belum pernah dievaluasi", len(report.never_evaluated)])
    columns = [
        ("No. registri", 10),
        ("Jenis", 22),
        ("Judul", 60),
        ("Nomor", 30),
        ("Para pihak", 50),
        ("Jenis mitra", 30),
        ("Kode provinsi", 10),
        ("Provinsi", 26),
        ("Kode kab/kota", 12),
        ("Kabupaten/kota", 30),
        ("Bidang", 30),
        ("Tanggal penandatanganan", 14),
        ("Tanggal berakhir", 14),
        ("Keadaan", 22),
        ("Status peninjauan", 16),
        ("Rata-rata evaluasi", 12),
        ("Pernah dievaluasi", 14),
        *((c.label, 16) for c in CRITERIA),
    ]
    sheet = new_sheet(book, "Kerja sama", [w for _, w in columns])
    sheet.freeze_panes = "A2"
    append_row(sheet, [name for name, _ in columns], bold=True)
    for row in report.rows:
        append_row(
            sheet,
            [
                row.id,
                label(DOC_TYPE_LABELS, row.doc_type, ""),
                row.title,
                "; ".join(row.numbers),
                "; ".join(row.parties),
                "; ".join(label(PARTY_KIND_LABELS, k) for k in row.party_kinds),
                "; ".join(row.provinces),
                _names(row.provinces),
                "; ".join(row.regions),
                _names(row.regions),
                "; ".join(row.fields),
                row.signing_date,
                row.end_date,
                AGREEMENT_STATE_LABELS[row.state],
                label(STATUS_LABELS, row.status),
                row.evaluation_average,
                "ya" if row.ever_evaluated else "belum pernah",
                *((row.scores or {}).get(c.code) for c in CRITERIA),
            ],
        )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
