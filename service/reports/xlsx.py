"""The yearly report as an XLSX workbook: summary, charts, criteria, one row
per agreement, with real dates, column widths, Indonesian headers and values
and region columns.

Cell text comes from documents, so it is untrusted: every cell goes through
``_cell``, the one place this module writes, which stores text as a plain
string (never a formula, whatever it starts with) and dates as dates. When the
shared spreadsheet writer lands on main, ``_cell`` is what switches to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

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
from service.reports.yearly import YearlyReport

DATE_FORMAT = "dd/mm/yyyy"
_BOLD = Font(bold=True)


def _cell(sheet: WriteOnlyWorksheet, value: Any, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    if bold:
        cell.font = _BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _sheet(book: Workbook, title: str, widths: Sequence[int]) -> WriteOnlyWorksheet:
    sheet = book.create_sheet(title)
    assert isinstance(sheet, WriteOnlyWorksheet)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    return sheet


def _append(sheet: WriteOnlyWorksheet, values: Sequence[Any], *, bold: bool = False) -> None:
    sheet.append([_cell(sheet, v, bold=bold) for v in values])


def _names(codes: list[str]) -> str:
    bodies = all_bodies()
    return "; ".join(bodies[c].name if c in bodies else c for c in codes)


def report_xlsx(report: YearlyReport, *, charts: bool = True) -> bytes:
    book = Workbook(write_only=True)
    summary = _sheet(book, "Ringkasan", [46, 40])
    _append(summary, ["Laporan monitoring dan evaluasi kerja sama daerah"], bold=True)
    for name, value in (
        ("Badan pelapor", report.body_name),
        ("Tahun anggaran", report.fiscal_year),
        ("Keadaan per tanggal", report.as_of),
        ("Batas waktu penyampaian", report.deadline),
        ("Kerja sama berlaku dalam tahun", len(report.rows)),
        ("Berlaku pada akhir tahun", report.active_at_year_end),
        *((AGREEMENT_STATE_LABELS[k], report.states.get(k, 0)) for k in AGREEMENT_STATE_LABELS),
        ("Perlu ditinjau", report.needs_review),
        *(
            (f"Ditandatangani dalam tahun: {label(DOC_TYPE_LABELS, k)}", v)
            for k, v in sorted(report.signed_in_year.items())
        ),
        ("Dievaluasi", report.evaluation.evaluated),
        ("Cakupan evaluasi", report.evaluation.coverage),
        ("Rata-rata nilai evaluasi", report.evaluation.average),
        ("Dibuat", format_date(report.generated_at.date())),
    ):
        _append(summary, [name, value])
    if charts:
        pictures = book.create_sheet("Grafik")
        for n, name in enumerate(CHART_TITLES):
            image = Image(BytesIO(chart(name, report)))
            image.anchor = f"A{1 + n * 20}"
            pictures.add_image(image)
    criteria = _sheet(book, "Evaluasi", [54, 12, 12, 12])
    _append(criteria, ["Kriteria", "Dievaluasi", "Cakupan", "Rata-rata"], bold=True)
    for item in report.evaluation.criteria:
        _append(criteria, [item.label, item.evaluated, item.coverage, item.average])
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
        *((c.label, 16) for c in CRITERIA),
    ]
    sheet = _sheet(book, "Kerja sama", [w for _, w in columns])
    sheet.freeze_panes = "A2"
    _append(sheet, [name for name, _ in columns], bold=True)
    for row in report.rows:
        _append(
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
                *((row.scores or {}).get(c.code) for c in CRITERIA),
            ],
        )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
